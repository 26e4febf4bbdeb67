"""Review: edits with audit records, overrides that beat re-extraction, merges and splits."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.models import Document
from eventwire.pipeline import Pipeline
from eventwire.store import Store
from eventwire.store.queries import reviewed_fields
from eventwire.store.reprocess import reprocess
from eventwire.store.review import (
    ReviewError,
    edit_event,
    history,
    merge_with_audit,
    split_with_audit,
)
from eventwire.store.schema import AuditRow, ClaimRow, EventRow
from tests.factories import document, event

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"


@pytest.fixture
def store(store_url: str) -> Store:
    store = Store(store_url)
    store.save(document(), [event()])
    return store


def _audit(store: Store, event_id: str) -> list[AuditRow]:
    with store.session() as session:
        return history(session, event_id)


def test_an_edit_is_audited_and_lands_on_the_event(store: Store) -> None:
    written = edit_event(store, "ev-1", {"fatalities": {"best": 40}}, user="ana",
                         reason="health ministry toll")  # fmt: skip
    (entry,) = _audit(store, "ev-1")
    assert written == [entry.id]
    assert (entry.user, entry.action, entry.field, entry.reason) == (
        "ana",
        "edit",
        "fatalities",
        "health ministry toll",
    )
    assert entry.before == {"low": 5, "best": 5, "high": 5}
    assert entry.after == {"low": 5, "best": 40, "high": 40}  # high widened to keep the order
    assert entry.at is not None
    loaded = store.event("ev-1")
    assert loaded is not None and loaded.fatalities.best == 40
    assert "40 fatalities" in loaded.summary
    with store.session() as session:
        assert reviewed_fields(session, ["ev-1"]) == {"ev-1": ["fatalities"]}


def test_an_edit_to_the_same_value_writes_nothing(store: Store) -> None:
    assert edit_event(store, "ev-1", {"event_type": "Battles"}, user="ana", reason="x") == []
    assert _audit(store, "ev-1") == []


def test_several_fields_give_one_record_each(store: Store) -> None:
    changes = {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "event_date": "2024-04-30",
        "actor2": None,
        "location": {"name": "Ansongo", "country": "Mali", "iso3": "MLI", "latitude": 15.66,
                     "longitude": 0.5, "geo_precision": 1},
    }  # fmt: skip
    edit_event(store, "ev-1", changes, user="ana", reason="second source")
    assert sorted(entry.field or "" for entry in _audit(store, "ev-1")) == sorted(changes)
    loaded = store.event("ev-1")
    assert loaded is not None and loaded.actor2 is None
    assert (loaded.event_type, loaded.sub_event_type) == ("Violence against civilians", "Attack")
    assert loaded.location is not None and loaded.location.name == "Ansongo"
    assert str(loaded.event_date) == "2024-04-30"
    with store.session() as session:
        row = session.get(EventRow, "ev-1")
        assert row is not None and (row.latitude, row.iso3, row.actor2_name) == (15.66, "MLI", None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"event_type": "Protests"}, "not a sub-type of 'Protests'"),
        ({"sub_event_type": "Attack"}, "not a sub-type of 'Battles'"),
        ({"event_type": "Skirmish", "sub_event_type": "Attack"}, "unknown event_type"),
        ({"event_date": "2024-02-30"}, "ISO date"),
        ({"fatalities": {"low": 9, "best": 3}}, "low <= best <= high"),
        ({"fatalities": {"best": -1}}, "whole number"),
        ({"actor1": {"name": " "}}, "needs a name"),
        ({"summary": "rewritten"}, "not reviewable: summary"),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(
    store: Store, changes: dict, message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        edit_event(store, "ev-1", changes, user="ana", reason="x")
    assert _audit(store, "ev-1") == []


def test_an_unknown_event_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        edit_event(store, "nope", {"event_type": "Riots"}, user="ana", reason="x")


# --- re-extraction ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _ingest(store: Store, pipeline: Pipeline, *names: str) -> list[str]:
    documents = [d for d in read_inputs([str(SAMPLES / n) for n in names], None)]
    ids = []
    for doc in documents:
        assert isinstance(doc, Document)
        found = pipeline.process(doc)
        store.save(doc, found)
        ids += [item.id for item in found]
    return ids


def _claims(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ClaimRow)) or 0


HUMAN = {
    "event_type": "Violence against civilians",
    "sub_event_type": "Attack",
    "fatalities": {"low": 9, "best": 9, "high": 9},
    "actor1": {"name": "Unidentified Armed Group (Burkina Faso)", "inter": 3},
}


def test_human_edits_survive_re_extraction(store_url: str, pipeline: Pipeline) -> None:
    store = Store(store_url)
    (djibo,) = _ingest(store, pipeline, "djibo-market-ied.txt")
    claims = _claims(store)
    edit_event(store, djibo, HUMAN, user="ana", reason="ninth victim died in hospital")
    with store.session.begin() as session:  # an older extraction's place, to be refreshed
        row = session.get(EventRow, djibo)
        assert row is not None
        row.location = {**row.location, "name": "Stale"}

    stats = reprocess(store, pipeline)

    assert (stats.documents, stats.updated, stats.added) == (1, 1, 0)
    loaded = store.event(djibo)
    assert loaded is not None
    assert (loaded.event_type, loaded.sub_event_type) == ("Violence against civilians", "Attack")
    assert loaded.fatalities.best == 9 and loaded.actor1 is not None
    assert loaded.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert loaded.location is not None and loaded.location.name == "Djibo"  # machine value back
    assert loaded.injuries.best == 14
    assert _claims(store) == claims
    assert len(_audit(store, djibo)) == 4


def test_edits_on_a_merged_event_survive_re_extraction_and_split(
    store_url: str, pipeline: Pipeline
) -> None:
    store = Store(store_url)
    djibo, monguno = _ingest(store, pipeline, "djibo-market-ied.txt", "monguno-base-raid.txt")
    claims = _claims(store)
    merge_id = merge_with_audit(store, djibo, monguno, user="ana", reason="test merge")
    edit_event(store, djibo, {"fatalities": {"best": 50}}, user="ana", reason="combined toll")

    stats = reprocess(store, pipeline)

    assert (stats.updated, stats.added) == (2, 0)
    assert [e.id for e in store.events()] == [djibo]
    merged = store.event(djibo)
    assert merged is not None and merged.fatalities.best == 50
    assert sorted(merged.document_ids) == sorted({*merged.document_ids})
    assert len(merged.document_ids) == 2 and _claims(store) == claims

    restored = split_with_audit(store, merge_id, user="ana", reason="two events after all")
    assert restored == monguno
    back = store.event(monguno)
    assert back is not None and back.location is not None and back.location.name == "Monguno"
    assert [a.action for a in _audit(store, djibo)] == ["merge", "edit", "split"]
    assert [a.action for a in _audit(store, monguno)] == ["merge", "split"]
    assert _claims(store) == claims


def test_reprocess_command(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", str(SAMPLES / "djibo-market-ied.txt"), "--db", db])
    assert ingest.exit_code == 0, ingest.output
    again = runner.invoke(main, ["reprocess", "--db", db])
    assert again.exit_code == 0, again.output
    assert "reprocessed 1 document(s): 1 event(s) updated, 0 new; 0 failed" in again.stderr
    missing = runner.invoke(main, ["reprocess", "no-such-doc", "--db", db])
    assert missing.exit_code == 1 and "no stored document" in missing.output
