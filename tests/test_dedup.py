"""Merging and splitting stored events, and matching new reports to stored events at ingest."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from eventwire.models import Claim, Location
from eventwire.store import Store
from eventwire.store.schema import AuditRow, OverrideRow
from tests.factories import document, event


def _second_report(event_id: str = "ev-2", doc_id: str = "doc-2"):  # type: ignore[no-untyped-def]
    item = event(event_id, doc_id, killed=(9, 9))
    item.location = Location(
        name="Gao airport",
        country="Mali",
        iso3="MLI",
        admin1="Gao",
        latitude=16.25,
        longitude=-0.0,
        geo_precision=1,
    )
    item.date_precision = "day"
    item.sources = ["Other Wire"]
    item.claims.append(
        Claim("injured", 4, 4, "exact", source="medics", document_id=doc_id, quote="4 hurt")
    )
    return item


@pytest.fixture
def two_events(store_url: str) -> Store:
    store = Store(store_url)
    store.dedup_enabled = False
    first = event("ev-1", "doc-1", killed=(5, 5))
    first.location = replace(first.location, geo_precision=2)  # type: ignore[type-var]
    first.date_precision = "week"
    store.save(document("doc-1"), [first])
    store.save(document("doc-2", "Nine soldiers died at Gao airport."), [_second_report()])
    return store


def test_merge_unites_documents_and_claims_and_keeps_the_best_place_and_date(
    two_events: Store,
) -> None:
    merge_id = two_events.merge("ev-1", "ev-2", by="analyst", score=0.9, reasons={"why": "same"})
    kept = two_events.event("ev-1")
    assert kept is not None and two_events.event("ev-2") is None
    assert sorted(kept.document_ids) == ["doc-1", "doc-2"]
    assert len(kept.claims) == 3
    assert kept.location and kept.location.name == "Gao airport"
    assert kept.date_precision == "day"
    assert (kept.fatalities.low, kept.fatalities.high) == (5, 9)
    assert kept.injuries.best == 4
    assert kept.sources == ["Test Wire", "Other Wire"]
    (record,) = two_events.merges("ev-1")
    assert record.id == merge_id and record.absorbed_event_id == "ev-2"
    assert record.merged_by == "analyst" and record.reasons == {"why": "same"}
    assert record.snapshot["event"]["id"] == "ev-2"


def test_split_restores_the_absorbed_event_exactly(two_events: Store) -> None:
    before_kept, before_other = two_events.event("ev-1"), two_events.event("ev-2")
    merge_id = two_events.merge("ev-1", "ev-2", by="analyst")
    assert two_events.split(merge_id, by="analyst") == "ev-2"
    assert two_events.event("ev-2") == before_other
    assert two_events.event("ev-1") == before_kept
    (record,) = two_events.merges("ev-2")
    assert record.split_at is not None
    with pytest.raises(ValueError):
        two_events.split(merge_id, by="analyst")


def test_splitting_one_merge_of_a_chain_keeps_the_other(two_events: Store) -> None:
    third = event("ev-3", "doc-3", killed=(7, 7))
    third.location = replace(third.location, name="Gao centre", geo_precision=1)  # type: ignore[type-var]
    two_events.save(document("doc-3", "Seven killed in Gao."), [third])
    first = two_events.merge("ev-1", "ev-2", by="a")
    two_events.merge("ev-1", "ev-3", by="a")
    two_events.split(first, by="a")
    kept = two_events.event("ev-1")
    assert kept is not None and sorted(kept.document_ids) == ["doc-1", "doc-3"]
    assert kept.location and kept.location.name == "Gao centre"
    assert (kept.fatalities.low, kept.fatalities.high) == (5, 7)


def test_reviewed_values_survive_a_merge(two_events: Store) -> None:
    with two_events.session.begin() as session:
        audit = AuditRow(
            event_id="ev-1", user="r", at=datetime.now(UTC).replace(tzinfo=None),
            action="edit", field="event_type", before="Battles",
            after="Violence against civilians", reason="checked",
        )  # fmt: skip
        session.add(audit)
        session.flush()
        session.add(
            OverrideRow(
                event_id="ev-1", field="event_type", value="Violence against civilians",
                audit_id=audit.id,
            )
        )  # fmt: skip
    two_events.merge("ev-1", "ev-2", by="a")
    kept = two_events.event("ev-1")
    assert kept is not None and kept.event_type == "Violence against civilians"


def test_a_merge_into_a_missing_event_fails_and_changes_nothing(two_events: Store) -> None:
    with pytest.raises(KeyError):
        two_events.merge("ev-1", "nope", by="a")
    assert two_events.event("ev-2") is not None and two_events.merges("ev-1") == []
