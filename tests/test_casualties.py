"""Casualty claims read off the parse: figures, hedges, victims, sources, and the traps."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.casualties import extract_casualties
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
