"""Events from their rows: claims and document links fetched in two queries per batch of events,
never one pair of queries per event. Every reader of the store (Store, queries, merging) uses
these."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventwire.models import Event
from eventwire.store.convert import event_from_rows
from eventwire.store.schema import ClaimRow, EventDocumentRow, EventRow


def load_events(session: Session, rows: Sequence[EventRow]) -> list[Event]:
    """Events for `rows`, with their claims and documents in two queries for the whole batch."""
    claims, documents = claims_and_documents(session, [row.id for row in rows])
    return [event_from_rows(row, documents[row.id], claims[row.id]) for row in rows]


def load_event(session: Session, event_id: str) -> Event:
    """One stored event; KeyError when there is none."""
    row = session.get(EventRow, event_id)
    if row is None:
        raise KeyError(f"no event {event_id!r}")
    return load_events(session, [row])[0]


def claims_and_documents(
    session: Session, ids: list[str]
) -> tuple[dict[str, list[Any]], dict[str, list[str]]]:
    """Claim rows (plain rows with the columns as attributes) and document ids per event."""
    claims: dict[str, list[Any]] = defaultdict(list)
    documents: dict[str, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        for claim in session.execute(
            select(ClaimRow.__table__).where(ClaimRow.event_id.in_(chunk)).order_by(ClaimRow.id)
        ):
            claims[claim.event_id].append(claim)
        links = session.execute(
            select(EventDocumentRow.event_id, EventDocumentRow.document_id)
            .where(EventDocumentRow.event_id.in_(chunk))
            .order_by(EventDocumentRow.document_id)
        )
        for event_id, document_id in links:
            documents[event_id].append(document_id)
    return claims, documents


def chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]
