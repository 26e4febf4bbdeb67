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

from eventwire.geo.build import name_keys
from eventwire.geo.lookup import Gazetteer, user_index_path
from eventwire.geo.text import normalize

GEONAMES_URL = "https://download.geonames.org/export/dump"
CLASSES = frozenset("PASL")
_ADMIN_KINDS = {"ADM1": "adm1", "ADM2": "adm2", "ADM3": "adm3", "ADM4": "adm3"}
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


def load_geonames(files: Iterable[Path], target: Path | None = None) -> dict[str, int]:
    """Import GeoNames dumps (plain .txt or .zip); returns places imported per file."""
    counts = {}
    connection = _open(target)
    try:
        for path in files:
            counts[str(path)] = _load_dump(connection, Path(path))
            connection.commit()
    finally:
        connection.close()
    return counts


def _load_dump(connection: sqlite3.Connection, path: Path) -> int:
    admin2 = {
        (f[8], f[10], f[11]): f[1] for f in _dump_rows(path) if f[6] == "A" and f[7] == "ADM2"
    }
    places, names, admin1 = [], [], []
    for f in _dump_rows(path):
        kind = _kind(f[6], f[7])
        if kind is None:
            continue
        gid, cc, a1 = int(f[0]), f[8], f[10] or None
        a2 = admin2.get((cc, f[10], f[11])) if f[11] else None
        population = int(f[14]) if f[14].isdigit() else 0
        places.append((gid, f[1], float(f[4]), float(f[5]), cc, a1, a2, population, kind))
        alternates = [a for a in f[3].split(",") if a] + [f[2]]
        names.extend((key, gid, primary) for key, primary in name_keys(f[1], alternates))
        if kind == "adm1" and a1:
            admin1.append((cc, a1, f[1]))
    _insert(connection, places, names)
    connection.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?)", admin1)
    _record(connection, path.name, "geonames", len(places))
    return len(places)


def _kind(feature_class: str, code: str) -> str | None:
    if feature_class not in CLASSES:
        return None
    if feature_class == "A":
        return _ADMIN_KINDS.get(code)
    return "city" if feature_class == "P" else "site"


def _dump_rows(path: Path) -> Iterator[list[str]]:
    for line in _dump_lines(path):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 15 or not fields[0].isdigit():
            continue
        try:
            float(fields[4]), float(fields[5])
        except ValueError:
            continue
        yield fields


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
    code = codes.get((cc, normalize(admin1)))
    key = (cc, normalize(name), normalize(admin1), normalize(admin2 or ""))
    return key, (name, lat, lon, cc, code, admin2)


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
