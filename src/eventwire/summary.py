"""One-sentence, ACLED `notes`-style summary of an event, built from its fields."""

from __future__ import annotations

from eventwire.models import Event

_VERBS = {
    "Battles": "clashed with",
    "Violence against civilians": "attacked",
    "Explosions/Remote violence": "struck",
    "Protests": "protested",
    "Riots": "rioted",
    "Strategic developments": "acted against",
}
_INTRANSITIVE = {"Protests", "Riots"}


def summarize(event: Event) -> str:
    when = f"On {event.event_date:%d %B %Y}" if event.event_date else "On an unknown date"
    where = ""
    if event.location:
        place = event.location.name
        if event.location.country and event.location.country != place:
            place = f"{place}, {event.location.country}"
        where = f" in {place}"
    actor1 = event.actor1.name if event.actor1 else "unidentified actors"
    verb = _VERBS.get(event.event_type, "acted")
    target = (
        f" {event.actor2.name}" if event.actor2 and event.event_type not in _INTRANSITIVE else ""
    )
    sentence = f"{when}, {actor1} {verb}{target}{where}."
    return sentence + _toll(event)


def _toll(event: Event) -> str:
    parts = []
    for label, figures in (("fatalities", event.fatalities), ("injuries", event.injuries)):
        if figures.best is None:
            continue
        spread = ""
        if figures.low is not None and figures.high is not None and figures.low != figures.high:
            spread = f" (reported {figures.low}-{figures.high})"
        parts.append(f"{figures.best} {label}{spread}")
    return (" " + "; ".join(parts) + ".") if parts else ""
