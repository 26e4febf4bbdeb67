"""The report's own date: what "on Sunday" and "last week" are counted from.

    report_anchor(text, published) -> Anchor(value, source, span, quote), clutter spans

A news page often carries its date in its text: a wire dateline opening the story ("NIAMEY,
March 3 (Reuters) -", "BAMAKO, 3 mars (AFP) -") or a byline in the page clutter ("Published
14:02 GMT, 3 March 2024", "Mis à jour le 05/03/2024", a line holding only a date). The anchor,
best first:
- a dateline, read against `published` (or the byline) for its year, when it falls within
  `AGREEMENT_DAYS` before the publication date (a feed's date can be the day it was fetched;
  the dateline is the day the story was written);
- the publication date passed with the document;
- with no publication date, the dateline when it gives a year or a byline gives one, else the
  byline's first publication date ("Published", "Publié le"), else its update date, else a
  stand-alone date line near the top.
The dates of datelines, bylines and related-link lines ("Read more: ...", "Lire aussi") are the
page's, never an event's: `clutter` lists their spans so the extractor skips them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from eventwire.extract.time.lexicon import alternation, time_lexicon
from eventwire.extract.time.rules import DateMention, resolve_dates

AGREEMENT_DAYS = 10
"""How far before the publication date a dateline may fall and still be the report's date."""
TOP_CHARS = 1500
"""Bylines and stand-alone date lines count only this near the top of the page."""
SHORT_LINE_WORDS = 12


@dataclass(frozen=True)
class Anchor:
    value: date | None
    source: str
    """published, dateline, byline or none."""
    span: tuple[int, int] | None = None
    quote: str | None = None


@dataclass(frozen=True)
class PageDates:
    anchor: Anchor
    clutter: tuple[tuple[int, int], ...]
    """Spans (dateline, byline and related-link lines) whose dates are the page's."""

    def is_clutter(self, mention: DateMention) -> bool:
        return any(start <= mention.start and mention.end <= end for start, end in self.clutter)


@dataclass(frozen=True)
class _Found:
    kind: str
    """dateline, published, updated or line (a stand-alone date line)."""
    start: int
    end: int
    mention: DateMention


@lru_cache(maxsize=64)
def report_anchor(text: str, published: date | None) -> PageDates:
    """The date the report's relative words count from, and the spans of the page's dates."""
    found = _datelines(text, published) + _bylines(text)
    clutter = tuple((item.start, item.end) for item in found) + _related_lines(text)
    return PageDates(_choose(text, found, published), clutter)


def _choose(text: str, found: list[_Found], published: date | None) -> Anchor:
    dateline = next((item for item in found if item.kind == "dateline"), None)
    page = _page_date(found)
    if dateline is not None and dateline.mention.value is None and page is not None:
        dateline = _reread(text, dateline, page.mention.value)
    if published is not None:
        if dateline is not None and _agrees(dateline.mention.value, published):
            return _anchor(text, dateline)
        return Anchor(published, "published")
    if dateline is not None and dateline.mention.value is not None:
        return _anchor(text, dateline)
    if page is not None:
        return _anchor(text, page)
    return Anchor(None, "none")


def _page_date(found: list[_Found]) -> _Found | None:
    for kind in ("published", "updated", "line"):
        dated = [f for f in found if f.kind == kind and f.mention.value is not None]
        if dated:
            return min(dated, key=lambda f: f.mention.value or date.max)
    return None


def _agrees(value: date | None, published: date) -> bool:
    return value is not None and published - timedelta(AGREEMENT_DAYS) <= value <= published


def _anchor(text: str, item: _Found) -> Anchor:
    source = "dateline" if item.kind == "dateline" else "byline"
    quote = text[item.start : item.end].strip()
    start = item.start + text[item.start : item.end].find(quote)
    return Anchor(item.mention.value, source, (start, start + len(quote)), quote)


def _reread(text: str, item: _Found, reference: date | None) -> _Found:
    """A yearless dateline ("BAMAKO, 3 mars") read against the byline's date."""
    if reference is None:
        return item
    piece = text[item.mention.start : item.mention.end]
    mentions = resolve_dates(piece, reference + timedelta(days=1), tolerance_days=0)
    if len(mentions) != 1 or mentions[0].precision != "day":
        return item
    shifted = replace(item.mention, value=mentions[0].value, precision="day")
    return _Found(item.kind, item.start, item.end, shifted)


# --- datelines --------------------------------------------------------------------------------

_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-ZÀ-Ý][\wÀ-ÿ'’.\-]*(?:[ \t]+[\wÀ-ÿ'’.\-]+){0,3})"
    r"[ \t]*,[ \t]*(?P<date>[^()\n]{3,60}?)[ \t]*"
    r"(?:\((?P<agency>[^()\n]{2,30})\)[ \t]*)?(?P<dash>[-–—])"
)
_DATELINE_CHARS = 600


def _datelines(text: str, published: date | None) -> list[_Found]:
    """The wire dateline opening the story (on the first line of the body, or the first line
    after the clutter): an upper-case place, a date, an agency in brackets, a dash."""
    found: list[_Found] = []
    for match in _DATELINE.finditer(text, 0, min(len(text), _DATELINE_CHARS)):
        if not _is_dateline(match):
            continue
        mention = _date_in(text, match.start("date"), match.end("date"), published)
        if mention is not None:
            found.append(_Found("dateline", match.start(), match.end("dash") - 1, mention))
            break
    return found


def _is_dateline(match: re.Match[str]) -> bool:
    place = match.group("place")
    upper = place.replace("-", "").replace(" ", "").replace(".", "")
    shouting = upper.isupper() and len(upper) >= 3
    return shouting or bool(match.group("agency"))


def _date_in(text: str, start: int, end: int, published: date | None) -> DateMention | None:
    """The one date mention filling text[start:end] (allowing "le", "the"), after the
    country or region a dateline may name first ("OUAGADOUGOU, Burkina Faso, March 3")."""
    while True:
        found = _date_filling(text, start, end, published)
        comma = text.find(",", start, end)
        if found is not None or comma < 0:
            return found
        start = comma + 1


def _date_filling(text: str, start: int, end: int, published: date | None) -> DateMention | None:
    piece = text[start:end]
    mentions = resolve_dates(piece, published)
    if len(mentions) != 1 or mentions[0].kind not in ("explicit", "monthday"):
        return None
    mention = mentions[0]
    rest = (piece[: mention.start] + piece[mention.end :]).strip(" ,.").lower()
    if rest not in ("", "le", "the", "on"):
        return None
    return _offset(mention, start)


# --- bylines and page clutter -----------------------------------------------------------------


@cache
def _byline_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = time_lexicon().page
    published = re.compile(rf"(?<!\w)(?:{alternation(lexicon['published'])})(?!\w)", re.I)
    updated = re.compile(rf"(?<!\w)(?:{alternation(lexicon['updated'])})(?!\w)", re.I)
    return published, updated


_LINE = re.compile(r"[^\n]+")
_WORDS = re.compile(r"[^\W\d_]+")
_TIME_WORDS = frozenset(
    {"gmt", "utc", "am", "pm", "a", "m", "p", "h", "à", "at", "le", "on", "by", "par", "the"}
)


def _bylines(text: str) -> list[_Found]:
    """Dated lines of the page's header: "Published 3 March 2024", "Mis à jour le 05/03/2024",
    "By A. Writer | 3 March 2024 14:02", or a line holding a date and a time alone."""
    found: list[_Found] = []
    published_word, updated_word = _byline_words()
    for line in _LINE.finditer(text, 0, min(len(text), TOP_CHARS)):
        mentions = [m for m in resolve_dates(line.group(), None) if m.value is not None]
        mentions = [m for m in mentions if m.precision == "day" and m.kind == "explicit"]
        if not mentions:
            continue
        words = line.group()
        kind = None
        if _header_line(words) and published_word.search(words):
            kind = "published"
        elif _header_line(words) and updated_word.search(words):
            kind = "updated"
        elif _bare_date_line(words, mentions):
            kind = "line"
        if kind is None:
            continue
        before_update = _before(updated_word, words)
        first = mentions[0]
        if kind == "published" and before_update is not None:
            early = [m for m in mentions if m.start < before_update]
            first = early[0] if early else first
        found.append(_Found(kind, line.start(), line.end(), _offset(first, line.start())))
        if kind == "published" and before_update is not None and len(mentions) > 1:
            last = _offset(mentions[-1], line.start())
            found.append(_Found("updated", line.start(), line.end(), last))
    return found


def _offset(mention: DateMention, by: int) -> DateMention:
    """A mention found in a piece of the text, placed in the whole text."""
    return replace(mention, start=mention.start + by, end=mention.end + by)


def _before(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return match.start() if match else None


def _header_line(line: str) -> bool:
    """Short enough to be a byline, not a sentence of the story ("the report, published on
    3 March 2024, said ...")."""
    words = len(_WORDS.findall(line))
    return words <= 2 * SHORT_LINE_WORDS and not (
        words > SHORT_LINE_WORDS and line.rstrip().endswith((".", "!", "?"))
    )


def _bare_date_line(line: str, mentions: list[DateMention]) -> bool:
    """A short line that is a date (and a time, a weekday, an author) and no sentence."""
    rest = line
    for mention in reversed(mentions):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    words = [w.lower() for w in _WORDS.findall(rest)]
    if len(words) > SHORT_LINE_WORDS or line.rstrip().endswith((".", "!", "?")):
        return False
    weekdays = time_lexicon().weekdays
    content = [w for w in words if w not in _TIME_WORDS and w not in weekdays]
    return len(content) <= 3 or "|" in line or bool(re.match(r"\s*(?:by|par)\b", line, re.I))


def _related_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Lines of related links ("Read more: ...", "Lire aussi : ...") and the short lines
    after a bare "Related" heading: headlines of other stories, with their own dates."""
    related = _related_word()
    spans: list[tuple[int, int]] = []
    in_list = False
    for line in _LINE.finditer(text):
        words = line.group().strip()
        heading = related.match(words)
        if heading:
            spans.append(line.span())
            in_list = not words[heading.end() :].strip(" :-–—")
            continue
        if in_list and len(_WORDS.findall(words)) <= 2 * SHORT_LINE_WORDS:
            spans.append(line.span())
            continue
        in_list = False
    return tuple(spans)


@cache
def _related_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(time_lexicon().page['related'])})(?!\w)", re.I)
