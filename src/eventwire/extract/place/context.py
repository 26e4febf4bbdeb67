"""The countries a text points at, before any place is resolved: countries named (not as a
border, an origin or a destination), demonyms ("Malian soldiers"), and the words of
`data/gazetteer/country_hints.toml` that belong to one country's politics (its parties, armed
groups, institutions: "pro-Houthi forces", "Awami League activists", "the Pradeshiya Sabha").

A demonym of armed forces ("Russian forces shelled X", "Israeli artillery struck Y") names the
side that fires, often across a border, and counts only a fraction of a plain demonym: the places
the text names then decide the country. Everything in the event sentences counts double.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.place.mentions import Mention, cues
from eventwire.geo import Gazetteer
from eventwire.nlp.analysis import Sentence

HINTS_FILE = "gazetteer/country_hints.toml"
_FOREIGN_MISSION = re.compile(r"\b[A-Z][a-z]+\s+(?:embassy|consulate|ambassador|envoy)\b", re.I)
"""'the Iranian Embassy in Vienna': the demonym names the mission's country, not the event's."""
_WORD = re.compile(r"[A-Z][\w\u2019'\-]*")


@cache
def _hints() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    """A pattern for any hint (a quick test), and (pattern, alpha-2) pairs: one case-sensitive
    pattern for acronyms, one case-insensitive for the rest, per country."""
    patterns = []
    for alpha2, terms in load_toml(HINTS_FILE)["hints"].items():
        acronyms = [t for t in terms if t.isupper() and len(t) <= 6]
        words = [t for t in terms if t not in acronyms]
        if acronyms:
            patterns.append((re.compile(r"\b(?:" + "|".join(acronyms) + r")\b"), alpha2))
        if words:
            patterns.append((re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I), alpha2))
    any_hint = re.compile("|".join(f"(?:{p.pattern})" for p, _code in patterns), re.I)
    return any_hint, patterns


def _hinted(text: str) -> list[str]:
    """The countries whose hints the text contains (one entry per country and pattern)."""
    any_hint, patterns = _hints()
    if not any_hint.search(text):
        return []
    return [code for pattern, code in patterns if pattern.search(text)]


@cache
def _demonym_cues() -> list[tuple[re.Pattern[str], float]]:
    """(words after a demonym, the share of a plain demonym it then counts)."""
    cues_ = []
    for section in ("forces", "cause"):
        spec = load_toml(HINTS_FILE)[section]
        words = "|".join(spec["after"])
        pattern = re.compile(rf"[\s\-]*(?:(?:pro-)?government\s+)?(?:{words})\b", re.I)
        cues_.append((pattern, float(spec["weight"])))
    return cues_


def _demonym_share(text: str, end: int) -> float:
    for pattern, share in _demonym_cues():
        if pattern.match(text, end):
            return share
    return 1.0


def country_context(
    sentences: list[Sentence], mentions: list[Mention], event_ids: set[int], gaz: Gazetteer
) -> Counter[str]:
    """Weight of each country (alpha-2) the text points at, by name, demonym or hint."""
    weights: Counter[str] = Counter()
    for mention in mentions:
        if mention.country is not None and not elsewhere(mention):
            weights[mention.country.alpha2] += 2 if mention.sentence in event_ids else 1
    for sentence in sentences:
        factor = 2 if sentence.index in event_ids else 1
        text = _FOREIGN_MISSION.sub(" ", sentence.text)
        shares: dict[str, float] = {}  # each demonym once a sentence, at its strongest
        for match in _WORD.finditer(text):
            word = match.group().rstrip("'\u2019")
            share = _demonym_share(text, match.end())
            shares[word] = max(share, shares.get(word, 0.0))
        for word, share in shares.items():
            codes = gaz.demonym_countries(word)
            for code in codes:
                weights[code] += factor * share / len(codes)
        for code in _hinted(sentence.text):
            weights[code] += factor
    return weights


_TITLE_NAME = re.compile(
    r"[A-ZÀ-Ý][\w\u2019'\-]*(?:\s+(?:of\s+the\s+|of\s+|du\s+|de\s+la\s+)?[A-ZÀ-Ý][\w\u2019'\-]*){0,3}"
)


_POSSESSIVE = re.compile(r"[\u2019']s?$")


def title_context(title: str | None, gaz: Gazetteer) -> Counter[str]:
    """The countries a headline names ("Soudan : neuf morts...", "Sudanese army..."), as much
    as a sentence outside the event: a report's body often names only its villages."""
    weights: Counter[str] = Counter()
    if not title:
        return weights
    for match in _TITLE_NAME.finditer(title):
        words = [_POSSESSIVE.sub("", word) for word in match.group().split()]
        for size in range(len(words), 0, -1):  # the longest name first: "Burkina Faso"
            country = gaz.country_named(" ".join(words[:size]).rstrip("'\u2019:,"))
            if country is not None:
                weights[country.alpha2] += 1
                break
        else:
            codes = gaz.demonym_countries(words[0].rstrip("'\u2019:,"))
            for code in codes:
                weights[code] += 1 / len(codes)
    for code in _hinted(title):
        weights[code] += 1
    return weights


def elsewhere(mention: Mention) -> bool:
    """A country named as a border, an origin or a destination, not as where things happened."""
    lexicon = cues()
    return bool(
        lexicon.elsewhere_before.search(mention.before)
        or lexicon.elsewhere_after.match(mention.after)
    )
