"""Where the date rules need to look: windows of text around trigger words.

Running every rule over a whole article costs milliseconds (Python's regex engine scans each
position); a set intersection finds which month names, weekdays, relative words, years and numeric
dates are present at all, and each rule group then runs only around its own triggers.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.extract.time.lexicon import alternation, time_lexicon


def trigger_windows(text: str, margin: int = 32) -> dict[str, list[tuple[int, int]]]:
    """Per rule group, the stretches of text around its trigger words (a month name, a weekday,
    a relative word, a year, a numeric date), cut at whitespace: each rule runs only there, as a
    full scan of every rule over a long article costs milliseconds."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for group, start, end in _triggers(text):
        low, high = _cut(text, start - margin, -1), _cut(text, end + margin, 1)
        group_spans = spans.setdefault(group, [])
        if group_spans and low <= group_spans[-1][1]:
            group_spans[-1] = (group_spans[-1][0], max(high, group_spans[-1][1]))
        else:
            group_spans.append((low, high))
    return spans


def _triggers(text: str) -> list[tuple[str, int, int]]:
    """(group, start, end) of every trigger word: found with a set intersection first, so only
    the few words present are searched for."""
    groups = _trigger_groups()
    found = [("numeric", m.start(), m.end()) for m in _NUMERIC_TRIGGER.finditer(text)]
    found += [("year", m.start(), m.end()) for m in _YEAR.finditer(text) if _alone(text, m)]
    lowered = text.lower()
    present = groups.keys() & set(_TOKEN.findall(lowered))
    if present:
        french = time_lexicon().french_months
        same_length = len(lowered) == len(text)
        finder = _word_finder(tuple(sorted(present)), not same_length)
        for match in finder.finditer(lowered if same_length else text):
            word = text[match.start() : match.end()]
            group = groups[match.group().lower()]
            if group == "month" and word[0].islower() and word.lower() not in french:
                continue
            found.append((group, match.start(), match.end()))
    found.sort(key=lambda item: item[1])
    return found


def _alone(text: str, match: re.Match[str]) -> bool:
    start, end = match.span()
    return not (start and text[start - 1].isdigit()) and not text[end : end + 1].isdigit()


@cache
def _word_finder(words: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words)})\b", re.I if ignore_case else 0)


def _cut(text: str, position: int, step: int) -> int:
    """Move `position` outwards to a whitespace (or the text's edge)."""
    if position <= 0:
        return 0
    if position >= len(text):
        return len(text)
    while 0 < position < len(text) and not text[position].isspace():
        position += step
    return max(0, min(position, len(text)))


_TOKEN = re.compile(r"\w+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMERIC_TRIGGER = re.compile(r"\d[/.\-]\d")
_AGO_WORDS = frozenset({"ago", "y"})
_NOT_TRIGGERS = frozenset(
    {"the", "this", "last", "over", "at", "early", "late", "of", "past"}
    | {"day", "before", "la", "le", "l", "ce", "cet", "cette", "de", "en", "plus", "ci", "tôt"}
)


@cache
def _trigger_groups() -> dict[str, str]:
    """Trigger word -> the rule group it starts a look for."""
    lex = time_lexicon()
    groups = {word: "ago" for word in _AGO_WORDS}
    for phrase in lex.relative:
        groups.update((word, "relative") for word in _TOKEN.findall(phrase))
    groups.update({"overnight": "relative", "night": "relative", "nuit": "relative"})
    for word in _NOT_TRIGGERS:
        groups.pop(word, None)
    groups.update((word, "weekday") for word in lex.weekdays)
    groups.update((word.rstrip("."), "month") for word in lex.months)
    return groups
