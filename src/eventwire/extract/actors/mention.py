"""One actor matched in a sentence: the record the actor steps share (extractor, allies)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.extract.actors.rules import ActorEntry


@dataclass
class Mention:
    entry: ActorEntry
    name: str
    inter: int
    surface: str
    role: str | None
    score: float
    clash_side: bool = False
    """Named as a side of a clash ("clashes with X", "fighting between X and Y")."""
