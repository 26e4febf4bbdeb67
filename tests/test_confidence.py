"""Confidence: evidence-based, and a threshold that drops or flags the doubtful events (invented
texts)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.extract.confidence import default_threshold
from eventwire.models import Document, text_id
from eventwire.pipeline import Pipeline, PipelineConfig

FULL_REPORT = (
    "On 4 May 2023, JNIM militants attacked an army post in Djibo, killing six soldiers, the "
    "army said. The assailants fled towards the border."
)
VAGUE_MENTION = (
    "The regional council met for its annual session. Members reviewed the water accounts. "
    "A new chair was chosen by a show of hands. The session closed with a vote of thanks. "
    "Two men were wounded in a clash, a member said."
)


def _events(text: str, **config: object) -> list:
    document = Document(id=text_id(text), text=text, published=date(2023, 5, 6))
    return Pipeline(PipelineConfig(**config)).process(document)  # type: ignore[arg-type]


def test_a_full_report_is_more_certain_than_a_vague_mention() -> None:
    [full] = _events(FULL_REPORT)
    [vague] = _events(VAGUE_MENTION, min_confidence=0.0)
    assert full.confidence >= 0.9
    assert vague.confidence < default_threshold() < full.confidence


def test_the_default_threshold_is_the_data_files() -> None:
    assert PipelineConfig().min_confidence == default_threshold()
    assert 0.0 < default_threshold() < 1.0


def test_events_below_the_threshold_are_dropped_or_kept_flagged() -> None:
    assert _events(FULL_REPORT, min_confidence=1.0) == []
    [flagged] = _events(FULL_REPORT, min_confidence=1.0, keep_doubtful=True)
    assert flagged.doubtful
    assert flagged.to_record()["doubtful"] is True
    [kept] = _events(FULL_REPORT)
    assert not kept.doubtful


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(f"---\npublished: 2023-05-06\n---\n{FULL_REPORT}\n", encoding="utf-8")
    return path


def test_extract_takes_the_threshold_options(report_file: Path) -> None:
    runner = CliRunner()
    dropped = runner.invoke(main, ["extract", str(report_file), "--min-confidence", "1"])
    assert dropped.exit_code == 0 and dropped.output.strip() == ""
    flagged = runner.invoke(
        main, ["extract", str(report_file), "--min-confidence", "1", "--keep-doubtful"]
    )
    assert json.loads(flagged.output.splitlines()[0])["doubtful"] is True


def test_a_doubtful_event_is_stored_flagged(report_file: Path, store_url: str) -> None:
    from eventwire.store import Store

    runner = CliRunner()
    args = ["ingest", str(report_file), "--db", store_url, "--min-confidence", "1"]
    result = runner.invoke(main, [*args, "--keep-doubtful"])
    assert result.exit_code == 0, result.output
    [stored] = Store(store_url).events()
    assert stored.doubtful
    exported = runner.invoke(main, ["export", "--format", "jsonl", "--db", store_url])
    assert json.loads(exported.output.splitlines()[0])["doubtful"] is True
