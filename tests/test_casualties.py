"""Casualty claims read off the parse: figures, hedges, victims, sources, and the traps."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.casualties.extractor import extract_casualties
from eventwire.models import Claim
from eventwire.registry import create
from tests.helpers import make_frame

Row = tuple[str, int | None, int | None, str]


def claims(text: str, published: str = "2023-06-12") -> list[Claim]:
    frame = make_frame(text, published, all_sentences=True)
    extract_casualties(frame)
    return frame.claims


def rows(text: str) -> set[Row]:
    return {(c.kind, c.low, c.high, c.qualifier) for c in claims(text)}


ARTICLE = (
    "Police sources said on Sunday that more than 40 people were killed and around 90 wounded "
    "in Friday's bombing of a market in Kousseri. "
    "The government put the death toll at 46, with 112 others injured, while local residents "
    "estimated that 60 people were killed."
)


def test_article_gives_every_sourced_toll() -> None:
    found = {(c.kind, c.low, c.high, c.qualifier, c.source) for c in claims(ARTICLE)}
    assert found == {
        ("killed", 41, None, "more_than", "Police sources"),
        ("injured", 90, 90, "about", "Police sources"),
        ("killed", 46, 46, "exact", "the government"),
        ("injured", 112, 112, "exact", "the government"),
        ("killed", 60, 60, "estimate", "local residents"),
    }


def test_claims_quote_their_sentence_and_carry_the_document() -> None:
    frame = make_frame(ARTICLE, "2023-06-12", all_sentences=True)
    extract_casualties(frame)
    for claim in frame.claims:
        start, end = claim.span
        assert ARTICLE[start:end] == claim.quote
        assert claim.document_id == frame.doc.document.id
        assert claim.reported_at == date(2023, 6, 12)


def test_registered_component_is_the_extractor() -> None:
    assert create("casualties") is extract_casualties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 8 soldiers were killed in the ambush.", ("killed", 8, None, "at_least")),
        ("Nearly 30 villagers were wounded.", ("injured", 30, 30, "about")),
        ("Up to 30 people were abducted from the school.", ("abducted", 30, 30, "up_to")),
        ("An estimated 300 people were killed in the raid.", ("killed", 300, 300, "estimate")),
        ("Between 10 and 15 soldiers died in the fighting.", ("killed", 10, 15, "about")),
        ("Twenty-three civilians were killed.", ("killed", 23, 23, "exact")),
        ("Gunmen killed 1,200 people in the attack.", ("killed", 1200, 1200, "exact")),
        ("Dozens of people were injured in the stampede.", ("injured", 12, None, "vague")),
        ("Hundreds of families fled their homes.", ("displaced", 100, None, "vague")),
        ("Police arrested 14 protesters.", ("arrested", 14, 14, "exact")),
        ("Two dozen fishermen went missing after the raid.", ("missing", 24, 24, "exact")),
        ("The blast killed 9 people and wounded 17 others.", ("injured", 17, 17, "exact")),
        ("The attack left 6 dead and 11 injured.", ("killed", 6, 6, "exact")),
    ],
)
def test_figures_and_qualifiers(text: str, expected: Row) -> None:
    assert expected in rows(text)


def test_victims_come_from_the_counted_noun() -> None:
    victims = {c.low: c.victims for c in claims(
        "Four gendarmes and 7 worshippers were killed, while 3 jihadists died in the shootout."
    )}  # fmt: skip
    assert victims == {4: "state_forces", 7: "civilians", 3: "militants"}


def test_people_are_unknown_victims() -> None:
    (claim,) = claims("Eleven people were killed in the explosion.")
    assert claim.victims == "unknown"


def test_source_from_according_to() -> None:
    (claim,) = claims("According to the regional governor, 19 civilians were killed.")
    assert claim.source == "the regional governor"


def test_official_toll_adjective_is_the_source() -> None:
    (claim,) = claims("The official death toll stands at 33.")
    assert (claim.kind, claim.low, claim.source) == ("killed", 33, "official")


def test_no_source_gives_null() -> None:
    (claim,) = claims("Five soldiers were killed in the ambush.")
    assert claim.source is None


def test_negation_is_an_explicit_zero() -> None:
    assert rows("No one was killed in the explosion.") == {("killed", 0, 0, "exact")}
    assert rows("There were no casualties.") == {
        ("killed", 0, 0, "exact"),
        ("injured", 0, 0, "exact"),
    }


def test_hypothetical_and_threat_are_not_claims() -> None:
    assert claims("The device could kill dozens of people.") == []
    assert claims("The rebels threatened to kill 20 hostages.") == []
    assert claims("Officials warned that more than 50 people might have been killed.") == []


def test_feared_dead_is_an_estimate() -> None:
    assert rows("Fourteen miners are feared dead after the attack.") == {
        ("killed", 14, 14, "estimate")
    }


def test_cumulative_background_is_not_a_claim() -> None:
    assert claims("More than 10,000 people have been killed since 2012.") == []
    assert claims("The region faces an insurgency that has killed 40,000 people.") == []
    assert claims("Over the past year, more than 500 people have been killed in the region.") == []


def test_disjoint_groups_are_separate_claims() -> None:
    found = {(c.low, c.victims) for c in claims("One soldier and two militants were killed.")}
    assert found == {(1, "state_forces"), (2, "militants")}


def test_same_figure_in_two_sentences_is_kept_once() -> None:
    text = "Six police officers were killed in Tuesday's raid. Six police officers were killed."
    assert len(claims(text)) == 1


def test_perpetrators_killed_are_militants() -> None:
    (claim,) = claims("Three attackers were killed by troops.")
    assert (claim.kind, claim.low, claim.victims) == ("killed", 3, "militants")


def test_bodies_found_are_killed() -> None:
    assert rows("The bodies of 12 herders were found near the well.") == {
        ("killed", 12, 12, "exact")
    }


def test_single_victim_without_a_figure() -> None:
    assert rows("A policeman was shot dead at the checkpoint.") == {("killed", 1, 1, "exact")}


def test_subset_is_not_added() -> None:
    assert rows("The raid killed 13 people, including five soldiers.") == {
        ("killed", 13, 13, "exact")
    }


@pytest.mark.parametrize(
    "text",
    [
        "A 23-year-old man was questioned after the attack.",
        "The attack began at 3 pm and lasted two days.",
        "Gunmen attacked the village in 2019 and burned 15 vehicles.",
        "The attackers stole $5,000 and 40 cattle.",
        "Residents said the fighting lasted 4 hours.",
    ],
)
def test_non_casualty_numbers_are_not_claims(text: str) -> None:
    assert claims(text) == []


def test_unparsed_sentences_are_skipped() -> None:
    frame = make_frame("Seven soldiers were killed.", "2023-06-12", all_sentences=True)
    for sentence in frame.sentences:
        sentence.parse = None
    extract_casualties(frame)
    assert frame.claims == []


def test_article_reconciles_to_low_best_high() -> None:
    from eventwire.reconcile import reconcile

    fatalities, injuries = reconcile(claims(ARTICLE))
    assert (fatalities.low, fatalities.best, fatalities.high) == (41, 46, 60)
    assert (injuries.low, injuries.best, injuries.high) == (90, 112, 112)


def test_updated_toll_keeps_both_claims_and_the_later_wins() -> None:
    from eventwire.reconcile import reconcile

    text = (
        "Nine farmers were killed when gunmen raided Kalagoro on Monday. "
        "The army said on Wednesday that the death toll had risen to 14."
    )
    found = claims(text)
    assert {(c.low, c.source) for c in found if c.kind == "killed"} == {(9, None), (14, "the army")}
    fatalities, _ = reconcile(found)
    assert (fatalities.low, fatalities.best) == (9, 14)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # the tagger reads "militants" as a verb, or hangs the number on a name
        ("On 3 May 2021, the army killed nine suspected ISGS militants near Tessit.", 9),
        ("Five FLN rebels killed.", 5),
        # "shot dead" with "dead" parsed onto the object
        ("Unknown gunmen shot dead three traders near the ferry.", 3),
        # "at the least" misread as a preposition
        ("Bandits killed at the least seven herders at the watering point.", 7),
        ("Raiders entered the fair and killed between 6 and 9 people.", 6),
        # a headline's reduced passive: "one farmer killed"
        ("Militants raided Woro, one farmer killed and two others abducted.", 1),
    ],
)
def test_figures_survive_common_misparses(text: str, low: int) -> None:
    killed = [c for c in claims(text) if c.kind == "killed"]
    assert [c.low for c in killed] == [low]


@pytest.mark.parametrize(
    "text",
    [
        "Unknown gunmen assassinated a customs inspector in the village of Sorobouli.",
        "Militants stopped the bus and killed the driver.",
        "A herder wounded in the raid later succumbed to his injuries.",
    ],
)
def test_one_named_person_without_a_figure(text: str) -> None:
    assert ("killed", 1, 1, "exact") in rows(text)


def test_pronoun_takes_its_antecedents_figure() -> None:
    found = rows("Soldiers arrested eleven traders at the fair and executed them outside town.")
    assert found == {("arrested", 11, 11, "exact"), ("killed", 11, 11, "exact")}


def test_names_inside_including_are_not_added_to_the_figure() -> None:
    text = "Gunmen killed four civilians, including the imam of Gomba and a shopkeeper."
    assert rows(text) == {("killed", 4, 4, "exact")}


def test_alternative_actors_are_one_victim() -> None:
    text = "Police shot dead a presumed ISWAP or Ansaru fighter at the checkpoint."
    assert rows(text) == {("killed", 1, 1, "exact")}


def test_unknown_number_is_acleds_low_estimate() -> None:
    assert rows("The air force killed an unspecified number of fighters near Kidal.") == {
        ("killed", 3, None, "vague")
    }


def test_a_stated_coding_of_the_toll_is_an_estimate() -> None:
    assert rows("Unknown fatalities were coded as 10.") == {("killed", 10, 10, "estimate")}


def test_years_are_never_casualty_figures() -> None:
    assert claims("Marchers honoured the deaths of the 1987 student uprising.") == []
    assert rows("The 2011 revolt left 40 dead.") == {("killed", 40, 40, "exact")}


def test_accusation_and_possibility_are_not_claims() -> None:
    assert claims("A crowd beat a man accused of killing a goatherd.") == []
    found = claims("Troops wounded (possibly killed) several raiders.")
    assert not [c for c in found if c.kind == "killed"]


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two suicide bombers detonated at the bus station. In addition to the two bombers, "
         "11 people were killed.", {2, 11}),
        ("A suicide bomber struck the market. In addition to the assailant, at least five "
         "people were killed.", {1, 5}),
        ("Three female suicide bombers detonated near Gwoza. The assailants were the only "
         "reported casualties.", {3}),
    ],
)  # fmt: skip
def test_perpetrators_named_beside_the_toll_are_counted(text: str, killed: set[int]) -> None:
    assert {c.low for c in claims(text) if c.kind == "killed"} == killed


def test_perpetrators_beside_a_toll_add_up_in_reconciliation() -> None:
    from eventwire.reconcile import reconcile

    text = (
        "Two gunmen stormed the hotel. Troops killed both gunmen. "
        "In addition to the gunmen, 17 guests were killed."
    )
    fatalities, _ = reconcile(claims(text))
    assert fatalities.best == 19
