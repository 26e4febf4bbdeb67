"""Unattributed killings with the marks of organised crime are a gang's, as ACLED codes them.

A body found with its hands tied or with signs of torture, a drive-by shooting, a drug-trade
motive: when the report names no attacker, ACLED's actor1 is "Unidentified Gang (<Country>)"
rather than the Unidentified Armed Group. Words: data/lexicons/gangs.toml.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.identity import UNIDENTIFIED
from eventwire.extract.actors.rules import fill_name
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor

GANG_TYPES = frozenset({"Violence against civilians", "Battles"})
UNIDENTIFIED_INTER = 3


@cache
def _spec() -> tuple[str, re.Pattern[str]]:
    spec = load_toml("lexicons/gangs.toml")
    signs = re.compile(r"\b(?:" + "|".join(spec["signs"]) + r")", re.IGNORECASE)
    return str(spec["template"]), signs


def name_gangs(frame: EventFrame, event_type: str, country: str | None) -> None:
    """Rename an unnamed attacker to the country's Unidentified Gang when the report bears the
    marks of organised crime."""
    attacker = frame.actor1
    if event_type not in GANG_TYPES or attacker is None:
        return
    if attacker.inter != UNIDENTIFIED_INTER or not attacker.name.startswith(UNIDENTIFIED):
        return
    template, signs = _spec()
    if any(signs.search(sentence.text) for sentence in frame.sentences):
        frame.actor1 = Actor(fill_name(template, country), attacker.inter, attacker.aliases_seen)
