"""Dedup beyond the date window: undated reports, wider places, day tolerance, compatible types
and French against English (issue 17)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.dedup.evidence import at_night, evidence_similarity, figures, language_of, names
from eventwire.models import Document, Location
from eventwire.store import Store
from tests.factories import event

AMBUSH = (
    "Gunmen ambushed an army convoy near Gao on Wednesday, killing five soldiers, the army said. "
    "The convoy was carrying supplies to a base in the north."
)
AMBUSH_AGAIN = (
    "Five soldiers died when militants ambushed a military supply convoy close to Gao, "
    "according to security officials. Share this story | Subscribe"
)
AMBUSH_FR = (
    "Cinq soldats ont été tués mercredi dans une embuscade tendue par des hommes armés contre "
    "un convoi de ravitaillement de l'armée près de Gao, selon des sources sécuritaires."
)
MARCH = "Hundreds of traders marched peacefully through Gao against power cuts."


def _doc(doc_id: str, text: str, published: date | None = date(2024, 5, 2)) -> Document:
    return Document(id=doc_id, text=text, published=published, source="Test Wire")


def _undated(event_id: str, doc_id: str):  # type: ignore[no-untyped-def]
    item = event(event_id, doc_id)
    item.event_date, item.date_precision = None, None
    return item


@pytest.fixture
def store(store_url: str) -> Store:
    return Store(store_url)


def test_an_undated_report_attaches_near_its_publication_date(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    store.save(_doc("d2", AMBUSH_AGAIN, date(2024, 5, 3)), [_undated("e2", "d2")])
    (merged,) = store.events()
    assert sorted(merged.document_ids) == ["d1", "d2"] and merged.event_date == date(2024, 5, 1)
    (record,) = store.merges("e1")
    assert record.reasons["date"]["by_publication"] is True


def test_an_undated_report_published_long_after_a_dated_event_stays_apart(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    store.save(_doc("d2", AMBUSH_AGAIN, date(2024, 6, 20)), [_undated("e2", "d2")])
    assert len(store.events()) == 2


def test_a_dated_report_attaches_to_a_stored_undated_one_by_its_publication(store: Store) -> None:
    store.save(_doc("d1", AMBUSH_AGAIN, date(2024, 5, 2)), [_undated("e1", "d1")])
    store.save(_doc("d2", AMBUSH), [event("e2", "d2")])
    (merged,) = store.events()
    assert merged.event_date == date(2024, 5, 1) and merged.date_precision == "day"


def test_without_any_date_place_type_and_text_decide(store: Store) -> None:
    store.save(_doc("d1", AMBUSH, None), [_undated("e1", "d1")])
    store.save(_doc("d2", AMBUSH_AGAIN, None), [_undated("e2", "d2")])
    march = _undated("e3", "d3")
    march.event_type, march.sub_event_type, march.actor2 = "Protests", "Peaceful protest", None
    march.claims = []
    store.save(_doc("d3", MARCH, None), [march])
    assert sorted(len(e.document_ids) for e in store.events()) == [1, 2]
    (record,) = store.merges("e1")
    assert record.reasons["date"] == {"score": None, "no_date": True}


def test_a_report_of_the_region_matches_a_town_in_it_and_the_town_is_kept(store: Store) -> None:
    town = event("e1", "d1")
    town.location = replace(  # type: ignore[type-var]
        town.location, name="Ansongo", admin2="Ansongo", latitude=15.66, longitude=0.5,
        geo_precision=1,
    )  # fmt: skip
    store.save(_doc("d1", AMBUSH.replace("near Gao", "near Ansongo")), [town])
    region = event("e2", "d2")
    region.location = Location(
        name="Gao", country="Mali", iso3="MLI", admin1="Gao", latitude=17.5, longitude=1.5,
        geo_precision=3,
    )  # fmt: skip
    store.save(_doc("d2", AMBUSH_AGAIN.replace("Gao", "the Gao region")), [region])
    (merged,) = store.events()
    assert merged.location and merged.location.name == "Ansongo"
    (record,) = store.merges("e1")
    assert record.reasons["place"]["contained"] == "admin1" and record.reasons["place"]["km"] > 100


def test_a_country_only_report_matches_a_town_of_that_country(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    country = event("e2", "d2")
    country.location = Location(name="Mali", country="Mali", iso3="MLI")
    store.save(_doc("d2", AMBUSH_AGAIN), [country])
    (merged,) = store.events()
    assert merged.location and merged.location.name == "Gao"
    assert store.merges("e1")[0].reasons["place"]["contained"] == "country"


def test_two_days_apart_merge_only_overnight_and_across_publication_days(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    store.save(_doc("d2", AMBUSH_AGAIN), [event("e2", "d2", when=date(2024, 5, 3))])
    assert len(store.events()) == 2
    night = AMBUSH_AGAIN.replace("close to Gao", "close to Gao overnight")
    later = event("e3", "d3", when=date(2024, 4, 29))
    store.save(_doc("d3", night, date(2024, 5, 4)), [later])
    record = store.merges("e3")[0]
    assert record.reasons["date"]["overnight"] and record.reasons["date"]["later_report"]
    assert record.reasons["date"]["days_apart"] == 2


def test_compatible_types_merge_and_the_merge_says_why(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    other = event("e2", "d2", event_type="Explosions/Remote violence")
    store.save(_doc("d2", AMBUSH_AGAIN), [other])
    (record,) = store.merges("e1")
    assert "compatible" in record.reasons["type"]


def test_a_french_report_of_an_english_one_attaches_and_splits_back(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    before = store.event("e1")
    store.save(_doc("d2", AMBUSH_FR), [event("e2", "d2")])
    (record,) = store.merges("e1")
    assert {"gao", "5"} <= set(record.reasons["evidence"]["shared"])
    assert store.split(record.id, by="analyst") == "e2"
    assert store.event("e1") == before and store.event("e2") is not None


def test_the_same_place_a_week_later_is_another_event(store: Store) -> None:
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    week = event("e2", "d2", when=date(2024, 5, 8))
    store.save(_doc("d2", AMBUSH_AGAIN, date(2024, 5, 9)), [week])
    assert len(store.events()) == 2


def test_evidence_reads_names_figures_language_and_night() -> None:
    assert figures("Quinze militaires, 15 morts en 2024") == frozenset({15})
    assert figures("fifteen soldiers") == figures("quinze soldats")
    assert names("Militants attacked Djibo on Saturday.") == frozenset({"djibo"})
    assert language_of(AMBUSH_FR) == "fr" and language_of(AMBUSH) == "en"
    assert at_night("avant l'aube") and not at_night(AMBUSH)
    assert evidence_similarity(AMBUSH, AMBUSH_FR) > evidence_similarity(AMBUSH, MARCH)


def test_names_spelt_differently_in_two_languages_are_the_same_evidence() -> None:
    english = "Al-Shabaab gunmen stormed a hotel in Mogadishu, Somalia."
    french = "Des shebab ont pris d'assaut un hôtel à Mogadiscio, en Somalie."
    unrelated = "Des manifestants ont défilé à Bamako, au Mali."
    assert evidence_similarity(english, french) >= 0.9
    assert evidence_similarity(english, unrelated) == 0.0


class _EnglishOnlyEncoder:
    """Like an English sentence model: a French sentence shares no direction with its English."""

    def encode(self, texts: list[str], normalize_embeddings: bool = True) -> list[list[float]]:
        return [[float(language_of(t) == "en"), float(language_of(t) == "fr"), 0.0] for t in texts]


def test_with_embeddings_a_french_report_still_attaches_by_its_names_and_words(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.dedup import text

    monkeypatch.setattr(text, "_model", lambda: _EnglishOnlyEncoder())
    store.save(_doc("d1", AMBUSH), [event("e1", "d1")])
    store.save(_doc("d2", AMBUSH_FR), [event("e2", "d2")])
    assert [e.id for e in store.events()] == ["e1"]
    (record,) = store.merges("e1")
    assert record.reasons["text"]["method"] == "embedding"
