"""Stored events that may be the same as a new one: indexed date x place queries, no scan.

A dated event is compared with the events of its date window (`events.event_date` with
`events.iso3`, index ix_events_iso3_date, or a lat/lon box, index ix_events_lat_lon). An undated
event is compared with the events dated in a window around its document's publication date (an event
happens on or a few days before the day it is published). Events stored without a date are
candidates of a new event in the same place whatever its date (`event_date IS NULL` with the same
iso3 is the head of ix_events_iso3_date); scoring then holds them to their documents' publication
dates, so a dated event never merges with one far from its date. With no date and no publication
date at all, the latest stored events of the same country are compared (by place, type and text;
`iso3 = ? ORDER BY event_date DESC` reads ix_events_iso3_date backwards). Events that already hold
one of the new event's documents are left out (two events of one article are distinct by
construction). An event without a place is compared with the events of its date window only, and
scoring asks that the stored event's place be named in its text.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from eventwire.dedup.config import DedupConfig
from eventwire.dedup.scoring import plausible
from eventwire.models import Event
from eventwire.store.schema import DocumentRow, EventDocumentRow, EventRow

KM_PER_DEGREE = 111.2


def candidates(
    session: Session, item: Event, config: DedupConfig, published: date | None = None
) -> list[EventRow]:
    place = _place_clause(item, config)
    span = _date_span(item, config, published, place is not None)
    if span is None and place is None:
        return []
    same_documents = select(EventDocumentRow.event_id).where(
        EventDocumentRow.document_id.in_(item.document_ids)
    )
    common = [EventRow.id != item.id, EventRow.id.not_in(same_documents)]
    found: list[EventRow] = []
    if span is not None:
        dated = [EventRow.event_date.between(*span), *common]
        found += _query(session, [*dated, place] if place is not None else dated, item, config)
    elif item.location is not None and item.location.iso3:  # no date evidence at all
        country = [EventRow.iso3 == item.location.iso3, EventRow.event_date.is_not(None)]
        found += _query(session, [*country, *common], item, config)
    if place is not None:
        undated = [EventRow.event_date.is_(None), place, *common]
        published_span = _published_span(item, config, published)
        if published_span is not None:
            undated.append(_published_within(*published_span))
        found += _query(session, undated, item, config)
    return found


def _published_span(
    item: Event, config: DedupConfig, published: date | None
) -> tuple[date, date] | None:
    """The publication dates an undated stored event must have one of to be this event."""
    lag, lead = (
        timedelta(days=config.published_lag_days),
        timedelta(days=config.published_lead_days),
    )
    if item.event_date is not None:
        return item.event_date - lead, item.event_date + lag
    if published is not None:
        return published - lag, published + lag
    return None


def _published_within(first: date, last: date):  # type: ignore[no-untyped-def]
    """A stored event with a document published between the two dates (correlated EXISTS on
    the primary keys of event_documents and documents: no scan of documents)."""
    return exists().where(
        EventDocumentRow.event_id == EventRow.id,
        DocumentRow.id == EventDocumentRow.document_id,
        DocumentRow.published.between(first, last),
    )


def _date_span(
    item: Event, config: DedupConfig, published: date | None, has_place: bool
) -> tuple[date, date] | None:
    if item.event_date is not None:
        days = max(config.window(item.date_precision), config.window("week"))
        if not has_place:
            days = config.window(item.date_precision)  # no place: the date alone, kept narrow
        return item.event_date - timedelta(days=days), item.event_date + timedelta(days=days)
    if published is not None:
        return (
            published - timedelta(days=config.published_lag_days),
            published + timedelta(days=config.published_lead_days),
        )
    return None


LIGHT_COLUMNS = (
    EventRow.id, EventRow.event_date, EventRow.date_precision, EventRow.iso3, EventRow.latitude,
    EventRow.longitude, EventRow.location,
)  # fmt: skip


def _query(session: Session, clauses: list, item: Event, config: DedupConfig) -> list[EventRow]:  # type: ignore[type-arg]
    """Read up to `scan_limit` light rows (no JSON but the place), keep those whose date and
    place can match (`plausible`), then load the `candidate_limit` nearest in date in full."""
    light = (
        select(*LIGHT_COLUMNS)
        .where(*clauses)
        .order_by(EventRow.event_date.desc(), EventRow.id)
        .limit(config.scan_limit)
    )
    kept = [row for row in session.execute(light).all() if plausible(item, row, config)]
    if item.event_date is not None:
        kept.sort(
            key=lambda row: abs((row.event_date - item.event_date).days) if row.event_date else 0
        )
    ids = [row.id for row in kept[: config.candidate_limit]]
    if not ids:
        return []
    order = {event_id: number for number, event_id in enumerate(ids)}
    full = session.scalars(select(EventRow).where(EventRow.id.in_(ids))).all()
    return sorted(full, key=lambda row: order[row.id])


def _place_clause(item: Event, config: DedupConfig):  # type: ignore[no-untyped-def]
    location = item.location
    if location is None:
        return None
    clauses = []
    if location.iso3:
        clauses.append(EventRow.iso3 == location.iso3)
    if location.latitude is not None and location.longitude is not None:
        dlat = config.box_km / KM_PER_DEGREE
        cos = max(math.cos(math.radians(location.latitude)), 0.05)
        dlon = dlat / cos
        clauses.append(
            and_(
                EventRow.latitude.between(location.latitude - dlat, location.latitude + dlat),
                EventRow.longitude.between(location.longitude - dlon, location.longitude + dlon),
            )
        )
    return or_(*clauses) if clauses else None
