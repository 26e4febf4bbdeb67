from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from eventwire.models import Event
from eventwire.store import EventFilter, Store
from tests.factories import document, event


@pytest.fixture
def store(store_url: str) -> Store:
    return Store(store_url)


def test_migrations_create_the_tables(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "events", "event_documents", "claims", "alembic_version"} <= tables


def test_saved_event_round_trips_with_its_claims(store: Store) -> None:
    original = event()
    assert store.save(document(), [original]) is True
    (loaded,) = store.events()
    assert loaded.to_record() == original.to_record()
    assert store.counts() == {"documents": 1, "events": 1, "claims": 1}


def test_saving_the_same_document_again_changes_nothing(store: Store) -> None:
    store.save(document(), [event()])
    assert store.save(document(), [event()]) is False
    assert store.counts() == {"documents": 1, "events": 1, "claims": 1}


def test_a_failing_save_leaves_nothing_half_written(store: Store) -> None:
    broken = event()
    broken.claims[0].kind = None  # type: ignore[assignment]  # violates NOT NULL at flush
    with pytest.raises(Exception):  # noqa: B017  (the database's own integrity error)
        store.save(document(), [broken])
    assert store.counts() == {"documents": 0, "events": 0, "claims": 0}


def test_reopening_an_existing_database_keeps_its_data(store_url: str) -> None:
    url = store_url
    Store(url).save(document(), [event()])
    assert len(Store(url).events()) == 1


def _stored(store: Store) -> None:
    store.save(document("d1"), [event("e1", "d1", when=date(2024, 1, 10), killed=(3, 3))])
    store.save(
        document("d2"),
        [event("e2", "d2", "Burkina Faso", "BFA", date(2024, 2, 20), "Violence against civilians",
               (30, None))],
    )  # fmt: skip
    store.save(document("d3"), [event("e3", "d3", when=date(2024, 3, 5), killed=(12, 12))])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["e3", "e2", "e1"]),
        (EventFilter(country="Mali"), ["e3", "e1"]),
        (EventFilter(country="bfa"), ["e2"]),
        (EventFilter(since=date(2024, 2, 1)), ["e3", "e2"]),
        (EventFilter(until=date(2024, 2, 1)), ["e1"]),
        (EventFilter(event_type="violence against civilians"), ["e2"]),
        (EventFilter(actor="military forces"), ["e3", "e2", "e1"]),
        (EventFilter(actor="Wagner"), []),
        (EventFilter(min_fatalities=10), ["e3", "e2"]),
        (EventFilter(limit=1), ["e3"]),
    ],
)
def test_event_filters(store: Store, filters: EventFilter, expected: list[str]) -> None:
    _stored(store)
    assert [e.id for e in store.events(filters)] == expected


def test_single_event_lookup(store: Store) -> None:
    _stored(store)
    found = store.event("e2")
    assert isinstance(found, Event) and found.location and found.location.iso3 == "BFA"
    assert store.event("missing") is None
