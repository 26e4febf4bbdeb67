"""Bracketed admin context: "Kotchari (Tansarga, Tapoa)", "Loada (Kaya, Sanmatenga)".

Conflict-data notes (ACLED and reports that follow its style) qualify a small place with the
units it lies in, finest first: `Village (commune, province)` or `Town (region)`. The last name in
the brackets is the anchor: an admin unit of the gazetteer. The village is then looked up only
among places inside that unit; when the gazetteer lacks it, the commune (usually a town of the
same name) stands in with geo_precision 2, and failing that the unit itself (2 for an admin2, 3
for an admin1). The location keeps the village's name as the text gives it, so the record says
what happened where, and the precision says how far the coordinates can be off.

Reports in the GTD's style and many wires write the same chain with commas and the country last:
"in Darak, Extreme-North, Cameroon", "in Cherchar, Khenchela, Algeria", "in Bani Jamra, Northern
governorate, Bahrain". The chain is read the same way once its last item is a country: that
country is the only one whose units may anchor it.

Never a same-named place in another country: the anchor fixes the country.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from eventwire.data import load_toml
from eventwire.geo import Gazetteer, Place, admin2_of, km_between, normalize
from eventwire.geo import admin_key as _admin_key
from eventwire.nlp.analysis import Sentence

_NAME = r"[A-Z][\w'\u2019\-]*(?:[ \-](?:[A-Z]|de |du |la |el )[\w'\u2019\-]*){0,3}"
_ALT = r"(?:\[[^\]]{1,60}\]\s*)?"  # "Goseye [Goseye-Site] (...)"
_GROUP = re.compile(rf"({_NAME})\s*{_ALT}\(((?:{_NAME})(?:,\s*{_NAME}){{0,2}})\)")
_UNIT_WORD = r"(?:\s+(?:region|province|state|governorate|district|department|prefecture))?"

_UNIT_WORDS = re.compile(_UNIT_WORD + r"$", re.IGNORECASE)


@cache
def _chain() -> re.Pattern[str]:
    """'in Darak, Extreme-North, Cameroon', 'raided Gambaru village, Extreme-North, Cameroon'."""
    opening = "|".join(load_toml("gazetteer/place_cues.toml")["chain"]["before"])
    return re.compile(
        rf"\b(?:{opening})\s+(?:the\s+)?({_NAME})(?:\s+(?:village|town|city|district))?"
        rf",\s+((?:{_NAME}){_UNIT_WORD}(?:,\s+{_NAME}{_UNIT_WORD})?),\s+({_NAME})\b"
    )


_ADMIN_KINDS = ("adm1", "adm2")
UNIT_RADIUS_KM = 40.0
"""A town with no admin2 in the index lies in a unit named beside it when it is this close to
the unit's centre (the unit's largest town)."""


@dataclass(frozen=True)
class Bracket:
    name: str
    """The qualified place as written ('Kotchari')."""
    start: int
    """Document offset of the name."""
    end: int
    sentence: int
    place: Place
    """The place the location takes (the village itself, its commune or the admin unit)."""


def find_brackets(
    sentences: list[Sentence], gaz: Gazetteer, prior: dict[str, float]
) -> list[Bracket]:
    found = []
    for sentence in sentences:
        for match in _GROUP.finditer(sentence.text):
            items = [item.strip() for item in match.group(2).split(",")]
            place = _resolve(match.group(1), items, gaz, prior)
            if place is not None:
                found.append(_bracket(match, sentence, place))
        for match in _chain().finditer(sentence.text):
            country = gaz.country_named(match.group(3))
            if country is None:
                continue
            items = [_UNIT_WORDS.sub("", item.strip()) for item in match.group(2).split(",")]
            place = _resolve(match.group(1), items, gaz, prior, country.alpha2)
            if place is not None:
                found.append(_bracket(match, sentence, place))
    return found


def _bracket(match: re.Match[str], sentence: Sentence, place: Place) -> Bracket:
    return Bracket(
        match.group(1),
        sentence.start + match.start(1),
        sentence.start + match.end(1),
        sentence.index,
        place,
    )


def _resolve(
    name: str,
    items: list[str],
    gaz: Gazetteer,
    prior: dict[str, float],
    country: str | None = None,
) -> Place | None:
    anchors = [
        p
        for p in gaz.lookup(items[-1])
        if p.kind in _ADMIN_KINDS and country in (None, p.country_code)
    ]
    if not anchors:
        return None
    inner = items[:-1]
    anchor = max(anchors, key=lambda p: _anchor_score(p, name, inner, gaz, prior))
    village = _inside(name, anchor, gaz)
    if village is not None:
        return replace(village, precision=1)
    for item in reversed(inner):
        commune = _inside(item, anchor, gaz)
        if commune is not None:
            return _stand_in(name, commune, 2)
    own_centre = anchor.kind == "adm2" and anchor.centre == "own"
    return _stand_in(name, anchor, 2 if own_centre else 3)


def _anchor_score(
    anchor: Place, name: str, inner: list[str], gaz: Gazetteer, prior: dict[str, float]
) -> float:
    found = sum(_inside(n, anchor, gaz) is not None for n in [name, *inner])
    return 2 * found + prior.get(anchor.country_code, 0) + (0.5 if anchor.primary else 0)


def _inside(name: str, unit: Place, gaz: Gazetteer) -> Place | None:
    """The largest place called `name` that lies inside the admin unit `unit`."""
    if normalize(name) == normalize(unit.name):
        return None
    for place in gaz.lookup(name):
        if place.country_code != unit.country_code or place.latitude is None:
            continue
        if place.admin1_code != unit.admin1_code:
            continue
        if unit.kind == "adm1" or _same(place.admin2 or admin2_of(place, gaz), unit.admin2):
            return place
        if place.admin2 is None and _km(place, unit) <= UNIT_RADIUS_KM:
            return place  # a town the index links to no admin2, at the unit's centre
    return None


def _km(place: Place, unit: Place) -> float:
    if None in (place.latitude, place.longitude, unit.latitude, unit.longitude):
        return math.inf
    return km_between(place.latitude, place.longitude, unit.latitude, unit.longitude)


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and _admin_key(a) == _admin_key(b)


def _stand_in(name: str, place: Place, precision: int) -> Place:
    """A place named as the text names it, at the coordinates of the unit that contains it."""
    admin2 = place.admin2 if place.kind != "adm1" else None
    return Place(
        None,
        name,
        place.latitude,
        place.longitude,
        place.country_code,
        place.admin1_code,
        admin2,
        0,
        "bracket",
        precision,
    )
