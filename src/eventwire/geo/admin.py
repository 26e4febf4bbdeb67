"""Admin units the embedded index knows only by name: centres and admin2 names filled offline.

The embedded index places a region at its largest town of cities500; many second-level units
(Mali's cercles, Niger's departments) have no such town linked, and many towns have no admin2.
Two general rules fill them, in this order:
- a unit named after its seat ('Cercle de Gao', 'Département de Tillabéri') is centred on the
  town of that name in the same admin1, and that town's admin2 is the unit;
- otherwise a unit is centred on its admin1's centre (precision 3 stays honest: a region), and a
  town takes the admin2 whose centre is nearest within the same admin1 (at most
  `NEAREST_ADMIN2_KM`), only when every admin2 of that admin1 has a known centre.
A region-level location (an admin1 named alone) gets no admin2.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace
from functools import cache, lru_cache

from eventwire.data import load_toml
from eventwire.geo.place import Place, PlaceIndex
from eventwire.geo.text import normalize

NEAREST_ADMIN2_KM = 120.0


@lru_cache(maxsize=8192)
def admin_key(name: str) -> str:
    """'Province du Soum' and 'Soum' -> 'soum'."""
    words = [w for w in normalize(name).split() if w not in _admin_words()]
    return " ".join(words) or normalize(name)


@cache
def _admin_words() -> frozenset[str]:
    return frozenset(load_toml("gazetteer/place_cues.toml")["admin_words"]["words"])


def fill_centres(key: str, places: list[Place], gaz: PlaceIndex) -> list[Place]:
    """Give every admin2 unit without coordinates the coordinates of its seat or admin1."""
    if not any(p.kind == "adm2" and p.latitude is None for p in places):
        return places
    return [_centred(p, key, places, gaz) if p.kind == "adm2" else p for p in places]


def _centred(unit: Place, key: str, places: list[Place], gaz: PlaceIndex) -> Place:
    if unit.latitude is not None:
        return unit
    seat = _seat(unit, key, places, gaz)
    centre = "own" if seat is not None else "admin1"
    seat = seat or _admin1_centre(unit, gaz)
    if seat is None:
        return unit
    return replace(unit, latitude=seat.latitude, longitude=seat.longitude, centre=centre)


def _seat(unit: Place, key: str, places: list[Place], gaz: PlaceIndex) -> Place | None:
    """The town the unit is named after, in the same admin1."""
    seat_key = admin_key(unit.name)
    pool = places if seat_key == key else list(gaz.raw_lookup(seat_key))
    return _same_admin1(unit, (p for p in pool if p.kind == "city"))


def _same_admin1(unit: Place, candidates: object) -> Place | None:
    for place in candidates:  # type: ignore[attr-defined]
        same = (place.country_code, place.admin1_code) == (unit.country_code, unit.admin1_code)
        if same and place.latitude is not None:
            return place
    return None


def _admin1_centre(unit: Place, gaz: PlaceIndex) -> Place | None:
    name = gaz.admin1_name(unit.country_code, unit.admin1_code)
    if name is None:
        return None
    regions = (p for p in gaz.raw_lookup(normalize(name)) if p.kind == "adm1")
    return _same_admin1(unit, regions)


def display_name(name: str | None) -> str | None:
    """An admin unit's name without its generic words: 'Cercle de Bourem', 'Gao Cercle' and
    'Tillaberi Department' -> 'Bourem', 'Gao', 'Tillaberi' (as conflict data write them)."""
    if not name:
        return name
    words = name.split()
    while len(words) > 1 and normalize(words[0]) in _admin_words():
        words.pop(0)
    while len(words) > 1 and normalize(words[-1]) in _admin_words():
        words.pop()
    return " ".join(words)


def admin2_of(place: Place, gaz: PlaceIndex) -> str | None:
    """The admin2 name of a located place: its own, the unit named after it, or the nearest."""
    return display_name(_admin2_name(place, gaz))


def _admin2_name(place: Place, gaz: PlaceIndex) -> str | None:
    if place.admin2 or place.kind == "adm1" or place.latitude is None or place.longitude is None:
        return place.admin2  # a region-level location has no admin2
    units = _admin2_units(gaz).get((place.country_code, place.admin1_code), [])
    key = admin_key(place.name)
    for name, _lat, _lon in units:
        if admin_key(name) == key:
            return name
    if not units or any(lat is None or lon is None for _name, lat, lon in units):
        return None  # a unit of unknown centre could be the nearest: do not guess
    distances = [
        (km_between(place.latitude, place.longitude, lat, lon), name) for name, lat, lon in units
    ]
    km, name = min(distances)
    return name if km <= NEAREST_ADMIN2_KM else None


Unit = tuple[str, float | None, float | None]


@cache
def _admin2_units(gaz: PlaceIndex) -> dict[tuple[str, str | None], list[Unit]]:
    """(country, admin1 code) -> [(admin2 name, lat, lon)]: the index's centre or the seat's
    (None when neither is known: such a unit is found by name only)."""
    units: dict[tuple[str, str | None], list[Unit]] = defaultdict(list)
    for row in gaz.admin2_rows():
        centre = row if row.latitude is not None else _seat(row, "", [], gaz)
        lat, lon = (centre.latitude, centre.longitude) if centre else (None, None)
        units[(row.country_code, row.admin1_code)].append((row.name, lat, lon))
    return dict(units)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
