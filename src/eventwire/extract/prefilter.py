"""A cheap pre-test for lexicon regexes: skip a pattern when no word of the text starts as the
pattern's alternatives do.

Lexicon patterns match at a word start (`(?<![\\w])...`), so a match begins with the first letters
of some word of the text. `word_starts(text)` collects each word's first two and three letters
once per text, and `literal_starts(patterns)` the two or three letters each alternative must
begin with; a pattern whose starts are not among the text's cannot match and need not run. Same
results, fewer scans.
"""

from __future__ import annotations

import re

_WORD_START = re.compile(r"(?<!\w)\w\w")
_LITERAL = re.compile(r"[^\W_]+")
_GROUP = re.compile(r"\(\?:([^()]*)\)")


def literal_starts(patterns: list[str], regex: bool = True) -> frozenset[str] | None:
    """The lower-cased first three (or two) letters of every alternative, or None when some
    alternative does not begin with two certain letters (a class, a nested group, an optional
    letter)."""
    starts: set[str] = set()
    for pattern in patterns:
        found = _pattern_starts(pattern, regex)
        if found is None:
            return None
        starts |= found
    return frozenset(starts)


def _pattern_starts(pattern: str, regex: bool) -> set[str] | None:
    group = _GROUP.match(pattern) if regex else None
    if group is None:
        start = _certain_start(pattern, regex)
        return {start} if start else None
    starts = set()
    for alternative in group.group(1).split("|"):
        start = _certain_start(alternative, regex)
        if start is None:
            return None
        starts.add(start)
    return starts


def _certain_start(pattern: str, regex: bool) -> str | None:
    literal = _LITERAL.match(pattern)
    if literal is None:
        return None
    text = literal.group()
    if regex and pattern[literal.end() : literal.end() + 1] in ("?", "*", "{"):
        text = text[:-1]  # a quantifier makes the last letter optional
    return text[:3].lower() if len(text) >= 2 else None


def word_starts(text: str) -> set[str]:
    """The first two and the first three letters of every word."""
    lowered = text.lower()
    present = set()
    for match in _WORD_START.finditer(lowered):
        present.add(match.group())
        present.add(lowered[match.start() : match.start() + 3])
    return present


def may_match(starts: frozenset[str] | None, present: set[str]) -> bool:
    return starts is None or not starts.isdisjoint(present)
