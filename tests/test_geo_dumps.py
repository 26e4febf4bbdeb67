"""The user's gazetteer index: GeoNames dumps, ACLED locations, download, status and the CLI.

The fixtures are invented villages written in GeoNames' and ACLED's formats; every test writes
to a temporary cache, never to the user's own index.
"""

from __future__ import annotations

import csv
import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.extract.place.extractor import PlaceExtractor
from eventwire.geo.dumps import (
    GazetteerError,
    add_acled,
    fetch,
    load_geonames,
    status,
)
from eventwire.geo.lookup import Gazetteer, ensure_index, user_index_path
from tests.helpers import make_frame


def _row(
    gid: int,
    name: str,
    alts: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    admin1: str = "09",
    admin2: str = "",
    population: int = 0,
) -> str:
    ascii_name = name.encode("ascii", "ignore").decode()
    fields = [
        gid,
        name,
        ascii_name,
        alts,
        lat,
        lon,
        fclass,
        fcode,
        "NE",
        "",
        admin1,
        admin2,
        "",
        "",
        population,
        "",
        250,
        "Africa/Niamey",
        "2021-01-01",
    ]
    return "\t".join(str(f) for f in fields)


DUMP = "\n".join(
    [
        _row(90000001, "Région de Tillabéri", "Tillaberi", 14.2, 1.45, "A", "ADM1"),
        _row(90000002, "Département de Kourfeye", "Kourfeye", 14.4, 1.9, "A", "ADM2", "09", "77"),
        _row(90000003, "Tamkoussa", "Tamkousa,Tam Koussa", 14.61, 1.83, "P", "PPL", "09", "77"),
        _row(90000004, "Bangou Zéno", "", 14.7, 2.02, "P", "PPLA3", "09", "77", 1800),
        _row(90000005, "Kori Tamkoussa", "", 14.6, 1.8, "H", "WAD", "09", "77"),
        _row(90000006, "Mine de Sékoubé", "Sekoube Mine", 14.5, 1.7, "S", "MN", "09", "77"),
        "# a comment line and a broken one",
        "90000007\tHalf a row",
    ]
)


@pytest.fixture(scope="module")
def embedded() -> Path:
    return ensure_index()


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "NE.txt"
    path.write_text(DUMP + "\n", encoding="utf-8")
    return path


def _zip(path: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("readme.txt", "GeoNames dump, CC BY 4.0")
        archive.write(path, path.name)
    return target


def test_dump_places_are_found_with_their_admin_units(
    dump: Path, tmp_path: Path, embedded: Path
) -> None:
    user = tmp_path / "user.sqlite"
    assert load_geonames([dump], user) == {str(dump): 5}
    gaz = Gazetteer(embedded, user)
    village = next(p for p in gaz.lookup("Tamkoussa") if p.kind == "city")
    assert (village.country_code, village.admin2, village.geonames_id) == (
        "NE",
        "Kourfeye",  # named without its generic words, as every source's units are
        90000003,
    )
    assert village.latitude == pytest.approx(14.61)
    assert gaz.admin1_name("NE", "09")  # from the embedded index or the dump's ADM1 row
    assert any(p.geonames_id == 90000003 for p in gaz.lookup("Tam Koussa"))
    assert gaz.lookup("Bangou Zeno")[0].population == 1800
    assert gaz.lookup("Sekoube Mine")[0].kind == "site"


def test_streams_and_broken_lines_are_skipped(dump: Path, tmp_path: Path, embedded: Path) -> None:
    user = tmp_path / "user.sqlite"
    load_geonames([dump], user)
    gaz = Gazetteer(embedded, user)
    assert not any(p.geonames_id == 90000005 for p in gaz.lookup("Kori Tamkoussa"))
    assert not gaz.lookup("Half a row")


def test_zipped_dump_loads_like_the_plain_one(dump: Path, tmp_path: Path) -> None:
    archive = _zip(dump, tmp_path / "NE.zip")
    user = tmp_path / "user.sqlite"
    assert load_geonames([archive], user)[str(archive)] == 5
    assert [row[:3] for row in status(user)] == [("NE.zip", "geonames", 5)]


def test_loading_twice_replaces_rather_than_duplicates(
    dump: Path, tmp_path: Path, embedded: Path
) -> None:
    user = tmp_path / "user.sqlite"
    load_geonames([dump, dump], user)
    assert len([p for p in Gazetteer(embedded, user).lookup("Tamkoussa")]) == 1


def test_unreadable_archive_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "BF.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("notes.md", "nothing here")
    with pytest.raises(GazetteerError, match="no GeoNames dump"):
        load_geonames([bad], tmp_path / "user.sqlite")


def _acled_export(path: Path) -> Path:
    columns = [
        "event_id_cnty",
        "country",
        "iso3",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
    ]
    rows = [
        [
            "X1",
            "Niger",
            "NER",
            "Tillaberi",
            "Kourfeye",
            "Filingue",
            "Garbey Kourou",
            "14.52",
            "1.77",
            "1",
        ],
        [
            "X2",
            "Niger",
            "NER",
            "Tillaberi",
            "Kourfeye",
            "Filingue",
            "Garbey Kourou",
            "14.52",
            "1.77",
            "1",
        ],
        ["X3", "Niger", "", "Tahoua", "Tassara", "Tassara", "In Agar", "16.8", "5.6", "2"],
        ["X4", "Niger", "NER", "Tahoua", "", "", "No Coordinates", "", "", "1"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def test_acled_locations_are_added_once_with_admin_codes(tmp_path: Path, embedded: Path) -> None:
    export = _acled_export(tmp_path / "export.csv")
    user = tmp_path / "user.sqlite"
    assert add_acled(export, user, Gazetteer(embedded)) == 2
    gaz = Gazetteer(embedded, user)
    place = next(p for p in gaz.lookup("Garbey Kourou") if p.geonames_id is None)
    assert (place.country_code, place.admin2, place.geonames_id) == ("NE", "Kourfeye", None)
    assert gaz.admin1_name("NE", place.admin1_code) in ("Tillabéri", "Tillaberi")
    assert gaz.lookup("In Agar")[0].country_code == "NE"  # from the country name
    assert [row[1] for row in status(user)] == ["acled"]


def test_bracketed_village_uses_the_richer_index(
    dump: Path, tmp_path: Path, embedded: Path
) -> None:
    text = "Gunmen torched granaries in Tamkoussa (Kourfeye, Tillaberi) on Sunday."
    frame = make_frame(text, "2023-03-07")
    PlaceExtractor(Gazetteer(embedded))(frame)
    before = frame.location
    assert before is not None and before.geo_precision in (2, 3)
    user = tmp_path / "user.sqlite"
    load_geonames([dump], user)
    frame = make_frame(text, "2023-03-07")
    PlaceExtractor(Gazetteer(embedded, user))(frame)
    after = frame.location
    assert after is not None and after.geonames_id == 90000003 and after.geo_precision == 1
    assert after.iso3 == "NER"


@pytest.fixture()
def server(tmp_path: Path, dump: Path) -> Iterator[str]:
    root = tmp_path / "www"
    root.mkdir()
    _zip(dump, root / "NE.zip")
    (root / "XX.zip").write_text("not a zip")
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def test_fetch_downloads_country_dumps(server: str, tmp_path: Path) -> None:
    paths = fetch(["ne"], tmp_path / "downloads", server, timeout=5)
    assert paths == [tmp_path / "downloads" / "NE.zip"]
    assert load_geonames(paths, tmp_path / "user.sqlite")[str(paths[0])] == 5


def test_fetch_reports_missing_files_bad_archives_and_bad_codes(
    server: str, tmp_path: Path
) -> None:
    with pytest.raises(GazetteerError, match="cannot download"):
        fetch(["ML"], tmp_path, server, timeout=5)
    with pytest.raises(GazetteerError, match="not a zip"):
        fetch(["XX"], tmp_path, server, timeout=5)
    with pytest.raises(GazetteerError, match="alpha-2"):
        fetch(["Mali"], tmp_path, server, timeout=5)


def test_fetch_without_network_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="cannot download"):
        fetch(["BF"], tmp_path, "http://127.0.0.1:9", timeout=2)


def test_cli_loads_into_the_cache_dir_and_reports_status(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    runner = CliRunner()
    result = runner.invoke(main, ["gazetteer", "load", str(dump)])
    assert result.exit_code == 0, result.output
    assert user_index_path() == tmp_path / "cache" / "user-gazetteer.sqlite"
    assert user_index_path().exists()
    result = runner.invoke(main, ["gazetteer", "status"])
    assert result.exit_code == 0 and "NE.txt (geonames): 5 place(s)" in result.output


def test_cli_fetch_without_network_exits_with_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    args = ["gazetteer", "fetch", "BF", "--url", "http://127.0.0.1:9", "--timeout", "2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "cannot download" in result.output
    assert not user_index_path().exists()
