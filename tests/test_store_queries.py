"""The API's read queries: every filter, keyset pages, counts, time series and meta, on SQLite
and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from eventwire.models import Actor, Event
from eventwire.store import EventFilter, Store, queries
from tests.factories import document, event


def _event(
    event_id: str,
    when: date | None,
    *,
    country: tuple[str, str] = ("Mali", "MLI"),
    place: tuple[str, str, float, float] = ("Gao", "Gao", 16.27, -0.04),
    kind: tuple[str, str] = ("Battles", "Armed clash"),
    killed: int = 5,
    actor: str = "Unidentified Armed Group (Mali)",
    summary: str = "",
) -> Event:
    item = event(event_id, f"doc-{event_id}", country[0], country[1], when or date(2024, 1, 1),
                 kind[0], (killed, killed))  # fmt: skip
    item.event_date = when
    item.sub_event_type = kind[1]
    name, admin1, latitude, longitude = place
    assert item.location is not None
    item.location = replace(item.location, name=name, admin1=admin1, latitude=latitude,
                            longitude=longitude)  # fmt: skip
    item.actor1 = Actor(actor, 3)
    item.summary = summary or f"{kind[0]} in {name} ({event_id})"
    return item


def seeded() -> list[Event]:
    """Seven events across three countries, two of them undated, one across the antimeridian."""
    bf = ("Burkina Faso", "BFA")
    return [
        _event("a", date(2024, 3, 4), killed=12),
        _event("b", date(2024, 3, 4), place=("Menaka", "Menaka", 15.92, 2.40), killed=0),
        _event("c", date(2024, 3, 6), country=bf, place=("Djibo", "Sahel", 14.10, -1.63),
               kind=("Explosions/Remote violence", "Remote explosive/landmine/IED"), killed=30,
               actor="JNIM: Group for Support of Islam and Muslims"),
        _event("d", date(2024, 3, 12), country=bf, place=("Kaya", "Centre-Nord", 13.09, -1.08),
               kind=("Protests", "Peaceful protest"), killed=0, actor="Protesters (Burkina Faso)",
               summary="Traders marched in Kaya against 100% price rises"),
        _event("e", date(2024, 2, 28), country=("Fiji", "FJI"),
               place=("Rabi", "Northern", -16.50, 179.98), killed=1),
        _event("f", None, killed=2),
        _event("g", None, place=("Ansongo", "Gao", 15.66, 0.50), killed=7),
    ]  # fmt: skip


def seed(store: Store) -> list[Event]:
    store.dedup_enabled = False  # the seven events are distinct on purpose
    items = seeded()
    for item in items:
        store.save(document(item.document_ids[0], f"Report {item.id}."), [item])
    return items


@pytest.fixture
def store(store_url: str) -> Store:
    store = Store(store_url)
    seed(store)
    return store


def _ids(store: Store, filters: EventFilter) -> list[str]:
    with store.session() as session:
        return [item.id for item in queries.all_events(session, filters)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["d", "c", "a", "b", "e", "f", "g"]),
        (EventFilter(country="burkina faso"), ["d", "c"]),
        (EventFilter(country="mli"), ["a", "b", "f", "g"]),
        (EventFilter(admin1="gao"), ["a", "f", "g"]),
        (EventFilter(event_type="battles"), ["a", "b", "e", "f", "g"]),
        (EventFilter(sub_event_type="Peaceful protest"), ["d"]),
        (EventFilter(actor="jnim"), ["c"]),
        (EventFilter(actor="%"), []),
        (EventFilter(since=date(2024, 3, 5)), ["d", "c"]),
        (EventFilter(until=date(2024, 3, 4)), ["a", "b", "e"]),
        (EventFilter(since=date(2024, 3, 4), until=date(2024, 3, 4)), ["a", "b"]),
        (EventFilter(min_fatalities=7), ["c", "a", "g"]),
        (EventFilter(min_fatalities=0, country="BFA"), ["d", "c"]),
        (EventFilter(bbox=(-2.0, 13.0, 0.0, 15.0)), ["d", "c"]),
        (EventFilter(bbox=(0.0, 15.0, 3.0, 16.0)), ["b", "g"]),
        (EventFilter(bbox=(170.0, -20.0, -170.0, -10.0)), ["e"]),
        (EventFilter(text="kaya"), ["d"]),
        (EventFilter(text="100%"), ["d"]),
        (EventFilter(text="100_"), []),
        (EventFilter(text="battles menaka"), ["b"]),
        (EventFilter(text="sahel"), ["c"]),
        (EventFilter(text="   "), ["d", "c", "a", "b", "e", "f", "g"]),
    ],
)
def test_filters(store: Store, filters: EventFilter, expected: list[str]) -> None:
    assert _ids(store, filters) == expected
    with store.session() as session:
        assert queries.count(session, filters) == len(expected)


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50])
def test_keyset_pages_cover_every_event_once_in_order(store: Store, size: int) -> None:
    seen: list[str] = []
    cursor = None
    with store.session() as session:
        for _ in range(20):
            page = queries.page(session, EventFilter(), size, cursor)
            assert len(page.records) <= size
            seen += [record["id"] for record in page.records]
            cursor = page.next_cursor
            if cursor is None:
                break
    assert seen == ["d", "c", "a", "b", "e", "f", "g"]


def test_pages_keep_the_filter_and_carry_claims_and_documents(store: Store) -> None:
    with store.session() as session:
        first = queries.page(session, EventFilter(country="Mali"), 3)
        assert [record["id"] for record in first.records] == ["a", "b", "f"]
        second = queries.page(session, EventFilter(country="Mali"), 3, first.next_cursor)
    assert [record["id"] for record in second.records] == ["g"] and second.next_cursor is None
    record = first.records[0]
    assert record["document_ids"] == ["doc-a"] and record["claims"][0]["document_id"] == "doc-a"


def test_page_records_are_the_contract_records(store: Store) -> None:
    with store.session() as session:
        records = queries.page(session, EventFilter(), 10).records
    expected = {item.id: item.to_record() for item in seeded()}
    assert len(records) == 7
    for record in records:
        assert record == expected[record["id"]]


@pytest.mark.parametrize("cursor", ["not base64!", "e30", "eyJkIjogMX0", "WzEsMl0"])
def test_a_forged_cursor_is_refused(store: Store, cursor: str) -> None:
    with store.session() as session, pytest.raises(queries.CursorError):
        queries.page(session, EventFilter(), 5, cursor)


def test_daily_series_by_type(store: Store) -> None:
    with store.session() as session:
        series = queries.timeseries(session, EventFilter(), "day", "event_type")
    by_key = {entry["key"]: entry["points"] for entry in series}
    assert by_key["Battles"] == [
        {"date": "2024-02-28", "events": 1, "fatalities": 1},
        {"date": "2024-03-04", "events": 2, "fatalities": 12},
    ]
    assert by_key["Protests"] == [{"date": "2024-03-12", "events": 1, "fatalities": 0}]


def test_weekly_series_start_on_monday_and_follow_filters(store: Store) -> None:
    with store.session() as session:
        total = queries.timeseries(session, EventFilter(), "week", "none")
        mali = queries.timeseries(session, EventFilter(country="MLI"), "week", "country")
    assert total == [
        {
            "key": "all",
            "points": [
                {"date": "2024-02-26", "events": 1, "fatalities": 1},
                {"date": "2024-03-04", "events": 3, "fatalities": 42},
                {"date": "2024-03-11", "events": 1, "fatalities": 0},
            ],
        }
    ]
    assert mali == [
        {"key": "Mali", "points": [{"date": "2024-03-04", "events": 2, "fatalities": 12}]}
    ]


def test_meta_lists_countries_and_the_date_span(store: Store) -> None:
    with store.session() as session:
        found = queries.meta(session)
    assert found == {
        "countries": ["Burkina Faso", "Fiji", "Mali"],
        "date_range": ["2024-02-28", "2024-03-12"],
    }
