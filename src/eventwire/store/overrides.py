"""Reviewed values that beat the machine: apply a human's field edits onto an event row.

Any code that rewrites an `EventRow` from machine output (a merge, a re-extraction) calls
`apply_overrides` afterwards, so a reviewed type, actor, place, date or figure survives it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventwire.store.schema import EventRow, OverrideRow


def _set_actor(slot: str) -> Callable[[EventRow, Any], None]:
    def apply(row: EventRow, value: Any) -> None:
        setattr(row, slot, value)
        setattr(row, f"{slot}_name", value.get("name") if value else None)

    return apply


def _set_location(row: EventRow, value: Any) -> None:
    row.location = value
    value = value or {}
    row.country = value.get("country")
    row.iso3 = value.get("iso3")
    row.latitude = value.get("latitude")
    row.longitude = value.get("longitude")


def _set_figures(prefix: str) -> Callable[[EventRow, Any], None]:
    def apply(row: EventRow, value: Any) -> None:
        value = value or {}
        for part in ("low", "best", "high"):
            setattr(row, f"{prefix}_{part}", value.get(part))

    return apply


def _set_date(row: EventRow, value: Any) -> None:
    row.event_date = date.fromisoformat(value) if value else None


def _set_plain(name: str) -> Callable[[EventRow, Any], None]:
    def apply(row: EventRow, value: Any) -> None:
        setattr(row, name, value)

    return apply


SETTERS: dict[str, Callable[[EventRow, Any], None]] = {
    "event_type": _set_plain("event_type"),
    "sub_event_type": _set_plain("sub_event_type"),
    "event_date": _set_date,
    "date_precision": _set_plain("date_precision"),
    "actor1": _set_actor("actor1"),
    "actor2": _set_actor("actor2"),
    "location": _set_location,
    "fatalities": _set_figures("fatalities"),
    "injuries": _set_figures("injuries"),
}
"""The reviewable fields, named as in the event record, with how each lands on the row."""


def apply_overrides(session: Session, event_id: str) -> None:
    """Write every reviewed value stored for `event_id` onto its row (in the caller's session)."""
    row = session.get(EventRow, event_id)
    if row is None:
        return
    overrides = session.scalars(select(OverrideRow).where(OverrideRow.event_id == event_id)).all()
    for override in overrides:
        SETTERS[override.field](row, override.value)
