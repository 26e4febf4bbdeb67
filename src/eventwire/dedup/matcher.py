"""Attach a newly stored event to the stored event it reports, or leave it as a new event.

Called by `Store.save` inside the document's transaction, after the new event's rows are added:
it stores the event's signature (text, and vector when embeddings are on), queries candidates,
scores them and, when the best one clears the thresholds of `data/dedup.toml`, folds the new
event into it with `merge_events` (merged_by "eventwire", with the score and the reasons).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventwire.dedup.candidates import candidates
from eventwire.dedup.config import DedupConfig, load_config
from eventwire.dedup.scoring import PairScore, Published, Signature, score_pair, victims_of
from eventwire.dedup.text import MODEL_NAME, embed, signature_text
from eventwire.models import Document, Event
from eventwire.store.merging import merge_events
from eventwire.store.schema import ClaimRow, DocumentRow, EventDocumentRow, EventSignatureRow

MERGED_BY = "eventwire"


@dataclass
class Decision:
    event_id: str
    """The stored event the new one now belongs to (itself when it was created)."""
    attached: bool
    score: float | None = None
    merge_id: int | None = None


@cache
def default_config() -> DedupConfig:
    return load_config()


def attach_or_create(
    session: Session,
    item: Event,
    document: Document | None,
    events_in_document: int = 1,
    config: DedupConfig | None = None,
) -> Decision:
    config = config or default_config()
    text = signature_text(document, item, events_in_document)
    vector = embed(text)
    session.add(
        EventSignatureRow(
            event_id=item.id,
            text=text,
            model=MODEL_NAME if vector is not None else None,
            vector=[vector] if vector is not None else None,
        )
    )
    session.flush()
    published = document.published if document is not None else None
    best = best_match(session, item, Signature(text, vector), config, published)
    if best is None:
        return Decision(item.id, attached=False)
    keep_id, scored = best
    merge_id = merge_events(
        session, keep_id, item.id, by=MERGED_BY, score=scored.score, reasons=scored.reasons
    )
    return Decision(keep_id, attached=True, score=scored.score, merge_id=merge_id)


def best_match(
    session: Session,
    item: Event,
    signature: Signature,
    config: DedupConfig,
    published: date | None = None,
) -> tuple[str, PairScore] | None:
    """The stored event that clears the thresholds with the highest score, if any."""
    rows = candidates(session, item, config, published)
    if not rows:
        return None
    stored = {
        row.event_id: row
        for row in session.scalars(
            select(EventSignatureRow).where(EventSignatureRow.event_id.in_([r.id for r in rows]))
        ).all()
    }
    victims = _victims(session, [row.id for row in rows])
    dates = _published(session, [row.id for row in rows if row.event_date is None or published])
    scored = []
    for row in rows:
        when = Published(published, dates.get(row.id, ()))
        result = score_pair(
            item,
            signature,
            row,
            stored.get(row.id),
            config,
            victims.get(row.id, frozenset()),
            when,
        )
        if result is not None and _clears(result, config):
            scored.append((result.score, row.id, result))
    if not scored:
        return None
    _, event_id, result = max(scored, key=lambda entry: (entry[0], entry[1]))
    return event_id, result


def _victims(session: Session, event_ids: list[str]) -> dict[str, frozenset[str]]:
    found: dict[str, list[str]] = {}
    query = select(ClaimRow.event_id, ClaimRow.victims).where(ClaimRow.event_id.in_(event_ids))
    for event_id, value in session.execute(query).all():
        found.setdefault(event_id, []).append(value)
    return {event_id: victims_of(values) for event_id, values in found.items()}


def _published(session: Session, event_ids: list[str]) -> dict[str, tuple[date, ...]]:
    """The publication dates of the stored events' documents."""
    if not event_ids:
        return {}
    found: dict[str, list[date]] = {}
    query = (
        select(EventDocumentRow.event_id, DocumentRow.published)
        .join(DocumentRow, DocumentRow.id == EventDocumentRow.document_id)
        .where(EventDocumentRow.event_id.in_(event_ids), DocumentRow.published.is_not(None))
    )
    for event_id, published in session.execute(query).all():
        found.setdefault(event_id, []).append(published)
    return {event_id: tuple(sorted(set(values))) for event_id, values in found.items()}


def _clears(result: PairScore, config: DedupConfig) -> bool:
    minimum = config.min_text.get(result.method, 0.0)
    return result.score >= config.attach and result.text >= minimum
