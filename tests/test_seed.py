"""The contract's worked example, checked against its gold (read in place, never copied)."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_path
from eventwire.models import Document, Event
from eventwire.pipeline import Pipeline

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="../shared/seed is not beside the project"
)


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SEED / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def event(gold: dict) -> Event:
    source = SEED / gold["document"]["file"]
    (document,) = read_path(str(source), date.fromisoformat(gold["document"]["published"]))
    assert isinstance(document, Document)
    events = Pipeline().process(document)
    assert len(events) == len(gold["events"]) == 1
    return events[0]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_seed_when_and_what(event: Event, gold: dict) -> None:
    expected = gold["events"][0]
    assert event.event_date and event.event_date.isoformat() == expected["event_date"]
    assert event.date_precision == expected["date_precision"]
    assert event.event_type == expected["event_type"]
    assert event.sub_event_type == expected["sub_event_type"]


def test_seed_who(event: Event, gold: dict) -> None:
    expected = gold["events"][0]
    for side in ("actor1", "actor2"):
        actor = getattr(event, side)
        assert actor is not None
        assert (actor.name, actor.inter) == (expected[side]["name"], expected[side]["inter"])


def test_seed_where(event: Event, gold: dict) -> None:
    expected = gold["events"][0]["location"]
    place = event.location
    assert place is not None and place.latitude is not None and place.longitude is not None
    assert (place.name, place.country, place.iso3) == (
        expected["name"],
        expected["country"],
        expected["iso3"],
    )
    assert place.geo_precision == expected["geo_precision"]
    assert _km(place.latitude, place.longitude, expected["latitude"], expected["longitude"]) < 10


def test_seed_claims_and_figures(event: Event, gold: dict) -> None:
    expected = gold["events"][0]
    wanted = {
        (c["kind"], c["low"], c["high"], c["qualifier"], c["source"]) for c in expected["claims"]
    }
    got = {(c.kind, c.low, c.high, c.qualifier, c.source) for c in event.claims}
    assert got == wanted
    low = expected["fatalities"]["low"]
    assert event.fatalities.low in (low if isinstance(low, list) else [low])
    assert event.fatalities.best == expected["fatalities"]["best"]
    assert event.fatalities.high == expected["fatalities"]["high"]
    assert event.injuries.to_record() == expected["injuries"]
