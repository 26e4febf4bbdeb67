"""Country naming as ACLED writes it, the users' convention: "Democratic Republic of Congo",
"Ivory Coast", "Palestine", "eSwatini" (GeoNames says "Democratic Republic of the Congo",
"Palestinian Territory"). `iso3` stays ISO 3166 alpha-3; ACLED's numeric `iso` and its regions
("Western Africa", "Middle East", "Caucasus and Central Asia" ...) come from the same table,
`data/gazetteer/countries.tsv`.

    acled_country("CD")        # -> AcledCountry(alpha2="CD", alpha3="COD", numeric=180,
                               #      name="Democratic Republic of Congo", region="Middle Africa")
    acled_country("PSE").name  # -> "Palestine"
    country_by_name("Palestinian Territory")  # -> None (a GeoNames name: look it up by code)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from eventwire.data import data_path, load_toml
from eventwire.geo.text import normalize

COUNTRIES_FILE = "gazetteer/countries.tsv"


@dataclass(frozen=True)
class AcledCountry:
    alpha2: str
    alpha3: str
    numeric: int
    name: str
    """ACLED's spelling."""
    region: str
    """ACLED's region."""


@cache
def _table() -> dict[str, AcledCountry]:
    """alpha-2 and alpha-3 -> the country."""
    table: dict[str, AcledCountry] = {}
    with data_path(COUNTRIES_FILE).open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        country = AcledCountry(
            row["alpha2"], row["alpha3"], int(row["numeric"]), row["acled_name"], row["region"]
        )
        table[country.alpha2] = country
        table[country.alpha3] = country
    return table


@cache
def _by_name() -> dict[str, AcledCountry]:
    return {normalize(c.name): c for c in _table().values()}


def acled_country(code: str | None) -> AcledCountry | None:
    """The country of an ISO alpha-2 or alpha-3 code, None when unknown."""
    return _table().get(code.strip().upper()) if code else None


def country_by_name(name: str | None) -> AcledCountry | None:
    """The country ACLED calls `name` (accents and case aside), None for any other name."""
    return _by_name().get(normalize(name)) if name else None


def acled_name(code: str | None, fallback: str | None = None) -> str | None:
    """ACLED's name of the country with this ISO code; `fallback` when the code is unknown."""
    country = acled_country(code)
    return country.name if country else fallback


@cache
def french_country_names() -> dict[str, str]:
    """Normalised French country names (pycountry's ISO 3166 translations, shipped with it) to
    alpha-2: "Soudan", "Colombie", "République démocratique du Congo"."""
    import gettext

    import pycountry

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    skip = {normalize(name) for name in load_toml("gazetteer/french_countries.toml")["skip"]}
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            key = normalize(french.gettext(english))
            if key not in skip:
                names.setdefault(key, country.alpha_2)
    return names
