from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import InputError, read_inputs, read_path
from eventwire.ingest.readers import MAX_BYTES
from eventwire.models import Document

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"


def read_all(*paths: str | Path, published: date | None = None) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths], published))


def test_txt_front_matter_fills_the_document(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: Clash in Gao\nurl: http://example.test/a\npublished: 2024-05-02\n"
        "source: Example Wire\n---\nSoldiers clashed with gunmen in Gao on Tuesday.\n",
        encoding="utf-8",
    )
    (document,) = read_all(path)
    assert isinstance(document, Document)
    assert document.title == "Clash in Gao"
    assert document.url == "http://example.test/a"
    assert document.published == date(2024, 5, 2)
    assert document.source == "Example Wire"
    assert document.text == "Soldiers clashed with gunmen in Gao on Tuesday.\n"
    assert document.language == "en"


def test_txt_without_front_matter_gets_a_content_hash_id_and_the_fallback_date(
    tmp_path: Path,
) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Gunmen attacked a village.", encoding="utf-8")
    first = read_all(path, published=date(2024, 1, 5))[0]
    second = read_all(path)[0]
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id and len(first.id) == 16
    assert first.published == date(2024, 1, 5)
    assert second.published is None


def test_jsonl_reads_each_line_and_reports_truncated_ones(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    good = {"id": "x1", "text": "Police arrested ten protesters.", "published": "2024-03-01T10:00Z"}
    path.write_text(json.dumps(good) + "\n" + '{"id": "x2", "text": "Troops am\n', encoding="utf-8")
    first, second = read_all(path)
    assert isinstance(first, Document) and first.id == "x1"
    assert first.published == date(2024, 3, 1)
    assert isinstance(second, InputError)
    assert second.origin == f"{path}:2" and "truncated" in second.reason


def test_jsonl_record_without_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "y", "title": "no body"}\n', encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "text" in error.reason


def test_html_article_body_is_extracted() -> None:
    (document,) = read_all(SAMPLES / "mopti-clash.html")
    assert isinstance(document, Document)
    assert "Macina Liberation Front" in document.text
    assert "Home" not in document.text.split()


def test_html_without_article_body_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!doctype html><html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "no article body" in error.reason


def test_feed_entries_become_documents() -> None:
    documents = read_all(SAMPLES / "sahel-feed.rss")
    assert [d.id for d in documents if isinstance(d, Document)] == [
        "sample-kidal-ambush",
        "sample-niamey-rally",
    ]
    first = documents[0]
    assert isinstance(first, Document)
    assert first.published == date(2024, 3, 16)
    assert first.source == "Sahel Sample Wire"
    assert "<p>" not in first.text and "Four gendarmes" in first.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Soldats tués à Gao".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_files_give_one_reason_each(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    assert error.origin == str(path) and reason in error.reason
    assert "\n" not in str(error)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "larger than 10 MB" in error.reason


def test_missing_file_is_an_error_and_others_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rebels shelled the town.", encoding="utf-8")
    missing, document = read_all(tmp_path / "nope.txt", good)
    assert isinstance(missing, InputError) and "no such file" in missing.reason
    assert isinstance(document, Document)


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Militants ambushed a convoy on Monday."))
    monkeypatch.setattr("sys.stdin", stdin)
    (document,) = list(read_path("-"))
    assert isinstance(document, Document) and document.origin == "<stdin>"


def test_french_text_is_detected() -> None:
    text = "Des hommes armés ont attaqué le poste de la gendarmerie dans la nuit, selon une source."
    from eventwire.ingest.documents import detect_language

    assert detect_language(text) == "fr"
    assert detect_language("Gunmen attacked the police post during the night.") == "en"
