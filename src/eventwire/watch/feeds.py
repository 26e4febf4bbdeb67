"""Feed entries as `watch` needs them: the link to fetch, with the entry's own title, date and
text (used when the page itself cannot be read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventwire.ingest.documents import html_to_text, parse_published


@dataclass(frozen=True)
class Entry:
    link: str
    title: str | None
    published: date | None
    text: str


class FeedError(ValueError):
    pass


def feed_entries(text: str) -> list[Entry]:
    import feedparser

    feed = feedparser.parse(text)
    if feed.bozo and not feed.entries:
        raise FeedError(f"not a readable RSS/Atom feed ({feed.bozo_exception})")
    found = []
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        found.append(Entry(link, entry.get("title"), _published(entry), _text(entry)))
    if feed.bozo and not found:
        raise FeedError(f"not a readable RSS/Atom feed ({feed.bozo_exception})")
    return found


def _published(entry: dict) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return parse_published(entry.get("published"))


def _text(entry: dict) -> str:
    if entry.get("content"):
        return html_to_text(entry["content"][0].get("value", ""))
    return html_to_text(entry.get("summary", ""))
