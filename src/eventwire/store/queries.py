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
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, true
from sqlalchemy.orm import Session

from eventwire.models import EVENT_TYPES, Event, Location
from eventwire.store.loading import chunks, claims_and_documents, load_events
from eventwire.store.repository import EventFilter
from eventwire.store.schema import EventRow, OverrideRow

ORDER = (EventRow.event_date.desc().nulls_last(), EventRow.id)
GROUPS = {"event_type": EventRow.event_type, "country": EventRow.country}
TYPES = set(EVENT_TYPES)
SUB_TYPES = {sub for subs in EVENT_TYPES.values() for sub in subs}


class CursorError(ValueError):
    """A cursor that this module did not produce."""


@dataclass
class Page:
    records: list[dict[str, Any]]
    """`Event.to_record()` dicts (built straight from the rows: `record_from_rows`)."""
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


def _taxonomy(column: Any, value: str, names: set[str]) -> ColumnElement[bool]:
    """Equality (which can use an index) for a name of the taxonomy, else case-insensitive."""
    return column == value if value in names else _same(column, value)


def with_country(session: Session, filters: EventFilter) -> EventFilter:
    """`filters` with the country spelled as stored ("mali" -> "Mali"), so that `conditions`
    can compare with `=` and use the index; ISO3 codes match either way."""
    wanted = filters.country
    if not wanted:
        return filters
    stored = session.scalars(
        select(EventRow.country).where(EventRow.country.is_not(None)).distinct()
    ).all()
    match = next((name for name in stored if name.lower() == wanted.lower()), wanted)
    return replace(filters, country=match)


def conditions(filters: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses of `filters` (every field but `limit`); the country must be spelled as
    stored or be an ISO3 code (see `with_country`)."""
    clauses: list[ColumnElement[bool]] = []
    if filters.country:
        clauses.append(
            (EventRow.country == filters.country) | (EventRow.iso3 == filters.country.upper())
        )
    if filters.admin1:
        clauses.append(_same(_json_text(EventRow.location, "admin1"), filters.admin1))
    if filters.event_type:
        clauses.append(_taxonomy(EventRow.event_type, filters.event_type, TYPES))
    if filters.sub_event_type:
        clauses.append(_taxonomy(EventRow.sub_event_type, filters.sub_event_type, SUB_TYPES))
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


def encode_cursor(row: Any) -> str:
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


def _page_rows(session: Session, query: Select, limit: int, cursor: str | None) -> list[Any]:
    """Up to `limit` rows after `cursor` in ORDER.

    Dated and undated events are read by two queries, each a plain range on an index: one
    `WHERE a OR b OR date IS NULL` made SQLite collect and sort every later row (46 ms on a deep
    page of 10,000 events, against under 1 ms for the first page)."""
    day, last_id = decode_cursor(cursor) if cursor else (None, None)
    rows: list[Any] = []
    if cursor is None or day is not None:
        dated = query.where(EventRow.event_date.is_not(None))
        if day is not None:
            dated = dated.where(
                EventRow.event_date <= day, (EventRow.event_date < day) | (EventRow.id > last_id)
            )
        order = (EventRow.event_date.desc(), EventRow.id)
        rows = list(session.execute(dated.order_by(*order).limit(limit)).all())
    if len(rows) < limit:
        undated = query.where(EventRow.event_date.is_(None))
        if last_id is not None and day is None:
            undated = undated.where(EventRow.id > last_id)
        rows += session.execute(undated.order_by(EventRow.id).limit(limit - len(rows))).all()
    return rows


# --- events ----------------------------------------------------------------------------------


def page(session: Session, filters: EventFilter, limit: int, cursor: str | None = None) -> Page:
    """One page of matching events after `cursor`, with the cursor of the next page."""
    # Plain rows, not ORM objects: a page is read-only and this is most of its time.
    query = filtered(select(EventRow.__table__), with_country(session, filters))
    rows = _page_rows(session, query, limit + 1, cursor)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(
        records=load_records(session, rows),
        reviewed=reviewed_fields(session, [row.id for row in rows]),
        next_cursor=encode_cursor(rows[-1]) if more and rows else None,
    )


def count(session: Session, filters: EventFilter) -> int:
    filters = with_country(session, filters)
    query = select(func.count()).select_from(EventRow).where(*conditions(filters))
    return session.scalar(query) or 0


def all_events(session: Session, filters: EventFilter) -> list[Event]:
    query = filtered(select(EventRow), with_country(session, filters))
    rows = session.scalars(query.order_by(*ORDER)).all()
    return load_events(session, list(rows))


def load_records(session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """As `load_events(...)` then `to_record()`, without the detour (a third of a page's time)."""
    claims, documents = claims_and_documents(session, [row.id for row in rows])
    return [record_from_rows(row, documents[row.id], claims[row.id]) for row in rows]


def record_from_rows(row: Any, document_ids: list[str], claims: list[Any]) -> dict[str, Any]:
    """The contract record of a stored event (equal to `Event.to_record()`, tested)."""
    return {
        "id": row.id,
        "document_ids": list(document_ids),
        "event_date": row.event_date.isoformat() if row.event_date else None,
        "date_precision": row.date_precision,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "actor1": _actor_record(row.actor1),
        "actor2": _actor_record(row.actor2),
        "location": _location_record(row.location),
        "fatalities": _figures(row.fatalities_low, row.fatalities_best, row.fatalities_high),
        "injuries": _figures(row.injuries_low, row.injuries_best, row.injuries_high),
        "claims": [_claim_record(claim) for claim in claims],
        "summary": row.summary,
        "confidence": round(row.confidence, 3),
        "doubtful": bool(row.doubtful),
        "sources": list(row.sources or []),
        "reactions": list(row.reactions or []),
        "date_evidence": row.date_evidence or None,
    }


def _actor_record(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if not value:
        return None
    return {
        "name": value["name"],
        "inter": value.get("inter"),
        "aliases_seen": list(value.get("aliases_seen") or []),
    }


LOCATION_FIELDS = tuple(Location.__dataclass_fields__)


def _location_record(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if not value:
        return None
    return {name: value.get(name) for name in LOCATION_FIELDS}


def _figures(low: int | None, best: int | None, high: int | None) -> dict[str, int | None]:
    return {"low": low, "best": best, "high": high}


def _claim_record(claim: Any) -> dict[str, Any]:
    return {
        "kind": claim.kind,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier,
        "victims": claim.victims,
        "source": claim.source,
        "document_id": claim.document_id,
        "span": [claim.span_start, claim.span_end],
        "quote": claim.quote,
        "reported_at": claim.reported_at.isoformat() if claim.reported_at else None,
    }


def reviewed_fields(session: Session, ids: Sequence[str]) -> dict[str, list[str]]:
    """Field names with a human-reviewed value, per event id."""
    found: dict[str, list[str]] = defaultdict(list)
    for chunk in chunks(list(ids)):
        rows = session.execute(
            select(OverrideRow.event_id, OverrideRow.field)
            .where(OverrideRow.event_id.in_(chunk))
            .order_by(OverrideRow.field)
        )
        for event_id, field in rows:
            found[event_id].append(field)
    return dict(found)


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
    query = filtered(select(*columns), with_country(session, filters))
    query = query.where(EventRow.event_date.is_not(None))
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
