from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_extract_prints_contract_records(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(SAMPLES / "djibo-market-ied.txt")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    assert records[0]["location"]["name"] == "Djibo"


def test_extract_reads_stdin_with_published(runner: CliRunner) -> None:
    text = "Gunmen killed three farmers on Monday in a village near Kaya, Burkina Faso."
    result = runner.invoke(main, ["extract", "-", "--published", "2024-04-10"], input=text)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["event_date"] == "2024-04-08"


def test_extract_table_format(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["extract", str(SAMPLES / "djibo-market-ied.txt"), "--format", "table"]
    )
    assert result.exit_code == 0
    assert "Djibo" in result.stdout and "1 event(s)" in result.stdout


def test_bad_inputs_are_reported_and_the_rest_processed(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Soldats tués".encode("latin-1"))
    good = SAMPLES / "djibo-market-ied.txt"
    result = runner.invoke(main, ["extract", str(empty), str(latin), str(good)])
    assert result.exit_code == 0
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"eventwire: {empty}: empty input",
        f"eventwire: {latin}: not valid UTF-8 (byte 10); re-encode it, e.g. with iconv -t UTF-8",
    ]
    assert len(result.stdout.splitlines()) == 1


def test_exit_status_is_non_zero_when_nothing_could_be_processed(
    runner: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(main, ["extract", str(empty), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_ingest_then_query_then_export(runner: CliRunner, tmp_path: Path, store_url: str) -> None:
    db = store_url
    files = [str(p) for p in sorted(SAMPLES.iterdir())]
    first = runner.invoke(main, ["ingest", *files, "--db", db])
    assert first.exit_code == 0, first.output
    again = runner.invoke(main, ["ingest", *files, "--db", db])
    assert "ingested 0 document(s)" in again.stderr

    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(records) >= 5
    assert len({r["id"] for r in records}) == len(records)

    mali = runner.invoke(main, ["events", "--db", db, "--country", "Mali", "--format", "jsonl"])
    assert {json.loads(x)["location"]["iso3"] for x in mali.stdout.splitlines()} == {"MLI"}

    out = tmp_path / "acled.csv"
    exported = runner.invoke(main, ["export", "--db", db, "--format", "acled", "--out", str(out)])
    assert exported.exit_code == 0
    assert out.read_text().splitlines()[0].startswith("data_id,iso,event_id_cnty,event_id_no_cnty")
    assert len(out.read_text().splitlines()) == len(records) + 1


def test_ingest_of_a_truncated_jsonl_line_stores_the_good_lines(
    runner: CliRunner, tmp_path: Path, store_url: str
) -> None:
    db = store_url
    source = (SAMPLES / "kaya-protest.jsonl").read_text().splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text(source[0] + "\n" + source[1][:60] + "\n")
    result = runner.invoke(main, ["ingest", str(broken), "--db", db])
    assert result.exit_code == 0
    assert f"{broken}:2: invalid JSON" in result.stderr
    assert "ingested 1 document(s)" in result.stderr


def test_a_document_that_breaks_an_extractor_is_reported_and_the_rest_stored(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, store_url: str
) -> None:
    from eventwire.extract import place

    original = place.PlaceExtractor.__call__

    def fragile(self: object, frame: object) -> None:
        if "Djibo" in frame.doc.document.text:  # type: ignore[attr-defined]
            raise RuntimeError("gazetteer exploded")
        original(self, frame)  # type: ignore[arg-type]

    monkeypatch.setattr(place.PlaceExtractor, "__call__", fragile)
    db = store_url
    files = [str(SAMPLES / "djibo-market-ied.txt"), str(SAMPLES / "monguno-base-raid.txt")]
    result = runner.invoke(main, ["ingest", *files, "--db", db])
    assert result.exit_code == 0
    assert (
        f"eventwire: {files[0]}: not processed (RuntimeError: gazetteer exploded)" in result.stderr
    )
    assert "ingested 1 document(s)" in result.stderr and "1 failed" in result.stderr
    listed = runner.invoke(main, ["events", "--db", db, "--format", "jsonl"])
    assert [json.loads(x)["location"]["name"] for x in listed.stdout.splitlines()] == ["Monguno"]
