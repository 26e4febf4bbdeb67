"""Human review: field edits, merges and splits, each kept as an audit record.

An edit writes an `AuditRow` (who, when, field, before, after, why) and an `OverrideRow` holding
the reviewed value, then applies the overrides, so the value survives a later re-extraction or
merge (`overrides.apply_overrides`). Merges and splits go through `store.merging` in the same
transaction as their audit records.

    edit_event(store, "ev-1", {"fatalities": {"best": 40}}, user="ana", reason="MoH figure")
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from eventwire.models import EVENT_TYPES, Actor, Location
from eventwire.store.loading import load_event
from eventwire.store.merging import merge_events, split_merge
from eventwire.store.overrides import SETTERS, apply_overrides
from eventwire.store.repository import Store
from eventwire.store.schema import AuditRow, EventMergeRow, EventRow, OverrideRow
from eventwire.summary import summarize

REVIEWABLE = tuple(SETTERS)
FIGURE_PARTS = ("low", "best", "high")


class ReviewError(ValueError):
    """An edit that cannot be applied as asked (the message says why)."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# --- edits -----------------------------------------------------------------------------------


def edit_event(
    store: Store, event_id: str, changes: dict[str, Any], *, user: str, reason: str
) -> list[int]:
    """Apply reviewed `changes` to an event; returns the ids of the audit records written.

    Raises KeyError for an unknown event and ReviewError for an invalid change."""
    with store.session.begin() as session:
        return edit_in_session(session, event_id, changes, user=user, reason=reason)


def edit_in_session(
    session: Session, event_id: str, changes: dict[str, Any], *, user: str, reason: str
) -> list[int]:
    current = load_event(session, event_id).to_record()
    values = normalize_changes(current, changes)
    written = []
    for field, after in values.items():
        before = current[field]
        if before == after:
            continue
        audit = AuditRow(
            event_id=event_id,
            user=user,
            at=_now(),
            action="edit",
            field=field,
            before=before,
            after=after,
            reason=reason,
        )
        session.add(audit)
        session.flush()
        _set_override(session, event_id, field, after, audit.id)
        written.append(audit.id)
    if written:
        apply_overrides(session, event_id)
        _refresh_summary(session, event_id)
    return written


def _set_override(session: Session, event_id: str, field: str, value: Any, audit_id: int) -> None:
    override = session.get(OverrideRow, (event_id, field))
    if override is None:
        session.add(OverrideRow(event_id=event_id, field=field, value=value, audit_id=audit_id))
    else:
        override.value, override.audit_id = value, audit_id
    session.flush()


def _refresh_summary(session: Session, event_id: str) -> None:
    """The summary restates type, actors, place, date and figures: rewrite it after an edit."""
    row = session.get(EventRow, event_id)
    if row is not None:
        row.summary = summarize(load_event(session, event_id))
        session.flush()


def normalize_changes(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` as the record values an override stores; ReviewError when one is invalid."""
    unknown = sorted(set(changes) - set(REVIEWABLE))
    if unknown:
        raise ReviewError(f"not reviewable: {', '.join(unknown)}; allowed: {', '.join(REVIEWABLE)}")
    values: dict[str, Any] = {}
    for field, value in changes.items():
        values[field] = _normalize(field, value, current)
    _check_taxonomy(
        values.get("event_type", current["event_type"]),
        values.get("sub_event_type", current["sub_event_type"]),
        touched="event_type" in values or "sub_event_type" in values,
    )
    return values


def _normalize(field: str, value: Any, current: dict[str, Any]) -> Any:
    if field in ("actor1", "actor2"):
        return _actor(value, current[field])
    if field == "location":
        return _location(value)
    if field in ("fatalities", "injuries"):
        return _figures(field, value, current[field])
    if field == "event_date":
        return _date(value)
    if field == "date_precision" and value not in ("day", "week", "month", "year", None):
        raise ReviewError("date_precision must be one of day, week, month, year")
    if field in ("event_type", "sub_event_type") and not isinstance(value, str):
        raise ReviewError(f"{field} must be a string")
    return value


def _actor(value: Any, before: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    name = str(value.get("name") or "").strip()
    if not name:
        raise ReviewError("an actor needs a name (or null to clear it)")
    aliases = before["aliases_seen"] if before and before.get("name") == name else []
    return Actor(name=name, inter=value.get("inter"), aliases_seen=list(aliases)).to_record()


def _location(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not str(value.get("name") or "").strip():
        raise ReviewError("a location needs a name (or null to clear it)")
    known = set(Location.__dataclass_fields__)
    return Location(**{key: val for key, val in value.items() if key in known}).to_record()


def _figures(field: str, value: Any, before: dict[str, Any]) -> dict[str, Any]:
    """Parts not given keep their value, widened so that low <= best <= high still holds."""
    given = {part: value[part] for part in FIGURE_PARTS if part in value}
    for part, number in given.items():
        if number is not None and (not isinstance(number, int) or number < 0):
            raise ReviewError(f"{field}.{part} must be a whole number >= 0 or null")
    merged = {**before, **given}
    low, best, high = (merged[part] for part in FIGURE_PARTS)
    if best is not None:
        if "low" not in given and low is not None and low > best:
            low = best
        if "high" not in given and high is not None and high < best:
            high = best
    present = [number for number in (low, best, high) if number is not None]
    if present != sorted(present):
        raise ReviewError(f"{field} must satisfy low <= best <= high")
    return {"low": low, "best": best, "high": high}


def _date(value: Any) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ReviewError(f"event_date must be an ISO date (YYYY-MM-DD), not {value!r}") from None


def _check_taxonomy(event_type: str, sub_event_type: str, *, touched: bool) -> None:
    if not touched:
        return
    if event_type not in EVENT_TYPES:
        raise ReviewError(f"unknown event_type {event_type!r}; one of: {', '.join(EVENT_TYPES)}")
    allowed = EVENT_TYPES[event_type]
    if sub_event_type not in allowed:
        raise ReviewError(
            f"sub_event_type {sub_event_type!r} is not a sub-type of {event_type!r}; "
            f"one of: {', '.join(allowed)}"
        )


# --- merges and splits -----------------------------------------------------------------------


def merge_with_audit(store: Store, keep_id: str, other_id: str, *, user: str, reason: str) -> int:
    """Fold `other_id` into `keep_id` as a human decision; returns the merge id."""
    with store.session.begin() as session:
        merge_id = merge_events(session, keep_id, other_id, by=user, reasons={"reason": reason})
        after = {"kept_event_id": keep_id, "merge_id": merge_id}
        for event_id in (keep_id, other_id):
            before = {"absorbed_event_id": other_id}
            _audit(session, event_id, user, "merge", before, after, reason)
        return merge_id


def split_with_audit(store: Store, merge_id: int, *, user: str, reason: str) -> str:
    """Undo merge `merge_id`; returns the restored event's id."""
    with store.session.begin() as session:
        record = session.get(EventMergeRow, merge_id)
        if record is None:
            raise KeyError(f"no merge {merge_id}")
        kept = record.event_id
        restored = split_merge(session, merge_id, by=user)
        after = {"kept_event_id": kept, "restored_event_id": restored}
        for event_id in (kept, restored):
            _audit(session, event_id, user, "split", {"merge_id": merge_id}, after, reason)
        return restored


def _audit(
    session: Session, event_id: str, user: str, action: str, before: Any, after: Any, why: str
) -> None:
    session.add(
        AuditRow(
            event_id=event_id,
            user=user,
            at=_now(),
            action=action,
            field=None,
            before=before,
            after=after,
            reason=why,
        )
    )
    session.flush()


def history(session: Session, event_id: str) -> list[AuditRow]:
    """Audit records of an event, oldest first."""
    return list(
        session.scalars(
            select(AuditRow).where(AuditRow.event_id == event_id).order_by(AuditRow.id)
        ).all()
    )
