"""Local units of a movement, named after their place as ACLED names them.

A movement made of local units (Myanmar's People's Defense Forces) has each unit coded as its own
actor, "<movement> - <place>": "the Pauk PDF", "PDF-Kalay", "PDF - Thayet" and "People's Defense
Force (South Monywa)" are units of Pauk, Kalay, Thayet and South Monywa; "a local PDF" is the
movement's unnamed local group. Data: data/actors.toml, `unit_name` ("{unit}" is the place) and
`local_name` of an [[actor]].
"""

from __future__ import annotations

import re

from eventwire.extract.actors.mention import Mention
from eventwire.extract.actors.rules import Match, countries_in

_PLACE_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}"
_BEFORE = re.compile(rf"(?<![\w'’-])({_PLACE})\s+$")
_AFTER = re.compile(rf"\s*(?:[-–]\s*({_PLACE})(?![\w'’-])|\(\s*({_PLACE})\s*\))")
_LOCAL = re.compile(r"\blocal\s+$", re.IGNORECASE)
_WINDOW = 40
_NOT_PLACES = frozenset(
    {"The", "A", "An", "This", "That", "These", "Those", "Local", "Combined", "Joint", "Allied"}
    | {"Other", "Several", "Some", "Two", "Three", "Armed", "Suspected", "Resistance"}
    | {"Anti-Coup", "Revolutionary", "Underground", "Special", "And", "Of", "On", "In", "By"}
)


def unit_name(match: Match, text: str) -> str | None:
    """The unit's name ("People's Defense Force - Pauk") when the mention names a local unit of a
    movement whose units the dictionary names, else None."""
    entry = match.entry
    if entry.unit_name is None:
        return None
    before = text[max(0, match.start - _WINDOW) : match.start]
    place = _place_before(before) or _place_after(text, match.end, entry.name)
    if place:
        return entry.unit_name.replace("{unit}", place)
    if entry.local_name and _LOCAL.search(before):
        return entry.local_name
    return None


def _place_before(before: str) -> str | None:
    found = _BEFORE.search(before)
    if found is None:
        return None
    words = found.group(1).split()
    while words and words[0] in _NOT_PLACES:
        words = words[1:]
    return _usable(" ".join(words))


def _place_after(text: str, end: int, movement: str) -> str | None:
    found = _AFTER.match(text, end)
    if found is None:
        return None
    place = found.group(1) or found.group(2)
    if place.split()[0] in movement.split() or place.isupper():
        return None  # the movement's own name spelled out: "PDF (People's Defense Force)"
    return _usable(place)


def _usable(place: str) -> str | None:
    if not place or place.isupper() or any(w in _NOT_PLACES for w in place.split()):
        return None
    return None if countries_in(place) else place


def fold_units(mentions: list[Mention]) -> list[Mention]:
    """The movement's bare name ("the PDF") in a report that names one of its units is that
    unit."""
    for mention in mentions:
        if mention.entry.unit_name is None or mention.name != mention.entry.name:
            continue
        units = {m.name for m in mentions if m.entry.key == mention.entry.key} - {mention.name}
        if len(units) == 1:
            mention.name = units.pop()
    return mentions
