"""What the embedded gazetteer lets any extractor reach, per gold event.

An admin1 is reachable when some capitalised n-gram of the text names a gazetteer place (a town
or an admin unit) of the gold country that lies in the gold admin1. A note that names only a
village the gazetteer lacks cannot give its admin1 without a richer index (`eventwire gazetteer
load`), so this ceiling says how much of an admin1 shortfall is the gazetteer's and how much the
extractor's.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.evaluate.matching import country_key, same_admin1
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
