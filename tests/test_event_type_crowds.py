"""Riots: violent demonstration against mob violence, in several voices (own fixtures).

ACLED's codebook: a violent demonstration is a demonstration whose participants turn violent
or destructive (blockades, burning tyres, attacks on the authorities' property); mob violence
is a crowd that attacks people, or fights another crowd, with no demonstration.
"""

from __future__ import annotations

import pytest

from tests.test_event_type import typed

MOB = [
    # wire copy
    (
        "Kenya",
        "Supporters of two rival candidates clashed with machetes and clubs in Kawala on "
        "Sunday, leaving six people injured, police said.",
    ),
    (
        "Ghana",
        "Residents of Odumase attacked and badly injured a suspected motorbike thief on "
        "Tuesday before police arrived.",
    ),
    # local press
    (
        "Bangladesh",
        "At least 20 members of the ruling party's student wing attacked and injured three "
        "activists of the opposition at Rangpur college on Thursday, over a dispute about "
        "dormitory seats.",
    ),
    (
        "Sri Lanka",
        "A group of youths hurled stones at the houses of two families in Kotagama village "
        "last night, injuring an elderly woman.",
    ),
    (
        "Nigeria",
        "A clash between two groups of students at the Federal Polytechnic in Ugbara left "
        "nine students hospitalised on Wednesday.",
    ),
    # translated, French-style English
    (
        "Benin",
        "Some inhabitants of Zoungbo have lynched a young man accused of stealing a goat, "
        "this Saturday, according to local sources.",
    ),
    (
        "Burkina Faso",
        "A fight between young people of two neighbourhoods of Koudougou made several injured "
        "on Sunday night.",
    ),
]

DEMONSTRATION = [
    # wire copy
    (
        "Nigeria",
        "Rioters set fire to a police station and pelted officers with stones in Onitsha on "
        "Monday.",
    ),
    (
        "Kenya",
        "Youths blocked the Kisii-Migori highway with burning tyres on Friday to protest the "
        "killing of a boda boda rider.",
    ),
    # local press
    (
        "Ghana",
        "Angry residents of Tamso torched the district assembly office on Monday over the "
        "arrest of their chief.",
    ),
    (
        "Sri Lanka",
        "Workers of the Hapugala estate barricaded the main road and threw stones at the "
        "manager's vehicle, demanding the payment of their wages.",
    ),
    # translated, French-style English
    (
        "Burkina Faso",
        "Angry youths of Boussé have ransacked the town hall and burned tyres on the national "
        "road, to denounce the lack of electricity.",
    ),
]


@pytest.mark.parametrize(("country", "text"), MOB)
def test_a_crowd_that_attacks_people_without_demonstrating_is_mob_violence(
    country: str, text: str
) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Mob violence"), frame.notes
    assert frame.actor1 is not None and frame.actor1.inter == 5


@pytest.mark.parametrize(("country", "text"), DEMONSTRATION)
def test_a_crowd_that_demonstrates_violently_is_a_violent_demonstration(
    country: str, text: str
) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Violent demonstration"), (
        frame.notes
    )


UNORGANISED_ATTACKERS = [
    # wire copy: the police only came afterwards
    ("Ghana", "A group of residents beat a suspected thief before handing him over to the police."),
    # local press: the victim's community is named, not the attackers'
    (
        "Benin",
        "A number of farmers assaulted and wounded a Peul herder whose cattle ate their maize.",
    ),
    # a group with no membership named; victims beaten by local people
    ("Benin", "A group beat a suspected burglar in the Zongo quarter of Kandi on Sunday night."),
    ("Mexico", "A man accused of theft was tied up and beaten by local inhabitants in Tlalcoyan."),
    ("Ghana", "Locals in Bawku severely wounded an old woman they accused of witchcraft."),
]


@pytest.mark.parametrize(("country", "text"), UNORGANISED_ATTACKERS)
def test_unorganised_people_as_attackers_are_a_mob(country: str, text: str) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Mob violence"), frame.notes


def test_forces_firing_on_a_group_of_youths_attack_them() -> None:
    frame = typed("Policemen opened fire on a group of youths at a funeral in Koforidua.", "Ghana")
    assert frame.event_type != "Riots", frame.notes


def test_farmers_raiding_a_herders_camp_are_no_mob() -> None:
    frame = typed("A group of farmers attacked a Fulani camp near Kalale and burned huts.", "Benin")
    assert frame.event_type != "Riots", frame.notes


GRIEVANCES = [
    # wire copy: the violence is what the marchers denounce, one item after another
    "Traders marched in Tamale on Monday against the looting and clashes at the market.",
    # local press: the arrests are the grievance, not the police's answer to the march
    "Students marched to the district office in Bolga to demand the release of those arrested.",
]


@pytest.mark.parametrize("text", GRIEVANCES)
def test_violence_named_only_in_the_grievance_leaves_a_peaceful_protest(text: str) -> None:
    frame = typed(text, "Ghana")
    assert frame.sub_event_type == "Peaceful protest", frame.notes


def test_a_verb_after_and_is_an_act_of_the_crowd() -> None:
    frame = typed("Youths protested against the ruling and torched a police car in Wa.", "Ghana")
    assert frame.sub_event_type == "Violent demonstration", frame.notes


MORE_GRIEVANCES = [
    # local press: what the marchers want investigated
    "Dozens of people marched in Kendari to call for an investigation into the riot of last week.",
    # wire copy: the damage came first and is the cause
    "Women demonstrated in Savalou on Monday after a bridge was destroyed by floodwater.",
]


@pytest.mark.parametrize("text", MORE_GRIEVANCES)
def test_violence_that_caused_or_is_asked_about_leaves_a_peaceful_protest(text: str) -> None:
    frame = typed(text, "Benin")
    assert frame.sub_event_type == "Peaceful protest", frame.notes


def test_two_factions_of_a_party_fighting_are_a_mob_not_communal_militias() -> None:
    frame = typed(
        "Two factions of the Youth League clashed at Rangpur college over a committee post, "
        "injuring eight.",
        "Bangladesh",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Mob violence"), frame.notes


BACKGROUND_RIOTS = [
    # local press: the riot police are the forces watching, not a riot
    "Nurses held a sit-in at the Korle hospital on Friday as riot police stood by the gate.",
    # wire copy: the riot is what the marchers remember
    "Students marched in Tamale on Monday to commemorate classmates who died in a riot at "
    "their school.",
    # a list of wrongs the marchers denounce, nouns joined by "and"
    "Traders protested in Wa against the vandalism and burning of their stalls by rioters.",
    # the riot named after the protest, as the time of the grievance
    "Relatives protested outside the prison over the beating of inmates during a riot last year.",
]


@pytest.mark.parametrize("text", BACKGROUND_RIOTS)
def test_a_riot_named_as_background_leaves_a_peaceful_protest(text: str) -> None:
    frame = typed(text, "Ghana")
    assert frame.sub_event_type == "Peaceful protest", frame.notes


def test_people_hurt_during_a_riot_with_no_protest_are_a_riot() -> None:
    frame = typed("Three inmates were injured during a riot at Nsawam prison on Sunday.", "Ghana")
    assert frame.event_type == "Riots", frame.notes


def test_stones_thrown_in_answer_to_tear_gas_are_a_violent_demonstration() -> None:
    frame = typed(
        "Residents marched on the town hall in Kaya; police fired tear gas at the marchers "
        "who responded by throwing stones.",
        "Burkina Faso",
    )
    assert frame.sub_event_type == "Violent demonstration", frame.notes


UNARMED_AGAINST_FORCES = [
    # wire copy
    "Residents clashed with police in Kiboko village on Tuesday after officers tried to seize a "
    "motorbike; two officers were hurt.",
    # local press, the forces named first
    "Police fought with hawkers at Kawe market on Monday, leaving five people injured.",
    # a clash between the forces and a crowd, told in a report's own words
    "A clash between soldiers and a group of young men at a football pitch in Lodwa left three "
    "injured.",
]


@pytest.mark.parametrize("text", UNARMED_AGAINST_FORCES)
def test_unarmed_people_fighting_the_forces_are_rioters(text: str) -> None:
    frame = typed(text, "Kenya")
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Mob violence"), frame.notes


def test_armed_residents_fighting_the_police_are_a_battle() -> None:
    frame = typed(
        "Police clashed with armed residents sheltering a wanted man in Kibera on Friday; "
        "one officer was shot dead.",
        "Kenya",
    )
    assert frame.event_type == "Battles", frame.notes


def test_two_families_fighting_over_a_field_are_a_mob() -> None:
    frame = typed(
        "Four people were wounded on Sunday when fighting broke out between two families over "
        "a land dispute in Gbanlin village.",
        "Benin",
    )
    assert (frame.event_type, frame.sub_event_type) == ("Riots", "Mob violence"), frame.notes


def test_two_peoples_clashing_over_land_are_communal_militias() -> None:
    frame = typed(
        "Clashes erupted between the Konkomba and Nawuri over a land dispute at Kpandai on "
        "Friday; three people were killed.",
        "Ghana",
    )
    assert frame.event_type == "Battles", frame.notes
