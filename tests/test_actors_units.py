"""Local units of a movement and actors the dictionary does not list, named as ACLED names them
(fixtures written for these tests: invented places and wordings)."""

from __future__ import annotations

import pytest

from eventwire.extract.actors.extractor import extract_actors
from eventwire.models import Location
from tests.helpers import make_frame


def actor1(text: str, country: str = "Myanmar", published: str = "2022-03-02") -> str | None:
    frame = make_frame(text, published, all_sentences=True)
    frame.location = Location(name="somewhere", country=country)
    extract_actors(frame)
    return frame.actor1.name if frame.actor1 else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Lenkaw PDF attacked a military convoy.", "People's Defense Force - Lenkaw"),
        ("On Monday, the Upper Zanbin PDF ambushed junta troops.",
         "People's Defense Force - Upper Zanbin"),
        ("PDF-Tharlin carried out a mine attack on soldiers.", "People's Defense Force - Tharlin"),
        ("Fighters of People's Defense Force (North Kyawmo) shelled an army camp.",
         "People's Defense Force - North Kyawmo"),
        ("A local PDF attacked a police station.", "People's Defense Force - Local Group"),
        ("The PDF attacked a police station.", "PDF: People's Defense Force"),
        ("A Myanmar PDF unit attacked a police station.", "PDF: People's Defense Force"),
    ],
)  # fmt: skip
def test_a_local_unit_is_named_after_its_place(text: str, name: str) -> None:
    assert actor1(text) == name


def test_the_bare_movement_name_is_the_unit_the_report_named() -> None:
    text = "The Lenkaw PDF planted mines on the road. The PDF then attacked a convoy of soldiers."
    assert actor1(text) == "People's Defense Force - Lenkaw"


def test_a_unit_is_a_unit_only_where_the_movement_has_units() -> None:
    assert actor1("The Lenkaw KIA attacked a convoy of soldiers.") == (
        "KIO/KIA: Kachin Independence Organization/Kachin Independence Army"
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, an explosion occurred near the Lenkaw police station.",
        "On Friday, there was a bomb blast at the army camp of Lenkaw.",
        "On Friday, a bomb exploded in front of the Lenkaw military hospital.",
    ],
)
def test_a_blast_nobody_set_off_has_an_unidentified_attacker(text: str) -> None:
    frame = make_frame(text, "2022-03-02", all_sentences=True)
    frame.location = Location(name="Lenkaw", country="Myanmar")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor2 is not None
    assert frame.actor1.name == "Unidentified Armed Group (Myanmar)"
    assert frame.actor2.inter == 1


def test_a_blast_someone_set_off_keeps_its_attacker() -> None:
    text = "On Friday, soldiers detonated a bomb near the Lenkaw market."
    assert actor1(text) == "Military Forces of Myanmar"


def test_an_actor_before_planted_set_the_device() -> None:
    text = "On Friday, a bus hit a Taliban-planted roadside bomb near Qalat, killing two civilians."
    assert actor1(text, "Afghanistan", "2020-03-02") == "Taliban"


def test_naval_and_armoured_forces_are_the_military() -> None:
    assert actor1("Israeli gunboats shelled the coast of Rafah.", "Palestine") == (
        "Military Forces of Israel"
    )


def test_regional_special_forces_in_ethiopia_are_police() -> None:
    text = "Regional special forces attacked the village of Dabat Kora."
    assert actor1(text, "Ethiopia", "2021-03-02") == "Police Forces of Ethiopia"


def test_a_community_named_after_its_region_is_a_militia_only_when_armed() -> None:
    from eventwire.extract.actors.identity import groups_in

    assert [g.group for g in groups_in("Afar militants attacked herders.")] == ["Afar"]
    assert groups_in("Herders clashed in the Afar region.") == []
    assert [g.group for g in groups_in("Fulani and Afar herders clashed.")] == ["Fulani"]


def _attacked_by(alias: str) -> str:
    from eventwire.extract.actors.communal import name_communal_militias
    from eventwire.models import Actor

    frame = make_frame("On Friday, they attacked a camp near Zirako.", "2021-03-02", True)
    frame.location = Location(name="Benin", country="Benin")
    frame.actor1 = Actor("Civilians (Benin)", 7, [alias])
    frame.actor2 = Actor("Civilians (Benin)", 7, ["herders"])
    name_communal_militias(frame, "Violence against civilians", "Benin")
    assert frame.actor2.name == "Civilians (Benin)"  # the victims stay civilians
    return frame.actor1.name


def test_civilians_who_attack_are_a_communal_militia_or_an_armed_group() -> None:
    assert _attacked_by("farmers") == "Unidentified Communal Militia (Benin)"
    assert _attacked_by("men") == "Unidentified Armed Group (Benin)"


def test_the_other_side_of_a_deadly_clash_did_the_killing() -> None:
    text = (
        "On Friday, nine Taliban militants were killed during clashes with Afghan forces in Zarkan."
    )
    assert actor1(text, "Afghanistan", "2020-03-02") == "Military Forces of Afghanistan"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Monday, the Lenkaw Urban Guerrilla Group bombed a telecom tower.",
         "Lenkaw Urban Guerrilla Group"),
        ("The Zanbin Revolutionary Front (ZRF) attacked a police post.",
         "ZRF: Zanbin Revolutionary Front"),
        ("The Urban Resistance Force - Tharlin ambushed a convoy of soldiers.",
         "Urban Resistance Force - Tharlin"),
    ],
)  # fmt: skip
def test_an_unlisted_group_that_acts_is_named_as_written(text: str, name: str) -> None:
    assert actor1(text) == name


def test_an_unlisted_name_that_does_not_act_is_no_actor() -> None:
    text = "Soldiers attacked a village. The Lenkaw Relief Group said it sent food."
    assert actor1(text) == "Military Forces of Myanmar"


def test_a_name_with_a_nationality_is_left_to_the_dictionary() -> None:
    text = "The Burmese Liberation Front attacked a convoy of soldiers."
    assert actor1(text) != "Burmese Liberation Front"


def test_who_stepped_on_a_mine_was_hit() -> None:
    text = "On Friday, a farmer stepped on a landmine near Lenkaw and was wounded."
    assert actor1(text) == "Unidentified Armed Group (Myanmar)"


def _sides(text: str) -> tuple[str | None, str | None]:
    frame = make_frame(text, "2022-03-02", all_sentences=True)
    frame.location = Location(name="Lenkaw", country="Myanmar")
    extract_actors(frame)
    return (frame.actor1.name if frame.actor1 else None), (
        frame.actor2.name if frame.actor2 else None
    )


def test_a_blast_at_a_place_hits_no_side_unless_people_were_hurt() -> None:
    assert _sides("On Friday, a bomb exploded near a school in Lenkaw.")[1] is None
    hurt = _sides("On Friday, a bomb exploded near a school in Lenkaw, and two pupils were hurt.")
    assert hurt[1] == "Civilians (Myanmar)"


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("Sea pirates attacked a tanker off the coast and kidnapped its crew.", "Benin",
         "Pirates (Benin)"),
        ("Members of a drug trafficking group shot and killed a man in Vila Nova.", "Brazil",
         "Unidentified Gang (Brazil)"),
    ],
)  # fmt: skip
def test_pirates_and_traffickers_are_named_as_acled_names_them(
    text: str, country: str, name: str
) -> None:
    assert actor1(text, country) == name
