"""One article of the seed's difficulty, written for the project, checked field by field.

Three death tolls from three sources, two injury tolls, a statement day that is not the event
day, a coordinated attack on two sites, a perpetrator named with its acronym, and reactions, an
anniversary and a cumulative background toll that are not events or claims.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_path
from eventwire.models import Document, Event
from eventwire.pipeline import Pipeline

ARTICLE = Path(__file__).resolve().parent.parent / "samples" / "articles" / "monguno-base-raid.txt"


@pytest.fixture(scope="module")
def events() -> list[Event]:
    (document,) = read_path(str(ARTICLE))
    assert isinstance(document, Document)
    return Pipeline().process(document)


@pytest.fixture(scope="module")
def event(events: list[Event]) -> Event:
    assert len(events) == 1, [e.summary for e in events]
    return events[0]


def test_date_is_the_raid_day_not_the_statement_day(event: Event) -> None:
    assert event.event_date == date(2023, 3, 6)
    assert event.date_precision == "day"


def test_type_is_an_armed_clash(event: Event) -> None:
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_actors_are_iswap_against_the_nigerian_military(event: Event) -> None:
    assert event.actor1 and "ISWAP" in event.actor1.name and event.actor1.inter == 2
    assert event.actor2 and event.actor2.name == "Military Forces of Nigeria"
    assert event.actor2.inter == 1


def test_location_is_monguno_in_borno(event: Event) -> None:
    place = event.location
    assert place is not None
    assert (place.name, place.country, place.iso3, place.admin1) == (
        "Monguno", "Nigeria", "NGA", "Borno",
    )  # fmt: skip
    assert place.geo_precision == 1
    assert place.latitude == pytest.approx(12.67, abs=0.05)
    assert place.longitude == pytest.approx(13.61, abs=0.05)


def _claims(event: Event, kind: str) -> set[tuple[int | None, int | None, str, str]]:
    return {
        (c.low, c.high, c.qualifier, (c.source or "").lower())
        for c in event.claims
        if c.kind == kind
    }


def test_every_death_toll_is_a_sourced_claim(event: Event) -> None:
    killed = _claims(event, "killed")
    figures = {(low, high, qualifier) for low, high, qualifier, _ in killed}
    assert figures == {(25, None, "at_least"), (31, 31, "exact"), (45, 45, "estimate")}
    sources = {low: source for low, _, _, source in killed}
    assert "army officials" in sources[25]
    assert "defence ministry" in sources[31]
    assert "local officials" in sources[45]


def test_every_injury_toll_is_a_sourced_claim(event: Event) -> None:
    injured = _claims(event, "injured")
    assert {(low, high, q) for low, high, q, _ in injured} == {(40, 40, "about"), (52, 52, "exact")}


def test_background_totals_are_not_claims(event: Event) -> None:
    figures = {c.low for c in event.claims}
    assert 35000 not in figures and 2000000 not in figures


def test_claims_quote_their_sentence(event: Event) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    for claim in event.claims:
        start, end = claim.span
        assert body[start:end] == claim.quote
        assert claim.document_id == event.document_ids[0]


def test_reconciled_figures(event: Event) -> None:
    assert event.fatalities.to_record() == {"low": 25, "best": 31, "high": 45}
    assert event.injuries.to_record() == {"low": 40, "best": 52, "high": 52}


def test_summary_and_confidence(event: Event) -> None:
    assert "Monguno" in event.summary and "06 March 2023" in event.summary
    assert 0.0 < event.confidence <= 1.0


def test_the_same_input_gives_the_same_event_id(event: Event) -> None:
    (document,) = read_path(str(ARTICLE))
    assert isinstance(document, Document)
    assert Pipeline().process(document)[0].id == event.id
