"""`eventwire train`: a naive Bayes fitted on an ACLED-shaped export, used with --model."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.train import NaiveBayes, tokens, train_acled, use_model

ROWS = [
    ("Protests", "Peaceful protest", "Teachers staged a sit-in in {p} to demand unpaid wages."),
    ("Protests", "Peaceful protest", "Students marched peacefully in {p} to demand exams."),
    ("Battles", "Armed clash", "Soldiers clashed with militants near {p}, killing five."),
    ("Battles", "Armed clash", "Troops repelled an attack by gunmen on their base in {p}."),
    ("Strategic developments", "Arrests", "Police arrested three smugglers in {p}."),
]
PLACES = ["Kita", "Segou", "Kayes", "Sikasso", "Mopti", "Koutiala"]


def write_export(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["event_type", "sub_event_type", "notes"])
        for place in PLACES:
            for event_type, sub, note in ROWS:
                writer.writerow([event_type, sub, note.format(p=place)])
        writer.writerow(["Battles", "", "a row without a sub-event type is skipped"])


def test_tokens_drop_size_notes_and_add_bigrams() -> None:
    found = tokens("Farmers protested in Kita. [size=no report]")
    assert "farmers protested" in found and "size" not in found


def test_fit_predict_and_round_trip(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    write_export(export)
    model, stats = train_acled(export)
    assert stats["rows"] == len(ROWS) * len(PLACES)
    label, probability = model.predict("Nurses staged a sit-in in Gao to demand their wages.")
    assert label == "Protests|Peaceful protest" and probability > 0.5
    model.save(tmp_path / "m.json")
    again = NaiveBayes.load(tmp_path / "m.json")
    assert again.predict("Gendarmes arrested two smugglers in Gao.")[0].startswith("Strategic")


def test_cli_train_and_extract_with_model(tmp_path: Path) -> None:
    export, out = tmp_path / "export.csv", tmp_path / "model.json"
    write_export(export)
    runner = CliRunner()
    result = runner.invoke(main, ["train", "--acled", str(export), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    article = tmp_path / "a.txt"
    article.write_text("Soldiers clashed with gunmen near Bla on Monday, killing four.\n")
    result = runner.invoke(main, ["extract", str(article), "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert '"event_type": "Battles"' in result.output


def test_use_model_replaces_only_the_event_type_step(tmp_path: Path) -> None:
    from eventwire.pipeline import Pipeline

    export, out = tmp_path / "export.csv", tmp_path / "model.json"
    write_export(export)
    train_acled(export)[0].save(out)
    pipeline = use_model(Pipeline(), str(out))
    names = [name for name, _ in pipeline.extractors]
    assert names == [name for name, _ in Pipeline().extractors]
    assert use_model(pipeline, None) is pipeline
