"""The watch loop: poll sources, queue new articles, fetch and store them, remember everything.

Each article is stored in its own transaction (`Store.save`, which also deduplicates events)
before its state is marked done, so a stop at any moment loses nothing: an article stored but
not yet marked is recognised by its document id on the next run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.ingest.errors import InputError
from eventwire.ingest.readers import _read_html
from eventwire.models import Document, text_id
from eventwire.watch.feeds import FeedError, feed_entries
from eventwire.watch.http import Fetcher, FetchError, Response
from eventwire.watch.state import PendingItem, WatchState
from eventwire.watch.urls import canonical_link, canonical_url, content_hash

MIN_ENTRY_WORDS = 40
"""A feed entry's own text stands in for its page only when it is at least this long."""


@dataclass(frozen=True)
class WatchOptions:
    retry_delay: float = 60.0
    """Seconds before a failed source or article is tried again (doubled per failure)."""
    max_retry_delay: float = 3600.0
    max_attempts: int = 5


@dataclass
class PollStats:
    sources: int = 0
    not_modified: int = 0
    failed: int = 0
    queued: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


Report = Callable[[str], None]


class Watcher:
    def __init__(
        self,
        store: Any,
        fetcher: Fetcher,
        pipeline_factory: Callable[[], Any],
        options: WatchOptions | None = None,
        on_error: Report | None = None,
        on_stored: Report | None = None,
    ) -> None:
        self.store = store
        self.state = WatchState(store.engine)
        self.fetcher = fetcher
        self.options = options or WatchOptions()
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self.on_error = on_error or (lambda _line: None)
        self.on_stored = on_stored or (lambda _line: None)

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = self._pipeline_factory()
        return self._pipeline

    def poll(self, urls: Sequence[str]) -> PollStats:
        """One round: every due source, then every pending article that is due."""
        stats = PollStats()
        for url in urls:
            if self.state.due(url):
                self._poll_source(url, stats)
        for item in self.state.pending():
            self._fetch_item(item, stats)
        return stats

    def run(
        self, urls: Sequence[str], interval: float, once: bool = False,
        sleep: Callable[[float], None] | None = None,
        on_round: Callable[[PollStats], None] | None = None,
    ) -> None:  # fmt: skip
        """Poll every `interval` seconds until interrupted (KeyboardInterrupt goes to the caller,
        between two stored articles or inside a wait)."""
        while True:
            stats = self.poll(urls)
            if on_round is not None:
                on_round(stats)
            if once:
                return
            (sleep or time.sleep)(interval)

    # --- sources ---------------------------------------------------------------------------

    def _poll_source(self, url: str, stats: PollStats) -> None:
        stats.sources += 1
        known = self.state.source(url) or {}
        try:
            response = self.fetcher.get(url, known.get("etag"), known.get("last_modified"))
        except FetchError as error:
            self._source_failed(url, error.reason, stats)
            return
        if response.not_modified:
            stats.not_modified += 1
            self.state.source_ok(url, 304, response.etag, response.last_modified)
            return
        if _is_feed(response):
            if not self._queue_entries(url, response, stats):
                return
        else:
            self._store_page(url, url, response, None, stats)
        self.state.source_ok(url, response.status, response.etag, response.last_modified)

    def _source_failed(self, url: str, reason: str, stats: PollStats) -> None:
        stats.failed += 1
        delay = self.state.source_failed(
            url, reason, self.options.retry_delay, self.options.max_retry_delay
        )
        self._error(f"{url}: {reason}; retrying in {delay:g} s")

    def _queue_entries(self, url: str, response: Response, stats: PollStats) -> bool:
        try:
            entries = feed_entries(response.text())
        except FeedError as error:
            self._source_failed(url, str(error), stats)
            return False
        for entry in entries:
            key = canonical_url(entry.link)
            if self.state.known(key) is None:
                self.state.add_pending(key, url, entry.title, entry.published, entry.text)
                stats.queued += 1
        return True

    # --- articles --------------------------------------------------------------------------

    def _fetch_item(self, item: PendingItem, stats: PollStats) -> None:
        try:
            response = self.fetcher.get(item.url)
        except FetchError as error:
            self._item_failed(item, error.reason, stats)
            return
        self._store_page(item.url, item.source_url, response, item, stats)

    def _item_failed(self, item: PendingItem, reason: str, stats: PollStats) -> None:
        give_up = item.attempts + 1 >= self.options.max_attempts
        if give_up and _usable(item.entry_text):
            self._store(item.url, item.source_url, self._entry_document(item), stats)
            return
        stats.failed += 1
        delay = min(self.options.retry_delay * 2**item.attempts, self.options.max_retry_delay)
        self.state.item_failed(item.url, reason, delay, give_up)
        tail = "giving up" if give_up else f"retrying in {delay:g} s"
        self._error(f"{item.url}: {reason}; {tail}")

    def _store_page(
        self, key: str, source_url: str, response: Response, item: PendingItem | None,
        stats: PollStats,
    ) -> None:  # fmt: skip
        html = response.text()
        canonical = canonical_link(html, response.url)
        if canonical and canonical != canonical_url(key) and self.state.known(canonical) == "done":
            self.state.item_stored(canonical_url(key), source_url, "duplicate", "", "")
            stats.duplicates += 1
            return
        document = _read_html(key, html, item.published if item else None)
        if isinstance(document, InputError):
            if item is not None and _usable(item.entry_text):
                document = self._entry_document(item)
            else:
                if item is not None:
                    self._item_failed(item, document.reason, stats)
                else:
                    self._error(f"{key}: {document.reason}")
                    stats.failed += 1
                return
        document = replace(
            document,
            url=key,
            title=document.title or (item.title if item else None),
            published=document.published or (item.published if item else None),
        )
        self._store(canonical_url(key), source_url, document, stats)

    def _entry_document(self, item: PendingItem) -> Document:
        text = item.entry_text or ""
        return Document(
            id=text_id(text), text=text, title=item.title, url=item.url,
            published=item.published, origin=item.url,
        )  # fmt: skip

    def _store(self, key: str, source_url: str, document: Document, stats: PollStats) -> None:
        digest = content_hash(document.text)
        document = replace(document, id=text_id(document.text), origin=key)
        if self.state.hash_seen(digest) or self.store.has_document(document.id):
            if self.state.known(key) != "done":  # a page polled again keeps its own record
                self.state.item_stored(key, source_url, "duplicate", digest, document.id)
            stats.duplicates += 1
            return
        events = self.pipeline.process(document)
        self.store.save(document, events)
        self.state.item_stored(key, source_url, "done", digest, document.id)
        stats.stored += 1
        stats.events += len(events)
        self.on_stored(f"{key}: {len(events)} event(s)")

    def _error(self, line: str) -> None:
        self.on_error(line)


def _is_feed(response: Response) -> bool:
    kind = response.content_type.split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    head = response.body[:500].lstrip().lower()
    if kind in ("text/html", "application/xhtml+xml") or head.startswith(b"<!doctype html"):
        return False
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def _usable(text: str | None) -> bool:
    return bool(text) and len((text or "").split()) >= MIN_ENTRY_WORDS
