"""ACLED coding conventions for sides and sub-types, one invented report per rule."""

from __future__ import annotations

from datetime import date

from eventwire.extract.actors.extractor import extract_actors
from eventwire.models import Location
from tests.helpers import make_frame
from tests.test_actors import actors_of
from tests.test_event_type import typed


def test_a_position_is_no_hedge_on_the_attack() -> None:
    first, second = actors_of(
        "Presumed ISWAP militants attacked a CJTF position near Bama. Two militants were "
        "reportedly killed and one CJTF member wounded.",
        "Nigeria",
    )
    assert first.name.startswith("ISWAP")
    assert second.name == "Civilian Joint Task Force"


def test_forces_that_exchange_fire_act_on_the_gunmen() -> None:
    first, second = actors_of(
        "Police officers exchanged gunfire with three gunmen near a bank in Kaya.", "Burkina Faso"
    )
    assert first.name == "Police Forces of Burkina Faso"
    assert second.name == "Unidentified Armed Group (Burkina Faso)"


def test_a_curfew_is_a_change_to_group_activity_by_the_government() -> None:
    frame = typed(
        "On Friday, the governor of the region extended the nightly curfew by one month.", "Niger"
    )
    assert (frame.event_type, frame.sub_event_type) == (
        "Strategic developments",
        "Change to group/activity",
    )
    assert frame.actor1.name == "Government of Niger"


def test_an_operation_launched_by_the_army_keeps_the_army() -> None:
    frame = typed(
        "The armed forces launched a new operation to secure the northern provinces on Monday.",
        "Mali",
    )
    assert frame.sub_event_type == "Change to group/activity"
    assert frame.actor1.name == "Military Forces of Mali"


def test_forces_acting_with_a_militia_are_the_side() -> None:
    first, second = actors_of(
        "Soldiers and volunteer fighters (VDP) killed four herders near Sebba on Friday.",
        "Burkina Faso",
    )
    assert first.name == "Military Forces of Burkina Faso"
    assert second.name == "Civilians (Burkina Faso)"


def test_a_militia_the_forces_act_on_stays_the_other_side() -> None:
    first, second = actors_of(
        "Soldiers and gendarmes arrested six Koglweogo members near Sebba.", "Burkina Faso"
    )
    assert first.name == "Military Forces of Burkina Faso"
    assert second.name == "Koglweogo Militia"


def test_the_forces_that_defuse_a_device_act_on_its_planters() -> None:
    frame = typed(
        "On Monday, an army unit discovered and defused a roadside bomb on the road to Gao. "
        "The device had been planted by JNIM militants.",
        "Mali",
    )
    assert frame.sub_event_type == "Disrupted weapons use"
    assert frame.actor1.name == "Military Forces of Mali"
    assert frame.actor2.name == "JNIM: Group for Support of Islam and Muslims"


def test_an_attacker_named_before_the_defusers_stays_the_actor() -> None:
    frame = typed(
        "On Monday, gunmen left a bomb outside the town hall of Kidal, which soldiers later "
        "found and defused.",
        "Mali",
    )
    assert frame.sub_event_type == "Disrupted weapons use"
    assert frame.actor1.name == "Unidentified Armed Group (Mali)"


def test_an_airstrike_is_its_forces_acting() -> None:
    first, second = actors_of(
        "On Sunday, a Nigerien airstrike killed twelve suspected ISGS militants near Tillia.",
        "Niger",
    )
    assert first.name == "Military Forces of Niger"
    assert second.name == "Islamic State (Sahel)"


def test_airstrikes_take_the_forces_that_conducted_them() -> None:
    first, second = actors_of(
        "French Operation Barkhane forces conducted airstrikes near Menaka on Sunday.", "Mali"
    )
    assert first.name == "Military Forces of France"
    assert second is None


def test_joint_forces_of_two_countries_are_the_event_country_first() -> None:
    first, _second = actors_of(
        "Malian and French aircraft bombed suspected militant positions near Boni.", "Mali"
    )
    assert first.name == "Military Forces of Mali"


def test_militiamen_abducted_by_militants_are_a_battle() -> None:
    frame = typed("Suspected militants abducted three Dozo hunters near Solenzo.", "Burkina Faso")
    assert (frame.event_type, frame.sub_event_type) == ("Battles", "Armed clash")


def test_soldiers_kidnapped_stay_an_abduction() -> None:
    frame = typed("Gunmen kidnapped two off-duty soldiers near Solenzo.", "Burkina Faso")
    assert frame.sub_event_type == "Abduction/forced disappearance"


def test_a_riot_named_as_the_grievance_leaves_a_peaceful_protest() -> None:
    frame = typed(
        "Hundreds of traders marched in Bobo-Dioulasso to denounce the looting of their shops.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Protests", "Peaceful protest")
    assert frame.actor1.name == "Protesters (Burkina Faso)"


def test_crowd_violence_after_the_grievance_clause_still_counts() -> None:
    frame = typed(
        "Residents protested over the death of a driver and set fire to the town hall in Koupela.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_death_in_the_grievance_is_no_excessive_force() -> None:
    frame = typed(
        "Students protested in Koudougou over the killing of a classmate by a policeman last "
        "month. Police dispersed them with tear gas.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Protests", "Protest with intervention")


def test_protesters_shot_dead_are_excessive_force() -> None:
    frame = typed(
        "Two protesters were shot dead by police during a demonstration in Koudougou.",
        "Burkina Faso",
    )
    assert frame.sub_event_type == "Excessive force against protesters"


def test_a_hedged_name_after_the_verb_is_acted_upon() -> None:
    first, second = actors_of(
        "The army reportedly killed 14 presumed ISGS militants near Markoye and seized weapons.",
        "Burkina Faso",
    )
    assert first.name == "Military Forces of Burkina Faso"
    assert second.name == "Islamic State (Sahel)"


def test_the_people_named_after_an_arrest_are_acted_upon() -> None:
    first, second = actors_of(
        "A week of sweeps by the gendarmerie led to the arrest of 40 suspected bandits near Fada.",
        "Burkina Faso",
    )
    assert first.name.startswith("Police Forces of Burkina Faso")
    assert second.name == "Unidentified Armed Group (Burkina Faso)"


def test_an_arrest_that_is_the_grievance_targets_nobody() -> None:
    frame = typed(
        "Students rioted over the arrest of three soldiers and burned tyres in Koudougou. "
        "Police fired tear gas.",
        "Burkina Faso",
    )
    assert frame.event_type == "Riots"
    assert frame.actor2.name == "Police Forces of Burkina Faso"


def test_soldiers_firing_into_the_air_on_their_own_are_a_mutiny() -> None:
    frame = typed(
        "Angry soldiers fired shots into the air for two hours in the streets of Dori.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")
    assert frame.actor1.name == "Rioters (Burkina Faso)"
    assert frame.actor2 is None


def test_forces_firing_into_the_air_at_a_protest_intervene() -> None:
    frame = typed(
        "Traders gathered outside the town hall of Kaya. Gendarmes fired shots into the air.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Protests", "Protest with intervention")
    assert frame.actor2.name.startswith("Police Forces of Burkina Faso")


def test_forces_on_patrol_firing_warning_shots_are_no_mutiny() -> None:
    frame = typed(
        "A gendarmerie patrol fired warning shots in the air near Arbinda on Monday.",
        "Burkina Faso",
    )
    assert frame.event_type != "Riots"


def test_soldiers_protesting_with_gunfire_riot() -> None:
    frame = typed(
        "Gunfire was heard all night in Kaya in what officers called a protest by soldiers "
        "against the jailing of two comrades.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")
    assert frame.actor2 is None


def test_soldiers_firing_on_protesters_is_no_mutiny() -> None:
    frame = typed("Soldiers opened fire on protesters in Kaya, killing two.", "Burkina Faso")
    assert (frame.event_type, frame.sub_event_type) == (
        "Protests",
        "Excessive force against protesters",
    )
    assert frame.actor2.name == "Military Forces of Burkina Faso"


def test_a_road_barricaded_in_a_later_sentence_makes_the_protest_violent() -> None:
    frame = typed(
        "Pupils marched in Sapaga to demand exams. They set up barricades on the main road.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration")


def test_people_described_as_militiamen_are_the_militia() -> None:
    frame = typed(
        "Gunmen attacked the village of Tibou and killed four people described as Koglweogo "
        "militiamen.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"
    assert frame.actor2.name == "Koglweogo Militia"


def test_militia_supporters_are_civilians() -> None:
    frame = typed(
        "Gunmen killed five civilians described as Koglweogo supporters at the market in Tibou.",
        "Burkina Faso",
    )
    assert frame.event_type == "Violence against civilians"
    assert frame.actor2.name == "Civilians (Burkina Faso)"


def test_a_headline_passive_with_its_agent_targets_the_post() -> None:
    first, second = actors_of(
        "Police station in Tibou, Bam Province attacked overnight by unknown gunmen.",
        "Burkina Faso",
    )
    assert first.name == "Unidentified Armed Group (Burkina Faso)"
    assert second.name == "Police Forces of Burkina Faso"


def test_casualties_in_headline_style_are_acted_upon() -> None:
    first, second = actors_of("Two soldiers killed, three wounded in an attack near Djibo.")
    assert first.name.startswith("Unidentified Armed Group")
    assert second.name.startswith("Military Forces")


def test_a_subject_shared_with_an_action_acts() -> None:
    first, second = actors_of(
        "Gendarmes thwarted a raid on the village of Tibou and neutralized six militants.",
        "Burkina Faso",
    )
    assert first.name == "Police Forces of Burkina Faso"
    assert second.inter in (2, 3)


def test_forces_that_respond_did_not_open_the_event() -> None:
    first, second = actors_of(
        "Presumed JNIM militants made an incursion into Tibou. Soldiers responded to the "
        "incursion and killed three militants.",
        "Burkina Faso",
    )
    assert first.name.startswith("JNIM")
    assert second.name == "Military Forces of Burkina Faso"


def test_a_mutiny_that_is_only_the_background_is_no_riot() -> None:
    frame = typed(
        "The president dismissed the army chief of staff on Friday following a mutiny by "
        "soldiers of the presidential guard.",
        "Burkina Faso",
    )
    assert frame.event_type != "Riots"


def test_a_decision_by_the_president_is_the_governments() -> None:
    frame = typed(
        "The president named a new army chief and dissolved the government on Friday.",
        "Burkina Faso",
    )
    assert frame.event_type == "Strategic developments"
    assert frame.actor1.name == "Government of Burkina Faso"


def test_unknown_people_throwing_stones_at_forces_riot() -> None:
    frame = typed(
        "Unknown individuals threw stones at gendarmes on patrol in Kaya. One gendarme was "
        "wounded.",
        "Burkina Faso",
    )
    assert frame.event_type == "Riots"
    assert frame.actor1.name == "Rioters (Burkina Faso)"


def test_a_component_group_is_named_by_its_parent_before_acled_names_it() -> None:
    from eventwire.extract.actors.rules import name_in_period

    jnim = "JNIM: Group for Support of Islam and Muslims"
    assert name_in_period("Katiba Macina", date(2019, 6, 1)) == jnim
    assert name_in_period("Katiba Macina", date(2021, 6, 1)) == "Katiba Macina"
    assert name_in_period(f"{jnim} and/or Katiba Macina", date(2019, 6, 1)) == jnim
    assert name_in_period("Ansaroul Islam", date(2019, 6, 1)) == "Ansaroul Islam"
    dozo = "Dozo Communal Militia (Burkina Faso)"
    assert name_in_period(dozo, date(2018, 3, 1)) == "Dozo Militia"
    assert name_in_period(dozo, date(2020, 3, 1)) == dozo


def test_a_component_named_with_its_parent_in_brackets_is_the_component() -> None:
    frame = make_frame(
        "Presumed Katiba Macina (JNIM) militants attacked a police post in Di.", "2021-03-02"
    )
    frame.location = Location(name="Di", country="Burkina Faso")
    extract_actors(frame)
    assert frame.actor1.name == "Katiba Macina"
    old = make_frame(
        "Presumed Katiba Macina (JNIM) militants attacked a police post in Di.", "2019-03-02"
    )
    old.location = Location(name="Di", country="Burkina Faso")
    extract_actors(old)
    assert old.actor1.name == "JNIM: Group for Support of Islam and Muslims"


def test_a_suicide_bomber_stopped_by_forces_is_still_the_attacker() -> None:
    frame = typed(
        "Soldiers identified and shot a suicide bomber near a camp in Mora. No other "
        "casualties were reported. Sources attributed the attack to Boko Haram.",
        "Cameroon",
    )
    assert frame.sub_event_type == "Suicide bomb"
    assert frame.actor1.name.startswith("Boko Haram")
    assert frame.actor2.name == "Military Forces of Cameroon"


def test_looting_by_nobody_armed_is_a_riot() -> None:
    frame = typed(
        "Shops were looted along the main avenue of Kaya on Friday night.", "Burkina Faso"
    )
    assert frame.event_type == "Riots"
    assert frame.actor1.name == "Rioters (Burkina Faso)"


def test_looting_by_gunmen_stays_a_strategic_development() -> None:
    frame = typed("Gunmen looted shops in the village of Tibou on Friday night.", "Burkina Faso")
    assert frame.sub_event_type == "Looting/property destruction"


def test_captives_killed_are_civilians_whoever_holds_them() -> None:
    frame = typed(
        "Dozo militiamen captured two suspected bandits and killed them near Kaya.",
        "Burkina Faso",
    )
    assert frame.event_type == "Violence against civilians"


def test_attackers_forced_to_withdraw_fought() -> None:
    frame = typed(
        "Gunmen raided the village of Tibou. Volunteer fighters fired back, forcing the gunmen "
        "to withdraw.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"


def test_territory_taken_without_a_fight_is_a_non_violent_transfer() -> None:
    frame = typed(
        "Presumed JNIM militants took control of the village of Tibou and raised a black flag.",
        "Burkina Faso",
    )
    assert frame.sub_event_type == "Non-violent transfer of territory"


def test_territory_taken_in_an_attack_is_a_battle() -> None:
    frame = typed(
        "Presumed JNIM militants attacked the village of Tibou, killed two militiamen and took "
        "control of it.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"


def test_arrests_at_a_dispersed_protest_are_part_of_the_protest() -> None:
    frame = typed(
        "Police fired tear gas at pupils protesting in Kaya and arrested four of them.",
        "Burkina Faso",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Protests", "Protest with intervention")


def test_arrests_of_organisers_alone_are_arrests() -> None:
    frame = typed(
        "Police arrested five union leaders in Kaya on Monday for planning a protest.",
        "Burkina Faso",
    )
    assert frame.sub_event_type == "Arrests"


def test_villagers_who_fight_are_a_communal_militia_named_after_their_village() -> None:
    frame = typed(
        "Youths from the village of Tibou ambushed a group of ISGS militants and killed two.",
        "Burkina Faso",
    )
    assert frame.event_type == "Battles"
    assert frame.actor1.name == "Tibou Communal Militia (Burkina Faso)"
    assert frame.actor1.inter == 4


def test_a_local_armed_group_is_a_communal_militia() -> None:
    frame = typed("A local armed group killed a suspected cattle thief.", "Burkina Faso")
    assert frame.actor1.name == "Unidentified Communal Militia (Burkina Faso)"


def test_villagers_killed_in_an_attack_stay_civilians() -> None:
    frame = typed("Gunmen attacked the village of Tibou and killed five villagers.", "Burkina Faso")
    assert frame.actor2.name == "Civilians (Burkina Faso)"


def test_civilians_are_named_by_their_nationality() -> None:
    _, second = actors_of(
        "Gunmen abducted the Togolese driver of an aid truck near Djibo.", "Burkina Faso"
    )
    assert second.name == "Civilians (Togo)"
    _, foreign = actors_of("Gunmen kidnapped two foreign nationals near Djibo.", "Burkina Faso")
    assert foreign.name == "Civilians (International)"


def test_a_national_road_is_no_civilian() -> None:
    _, second = actors_of(
        "Gunmen attacked a police post on the national road near Djibo.", "Burkina Faso"
    )
    assert second.name == "Police Forces of Burkina Faso"


def test_an_unnamed_gang_is_a_gang_in_the_americas_and_an_armed_group_elsewhere() -> None:
    text = "A woman was shot and killed by a violent gang on Tuesday after she was robbed."
    assert typed(text, "Kenya").actor1.name == "Unidentified Armed Group (Kenya)"
    assert typed(text, "Mexico").actor1.name == "Unidentified Gang (Mexico)"
