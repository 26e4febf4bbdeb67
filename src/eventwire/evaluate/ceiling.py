"""What the gazetteer lets any extractor reach, per gold event: the share a perfect choice among
the gazetteer places the text names would reach.

An admin1 is reachable when some capitalised n-gram of the text names a gazetteer place (a town
or an admin unit) of the gold country that lies in the gold admin1. A note that names only a
village the gazetteer lacks cannot give its admin1 without a richer index (`eventwire gazetteer
load`), so this ceiling says how much of an admin1 shortfall is the gazetteer's and how much the
extractor's. Likewise the country is reachable when some place the text names (or the country
itself, by name) is in the gold country, and a point within 25 km is reachable when some place
the text names lies within 25 km of the gold coordinates.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.evaluate.matching import country_key, same_admin1
from eventwire.evaluate.metrics import haversine_km
from eventwire.models import Location

MAX_WORDS = 4
_NAME_RUN = re.compile(r"[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*")


def admin1_reachable(text: str, gold_admin1: str, gold_country: str | None) -> bool:
    alpha3 = country_key(gold_country) if gold_country else ""
    for admin1 in _admin1_named(text, alpha3):
        if same_admin1(gold_admin1, Location(name=admin1, admin1=admin1)):
            return True
    return False


def _admin1_named(text: str, alpha3: str) -> set[str]:
    found: set[str] = set()
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1):
                found |= _admin1_of(" ".join(words[i:j]), alpha3)
    return found


@cache
def _admin1_of(name: str, alpha3: str) -> frozenset[str]:
    from eventwire.geo import get_gazetteer

    gaz = get_gazetteer()
    units = set()
    for place in gaz.lookup(name):
        country = gaz.country(place.country_code)
        if alpha3 and (country is None or country.alpha3 != alpha3):
            continue
        unit = place.name
        if place.kind != "adm1":
            unit = gaz.admin1_name(place.country_code, place.admin1_code)
        if unit:
            units.add(unit)
    return frozenset(units)


def country_reachable(text: str, gold_country: str) -> bool:
    alpha3 = country_key(gold_country)
    return any(alpha3 in _countries_of(name) for name in _ngrams(text))


def point_reachable(text: str, latitude: float, longitude: float, km: float = 25.0) -> bool:
    for name in _ngrams(text):
        for lat, lon in _points_of(name):
            if haversine_km(latitude, longitude, lat, lon) <= km:
                return True
    return False


def _ngrams(text: str) -> set[str]:
    found: set[str] = set()
    for run in _NAME_RUN.finditer(text):
        words = run.group().split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + MAX_WORDS) + 1):
                found.add(" ".join(words[i:j]).strip(".,;:'’"))
    return found


@cache
def _countries_of(name: str) -> frozenset[str]:
    from eventwire.geo import get_gazetteer

    gaz = get_gazetteer()
    codes = {p.country_code for p in gaz.lookup(name)}
    named = gaz.country_named(name)
    codes |= {named.alpha2} if named else set()
    return frozenset(c.alpha3 for code in codes if (c := gaz.country(code)) is not None)


@cache
def _points_of(name: str) -> tuple[tuple[float, float], ...]:
    from eventwire.geo import get_gazetteer

    places = get_gazetteer().lookup(name)
    return tuple((p.latitude, p.longitude) for p in places if p.latitude is not None)
