"""Write endpoints: field edits, merges and splits, each with an audit record (token required)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from eventwire.serve.api_events import DbSession, event_detail, merges, validation_error
from eventwire.serve.schemas import EditRequest, MergeRequest, SplitRequest
from eventwire.serve.security import require_write
from eventwire.store.review import ReviewError, edit_event, merge_with_audit, split_with_audit

router = APIRouter(dependencies=[Depends(require_write)])


@router.patch("/api/events/{event_id}")
def edit(event_id: str, body: EditRequest, request: Request, db: DbSession) -> dict[str, Any]:
    """Correct reviewable fields; the values beat any later re-extraction."""
    try:
        edit_event(
            request.app.state.store,
            event_id,
            body.changes.as_values(),
            user=body.user,
            reason=body.reason,
        )
    except KeyError:
        raise HTTPException(404, f"no event {event_id!r}") from None
    except ReviewError as error:
        raise validation_error(str(error), "body", "changes") from None
    return event_detail(db, event_id)


@router.post("/api/events/{event_id}/merge")
def merge(event_id: str, body: MergeRequest, request: Request, db: DbSession) -> dict[str, Any]:
    """Fold event `other_id` into this one (it can be split off again)."""
    if body.other_id == event_id:
        raise validation_error("an event cannot be merged into itself", "body", "other_id")
    try:
        merge_with_audit(
            request.app.state.store, event_id, body.other_id, user=body.user, reason=body.reason
        )
    except KeyError as error:
        raise HTTPException(404, str(error).strip("'\"")) from None
    return event_detail(db, event_id)


@router.post("/api/events/{event_id}/split")
def split(event_id: str, body: SplitRequest, request: Request, db: DbSession) -> dict[str, Any]:
    """Undo merge `merge_id` of this event; the absorbed event comes back as it was."""
    if not any(
        record.id == body.merge_id and record.event_id == event_id
        for record in merges(db, event_id)
    ):
        raise HTTPException(404, f"event {event_id!r} has no merge {body.merge_id}")
    try:
        restored = split_with_audit(
            request.app.state.store, body.merge_id, user=body.user, reason=body.reason
        )
    except ValueError as error:
        raise HTTPException(409, str(error)) from None
    return {"restored_event_id": restored}
