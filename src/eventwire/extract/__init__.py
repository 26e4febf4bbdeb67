"""Extract stage: one module per field, each registered as a pipeline component by name."""

from eventwire.extract import (
    actors,
    casualties,
    confidence,
    detect,
    event_type,
    place,
    reactions,
    scope,
    time,
)

__all__ = [
    "actors",
    "casualties",
    "confidence",
    "detect",
    "event_type",
    "place",
    "reactions",
    "scope",
    "time",
]
