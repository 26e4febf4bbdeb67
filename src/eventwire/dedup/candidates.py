"""Stored events that may be the same as a new one: an indexed date x place query, no scan.

The query uses `events.event_date` with `events.iso3` (index ix_events_iso3_date) or a lat/lon
box (index ix_events_lat_lon), and leaves out events that already hold one of the new event's
documents (two events of one article are distinct by construction). An event without a place
is compared with the events of its date window (ix_events_iso3_date serves the date alone too
on PostgreSQL; `events.event_date` has its own index), and scoring then asks that the stored
event's place be named in its text.
"""

from __future__ import annotations

import math
from datetime import timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from eventwire.dedup.config import DedupConfig
from eventwire.models import Event
from eventwire.store.schema import EventDocumentRow, EventRow

KM_PER_DEGREE = 111.2


def candidates(session: Session, item: Event, config: DedupConfig) -> list[EventRow]:
    if item.event_date is None:
        return []
    days = max(config.window(item.date_precision), config.window("week"))
    place = _place_clause(item, config)
    if place is None:
        days = config.window(item.date_precision)  # no place: the date alone, kept narrow
    same_documents = select(EventDocumentRow.event_id).where(
        EventDocumentRow.document_id.in_(item.document_ids)
    )
    query = (
        select(EventRow)
        .where(
            EventRow.event_date.between(
                item.event_date - timedelta(days=days), item.event_date + timedelta(days=days)
            ),
            place if place is not None else EventRow.id.is_not(None),
            EventRow.id != item.id,
            EventRow.id.not_in(same_documents),
        )
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
