"""Interceptions: ACLED's actor1 is the side that intercepted, the launcher is actor2.

"Rockets fired from Gaza toward Ashkelon were intercepted", "drones were shot down over the
capital": a report of projectiles stopped in the air names the launcher and often leaves the
interceptor unsaid; it is the forces of the country they were fired at (the event's country).
Words: data/actors.toml, [roles] interception and projectiles.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.rules import fill_name
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor

STATE_INTER = 1
FORCES = "Military Forces of {country}"


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    roles = load_toml("actors.toml")["roles"]
    return tuple(  # type: ignore[return-value]
        re.compile(r"\b(?:" + "|".join(roles[key]) + r")\b", re.IGNORECASE)
        for key in ("interception", "projectiles")
    )


def intercepted(frame: EventFrame) -> bool:
    """A sentence of the event stops projectiles in the air."""
    stop, things = _words()
    return any(stop.search(s.text) and things.search(s.text) for s in frame.sentences)


def interceptor_first(frame: EventFrame, country: str | None) -> None:
    """Make the country's forces actor1 of an interception the launcher would otherwise head."""
    first = frame.actor1
    if country is None or first is None or not intercepted(frame):
        return
    forces = fill_name(FORCES, country)
    if first.inter == STATE_INTER and first.name.startswith(forces):
        return
    second = frame.actor2
    if second is not None and second.inter == STATE_INTER and second.name.startswith(forces):
        frame.actor1, frame.actor2 = second, first
    else:
        frame.actor1, frame.actor2 = Actor(forces, STATE_INTER, []), first
    frame.notes.append("actors: interception; the forces of the country fired at intercepted")
