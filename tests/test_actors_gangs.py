"""Unattributed killings with the marks of organised crime are a gang's (fixtures written for
these tests: invented places and wordings)."""

from __future__ import annotations

import pytest

from eventwire.extract.actors.extractor import extract_actors
from eventwire.extract.event_type import extract_event_type
from eventwire.models import Location
from tests.helpers import make_frame


def attacker(text: str, country: str) -> str | None:
    frame = make_frame(text, "2024-03-02", all_sentences=True)
    frame.location = Location(name="somewhere", country=country)
    extract_actors(frame)
    extract_event_type(frame)
    return frame.actor1.name if frame.actor1 else None


@pytest.mark.parametrize(
    "text",
    [
        "On 1 March 2024, in Villa Serrano, the body of a man was found with his hands tied and "
        "signs of torture near the river. 1 fatality.",
        "On 1 March 2024, in Villa Serrano, two men on a motorcycle shot and killed a shopkeeper "
        "in a drive-by shooting.",
    ],
)
def test_unnamed_killers_with_crime_marks_are_a_gang(text: str) -> None:
    assert attacker(text, "Mexico") == "Unidentified Gang (Mexico)"


def test_unnamed_killers_without_crime_marks_stay_an_armed_group() -> None:
    text = "On 1 March 2024, in Villa Serrano, unknown gunmen shot and killed a shopkeeper."
    assert attacker(text, "Mexico") == "Unidentified Armed Group (Mexico)"


def test_a_named_attacker_keeps_its_name() -> None:
    text = "On 1 March 2024, soldiers shot dead a suspect whose hands were tied, in Villa Serrano."
    assert attacker(text, "Mexico") == "Military Forces of Mexico"


def test_raiders_who_take_herds_are_an_ethnic_militia() -> None:
    text = "On 1 March 2024, armed raiders killed a herder and drove off 300 cattle near Lomeru."
    assert attacker(text, "Kenya") == "Unidentified Ethnic Militia (Kenya)"


def test_a_raid_without_herds_stays_an_armed_group() -> None:
    text = "On 1 March 2024, gunmen killed a shopkeeper during a night raid on Lomeru."
    assert attacker(text, "Kenya") == "Unidentified Armed Group (Kenya)"


def test_an_ethnic_group_that_attacks_is_its_militia() -> None:
    text = "On 1 March 2024, the Maasai ethnic group attacked Kisii villagers near Lomeru."
    assert attacker(text, "Kenya") == "Maasai Ethnic Militia (Kenya)"
