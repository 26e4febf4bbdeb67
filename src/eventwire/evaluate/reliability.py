"""The reliability table: how often an event of a given confidence is real, over a whole run.

`eventwire eval` keeps the doubtful events (below the pipeline's threshold, flagged) so that
every predicted event is judged here, while the other tables leave them out. An event is *real*
when it is paired with a gold event: the events the pipeline keeps are paired as detection
precision pairs them, then the doubtful ones with the gold events still unpaired (so the real
events at or above the threshold are exactly the detection true positives). An event of a text
with no gold event is never real. Then, for a few thresholds, what each file's detection recall
and false-event share (no-event texts with an event) would be were that threshold the default.

    print(reliability_section(results))   # results: the EvalResults of one run
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from eventwire.evaluate.gold import GoldDocument
from eventwire.evaluate.markdown import div, pct, table
from eventwire.evaluate.runner import EvalResult
from eventwire.evaluate.scoring import pair
from eventwire.extract.confidence import default_threshold
from eventwire.models import Event

BINS = 10
THRESHOLDS = (0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6)
HOW_TO_READ = (
    "How to read it: each bin counts the events predicted with a confidence in it, doubtful ones "
    "included, and the share of them paired with a gold event, so a threshold belongs where that "
    "share gets too low; the threshold table gives, for each file, the detection recall and the "
    "share of no-event texts with an event that the run would have had with that threshold."
)


@dataclass
class Bin:
    lower: float
    upper: float
    events: int = 0
    real: int = 0

    @property
    def share(self) -> float | None:
        return div(self.real, self.events)


@dataclass(frozen=True)
class AtThreshold:
    """One file's detection figures had `threshold` been the pipeline's default."""

    threshold: float
    paired: int
    gold_events: int
    texts_with_event: int
    no_event_texts: int

    @property
    def recall(self) -> float | None:
        return div(self.paired, self.gold_events)

    @property
    def false_event_share(self) -> float | None:
        return div(self.texts_with_event, self.no_event_texts)


def bin_of(confidence: float) -> int:
    """0 for 0.0-0.1, ..., 9 for 0.9-1.0 (1.0 included)."""
    return min(BINS - 1, max(0, int(confidence * BINS)))


def judged(result: EvalResult) -> Iterator[tuple[Event, bool]]:
    """Every predicted event of a file, doubtful ones included, and whether it is real."""
    for index, item in enumerate(result.gold.documents):
        yield from _judged_document(item, result.predictions.get(index, []))


def _judged_document(item: GoldDocument, events: list[Event]) -> Iterator[tuple[Event, bool]]:
    sure = [event for event in events if not event.doubtful]
    doubtful = [event for event in events if event.doubtful]
    pairs = pair(item.events, sure)
    paired_gold = {i for i, _ in pairs}
    left = [gold for i, gold in enumerate(item.events) if i not in paired_gold]
    for group, matched in ((sure, pairs), (doubtful, pair(left, doubtful))):
        real = {j for _, j in matched}
        yield from ((event, j in real) for j, event in enumerate(group))


def bins(results: Sequence[EvalResult]) -> list[Bin]:
    table_bins = [Bin(k / BINS, (k + 1) / BINS) for k in range(BINS)]
    for result in results:
        for event, real in judged(result):
            found = table_bins[bin_of(event.confidence)]
            found.events += 1
            found.real += real
    return table_bins


def at_threshold(result: EvalResult, threshold: float) -> AtThreshold:
    """Pair again each document's events of confidence >= `threshold` (what a pipeline with
    that `min_confidence` keeps) with its gold events."""
    paired = gold_events = hit = none = 0
    for index, item in enumerate(result.gold.documents):
        kept = [e for e in result.predictions.get(index, []) if e.confidence >= threshold]
        if item.events:
            gold_events += len(item.events)
            paired += len(pair(item.events, kept))
        else:
            none += 1
            hit += bool(kept)
    return AtThreshold(threshold, paired, gold_events, hit, none)


def bin_rows(found: Sequence[Bin]) -> list[list[str]]:
    rows = [
        [f"{b.lower:.1f}-{b.upper:.1f}", str(b.events), str(b.real), pct(b.share)] for b in found
    ]
    events, real = sum(b.events for b in found), sum(b.real for b in found)
    rows.append(["all", str(events), str(real), pct(div(real, events))])
    return rows


def threshold_table(results: Sequence[EvalResult], default: float) -> str:
    header = ["threshold"]
    for result in results:
        if result.scored.gold_events:
            header.append(f"{result.gold.name} recall")
        if result.scored.no_event_documents:
            header.append(f"{result.gold.name} texts with an event")
    rows = []
    for threshold in sorted({*THRESHOLDS, default}):
        label = f"{threshold:.2f}" + (" (default)" if threshold == default else "")
        row = [label]
        for result in results:
            figures = at_threshold(result, threshold)
            if result.scored.gold_events:
                row.append(f"{pct(figures.recall)} of {figures.gold_events}")
            if result.scored.no_event_documents:
                row.append(f"{pct(figures.false_event_share)} of {figures.no_event_texts}")
        rows.append(row)
    return table(header, rows)


def reliability_section(
    results: Sequence[EvalResult], level: str = "###", default: float | None = None
) -> str:
    """The reliability table of a run (all its files together) and the threshold table."""
    default = default_threshold() if default is None else default
    found = bins(results)
    parts = [
        f"{level} Reliability of the confidence (all files of the run)",
        HOW_TO_READ,
        table(["confidence", "events", "real", "share real"], bin_rows(found)),
        f"If the default threshold (now {default:.2f}) were another:",
        threshold_table(results, default),
    ]
    return "\n\n".join(parts) + "\n"
