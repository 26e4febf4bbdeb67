"""Unnamed attackers whose deed tells who they are, as ACLED codes them.

A body found with its hands tied or with signs of torture, a drive-by shooting, a drug-trade
motive: when the report names no attacker, ACLED's actor1 is "Unidentified Gang (<Country>)"
rather than the Unidentified Armed Group. Raiders who take herds are an identity militia, the
"Unidentified Ethnic Militia (<Country>)". Words: data/lexicons/gangs.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.identity import UNIDENTIFIED
from eventwire.extract.actors.rules import fill_name
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor

MARKED_TYPES = frozenset({"Violence against civilians", "Battles"})
UNIDENTIFIED_INTER = 3


@dataclass(frozen=True)
class Mark:
    template: str
    inter: int
    patterns: tuple[re.Pattern[str], ...]

    def found(self, text: str) -> bool:
        return all(pattern.search(text) for pattern in self.patterns)


def _pattern(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)


@cache
def _marks() -> tuple[Mark, ...]:
    spec = load_toml("lexicons/gangs.toml")
    return tuple(
        Mark(
            str(mark["template"]),
            int(mark["inter"]),
            tuple(_pattern(words) for words in (mark["signs"], mark.get("with")) if words),
        )
        for mark in spec["marks"]
    )


def name_gangs(frame: EventFrame, event_type: str, country: str | None) -> None:
    """Rename an unnamed attacker after the kind of group its deed marks."""
    attacker = frame.actor1
    if event_type not in MARKED_TYPES or attacker is None:
        return
    if attacker.inter != UNIDENTIFIED_INTER or not attacker.name.startswith(UNIDENTIFIED):
        return
    text = " ".join(sentence.text for sentence in frame.sentences)
    for mark in _marks():
        if mark.found(text):
            frame.actor1 = Actor(
                fill_name(mark.template, country), mark.inter, attacker.aliases_seen
            )
            return
