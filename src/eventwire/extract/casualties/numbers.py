"""Figures in a parsed sentence: find number tokens, read their value, range and hedge.

"77", "1,200", "twenty-three", "two million", "a dozen", "10 to 15", "between 10 and 15" give a
value; "dozens", "hundreds", "several" give ACLED's conservative floor with an open top. The words
just before the figure ("more than", "at least", "around", "up to", "an estimated") give the
qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from eventwire.data import load_toml

if TYPE_CHECKING:
    from spacy.tokens import Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
DOZEN = {"dozen": 12, "score": 20}
CONNECTORS = frozenset({"-", "–", "to", "and"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Figure:
    """A figure read off the text: `low..high` (high None = open-ended) and how it was hedged."""

    low: int
    high: int | None
    qualifier: str
    head: Token
    """The token that links the figure to the rest of the parse."""
    tokens: tuple[Token, ...]


@cache
def lexicon() -> dict[str, Any]:
    return load_toml("lexicons/casualties.toml")


@cache
def _qualifier_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    phrases = [
        (qualifier, phrase)
        for qualifier, words in lexicon()["qualifiers"].items()
        for phrase in words
    ]
    phrases.sort(key=lambda item: -len(item[1]))  # "just over" before "over"
    return tuple(
        (qualifier, re.compile(r"(?:^|\W)" + re.escape(phrase) + r"\s*$", re.IGNORECASE))
        for qualifier, phrase in phrases
    )


def is_number_word(token: Token) -> bool:
    lower = token.lower_
    if not (token.like_num or lower in DOZEN or "-" in lower):
        return False
    if _DIGITS.match(lower):
        return True
    return lower in UNITS or lower in SCALES or lower in DOZEN or _is_hyphenated(lower)


def _is_hyphenated(lower: str) -> bool:
    parts = lower.split("-")
    return len(parts) == 2 and all(part in UNITS for part in parts)


def word_value(words: list[str]) -> int | None:
    """Value of one number written in digits and/or words: "1,200", "two million", "a dozen"."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        word = word.lower()
        if word in ("a", "an"):
            current = current or 1
            continue
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in UNITS:
            current += UNITS[word]
        elif _is_hyphenated(word):
            current += sum(UNITS[part] for part in word.split("-"))
        elif word in DOZEN:
            current = (current or 1) * DOZEN[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return int(total + current) if seen else None


def _span(head: Token) -> list[Token]:
    """The contiguous number words around `head`, with range connectors between them."""
    doc, i, j = head.doc, head.i, head.i
    while i > 0 and (is_number_word(doc[i - 1]) or _joins(doc, i - 1)):
        i -= 1
    while j + 1 < len(doc) and (is_number_word(doc[j + 1]) or _joins(doc, j + 1)):
        j += 1
    tokens = list(doc[i : j + 1])
    while tokens and tokens[0].lower_ in CONNECTORS:
        tokens.pop(0)
    while tokens and tokens[-1].lower_ in CONNECTORS:
        tokens.pop()
    if i > 0 and doc[i - 1].lower_ in ("a", "an") and tokens and tokens[0].lower_ in DOZEN:
        tokens.insert(0, doc[i - 1])
    return tokens


def _joins(doc: Any, i: int) -> bool:
    """A connector between two number words ("10 to 15", "20-25", "10 and 15")."""
    if doc[i].lower_ not in CONNECTORS or i == 0 or i + 1 >= len(doc):
        return False
    return is_number_word(doc[i - 1]) and is_number_word(doc[i + 1])


def _range(tokens: list[Token]) -> tuple[int, int] | None:
    words = _join_hyphenated([t.lower_ for t in tokens])
    parts: list[list[str]] = [[]]
    for word in words:
        if word in ("to", "–", "and") or (word == "-" and parts[-1]):
            parts.append([])
        else:
            parts[-1].append(word)
    values = [word_value(part) for part in parts if part]
    if any(v is None for v in values):
        return None
    clean = [v for v in values if v is not None]
    if not clean:
        return None
    return min(clean), max(clean)


def _join_hyphenated(words: list[str]) -> list[str]:
    """ "twenty", "-", "three" -> "twenty-three" (a range needs digits: "20-25")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if (
            i + 2 < len(words)
            and words[i + 1] == "-"
            and UNITS.get(words[i], 0) >= 20
            and 0 < UNITS.get(words[i + 2], 0) < 10
        ):
            out.append(f"{words[i]}-{words[i + 2]}")
            i += 3
            continue
        out.append(words[i])
        i += 1
    return out


def qualifier_before(token: Token) -> str | None:
    sentence = token.doc.text
    before = sentence[max(0, token.idx - 30) : token.idx]
    for qualifier, pattern in _qualifier_patterns():
        if pattern.search(before):
            return qualifier
    return None


def apply_qualifier(
    low: int, high: int | None, qualifier: str | None
) -> tuple[int, int | None, str]:
    if qualifier == "more_than":
        return low + 1, None, qualifier
    if qualifier == "at_least":
        return low, None, qualifier
    if qualifier in ("about", "estimate", "up_to"):
        return low, high, qualifier
    return low, high, "exact" if low == high else "about"


def figures(doc: Any) -> list[Figure]:
    """Every figure of a parsed sentence (not yet checked for being a casualty figure)."""
    found: list[Figure] = []
    taken: set[int] = set()
    for token in doc:
        if token.i in taken:
            continue
        figure = _number_figure(token) if is_number_word(token) else _vague_figure(token)
        if figure is None:
            continue
        taken.update(t.i for t in figure.tokens)
        found.append(figure)
    return found


def _number_figure(token: Token) -> Figure | None:
    tokens = _span(token)
    if not tokens:
        return None
    bounds = _range(tokens)
    if bounds is None:
        return None
    low, high = bounds
    head = _span_head(tokens)
    qualifier = qualifier_before(tokens[0])
    if tokens[0].lower_ in ("a", "an") and qualifier is None and low == high:
        qualifier = "about"  # "a dozen"
    lo, hi, qual = apply_qualifier(low, high, qualifier)
    return Figure(lo, hi, qual, head, tuple(tokens))


def _span_head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head is token:
            return token
    return tokens[-1]


def _vague_figure(token: Token) -> Figure | None:
    """ "dozens of people", "hundreds", "several soldiers", "a number of villagers"."""
    vague: dict[str, int] = lexicon()["vague"]
    lower = token.lower_
    if lower not in vague and token.lemma_.lower() not in ("several", "numerous"):
        return None
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if lower in ("many", "few") and before in ("as", "how", "too", "so"):
        return None
    if lower == "few" and before != "a":
        return None
    if lower == "number":
        return _number_of(token, before)
    if lower in ("dozens", "tens", "scores", "hundreds", "thousands") and not (
        _has_of(token) or token.dep_ in ("nsubj", "nsubjpass", "dobj")
    ):
        return None
    return Figure(vague.get(lower, 3), None, "vague", token, (token,))


def _number_of(token: Token, before: str) -> Figure | None:
    """ "a number of" (2); "an unknown / unspecified number of" (ACLED's low estimate, 3)."""
    if not _has_of(token):
        return None
    unknown = lexicon()["unknown_number"]
    if before in unknown["modifiers"]:
        return Figure(unknown["value"], None, "vague", token, (token,))
    if before == "a":
        return Figure(lexicon()["vague"]["number"], None, "vague", token, (token,))
    return None


def _has_of(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
