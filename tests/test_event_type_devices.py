"""Devices: an explosion stated as the event, and weapons stopped in their use (own fixtures)."""

from __future__ import annotations

import pytest

from tests.test_event_type import typed

EXPLOSIONS = [
    # wire copy
    (
        "Myanmar",
        "An explosion occurred near the township court in Minbu on Tuesday, injuring a guard.",
    ),
    ("Somalia", "Three traders were wounded in a blast at the Hamar market in Marka on Friday."),
    # local press
    ("Myanmar", "Resistance fighters attacked a junta supply truck with landmines near Kyaukse."),
    # a vehicle "carrying" soldiers is no device carried; a mine named as the kind of attack
    (
        "Myanmar",
        "Local defence fighters attacked a lorry carrying army officers with landmines at Tada-U.",
    ),
    ("Myanmar", "A people's defence force launched a mine attack on a junta patrol near Myinmu."),
    (
        "Myanmar",
        "Rebels blew up an army jeep with remote-controlled mines on the Pale road on Friday.",
    ),
    # translated, French-style English
    ("Mali", "Two civilians have been killed by an explosion near the bus station of Sévaré."),
]

DISRUPTED = [
    # wire copy
    (
        "Ukraine",
        "Air defences shot down four drones over the Poltava region overnight, the army said.",
    ),
    ("Israel", "Militants fired rockets toward Sderot on Monday; most of them were intercepted."),
    # local press
    (
        "Afghanistan",
        "Two insurgents died when the bomb they were planting exploded prematurely in Zhari.",
    ),
    # translated, French-style English
    (
        "Niger",
        "Defence and security forces have seized three improvised explosive devices near Ouallam.",
    ),
]


@pytest.mark.parametrize(("country", "text"), EXPLOSIONS)
def test_an_explosion_stated_as_the_event_is_a_remote_explosive(country: str, text: str) -> None:
    frame = typed(text, country)
    assert frame.sub_event_type == "Remote explosive/landmine/IED", frame.notes


@pytest.mark.parametrize(("country", "text"), DISRUPTED)
def test_a_weapon_stopped_in_its_use_is_disrupted_weapons_use(country: str, text: str) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == (
        "Strategic developments",
        "Disrupted weapons use",
    ), frame.notes


def test_a_victim_intercepted_on_the_road_is_no_disrupted_weapon() -> None:
    frame = typed(
        "Gunmen intercepted a trader on the Kaya road on Sunday and shot him dead.", "Burkina Faso"
    )
    assert frame.event_type == "Violence against civilians", frame.notes


def test_a_suicide_bomber_who_blows_up_early_is_still_a_suicide_bomb() -> None:
    frame = typed(
        "Soldiers spotted two suicide bombers near Kolofata; one of them detonated prematurely.",
        "Cameroon",
    )
    assert frame.sub_event_type == "Suicide bomb", frame.notes


def test_projectiles_said_to_be_intercepted_later_in_the_sentence_are_disrupted() -> None:
    frame = typed(
        "Militants fired a salvo of rockets at Kiryat Shmona on Sunday, and the army said "
        "most were shot down before they landed.",
        "Israel",
    )
    assert frame.sub_event_type == "Disrupted weapons use", frame.notes


FOUGHT_WITH_DEVICES = [
    # wire copy: the clash, backed from the air
    "Government troops clashed with insurgents near Kumbo on Monday; the operation was "
    "supported by air strikes, and twelve fighters were killed.",
    # local press: both sides fire mortars at each other
    "Army units exchanged mortar fire with rebel fighters on the Lakka front on Tuesday, "
    "wounding two soldiers.",
    # a grenade opens the fight
    "Militants clashed with police at a checkpoint in Hodan on Friday after they threw a hand "
    "grenade at the officers.",
]


@pytest.mark.parametrize("text", FOUGHT_WITH_DEVICES)
def test_a_clash_with_devices_along_the_way_is_a_battle(text: str) -> None:
    frame = typed(text, "Somalia")
    assert (frame.event_type, frame.sub_event_type) == ("Battles", "Armed clash"), frame.notes


def test_shelling_amid_clashes_named_as_setting_stays_shelling() -> None:
    frame = typed(
        "Rebel artillery shelled the market of Tavra on Sunday amid clashes in the region, "
        "killing three civilians.",
        "Somalia",
    )
    assert frame.event_type == "Explosions/Remote violence", frame.notes


def test_a_civilian_killed_amid_clashes_is_violence_against_civilians() -> None:
    frame = typed(
        "Two aid workers were shot dead by unidentified gunmen in Abala on Monday, amid heavy "
        "fighting between the army and rebels.",
        "Somalia",
    )
    assert frame.event_type == "Violence against civilians", frame.notes


def test_raiders_who_attack_villagers_and_steal_cattle_attack_them() -> None:
    frame = typed("Raiders attacked villagers at Lokori, stole 40 goats.", "Kenya")
    assert (frame.event_type, frame.sub_event_type) == ("Violence against civilians", "Attack"), (
        frame.notes
    )
