"""Merging and splitting stored events, and matching new reports to stored events at ingest."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

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
    assert record.merged_by == "analyst" and record.reasons["why"] == "same"
    assert record.reasons["merged_type"]["rule"] == "all reports agree"
    assert record.snapshot["event"]["id"] == "ev-2"


def test_the_merged_type_follows_the_most_specific_report_and_says_why(
    two_events: Store,
) -> None:
    bombing = _second_report("ev-3", "doc-3")
    bombing.event_type, bombing.sub_event_type = "Explosions/Remote violence", "Suicide bomb"
    two_events.save(document("doc-3", "A suicide bomber struck Gao airport."), [bombing])
    two_events.merge("ev-1", "ev-2", by="analyst")
    merge_id = two_events.merge("ev-1", "ev-3", by="analyst")
    kept = two_events.event("ev-1")
    assert kept is not None and kept.sub_event_type == "Suicide bomb"
    record = next(r for r in two_events.merges("ev-1") if r.id == merge_id)
    assert record.reasons["merged_type"] == {
        "chosen": "Explosions/Remote violence: Suicide bomb",
        "rule": "the most specific report",
        "over": ["Battles: Armed clash"],
    }
    two_events.split(merge_id, by="analyst")
    restored = two_events.event("ev-1")
    assert restored is not None and restored.sub_event_type == "Armed clash"


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


# --- matching at ingest ------------------------------------------------------------------------

AMBUSH = (
    "Gunmen ambushed an army convoy near Gao on Wednesday, killing five soldiers, the army said. "
    "The convoy was carrying supplies to a base in the north."
)
AMBUSH_AGAIN = (
    "Seven soldiers died when militants ambushed a military supply convoy close to Gao on "
    "Wednesday, according to security officials."
)
MARKET = (
    "Armed men on motorbikes attacked the cattle market of Gao on Wednesday evening and shot "
    "dead four traders, residents said."
)


def _market_attack(event_id: str, doc_id: str):  # type: ignore[no-untyped-def]
    item = event(event_id, doc_id, event_type="Violence against civilians", killed=(4, 4))
    item.claims[0].victims = "civilians"
    item.actor2 = None
    return item


@pytest.fixture
def store(store_url: str) -> Store:
    return Store(store_url)


def test_a_second_report_of_one_event_is_attached_with_its_reasons(store: Store) -> None:
    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    store.save(document("d2", AMBUSH_AGAIN), [event("e2", "d2", killed=(7, 7))])
    (merged,) = store.events()
    assert merged.id == "e1" and sorted(merged.document_ids) == ["d1", "d2"]
    assert (merged.fatalities.low, merged.fatalities.high) == (5, 7)
    (record,) = store.merges("e1")
    assert record.merged_by == "eventwire" and record.absorbed_event_id == "e2"
    assert 0 < record.score <= 1
    assert set(record.reasons) >= {"date", "place", "type", "actors", "victims", "text"}
    assert record.reasons["place"]["km"] == 0.0 and record.reasons["date"]["days_apart"] == 0
    assert record.reasons["text"]["method"] in ("lexical", "embedding")


def test_a_look_alike_event_in_the_same_town_and_day_stays_apart(store: Store) -> None:
    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    store.save(document("d3", MARKET), [_market_attack("e3", "d3")])
    assert sorted(e.id for e in store.events()) == ["e1", "e3"]
    assert store.merges("e1") == []


def test_events_far_apart_in_time_or_place_are_never_compared(store: Store) -> None:
    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    later = event("e2", "d2", when=date(2024, 5, 9))
    elsewhere = event("e3", "d3", country="Niger", iso3="NER")
    elsewhere.location = replace(elsewhere.location, latitude=13.5, longitude=2.1)  # type: ignore[type-var]
    store.save(document("d2", AMBUSH), [later])
    store.save(document("d3", AMBUSH_AGAIN), [elsewhere])
    assert len(store.events()) == 3


def test_dedup_can_be_turned_off(store: Store) -> None:
    store.dedup_enabled = False
    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    store.save(document("d2", AMBUSH_AGAIN), [event("e2", "d2")])
    assert len(store.events()) == 2


def test_two_events_of_one_article_are_never_merged(store: Store) -> None:
    first, second = event("e1", "d1"), event("e2", "d1")
    store.save(document("d1", AMBUSH), [first, second])
    assert len(store.events()) == 2


def test_an_automatic_merge_can_be_split(store: Store) -> None:
    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    store.save(document("d2", AMBUSH_AGAIN), [event("e2", "d2", killed=(7, 7))])
    (record,) = store.merges("e1")
    assert store.split(record.id, by="analyst") == "e2"
    restored, kept = store.event("e2"), store.event("e1")
    assert restored is not None and restored.document_ids == ["d2"]
    assert restored.fatalities.best == 7
    assert kept is not None and kept.document_ids == ["d1"] and kept.fatalities.best == 5


def test_the_signature_keeps_each_reports_text(store: Store) -> None:
    from eventwire.store.schema import EventSignatureRow

    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    store.save(document("d2", AMBUSH_AGAIN), [event("e2", "d2")])
    with store.session() as session:
        signature = session.get(EventSignatureRow, "e1")
        assert signature is not None
        assert signature.text.split("\n\n") == [" ".join(AMBUSH.split()), AMBUSH_AGAIN]
        assert signature.vector is None or len(signature.vector) == 2


class _FakeEncoder:
    """Stands in for the sentence-transformers model: one axis per kind of attack."""

    def encode(self, texts: list[str], normalize_embeddings: bool = True) -> list[list[float]]:
        return [[float("ambush" in t), float("market" in t), 0.1] for t in texts]


def test_the_embedding_path_stores_vectors_and_scores_by_cosine(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.dedup import text
    from eventwire.store.schema import EventSignatureRow

    monkeypatch.setattr(text, "_model", lambda: _FakeEncoder())
    store.save(document("d1", AMBUSH), [event("e1", "d1")])
    store.save(document("d2", AMBUSH_AGAIN), [event("e2", "d2")])
    store.save(document("d3", MARKET), [_market_attack("e3", "d3")])
    assert sorted(e.id for e in store.events()) == ["e1", "e3"]
    (record,) = store.merges("e1")
    assert record.reasons["text"]["method"] == "embedding"
    with store.session() as session:
        signature = session.get(EventSignatureRow, "e1")
        assert signature is not None and signature.model == text.MODEL_NAME
        assert signature.vector is not None and len(signature.vector) == 2


def test_the_lexical_method_is_used_when_embeddings_are_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from eventwire.dedup import text

    monkeypatch.setattr(text, "_model", lambda: _FakeEncoder())
    monkeypatch.setenv("EVENTWIRE_EMBEDDINGS", "0")
    assert text.text_method() == "lexical" and text.embed("anything") is None
    assert text.lexical_similarity("Soldiers ambushed near Sévaré", "soldier ambush, Sevare") == 1


def test_thresholds_come_from_the_data_file() -> None:
    from eventwire.data import load_toml
    from eventwire.dedup import load_config

    config = load_config()
    assert config.attach == load_toml("dedup.toml")["decision"]["attach"]
    assert config.window("day") < config.window("week") < config.window("month")
    assert config.tolerance_km(1) <= config.tolerance_km(3)
    assert set(config.weights) == {"date", "place", "type", "actors", "victims", "text"}


def test_ingest_no_dedup_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from eventwire.cli import main

    files = [str(tmp_path / f"r{n}.txt") for n in (1, 2)]
    for path, body in zip(files, (AMBUSH, AMBUSH_AGAIN), strict=True):
        Path(path).write_text(f"---\npublished: 2024-05-02\n---\n{body}\n", encoding="utf-8")
    runner = CliRunner()
    merged = f"sqlite:///{tmp_path / 'merged.db'}"
    apart = f"sqlite:///{tmp_path / 'apart.db'}"
    assert runner.invoke(main, ["ingest", *files, "--db", merged]).exit_code == 0
    assert runner.invoke(main, ["ingest", *files, "--db", apart, "--no-dedup"]).exit_code == 0
    assert len(Store(merged).events()) == 1
    assert len(Store(apart).events()) == 2


def test_the_merged_event_takes_the_type_most_reports_give(two_events: Store) -> None:
    third = event("ev-3", "doc-3", event_type="Violence against civilians")
    two_events.save(document("doc-3", "Civilians were killed in Gao."), [third])
    with two_events.session.begin() as session:
        from eventwire.store.schema import EventRow

        row = session.get(EventRow, "ev-2")
        assert row is not None
        row.event_type, row.sub_event_type = "Violence against civilians", "Attack"
    two_events.merge("ev-1", "ev-2", by="a")
    kept = two_events.event("ev-1")
    assert kept is not None and kept.event_type == "Battles"  # a tie keeps the kept event's
    last = two_events.merge("ev-1", "ev-3", by="a")
    kept = two_events.event("ev-1")
    assert kept is not None and kept.event_type == "Violence against civilians"
    two_events.split(last, by="a")
    kept = two_events.event("ev-1")
    assert kept is not None and kept.event_type == "Battles"
