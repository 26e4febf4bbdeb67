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

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from eventwire.dedup.config import DedupConfig
from eventwire.models import Event
from eventwire.store.schema import EventDocumentRow, EventRow

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
        found += _query(session, [*dated, place] if place is not None else dated, config)
    elif item.location is not None and item.location.iso3:  # no date evidence at all
        country = [EventRow.iso3 == item.location.iso3, EventRow.event_date.is_not(None)]
        found += _query(session, [*country, *common], config)
    if place is not None:
        found += _query(session, [EventRow.event_date.is_(None), place, *common], config)
    return found


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


def _query(session: Session, clauses: list, config: DedupConfig) -> list[EventRow]:  # type: ignore[type-arg]
    query = (
        select(EventRow)
        .where(*clauses)
        .order_by(EventRow.event_date.desc(), EventRow.id)
        .limit(config.candidate_limit)
    )
    return list(session.scalars(query).all())


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
