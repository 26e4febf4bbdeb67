"""The invented news fixtures (tests/fixtures/eval/news_*.jsonl): real-looking news that reports
no event (disasters, accidents, epidemics, deaths, metaphor, statistics, history, trials, policy,
diplomacy, ordinary crime, attribution) and reports of events in wire and local-press wording.
The bounds are the figures measured when the fixtures were written (README.md there); the
held-out part was written after the detection rules were tuned on the other part."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli.main import main
from eventwire.evaluate import read_gold
from eventwire.pipeline import Pipeline, pipeline_for

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"
BOUNDS = {
    # file: (documents, most documents with an event (no-event files) or fewest detected)
    "news_no_events.jsonl": (42, 0),
    "news_no_events_heldout.jsonl": (21, 4),
    "news_events.jsonl": (27, 26),
    "news_events_heldout.jsonl": (14, 12),
}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return pipeline_for("auto")


def _with_events(pipeline: Pipeline, name: str) -> tuple[int, int]:
    gold = read_gold(FIXTURES / name)
    documents = [item.document for item in gold.documents]
    found = sum(bool(events) for _, events in pipeline.process_many(documents))
    return len(documents), found


@pytest.mark.parametrize("name", [n for n in BOUNDS if "no_events" in n])
def test_news_without_an_event_gets_few_events(pipeline: Pipeline, name: str) -> None:
    count, most = BOUNDS[name]
    documents, with_events = _with_events(pipeline, name)
    assert documents == count
    assert with_events <= most


@pytest.mark.parametrize("name", [n for n in BOUNDS if "no_events" not in n])
def test_news_reports_of_events_are_detected(pipeline: Pipeline, name: str) -> None:
    count, fewest = BOUNDS[name]
    documents, with_events = _with_events(pipeline, name)
    assert documents == count
    assert with_events >= fewest


def test_eval_reads_the_news_fixtures(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    files = [str(FIXTURES / "news_no_events.jsonl"), str(FIXTURES / "news_events.jsonl")]
    result = CliRunner().invoke(main, ["eval", *files, "--report", str(report)])
    assert result.exit_code == 0, result.output
    text = report.read_text()
    assert "## news_no_events.jsonl (format jsonl)" in text or "news_no_events.jsonl" in text
    assert "| event detection recall |" in text
    assert "(false-event share) | 0.0% | 0 of 42 |" in text
