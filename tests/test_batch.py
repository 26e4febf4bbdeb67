"""`eventwire batch`: dask.bag partitions store what a sequential `ingest` stores."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.exc import OperationalError

from eventwire.batch import BatchOptions, BatchTotals, run_batch
from eventwire.batch.inputs import expand_inputs
from eventwire.cli import main
from eventwire.ingest import InputError
from eventwire.progress import Progress
from eventwire.store import Store

ARTICLES = {
    "dori-market.txt": """---
title: Gunmen attack Dori cattle market
published: 2024-05-14
source: Sahel Wire
---
Gunmen on motorbikes attacked the weekly cattle market in Dori, in northern Burkina Faso, on
Sunday, killing at least nine traders and wounding twelve others, a local official said. The
attackers set fire to several stalls before fleeing towards the border with Niger.
""",
    "dori-market-residents.txt": """---
title: Toll rises after Dori market raid
published: 2024-05-15
source: Radio Liptako
---
At least ten people died when armed men stormed the livestock market of Dori on Sunday,
residents said. The regional governor put the toll at nine dead and twelve injured.
""",
    "menaka-ambush.txt": """---
published: 2024-06-03
---
Suspected jihadists ambushed a Malian army convoy near Menaka on Saturday. The army said four
soldiers were killed and seven assailants were neutralized in the fighting.
""",
    "niger.jsonl": "\n".join(
        json.dumps(record)
        for record in (
            {
                "id": "diffa-camp",
                "published": "2024-07-10",
                "text": "Boko Haram fighters raided a camp for displaced people outside Diffa, "
                "Niger, overnight on Tuesday, abducting 15 women and killing two guards, "
                "according to a humanitarian source.",
            },
            {
                "id": "tillaberi-bus",
                "published": "2024-08-20",
                "text": "An improvised explosive device struck a bus on the road between "
                "Tillaberi and Ayorou on Monday, killing six passengers, Niger's defence "
                "ministry said.",
            },
        )
    )
    + "\n",
    "nested/ouahigouya.txt": """---
published: 2024-09-05
---
Hundreds of protesters blocked the main road in Ouahigouya, Burkina Faso, on Wednesday to
denounce the rising cost of fuel. Police fired tear gas to disperse the crowd.
""",
}
DOCUMENTS = 6


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    for name, text in ARTICLES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "draft.txt").write_text("Not part of the archive.", encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return root


def files_of(archive: Path) -> list[str]:
    return [item for item in expand_inputs([str(archive)]) if isinstance(item, str)]


def snapshot(url: str) -> tuple[dict[str, int], list[str]]:
    """Row counts and every stored event record, in a stable order."""
    store = Store(url)
    records = sorted(json.dumps(event.to_record(), sort_keys=True) for event in store.events())
    exact = sorted((event.id, event.confidence) for event in store.events())
    return store.counts(), [*records, json.dumps(exact)]


@pytest.fixture
def ingested(archive: Path, tmp_path: Path) -> tuple[dict[str, int], list[str]]:
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    result = CliRunner().invoke(main, ["ingest", *files_of(archive), "--db", url])
    assert result.exit_code == 0, result.output
    return snapshot(url)


def batch(
    inputs: list[str], url: str, lines: list[str] | None = None, **options: object
) -> BatchTotals:
    store = Store(url)
    settings = BatchOptions(**{"workers": 1, "scheduler": "sync", **options})  # type: ignore[arg-type]
    report = (lines if lines is not None else []).append
    return run_batch(inputs, store, settings, report, Progress("batch", stream=io.StringIO()))


def test_inputs_expand_directories_recursively_and_globs_in_order(archive: Path) -> None:
    found = list(expand_inputs([str(archive), str(archive / "dori-*.txt"), "none/*.txt"]))
    names = [Path(item).relative_to(archive).as_posix() for item in found[:-1]]  # type: ignore[arg-type]
    assert names == [
        "dori-market-residents.txt",
        "dori-market.txt",
        "menaka-ambush.txt",
        "nested/ouahigouya.txt",
        "niger.jsonl",
        "dori-market-residents.txt",
        "dori-market.txt",
    ]
    assert found[-1] == InputError("none/*.txt", "no file matches this pattern")


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_in_process_schedulers_store_what_ingest_stores(
    archive: Path, store_url: str, ingested: tuple[dict[str, int], list[str]], scheduler: str
) -> None:
    totals = batch([str(archive)], store_url, partition_size=2, scheduler=scheduler, workers=2)
    assert (totals.stored, totals.events, totals.failed) == (DOCUMENTS, DOCUMENTS, 0)
    counts, records = snapshot(store_url)
    assert counts["documents"] == DOCUMENTS
    assert counts["events"] < DOCUMENTS  # the two Dori reports were merged, as ingest merges them
    assert (counts, records) == ingested


def test_two_worker_processes_store_what_ingest_stores(
    archive: Path, store_url: str, ingested: tuple[dict[str, int], list[str]]
) -> None:
    totals = batch([str(archive)], store_url, workers=2, scheduler="processes", partition_size=1)
    assert (totals.stored, totals.processed, totals.failed) == (DOCUMENTS, DOCUMENTS, 0)
    assert snapshot(store_url) == ingested
    assert set(totals.pipelines_built.values()) == {1}  # the model loaded once per worker


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(
    archive: Path, tmp_path: Path, store_url: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x00\x00\x00IHDR")
    missing = tmp_path / "missing.txt"
    good = archive / "menaka-ambush.txt"
    lines: list[str] = []
    totals = batch([str(empty), str(binary), str(missing), str(good)], store_url, lines)
    assert lines == [
        f"eventwire: {empty}: empty input",
        f"eventwire: {binary}: binary data, not text (expected .txt, .jsonl, .html or a feed)",
        f"eventwire: {missing}: no such file",
    ]
    assert (totals.stored, totals.failed, totals.read) == (1, 3, 1)
    assert Store(store_url).counts()["documents"] == 1


def test_a_partition_whose_worker_fails_stores_nothing_and_the_others_are_stored(
    archive: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.batch import worker

    original = worker.process_documents

    def fragile(documents: list, settings: worker.WorkerSettings) -> list:
        if any(d.id == "diffa-camp" for d in documents):
            raise MemoryError("worker ran out of memory")
        return original(documents, settings)

    monkeypatch.setattr(worker, "process_documents", fragile)
    lines: list[str] = []
    totals = batch([str(archive)], store_url, lines, partition_size=2)
    # Partitions of 2 in input order: [Dori, Dori], [Menaka, Ouahigouya], [Diffa, Tillaberi].
    failed = [f"{archive / 'niger.jsonl'}:{n}" for n in (1, 2)]
    assert lines == [
        f"eventwire: {origin}: not processed (partition failed: MemoryError: worker ran out of "
        "memory)"
        for origin in failed
    ]
    assert (totals.stored, totals.failed) == (4, 2)
    stored = Store(store_url)
    assert not stored.has_document("diffa-camp") and not stored.has_document("tillaberi-bus")
    assert stored.counts()["documents"] == 4


def test_a_partition_whose_write_fails_is_rolled_back_whole(
    archive: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Store._save_in

    def failing_second(self: Store, session: object, document: object, events: list) -> bool:
        saved = original(self, session, document, events)  # type: ignore[arg-type]
        if document.id == "tillaberi-bus":  # type: ignore[attr-defined]
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return saved

    monkeypatch.setattr(Store, "_save_in", failing_second)
    lines: list[str] = []
    totals = batch([str(archive)], store_url, lines, partition_size=2)
    assert len(lines) == 2 and all("partition rolled back: OperationalError" in x for x in lines)
    stored = Store(store_url)
    # diffa-camp was saved before tillaberi-bus failed, in the same transaction: rolled back too.
    assert not stored.has_document("diffa-camp") and not stored.has_document("tillaberi-bus")
    assert (totals.stored, totals.failed, stored.counts()["documents"]) == (4, 2, 4)


def test_progress_on_a_terminal_shows_documents_done_of_total(
    archive: Path, tmp_path: Path
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    options = BatchOptions(workers=1, scheduler="sync", partition_size=4)
    store = Store(f"sqlite:///{tmp_path / 'progress.db'}")
    with Progress("batch", unit="docs", stream=screen) as progress:
        run_batch([str(archive)], store, options, lambda _line: None, progress)
    assert f"batch: {DOCUMENTS}/{DOCUMENTS} docs (" in screen.getvalue()


def test_cli_end_to_end_then_again_with_nothing_new(archive: Path, store_url: str) -> None:
    runner = CliRunner()
    args = ["batch", str(archive), "--db", store_url, "--scheduler", "sync"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    (summary,) = first.stderr.splitlines()  # a pipe: no progress, one summary line
    assert summary.startswith(f"batch: {DOCUMENTS} document(s) processed, {DOCUMENTS} stored, ")
    assert "; 0 already stored; 0 failed; " in summary and summary.endswith(" articles/s")
    listed = runner.invoke(main, ["events", "--db", store_url, "--format", "jsonl"])
    places = {json.loads(line)["location"]["name"] for line in listed.stdout.splitlines()}
    assert {"Dori", "Ménaka", "Diffa", "Ouahigouya"} <= places

    again = runner.invoke(
        main, [*args[:2], str(archive / "*.txt"), *args[2:], "--partition-size", "2", "--no-dedup"]
    )
    assert again.exit_code == 0
    assert "0 stored, 0 event(s); 9 already stored; 0 failed" in again.stderr


def test_cli_exit_status_is_non_zero_only_when_nothing_could_be_processed(
    tmp_path: Path, store_url: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["batch", str(empty), "--db", store_url])
    assert result.exit_code == 1
    assert f"eventwire: {empty}: empty input" in result.stderr
    refused = CliRunner().invoke(main, ["batch", str(empty), "--country", "auto"])
    assert refused.exit_code == 2 and "'auto'" in refused.stderr
