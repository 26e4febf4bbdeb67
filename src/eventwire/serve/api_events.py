"""Read endpoints for events: the filtered list, one event with its sources, the time series,
the export and the metadata the dashboard builds its filters from."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from eventwire.export import BINARY_FORMATS, write_events, write_events_binary
from eventwire.models import EVENT_TYPES
from eventwire.serve.schemas import ExportQuery, ListQuery, SeriesQuery
from eventwire.serve.security import require_read
from eventwire.store import queries
from eventwire.store.review import history
from eventwire.store.schema import DocumentRow, EventMergeRow, EventRow

router = APIRouter(dependencies=[Depends(require_read)])

EXPORTS = {
    "jsonl": ("application/x-ndjson", "events.jsonl"),
    "json": ("application/json", "events.json"),
    "csv": ("text/csv; charset=utf-8", "events.csv"),
    "acled": ("text/csv; charset=utf-8", "events-acled.csv"),
    "geojson": ("application/geo+json", "events.geojson"),
    "ucdp": ("text/csv; charset=utf-8", "events-ucdp-ged.csv"),
    "parquet": ("application/vnd.apache.parquet", "events.parquet"),
}


def session(request: Request) -> Iterator[Session]:
    with request.app.state.store.session() as opened:
        yield opened


DbSession = Annotated[Session, Depends(session)]


def validation_error(message: str, *loc: str | int) -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors."""
    return HTTPException(422, [{"type": "value_error", "loc": list(loc), "msg": message}])


def event_item(record: dict[str, Any], reviewed: list[str]) -> dict[str, Any]:
    return {**record, "reviewed_fields": reviewed}


@router.get("/api/events")
def list_events(params: Annotated[ListQuery, Query()], db: DbSession) -> JSONResponse:
    """Events matching the filters, newest first, one page at a time (follow `next_cursor`)."""
    filters = params.to_filter()
    try:
        page = queries.page(db, filters, params.limit, params.cursor)
    except queries.CursorError as error:
        raise validation_error(str(error), "query", "cursor") from None
    # Records are JSON-ready already: skipping FastAPI's generic encoder halves the time.
    return JSONResponse(
        {
            "items": [
                event_item(record, page.reviewed.get(record["id"], [])) for record in page.records
            ],
            "next_cursor": page.next_cursor,
            "count": queries.count(db, filters),
        }
    )


@router.get("/api/events/{event_id}")
def get_event(event_id: str, db: DbSession) -> dict[str, Any]:
    """One event with its claims, its documents (full text), its audit trail and its merges."""
    return event_detail(db, event_id)


def event_detail(db: Session, event_id: str) -> dict[str, Any]:
    row = db.get(EventRow, event_id)
    if row is None:
        raise HTTPException(404, f"no event {event_id!r}")
    (item,) = queries.load_events(db, [row])
    reviewed = queries.reviewed_fields(db, [event_id]).get(event_id, [])
    documents = [db.get(DocumentRow, document_id) for document_id in item.document_ids]
    return {
        "event": event_item(item.to_record(), reviewed),
        "documents": [document_record(doc) for doc in documents if doc is not None],
        "audit": [audit_record(entry) for entry in history(db, event_id)],
        "merges": [merge_record(entry) for entry in merges(db, event_id)],
    }


def document_record(row: DocumentRow, with_text: bool = True) -> dict[str, Any]:
    record = {
        "id": row.id,
        "title": row.title,
        "url": row.url,
        "published": row.published.isoformat() if row.published else None,
        "source": row.source,
    }
    return {**record, "text": row.text} if with_text else record


def audit_record(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "user": entry.user,
        "at": entry.at.isoformat(),
        "action": entry.action,
        "field": entry.field,
        "before": entry.before,
        "after": entry.after,
        "reason": entry.reason,
    }


def merges(db: Session, event_id: str) -> list[EventMergeRow]:
    query = (
        select(EventMergeRow)
        .where((EventMergeRow.event_id == event_id) | (EventMergeRow.absorbed_event_id == event_id))
        .order_by(EventMergeRow.id)
    )
    return list(db.scalars(query).all())


def merge_record(entry: EventMergeRow) -> dict[str, Any]:
    return {
        "id": entry.id,
        "event_id": entry.event_id,
        "absorbed_event_id": entry.absorbed_event_id,
        "document_ids": list(entry.document_ids or []),
        "score": entry.score,
        "reasons": entry.reasons,
        "merged_by": entry.merged_by,
        "merged_at": entry.merged_at.isoformat(),
        "split_at": entry.split_at.isoformat() if entry.split_at else None,
    }


@router.get("/api/timeseries")
def timeseries(params: Annotated[SeriesQuery, Query()], db: DbSession) -> dict[str, Any]:
    """Events and fatalities (best figures) per day or week, per type, country or in total."""
    series = queries.timeseries(db, params.to_filter(), params.interval, params.by)
    return {"interval": params.interval, "by": params.by, "series": series}


@router.get("/api/export")
def export(params: Annotated[ExportQuery, Query()], db: DbSession) -> Response:
    """The matching events as a file in any export format."""
    media_type, filename = EXPORTS[params.format]
    events = queries.all_events(db, params.to_filter())
    if params.format in BINARY_FORMATS:
        binary = io.BytesIO()
        write_events_binary(events, params.format, binary)
        body: bytes | str = binary.getvalue()
    else:
        buffer = io.StringIO()
        write_events(events, params.format, buffer)
        body = buffer.getvalue()
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/api/meta")
def meta(request: Request, db: DbSession) -> dict[str, Any]:
    """The taxonomy, the countries and date span present, and what this server allows."""
    settings = request.app.state.settings
    return {
        "event_types": {name: list(subs) for name, subs in EVENT_TYPES.items()},
        **queries.meta(db),
        "writes_enabled": bool(settings.write_token),
        "tile_url": settings.tile_url,
    }
