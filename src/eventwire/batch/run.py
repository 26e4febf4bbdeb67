"""The driver of a batch: read documents lazily, process them on dask.bag partitions, store them.

Documents are read in the driver (by the `eventwire.ingest` readers), in waves of `WAVE` x workers
partitions of `partition_size` documents, so memory holds one wave however large the archive.
Each wave is one dask.bag whose partitions a worker turns into event records
(`worker.process_partition`). As partitions finish, the driver saves them in input order, one
transaction per partition, by `Store.save_many`: the store ends up as `eventwire ingest` leaves it
(dedup decisions see earlier documents first, as in a sequential run). A partition that fails in
its worker or in its write stores nothing: each of its documents gets a one-line error, and a
later run retries them (documents already stored are skipped).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from eventwire.batch.inputs import chunked, count_documents, read_all
from eventwire.batch.worker import PartitionResult, WorkerSettings, process_partition
from eventwire.ingest import InputError
from eventwire.models import Document, Event
from eventwire.progress import Progress, describe_error
from eventwire.store import Store

SCHEDULERS = ("processes", "threads", "sync")
WAVE = 8
"""Partitions per worker in one wave: enough to keep workers busy, few enough to bound memory."""
Report = Callable[[str], None]


@dataclass(frozen=True)
class BatchOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    partition_size: int = 32
    scheduler: str = "processes"
    published: date | None = None
    settings: WorkerSettings = field(default_factory=WorkerSettings)


@dataclass
class BatchTotals:
    read: int = 0
    """Documents read and not failed (as `ingest` counts them: 0 means nothing processed)."""
    failed: int = 0
    """Inputs that could not be read, documents that could not be processed or stored."""
    stored: int = 0
    events: int = 0
    skipped: int = 0
    """Documents already stored (before the run or earlier in it)."""
    processed: int = 0
    """Documents the workers processed."""
    started: float = field(default_factory=time.perf_counter)
    elapsed: float = 0.0
    warm: tuple[float, int] | None = None
    """(seconds, documents returned) when every worker had returned a partition: their start-up
    (process start, model load) is behind, so the rate after it is the one of a long archive."""
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)
    """Peak RSS of each worker process (by pid), as its last partition reported it."""
    pipelines_built: dict[int, int] = field(default_factory=dict)
    """Pipelines each worker process built (1 when the model was loaded once per worker)."""

    @property
    def rate(self) -> float:
        return self.processed / self.elapsed if self.elapsed else 0.0

    @property
    def warm_rate(self) -> float | None:
        """Articles/s once every worker had returned a partition (None if nothing came after)."""
        if self.warm is None or self.elapsed <= self.warm[0] or self.processed == self.warm[1]:
            return None
        return (self.processed - self.warm[1]) / (self.elapsed - self.warm[0])


def run_batch(
    inputs: list[str], store: Store, options: BatchOptions, report: Report, progress: Progress
) -> BatchTotals:
    """Process and store every document of `inputs`; errors go to `report`, one line each."""
    totals = BatchTotals()
    if progress.enabled:
        progress.total = count_documents(inputs, options.published)
    fresh = _fresh_documents(inputs, options.published, store, totals, report, progress)
    workers = 1 if options.scheduler == "sync" else options.workers
    wave_size = options.partition_size * WAVE * workers
    processes = options.workers if options.scheduler == "processes" else 1
    with _scheduler(options) as compute_options:
        for wave in chunked(fresh, wave_size):
            partitions = chunk_list(wave, options.partition_size)
            writer = _Writer(store, partitions, totals, report, processes)
            _compute_wave(wave, options, compute_options, writer, progress)
    totals.elapsed = time.perf_counter() - totals.started
    return totals


def chunk_list(documents: list[Document], size: int) -> list[list[Document]]:
    """The partitions `dask.bag.from_sequence(documents, partition_size=size)` makes."""
    return [documents[start : start + size] for start in range(0, len(documents), size)]


def _fresh_documents(
    inputs: list[str],
    published: date | None,
    store: Store,
    totals: BatchTotals,
    report: Report,
    progress: Progress,
) -> Iterator[Document]:
    """Readable documents not stored yet; unreadable inputs are reported, stored ones counted."""
    for item in read_all(inputs, published):
        if isinstance(item, InputError):
            report(str(item))
            totals.failed += 1
            continue
        totals.read += 1
        if store.has_document(item.id):
            totals.skipped += 1
            progress.advance()
        else:
            yield item


@contextmanager
def _scheduler(options: BatchOptions) -> Iterator[dict[str, Any]]:
    """dask.compute options; the process pool lives for the whole run, so each worker process
    loads the model once, not once per wave."""
    if options.scheduler == "processes":
        from dask.multiprocessing import get_context

        with ProcessPoolExecutor(options.workers, mp_context=get_context()) as pool:
            yield {"scheduler": "processes", "pool": pool, "chunksize": 1}
    elif options.scheduler == "threads":
        yield {"scheduler": "threads", "num_workers": options.workers}
    else:
        yield {"scheduler": "sync"}


def _compute_wave(
    wave: list[Document],
    options: BatchOptions,
    compute_options: dict[str, Any],
    writer: _Writer,
    progress: Progress,
) -> None:
    import dask
    import dask.bag as db
    from dask.callbacks import Callback

    bag = db.from_sequence(wave, partition_size=options.partition_size)
    parts = bag.map_partitions(process_partition, options.settings).to_delayed()
    if len(parts) != len(writer.partitions):
        raise RuntimeError(f"dask made {len(parts)} partitions, expected {len(writer.partitions)}")
    index = {part.key: number for number, part in enumerate(parts)}

    def finished(key: Any, result: Any, *_: Any) -> None:
        if key in index:
            progress.advance(writer.accept(index[key], result[0]))

    with Callback(start_state=_in_input_order, posttask=finished):
        dask.compute(*parts, **compute_options)


def _in_input_order(_graph: Any, state: dict[str, Any]) -> None:
    """Hand partitions to workers first to last (dask's own order may start from the last), so
    the writer, which saves them in input order, seldom has to hold finished ones back."""
    # The local schedulers pop the ready list from its end; its keys are (name, partition).
    state["ready"].sort(key=lambda key: key[1] if isinstance(key, tuple) else 0, reverse=True)


class _Writer:
    """Saves a wave's partitions in input order as they finish (later ones wait in a buffer)."""

    def __init__(
        self,
        store: Store,
        partitions: list[list[Document]],
        totals: BatchTotals,
        report: Report,
        processes: int = 1,
    ) -> None:
        self.store = store
        self.partitions = partitions
        self.totals = totals
        self.report = report
        self.waiting: dict[int, PartitionResult] = {}
        self.next = 0
        self.processes = processes
        """Worker processes expected to report (to tell when all of them are warm)."""
        self.returned = 0

    def accept(self, number: int, result: PartitionResult) -> int:
        """Take partition `number`'s result; returns how many documents were settled now."""
        self.totals.worker_peak_rss_mb[result["worker"]] = result["peak_rss_mb"]
        self.totals.pipelines_built[result["worker"]] = result["pipelines_built"]
        self.waiting[number] = result
        self.returned += len(self.partitions[number]) if result["failed"] is None else 0
        if self.totals.warm is None and len(self.totals.pipelines_built) >= self.processes:
            self.totals.warm = (time.perf_counter() - self.totals.started, self.returned)
        settled = 0
        while self.next in self.waiting:
            settled += self._settle(self.partitions[self.next], self.waiting.pop(self.next))
            self.next += 1
        return settled

    def _settle(self, documents: list[Document], result: PartitionResult) -> int:
        if result["failed"] is not None:
            self._fail(documents, f"partition failed: {result['failed']}")
            return len(documents)
        self.totals.processed += len(documents)
        items: list[tuple[Document, list[Event]]] = []
        for document, outcome in zip(documents, result["outcomes"], strict=True):
            if "error" in outcome:
                self._fail([document], outcome["error"])
            else:
                items.append((document, [Event.from_record(r) for r in outcome["events"]]))
        try:
            saved = self.store.save_many(items)
        except SQLAlchemyError as error:
            self._fail([d for d, _ in items], f"partition rolled back: {describe_error(error)}")
            return len(documents)
        for (_document, events), new in zip(items, saved, strict=True):
            self.totals.stored += new
            self.totals.events += len(events) if new else 0
            self.totals.skipped += not new
        return len(documents)

    def _fail(self, documents: list[Document], reason: str) -> None:
        for document in documents:
            self.report(f"eventwire: {document.origin}: not processed ({reason})")
        self.totals.read -= len(documents)
        self.totals.failed += len(documents)
