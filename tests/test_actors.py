"""Actors: dictionary matching, roles from the parse, country templates, the seed report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.extract.actors.extractor import extract_actors
from eventwire.extract.actors.rules import countries_in, fill_name, find_matches, name_in_period
from eventwire.models import Location
from tests.helpers import make_frame
from tests.test_event_type import typed

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "bamako-2024-09-17.txt"
JNIM = "JNIM: Group for Support of Islam and Muslims"


def actors_of(text: str, country: str | None = None):
    frame = make_frame(text, "2024-03-02")
    if country:
        frame.location = Location(name="somewhere", country=country)
    extract_actors(frame)
    return frame.actor1, frame.actor2


@pytest.mark.parametrize(
    "surface",
    [
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Jama’at Nusrat al Islam wal-Muslimin",
        "Groupe de soutien a l'islam et aux musulmans",
        "Groupe de soutien à l’islam et aux musulmans",
        "Support Group for Islam and Muslims",
        "GSIM",
    ],
)
def test_jnim_spelling_variants_match(surface: str) -> None:
    matches = find_matches(f"Yesterday {surface} fighters attacked a post.")
    assert [m.entry.name for m in matches if m.entry.kind == "named"] == [JNIM]


def test_short_acronyms_are_case_sensitive() -> None:
    assert not [m for m in find_matches("the jas of honey") if m.entry.kind == "named"]
    assert [m.entry.inter for m in find_matches("JAS fighters") if m.entry.kind == "named"] == [2]


def test_longest_alias_wins() -> None:
    names = [m.entry.name for m in find_matches("the military police base")]
    assert names == ["Military Forces of {country}"]


def test_either_or_groups_become_one_actor() -> None:
    (match,) = [
        m for m in find_matches("suspected ISGS or JNIM militants") if m.entry.kind == "named"
    ]
    assert match.entry.name == f"{JNIM} and/or Islamic State (Sahel)"
    # before the Sahel Province (2022), ACLED's name was "Islamic State (Greater Sahara)"
    earlier = name_in_period(match.entry.name, date(2020, 5, 1))
    assert earlier == f"{JNIM} and/or Islamic State (Greater Sahara)"


def test_fill_name_without_country() -> None:
    assert fill_name("Civilians ({country})", None) == "Civilians"
    assert fill_name("Military Forces of {country}", None) == "Military Forces"
    assert fill_name("Police Forces of {country}", "Chad") == "Police Forces of Chad"


def test_countries_in_text_ignores_the_pronoun_us() -> None:
    assert countries_in("They told us the Nigerien army left") == ["Niger"]


def test_active_subject_and_object() -> None:
    actor1, actor2 = actors_of(
        "Al-Shabaab fighters ambushed a convoy of Kenyan soldiers near Mandera on Friday.", "Kenya"
    )
    assert (actor1.name, actor1.inter) == ("Al Shabaab", 2)
    assert (actor2.name, actor2.inter) == ("Military Forces of Kenya", 1)


def test_claimed_by_passive_agent_sets_actor1() -> None:
    actor1, actor2 = actors_of(
        "Eleven police officers were killed in an attack on a station in Tillaberi on Sunday. "
        "The attack was claimed by the Islamic State in the Greater Sahara.",
        "Niger",
    )
    assert actor1.name == "Islamic State (Sahel)"  # undated: ACLED's name of today
    assert "Islamic State in the Greater Sahara" in actor1.aliases_seen
    assert (actor2.name, actor2.inter) == ("Police Forces of Niger", 1)


def test_generic_attackers_fold_into_the_named_group() -> None:
    actor1, actor2 = actors_of(
        "Gunmen killed nine herders near Gao on Monday. ISWAP claimed responsibility.", "Mali"
    )
    assert actor1.name == "ISWAP: Islamic State West Africa Province"
    assert "Gunmen" in actor1.aliases_seen
    assert (actor2.name, actor2.inter) == ("Civilians (Mali)", 7)


def test_unnamed_attackers_are_an_unidentified_armed_group() -> None:
    actor1, actor2 = actors_of(
        "Unknown gunmen shot dead three traders at a market near Beni on Tuesday.",
        "Democratic Republic of Congo",
    )
    assert (actor1.name, actor1.inter) == (
        "Unidentified Armed Group (Democratic Republic of Congo)",
        3,
    )
    assert actor2.name == "Civilians (Democratic Republic of Congo)"


def test_country_from_text_when_place_is_unknown() -> None:
    actor1, actor2 = actors_of("Bandits abducted 12 villagers in Chad on Saturday, officials said.")
    assert actor1.name == "Unidentified Armed Group (Chad)"
    assert actor2.name == "Civilians (Chad)"


def test_foreign_state_forces_are_inter_8() -> None:
    actor1, actor2 = actors_of(
        "French troops killed several militants in an ambush near Menaka on Wednesday.", "Mali"
    )
    assert (actor1.name, actor1.inter) == ("Military Forces of France", 8)
    assert actor2.inter == 3


def test_identity_militia_and_external_force() -> None:
    actor1, actor2 = actors_of(
        "Dozo hunters attacked a Fulani hamlet near Niono, killing six civilians.", "Mali"
    )
    assert (actor1.name, actor1.inter) == ("Dozo Communal Militia (Mali)", 4)
    assert actor2.inter == 7
    actor1, _ = actors_of("Wagner mercenaries stormed a village in Mopti region on Monday.", "Mali")
    assert (actor1.name, actor1.inter) == ("Wagner Group", 8)


@pytest.mark.skipif(not SEED.exists(), reason="seed report not available")
def test_seed_actors() -> None:
    frame = make_frame(SEED.read_text(encoding="utf-8"), "2024-09-19")
    frame.location = Location(name="Bamako", country="Mali", iso3="MLI")
    extract_actors(frame)
    assert (frame.actor1.name, frame.actor1.inter) == (JNIM, 2)
    assert {"Group to Support Islam and Muslims", "JNIM"} <= set(frame.actor1.aliases_seen)
    assert (frame.actor2.name, frame.actor2.inter) == ("Military Forces of Mali", 1)


# --- ACLED conventions: parent groups, acronyms by country, separatists --------------------------


def test_component_with_its_parent_in_parentheses_is_one_mention_of_the_component() -> None:
    from eventwire.extract.actors.rules import find_matches

    matches = find_matches("Presumed Katiba Macina (JNIM) fighters burned a school near Mopti.")
    named = [m for m in matches if m.entry.kind == "named"]
    assert [m.entry.name for m in named] == ["Katiba Macina"]
    assert named[0].surface == "Katiba Macina (JNIM)"


def test_acronym_in_parentheses_keeps_the_spelled_out_group() -> None:
    from eventwire.extract.actors.rules import find_matches

    matches = find_matches("The Ambazonia Defence Forces (ADF) raided a checkpoint.")
    assert matches[0].entry.name == "ADF: Ambazonia Defence Forces"


def test_attribution_to_separatists_names_the_assailants() -> None:
    frame = make_frame(
        "Assailants shot dead two gendarmes in Kumbo on Sunday. Officials attributed the attack "
        "to separatists.",
        "2024-05-20",
    )
    frame.location = Location(name="Kumbo", country="Cameroon")
    extract_actors(frame)
    assert frame.actor1.name == "Separatists (Cameroon)"
    assert frame.actor1.inter == 2


def test_soldiers_or_gendarmes_are_one_side() -> None:
    first, second = actors_of(
        "Soldiers or gendarmes executed five herders near Gorom on Tuesday.", "Burkina Faso"
    )
    assert first is not None and first.inter == 1
    assert second is None or second.inter != 1


def test_army_attacking_police_keeps_both_sides() -> None:
    first, second = actors_of(
        "Mutinous soldiers attacked policemen at a station in Kindia.", "Guinea"
    )
    assert first is not None and first.name == "Military Forces of Guinea"
    assert second is not None and second.name == "Police Forces of Guinea"


def test_generic_enemies_of_a_named_militia_are_not_folded_into_it() -> None:
    first, second = actors_of("Koglweogo militiamen killed four armed bandits near Manni.")
    assert first is not None and first.name == "Koglweogo Militia"
    assert second is not None and second.name.startswith("Unidentified Armed Group")


def test_claimant_missing_from_the_dictionary_is_actor1() -> None:
    first, _ = actors_of(
        "Assailants set fire to three buses in Temuco. The Southern Dawn Front claimed "
        "responsibility for the attack.",
        "Chile",
    )
    assert first is not None and first.name == "Southern Dawn Front"


def test_attribution_names_the_perpetrator() -> None:
    first, _ = actors_of(
        "Gunmen killed a trader in Makamba. No group claimed responsibility; however, sources "
        "attributed the attack to the Red River Brigade.",
        "Burundi",
    )
    assert first is not None and first.name == "Red River Brigade"


def test_no_group_claiming_names_nobody() -> None:
    first, _ = actors_of(
        "Gunmen killed a trader in Makamba. No group claimed responsibility for the attack.",
        "Burundi",
    )
    assert first is not None and first.name == "Unidentified Armed Group (Burundi)"


def test_forest_rangers_are_police() -> None:
    _, second = actors_of("Gunmen attacked forest rangers near Pama, wounding two.", "Burkina Faso")
    assert second is not None and second.name == "Police Forces of Burkina Faso"


def test_a_retired_or_off_duty_officer_is_a_civilian() -> None:
    _first, second = actors_of(
        "Gunmen shot dead a retired policeman at his home in Dori on Sunday.", "Burkina Faso"
    )
    assert second is not None and (second.name, second.inter) == ("Civilians (Burkina Faso)", 7)


def test_forces_after_a_named_force_are_its_own_not_the_countrys_army() -> None:
    first, second = actors_of(
        "French Operation Barkhane forces conducted airstrikes near Gorom-Gorom on Monday.",
        "Burkina Faso",
    )
    assert first is not None and first.name == "Military Forces of France"
    assert second is None


def crowd_event(text: str, country: str = "Burkina Faso"):
    frame = typed(text, country)
    return frame.sub_event_type, frame.actor1, frame.actor2


def test_police_who_intervene_in_a_later_sentence_are_the_protests_other_side() -> None:
    sub, first, second = crowd_event(
        "Nurses held a sit-in outside the health ministry in Kaya on Monday. Police intervened."
    )
    assert sub == "Protest with intervention"
    assert first is not None and first.name == "Protesters (Burkina Faso)"
    assert second is not None and second.name == "Police Forces of Burkina Faso"


def test_security_forces_that_disperse_a_protest_are_the_police() -> None:
    sub, _, second = crowd_event(
        "Hundreds of traders marched on the town hall of Koudougou on Friday. Security forces "
        "dispersed them with tear gas."
    )
    assert sub == "Protest with intervention"
    assert second is not None and (second.name, second.inter) == (
        "Police Forces of Burkina Faso",
        1,
    )


def test_a_dispersed_protest_with_no_force_named_was_met_by_the_police() -> None:
    sub, _, second = crowd_event(
        "On Monday, teachers demonstrated in Dedougou and were dispersed with tear gas.", "Mali"
    )
    assert sub == "Protest with intervention"
    assert second is not None and second.name == "Police Forces of Mali"


def test_mutinying_soldiers_are_the_crowd_not_its_target() -> None:
    sub, first, second = crowd_event(
        "Mutinying soldiers fired into the air and looted shops in Tenkodogo on Sunday night."
    )
    assert sub == "Violent demonstration"
    assert first is not None and first.inter == 5
    assert second is None


def test_two_groups_that_fight_are_rioters_on_both_sides() -> None:
    sub, first, second = crowd_event(
        "On Sunday, youths from two neighbourhoods of Gaoua clashed with sticks and stones over a "
        "football match, leaving six people wounded."
    )
    assert sub == "Mob violence"
    assert first is not None and first.name == "Rioters (Burkina Faso)"
    assert second is not None and second.name == "Rioters (Burkina Faso)"


def test_a_mob_attack_on_a_person_has_civilian_victims() -> None:
    sub, _, second = crowd_event(
        "An angry mob beat a suspected thief to death at the market in Pouytenga on Friday."
    )
    assert sub == "Mob violence"
    assert second is not None and second.name == "Civilians (Burkina Faso)"


def test_two_communities_that_clash_are_ethnic_militias_in_the_order_named() -> None:
    frame = typed(
        "On Sunday, Mossi farmers and Fulani herders clashed over a field near Boulsa, leaving "
        "three people dead.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"
    assert frame.actor1.name == "Mossi Ethnic Militia (Burkina Faso)"
    assert frame.actor2.name == "Fulani Ethnic Militia (Burkina Faso)"


def test_armed_community_members_who_kill_villagers_are_an_ethnic_militia() -> None:
    frame = typed("Armed Tiv youths killed five villagers in Agatu on Monday.", "Nigeria")
    assert frame.event_type == "Violence against civilians"
    assert frame.actor1.name == "Tiv Ethnic Militia (Nigeria)"
    assert frame.actor2.name == "Civilians (Nigeria)"


def test_a_community_named_only_as_victims_is_no_militia() -> None:
    frame = typed("Gunmen killed four Fulani herders near Djibo on Monday.", "Burkina Faso")
    assert frame.event_type == "Violence against civilians"
    assert "Ethnic Militia" not in frame.actor1.name


def test_a_checkpoint_that_gunmen_hold_is_theirs_not_the_army() -> None:
    first, second = actors_of(
        "On Friday, gunmen held a checkpoint on the road to Kantchari and robbed two traders.",
        "Burkina Faso",
    )
    assert first is not None and "Military" not in first.name
    assert second is not None and second.name == "Civilians (Burkina Faso)"


def test_a_subject_that_opens_its_clause_acts_even_when_misparsed() -> None:
    first, second = actors_of(
        "On 9 March, presumed soldiers arrested and executed seven herders near Arbinda.",
        "Burkina Faso",
    )
    assert first is not None and first.name == "Military Forces of Burkina Faso"
    assert second is not None and second.name == "Civilians (Burkina Faso)"


def test_a_reduced_passive_is_no_subject() -> None:
    first, second = actors_of(
        "Gunmen fired on a bus near Djibo on Monday. Two passengers wounded in the attack.",
        "Niger",
    )
    assert first is not None and first.name == "Unidentified Armed Group (Niger)"
    assert second is not None and second.name == "Civilians (Niger)"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, gunmen shot dead a police interpreter at the market in Gorom-Gorom.",
        "On Monday, gunmen burned the homes of two gendarmes in Gorom-Gorom.",
    ],
)
def test_people_who_only_belong_to_the_forces_are_civilians(text: str) -> None:
    _first, second = actors_of(text, "Burkina Faso")
    assert second is not None and (second.name, second.inter) == ("Civilians (Burkina Faso)", 7)
