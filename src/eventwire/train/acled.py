"""Training rows from an ACLED export: the notes, labelled "Event type|Sub-event type"."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

from eventwire.extract.event_type import NaiveBayes
from eventwire.models import EVENT_TYPES

SEPARATOR = "|"


def read_training_rows(path: Path) -> Iterator[tuple[str, str]]:
    """(notes, label) for every ACLED row with notes and a known event type."""
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            notes = (row.get("notes") or "").strip()
            event_type = (row.get("event_type") or "").strip()
            sub = (row.get("sub_event_type") or "").strip()
            if notes and event_type in EVENT_TYPES and sub:
                yield notes, f"{event_type}{SEPARATOR}{sub}"


def train_acled(
    path: Path, holdout: float = 0.0, seed: int = 13
) -> tuple[NaiveBayes, dict[str, float]]:
    """Fit on the export; with `holdout` > 0, also measure on that share of rows kept aside."""
    rows = list(read_training_rows(path))
    if not rows:
        raise ValueError(f"{path}: no ACLED rows with notes, event_type and sub_event_type")
    random.Random(seed).shuffle(rows)
    cut = int(len(rows) * holdout)
    test, train = rows[:cut], rows[cut:]
    model = NaiveBayes().fit((t for t, _ in train), (label for _, label in train))
    stats: dict[str, float] = {"rows": len(train)}
    if test:
        predicted = [model.predict(text)[0] for text, _ in test]
        same_type = sum(
            p.split(SEPARATOR)[0] == g.split(SEPARATOR)[0]
            for p, (_, g) in zip(predicted, test, strict=True)
        )
        same_sub = sum(p == g for p, (_, g) in zip(predicted, test, strict=True))
        stats.update(held_out=len(test), event_type=same_type / len(test))
        stats["sub_event_type"] = same_sub / len(test)
    return model, stats
