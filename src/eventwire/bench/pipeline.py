"""Benchmark: `python -m eventwire.bench.pipeline CORPUS [CORPUS...] [--docs N] [--repeats R]`.

Runs the whole pipeline (ingest excluded: documents are read once) over a corpus of input
documents and prints the median articles/s over R runs, p50/p95 per-article latency, eventwire's
peak RSS, and the same corpus through the full spaCy sm pipeline (all components) on whole texts as
a baseline measured in the same invocation (machines here are noisy: compare the ratio).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import cycle, islice

from eventwire.ingest import InputError, read_inputs
from eventwire.models import Document


def load_corpus(paths: list[str], count: int) -> list[Document]:
    documents = [d for d in read_inputs(paths) if not isinstance(d, InputError)]
    if not documents:
        sys.exit("eventwire bench: the corpus holds no readable document")
    return [
        replace(document, id=f"{document.id}-{number}")
        for number, document in enumerate(islice(cycle(documents), count))
    ]


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def throughput(documents: list[Document], repeats: int) -> tuple[float, float, float]:
    """Median articles/s of eventwire and of the full spaCy pipeline on whole texts, and the
    peak RSS in MB before the baseline model was loaded (eventwire's own footprint)."""
    import spacy

    from eventwire.nlp.model import ENGLISH_MODELS, installed_model
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.process(documents[0])  # warm caches (model, gazetteer, lexicons)

    def ours() -> None:
        for _ in pipeline.process_many(documents):
            pass

    our_times = [timed(ours) for _ in range(repeats)]
    our_peak_mb = peak_rss_mb()
    full = spacy.load(installed_model(ENGLISH_MODELS) or ENGLISH_MODELS[0])

    def baseline() -> None:
        for _ in full.pipe(d.text for d in documents):
            pass

    base_times = [timed(baseline) for _ in range(repeats)]
    count = len(documents)
    return (
        count / statistics.median(our_times),
        count / statistics.median(base_times),
        our_peak_mb,
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latencies(documents: list[Document]) -> list[float]:
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    return [timed(lambda d=d: pipeline.process(d)) * 1000 for d in documents]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="eventwire-bench", description=__doc__)
    parser.add_argument("corpus", nargs="+", help="input documents (JSONL, .txt, .html, feeds)")
    parser.add_argument("--docs", type=int, default=300, help="documents per run (cycled)")
    parser.add_argument("--repeats", type=int, default=3, help="runs; the median is reported")
    args = parser.parse_args(argv)

    documents = load_corpus(args.corpus, args.docs)
    per_article = latencies(documents[: min(100, len(documents))])
    ours, baseline, peak_mb = throughput(documents, args.repeats)
    print(f"corpus: {len(documents)} documents from {', '.join(args.corpus)}; {args.repeats} runs")
    print(f"eventwire end to end: {ours:.1f} articles/s (median, batched, 1 process)")
    print(f"baseline, full spaCy sm on whole texts: {baseline:.1f} articles/s (median)")
    print(f"ratio eventwire / baseline: {ours / baseline:.2f}x")
    print(
        f"per-article latency (unbatched): p50 {percentile(per_article, 0.5):.1f} ms, "
        f"p95 {percentile(per_article, 0.95):.1f} ms"
    )
    print(f"peak RSS of eventwire (before the baseline model is loaded): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
