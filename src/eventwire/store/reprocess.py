"""Re-extract stored documents with the current pipeline, keeping every human edit.

Event ids are stable (document id + position), so a re-extracted event replaces its stored
machine values and its claims from that document. Where the event now lives inside a merge, the
merge snapshot and the surviving event are refreshed instead. Reviewed values are applied again
afterwards, so a human edit beats the machine; events the new run no longer finds are kept.

    stats = reprocess(store, Pipeline())            # every stored document
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from eventwire.models import Document, Event
from eventwire.store.convert import add_event_rows, claim_rows, event_row
from eventwire.store.loading import load_event
from eventwire.store.merging import _foldable, _refold
from eventwire.store.overrides import apply_overrides
from eventwire.store.repository import Store
from eventwire.store.schema import (
    ClaimRow,
    DocumentRow,
    EventMergeRow,
    EventRow,
    OverrideRow,
)
from eventwire.summary import summarize


@dataclass
class ReprocessStats:
    documents: int = 0
    updated: int = 0
    added: int = 0
    failed: int = 0


def document_ids(store: Store) -> list[str]:
    with store.session() as session:
        return list(session.scalars(select(DocumentRow.id).order_by(DocumentRow.id)).all())


def stored_documents(store: Store, ids: Iterable[str]) -> Iterable[Document]:
    for document_id in ids:
        with store.session() as session:
            row = session.get(DocumentRow, document_id)
        if row is None:
            raise KeyError(f"no stored document {document_id!r}")
        yield Document(
            id=row.id,
            text=row.text,
            title=row.title,
            url=row.url,
            published=row.published,
            source=row.source,
            language=row.language,
            origin=f"document {row.id}",
        )


def reprocess(
    store: Store,
    pipeline,  # type: ignore[no-untyped-def]  # eventwire.pipeline.Pipeline
    ids: Iterable[str] | None = None,
    on_error: Callable[[Document, Exception], None] | None = None,
) -> ReprocessStats:
    """Run `pipeline` again over stored documents (all of them by default)."""
    stats = ReprocessStats()

    def failed(document: Document, error: Exception) -> None:
        stats.failed += 1
        if on_error is not None:
            on_error(document, error)

    documents = stored_documents(store, ids if ids is not None else document_ids(store))
    for document, events in pipeline.process_many(documents, on_error=failed):
        with store.session.begin() as session:
            for item in events:
                added = replace_event(session, item, document.id)
                stats.added += added
                stats.updated += not added
        stats.documents += 1
    return stats


def replace_event(session: Session, item: Event, document_id: str) -> bool:
    """Store a re-extracted event over its previous version; True when it is new."""
    record, holder = _holder(session, item.id)
    if holder is None:
        _add(session, item)
        return True
    _replace_claims(session, holder, item, document_id)
    first = _first_merge(session, holder)
    if record is not None:
        claim_ids = _claim_ids(session, holder, document_id)
        record.snapshot = {**record.snapshot, "event": item.to_record(), "claim_ids": claim_ids}
        _refold(session, holder)
    elif first is not None:
        first.snapshot = {**first.snapshot, "kept_before": _foldable(item)}
        _refold(session, holder)
    else:
        _rewrite_row(session, item)
    _refresh_reviewed_summary(session, holder)
    session.flush()
    return False


def _holder(session: Session, event_id: str) -> tuple[EventMergeRow | None, str | None]:
    """(the active merge that absorbed `event_id`, the stored event that holds it now)."""
    if session.get(EventRow, event_id) is not None:
        return None, event_id
    first: EventMergeRow | None = None
    current = event_id
    for _ in range(100):  # merges form a chain; never loop forever on bad data
        record = session.scalars(
            select(EventMergeRow)
            .where(EventMergeRow.absorbed_event_id == current, EventMergeRow.split_at.is_(None))
            .order_by(EventMergeRow.id.desc())
        ).first()
        if record is None:
            return None, None
        first = first or record
        current = record.event_id
        if session.get(EventRow, current) is not None:
            return first, current
    return None, None


def _first_merge(session: Session, keep_id: str) -> EventMergeRow | None:
    return session.scalars(
        select(EventMergeRow).where(EventMergeRow.event_id == keep_id).order_by(EventMergeRow.id)
    ).first()


def _replace_claims(session: Session, holder: str, item: Event, document_id: str) -> None:
    session.execute(
        delete(ClaimRow).where(ClaimRow.event_id == holder, ClaimRow.document_id == document_id)
    )
    fresh = claim_rows(item)
    for claim in fresh:
        claim.event_id = holder
    session.add_all(fresh)
    session.flush()


def _claim_ids(session: Session, holder: str, document_id: str) -> list[int]:
    return list(
        session.scalars(
            select(ClaimRow.id)
            .where(ClaimRow.event_id == holder, ClaimRow.document_id == document_id)
            .order_by(ClaimRow.id)
        ).all()
    )


def _rewrite_row(session: Session, item: Event) -> None:
    row = session.get(EventRow, item.id)
    fresh = event_row(item)
    for column in EventRow.__table__.columns:
        if column.key not in ("id", "created_at"):
            setattr(row, column.key, getattr(fresh, column.key))
    session.flush()
    apply_overrides(session, item.id)


def _add(session: Session, item: Event) -> None:
    add_event_rows(session, item)
    session.flush()


def _refresh_reviewed_summary(session: Session, event_id: str) -> None:
    reviewed = session.scalars(
        select(OverrideRow.field).where(OverrideRow.event_id == event_id)
    ).first()
    if reviewed is None:
        return
    row = session.get(EventRow, event_id)
    row.summary = summarize(load_event(session, event_id))  # type: ignore[union-attr]
