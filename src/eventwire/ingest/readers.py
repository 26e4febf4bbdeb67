"""Readers for each input format: each yields Documents or InputErrors, never raises."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from eventwire.ingest.documents import build_document, parse_published, split_front_matter
from eventwire.ingest.errors import InputError
from eventwire.models import Document

MAX_BYTES = 10 * 1024 * 1024
MIN_BODY_WORDS = 5
"""Below this, what trafilatura found in a page is navigation or boilerplate, not an article."""
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


Read = Document | InputError
"""What a reader yields for each input unit."""


def read_inputs(paths: Iterable[str], published: date | None = None) -> Iterator[Read]:
    """Documents from every path ('-' is stdin); `published` fills in a missing publication date."""
    for path in paths:
        yield from read_path(path, published)


def read_path(path: str, published: date | None = None) -> Iterator[Read]:
    raw = _read_bytes(path)
    if isinstance(raw, InputError):
        yield raw
        return
    origin = "<stdin>" if path == "-" else path
    if not raw.strip():
        yield InputError(origin, "empty input")
        return
    if b"\x00" in raw[:8192]:
        yield InputError(origin, "binary data, not text (expected .txt, .jsonl, .html or a feed)")
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield InputError(
            origin, f"not valid UTF-8 (byte {error.start}); re-encode it, e.g. with iconv -t UTF-8"
        )
        return
    yield from _dispatch(origin, Path(path).suffix.lower(), text, published)


def _read_bytes(path: str) -> bytes | InputError:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        origin = "<stdin>"
    else:
        file = Path(path)
        if not file.is_file():
            return InputError(path, "no such file")
        if file.stat().st_size > MAX_BYTES:
            return InputError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB; split it")
        data = file.read_bytes()
        origin = path
    if len(data) > MAX_BYTES:
        return InputError(origin, f"larger than {MAX_BYTES // (1024 * 1024)} MB; split it")
    return data


def _dispatch(origin: str, suffix: str, text: str, published: date | None) -> Iterator[Read]:
    head = text.lstrip()[:200].lower()
    if suffix in JSONL_SUFFIXES or (suffix not in HTML_SUFFIXES and head.startswith("{")):
        yield from _read_jsonl(origin, text, published)
    elif suffix in FEED_SUFFIXES or head.startswith(("<?xml", "<rss", "<feed")):
        yield from _read_feed(origin, text, published)
    elif suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
        yield _read_html(origin, text, published)
    else:
        yield _read_txt(origin, text, published)


def _read_txt(origin: str, text: str, published: date | None) -> Read:
    meta, body = split_front_matter(text)
    return build_document(origin, {**meta, "text": body}, published)


def _read_jsonl(origin: str, text: str, published: date | None) -> Iterator[Read]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg}); is the line truncated?")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "expected a JSON object with a 'text' field")
            continue
        yield build_document(where, record, published)


def _read_html(origin: str, html: str, published: date | None) -> Read:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or len(body.split()) < MIN_BODY_WORDS:
        return InputError(origin, "no article body found in the HTML")
    meta = {
        "title": getattr(extracted, "title", None),
        "url": getattr(extracted, "url", None),
        "published": getattr(extracted, "date", None),
        "source": getattr(extracted, "sitename", None),
        "language": getattr(extracted, "language", None),
        "text": body,
    }
    return build_document(origin, meta, published)


def _read_feed(origin: str, text: str, published: date | None) -> Iterator[Read]:
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        yield InputError(origin, f"not a readable RSS/Atom feed ({feed.bozo_exception})")
        return
    source = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        body = _entry_text(entry)
        record = {
            "id": entry.get("id") or None,
            "title": entry.get("title"),
            "url": entry.get("link"),
            "published": _entry_date(entry),
            "source": source,
            "text": body,
        }
        yield build_document(f"{origin}#{number}", record, published)


def _entry_text(entry: dict) -> str:
    from eventwire.ingest.documents import html_to_text

    if entry.get("content"):
        return html_to_text(entry["content"][0].get("value", ""))
    return html_to_text(entry.get("summary", ""))


def _entry_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return parse_published(entry.get("published")) and entry.get("published")
