"""GeoNames dump rows -> index rows, with one admin naming whatever the source.

A dump's admin codes follow its extract's date, and GeoNames leaves some places without one:
the 2023 Mali dump codes 1,181 northern villages '00' (they left Gao and Tombouctou for the
regions created since 2016, Ménaka and Taoudénit, and were not recoded), a few Burkina rows carry
'x18', and the 2014 Côte d'Ivoire dump still codes the regions the 2011 reform abolished. So:

- an admin1 code is *current* when the canonical table has it (`canonical_admin1`: the embedded
  index's names first, so a unit keeps the name it always had, then GeoNames' admin1 table);
- a row whose code is not current takes the admin1 (and admin2) of the places around it: a vote
  of the nearest places with a current code, from the dump itself and from the embedded index
  (`Neighbours`), within `VOTE_KM`;
- a second-level unit is named without its generic words, as the records give it ("Province du
  Soum" is "Soum");
- a first-level unit of a dump is named by the canonical table ("Southwest Region" of the Burkina
  dump is "Sud-Ouest", as the embedded index and ACLED say), its own names staying lookup keys.
"""

from __future__ import annotations

import copy
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from eventwire.data import load_toml
from eventwire.geo.admin import display_name, km_between
from eventwire.geo.text import name_keys

CLASSES = frozenset("PASL")
ADMIN_KINDS = {"ADM1": "adm1", "ADM2": "adm2", "ADM3": "adm3", "ADM4": "adm3"}
VOTE_KM = 60.0
VOTERS = 7
SPLIT_KM = 150.0
"""A place coded with a unit since split takes the unit of the nearest embedded town within this
distance: cities500 has few towns in the new desert regions, so their cells are wide."""
_CELL = 0.5  # degrees
_OWN_POINTS_CAP = 500_000

Code = tuple[str, str]
Point = tuple[float, float, str, str | None]  # lat, lon, admin1 code, admin2 name


def canonical_admin1(embedded: dict[Code, str], geonames: dict[str, str]) -> dict[Code, str]:
    """(cc, code) -> the one name of the unit: the embedded index's, else GeoNames' table's."""
    table: dict[Code, str] = {}
    for key, name in geonames.items():
        cc, _, code = key.partition(".")
        if code:
            table[(cc, code)] = name
    table.update(embedded)
    return table


@dataclass
class Neighbours:
    """Places with a current admin1 code on a grid, to vote for a place that has none."""

    cells: dict[tuple[str, int, int], list[Point]] = field(
        default_factory=lambda: defaultdict(list)
    )
    size: int = 0

    def add(self, cc: str, lat: float, lon: float, admin1: str, admin2: str | None) -> None:
        self.cells[(cc, *_cell(lat, lon))].append((lat, lon, admin1, admin2))
        self.size += 1

    def vote(
        self, cc: str, lat: float, lon: float, km: float = VOTE_KM, voters: int = VOTERS
    ) -> tuple[str, str | None] | None:
        """The admin1 code (and admin2 name) most of the nearest places have, or None."""
        row, col = _cell(lat, lon)
        reach = math.ceil(km / 111.0 / _CELL)
        near = []
        for dr in range(-reach, reach + 1):
            for dc in range(-reach, reach + 1):
                for point in self.cells.get((cc, row + dr, col + dc), ()):
                    distance = km_between(lat, lon, point[0], point[1])
                    if distance <= km:
                        near.append((distance, point))
        if not near:
            return None
        near.sort(key=lambda item: item[0])
        weights: Counter[str] = Counter()
        for distance, point in near[:voters]:
            weights[point[2]] += 1.0 / (1.0 + distance)
        admin1 = weights.most_common(1)[0][0]
        admin2s: Counter[str] = Counter()
        for distance, point in near[:voters]:
            if point[2] == admin1 and point[3]:
                admin2s[point[3]] += 1.0 / (1.0 + distance)
        return admin1, (admin2s.most_common(1)[0][0] if admin2s else None)


def _after_split(
    trusted: Neighbours, cc: str, lat: float, lon: float, a1: str | None, a2: str | None
) -> tuple[str | None, str | None]:
    voted = trusted.vote(cc, lat, lon, SPLIT_KM, voters=1)  # the nearest town coded after it
    if voted and voted[0] in splits()[(cc, a1 or "")]:
        return voted
    return a1, a2


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


@dataclass
class DumpRows:
    places: list[tuple] = field(default_factory=list)
    names: list[tuple[str, int, int]] = field(default_factory=list)
    admin1: list[tuple[str, str, str]] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    recoded: int = 0


def kind_of(feature_class: str, code: str) -> str | None:
    if feature_class not in CLASSES:
        return None
    if feature_class == "A":
        return ADMIN_KINDS.get(code)
    return "city" if feature_class == "P" else "site"


def parse(lines: Iterable[str]) -> Iterator[list[str]]:
    """The well-formed rows (19 columns, numeric id and coordinates) of a dump."""
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 15 or not fields[0].isdigit():
            continue
        try:
            float(fields[4]), float(fields[5])
        except ValueError:
            continue
        yield fields


def admin_names(rows: Iterable[list[str]]) -> tuple[dict[tuple[str, str, str], str], Neighbours]:
    """A dump's ADM2 names by (cc, admin1, admin2 code), and its places with a current code
    (filled in by `rows_of`)."""
    admin2 = {}
    for f in rows:
        if f[6] == "A" and f[7] == "ADM2":
            admin2[(f[8], f[10], f[11])] = f[1]
    return admin2, Neighbours()


@cache
def splits() -> dict[Code, frozenset[str]]:
    """(cc, old admin1 code) -> the codes of the units carved out of it (admin_splits.toml)."""
    table: dict[Code, set[str]] = defaultdict(set)
    for split in load_toml("gazetteer/admin_splits.toml").get("split", []):
        table[(split["country"], split["old"])].add(split["new"])
    return {key: frozenset(codes) for key, codes in table.items()}


def rows_of(
    rows: Iterable[list[str]],
    admin1: dict[Code, str],
    admin2: dict[tuple[str, str, str], str],
    neighbours: Neighbours,
    own: Iterable[list[str]] | None = None,
) -> DumpRows:
    """Index rows of a dump, admin codes made current. `rows` is read once; `own` (the same rows
    again) first adds the dump's own places with a current code to `neighbours`, whose points
    so far (the embedded index's) alone decide a place coded with a unit since split."""
    trusted = copy.deepcopy(neighbours) if splits() else neighbours
    for f in own or ():
        if f[6] == "P" and (f[8], f[10]) in admin1 and neighbours.size < _OWN_POINTS_CAP:
            a2 = admin2.get((f[8], f[10], f[11])) if f[11] else None
            neighbours.add(f[8], float(f[4]), float(f[5]), f[10], a2)
    out = DumpRows()
    for f in rows:
        kind = kind_of(f[6], f[7])
        if kind is None:
            continue
        gid, cc, lat, lon = int(f[0]), f[8], float(f[4]), float(f[5])
        a1: str | None = f[10] or None
        a2 = admin2.get((cc, f[10], f[11])) if f[11] else None
        if (cc, a1) not in admin1:
            voted = neighbours.vote(cc, lat, lon)
            a1, a2 = voted if voted else (None, None)
            if kind == "adm2":
                a2 = f[1]
            out.recoded += 1
        if (cc, a1) in splits() and kind != "adm1":
            a1, a2 = _after_split(trusted, cc, lat, lon, a1, a2)
        name = f[1]
        if kind == "adm1" and a1:
            name = admin1[(cc, a1)]
            out.admin1.append((cc, a1, name))
        population = int(f[14]) if f[14].isdigit() else 0
        out.places.append((gid, name, lat, lon, cc, a1, display_name(a2), population, kind))
        alternates = [name, *(a for a in f[3].split(",") if a), f[2]]
        out.names.extend((key, gid, primary) for key, primary in name_keys(f[1], alternates))
        out.countries[cc] += 1
    return out


def keep_known(places: list[tuple], connection: sqlite3.Connection) -> list[tuple]:
    """Dump rows with what the index already knows of the same place kept where the dump has
    nothing: cities500's population (GeoNames dumps leave most at 0) and admin2."""
    known = {}
    ids = [place[0] for place in places]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, population, admin2 FROM places WHERE id IN ({marks})"
        known.update({gid: (pop, a2) for gid, pop, a2 in connection.execute(query, chunk)})
    merged = []
    for place in places:
        population, admin2 = known.get(place[0], (0, None))
        row = list(place)
        row[7] = max(row[7], population or 0)
        row[6] = row[6] or display_name(admin2)
        merged.append(tuple(row))
    return merged
