"""Calendar arithmetic for the date rules: weekdays, yearless dates, month shifts."""

from __future__ import annotations

from datetime import date, timedelta


def weekday_before(published: date, weekday: int, strict: bool = False) -> date:
    delta = (published.weekday() - weekday) % 7
    return published - timedelta(days=delta or (7 if strict else 0))


def weekday_after(published: date, weekday: int) -> date:
    return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)


def recent_day(published: date, month: int, day: int, tolerance: int) -> date | None:
    """The most recent `day month` on or before publication (plus tolerance)."""
    limit = published + timedelta(days=tolerance)
    for year in (published.year + 1, published.year, published.year - 1, published.year - 4):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            return candidate
    return None


def shift_month(anchor: date, months: int) -> tuple[int, int]:
    index = anchor.year * 12 + anchor.month - 1 + months
    return index // 12, index % 12 + 1


def capped(value: date, published: date | None) -> date:
    return min(value, published) if published else value


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
