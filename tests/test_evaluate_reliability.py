"""The reliability table of `eventwire eval`: doubtful events are counted there and left out of
every other score. The gold file is invented (tests/fixtures/eval/README.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate import read_gold, score_predictions
from eventwire.evaluate.gold import GoldSet
from eventwire.evaluate.reliability import (
    THRESHOLDS,
    at_threshold,
    bin_of,
    bins,
    judged,
    reliability_section,
)
from eventwire.evaluate.report import metric_rows
from eventwire.evaluate.runner import sure_events
from eventwire.models import Event
from tests.test_evaluate import as_predicted
from tests.test_evaluate_clusters import _small_gold

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"
GOLD = FIXTURES / "reliability.jsonl"
DEFAULT = 0.25
AMBUSH, RIOT, COUNCIL, FAIR = range(4)


def _gold() -> GoldSet:
    return read_gold(GOLD, published=date(2021, 6, 5))


def _event(gold: GoldSet, index: int, number: int, confidence: float) -> Event:
    """The gold event `number` of document `index` (the ambush's for no-event documents),
    predicted with `confidence`, doubtful below the default threshold."""
    item = gold.documents[index]
    source = item.events[number] if item.events else gold.documents[AMBUSH].events[0]
    event = as_predicted(source, item.document.id, confidence=confidence)
    event.doubtful = confidence < DEFAULT
    return event


def _predictions(gold: GoldSet) -> dict[int, list[Event]]:
    return {
        # both gold events found, and a doubtful duplicate of the ambush
        AMBUSH: [
            _event(gold, AMBUSH, 0, 0.85),
            _event(gold, AMBUSH, 1, 0.55),
            _event(gold, AMBUSH, 0, 0.15),
        ],
        RIOT: [_event(gold, RIOT, 0, 0.22)],  # the riot, found but doubtful
        COUNCIL: [_event(gold, COUNCIL, 0, 0.35)],
        FAIR: [_event(gold, FAIR, 0, 0.05), _event(gold, FAIR, 0, 0.95)],
    }


def test_the_fixture_has_gold_and_no_event_documents() -> None:
    gold = _gold()
    assert [len(item.events) for item in gold.documents] == [2, 1, 0, 0]


def test_bins_add_up_to_the_predicted_events_doubtful_ones_included() -> None:
    gold = _gold()
    predictions = _predictions(gold)
    result = score_predictions(gold, predictions)
    found = bins([result])
    assert sum(b.events for b in found) == sum(len(e) for e in predictions.values()) == 7
    assert [b.events for b in found] == [1, 1, 1, 1, 0, 1, 0, 0, 1, 1]
    assert [b.real for b in found] == [0, 0, 1, 0, 0, 1, 0, 0, 1, 0]
    assert (found[2].lower, found[2].upper, found[2].share) == (0.2, 0.3, 1.0)
    assert found[4].share is None
    # the real events at or above the threshold are the detection true positives
    sure_real = sum(real for event, real in judged(result) if not event.doubtful)
    assert sure_real == result.scored.true_positives == 2


def test_bins_cover_zero_to_one() -> None:
    assert [bin_of(c) for c in (0.0, 0.05, 0.1, 0.25, 0.3, 0.7, 0.99, 1.0)] == [
        0, 0, 1, 2, 3, 7, 9, 9,
    ]  # fmt: skip


def test_a_doubtful_event_is_left_out_of_the_metrics_but_counted_in_the_table() -> None:
    gold = _gold()
    predictions = _predictions(gold)
    with_doubtful = score_predictions(gold, predictions)
    sure = {index: sure_events(events) for index, events in predictions.items()}
    without = score_predictions(gold, sure)
    assert metric_rows(with_doubtful) == metric_rows(without)
    scored = with_doubtful.scored
    assert (scored.true_positives, scored.false_positives, scored.false_negatives) == (2, 2, 1)
    assert with_doubtful.predicted_events == without.predicted_events == 4
    [fair] = [item for item in scored.false_events if item.document_id == "lantern-fair"]
    assert [event.confidence for event in fair.events] == [0.95]
    # ... and the table counts them: the doubtful riot is real, the doubtful duplicate is not
    doubtful = [(e.confidence, real) for e, real in judged(with_doubtful) if e.doubtful]
    assert sorted(doubtful) == [(0.05, False), (0.15, False), (0.22, True)]
    assert sum(b.events for b in bins([without])) == 4


def test_threshold_rows_move_the_way_they_should() -> None:
    gold = _gold()
    result = score_predictions(gold, _predictions(gold))
    figures = [at_threshold(result, threshold) for threshold in THRESHOLDS]
    recalls = [f.recall or 0.0 for f in figures]
    shares = [f.false_event_share or 0.0 for f in figures]
    assert recalls == sorted(recalls, reverse=True) and shares == sorted(shares, reverse=True)
    by_threshold = {f.threshold: (f.paired, f.texts_with_event) for f in figures}
    assert by_threshold[0.1] == (3, 2)  # the doubtful riot counts once the bar is low enough
    assert by_threshold[0.4] == (2, 1)  # the council text loses its false event
    assert by_threshold[0.6] == (1, 1)  # and the march is lost
    default = at_threshold(result, DEFAULT)
    scored = result.scored
    assert (default.paired, default.gold_events) == (scored.true_positives, scored.gold_events)
    assert default.texts_with_event == len(scored.false_events)
    assert default.no_event_texts == scored.no_event_documents == 2


def test_the_section_marks_the_default_and_says_how_to_read_it() -> None:
    gold = _gold()
    section = reliability_section([score_predictions(gold, _predictions(gold))], default=DEFAULT)
    assert section.startswith("### Reliability of the confidence (all files of the run)")
    assert "How to read it:" in section
    assert "| 0.2-0.3 | 1 | 1 | 100.0% |" in section
    assert "| all | 7 | 3 | 42.9% |" in section
    header = "| threshold | reliability.jsonl recall | reliability.jsonl texts with an event |"
    assert header in section
    assert "| 0.25 (default) | 66.7% of 3 | 100.0% of 2 |" in section
    assert "| 0.40 | 66.7% of 3 | 50.0% of 2 |" in section
    assert "| 0.60 | 33.3% of 3 | 50.0% of 2 |" in section


def test_eval_prints_the_table_once_after_the_files_and_reports_it(tmp_path: Path) -> None:
    report = tmp_path / "accuracy.md"
    args = ["eval", str(GOLD), str(FIXTURES / "mixed.jsonl"), "--report", str(report)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("## Reliability of the confidence (all files of the run)") == 1
    assert out.index("## mixed.jsonl") < out.index("## Reliability of the confidence")
    assert "(default)" in out
    history = report.read_text(encoding="utf-8")
    assert history.index("### mixed.jsonl") < history.index("### Reliability of the confidence")
    assert "How to read it:" in history


def test_deduplication_leaves_the_doubtful_events_out(tmp_path: Path) -> None:
    from eventwire.evaluate.clusters import evaluate_clusters
    from eventwire.pipeline import Pipeline, PipelineConfig

    everything_doubtful = Pipeline(PipelineConfig(min_confidence=1.01, keep_doubtful=True))
    result = evaluate_clusters(_small_gold(tmp_path), everything_doubtful)
    assert result.documents == 4 and result.stored_events == 0
