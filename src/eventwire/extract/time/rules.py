"""Find date expressions in a text and resolve them against the publication date.

    resolve_dates("Gunmen attacked the camp on Tuesday.", date(2024, 9, 19))
    -> [DateMention(start=28, end=35, text="Tuesday", value=date(2024, 9, 17), precision="day")]

Pure regex rules (English and French) built from `lexicons/time.toml`; no model, no dateparser
(on samples/bench/articles.jsonl, ~0.06 ms an article against ~99 ms for dateparser's
`search_dates` in English and French, which knows none of the conventions below).
Conventions:
- A weekday is the most recent such day on or before publication ("Thursday" in a Thursday article
  is the publication day); "last Tuesday" / "mardi dernier" is strictly before; "next" after.
- A day and month without a year is the most recent such date on or before publication plus
  `tolerance_days` (default 7), so "on December 30" published 2024-01-03 is 2023-12-30.
- Week precision ("last week", "this week", "around 3 August", "3-4 August"): the Wednesday of the
  Monday-Sunday week for a week phrase, the Saturday for a weekend, the first day for an
  approximate day or a span ("3-4 August", "between 16 and 31 January", ACLED's convention), with
  week precision for spans up to seven days and month precision beyond; never after the
  publication date.
- Month precision ("in March 2023", "last month", "earlier this month"): the 15th (or the
  publication date when that is earlier). Year precision ("in 2019", "last year"): 1 July (same
  cap).
- Numeric dates are day first ("17/09/2024") unless that is impossible ("09/25/2024"); when both
  readings are valid and there is a publication date, the latest one not after it (+ tolerance).
- Without a publication date, anything that needs one (weekday, relative word, date without a year)
  has value None and precision None: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from eventwire.extract.time.calendar import (
    capped,
    recent_day,
    safe_date,
    shift_month,
    weekday_after,
    weekday_before,
)
from eventwire.extract.time.lexicon import (
    TimeLexicon,
    alternation,
    month_alternation,
    normalise,
    time_lexicon,
)
from eventwire.extract.time.windows import trigger_windows

Precision = Literal["day", "week", "month", "year"]
Resolved = tuple[date | None, Precision | None, bool, str]
"""(value, precision, relative, kind) as a rule's handler returns it."""


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date | None
    precision: Precision | None
    relative: bool
    kind: str = "explicit"
    """explicit, monthday, month, year, range, weekday, relative, prior ("the previous day",
    counted from the date spoken of before it) or ago."""
    approximate: bool = False
    background: bool = False
    """Preceded by a bound word ("since 2012", "until March"): not the time of an event."""
    possessive: bool = False
    """Followed by 's ("Tuesday's attack")."""


@dataclass(frozen=True)
class _Context:
    published: date | None
    tolerance: int
    month_first: bool


Handler = Callable[[re.Match[str], _Context], Resolved | None]


def resolve_dates(
    text: str,
    published: date | None,
    *,
    tolerance_days: int = 7,
    month_first: bool = False,
) -> list[DateMention]:
    """Every date expression in `text`, resolved against `published`, in text order."""
    context = _Context(published, tolerance_days, month_first)
    candidates: list[tuple[int, int, int, DateMention]] = []
    windows = trigger_windows(text)
    for order, (group, pattern, handler) in enumerate(_rules()):
        for low, high in windows.get(group, ()):
            for match in pattern.finditer(text, low, high):
                resolved = handler(match, context)
                if resolved is not None:
                    mention = _mention(text, match, resolved)
                    candidates.append((match.start(), match.end(), order, mention))
    return _join_spans(text, _non_overlapping(candidates))


_SPAN_OPEN = re.compile(r"(?:between|from|entre|du)\s+$", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"\s*(?:and|to|until|through|-|–|et|au)\s*", re.IGNORECASE)
_DAY_SPAN_LIMIT = 2
"""A span of two days or less keeps its first day ("overnight between 7-8 November")."""


def _join_spans(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "between 16 January 2017 and 31 January 2017": one mention, dated at its first day as ACLED
    codes spans, with week precision up to seven days and month precision beyond."""
    joined: list[DateMention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        span = _span_of(text, first, second)
        if span is None:
            joined.append(first)
            index += 1
        else:
            joined.append(span)
            index += 2
    return joined


def _span_of(text: str, first: DateMention, second: DateMention | None) -> DateMention | None:
    if second is None or first.value is None or second.value is None:
        return None
    if (first.precision != "day" and first.kind != "range") or second.precision not in (
        "day",
        "week",
    ):
        return None
    if not _SPAN_OPEN.search(text[max(0, first.start - 12) : first.start]):
        return None
    if not _SPAN_JOIN.fullmatch(text[first.end : second.start]):
        return None
    days = (second.value - first.value).days
    if not _DAY_SPAN_LIMIT < days <= 62:
        return None
    return DateMention(
        start=first.start,
        end=second.end,
        text=text[first.start : second.end],
        value=first.value,
        precision="week" if days <= 7 else "month",
        relative=first.relative or second.relative,
        kind="range",
        approximate=True,
        background=first.background,
    )


def _mention(text: str, match: re.Match[str], resolved: Resolved) -> DateMention:
    value, precision, relative, kind = resolved
    start, end = match.span("d")
    before = text[max(0, start - 40) : start]
    approximate = kind == "range" or bool(_approximate_re().search(before))
    if approximate and precision == "day" and not _night_re().search(before):
        precision = "week"
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        precision=precision if value is not None else None,
        relative=relative,
        kind=kind,
        approximate=approximate,
        background=bool(_background_re().search(before)),
        possessive=bool(re.match(r"['’]s\b", text[end : end + 3])),
    )


def _non_overlapping(candidates: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    """Longest match wins; on equal length the earlier rule wins."""
    chosen: list[tuple[int, int, DateMention]] = []
    for start, end, _order, mention in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, mention))
    return [mention for _s, _e, mention in sorted(chosen, key=lambda c: c[0])]


# --- rule handlers -----------------------------------------------------------------------------


def _year(match: re.Match[str]) -> int | None:
    text = match.group("year")
    return int(text) if text else None


def _month(match: re.Match[str]) -> int | None:
    """The month number; None for an English name in lower case ("may", "mar")."""
    name = match.group("mon")
    key = name.lower().rstrip(".")
    lexicon = time_lexicon()
    if key in lexicon.english_months and key not in lexicon.french_months and name[0].islower():
        return None
    return lexicon.months[key]


def _day_month(match: re.Match[str], context: _Context, kind: str = "explicit") -> Resolved | None:
    day, month, year = int(match.group("day")), _month(match), _year(match)
    if month is None:
        return None
    if year is not None:
        value = safe_date(year, month, day)
        return (value, "day", False, kind) if value else None
    if not 1 <= day <= 31 or safe_date(2024, month, day) is None:
        return None
    if context.published is None:
        return None, None, True, "monthday"
    value = recent_day(context.published, month, day, context.tolerance)
    return value, "day", True, "monthday" if kind == "explicit" else kind


def _range(match: re.Match[str], context: _Context) -> Resolved | None:
    days = int(match.group("day2")) - int(match.group("day"))
    if not 0 < days <= 20:
        return None
    resolved = _day_month(match, context, kind="range")
    if resolved is None or resolved[0] is None or days <= _DAY_SPAN_LIMIT:
        return resolved
    value, _precision, relative, kind = resolved
    return value, "week" if days <= 7 else "month", relative, kind


def _iso(match: re.Match[str], _context: _Context) -> Resolved | None:
    value = safe_date(int(match.group("year")), int(match.group("mon")), int(match.group("day")))
    return (value, "day", False, "explicit") if value else None


def _numeric(match: re.Match[str], context: _Context) -> Resolved | None:
    first, second, year_text = int(match.group("a")), int(match.group("b")), match.group("year")
    if len(year_text) == 2:
        if match.group("sep") != "/":
            return None
        year = 2000 + int(year_text)
        if context.published and year > context.published.year + 1:
            year -= 100
    else:
        year = int(year_text)
    day, month = (second, first) if context.month_first else (first, second)
    readings = [d for d in (safe_date(year, month, day), safe_date(year, day, month)) if d]
    if len(readings) == 2 and context.published:
        # Both readings valid (03/04/2024): the latest one on or before publication (+ tolerance).
        limit = context.published + timedelta(days=context.tolerance)
        readings = sorted((d for d in readings if d <= limit), reverse=True) or readings
    return (readings[0], "day", False, "explicit") if readings else None


def _month_year(match: re.Match[str], context: _Context) -> Resolved | None:
    year, month = _year(match), _month(match)
    if year is None or month is None:
        return None
    middle = date(year, month, 15)
    if context.published is not None:
        middle = _middle(date(year, month, 1), middle, context.published)
    return middle, "month", False, "month"


def _month_alone(match: re.Match[str], context: _Context) -> Resolved | None:
    month = _month(match)
    if month is None:
        return None
    if context.published is None:
        return None, None, True, "month"
    published = context.published
    year = published.year if month <= published.month else published.year - 1
    return _middle(date(year, month, 1), date(year, month, 15), published), "month", True, "month"


def _year_alone(match: re.Match[str], context: _Context) -> Resolved | None:
    year = int(match.group("year"))
    if context.published and year > context.published.year + 1:
        return None
    return capped(date(year, 7, 1), context.published), "year", False, "year"


def _weekday(match: re.Match[str], context: _Context) -> Resolved | None:
    lexicon = time_lexicon()
    weekday = lexicon.weekdays[match.group("wd").lower()]
    if context.published is None:
        return None, None, True, "weekday"
    if match.group("lw"):
        monday = context.published - timedelta(days=context.published.weekday() + 7)
        return monday + timedelta(days=weekday), "day", True, "weekday"
    modifier = normalise(match.group("mod") or match.group("fmod") or "")
    if modifier in lexicon.future_modifiers:
        return weekday_after(context.published, weekday), "day", True, "weekday"
    strict = modifier in lexicon.past_modifiers
    return weekday_before(context.published, weekday, strict), "day", True, "weekday"


def _night(match: re.Match[str], context: _Context) -> Resolved | None:
    """The night of Monday to Tuesday ("nuit de lundi à mardi"): the first day."""
    lexicon = time_lexicon()
    first = lexicon.weekdays[match.group("wd").lower()]
    second = lexicon.weekdays[match.group("wd2").lower()]
    night = bool(match.group("pre") or match.group("night"))
    if night and (second - first) % 7 != 1:
        return None
    if context.published is None:
        return None, None, True, "weekday"
    last = weekday_before(context.published, second)
    value = last - timedelta(days=(second - first) % 7)
    return (value, "day", True, "weekday") if night else (value, "week", True, "range")


def _relative(match: re.Match[str], context: _Context) -> Resolved | None:
    phrase = normalise(match.group("rel"))
    unit, offset = time_lexicon().relative[phrase]
    if phrase == "overnight" and _DETERMINER.search(match.string, 0, match.start("rel")):
        return None  # "an overnight raid on Friday": an adjective, not last night
    kind = "prior" if unit == "prior" else "relative"
    if context.published is None:
        return None, None, True, kind
    return _offset(context.published, "day" if unit == "prior" else unit, offset, kind)


_DETERMINER = re.compile(r"(?<!\w)(?:a|an|the|its|their|his|her|another)\s+\Z", re.IGNORECASE)


def _ago(match: re.Match[str], context: _Context) -> Resolved | None:
    if not (match.group("pre") or match.group("post")):
        return None
    lexicon = time_lexicon()
    count_text = normalise(match.group("n"))
    count = int(count_text) if count_text.isdigit() else lexicon.numbers.get(count_text)
    if count is None or count > 60:
        return None
    if context.published is None:
        return None, None, True, "ago"
    unit = lexicon.ago_units[normalise(match.group("unit"))]
    if unit == "day":
        return context.published - timedelta(days=count), "day", True, "ago"
    if unit == "week":
        return context.published - timedelta(weeks=count), "week", True, "ago"
    return _offset(context.published, unit, -count, "ago")


def _offset(published: date, unit: str, offset: int, kind: str) -> Resolved:
    if unit == "day":
        return published + timedelta(days=offset), "day", True, kind
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return _middle(monday, monday + timedelta(days=2), published), "week", True, kind
    if unit == "weekend":
        saturday = weekday_before(published, 5) + timedelta(weeks=offset)
        return saturday, "week", True, kind
    if unit == "month":
        year, month = shift_month(published, offset)
        first = date(year, month, 1)
        return _middle(first, date(year, month, 15), published), "month", True, kind
    return capped(date(published.year + offset, 7, 1), published), "year", True, kind


def _middle(start: date, usual: date, published: date) -> date:
    """ACLED's mid-period date (`usual`: mid-week, the 15th) unless it falls after publication
    ("earlier this month" in a report of the 6th): then the middle of the part of the period
    that has elapsed, from `start` to the publication date."""
    if usual <= published:
        return usual
    return start + (max(published, start) - start) // 2


# --- patterns ----------------------------------------------------------------------------------


@cache
def _approximate_re() -> re.Pattern[str]:
    words = alternation(time_lexicon().approximate)
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _night_re() -> re.Pattern[str]:
    """Overnight between 22 and 23 March: one night, so the first day at day precision."""
    return re.compile(r"(?<!\w)(?:overnight|night|nuit)\b[^\W\d]*(?:\s+\w+)?\s+$", re.I)


@cache
def _background_re() -> re.Pattern[str]:
    words = alternation(time_lexicon().background)
    return re.compile(rf"(?<!\w)(?:{words})\s+(?:(?:the|le|la)\s+)?$", re.IGNORECASE)


@cache
def _rules() -> list[tuple[str, re.Pattern[str], Handler]]:
    """(trigger group, pattern, handler), in priority order for equally long matches."""
    lex: TimeLexicon = time_lexicon()
    mon = rf"(?P<mon>{month_alternation(lex)})(?:(?<=\.)|(?!\w))"
    after_mon = r"(?:\s+|(?<=\.))"  # "Feb. 28", and "Feb.28" written without the space
    wd = alternation(tuple(lex.weekdays))
    wd_prefix = rf"(?:(?:{wd})(?:,?\s+|\s*\(\s*))?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?\b"
    day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th|er)?\b"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    optional_year = rf"(?:,?\s+{year})?"
    qualifiers = alternation(lex.qualifiers)
    year_qualifiers = alternation(
        tuple(q for q in lex.qualifiers if q not in {"the", "of", "by", "from", "de"})
    )
    modifiers = alternation(lex.past_modifiers | lex.future_modifiers)
    relative = alternation(tuple(lex.relative))
    numbers = alternation(tuple(lex.numbers))
    units = alternation(tuple(lex.ago_units))
    joiner = r"\s*(?:-|–|to|and|au|et)\s*"
    qualified = r"(?:\s+|(?<=-))"
    last_week = r"\s+(?:of\s+)?last\s+week|\s+de\s+la\s+semaine\s+derni[eè]re"
    months = month_alternation(lex)
    not_weekday_next = (
        rf"(?!,?\s+(?:(?:on|of|between|from|du|de)\s+)?(?:the\s+)?(?:{wd}|{months}|\d))"
    )
    table: list[tuple[str, str, Handler]] = [
        (
            "numeric",
            r"(?<![\d/.\-])(?P<d>(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d))"
            r"(?![\d\-])",
            _iso,
        ),
        (
            "numeric",
            r"(?<![\d/.\-])(?P<d>(?P<a>[0-3]?\d)(?P<sep>[/.\-])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<year>(?:19|20)\d\d|\d\d))(?!\d|[/.\-]\d)",
            _numeric,
        ),
        (
            "month",
            rf"(?<!\w)(?:(?:between|from|du|entre)\s+)?(?P<d>{day}{joiner}{day2}\s+(?:of\s+)?{mon}"
            rf"{optional_year})",
            _range,
        ),
        (
            "month",
            rf"(?<!\w)(?:(?:between|from)\s+)?(?P<d>{mon}{after_mon}{day}{joiner}{day2}{optional_year})",
            _range,
        ),
        (
            "month",
            rf"(?<!\w)(?P<d>{wd_prefix}(?:(?:the|le)\s+)?{day}(?:\s+of)?\s+{mon}{optional_year})",
            _day_month,
        ),
        (
            "month",
            rf"(?<!\w)(?P<d>{wd_prefix}{mon}{after_mon}{day}(?!\s*[:.]\d){optional_year})",
            _day_month,
        ),
        ("month", rf"(?<!\w)(?:(?:{qualifiers}){qualified})?(?P<d>{mon},?\s+{year})", _month_year),
        ("month", rf"(?<!\w)(?:{qualifiers}){qualified}(?P<d>{mon})(?!\s*\d)", _month_alone),
        (
            "weekday",
            rf"(?<!\w)(?:(?P<pre>overnight|(?:the\s+)?night\s+(?:of|from)|nuit\s+(?:de|du))\s+)?"
            rf"(?P<d>(?P<wd>{wd})(?P<night>\s+night)?\s+(?:into|to|à|au)\s+(?P<wd2>{wd}))(?!\w)",
            _night,
        ),
        (
            "weekday",
            rf"(?<!\w)(?P<d>(?:(?P<mod>{modifiers})\s+)?(?P<wd>{wd})(?:(?P<lw>{last_week})|"
            rf"\s+(?P<fmod>{modifiers}))?)"
            r"(?!\w)",
            _weekday,
        ),
        ("relative", rf"(?<!\w)(?P<d>(?P<rel>{relative}))(?![\w\-]){not_weekday_next}", _relative),
        (
            "ago",
            rf"(?<!\w)(?P<d>(?:(?P<pre>il\s+y\s+a)\s+)?(?P<n>\d{{1,2}}|{numbers})\s+"
            rf"(?P<unit>{units})(?:\s+(?P<post>ago))?)(?!\w)",
            _ago,
        ),
        (
            "year",
            rf"(?<!\w)(?:{year_qualifiers}){qualified}(?P<d>{year})(?![.,]\d|\s*%|\s*-\s*\d)",
            _year_alone,
        ),
    ]
    return [(group, re.compile(pattern, re.I), handler) for group, pattern, handler in table]
