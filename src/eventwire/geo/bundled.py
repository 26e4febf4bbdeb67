"""The shipped GeoNames dumps (`geo.shipped`) indexed into the embedded index at build time.

Their rows replace cities500's of the same GeoNames id (a dump row is richer: admin2, feature
class) and add the villages cities500 lacks; admin codes are made current and units named once
(`geo.geonames`). The `shipped` table records each country's file, places, extract date and how
many rows had their admin1 recoded; `origin = 'geonames'` marks the rows, so that a dump the user
loads for the same country can replace them (`lookup.Gazetteer`).
"""

from __future__ import annotations

import sqlite3

from eventwire.geo.geonames import (
    Code,
    Neighbours,
    canonical_admin1,
    keep_known,
    parse,
    rows_of,
)
from eventwire.geo.shipped import ADMIN1_FILE, ADMIN2_FILE, code_table, country_dumps, read_lines


def fill_shipped(connection: sqlite3.Connection, embedded_admin1: dict[Code, str]) -> None:
    admin1 = canonical_admin1(embedded_admin1, code_table(ADMIN1_FILE))
    connection.executemany(
        "INSERT OR IGNORE INTO admin1 VALUES (?, ?, ?)",
        [(cc, code, name) for (cc, code), name in admin1.items()],
    )
    admin2_codes = _admin2_codes()
    dumps = country_dumps()
    neighbours = reference_points(connection, [d.country for d in dumps], admin1)
    for dump in dumps:
        rows = list(parse(read_lines(dump.file)))
        admin2 = {k: v for k, v in admin2_codes.items() if k[0] == dump.country}
        admin2.update({(f[8], f[10], f[11]): f[1] for f in rows if f[6:8] == ["A", "ADM2"]})
        out = rows_of(rows, admin1, admin2, neighbours, own=rows)
        places = [(*place, "geonames") for place in keep_known(out.places, connection)]
        connection.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", out.names)
        connection.execute(
            "INSERT OR REPLACE INTO shipped VALUES (?, ?, ?, ?, ?)",
            (dump.country, dump.file, len(out.places), dump.extract, out.recoded),
        )


def _admin2_codes() -> dict[tuple[str, str, str], str]:
    table = {}
    for key, name in code_table(ADMIN2_FILE).items():
        parts = key.split(".")
        if len(parts) == 3:
            table[(parts[0], parts[1], parts[2])] = name
    return table


def reference_points(
    connection: sqlite3.Connection, countries: list[str], admin1: dict[Code, str]
) -> Neighbours:
    """The index's towns of `countries` whose admin1 code is current, for the votes."""
    neighbours = Neighbours()
    marks = ",".join("?" * len(countries))
    query = (
        "SELECT cc, lat, lon, admin1, admin2 FROM places "
        f"WHERE kind = 'city' AND lat IS NOT NULL AND cc IN ({marks})"
    )
    for cc, lat, lon, a1, a2 in connection.execute(query, countries):
        if (cc, a1) in admin1:
            neighbours.add(cc, lat, lon, a1, a2)
    return neighbours
