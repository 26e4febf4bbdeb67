"""Benchmark: `python -m eventwire.bench.batch [CORPUS...] [--docs N] [--repeats R]`.

Runs `eventwire batch` (processes scheduler) over a corpus cycled to N documents (each copy its
own id), with 1 worker and with 2, alternating, R runs each, and prints the median articles/s of
each, the ratio 2 workers / 1 worker, and the peak RSS of the driver and of a worker. Each run
stores into a fresh temporary SQLite database with dedup off (every copy of an article is the same
event, so dedup would measure merging the same event 50 times, not an archive). The time is the
whole run as a user sees it: starting the worker processes, loading the model in each, reading,
processing and storing; the warm rate counts only what came back after every worker had returned
its first partition (start-up behind, as in a long archive).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
from pathlib import Path

from eventwire.batch import BatchOptions, BatchTotals, run_batch
from eventwire.bench.pipeline import load_corpus, peak_rss_mb
from eventwire.models import Document
from eventwire.progress import Progress

DEFAULT_CORPUS = "samples/bench/articles.jsonl"


def write_jsonl(documents: list[Document], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for document in documents:
            record = {
                "id": document.id,
                "title": document.title,
                "url": document.url,
                "published": document.published.isoformat() if document.published else None,
                "source": document.source,
                "text": document.text,
            }
            handle.write(json.dumps(record) + "\n")


def one_run(corpus: Path, workers: int, partition_size: int, database: Path) -> BatchTotals:
    from eventwire.store import Store

    store = Store(f"sqlite:///{database}")
    store.dedup_enabled = False
    options = BatchOptions(workers=workers, partition_size=partition_size)
    quiet = Progress("batch", stream=io.StringIO())
    totals = run_batch([str(corpus)], store, options, lambda line: print(line), quiet)
    store.engine.dispose()
    database.unlink()
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="eventwire-bench-batch", description=__doc__)
    parser.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS], help="input documents")
    parser.add_argument("--docs", type=int, default=600, help="documents per run (cycled)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per worker count")
    parser.add_argument("--partition-size", type=int, default=32, help="documents per partition")
    args = parser.parse_args(argv)

    documents = load_corpus(args.corpus, args.docs)
    rates: dict[int, list[float]] = {1: [], 2: []}
    warm: dict[int, list[float]] = {1: [], 2: []}
    worker_peak = 0.0
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-batch-") as folder:
        scratch = Path(folder)
        corpus = scratch / "corpus.jsonl"
        write_jsonl(documents, corpus)
        for run in range(args.repeats):
            for workers in rates:
                database = scratch / f"run-{run}-{workers}.db"
                totals = one_run(corpus, workers, args.partition_size, database)
                assert totals.stored == len(documents), totals
                rates[workers].append(totals.rate)
                warm[workers].append(totals.warm_rate or 0.0)
                worker_peak = max(worker_peak, *totals.worker_peak_rss_mb.values())
    one, two = (statistics.median(rates[w]) for w in (1, 2))
    warm_one, warm_two = (statistics.median(warm[w]) for w in (1, 2))
    print(
        f"corpus: {len(documents)} documents from {', '.join(args.corpus)}; {args.repeats} runs "
        f"per worker count; partitions of {args.partition_size}; processes scheduler; temporary "
        "SQLite store, dedup off"
    )
    for workers, label in ((1, "1 worker "), (2, "2 workers")):
        shown = ", ".join(f"{rate:.1f}" for rate in rates[workers])
        print(
            f"{label}: {statistics.median(rates[workers]):.1f} articles/s end to end (median of "
            f"{shown}); {statistics.median(warm[workers]):.1f}/s once every worker is warm"
        )
    ratio = f"{two / one:.2f}x end to end, {warm_two / warm_one:.2f}x warm"
    print(f"ratio 2 workers / 1 worker: {ratio}")
    print(f"peak RSS: driver {peak_rss_mb():.0f} MB, worker {worker_peak:.0f} MB")


if __name__ == "__main__":
    main()
