"""Confidence: how sure eventwire is that a frame reports a real event, correctly typed.

Runs last. It reads the evidence the other steps left: the detection's anchors (how literal the
act is, and whether the article is about something else), whether the event got a date, a place
and a named actor, casualty claims, and the event-type rule's own certainty. Weights and bias
are data (data/confidence.toml); the score is their logistic, so that a threshold on it
(`--min-confidence`) keeps or flags events (see the reliability table in docs/accuracy.md).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Any

from eventwire.data import load_toml
from eventwire.extract.detect import DETECTION, Detection
from eventwire.extract.frame import EventFrame
from eventwire.registry import register

MAX_MORE_ANCHORS = 2
LEDE = 3
"""Sentences this early state an article's main event."""
GENERIC_ACTORS = ("Unidentified", "Rioters", "Protesters", "Civilians")
"""Actor names that a crowd or a victim gets by default: they name nobody in particular."""


@cache
def weights() -> dict[str, Any]:
    return load_toml("confidence.toml")


def default_threshold() -> float:
    """The confidence below which an event is doubtful, chosen from the reliability table."""
    return float(weights()["threshold"])


def evidence(frame: EventFrame, type_certainty: float) -> dict[str, float]:
    """The weight of each piece of evidence present in the frame, by name."""
    table = weights()
    found: dict[str, float] = {}
    detection = frame.memo.get(DETECTION)
    if isinstance(detection, Detection) and detection.anchors:
        best = max(detection.anchors, key=lambda kind: table["anchor"][kind])
        found[f"anchor:{best}"] = table["anchor"][best]
        more = min(MAX_MORE_ANCHORS, len(detection.anchors) - 1)
        if more:
            found["more_anchors"] = more * table["anchor"]["more_anchors"]
        if detection.first_anchor < LEDE:
            found["lede"] = table["anchor"]["lede"]
        if detection.other_news:
            found["other_news"] = table["context"]["other_news"]
    fields = table["fields"]
    found.update(_place(frame, fields))
    found["date" if frame.event_date else "no_date"] = fields[
        "date" if frame.event_date else "no_date"
    ]
    if frame.actor1 and not frame.actor1.name.startswith(GENERIC_ACTORS):
        found["named_actor"] = fields["named_actor"]
    if frame.claims:
        found["casualties"] = fields["casualties"]
    found["type_rule"] = fields["type_rule"] * type_certainty
    return found


def _place(frame: EventFrame, fields: dict[str, float]) -> dict[str, float]:
    location = frame.location
    if location is None:
        return {"no_place": fields["no_place"]}
    if location.geo_precision in (1, 2):
        return {"town": fields["town"]}
    if location.geo_precision == 3:
        return {"region": fields["region"]}
    return {"country_only": fields["country_only"]}


def score(frame: EventFrame, type_certainty: float) -> float:
    total = weights()["bias"] + sum(evidence(frame, type_certainty).values())
    return 1.0 / (1.0 + math.exp(-total))


def assess(frame: EventFrame) -> None:
    """Replace the event-type rule's certainty in `frame.confidence` by the frame's confidence,
    and note the evidence it rests on."""
    certainty = frame.confidence
    found = evidence(frame, certainty)
    frame.confidence = round(score(frame, certainty), 3)
    listed = ", ".join(f"{name} {value:+.1f}" for name, value in sorted(found.items()))
    frame.notes.append(f"confidence {frame.confidence}: {listed}")


@register("confidence")
def make_confidence() -> Callable[[EventFrame], None]:
    return assess
