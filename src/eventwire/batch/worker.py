"""The worker side of a batch: one partition of documents in, plain picklable records out.

A worker never touches the store. It returns, for each document of its partition and in the same
order, either the event records (`Event.to_record()`) or the reason it failed; the driver saves
them. The pipeline (and with it the spaCy model) is built once per worker process and config.
"""

from __future__ import annotations

import os
import resource
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

from eventwire.models import Document, Event
from eventwire.progress import describe_error

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build its pipeline; hashable, so it keys the per-process cache."""

    country: str | None = None
    min_confidence: float | None = None
    """None: the pipeline's default threshold."""
    keep_doubtful: bool = False

    def build(self) -> Pipeline:
        from eventwire.pipeline import pipeline_for

        return pipeline_for(self.country, self.min_confidence, self.keep_doubtful)


class Outcome(TypedDict, total=False):
    events: list[dict[str, Any]]
    error: str


class PartitionResult(TypedDict):
    outcomes: list[Outcome]
    """One per document of the partition, in its order (empty when the partition failed)."""
    failed: str | None
    """Why the whole partition failed, or None."""
    worker: int
    pipelines_built: int
    """Pipelines this worker process has built so far: one per config, however many partitions."""
    peak_rss_mb: float


_PIPELINES: dict[tuple[WorkerSettings, int], Pipeline] = {}


def pipeline_for(settings: WorkerSettings) -> Pipeline:
    """This worker's pipeline for `settings`, built on first use. A process worker runs its tasks
    in its main thread, so that is one pipeline per process; the threads scheduler gets one per
    thread, since a pipeline is not meant to be shared by threads (the spaCy model is shared)."""
    key = (settings, threading.get_ident())
    if key not in _PIPELINES:
        _PIPELINES[key] = settings.build()
    return _PIPELINES[key]


def event_record(event: Event) -> dict[str, Any]:
    # to_record() rounds the confidence for the contract; the store keeps it unrounded, so the
    # exact value travels too and a batch stores what `ingest` stores.
    return {**event.to_record(), "confidence": event.confidence}


def process_documents(documents: list[Document], settings: WorkerSettings) -> list[Outcome]:
    """An outcome per document, in order: `process_many` yields or reports each one in turn."""
    outcomes: list[Outcome] = []

    def failed(_document: Document, error: Exception) -> None:
        outcomes.append({"error": describe_error(error)})

    for _document, events in pipeline_for(settings).process_many(documents, on_error=failed):
        outcomes.append({"events": [event_record(event) for event in events]})
    if len(outcomes) != len(documents):
        raise RuntimeError(f"{len(outcomes)} outcomes for {len(documents)} documents")
    return outcomes


def process_partition(documents: list[Document], settings: WorkerSettings) -> list[PartitionResult]:
    """The dask task: a bag partition of documents becomes a partition holding one result."""
    try:
        outcomes, failed = process_documents(list(documents), settings), None
    except Exception as error:  # the driver reports every document of the partition
        outcomes, failed = [], describe_error(error)
    return [
        {
            "outcomes": outcomes,
            "failed": failed,
            "worker": os.getpid(),
            "pipelines_built": len(_PIPELINES),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    ]
