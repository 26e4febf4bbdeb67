"""Turn a raw record (front matter, JSONL object, feed entry) into a validated `Document`."""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from functools import cache
from typing import Any

from eventwire.data import load_toml
from eventwire.ingest.errors import InputError
from eventwire.models import Document, text_id

FRONT_MATTER_KEYS = ("id", "title", "url", "published", "source", "language")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between two `---` lines at the top of a .txt file, and the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in FRONT_MATTER_KEYS:
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def parse_published(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def html_to_text(markup: str) -> str:
    paragraphs = re.split(r"(?i)</p>|<br\s*/?>", markup)
    return "\n\n".join(
        html.unescape(_TAG.sub("", p)).strip() for p in paragraphs if _TAG.sub("", p).strip()
    )


def build_document(origin: str, record: dict[str, Any], published: date | None) -> Any:
    """A Document, or an InputError naming the origin when the record is unusable."""

    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "no article text (field 'text' is missing or empty)")
    raw_published = record.get("published")
    parsed = parse_published(raw_published)
    if raw_published not in (None, "") and parsed is None:
        return InputError(origin, f"unreadable publication date {raw_published!r}; use YYYY-MM-DD")
    return Document(
        id=str(record.get("id") or text_id(text)),
        text=text,
        title=_optional(record.get("title")),
        url=_optional(record.get("url")),
        published=parsed or published,
        source=_optional(record.get("source")),
        language=_optional(record.get("language")) or detect_language(text),
        origin=origin,
    )


def detect_language(text: str) -> str:
    """The language whose function words are most frequent in the first 2,000 characters."""
    words = re.findall(r"[^\W\d_]+", text[:2000].lower())
    counts = {
        language: sum(word in vocabulary for word in words)
        for language, vocabulary in _function_words().items()
    }
    return max(counts, key=lambda language: (counts[language], language == "en"))


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {
        language: frozenset(words)
        for language, words in load_toml("lexicons/languages.toml").items()
    }


def _optional(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
