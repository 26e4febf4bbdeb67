"""Read queries for the HTTP API: filtered pages with keyset cursors, counts, time series, meta.

Everything is a SQLAlchemy expression (no SQL text), so the same code runs on SQLite and
PostgreSQL. Events are listed newest first (`event_date` desc, undated last, then `id`); a cursor
is the (date, id) of the last event of a page, so paging stays stable and cheap at any depth.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from eventwire.models import Event
from eventwire.store.convert import event_from_rows
from eventwire.store.repository import EventFilter
from eventwire.store.schema import ClaimRow, EventDocumentRow, EventRow, OverrideRow

ORDER = (EventRow.event_date.desc().nulls_last(), EventRow.id)
GROUPS = {"event_type": EventRow.event_type, "country": EventRow.country}


class CursorError(ValueError):
    """A cursor that this module did not produce."""


@dataclass
class Page:
    events: list[Event]
    reviewed: dict[str, list[str]]
    next_cursor: str | None


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, value: str) -> ColumnElement[bool]:
    return column.ilike(f"%{_escape(value)}%", escape="\\")


def _same(column: Any, value: str) -> ColumnElement[bool]:
    """Case-insensitive equality (ILIKE without wildcards)."""
    return column.ilike(_escape(value), escape="\\")


def _json_text(column: Any, key: str) -> Any:
    return column[key].as_string()


def conditions(filters: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of `filters` (every field but `limit`)."""
    clauses: list[ColumnElement[bool]] = []
    if filters.country:
        clauses.append(
            _same(EventRow.country, filters.country) | (EventRow.iso3 == filters.country.upper())
        )
    if filters.admin1:
        clauses.append(_same(_json_text(EventRow.location, "admin1"), filters.admin1))
    if filters.event_type:
        clauses.append(_same(EventRow.event_type, filters.event_type))
    if filters.sub_event_type:
        clauses.append(_same(EventRow.sub_event_type, filters.sub_event_type))
    if filters.actor:
        clauses.append(
            _contains(EventRow.actor1_name, filters.actor)
            | _contains(EventRow.actor2_name, filters.actor)
        )
    if filters.since:
        clauses.append(EventRow.event_date >= filters.since)
    if filters.until:
        clauses.append(EventRow.event_date <= filters.until)
    if filters.min_fatalities is not None:
        clauses.append(EventRow.fatalities_best >= filters.min_fatalities)
    if filters.bbox:
        clauses.append(_in_bbox(*filters.bbox))
    if filters.text:
        clauses.append(_matches_text(filters.text))
    return clauses


def _in_bbox(west: float, south: float, east: float, north: float) -> ColumnElement[bool]:
    latitude = EventRow.latitude.between(south, north)
    if west <= east:
        return latitude & EventRow.longitude.between(west, east)
    # A box across the antimeridian: east of `west` or west of `east`.
    return latitude & ((EventRow.longitude >= west) | (EventRow.longitude <= east))


def _matches_text(text: str) -> ColumnElement[bool]:
    """Every word appears in the summary, an actor, the place, its admin1 or the country."""
    words = text.split()
    if not words:
        return true()
    fields = (
        EventRow.summary,
        EventRow.actor1_name,
        EventRow.actor2_name,
        EventRow.country,
        _json_text(EventRow.location, "name"),
        _json_text(EventRow.location, "admin1"),
    )
    return and_(*(or_(*(_contains(field, word) for field in fields)) for word in words))


def filtered(query: Select, filters: EventFilter) -> Select:
    return query.where(*conditions(filters))


# --- cursors ---------------------------------------------------------------------------------


def encode_cursor(row: EventRow) -> str:
    payload = {"d": row.event_date.isoformat() if row.event_date else None, "i": row.id}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        day = date.fromisoformat(payload["d"]) if payload["d"] is not None else None
        event_id = payload["i"]
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise CursorError("cursor is not one returned by this API") from None
    if not isinstance(event_id, str):
        raise CursorError("cursor is not one returned by this API")
    return day, event_id


def _after(day: date | None, event_id: str) -> ColumnElement[bool]:
    """Rows that come after (day, event_id) in ORDER."""
    if day is None:
        return EventRow.event_date.is_(None) & (EventRow.id > event_id)
    return or_(
        EventRow.event_date < day,
        (EventRow.event_date == day) & (EventRow.id > event_id),
        EventRow.event_date.is_(None),
    )


# --- events ----------------------------------------------------------------------------------


def page(session: Session, filters: EventFilter, limit: int, cursor: str | None = None) -> Page:
    """One page of matching events after `cursor`, with the cursor of the next page."""
    query = filtered(select(EventRow), filters)
    if cursor:
        query = query.where(_after(*decode_cursor(cursor)))
    rows = list(session.scalars(query.order_by(*ORDER).limit(limit + 1)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(
        events=load_events(session, rows),
        reviewed=reviewed_fields(session, [row.id for row in rows]),
        next_cursor=encode_cursor(rows[-1]) if more and rows else None,
    )


def count(session: Session, filters: EventFilter) -> int:
    query = select(func.count()).select_from(EventRow).where(*conditions(filters))
    return session.scalar(query) or 0


def all_events(session: Session, filters: EventFilter) -> list[Event]:
    rows = session.scalars(filtered(select(EventRow), filters).order_by(*ORDER)).all()
    return load_events(session, list(rows))


def load_events(session: Session, rows: Sequence[EventRow]) -> list[Event]:
    """Events for `rows`, with their claims and documents in two queries for the whole batch."""
    ids = [row.id for row in rows]
    claims: dict[str, list[ClaimRow]] = defaultdict(list)
    documents: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        for claim in session.scalars(
            select(ClaimRow).where(ClaimRow.event_id.in_(chunk)).order_by(ClaimRow.id)
        ):
            claims[claim.event_id].append(claim)
        links = session.execute(
            select(EventDocumentRow.event_id, EventDocumentRow.document_id)
            .where(EventDocumentRow.event_id.in_(chunk))
            .order_by(EventDocumentRow.document_id)
        )
        for event_id, document_id in links:
            documents[event_id].append(document_id)
    return [event_from_rows(row, documents[row.id], claims[row.id]) for row in rows]


def reviewed_fields(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    """Field names with a human-reviewed value, per event id."""
    found: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(list(ids)):
        rows = session.execute(
            select(OverrideRow.event_id, OverrideRow.field)
            .where(OverrideRow.event_id.in_(chunk))
            .order_by(OverrideRow.field)
        )
        for event_id, field in rows:
            found[event_id].append(field)
    return dict(found)


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]


# --- aggregates ------------------------------------------------------------------------------


def timeseries(
    session: Session, filters: EventFilter, interval: str = "day", by: str = "none"
) -> list[dict[str, Any]]:
    """Events and fatalities per day or week (weeks start on Monday), per group key.

    The database groups by day; weeks are folded here, which keeps the SQL portable."""
    key = GROUPS.get(by)
    columns = [EventRow.event_date, func.count(), func.sum(EventRow.fatalities_best)]
    grouping = [EventRow.event_date]
    if key is not None:
        columns.insert(0, key)
        grouping.insert(0, key)
    query = filtered(select(*columns), filters).where(EventRow.event_date.is_not(None))
    buckets: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for row in session.execute(query.group_by(*grouping)):
        name = row[0] if key is not None else "all"
        day, events, fatalities = row[-3], row[-2], row[-1]
        if interval == "week":
            day = day - timedelta(days=day.weekday())
        bucket = buckets[name or "unknown"][day]
        bucket[0] += events
        bucket[1] += fatalities or 0
    return [
        {
            "key": name,
            "points": [
                {"date": day.isoformat(), "events": value[0], "fatalities": value[1]}
                for day, value in sorted(points.items())
            ],
        }
        for name, points in sorted(buckets.items())
    ]


def meta(session: Session) -> dict[str, Any]:
    """Countries present and the span of event dates."""
    countries = session.scalars(
        select(EventRow.country)
        .where(EventRow.country.is_not(None))
        .distinct()
        .order_by(EventRow.country)
    ).all()
    first, last = session.execute(
        select(func.min(EventRow.event_date), func.max(EventRow.event_date))
    ).one()
    return {
        "countries": list(countries),
        "date_range": [first.isoformat() if first else None, last.isoformat() if last else None],
    }
