"""Convert between `Event` records and table rows."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from eventwire.models import Actor, Claim, DateEvidence, Event, Figures, Location, Reaction
from eventwire.store.schema import ClaimRow, EventDocumentRow, EventRow


def add_event_rows(session: Session, item: Event) -> bool:
    """Write an event's row (unless stored), its document links (those missing) and its claims;
    True when the event row is new."""
    new = session.get(EventRow, item.id) is None
    if new:
        session.add(event_row(item))
        session.flush()
    for document_id in item.document_ids:
        if session.get(EventDocumentRow, (item.id, document_id)) is None:
            session.add(EventDocumentRow(event_id=item.id, document_id=document_id))
    session.add_all(claim_rows(item))
    return new


def event_row(item: Event) -> EventRow:
    location = item.location
    return EventRow(
        id=item.id,
        event_date=item.event_date,
        date_precision=item.date_precision,
        event_type=item.event_type,
        sub_event_type=item.sub_event_type,
        actor1=item.actor1.to_record() if item.actor1 else None,
        actor2=item.actor2.to_record() if item.actor2 else None,
        actor1_name=item.actor1.name if item.actor1 else None,
        actor2_name=item.actor2.name if item.actor2 else None,
        location=location.to_record() if location else None,
        country=location.country if location else None,
        iso3=location.iso3 if location else None,
        latitude=location.latitude if location else None,
        longitude=location.longitude if location else None,
        fatalities_low=item.fatalities.low,
        fatalities_best=item.fatalities.best,
        fatalities_high=item.fatalities.high,
        injuries_low=item.injuries.low,
        injuries_best=item.injuries.best,
        injuries_high=item.injuries.high,
        summary=item.summary,
        confidence=item.confidence,
        doubtful=item.doubtful,
        sources=list(item.sources),
        reactions=[reaction.to_record() for reaction in item.reactions],
        date_evidence=item.date_evidence.to_record() if item.date_evidence else None,
        created_at=datetime.now(UTC).replace(tzinfo=None),
    )


def claim_rows(item: Event) -> list[ClaimRow]:
    return [
        ClaimRow(
            event_id=item.id,
            document_id=claim.document_id,
            kind=claim.kind,
            low=claim.low,
            high=claim.high,
            qualifier=claim.qualifier,
            victims=claim.victims,
            source=claim.source,
            span_start=claim.span[0],
            span_end=claim.span[1],
            quote=claim.quote,
            reported_at=claim.reported_at,
        )
        for claim in item.claims
    ]


def event_from_rows(row: EventRow, document_ids: list[str], claims: list[ClaimRow]) -> Event:
    return Event(
        id=row.id,
        document_ids=document_ids,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        event_date=row.event_date,
        date_precision=row.date_precision,  # type: ignore[arg-type]
        actor1=Actor(**row.actor1) if row.actor1 else None,
        actor2=Actor(**row.actor2) if row.actor2 else None,
        location=Location(**row.location) if row.location else None,
        fatalities=Figures(row.fatalities_low, row.fatalities_best, row.fatalities_high),
        injuries=Figures(row.injuries_low, row.injuries_best, row.injuries_high),
        claims=[_claim(claim) for claim in claims],
        summary=row.summary,
        confidence=row.confidence,
        doubtful=bool(row.doubtful),
        sources=list(row.sources or []),
        reactions=[Reaction.from_record(r) for r in row.reactions or []],
        date_evidence=DateEvidence.from_record(row.date_evidence),
    )


def _claim(row: ClaimRow) -> Claim:
    return Claim(
        kind=row.kind,  # type: ignore[arg-type]
        low=row.low,
        high=row.high,
        qualifier=row.qualifier,  # type: ignore[arg-type]
        victims=row.victims,  # type: ignore[arg-type]
        source=row.source,
        document_id=row.document_id,
        span=(row.span_start, row.span_end),
        quote=row.quote,
        reported_at=row.reported_at,
    )
