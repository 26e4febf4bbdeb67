"""Blasts that nobody is said to have set off, coded as ACLED codes them.

"An explosion occurred near the police station", "a military truck hit a landmine", "a man
stepped on a mine": the report names no attacker, only who or what was hit. ACLED's actor1 is
then the Unidentified Armed Group and the forces or civilians there are actor2, not the attacker
the mere mention would make them.
"""

from __future__ import annotations

import re

from eventwire.nlp.analysis import Sentence

_DEVICE = r"(?:explosions?|blasts?|bombs?|(?:land)?mines?|IEDs?|grenades?|explosives?|" + (
    r"(?:improvised )?explosive devices?)"
)
UNATTRIBUTED = re.compile(
    rf"\b{_DEVICE}\s+(?:\w+\s+){{0,2}}?(?:occurred|occurs|took place|went off|exploded|"
    r"detonated|blew up|(?:was|were) heard|ripped)\b"
    r"|\b(?:hit|hits|struck|stepped on|stepped|ran over|triggered)\s+(?:\w+\s+){0,3}?"
    r"(?:(?:land)?mines?|IEDs?|explosives?|(?:roadside )?bombs?)\b"
    rf"|\bthere (?:was|were) (?:an? )?(?:\w+\s+){{0,2}}?{_DEVICE}",
    re.IGNORECASE,
)


def unattributed_blast(sentences: list[Sentence]) -> bool:
    """The event sentences report a blast and name nobody who set it off."""
    return any(UNATTRIBUTED.search(s.text) for s in sentences)


_PLANTED = re.compile(r"[-‐–](?:planted|laid|placed|triggered|detonated)\b", re.IGNORECASE)


def planted_by(end: int, text: str) -> bool:
    """ "A Taliban-planted roadside bomb": the actor written before "-planted" set it."""
    return bool(_PLANTED.match(text, end))


_STEPPED = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:stepped|steps|trod|treads)\s+(?:on\s+|onto\s+)?(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?(?:(?:land)?mines?|IEDs?|explosives?|(?:explosive )?devices?|bombs?)\b",
    re.IGNORECASE,
)


def stepped_on_device(end: int, text: str) -> bool:
    """ "A man stepped on a landmine": the one who stepped on it was hit, whoever laid it."""
    return bool(_STEPPED.match(text, end))
