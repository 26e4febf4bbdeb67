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
from itertools import product

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
    if group is not None and pattern[group.end() : group.end() + 1] in ("?", "*", "{"):
        return None  # an optional group: the pattern may begin after it
    if group is None:
        return _certain_start(pattern, regex)
    starts: set[str] = set()
    for alternative in group.group(1).split("|"):
        found = _certain_start(alternative, regex)
        if found is None:
            return None
        starts |= found
    return starts


def _certain_start(pattern: str, regex: bool) -> set[str] | None:
    """The two or three letters the pattern must begin with, every spelling a leading
    character class allows ("[ée]gorg": "égo", "ego"), or None when fewer than two are certain."""
    if not regex:
        literal = _LITERAL.match(pattern)
        text = literal.group() if literal else ""
        return {text[:3].lower()} if len(text) >= 2 else None
    positions = _leading_letters(pattern)
    if len(positions) < 2:
        return None
    return {"".join(letters) for letters in product(*positions)}


def _leading_letters(pattern: str) -> list[str]:
    """Up to three leading positions of a regex, each as the letters it allows: a letter or a
    plain class ("[ée]"); a quantifier after one makes it optional, which ends the run."""
    positions: list[str] = []
    index = 0
    while index < len(pattern) and len(positions) < 3:
        char = pattern[index]
        if char == "[":
            end = pattern.find("]", index)
            letters = pattern[index + 1 : end] if end > index + 1 else ""
            if not letters or not all(c.isalnum() for c in letters):
                break
            index = end + 1
        elif char.isalnum():
            letters, index = char, index + 1
        else:
            break
        if pattern[index : index + 1] in ("?", "*", "{"):
            break  # a quantifier makes this position optional
        positions.append(letters.lower())
    return positions


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
