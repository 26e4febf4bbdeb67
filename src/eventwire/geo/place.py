"""The records of the gazetteer (`Place`, `Country`) and `PlaceIndex`, what the admin-unit rules
need of an index; shared by the lookup, the admin rules and the place extractor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Place:
    geonames_id: int | None
    name: str
    latitude: float | None
    longitude: float | None
    country_code: str
    admin1_code: str | None
    admin2: str | None
    population: int
    kind: str
    """'city' (a populated place), 'adm1'/'adm2' (a region, centred on its largest town),
    'adm3' (a commune or smaller unit, from a GeoNames dump), 'site' (a camp, mine, park ...),
    'addition' (a row of additions.tsv) or 'bracket' (a place known by its admin units)."""
    precision: int
    """ACLED geo_precision when the text names this place itself: 1 town, 2 district, 3 region."""
    primary: bool = True
    """Whether the looked-up name is the place's primary name (not an alternate)."""
    centre: str = "own"
    """Where the coordinates come from: 'own', or 'admin1' for a unit whose only known centre is
    its region's (see `geo.admin`): a point that far off is precision 3 at best."""


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str
    capital: str | None
    geonames_id: int | None
    population: int


class PlaceIndex(Protocol):
    """The part of `Gazetteer` that the admin-unit rules (`geo.admin`) read."""

    def raw_lookup(self, key: str) -> tuple[Place, ...]: ...

    def admin1_name(self, alpha2: str, code: str | None) -> str | None: ...

    def admin2_rows(self) -> list[Place]: ...
