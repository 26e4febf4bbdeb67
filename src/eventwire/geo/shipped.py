"""The GeoNames country dumps shipped with the package (`eventwire/data/geonames/`).

Each `XX.txt.xz` is GeoNames' own `XX.txt` (the 19-column `geoname` table), cut to the feature
classes the gazetteer indexes (P populated places, A admin units, S sites, L areas) and
xz-compressed; `admin1CodesASCII.txt.xz` is GeoNames' admin1 table (the world) and
`admin2Codes.txt.xz` its admin2 table for the shipped countries. `MANIFEST.tsv` lists each file
with its country, rows, the GeoNames extract date (the newest modification date of its rows) and
its sha256; the index's cache key is a hash of the manifest, so new data gets a new index.
GeoNames data, https://www.geonames.org/, CC BY 4.0 (see the folder's README.md).

`pack(source, target)` writes the folder from a directory of plain dumps (the maintainers' step,
`python -m eventwire.geo.shipped SOURCE_DIR`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import lzma
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventwire.data import data_path

FOLDER = "geonames"
CLASSES = frozenset("PASL")
ADMIN1_FILE = "admin1CodesASCII.txt"
ADMIN2_FILE = "admin2Codes.txt"
RULES_VERSION = "2"
"""Bump when the indexing of the dumps (`geo/geonames.py`) changes: the cache key carries it."""


@dataclass(frozen=True)
class ShippedDump:
    file: str
    country: str
    rows: int
    extract: str
    """The GeoNames extract's date: the newest modification date among its rows."""
    sha256: str


def folder() -> Path:
    return data_path(FOLDER)


@cache
def manifest() -> tuple[ShippedDump, ...]:
    path = folder() / "MANIFEST.tsv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple(
        ShippedDump(r["file"], r["country"], int(r["rows"]), r["extract"], r["sha256"])
        for r in rows
    )


def manifest_key() -> str:
    """8 hex digits that change whenever a shipped file does, or the admin splits table
    (`gazetteer/admin_splits.toml`, which the indexing of the dumps reads)."""
    digest = hashlib.sha256("".join(d.sha256 for d in manifest()).encode())
    digest.update(data_path("gazetteer/admin_splits.toml").read_bytes())
    digest.update(RULES_VERSION.encode())
    return digest.hexdigest()[:8]


def country_dumps() -> list[ShippedDump]:
    return [d for d in manifest() if d.country]


def read_lines(file: str) -> Iterator[str]:
    """The lines of a shipped file (decompressed on the fly)."""
    with lzma.open(folder() / file, "rt", encoding="utf-8") as handle:
        yield from handle


def code_table(file: str) -> dict[str, str]:
    """GeoNames' admin code table: 'ML.08' or 'BF.12.4567' -> name ('' when not shipped)."""
    if not (folder() / f"{file}.xz").exists():
        return {}
    table = {}
    for line in read_lines(f"{file}.xz"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) >= 2:
            table[fields[0]] = fields[1]
    return table


# Packing (maintainers) -------------------------------------------------------------------


def pack(source: Path, target: Path) -> list[ShippedDump]:
    """Write `target` (the data folder) from the plain dumps of `source`."""
    target.mkdir(parents=True, exist_ok=True)
    dumps = sorted(p for p in source.glob("??.txt") if p.stem.isupper())
    countries = {p.stem for p in dumps}
    written = [_pack_dump(path, target) for path in dumps]
    admin1 = (source / ADMIN1_FILE).read_text(encoding="utf-8")
    written.append(_write(target, ADMIN1_FILE, admin1, "", len(admin1.splitlines()), ""))
    admin2 = "".join(
        line
        for line in (source / ADMIN2_FILE).open(encoding="utf-8")
        if line.split(".", 1)[0] in countries
    )
    written.append(_write(target, ADMIN2_FILE, admin2, "", len(admin2.splitlines()), ""))
    with (target / "MANIFEST.tsv").open("w", encoding="utf-8") as handle:
        handle.write("file\tcountry\trows\textract\tsha256\n")
        for dump in written:
            handle.write(
                f"{dump.file}\t{dump.country}\t{dump.rows}\t{dump.extract}\t{dump.sha256}\n"
            )
    return written


def _pack_dump(path: Path, target: Path) -> ShippedDump:
    kept, newest = io.StringIO(), ""
    rows = 0
    for line in path.open(encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 19 or fields[6] not in CLASSES:
            continue
        kept.write(line)
        rows += 1
        newest = max(newest, fields[18])
    return _write(target, path.name, kept.getvalue(), path.stem, rows, newest)


def _write(target: Path, name: str, text: str, country: str, rows: int, extract: str):
    data = lzma.compress(text.encode("utf-8"), preset=9 | lzma.PRESET_EXTREME)
    (target / f"{name}.xz").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    return ShippedDump(f"{name}.xz", country, rows, extract, digest)


if __name__ == "__main__":  # pragma: no cover - the maintainers' packing step
    for item in pack(Path(sys.argv[1]), folder()):
        print(item.file, item.country, item.rows, item.extract)
