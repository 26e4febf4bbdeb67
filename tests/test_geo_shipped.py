"""The GeoNames dumps shipped with the package: files, index, admin codes made current, one
admin naming, and a user's dump replacing a shipped one.

Unit fixtures are invented places in GeoNames' format; the index tests read the shipped files
themselves (whatever rows they hold), never a hard-coded answer.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.geo import lookup as lookup_module
from eventwire.geo import shipped
from eventwire.geo.dumps import load_geonames
from eventwire.geo.geonames import Neighbours, parse, rows_of
from eventwire.geo.lookup import Gazetteer, ensure_index


@pytest.fixture(scope="module")
def embedded() -> Path:
    return ensure_index()


def test_manifest_matches_the_shipped_files_and_the_attribution_is_beside_them() -> None:
    dumps = shipped.manifest()
    assert {d.country for d in shipped.country_dumps()} >= {"ML", "BF", "NE", "CM"}
    for dump in dumps:
        data = (shipped.folder() / dump.file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == dump.sha256, dump.file
    readme = (shipped.folder() / "README.md").read_text(encoding="utf-8")
    assert "GeoNames" in readme and "CC BY 4.0" in readme
    total = sum((shipped.folder() / d.file).stat().st_size for d in dumps)
    assert total < 5_000_000


def test_the_cache_key_changes_with_the_shipped_data(monkeypatch: pytest.MonkeyPatch) -> None:
    before = lookup_module.index_path()
    changed = tuple(
        shipped.ShippedDump(d.file, d.country, d.rows, d.extract, "0" * 64)
        for d in shipped.manifest()
    )
    monkeypatch.setattr(shipped, "manifest", lambda: changed)
    assert lookup_module.index_path() != before


def _shipped_rows(country: str) -> list[list[str]]:
    dump = next(d for d in shipped.country_dumps() if d.country == country)
    return list(parse(shipped.read_lines(dump.file)))


def test_shipped_villages_are_found_offline_and_listed_with_their_extract(
    embedded: Path,
) -> None:
    gaz = Gazetteer(embedded)
    listed = {row[0]: row for row in gaz.shipped()}
    for dump in shipped.country_dumps():
        assert listed[dump.country][3] == dump.extract and listed[dump.country][2] > 0
    villages = [f for f in _shipped_rows("BF") if f[6] == "P"][:40]
    for f in villages:
        assert int(f[0]) in {p.geonames_id for p in gaz.lookup(f[1])}, f[1]


def test_every_shipped_place_has_a_current_admin1(embedded: Path) -> None:
    connection = sqlite3.connect(embedded)
    rows = connection.execute(
        "SELECT COUNT(*), SUM(a.name IS NOT NULL) FROM places p LEFT JOIN admin1 a "
        "ON a.cc = p.cc AND a.code = p.admin1 WHERE p.origin = 'geonames' AND p.kind = 'city'"
    ).fetchone()
    connection.close()
    assert rows[0] > 50_000 and rows[1] / rows[0] > 0.995


def _row(
    gid: int, name: str, lat: float, lon: float, fcode: str, admin1: str, cc: str = "ML"
) -> list[str]:
    fclass = "A" if fcode.startswith("ADM") else "P"
    fields = [gid, name, name, "", lat, lon, fclass, fcode, cc, "", admin1, "", "", "", 0]
    return [str(f) for f in [*fields, "", 300, "Africa/Bamako", "2023-01-01"]]


def test_unknown_stale_and_pre_split_codes_are_voted_by_the_places_around() -> None:
    admin1 = {("ML", "09"): "Gao", ("ML", "12070577"): "Ménaka", ("ML", "10"): "Kidal"}
    neighbours = Neighbours()
    neighbours.add("ML", 15.9, 2.4, "12070577", "Cercle de Sanbara")  # the embedded index's
    neighbours.add("ML", 16.3, 0.1, "09", None)
    rows = [
        _row(1, "Tinbarka", 16.31, 0.12, "PPL", "00"),  # unknown code, next to a Gao town
        _row(2, "Asselbaka", 15.95, 2.45, "PPL", "09"),  # coded with the old region
        _row(3, "Agamor", 18.0, -3.0, "PPL", "00"),  # nothing near: no admin1 rather than a guess
        _row(4, "Ménaka Region", 15.9, 2.4, "ADM1", "12070577"),
    ]
    out = rows_of(rows, admin1, {}, neighbours, own=rows)
    by_id = {place[0]: place for place in out.places}
    assert by_id[1][5] == "09"
    assert (by_id[2][5], by_id[2][6]) == ("12070577", "Sanbara")
    assert by_id[3][5] is None
    assert by_id[4][1] == "Ménaka"  # the unit's one name, its dump name a lookup key
    assert out.admin1 == [("ML", "12070577", "Ménaka")]


def test_a_loaded_dump_replaces_the_shipped_one_for_its_country(
    tmp_path: Path, embedded: Path
) -> None:
    before = Gazetteer(embedded)
    village = next(
        f
        for f in _shipped_rows("NE")
        if f[6] == "P" and any(p.geonames_id == int(f[0]) for p in before.lookup(f[1]))
    )
    dump = tmp_path / "NE.txt"
    dump.write_text("\t".join(_row(90000009, "Tamkoussa", 14.6, 1.8, "PPL", "09", "NE")) + "\n")
    user = tmp_path / "user.sqlite"
    load_geonames([dump], user, embedded)
    after = Gazetteer(embedded, user)
    assert after.replaced == frozenset({"NE"})
    assert int(village[0]) not in {p.geonames_id for p in after.lookup(village[1])}
    assert Gazetteer(embedded).lookup(village[1])  # the shipped one, without the user's


def test_status_lists_the_shipped_dumps_with_their_extract_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    result = CliRunner().invoke(main, ["gazetteer", "status"])
    assert result.exit_code == 0, result.output
    for dump in shipped.country_dumps():
        assert f"{dump.country} {dump.file}: extract of {dump.extract}" in result.output
    assert "not built yet" in result.output


def test_an_export_names_its_units_by_the_index_names_through_alternates(
    tmp_path: Path, embedded: Path
) -> None:
    from eventwire.geo.dumps import add_acled

    gaz = Gazetteer(embedded)
    unit = next(p for p in gaz.lookup("Extreme North") if p.kind == "adm1")
    export = tmp_path / "export.csv"
    export.write_text(
        "country,iso3,admin1,admin2,location,latitude,longitude\n"
        "Cameroon,CMR,Extreme North,,Kolbanga,10.9,14.2\n",
        encoding="utf-8",
    )
    user = tmp_path / "user.sqlite"
    assert add_acled(export, user, gaz) == 1
    place = Gazetteer(embedded, user).lookup("Kolbanga")[0]
    assert place.admin1_code == unit.admin1_code
    assert gaz.admin1_name("CM", place.admin1_code) == unit.name
