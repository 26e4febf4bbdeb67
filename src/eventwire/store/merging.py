"""Merge two stored events into one, and undo it.

A merge folds the absorbed event into the kept one: document links and claims move over, the
figures are reconciled again over all claims, the best-located place and the most precise date
win, and an `EventMergeRow` keeps a full snapshot of the absorbed event (its record, row, claim
ids, signature and reviewed overrides). A split restores the absorbed event from that snapshot
and refolds the kept event from its own state before its first merge plus the merges still
active, so undoing one merge of a chain does not undo the others.

    merge_id = store.merge("keep-id", "other-id", by="analyst@desk", reasons={"why": "same raid"})
    restored_id = store.split(merge_id, by="analyst@desk")
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from eventwire.data import load_toml
from eventwire.models import Actor, DateEvidence, Event, Location, Reaction
from eventwire.reconcile import reconcile
from eventwire.store.convert import claim_rows, event_row
from eventwire.store.loading import load_event
from eventwire.store.overrides import apply_overrides
from eventwire.store.schema import (
    ClaimRow,
    EventDocumentRow,
    EventMergeRow,
    EventRow,
    EventSignatureRow,
    OverrideRow,
)
from eventwire.summary import summarize

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
SIGNATURE_SEPARATOR = "\n\n"
"""Signature texts of merged events are the members' texts joined by a blank line (one part per
report; each part is whitespace-normalised), and the vector column holds one vector per part."""


class MergingMixin:
    """`Store.merge`, `Store.split` and `Store.merges` (the Store provides `session`)."""

    session: sessionmaker[Session]
    dedup_enabled: bool = True
    """Match each newly stored event against stored ones and attach it when it is the same."""

    def merge(
        self,
        keep_id: str,
        other_id: str,
        *,
        by: str,
        score: float = 1.0,
        reasons: dict | None = None,
    ) -> int:
        """Fold event `other_id` into `keep_id`; returns the merge id (see `split`)."""
        with self.session.begin() as session:
            return merge_events(session, keep_id, other_id, by=by, score=score, reasons=reasons)

    def split(self, merge_id: int, *, by: str) -> str:
        """Undo merge `merge_id`: restore the absorbed event exactly; returns its id."""
        with self.session.begin() as session:
            return split_merge(session, merge_id, by=by)

    def merges(self, event_id: str) -> list[EventMergeRow]:
        """Merge records where `event_id` is the kept or the absorbed event, oldest first."""
        with self.session() as session:
            query = (
                select(EventMergeRow)
                .where(
                    (EventMergeRow.event_id == event_id)
                    | (EventMergeRow.absorbed_event_id == event_id)
                )
                .order_by(EventMergeRow.id)
            )
            return list(session.scalars(query).all())


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- merge -----------------------------------------------------------------------------------


def merge_events(
    session: Session,
    keep_id: str,
    other_id: str,
    *,
    by: str,
    score: float = 1.0,
    reasons: dict | None = None,
) -> int:
    """`MergingMixin.merge` inside the caller's transaction."""
    if keep_id == other_id:
        raise ValueError("an event cannot be merged into itself")
    keep, other = load_event(session, keep_id), load_event(session, other_id)
    snapshot = _snapshot(session, keep, other)
    linked = [d for d in other.document_ids if d not in keep.document_ids]
    snapshot["linked_document_ids"] = linked
    session.execute(update(ClaimRow).where(ClaimRow.event_id == other_id).values(event_id=keep_id))
    _merge_signatures(session, keep_id, other_id)
    session.execute(delete(EventDocumentRow).where(EventDocumentRow.event_id == other_id))
    session.execute(delete(EventSignatureRow).where(EventSignatureRow.event_id == other_id))
    session.execute(delete(OverrideRow).where(OverrideRow.event_id == other_id))
    session.delete(session.get(EventRow, other_id))
    session.flush()
    for document_id in linked:
        session.add(EventDocumentRow(event_id=keep_id, document_id=document_id))
    record = EventMergeRow(
        event_id=keep_id,
        absorbed_event_id=other_id,
        document_ids=list(other.document_ids),
        score=float(score),
        reasons=dict(reasons or {}),
        snapshot=snapshot,
        merged_by=by,
        merged_at=now(),
        split_at=None,
    )
    session.add(record)
    session.flush()
    why = _refold(session, keep_id)
    if why is not None:
        record.reasons = {**record.reasons, "merged_type": why}
        session.flush()
    return record.id


def _snapshot(session: Session, keep: Event, other: Event) -> dict[str, Any]:
    row = session.get(EventRow, other.id)
    signature = session.get(EventSignatureRow, other.id)
    overrides = session.scalars(select(OverrideRow).where(OverrideRow.event_id == other.id)).all()
    return {
        "event": other.to_record(),
        "created_at": row.created_at.isoformat() if row and row.created_at else None,
        "claim_ids": list(
            session.scalars(
                select(ClaimRow.id).where(ClaimRow.event_id == other.id).order_by(ClaimRow.id)
            ).all()
        ),
        "signature": _signature_record(signature),
        "overrides": [
            {"field": o.field, "value": o.value, "audit_id": o.audit_id} for o in overrides
        ],
        "kept_before": _foldable(keep),
    }


def _signature_record(row: EventSignatureRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"text": row.text, "model": row.model, "vector": row.vector}


def _merge_signatures(session: Session, keep_id: str, other_id: str) -> None:
    theirs = session.get(EventSignatureRow, other_id)
    if theirs is None:
        return
    ours = session.get(EventSignatureRow, keep_id)
    if ours is None:
        session.add(
            EventSignatureRow(
                event_id=keep_id, text=theirs.text, model=theirs.model, vector=theirs.vector
            )
        )
        return
    ours.text = SIGNATURE_SEPARATOR.join([ours.text, theirs.text])
    if ours.model == theirs.model and ours.vector is not None and theirs.vector is not None:
        ours.vector = list(ours.vector) + list(theirs.vector)
    else:
        ours.vector, ours.model = None, ours.model if ours.model == theirs.model else None


# --- split -----------------------------------------------------------------------------------


def split_merge(session: Session, merge_id: int, *, by: str) -> str:
    """`MergingMixin.split` inside the caller's transaction."""
    record = session.get(EventMergeRow, merge_id)
    if record is None:
        raise KeyError(f"no merge {merge_id}")
    if record.split_at is not None:
        raise ValueError(f"merge {merge_id} was already split")
    if session.get(EventRow, record.event_id) is None:
        raise ValueError(f"event {record.event_id} was itself merged since; split that merge first")
    snapshot = record.snapshot
    restored = Event.from_record(snapshot["event"])
    if session.get(EventRow, restored.id) is not None:
        raise ValueError(f"event {restored.id} exists again; cannot restore it")
    _restore_event(session, restored, snapshot)
    record.split_at = now()
    record.reasons = {**record.reasons, "split_by": by}
    session.flush()
    _unlink_documents(session, record)
    _unmerge_signature(session, record.event_id, snapshot.get("signature"))
    _refold(session, record.event_id)
    apply_overrides(session, restored.id)
    return restored.id


def _restore_event(session: Session, restored: Event, snapshot: dict[str, Any]) -> None:
    row = event_row(restored)
    if snapshot.get("created_at"):
        row.created_at = datetime.fromisoformat(snapshot["created_at"])
    session.add(row)
    session.flush()
    for document_id in restored.document_ids:
        session.add(EventDocumentRow(event_id=restored.id, document_id=document_id))
    ids = snapshot.get("claim_ids") or []
    moved = session.execute(
        update(ClaimRow).where(ClaimRow.id.in_(ids)).values(event_id=restored.id)
    ).rowcount
    if ids and moved != len(ids):
        session.execute(delete(ClaimRow).where(ClaimRow.id.in_(ids)))
        moved = 0
    if not moved:
        session.add_all(claim_rows(restored))
    signature = snapshot.get("signature")
    if signature:
        session.add(EventSignatureRow(event_id=restored.id, **signature))
    for override in snapshot.get("overrides") or []:
        session.add(OverrideRow(event_id=restored.id, **override))
    session.flush()


def _unlink_documents(session: Session, record: EventMergeRow) -> None:
    """Drop the kept event's links that came with the absorbed event, unless still needed."""
    still_needed = set(
        session.scalars(
            select(ClaimRow.document_id).where(ClaimRow.event_id == record.event_id)
        ).all()
    )
    for other in _active_merges(session, record.event_id):
        still_needed.update(other.snapshot["event"]["document_ids"])
    for document_id in record.snapshot.get("linked_document_ids") or []:
        if document_id not in still_needed:
            session.execute(
                delete(EventDocumentRow).where(
                    (EventDocumentRow.event_id == record.event_id)
                    & (EventDocumentRow.document_id == document_id)
                )
            )


def _unmerge_signature(session: Session, keep_id: str, theirs: dict[str, Any] | None) -> None:
    ours = session.get(EventSignatureRow, keep_id)
    if ours is None or not theirs:
        return
    parts = ours.text.split(SIGNATURE_SEPARATOR)
    vectors = list(ours.vector) if ours.vector is not None else None
    for part in theirs["text"].split(SIGNATURE_SEPARATOR):
        if part in parts and len(parts) > 1:
            index = parts.index(part)
            parts.pop(index)
            if vectors is not None and len(vectors) > index:
                vectors.pop(index)
    ours.text = SIGNATURE_SEPARATOR.join(parts)
    ours.vector = vectors


# --- folding the kept event ------------------------------------------------------------------


def _active_merges(session: Session, keep_id: str) -> list[EventMergeRow]:
    return list(
        session.scalars(
            select(EventMergeRow)
            .where((EventMergeRow.event_id == keep_id) & EventMergeRow.split_at.is_(None))
            .order_by(EventMergeRow.id)
        ).all()
    )


def _original_state(session: Session, keep_id: str) -> dict[str, Any] | None:
    first = session.scalars(
        select(EventMergeRow).where(EventMergeRow.event_id == keep_id).order_by(EventMergeRow.id)
    ).first()
    return first.snapshot.get("kept_before") if first else None


def _foldable(item: Event) -> dict[str, Any]:
    """The fields a merge may change on the kept event, as record values."""
    record = item.to_record()
    keys = ("event_date", "date_precision", "date_evidence", "location", "actor1", "actor2")
    keys += ("sources", "reactions")
    return {key: record[key] for key in keys} | {
        "confidence": item.confidence,
        "doubtful": item.doubtful,
        "summary": item.summary,
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
    }


def _refold(session: Session, keep_id: str) -> dict[str, Any] | None:
    """Recompute the kept event from its state before its first merge and its active merges;
    returns why it has its type (None when it holds one report)."""
    item = load_event(session, keep_id)
    original = _original_state(session, keep_id)
    active = _active_merges(session, keep_id)
    why = None
    if original is not None:
        _apply_fields(item, original, replace=True)
        members = [_foldable(Event.from_record(merge.snapshot["event"])) for merge in active]
        for fields in members:
            _apply_fields(item, fields)
        why = _vote_type(item, [original, *members])
    item.fatalities, item.injuries = reconcile(item.claims)
    if active or original is None:
        item.summary = summarize(item)
    else:
        item.summary = original.get("summary", item.summary)
    row = session.get(EventRow, keep_id)
    fresh = event_row(item)
    for column in EventRow.__table__.columns:
        if column.key not in ("id", "created_at"):
            setattr(row, column.key, getattr(fresh, column.key))
    session.flush()
    apply_overrides(session, keep_id)
    return why


def _apply_fields(item: Event, fields: dict[str, Any], *, replace: bool = False) -> None:
    """Fold `fields` (a `_foldable` dict) into `item`; with `replace`, take them as they are."""
    location = Location(**fields["location"]) if fields.get("location") else None
    if replace or _better_place(location, item.location):
        item.location = location
    precision = fields.get("date_precision")
    if fields.get("event_date") and (replace or _better_date(precision, item)):
        item.event_date = date.fromisoformat(fields["event_date"][:10])
        item.date_precision = precision
        item.date_evidence = DateEvidence.from_record(fields.get("date_evidence"))
    elif replace:
        item.event_date, item.date_precision, item.date_evidence = None, None, None
    for slot in ("actor1", "actor2"):
        actor = Actor(**fields[slot]) if fields.get(slot) else None
        if replace or getattr(item, slot) is None:
            setattr(item, slot, actor)
    sources = list(fields.get("sources") or [])
    item.sources = sources if replace else _union(item.sources, sources)
    reactions = [Reaction.from_record(r) for r in fields.get("reactions") or []]
    if replace:
        item.reactions = reactions
    else:
        item.reactions += [r for r in reactions if r not in item.reactions]
    confidence = float(fields.get("confidence") or 0.0)
    item.confidence = confidence if replace else max(item.confidence, confidence)
    doubtful = bool(fields.get("doubtful", False))
    item.doubtful = doubtful if replace else item.doubtful and doubtful


def _vote_type(item: Event, members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The type of the most specific report (data/merged_type.toml), then the one most reports
    give, then the kept event's: a first report of "an attack" gives way to a later one that
    says a drone strike, and one report that mistakes a market massacre for a clash does not type
    the whole event. Returns why, for the merge record."""
    votes = [(m.get("event_type"), m.get("sub_event_type")) for m in members if m.get("event_type")]
    if not votes:
        return None
    counts = {vote: votes.count(vote) for vote in votes}
    generic = _generic_sub_types()
    ranked = {vote: (vote[1] not in generic, counts[vote]) for vote in votes}
    best = max(ranked.values())
    chosen = next(vote for vote in votes if ranked[vote] == best)
    item.event_type, item.sub_event_type = chosen
    others = sorted({f"{t}: {s}" for t, s in votes if (t, s) != chosen})
    if not others:
        rule = "all reports agree"
    elif best[0] and any(ranked[vote][0] is False for vote in votes):
        rule = "the most specific report"
    else:
        rule = "most reports" if best[1] > 1 else "the first report"
    return {"chosen": f"{chosen[0]}: {chosen[1]}", "rule": rule, "over": others}


@cache
def _generic_sub_types() -> frozenset[str]:
    return frozenset(load_toml("merged_type.toml")["generic_sub_types"])


def _better_place(candidate: Location | None, current: Location | None) -> bool:
    if candidate is None:
        return False
    if current is None:
        return True
    return _place_rank(candidate) < _place_rank(current)


def _place_rank(location: Location) -> tuple[int, int]:
    has_point = location.latitude is not None and location.longitude is not None
    return (location.geo_precision or 9, 0 if has_point else 1)


def _better_date(precision: str | None, item: Event) -> bool:
    if item.event_date is None:
        return True
    return PRECISION_RANK.get(precision or "year", 4) < PRECISION_RANK.get(
        item.date_precision or "year", 4
    )


def _union(first: list[str], second: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))
