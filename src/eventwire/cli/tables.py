"""Plain-text table of events for the terminal."""

from __future__ import annotations

from eventwire.models import Event, Figures

COLUMNS = ("date", "type / sub-type", "actor1", "actor2", "location", "fatalities", "injuries")
WIDTHS = (10, 40, 30, 30, 24, 14, 14)


def _figures(figures: Figures) -> str:
    if figures.best is None and figures.low is None:
        return "-"
    low = "" if figures.low is None else figures.low
    high = "" if figures.high is None else figures.high
    return f"{figures.best} ({low}-{high})" if low != high else str(figures.best)


def _cells(item: Event) -> tuple[str, ...]:
    location = item.location
    place = ""
    if location:
        place = (
            location.name
            if location.name == location.country
            else f"{location.name}, {location.iso3}"
        )
    return (
        item.event_date.isoformat() if item.event_date else "?",
        f"{item.event_type} / {item.sub_event_type}",
        item.actor1.name if item.actor1 else "",
        item.actor2.name if item.actor2 else "",
        place,
        _figures(item.fatalities),
        _figures(item.injuries),
    )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(events: list[Event]) -> str:
    header = "  ".join(name.ljust(width) for name, width in zip(COLUMNS, WIDTHS, strict=True))
    lines = [header.rstrip()]
    lines.append("  ".join("-" * width for width in WIDTHS))
    for item in events:
        cells = _cells(item)
        lines.append(
            "  ".join(_clip(c, w).ljust(w) for c, w in zip(cells, WIDTHS, strict=True)).rstrip()
        )
    lines.append(f"{len(events)} event(s)")
    return "\n".join(lines)
