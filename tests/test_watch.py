"""`eventwire watch` against a local HTTP server on 127.0.0.1: feeds, pages, 304s, broken and
slow responses, restarts and Ctrl-C."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.ingest.documents import split_front_matter
from eventwire.models import Document, Event
from eventwire.store import Store
from eventwire.watch import (
    Fetcher,
    FetchError,
    FetchPolicy,
    Watcher,
    WatchOptions,
    canonical_link,
    canonical_url,
    content_hash,
)
from tests.factories import event

ARTICLES = Path(__file__).parent.parent / "samples" / "multireport" / "articles"
ETAG = '"feed-v1"'
MODIFIED = "Tue, 12 Mar 2024 10:00:00 GMT"


def _page(name: str, canonical: str | None = None) -> bytes:
    meta, body = split_front_matter((ARTICLES / f"{name}.txt").read_text(encoding="utf-8"))
    paragraphs = "".join(f"<p>{p}</p>" for p in body.strip().split("\n"))
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<!doctype html><html><head><title>{meta['title']}</title>{link}"
        f'<meta property="article:published_time" content="{meta["published"]}">'
        "</head><body>"
        f"<article><h1>{meta['title']}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _feed(links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Report {n}</title><link>{link}</link>"
        f"<pubDate>Tue, 12 Mar 2024 0{n}:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
        f"{items}</channel></rss>"
    ).encode()


class Site:
    """What the server serves; tests change it between polls."""

    def __init__(self) -> None:
        self.base = ""
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.broken = True
        self.routes: dict[str, Any] = {}

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path.split("?")[0])
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            route(self)

        def _send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, *_args: object) -> None:
        """A client that timed out and left (the slow route) is expected here."""


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = QuietServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    _routes(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def _routes(site: Site) -> None:
    def feed(handler: Any) -> None:
        if handler.headers.get("If-None-Match") == ETAG:
            handler._send(304, b"", "application/rss+xml", ETag=ETAG)
            return
        links = [f"{site.base}/a1", f"{site.base}/a2?utm_source=feed#top", f"{site.base}/flaky"]
        handler._send(200, _feed(links), "application/rss+xml", ETag=ETAG)

    def page(name: str, canonical: str | None = None) -> Any:
        return lambda handler: handler._send(200, _page(name, canonical), "text/html")

    def flaky(handler: Any) -> None:
        if site.broken:
            handler._send(503, b"down", "text/plain")
        else:
            page("dori-market-2")(handler)

    def single(handler: Any) -> None:
        if handler.headers.get("If-Modified-Since") == MODIFIED:
            handler._send(304, b"", "text/html", Last_Modified=MODIFIED)
            return
        handler._send(200, _page("gao-bus-ied-1"), "text/html", Last_Modified=MODIFIED)

    def slow(handler: Any) -> None:
        time.sleep(1.5)
        handler._send(200, b"late", "text/plain")

    site.routes.update(
        {
            "/feed.xml": feed,
            "/a1": page("dori-ambush-1"),
            "/a2": page("dori-ambush-2"),
            "/flaky": flaky,
            "/copy": page("dori-ambush-1", canonical="/elsewhere"),
            "/page": single,
            "/slow": slow,
            "/junk.xml": lambda h: h._send(200, b"<rss><channel><item>", "application/rss+xml"),
            "/empty": lambda h: h._send(200, b"<html><body><nav>Home</nav></body></html>",
                                        "text/html"),
        }
    )  # fmt: skip


class FakePipeline:
    """One event per document (the Gao convoy of the factories), no NLP: fast and offline."""

    def __init__(self) -> None:
        self.seen: list[Document] = []

    def process(self, document: Document) -> list[Event]:
        self.seen.append(document)
        item = event(f"ev-{document.id}", document.id, when=date(2024, 3, 12))
        item.id = f"ev-{document.id}"
        return [item]


def _watcher(
    url: str, errors: list[str], pipeline: FakePipeline | None = None
) -> tuple[Watcher, Store]:
    store = Store(url)
    store.dedup_enabled = False
    fetcher = Fetcher(FetchPolicy(timeout=0.5, retries=1, backoff=0.0, host_delay=0.0))
    pipeline = pipeline or FakePipeline()
    watcher = Watcher(
        store, fetcher, lambda: pipeline, WatchOptions(retry_delay=0.0), on_error=errors.append
    )
    return watcher, store


def test_a_feed_is_polled_articles_stored_and_a_restart_reingests_nothing(
    site: Site, store_url: str
) -> None:
    url, errors = store_url, []
    watcher, store = _watcher(url, errors)
    stats = watcher.poll([f"{site.base}/feed.xml"])
    assert (stats.queued, stats.stored) == (3, 2)
    assert store.counts()["documents"] == 2
    assert any("/flaky: HTTP 503" in line and "retrying" in line for line in errors)
    assert site.count("/a2") == 1  # fetched once, by its canonical URL (no tracking, no #)

    pipeline = FakePipeline()
    again, store = _watcher(url, errors, pipeline)
    stats = again.poll([f"{site.base}/feed.xml"])
    assert stats.not_modified == 1 and stats.stored == 0 and pipeline.seen == []
    assert site.headers_of("/feed.xml")[-1].get("If-None-Match") == ETAG
    assert store.counts()["documents"] == 2


def test_a_failed_article_is_retried_on_a_later_poll(site: Site, store_url: str) -> None:
    errors: list[str] = []
    watcher, store = _watcher(store_url, errors)
    watcher.poll([f"{site.base}/feed.xml"])
    assert store.counts()["documents"] == 2
    site.broken = False
    stats = watcher.poll([f"{site.base}/feed.xml"])
    assert stats.stored == 1 and store.counts()["documents"] == 3
    assert site.count("/flaky") == 3  # a try and a retry in the first poll, then a success


def test_the_same_article_under_another_url_is_stored_once(site: Site, tmp_path: Path) -> None:
    errors: list[str] = []
    watcher, store = _watcher(f"sqlite:///{tmp_path / 'w.db'}", errors)
    watcher.poll([f"{site.base}/a1"])
    stats = watcher.poll([f"{site.base}/copy"])
    assert stats.duplicates == 1 and stats.stored == 0
    assert watcher.poll([f"{site.base}/a1"]).duplicates == 1  # a page without validators
    assert store.counts()["documents"] == 1
    assert watcher.state.known(canonical_url(f"{site.base}/a1")) == "done"


def test_a_page_source_is_fetched_conditionally(site: Site, store_url: str) -> None:
    errors: list[str] = []
    watcher, store = _watcher(store_url, errors)
    assert watcher.poll([f"{site.base}/page"]).stored == 1
    assert watcher.poll([f"{site.base}/page"]).not_modified == 1
    assert site.headers_of("/page")[-1].get("If-Modified-Since") == MODIFIED
    assert store.counts()["documents"] == 1 and errors == []


def test_broken_slow_and_unreachable_sources_are_one_line_each(site: Site, tmp_path: Path) -> None:
    errors: list[str] = []
    watcher, store = _watcher(f"sqlite:///{tmp_path / 'w.db'}", errors)
    sources = [f"{site.base}/{name}" for name in ("junk.xml", "slow", "missing", "empty")]
    sources.append("http://127.0.0.1:9/closed")
    stats = watcher.poll(sources)
    assert stats.failed == 5 and store.counts()["documents"] == 0
    assert len(errors) == 5
    by_url = {line.split(": ", 1)[0]: line for line in errors}
    assert "not a readable RSS/Atom feed" in by_url[f"{site.base}/junk.xml"]
    assert "timed out after 0.5 s" in by_url[f"{site.base}/slow"]
    assert "HTTP 404" in by_url[f"{site.base}/missing"]
    assert "no article body" in by_url[f"{site.base}/empty"]
    assert "ConnectError" in by_url["http://127.0.0.1:9/closed"]
    # A failed source waits for its back-off before it is asked again.
    assert watcher.state.source(f"{site.base}/missing")["failures"] == 1  # type: ignore[index]


def test_fetcher_backs_off_and_is_polite_per_host() -> None:
    import httpx

    calls: list[str] = []

    def respond(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(503 if len(calls) < 3 else 200, text="ok")

    slept: list[float] = []
    fetcher = Fetcher(
        FetchPolicy(retries=2, backoff=0.5, host_delay=2.0),
        client=httpx.Client(transport=httpx.MockTransport(respond)),
        sleep=slept.append,
        clock=lambda: 100.0,
    )
    assert fetcher.get("http://news.example/a").status == 200
    assert slept == [0.5, 2.0, 1.0, 2.0]  # back-off 0.5 then 1.0, each after the host delay
    with pytest.raises(FetchError, match="HTTP 503"):
        Fetcher(
            FetchPolicy(retries=0),
            client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503))),
        ).get("http://news.example/b")


def test_canonical_urls_and_content_hashes() -> None:
    assert canonical_url("HTTPS://News.Example:443/a/b/?utm_source=x&id=3&fbclid=y#c") == (
        "https://news.example/a/b?id=3"
    )
    assert canonical_url("http://news.example") == "http://news.example/"
    html = '<head><link href="/story/1/" rel="canonical"></head>'
    assert canonical_link(html, "http://news.example/x?y=1") == "http://news.example/story/1"
    assert content_hash("Eleven  soldiers\nkilled") == content_hash("eleven soldiers killed")


def test_watch_command_once_then_ctrl_c(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    args = ["watch", f"{site.base}/a1", f"{site.base}/a2", "--db", db, "--host-delay", "0"]
    first = runner.invoke(main, [*args, "--once"])
    assert first.exit_code == 0, first.output
    assert "2 article(s) stored" in first.stderr
    stored = Store(db).events()
    assert len(stored) == 1 and len(stored[0].document_ids) == 2  # two reports, one event

    def interrupted(_seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("eventwire.watch.runner.time.sleep", interrupted)
    second = runner.invoke(main, [*args, "--interval", "5"])
    assert second.exit_code == 0
    assert "stopped" in second.stderr and "0 article(s) stored" in second.stderr
