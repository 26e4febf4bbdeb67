"""Actors of conflicts beyond the Sahel, named as ACLED names them (fixtures written for these
tests: invented places and wordings)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.actors.extractor import event_country, extract_actors
from eventwire.extract.actors.rules import (
    fill_name,
    find_matches,
    inter_in_period,
    name_in_period,
    state_forces_country,
)
from eventwire.models import Location
from tests.helpers import make_frame


def sides(text: str, country: str, published: str = "2024-03-02"):
    frame = make_frame(text, published, all_sentences=True)
    frame.location = Location(name="somewhere", country=country)
    extract_actors(frame)
    return frame.actor1, frame.actor2


def named(text: str, country: str | None = None) -> list[str]:
    return [m.entry.name for m in find_matches(text, country) if m.entry.kind == "named"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Taleban insurgents overran a checkpoint", "Taliban"),
        ("fighters of the Pakistani Taliban", "TTP: Tehreek-i-Taliban Pakistan"),
        ("an ISKP cell claimed the blast", "Islamic State (Afghanistan)"),
        ("Qassam Brigades fighters fired rockets", "Hamas Movement"),
        ("Hizbullah launched drones", "Hezbollah"),
        ("Ansarullah forces shelled the port", "Military Forces of Yemen (2017-) Houthi"),
        ("RSF militiamen looted the market", "Rapid Support Forces"),
        ("the Tigray Defence Forces retook the town", "TPLF: Tigray Peoples Liberation Front"),
        ("Kachin Independence Army troops ambushed a convoy", "KIO/KIA: Kachin Independence "
         "Organization/Kachin Independence Army"),
        ("the Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel"),
        ("Darawiish forces pushed into the hills", "Military Forces of Somalia"),
        ("CV members exchanged fire with rivals", "CV: Red Command"),
        ("a MIT cell ambushed a patrol", "MIT: Mujahidin Indonesia Timur"),
        ("Sabaot Land Defense Force raiders", "SLDF: Sabaot Land Defence Force"),
    ],
)  # fmt: skip
def test_world_aliases_name_acled_actors(text: str, name: str) -> None:
    assert named(text) == [name]


def test_an_actor_of_some_countries_is_named_there_only() -> None:
    text = "PDF fighters attacked a police outpost"
    assert named(text, "Myanmar") == ["PDF: People's Defense Force"]
    assert named(text, "Kenya") == []
    assert named("SNA troops", "Somalia") == ["Military Forces of Somalia"]
    assert named("SNA troops", "Syria") == ["JWS: Syrian National Army"]


def test_a_group_in_power_becomes_the_state_forces() -> None:
    assert name_in_period("Taliban", date(2020, 5, 1)) == "Taliban"
    assert name_in_period("Taliban", date(2022, 5, 1)) == "Military Forces of Afghanistan"
    assert inter_in_period("Taliban", 2, date(2020, 5, 1)) == 2
    assert inter_in_period("Taliban", 2, date(2022, 5, 1)) == 1


def test_a_unit_named_apart_from_a_war_keeps_its_forces_before() -> None:
    assert name_in_period("Rapid Support Forces", date(2021, 1, 10)) == "Military Forces of Sudan"
    assert inter_in_period("Rapid Support Forces", 2, date(2021, 1, 10)) == 1
    assert name_in_period("Rapid Support Forces", date(2023, 9, 1)) == "Rapid Support Forces"


def test_taliban_attack_before_and_after_the_takeover() -> None:
    text = "Taliban fighters attacked a police post in Qarabagh district, killing two policemen."
    first, _ = sides(text, "Afghanistan", "2020-06-03")
    assert (first.name, first.inter) == ("Taliban", 2)
    text = "Taliban forces raided a village in Panjshir and detained nine men."
    first, _ = sides(text, "Afghanistan", "2022-06-03")
    assert (first.name, first.inter) == ("Military Forces of Afghanistan", 1)


def test_named_state_forces_abroad_are_external() -> None:
    first, _ = sides("IDF troops shelled the outskirts of Marjayoun on Tuesday.", "Lebanon")
    assert (first.name, first.inter) == ("Military Forces of Israel", 8)
    first, _ = sides("IDF troops arrested four men near Hadera on Tuesday.", "Israel")
    assert (first.name, first.inter) == ("Military Forces of Israel", 1)
    assert state_forces_country("Military Forces of the United States (2025-)") == "United States"


def test_some_countries_take_an_article() -> None:
    assert fill_name("Military Forces of {country}", "Philippines") == (
        "Military Forces of the Philippines"
    )
    assert fill_name("Civilians ({country})", "Philippines") == "Civilians (Philippines)"
    assert fill_name("Police Forces of {country}", "Kenya") == "Police Forces of Kenya"


def test_the_gazetteer_country_gets_acled_spelling() -> None:
    frame = make_frame("Gunmen shot dead a trader in Beit Zeta on Monday.", "2023-10-02", True)
    frame.location = Location(name="Beit Zeta", country="Palestinian Territory")
    assert event_country(frame) == "Palestine"


def test_the_islamic_state_is_named_by_country_and_by_province() -> None:
    first, _ = sides("ISIS militants attacked an army post near Hawija, killing a soldier.", "Iraq")
    assert first.name == "Islamic State (Iraq)"
    text = "ISIS militants attacked a Puntland army post near Qandala, killing a soldier."
    first, _ = sides(text, "Somalia")
    assert first.name == "Islamic State Somalia Province"


def test_gang_members_are_an_unidentified_gang() -> None:
    first, _ = sides("Gang members shot and killed a bus driver in Canaan on Sunday.", "Haiti")
    assert (first.name, first.inter) == ("Unidentified Gang (Haiti)", 3)


def test_unmarked_aircraft_are_unidentified_military_forces() -> None:
    text = "Unidentified drones struck a fuel depot near Bardale on Thursday."
    assert next(m.entry.name for m in find_matches(text)) == "Unidentified Military Forces"


def test_settlers_are_rioters_of_israel_wherever_they_attack() -> None:
    first, _second = sides(
        "Israeli settlers attacked farmers and burned olive trees near Khirbet Sarra.", "Palestine"
    )
    assert first is not None and (first.name, first.inter) == ("Rioters (Israel)", 5)
