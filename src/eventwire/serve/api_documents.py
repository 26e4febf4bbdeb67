"""Read endpoints for the stored articles."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import select

from eventwire.serve.api_events import DbSession, document_record, validation_error
from eventwire.serve.schemas import PageQuery
from eventwire.serve.security import require_read
from eventwire.store.schema import DocumentRow, EventDocumentRow

router = APIRouter(dependencies=[Depends(require_read)])


def _encode(document_id: str) -> str:
    return base64.urlsafe_b64encode(document_id.encode()).decode().rstrip("=")


def _decode(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, ValueError):
        message = "cursor is not one returned by this API"
        raise validation_error(message, "query", "cursor") from None


@router.get("/api/documents")
def list_documents(params: Annotated[PageQuery, Query()], db: DbSession) -> dict[str, Any]:
    """Stored documents by id, without their text, one page at a time."""
    query = select(DocumentRow).order_by(DocumentRow.id).limit(params.limit + 1)
    if params.cursor:
        query = query.where(DocumentRow.id > _decode(params.cursor))
    rows = list(db.scalars(query).all())
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    return {
        "items": [document_record(row, with_text=False) for row in rows],
        "next_cursor": _encode(rows[-1].id) if more and rows else None,
    }


@router.get("/api/documents/{document_id}")
def get_document(document_id: str, db: DbSession) -> dict[str, Any]:
    """One document with its full text and the events it reports."""
    row = db.get(DocumentRow, document_id)
    if row is None:
        raise HTTPException(404, f"no document {document_id!r}")
    event_ids = db.scalars(
        select(EventDocumentRow.event_id)
        .where(EventDocumentRow.document_id == document_id)
        .order_by(EventDocumentRow.event_id)
    ).all()
    return {**document_record(row), "event_ids": list(event_ids)}
