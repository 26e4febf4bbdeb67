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
_KIND = r"(?:\s+(?:village|town|city|area|district|camp|locality|neighbourhood|neighborhood))?"
_GROUP = re.compile(rf"({_NAME}){_KIND}\s*{_ALT}\(((?:{_NAME})(?:,\s*{_NAME}){{0,2}})\)")
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
    """`prior`: weights of the countries the rest of the text points at (alpha-2): among
    same-named units that contain none of the names, the likelier country's."""
    found = []
    for sentence in sentences:
        for match in _GROUP.finditer(sentence.text):
            items = [item.strip() for item in match.group(2).split(",")]
            if _not_a_place(match.group(1), items[-1]):
                continue
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
        taken = {b.start for b in found}
        for match in _pair().finditer(sentence.text):
            if sentence.start + match.start(1) in taken or gaz.country_named(match.group(2)):
                continue
            if _not_a_place(match.group(1), match.group(2)):
                continue
            place = _resolve_pair(match.group(1), match.group(2), gaz, prior)
            if place is not None:
                found.append(_bracket(match, sentence, place))
    return found


def _not_a_place(name: str, last: str) -> bool:
    """An organisation and its acronym ("Accredited Social Health Activists (ASHA)", "Tamale
    Metropolitan Assembly (TaMA)"), or a name with an organisation word in it."""
    capitals = "".join(ch for ch in last if ch.isupper())
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    if " " not in last and len(capitals) >= 2 and capitals == initials:
        return True
    return bool(set(normalize(name).split()) & _organisation_words())


@cache
def _organisation_words() -> frozenset[str]:
    return frozenset(load_toml("gazetteer/place_cues.toml")["organisation"]["words"])


@cache
def _pair() -> re.Pattern[str]:
    """'shelled Sofiivka, Kherson', 'in Deraniyagala town, Sabaragamuwa': a place and the unit
    it lies in, without a country (read only when the place is found inside the unit)."""
    opening = "|".join(load_toml("gazetteer/place_cues.toml")["chain"]["before"])
    return re.compile(
        rf"\b(?:{opening})\s+(?:the\s+)?({_NAME}){_KIND},\s+({_NAME}){_UNIT_WORD}\b"
        r"(?!\s*(?:,\s*[A-Z]|and\s|or\s|&))"
    )


def _resolve_pair(name: str, unit: str, gaz: Gazetteer, prior: dict[str, float]) -> Place | None:
    """The place called `name` inside a unit called `unit` (or near a town of that name); a place
    the gazetteer lacks stands in near the likeliest such town (precision 2), or gets the admin
    names of the likeliest unit and no point: a unit is often 50 km across, too coarse a map."""
    anchors = _anchors(unit, gaz) + [t for t in _towns(unit, gaz) if _fits(t, prior)]
    inside = [(a, p) for a in anchors if (p := _inside(name, a, gaz)) is not None]
    if inside:
        _anchor, place = max(inside, key=lambda ap: _anchor_score(ap[0], name, [], gaz, prior))
        return replace(place, precision=1)
    if not anchors or any(_is_landmark(p) for p in gaz.lookup(name)):
        return None  # a town or unit of its own: two places ("in Kharkiv, Sumy"), not one
    best = max(anchors, key=lambda a: _anchor_score(a, name, [], gaz, prior) + _size(a))
    if best.kind == "city":
        return _stand_in(name, best, 2)  # near the town its unit is named after
    unit = _stand_in(name, best, 3)
    return replace(unit, latitude=None, longitude=None)  # its unit is known, not its point


LANDMARK_POPULATION = 20_000
"""A place this large (or an admin unit) named before another is a place of its own, not a
village qualified by its unit."""


def _is_landmark(place: Place) -> bool:
    return place.kind in _ADMIN_KINDS or place.population >= LANDMARK_POPULATION


def _size(place: Place) -> float:
    """Between same-named units and towns, the larger town (a unit counts as a small one)."""
    return math.log10(max(place.population, 1000) + 10) / 2


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
    anchors = [p for p in _anchors(items[-1], gaz) if country in (None, p.country_code)]
    if not anchors:
        towns = _towns(items[-1], gaz)
        anchors = [p for p in towns if country in (None, p.country_code) and _fits(p, prior)]
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
    own_centre = anchor.kind in ("adm2", "city") and anchor.centre == "own"
    return _stand_in(name, anchor, 2 if own_centre else 3)


_UNIT_SUFFIXES = ("province", "region", "division", "governorate", "state", "district", "county")
"""An anchor named without its unit word ("(Ampara, Eastern)" for Eastern Province)."""


def _anchors(name: str, gaz: Gazetteer) -> list[Place]:
    """The admin units called `name`, or `name` and a unit word."""
    units = [p for p in gaz.lookup(name) if p.kind in _ADMIN_KINDS]
    seen = {(p.country_code, p.admin1_code, p.kind, p.admin2) for p in units}
    for suffix in _UNIT_SUFFIXES:
        for place in gaz.lookup(f"{name} {suffix}"):
            key = (place.country_code, place.admin1_code, place.kind, place.admin2)
            if place.kind in _ADMIN_KINDS and key not in seen:
                units.append(place)
                seen.add(key)
    return units


TOWN_ANCHOR_EVIDENCE = 0.5
"""A town stands in for a bracket's unit only in a country the text points at, or when the text
points at none this strongly ("Bose (Bossey)" in a Burkina Faso note is no French town)."""


def _fits(place: Place, prior: dict[str, float]) -> bool:
    strongest = max(prior.values(), default=0.0)
    return strongest < TOWN_ANCHOR_EVIDENCE or prior.get(place.country_code, 0.0) > 0


def _towns(name: str, gaz: Gazetteer) -> list[Place]:
    """Towns called `name`: the seat that names a district ("Kounine (Bint Jbeil)")."""
    return [p for p in gaz.lookup(name) if p.kind == "city" and p.latitude is not None]


def _anchor_score(
    anchor: Place, name: str, inner: list[str], gaz: Gazetteer, prior: dict[str, float]
) -> float:
    found = sum(_inside(n, anchor, gaz) is not None for n in [name, *inner])
    weight = prior.get(anchor.country_code, 0)
    return 2 * found + min(weight, 3.0) + (0.5 if anchor.primary else 0)


def _inside(name: str, unit: Place, gaz: Gazetteer) -> Place | None:
    """The largest place called `name` that lies inside the admin unit `unit`."""
    same_name = normalize(name) == normalize(unit.name)
    for place in gaz.lookup(name):
        if place.country_code != unit.country_code or place.latitude is None:
            continue
        if same_name and place.kind not in ("city", "addition"):
            continue  # the unit itself, or its namesake unit: only its town of that name
        if place.admin1_code != unit.admin1_code:
            continue
        if unit.kind == "city":
            if _km(place, unit) <= UNIT_RADIUS_KM and place != unit:
                return place  # a town named by the seat of its district
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
