"""Take docs/dashboard.png: the dashboard over the sample articles, in Debian's Chromium.

    .venv/bin/python scripts/screenshot.py [--out docs/dashboard.png] [--event]

The store is a temporary SQLite file seeded by the real pipeline from samples/articles/.
With --event the screenshot shows the event view of the event with the most claims.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import httpx
from dashboard_env import (
    ROOT,
    SAMPLES,
    launch_chromium,
    make_app,
    seed_store,
    serve,
    wait_until_ready,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    parser.add_argument("--event", action="store_true", help="show the event view")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'store.db'}"
        seed_store(db_url, SAMPLES)
        app = make_app(db_url, write_token="screenshot")  # the review form shown enabled
        with serve(app) as base_url, sync_playwright() as playwright:
            path = "/"
            if args.event:
                items = httpx.get(f"{base_url}/api/events", params={"limit": 1000}).json()["items"]
                path = f"/#event={max(items, key=lambda e: len(e['claims']))['id']}"
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.goto(base_url + path)
            wait_until_ready(page)
            if args.event:
                page.wait_for_selector("#event-view[open] mark.claim-hl")
                page.evaluate("document.activeElement.blur()")  # no focus ring in the picture
            page.wait_for_timeout(500)  # let the map's fit-bounds animation settle
            page.screenshot(path=str(args.out), full_page=not args.event)
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
