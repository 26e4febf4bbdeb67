"""Mentions of the forces or a militia that are no side of their own.

- ACLED codes a retired or off-duty officer as a civilian, and so is anyone who only belongs to
  the forces or a militia ("a police interpreter", "the family of a soldier", "the Koglweogo
  chief").
- A post a side sets up or holds ("gunmen held a checkpoint") is theirs, not the forces'.
Words: data/actors.toml, [roles] affiliate_after, affiliate_before, own_post_before,
own_post_words.
- A vehicle or building of the forces ("a military truck hit a landmine") is what was hit:
  [roles] property_after.
"""

from __future__ import annotations

import re

from eventwire.data import load_toml
from eventwire.extract.actors.rules import Match

_ROLES = load_toml("actors.toml")["roles"]
STATE_KINDS = frozenset({"military", "police"})

_OFF_DUTY = re.compile(r"\b(?:retired|former|off-duty|ex-|demobili[sz]ed)\s*(?:\w+\s+)?$", re.I)


_AFFILIATE_AFTER = re.compile(r"\s+(?:" + "|".join(_ROLES["affiliate_after"]) + r")\b", re.I)
_AFFILIATE_BEFORE = re.compile(
    r"\b(?:" + "|".join(_ROLES["affiliate_before"]) + r")\s+of\s+(?:\w+\s+){0,2}$", re.I
)
AFFILIATED_INTERS = frozenset({1, 3, 4})


def civilian_status(match: Match, text: str) -> bool:
    """ACLED: a retired or off-duty officer is a civilian, and so is one who only belongs to the
    forces or a militia ("a police interpreter", "the family of a soldier")."""
    before = text[: match.start]
    if match.entry.kind in STATE_KINDS and _OFF_DUTY.search(before):
        return True
    if match.entry.inter not in AFFILIATED_INTERS:
        return False
    return bool(_AFFILIATE_AFTER.match(text, match.end) or _AFFILIATE_BEFORE.search(before))


_OWN_POST = re.compile(
    r"\b(?:" + "|".join(_ROLES["own_post_before"]) + r")\s+(?:\S+\s+){0,2}$", re.I
)
_POST = re.compile(r"(?:" + "|".join(_ROLES["own_post_words"]) + r")", re.I)


def own_post(match: Match, text: str) -> bool:
    """ "Gunmen held a checkpoint": the post is theirs, not a mention of the forces."""
    return bool(_POST.fullmatch(match.surface) and _OWN_POST.search(text[: match.start]))


_PROPERTY = re.compile(r"\s*(?:" + "|".join(_ROLES["property_after"]) + r")\b", re.I)


def forces_property(match: Match, text: str) -> bool:
    """ "A military convoy hit a mine", "a military-owned tower": the forces' thing was hit."""
    return match.entry.kind in STATE_KINDS and bool(_PROPERTY.match(text, match.end))


_HIT_MINE = re.compile(
    r"[^.;]{0,40}?\b(?:hit|hits|struck|strikes|ran over|runs over|drove over|drove onto|"
    r"triggered|detonated|set off)\s+(?:\w+\s+){0,3}?(?:(?:land)?mines?|IEDs?|explosives?|"
    r"(?:roadside )?bombs?)\b",
    re.I,
)


def forces_hit_mine(match: Match, text: str) -> bool:
    """ "A military truck struck a landmine": the forces' vehicle was hit, whoever laid it."""
    return forces_property(match, text) and bool(_HIT_MINE.match(text, match.end))


def property_starts(match: Match, text: str) -> range:
    """Where the forces' thing is written ("truck" of "a military truck"): no actor of its own."""
    found = _PROPERTY.match(text, match.end) if match.entry.kind in STATE_KINDS else None
    return range(found.start(), found.end()) if found else range(0)
