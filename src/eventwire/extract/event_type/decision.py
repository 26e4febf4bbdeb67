"""What every event-type rule shares: the decision record, the actor classes, feature presence."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.extract.event_type.rules import Scores
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor

UNIDENTIFIED = "Unidentified Armed Group ({country})"
ARMED = frozenset({1, 2, 3, 4, 8})
NON_STATE = frozenset({2, 3, 4, 8})
PRESENT = 0.25
"""A feature counts when its score reaches this (a late sentence alone weighs ~0.3)."""


@dataclass(frozen=True)
class Decision:
    event_type: str
    sub_event_type: str
    confidence: float
    reason: str


def inter(actor: Actor | None) -> int | None:
    return actor.inter if actor else None


def unidentified(actor: Actor | None) -> bool:
    """An "Unidentified Armed Group (...)", named so by the report or assumed."""
    return actor is not None and actor.name.startswith(UNIDENTIFIED.split(" (")[0])


def guessed(actor: Actor | None) -> bool:
    """An armed group the actors step assumed because the report names no attacker."""
    return unidentified(actor) and not actor.aliases_seen  # type: ignore[union-attr]


def hurt(s: Scores) -> bool:
    return s.get("lethal") >= PRESENT or s.get("harm") >= PRESENT


def sure(frame: EventFrame, base: float) -> float:
    known = sum(1 for actor in (frame.actor1, frame.actor2) if actor is not None)
    return base * (0.8 + 0.1 * known)
