"""Casualty claims of French sentences, read from their wording (lexicons/casualties_fr.toml).

The English extractor walks the English model's dependency parse; French reports state their
figures in a few fixed shapes, which patterns read directly:

- a count and what happened to it: "au moins 12 civils ont été tués", "six VDP sont morts";
- a count named by its kind: "sept morts", "une dizaine de blessés", "15 morts et trois blessés";
- an action and its count: "tuant quatre civils", "a neutralisé une trentaine de terroristes";
- nobody: "aucune victime", "aucun blessé"; one person: "un voleur a été lynché", "la victime a
  succombé".

Each figure gives at most one claim; "deux autres" counts the same people as the figure before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from text_to_num import text2num

from eventwire.data import load_toml
from eventwire.extract.casualties.claim import sentence_claim
from eventwire.extract.time import alternation, time_lexicon
from eventwire.models import Claim
from eventwire.nlp.analysis import Sentence

_UNITS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
_NUMBER = rf"\d+|(?:{_UNITS})(?:[- ](?:et[- ])?(?:{_UNITS}))*"
_SINGLE = re.compile(
    r"(?:^|[\s,;:])(?:un|une|le|la|l['\u2019])\s+(?:[\w'\u2019-]+\s+){0,4}?"
    r"(?:a\s+été\s+(?:\w+\s+)?(?P<passive>tuée?|lynchée?|abattue?|assassinée?|exécutée?)"
    r"|a\s+(?:succombé|péri|perdu la vie|trouvé la mort))\b",
    re.IGNORECASE,
)
_BODY = re.compile(r"\b(?:le|un) corps (?:sans vie )?(?:de\b|d['\u2019])", re.IGNORECASE)
_CUMULATIVE = re.compile(
    r"\bdepuis (?:le début|janvier|(?:19|20)\d\d)|\bau total depuis|\ben (?:19|20)\d\d\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Patterns:
    figure: str
    passive: list[tuple[str, re.Pattern[str]]]
    noun: list[tuple[str, re.Pattern[str]]]
    active: list[tuple[str, re.Pattern[str]]]
    zero: list[tuple[tuple[str, ...], re.Pattern[str]]]
    victims: list[tuple[str, re.Pattern[str]]]


@cache
def lexicon() -> dict[str, Any]:
    return load_toml("lexicons/casualties_fr.toml")


def _alternatives(words: list[str]) -> str:
    return "|".join(words)


@cache
def patterns() -> _Patterns:
    lex = lexicon()
    vague = _alternatives(list(lex["vague"]))
    qualifiers = _alternatives([q for qs in lex["qualifiers"].values() for q in qs])
    months = alternation(time_lexicon().french_months)  # "12 mars" is a date, not a figure
    figure = (
        rf"(?<![\w'\u2019-])(?P<q>{qualifiers})?\s*(?P<n>(?:une?\s+|des\s+)?(?:{vague})\b|{_NUMBER})"
        rf"(?![\w-])(?!\s+(?:{months})\b)"
    )
    noun_phrase = r"(?:de\s+|d['\u2019]|des\s+)?(?P<noun>[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}?)"
    auxiliary = r"\s+(?:ont|a|sont|est|auraient|aurait|avaient|avait)(?:\s+été)?\s+(?:\w+\s+)?"

    def compiled(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.IGNORECASE)

    kinds = lex["kinds"]
    return _Patterns(
        figure=figure,
        passive=[
            (kind, compiled(rf"{figure}\s+{noun_phrase}{auxiliary}(?:{_alternatives(ws)})\b"))
            for kind, ws in kinds["participles"].items()
        ],
        noun=[
            (kind, compiled(rf"{figure}\s+(?:autres\s+)?(?:de\s+)?(?:{_alternatives(ws)})\b"))
            for kind, ws in kinds["nouns"].items()
        ],
        active=[
            (kind, compiled(rf"\b(?:{_alternatives(ws)})\s+(?:\w+\s+)?{figure}\s+{noun_phrase}\b"))
            for kind, ws in kinds["active"].items()
        ],
        zero=[
            (
                ("killed", "injured") if kind == "both" else (kind,),
                compiled(rf"\b(?:{_alternatives(ws)})\b"),
            )
            for kind, ws in lex["zero"].items()
        ],
        victims=[
            (victims, compiled(rf"^(?:{_alternatives(ws)})\b"))
            for victims, ws in lex["victims"].items()
        ],
    )


def french_claims(sentence: Sentence, document_id: str, reported_at: date | None) -> list[Claim]:
    """The casualty claims one French sentence states."""
    text = sentence.text
    if _CUMULATIVE.search(text):
        return []
    found: list[tuple[int, str, int, str, str]] = []  # (position, kind, count, qualifier, victims)
    taken: list[tuple[int, int]] = []
    p = patterns()
    for group in (p.passive, p.active, p.noun):
        for kind, pattern in group:
            for match in pattern.finditer(text):
                span = match.span("n")
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                parsed = _count(match)
                if parsed is None:
                    continue
                taken.append(span)
                victims = _victims(match, text, found)
                found.append((span[0], kind, *parsed, victims))
    found.extend(_unnumbered(text, found))
    found.sort()

    return [
        sentence_claim(sentence, document_id, reported_at, (kind, count, count, qualifier, victims))
        for _, kind, count, qualifier, victims in found
    ]


def _count(match: re.Match[str]) -> tuple[int, str] | None:
    words = match["n"].lower().split()
    vague = lexicon()["vague"]
    if words[-1] in vague:
        qualifier = "vague" if words[0] in {"des", "plusieurs", "nombreux"} else "about"
        return vague[words[-1]], _qualifier(match["q"]) or qualifier
    number = match["n"].lower()
    if number.isdigit():
        value = int(number)
    else:
        try:
            value = text2num(number.replace(" ", "-"), "fr")
        except ValueError:
            return None
    return value, _qualifier(match["q"]) or "exact"


def _qualifier(words: str | None) -> str | None:
    if not words:
        return None
    for qualifier, options in lexicon()["qualifiers"].items():
        if any(re.fullmatch(option, words.lower().strip()) for option in options):
            return qualifier
    return None


def _victims(match: re.Match[str], text: str, found: list[tuple[int, str, int, str, str]]) -> str:
    noun = (match.groupdict().get("noun") or "").lower()
    if not noun:  # "sept morts parmi les soldats"
        after = re.match(r"\s*(?:parmi|dans les rangs) (?:les |des )?([\w-]+)", text[match.end() :])
        noun = after.group(1).lower() if after else ""
    if noun.startswith("autres") and found:
        return found[-1][4]
    for victims, pattern in patterns().victims:
        if pattern.search(noun):
            return victims
    return "unknown"


def _unnumbered(text: str, found: list[tuple[int, str, int, str, str]]) -> list[tuple]:
    extra: list[tuple] = []
    kinds = {kind for _, kind, *_ in found}
    for zero_kinds, pattern in patterns().zero:
        match = pattern.search(text)
        if match:
            zeros = [k for k in zero_kinds if k not in kinds]
            extra += [(match.start(), kind, 0, "exact", "unknown") for kind in zeros]
    if "killed" not in kinds:
        single = _SINGLE.search(text) or _BODY.search(text)
        if single:
            extra.append((single.start(), "killed", 1, "exact", "unknown"))
    return extra
