"""Run the pipeline over a gold set and score it.

result = evaluate_file(Path("acled.csv"), fmt=None, published_offset=3, limit=None)
print(dataset_section(result, offset=3))   # eventwire.evaluate.report
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.evaluate.gold import GoldDocument, GoldSet
from eventwire.evaluate.readers import read_gold
from eventwire.evaluate.scoring import Scored, score_document
from eventwire.models import Document, Event
from eventwire.progress import Progress


@dataclass
class EvalResult:
    gold: GoldSet
    scored: Scored
    seconds: float
    """Wall time of the pipeline over the documents (reading and scoring excluded)."""
    predicted_events: int
    groups: dict[str, dict[str, Scored]] = field(default_factory=dict)
    """Group name ("country", "region") -> group value -> the scores of its documents."""
    predictions: dict[int, list[Event]] = field(default_factory=dict)
    """Every predicted event by index of the gold document, doubtful ones included (the
    reliability table reads them; the scores above leave the doubtful ones out)."""

    @property
    def documents(self) -> int:
        return len(self.gold.documents)

    @property
    def docs_per_second(self) -> float | None:
        return self.documents / self.seconds if self.seconds > 0 else None


def evaluate_file(
    path: Path,
    fmt: str | None = None,
    published_offset: int = 3,
    limit: int | None = None,
    pipeline: Any = None,
    progress: bool = True,
    strip_date_prefix: bool = False,
    published: date | None = None,
) -> EvalResult:
    """`published`: the date of documents that carry none and have no gold date."""
    gold = read_gold(
        path, fmt, published_offset, limit, strip_date_prefix=strip_date_prefix, published=published
    )
    return evaluate_gold(gold, pipeline, progress)


def evaluate_gold(gold: GoldSet, pipeline: Any = None, progress: bool = True) -> EvalResult:
    """Extract events from every gold document with `pipeline` (default: a `Pipeline` that keeps
    the doubtful events, flagged, for the reliability table) and score."""
    if pipeline is None:
        from eventwire.pipeline import Pipeline, PipelineConfig

        pipeline = Pipeline(PipelineConfig(keep_doubtful=True))
    predictions: dict[int, list[Event]] = {}
    meter = Progress(f"eval {gold.name}", total=len(gold.documents), unit="docs")
    if not progress:
        meter.enabled = False
    started = time.perf_counter()
    with meter:
        for index, events in _run(pipeline, gold.documents):
            predictions[index] = events
            meter.advance()
    seconds = time.perf_counter() - started
    return score_predictions(gold, predictions, seconds)


def score_predictions(
    gold: GoldSet, predictions: dict[int, list[Event]], seconds: float = 0.0
) -> EvalResult:
    """Score predicted events (by index of the gold document) against the gold set, as a whole
    and per group of documents (`GoldDocument.groups`). Doubtful events (below the pipeline's
    threshold, kept flagged) are left out of every score, as if the pipeline had dropped them."""
    kept = {index: sure_events(events) for index, events in predictions.items()}
    scored = Scored()
    groups: dict[str, dict[str, Scored]] = {}
    for index, item in enumerate(gold.documents):
        one = Scored()
        score_document(one, item, kept.get(index, []), gold.fatality_rule)
        scored.merge(one)
        for name, value in item.groups.items():
            groups.setdefault(name, {}).setdefault(value, Scored()).merge(one)
    total = sum(len(events) for events in kept.values())
    return EvalResult(gold, scored, seconds, total, groups, dict(predictions))


def sure_events(events: list[Event]) -> list[Event]:
    """The events that are not doubtful: those the pipeline keeps at its threshold."""
    return [event for event in events if not event.doubtful]


def _run(pipeline: Any, items: list[GoldDocument]) -> Iterator[tuple[int, list[Event]]]:
    """(index of the gold document, its predicted events); documents are matched back by id."""
    documents = [_with_unique_id(item.document, index) for index, item in enumerate(items)]
    for document, events in pipeline.process_many(iter(documents)):
        yield int(document.id.rsplit("#", 1)[1]), events


def _with_unique_id(document: Document, index: int) -> Document:
    return replace(document, id=f"{document.id}#{index}")
