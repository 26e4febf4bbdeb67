"""The dashboard in a real browser: Debian's Chromium driven by Playwright against the real app,
over a store seeded by the real pipeline with the sample articles and one hostile document.

Without /usr/bin/chromium these tests fail with a message saying how to install it; they are
skipped only when EVENTWIRE_SKIP_BROWSER=1.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

_SPEC = importlib.util.spec_from_file_location(
    "dashboard_env", Path(__file__).resolve().parent.parent / "scripts" / "dashboard_env.py"
)
assert _SPEC and _SPEC.loader
env = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(env)

pytestmark = pytest.mark.skipif(
    os.environ.get("EVENTWIRE_SKIP_BROWSER") == "1", reason="EVENTWIRE_SKIP_BROWSER=1"
)

WRITE_TOKEN = "dashboard-test-token"
HOSTILE_TITLE = (
    "Gunmen attack <script>window.__pwned = 'script'</script> convoy "
    "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
)
HOSTILE_ARTICLE = (
    f"---\ntitle: {HOSTILE_TITLE}\npublished: 2023-05-12\n"
    "source: <b onmouseover=\"alert('source')\">Wire</b>\n---\n"
    "Gunmen killed nine soldiers on Wednesday when they ambushed a military convoy near Gao, "
    "in northern Mali, the army said on Friday.\n"
    "A local official said <img src=y onerror=\"alert('body')\"> the attackers fled on "
    "motorbikes.\n"
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not env.CHROMIUM.exists():
        pytest.fail(env.MISSING_CHROMIUM, pytrace=False)
    folder = tmp_path_factory.mktemp("dashboard")
    hostile = folder / "hostile-title.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db_url = f"sqlite:///{folder / 'store.db'}"
    env.seed_store(db_url, [*env.SAMPLES, hostile])
    with env.serve(env.make_app(db_url, write_token=WRITE_TOKEN)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = env.launch_chromium(playwright)
        yield chromium
        chromium.close()


class Watched:
    """A page with every page error, console error and dialog it raised."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url)
    yield Watched(context.new_page())
    context.close()


def api(base_url: str, path: str, **params: Any) -> Any:
    response = httpx.get(f"{base_url}{path}", params=params, timeout=10)
    response.raise_for_status()
    return response.json()


def placed(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["location"] and e["location"]["latitude"] is not None]


def open_dashboard(watched: Watched, path: str = "/") -> Any:
    page = watched.page
    page.goto(path)
    env.wait_until_ready(page)
    return page


def test_page_loads_with_a_marker_per_located_event(watched: Watched, base_url: str) -> None:
    events = api(base_url, "/api/events", limit=1000)
    page = open_dashboard(watched)
    assert page.title().startswith("eventwire")
    assert page.locator("path.ew-marker").count() == len(placed(events["items"])) >= 6
    assert page.locator("#table tbody tr").count() == events["count"]
    assert page.locator(".leaflet-outlines-pane path").count() > 100  # Natural Earth outlines
    assert page.locator(".map-legend").get_by_text("Battles").is_visible()
    assert page.locator("#timeline svg rect").count() > 0
    offsite = [url for url in watched.requests if not url.startswith(base_url)]
    assert offsite == []  # no CDN, no tiles: everything comes from the app
    assert watched.errors == []


def test_a_filter_changes_map_table_and_url(watched: Watched, base_url: str) -> None:
    everything = api(base_url, "/api/events", limit=1000)["items"]
    expected = api(base_url, "/api/events", limit=1000, min_fatalities=20)
    assert 0 < expected["count"] < len(everything)
    page = open_dashboard(watched)
    page.fill("#f-min", "20")
    page.press("#f-min", "Enter")
    rows = page.locator("#table tbody tr")
    rows.first.wait_for()
    page.wait_for_function(
        "n => document.querySelectorAll('#table tbody tr').length === n", arg=expected["count"]
    )
    shown = {row.get_attribute("data-event-id") for row in rows.all()}
    assert shown == {e["id"] for e in expected["items"]}
    markers = page.locator("path.ew-marker")
    assert {m.get_attribute("data-event-id") for m in markers.all()} == {
        e["id"] for e in placed(expected["items"])
    }
    assert "min_fatalities=20" in page.url

    country = expected["items"][0]["location"]["country"]
    page.select_option("#f-country", country)
    in_country = api(base_url, "/api/events", min_fatalities=20, country=country)["count"]
    page.wait_for_function(
        "n => document.querySelectorAll('#table tbody tr').length === n", arg=in_country
    )
    assert page.locator("path.ew-marker").count() == in_country
    assert watched.errors == []


def test_event_view_highlights_each_claims_sentence(watched: Watched, base_url: str) -> None:
    events = api(base_url, "/api/events", limit=1000)["items"]
    event = max(events, key=lambda e: len(e["claims"]))
    detail = api(base_url, f"/api/events/{event['id']}")
    texts = {doc["id"]: doc["text"] for doc in detail["documents"]}
    page = open_dashboard(watched)
    page.locator(f'#table tr[data-event-id="{event["id"]}"] a').click()
    page.wait_for_selector("#event-view[open] mark.claim-hl")
    assert page.locator(".claims-table tbody tr").count() == len(event["claims"])
    for index, claim in enumerate(event["claims"]):
        start, end = claim["span"]
        marked = page.locator(f'mark[data-claims~="{index}"]').all_text_contents()
        assert "".join(marked) == texts[claim["document_id"]][start:end]
        row = page.locator(f'.claims-table tr[data-claim="{index}"]')
        assert claim["qualifier"] in row.inner_text()
    page.locator(".claims-table").get_by_role("button", name="show in article").first.click()
    assert page.locator("mark.claim-hl.flash").count() >= 1
    assert watched.errors == []


def test_an_edit_persists_across_a_reload(watched: Watched, base_url: str) -> None:
    events = api(base_url, "/api/events", limit=1000)["items"]
    event = next(e for e in events if e["fatalities"]["best"])
    new_best = event["fatalities"]["best"] + 7
    page = open_dashboard(watched)
    page.click("#open-settings")
    page.fill("#s-user", "Test Analyst")
    page.fill("#s-write", WRITE_TOKEN)
    page.get_by_role("button", name="Save", exact=True).click()

    page.locator(f'#table tr[data-event-id="{event["id"]}"] a').click()
    page.wait_for_selector("#event-view[open] .review-form")
    page.fill("#rv-fatalities_best", str(new_best))
    page.fill("#rv-reason", "Hospital count published the next day")
    page.click(".review-form button[type=submit]")
    page.wait_for_selector(".review-form .form-status:has-text('Saved')")

    page.reload()
    env.wait_until_ready(page)
    page.wait_for_selector("#event-view[open] .facts")
    assert str(new_best) in page.locator('.facts dd[data-field="fatalities"]').inner_text()
    audit = page.locator(".audit-table tbody").inner_text()
    assert "Hospital count published the next day" in audit
    assert "Test Analyst" in audit
    row = page.locator(f'#table tr[data-event-id="{event["id"]}"]')
    assert "reviewed" in row.inner_text()
    assert str(new_best) in row.inner_text()
    assert watched.errors == []


def test_a_hostile_title_renders_as_inert_text(watched: Watched, base_url: str) -> None:
    documents = api(base_url, "/api/documents", limit=1000)["items"]
    hostile = next(d for d in documents if d["title"] == HOSTILE_TITLE)
    event_ids = api(base_url, f"/api/documents/{hostile['id']}")["event_ids"]
    assert event_ids, "the pipeline found no event in the hostile article"
    event_id = event_ids[0]
    page = watched.page
    response = page.goto(f"/#event={event_id}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    env.wait_until_ready(page)
    title = page.locator(f'.document[data-document-id="{hostile["id"]}"] .doc-title')
    title.wait_for()
    assert title.text_content() == HOSTILE_TITLE
    assert page.locator("#event-view img, #event-view script, #event-view b").count() == 0
    assert "<img src=y onerror=" in page.locator("#event-view .article-text").text_content()
    assert re.search(r"<b onmouseover=", page.locator("#event-view .doc-meta").text_content())
    page.locator(".doc-title").hover()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert watched.dialogs == []
