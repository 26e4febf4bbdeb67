"""Event typing into ACLED's types and sub-types, one fixture (own words) per supported rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract.actors.extractor import extract_actors
from eventwire.extract.event_type.extractor import extract_event_type
from eventwire.models import EVENT_TYPES, Location
from tests.helpers import make_frame

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "bamako-2024-09-17.txt"


def typed(text: str, country: str):
    frame = make_frame(text, "2024-05-20")
    frame.location = Location(name="somewhere", country=country)
    extract_actors(frame)
    extract_event_type(frame)
    return frame


CASES = [
    (
        "Niger",
        "On Monday, ISWAP fighters ambushed an army convoy near Diffa, killing nine soldiers.",
        "Battles",
        "Armed clash",
    ),
    (
        "Nigeria",
        "Gunmen stormed the village of Kurmi on Sunday night and shot dead 14 villagers.",
        "Violence against civilians",
        "Attack",
    ),
    (
        "Burkina Faso",
        "Suspected jihadists abducted 20 women collecting firewood near Arbinda.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "Central African Republic",
        "Armed men raped four women near Bambari on Tuesday, a UN report said.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "Somalia",
        "A roadside bomb struck a minibus outside Afgoye on Friday, killing six passengers.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        "Somalia",
        "A suicide bomber blew himself up at a cafe in Baidoa on Saturday, killing 11 people.",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    (
        "Nigeria",
        "An air force airstrike hit a Boko Haram camp in Sambisa forest, killing 20 militants.",
        "Explosions/Remote violence",
        "Air/drone strike",
    ),
    (
        "Ukraine",
        "Russian artillery shelled the outskirts of Kherson overnight, wounding four civilians.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "Burundi",
        "Unknown assailants threw a grenade into a bar in Gitega on Saturday, injuring eight.",
        "Explosions/Remote violence",
        "Grenade",
    ),
    (
        "Senegal",
        "Hundreds of students marched peacefully through Thies on Wednesday to demand grants.",
        "Protests",
        "Peaceful protest",
    ),
    (
        "Kenya",
        "Police fired tear gas to disperse protesters who had gathered outside the governor's "
        "office in Kisumu on Tuesday.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Guinea",
        "Security forces shot dead three protesters during a demonstration in Labe on Thursday.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "Nigeria",
        "Rioters set fire to a police station and pelted officers with stones in Onitsha "
        "on Monday.",
        "Riots",
        "Violent demonstration",
    ),
    (
        "Uganda",
        "A mob lynched a man suspected of stealing a goat in Mbale on Sunday, police said.",
        "Riots",
        "Mob violence",
    ),
    (
        "Cameroon",
        "Police arrested 15 opposition activists in Bafoussam on Friday.",
        "Strategic developments",
        "Arrests",
    ),
    (
        "Mali",
        "Armed men looted shops and burned several houses in Dioura overnight. No one was hurt.",
        "Strategic developments",
        "Looting/property destruction",
    ),
    (
        "Burkina Faso",
        "Soldiers defused an IED planted on the road between Kaya and Dori on Monday.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    (
        "Mozambique",
        "Insurgents took control of the town of Macomia on Wednesday after an assault on "
        "army positions.",
        "Battles",
        "Non-state actor overtakes territory",
    ),
    (
        "Mali",
        "The army said on Sunday it had recaptured the town of Anefis from separatist rebels "
        "after heavy fighting.",
        "Battles",
        "Government regains territory",
    ),
]


@pytest.mark.parametrize(("country", "text", "event_type", "sub_event_type"), CASES)
def test_sub_event_types(country: str, text: str, event_type: str, sub_event_type: str) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == (event_type, sub_event_type)
    assert sub_event_type in EVENT_TYPES[event_type]
    assert 0.0 < frame.confidence <= 1.0


def test_protest_puts_protesters_first_and_police_second() -> None:
    frame = typed(CASES[10][1], "Kenya")
    assert (frame.actor1.name, frame.actor1.inter) == ("Protesters (Kenya)", 6)
    assert (frame.actor2.name, frame.actor2.inter) == ("Police Forces of Kenya", 1)


def test_peaceful_protest_has_no_second_actor() -> None:
    frame = typed(CASES[9][1], "Senegal")
    assert frame.actor1.inter == 6
    assert frame.actor2 is None


def test_ied_against_civilians_is_still_an_explosion() -> None:
    frame = typed(
        "A landmine exploded under a cart carrying farmers near Djibo, killing five.",
        "Burkina Faso",
    )
    assert frame.sub_event_type == "Remote explosive/landmine/IED"
    assert frame.actor2.inter == 7


def test_explosions_heard_during_an_assault_are_not_the_means() -> None:
    frame = typed(
        "Militants attacked a gendarmerie post in Tera on Friday, killing four gendarmes. "
        "Gunfire and explosions were heard for hours as the assailants stormed the compound.",
        "Niger",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Battles", "Armed clash")


def test_attack_with_unnamed_victims_gets_civilians() -> None:
    frame = typed("Jihadists killed an imam and his son in the village of Kelbo.", "Burkina Faso")
    assert frame.sub_event_type == "Attack"
    assert frame.actor2.name == "Civilians (Burkina Faso)"


def test_no_violence_no_event() -> None:
    from eventwire.extract.detect import detect_frames
    from tests.helpers import make_doc

    doc = make_doc("The ministers met in Accra to discuss the regional fight against terrorism.")
    assert detect_frames(doc) == []


@pytest.mark.skipif(not SEED.exists(), reason="seed report not available")
def test_seed_is_an_armed_clash() -> None:
    frame = make_frame(SEED.read_text(encoding="utf-8"), "2024-09-19")
    frame.location = Location(name="Bamako", country="Mali", iso3="MLI")
    extract_actors(frame)
    extract_event_type(frame)
    assert (frame.event_type, frame.sub_event_type) == ("Battles", "Armed clash")
    assert frame.actor1.inter == 2 and frame.actor2.name == "Military Forces of Mali"
    assert frame.confidence >= 0.7


# --- detection of collective action and non-violent developments, riots, the fallback ----------


def test_sit_in_with_grievance_is_a_peaceful_protest() -> None:
    frame = typed(
        "Nurses of the district hospital in Kindia staged a three-day sit-in on Monday to "
        "denounce unpaid overtime.",
        "Guinea",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Protests", "Peaceful protest")
    assert frame.actor1.name == "Protesters (Guinea)"


def test_strike_and_march_is_a_protest() -> None:
    frame = typed(
        "Bus drivers in Kumasi went on a 24-hour strike and marched to the depot.", "Ghana"
    )
    assert frame.event_type == "Protests"


def test_protesters_who_burn_a_town_hall_riot() -> None:
    frame = typed(
        "Hundreds of youths protested in Bouake on Tuesday and set fire to the town hall.",
        "Ivory Coast",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")
    assert frame.actor1.inter == 5


def test_grievance_about_violence_does_not_make_a_riot() -> None:
    frame = typed(
        "Residents of Dosso marched on Sunday in support of soldiers after attacks on army posts.",
        "Niger",
    )
    assert frame.event_type == "Protests"


def test_goods_seized_at_a_checkpoint_are_a_strategic_development() -> None:
    frame = typed(
        "Suspected militants intercepted two lorries near Gao and seized the sacks of rice they "
        "carried.",
        "Mali",
    )
    assert (frame.event_type, frame.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


def test_curfew_is_a_change_to_group_activity() -> None:
    frame = typed("The governor imposed a nightly curfew across Tillaberi on Friday.", "Niger")
    assert frame.event_type == "Strategic developments"
    assert frame.sub_event_type == "Change to group/activity"


def test_called_strike_is_no_event() -> None:
    from eventwire.extract.detect import detect_frames
    from tests.helpers import make_doc

    doc = make_doc("The teachers' union called for a strike next week over unpaid bonuses.")
    assert detect_frames(doc) == []


# --- Battles vs violence against civilians, riots, complex assaults --------------------------


@pytest.mark.parametrize(
    ("country", "text", "event_type", "sub_event_type"),
    [
        (
            "Chad",
            "Gendarmes summarily executed six detainees near Bol on Thursday, a rights group said.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Niger",
            "Gunmen shot dead a retired customs officer at his home in Tera on Monday.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Mali",
            "Militants detonated an IED against a gendarmerie convoy near Douentza, then opened "
            "fire with small arms, killing four gendarmes.",
            "Battles",
            "Armed clash",
        ),
        (
            "Niger",
            "Soldiers killed two insurgents near Ayorou and seized rifles, ammunition and "
            "explosives.",
            "Battles",
            "Armed clash",
        ),
        (
            "Ghana",
            # two crowds fighting, no demonstration: ACLED's mob violence
            "Rival students fought with sticks and stones on the campus in Tamale, leaving "
            "eleven injured.",
            "Riots",
            "Mob violence",
        ),
        (
            "Togo",
            "Residents beat two suspected cattle thieves in Dapaong, seriously injuring them.",
            "Riots",
            "Mob violence",
        ),
        (
            "Benin",
            "Two farmers were killed in communal violence between the Bariba and Fulani "
            "communities near Kalale.",
            "Battles",
            "Armed clash",
        ),
        (
            "Guinea",
            "Unknown attackers raided the town hall of Kouroussa at night. No casualties were "
            "reported.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Senegal",
            "Assailants threw a Molotov cocktail at a party office in Kaolack. There were no "
            "reported casualties in the attack.",
            "Strategic developments",
            "Looting/property destruction",
        ),
    ],
)
def test_codebook_distinctions(country, text, event_type, sub_event_type) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == (event_type, sub_event_type)


def test_armed_victims_among_civilians_make_a_battle() -> None:
    frame = typed(
        "Militants attacked the village of Tangaye, killing two villagers and three Dozo hunters.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"
    assert frame.actor2 is not None and frame.actor2.name.startswith("Dozo")


def test_unnamed_bomber_is_an_unidentified_armed_group() -> None:
    frame = typed("An explosive device detonated near a bank in Ngozi on Friday.", "Burundi")
    assert frame.event_type == "Explosions/Remote violence"
    assert frame.actor1 is not None
    assert frame.actor1.name == "Unidentified Armed Group (Burundi)"


def test_looting_by_an_armed_group_has_civilian_victims() -> None:
    frame = typed("Jihadists pillaged shops in Tessit overnight. No one was hurt.", "Mali")
    assert frame.sub_event_type == "Looting/property destruction"
    assert frame.actor2 is not None and frame.actor2.name == "Civilians (Mali)"


def test_protesters_who_storm_a_building_riot() -> None:
    frame = typed(
        "Angry protesters stormed the prefecture in Kara on Monday to demand the release of a "
        "trader.",
        "Togo",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")
    assert frame.actor1 is not None and frame.actor1.name == "Rioters (Togo)"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, angry traders barricaded the main road into Banfora and burned tyres.",
        "On Monday, residents of Goundi barricaded the national road against speeding lorries.",
    ],
)
def test_a_crowd_that_targets_no_one_has_no_second_actor(text: str) -> None:
    frame = typed(text, "Burkina Faso")
    assert frame.event_type == "Riots"
    assert (frame.actor1.name, frame.actor1.inter) == ("Rioters (Burkina Faso)", 5)
    assert frame.actor2 is None


def test_a_mob_that_attacks_someone_keeps_its_target() -> None:
    frame = typed(
        "On Monday, an angry mob lynched two gendarmes accused of theft in Banfora.", "Burkina Faso"
    )
    assert frame.event_type == "Riots"
    assert frame.actor2 is not None and frame.actor2.inter == 1


def test_students_who_beat_someone_are_a_mob_not_an_armed_group() -> None:
    frame = typed("On Tuesday, striking students attacked two teachers in Koupela.", "Burkina Faso")
    assert frame.event_type == "Riots"
    assert frame.actor1.inter == 5


def test_a_separate_incident_is_an_event_of_its_own() -> None:
    from eventwire.pipeline import Pipeline
    from tests.helpers import make_doc

    text = (
        "Gunmen killed nine soldiers in an ambush near Diffa on Monday, the army said. "
        "Two more soldiers died of their wounds later. "
        "In a separate incident on Tuesday, a suicide bomber killed four civilians at a market "
        "in Maiduguri, police said."
    )
    first, second = Pipeline().events_of(make_doc(text, "2024-05-15"))
    assert (first.event_type, first.location.name) == ("Battles", "Diffa")
    assert (second.sub_event_type, second.location.name) == ("Suicide bomb", "Maiduguri")
    assert {c.low for c in first.claims} == {9, 2}
    assert [c.low for c in second.claims] == [4]
    assert (first.event_date.day, second.event_date.day) == (13, 14)


def test_demonstrators_who_only_block_a_road_are_a_peaceful_protest() -> None:
    frame = typed(
        "On Monday, traders blocked the main road into Kaya to protest the closure of the market.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Protests", "Peaceful protest")


def test_demonstrators_who_barricade_a_road_with_burning_tyres_are_violent() -> None:
    frame = typed(
        "On Monday, traders blocked the main road into Kaya with burning tyres to protest the "
        "closure of the market.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")


def test_militia_members_executed_by_militants_are_a_battle() -> None:
    frame = typed("Suspected militants executed two Koglweogo members near Kaya.", "Burkina Faso")
    assert (frame.event_type, frame.sub_event_type) == ("Battles", "Armed clash")


def test_an_unarmed_soldier_executed_is_violence_against_civilians() -> None:
    frame = typed("Gunmen executed an unarmed soldier on leave at his home in Dori.", "Niger")
    assert frame.event_type == "Violence against civilians"


def test_an_empty_post_burned_is_property_destruction() -> None:
    frame = typed(
        "Militants attacked the gendarmerie post in Tin-Akoff while it was unmanned and burned "
        "two vehicles.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


def test_unarmed_groups_that_clash_with_no_attacker_named_riot() -> None:
    frame = typed(
        "Traders from two markets clashed in Koudougou on Sunday, leaving four people wounded.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Mob violence")
    assert frame.actor1.name == "Rioters (Burkina Faso)"


def test_villages_that_clash_over_land_are_a_communal_battle() -> None:
    frame = typed(
        "Two villages clashed over a land dispute near Gaoua on Sunday, leaving four people dead.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"


def test_police_who_open_fire_on_protesters_killing_some_use_excessive_force() -> None:
    from datetime import date

    from eventwire.models import Document, text_id
    from eventwire.pipeline import Pipeline

    text = "On May 3, police opened fire on protesters in Koudougou, killing two."
    events = Pipeline().process(Document(id=text_id(text), text=text, published=date(2016, 5, 5)))
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Protests", "Excessive force against protesters")
    ]


def test_livestock_killed_is_property_destruction() -> None:
    frame = typed(
        "Soldiers shot and killed forty cows belonging to herders near Kandi on Monday.", "Benin"
    )
    assert frame.sub_event_type == "Looting/property destruction", frame.notes


def test_a_livestock_trader_killed_is_an_attack() -> None:
    frame = typed(
        "Gunmen killed a livestock trader at the market of Bani on Friday.", "Burkina Faso"
    )
    assert frame.event_type == "Violence against civilians", frame.notes
