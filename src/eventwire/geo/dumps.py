"""The user's gazetteer index: GeoNames country dumps and ACLED locations, added to the embedded
cities500 index (`gazetteer.py`) at lookup time.

The embedded index is the ceiling for small villages (cities500 lacks most of them), so a user
can make it richer without touching the package:

- `load_geonames(files)`: GeoNames dumps in the `allCountries` tab-separated format (`BF.txt`,
  `BF.zip`, `allCountries.zip`), feature classes P (towns, villages), A (ADM1-ADM4), S (sites:
  camps, mines, airports) and L (areas, parks). CC BY 4.0, https://www.geonames.org/.
- `add_acled(export)`: the locations of an ACLED export the user holds (name, admin1-3,
  coordinates); ACLED's terms apply to the result, so it stays in the user's cache.
- `fetch(codes)`: download `https://download.geonames.org/export/dump/XX.zip` (needs internet).

Everything goes into one SQLite file, `user_index_path()` (in the cache dir), with the embedded
index's `places`/`names`/`admin1` tables plus a `sources` table for `status()`.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from eventwire.geo.bundled import reference_points
from eventwire.geo.geonames import CLASSES, admin_names, keep_known, parse, rows_of
from eventwire.geo.lookup import Gazetteer, user_index_path
from eventwire.geo.text import name_keys, normalize

__all__ = ["CLASSES", "GazetteerError", "add_acled", "fetch", "load_geonames", "status"]

GEONAMES_URL = "https://download.geonames.org/export/dump"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
    admin1 TEXT, admin2 TEXT, population INTEGER, kind TEXT
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1 (cc TEXT, code TEXT, name TEXT, PRIMARY KEY (cc, code));
CREATE TABLE IF NOT EXISTS sources (source TEXT PRIMARY KEY, kind TEXT, places INTEGER,
    loaded TEXT);
CREATE TABLE IF NOT EXISTS dump_countries (cc TEXT, source TEXT, places INTEGER,
    PRIMARY KEY (cc, source));
"""


class GazetteerError(Exception):
    """A dump or export that cannot be read, or a download that failed."""


def _open(target: Path | None) -> sqlite3.Connection:
    target = target or user_index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(target)
    connection.executescript(_SCHEMA)
    return connection


# GeoNames dumps ---------------------------------------------------------------------------


def load_geonames(
    files: Iterable[Path], target: Path | None = None, embedded: Path | None = None
) -> dict[str, int]:
    """Import GeoNames dumps (plain .txt or .zip); returns places imported per file. A country
    loaded so replaces the dump shipped for it. Admin codes are made current against the
    embedded index (`embedded`, default the cache's), as the shipped dumps are."""
    from eventwire.geo.lookup import ensure_index

    files = [Path(path) for path in files]
    reference = sqlite3.connect(f"file:{embedded or ensure_index()}?mode=ro", uri=True)
    counts = {}
    connection = _open(target)
    try:
        admin1 = dict(
            ((cc, code), name)
            for cc, code, name in reference.execute("SELECT cc, code, name FROM admin1")
        )
        for path in files:
            counts[str(path)] = _load_dump(connection, reference, admin1, path)
            connection.commit()
    finally:
        connection.close()
        reference.close()
    return counts


def _load_dump(
    connection: sqlite3.Connection,
    reference: sqlite3.Connection,
    admin1: dict[tuple[str, str], str],
    path: Path,
) -> int:
    admin2, _ = admin_names(_dump_rows(path))
    countries = sorted({cc for cc, _a1, _a2 in admin2} | _countries(path))
    neighbours = reference_points(reference, countries, admin1)
    out = rows_of(_dump_rows(path), admin1, admin2, neighbours, own=_dump_rows(path))
    _insert(connection, keep_known(out.places, reference), out.names)
    connection.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", out.admin1)
    connection.execute("DELETE FROM dump_countries WHERE source = ?", (path.name,))
    connection.executemany(
        "INSERT OR REPLACE INTO dump_countries VALUES (?, ?, ?)",
        [(cc, path.name, count) for cc, count in out.countries.items()],
    )
    _record(connection, path.name, "geonames", len(out.places))
    return len(out.places)


def _countries(path: Path) -> set[str]:
    """The countries of a dump, from its first rows (a country dump) or its name ('BF.zip')."""
    stem = path.name.split(".", 1)[0]
    found = {stem} if len(stem) == 2 and stem.isupper() else set()
    for index, fields in enumerate(_dump_rows(path)):
        found.add(fields[8])
        if index >= 2000:
            break
    return found


def _dump_rows(path: Path) -> Iterator[list[str]]:
    yield from parse(_dump_lines(path))


def _dump_lines(path: Path) -> Iterator[str]:
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if _is_dump_member(n)]
                if not members:
                    raise GazetteerError(f"{path}: no GeoNames dump (.txt) in the archive")
                for member in members:
                    with archive.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8")
        else:
            with path.open(encoding="utf-8") as handle:
                yield from handle
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as error:
        raise GazetteerError(f"{path}: cannot read: {error}") from error


def _is_dump_member(name: str) -> bool:
    base = name.rsplit("/", 1)[-1].lower()
    return base.endswith(".txt") and not base.startswith(("readme", "iso-languagecodes"))


# ACLED exports ----------------------------------------------------------------------------


def add_acled(export: Path, target: Path | None = None, gazetteer: Gazetteer | None = None) -> int:
    """Add the distinct locations of an ACLED export (CSV) to the user index; returns how many."""
    from eventwire.geo.lookup import get_gazetteer

    gaz = gazetteer or get_gazetteer()
    codes = _admin1_codes(gaz)
    places: dict[tuple[str, str, str, str], tuple] = {}
    try:
        with export.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                place = _acled_place(row, gaz, codes)
                if place is not None:
                    places.setdefault(place[0], place[1])
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise GazetteerError(f"{export}: cannot read: {error}") from error
    rows, names = [], []
    for key, (name, lat, lon, cc, a1, a2) in places.items():
        pid = -1 - zlib.crc32("|".join(key).encode())
        rows.append((pid, name, lat, lon, cc, a1, a2, 0, "city"))
        names.extend((k, pid, primary) for k, primary in name_keys(name, []))
    connection = _open(target)
    try:
        _insert(connection, rows, names)
        _record(connection, export.name, "acled", len(rows))
        connection.commit()
    finally:
        connection.close()
    return len(rows)


def _admin1_codes(gaz: Gazetteer) -> dict[tuple[str, str], str]:
    return {(cc, normalize(name)): code for (cc, code), name in gaz.admin1_names().items()}


def _acled_place(
    row: dict[str, str], gaz: Gazetteer, codes: dict[tuple[str, str], str]
) -> tuple[tuple[str, str, str, str], tuple] | None:
    name = (row.get("location") or "").strip()
    cc = _alpha2(row, gaz)
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not name or cc is None:
        return None
    admin1 = (row.get("admin1") or "").strip()
    admin2 = (row.get("admin2") or "").strip() or None
    code = _admin1_code(gaz, codes, cc, admin1)
    key = (cc, normalize(name), normalize(admin1), normalize(admin2 or ""))
    return key, (name, lat, lon, cc, code, _admin2_name(gaz, cc, code, admin2))


def _admin1_code(
    gaz: Gazetteer, codes: dict[tuple[str, str], str], cc: str, admin1: str
) -> str | None:
    """The code of the unit an export names, by its name or an alternate ('Timbuktu' is
    'Tombouctou', 'Extreme-Nord' is 'Far North')."""
    code = codes.get((cc, normalize(admin1)))
    if code is None and admin1:
        units = [p for p in gaz.lookup(admin1) if p.kind == "adm1" and p.country_code == cc]
        code = units[0].admin1_code if units else None
    return code


def _admin2_name(gaz: Gazetteer, cc: str, code: str | None, admin2: str | None) -> str | None:
    """The index's name of the second-level unit an export names, else the export's."""
    if not admin2:
        return None
    for place in gaz.lookup(admin2):
        if (place.kind, place.country_code, place.admin1_code) == ("adm2", cc, code):
            return place.name
    return admin2


def _alpha2(row: dict[str, str], gaz: Gazetteer) -> str | None:
    import pycountry

    iso3 = (row.get("iso3") or "").strip().upper()
    if iso3:
        country = pycountry.countries.get(alpha_3=iso3)
        if country is not None:
            return country.alpha_2
    named = gaz.country_named((row.get("country") or "").strip())
    return named.alpha2 if named else None


# Shared -----------------------------------------------------------------------------------


def _insert(connection: sqlite3.Connection, places: list[tuple], names: list[tuple]) -> None:
    connection.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)", places)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)


def _record(connection: sqlite3.Connection, source: str, kind: str, count: int) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    connection.execute(
        "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)", (source, kind, count, now)
    )


def status(target: Path | None = None) -> list[tuple[str, str, int, str]]:
    """(source, kind, places, loaded) of every file in the user index; [] when there is none."""
    target = target or user_index_path()
    if not target.exists():
        return []
    connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT * FROM sources ORDER BY source").fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()


# Download ---------------------------------------------------------------------------------


def fetch(
    codes: Iterable[str], directory: Path, base_url: str = GEONAMES_URL, timeout: float = 60.0
) -> list[Path]:
    """Download GeoNames country dumps (`XX.zip`) into `directory`; GazetteerError on failure."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for code in codes:
        code = code.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise GazetteerError(f"{code!r}: give ISO alpha-2 country codes (ML, BF, NE)")
        url = f"{base_url.rstrip('/')}/{code}.zip"
        target = directory / f"{code}.zip"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                data = response.read()
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise GazetteerError(f"cannot download {url}: {error}") from error
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise GazetteerError(f"{url}: the download is not a zip archive")
        target.write_bytes(data)
        paths.append(target)
    return paths
