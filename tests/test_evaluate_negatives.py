"""No-event texts (false events), mixed gold files, every ACLED export shape and the per-country
and per-region rows. All fixtures are invented (tests/fixtures/eval/README.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli.main import main
from eventwire.evaluate import read_gold, score_predictions
from eventwire.evaluate.acled import inter_code, interaction_codes
from eventwire.evaluate.breakdown import group_rows, group_section
from eventwire.evaluate.clusters import has_event_keys
from eventwire.evaluate.gold import GoldSet
from eventwire.evaluate.negatives import evidence, false_event_cases, no_event_section
from eventwire.evaluate.report import MARKER, add_to_history, dataset_section, metric_rows
from eventwire.models import Actor, Claim, Event, Location
from tests.test_evaluate import as_predicted, perfect

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"
NO_EVENTS = FIXTURES / "no_events.jsonl"
MIXED = FIXTURES / "mixed.jsonl"
FORMATS = FIXTURES / "acled_formats.csv"
PER_ACTOR = FIXTURES / "acled_per_actor.csv"
SHARE = "| no-event documents with at least one event (false-event share) |"


def false_event(doc_id: str, confidence: float = 0.6, **changes: object) -> Event:
    event = Event(
        id=f"{doc_id}-false",
        document_ids=[doc_id],
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor("Unidentified Armed Group", 3, aliases_seen=["striker"]),
        confidence=confidence,
        summary="Unidentified Armed Group attacked Civilians.",
    )
    for name, value in changes.items():
        setattr(event, name, value)
    return event


# --- no-event texts ---------------------------------------------------------------------------


def test_input_shape_lines_are_no_event_documents_with_the_given_date() -> None:
    gold = read_gold(NO_EVENTS, published=date(2012, 1, 15))
    assert [item.document.id for item in gold.documents] == [
        "harbour-ferry-timetable",
        "cup-final-report",
        "orchard-festival",
        "chip-maker-results",
    ]
    assert not gold.skipped
    assert all(item.events == [] for item in gold.documents)
    published = [item.document.published for item in gold.documents]
    assert published == [date(2012, 1, 15), date(2012, 1, 15), date(2011, 9, 2), date(2012, 1, 15)]
    assert gold.documents[0].document.title == "New ferry timetable for Port Ellery"


def test_false_event_share_counts_documents_that_get_any_event() -> None:
    gold = read_gold(NO_EVENTS, published=date(2012, 1, 15))
    predictions = {
        1: [false_event("cup-final-report", 0.9), false_event("cup-final-report", 0.4)],
        3: [false_event("chip-maker-results", 0.5, event_type="Protests")],
    }
    result = score_predictions(gold, predictions)
    assert result.scored.no_event_documents == 4
    assert [item.document_id for item in result.scored.false_events] == [
        "cup-final-report",
        "chip-maker-results",
    ]
    section = no_event_section(result)
    assert f"{SHARE} 50.0% | 2 of 4 |" in section
    assert "| false events | 3 | 4 |" in section
    assert "| Violence against civilians | 2 | 66.7% |" in section
    assert "| Protests | 1 | 33.3% |" in section
    text = dataset_section(result, offset=2)
    assert "event detection precision" not in text  # no gold event: no detection table
    assert "published = the text's own date, else 2012-01-15" in text


def test_false_event_cases_list_the_most_confident_first_with_the_sentence() -> None:
    gold = read_gold(NO_EVENTS)
    predictions = {
        1: [false_event("cup-final-report", 0.9)],
        3: [false_event("chip-maker-results", 0.5)],
    }
    cases = false_event_cases(score_predictions(gold, predictions), 1)
    assert "2 of 4 no-event document(s) got events" in cases
    assert "(cup-final-report) · Redmarsh lift the county cup: 1 event(s)" in cases
    assert "confidence 0.90" in cases
    assert "> Two late goals from the substitute striker" in cases
    assert "chip-maker-results" not in cases


def test_evidence_prefers_a_casualty_quote() -> None:
    claim = Claim("killed", 2, 2, "exact", quote="Two herders were killed at the well.")
    event = false_event("x", claims=[claim], location=Location(name="Kembe"))
    assert evidence(event, "Nothing here. Kembe is quiet.") == claim.quote
    event = false_event("x", location=Location(name="Kembe"))
    assert evidence(event, "Nothing here. Kembe is quiet today.") == "Kembe is quiet today."


def test_input_shape_file_has_no_event_keys() -> None:
    assert not has_event_keys(NO_EVENTS)
    assert not has_event_keys(MIXED)


# --- mixed files ------------------------------------------------------------------------------


def test_mixed_file_scores_gold_events_and_counts_false_events() -> None:
    gold = read_gold(MIXED, published=date(2022, 5, 1))
    assert [len(item.events) for item in gold.documents] == [1, 0, 0]
    assert gold.documents[2].document.published == date(2022, 5, 1)
    predictions = perfect(gold)
    predictions[1] = [false_event("budget-vote")]
    result = score_predictions(gold, predictions)
    rows = {label: (value, n) for label, value, n in metric_rows(result)}
    assert rows["event detection recall"] == ("100.0%", "1 gold")
    assert rows["event detection precision"] == ("50.0%", "2 predicted")  # as before: an FP
    assert rows["event_type accuracy"] == ("100.0%", "1")
    assert result.scored.no_event_documents == 2
    text = dataset_section(result, offset=2)
    assert "event detection recall" in text
    assert f"{SHARE} 50.0% | 1 of 2 |" in text
    assert "texts with no date and no gold date: 2022-05-01" in text


def test_sets_without_no_event_documents_keep_their_section() -> None:
    gold = read_gold(FORMATS)
    text = dataset_section(score_predictions(gold, perfect(gold)), offset=2)
    assert "No-event documents" not in text
    assert "texts with no date" not in text


# --- ACLED export shapes ----------------------------------------------------------------------


def test_acled_reader_takes_every_date_spelling() -> None:
    gold = read_gold(FORMATS)
    assert not gold.skipped
    days = [item.events[0].event_date for item in gold.documents]
    assert days == [
        date(2019, 9, 24),
        date(2019, 10, 3),
        date(2023, 5, 9),
        date(2023, 3, 14),
        date(2021, 9, 8),
    ]
    assert gold.documents[3].document.published == date(2023, 3, 17)  # default offset 3


def test_acled_reader_prefers_event_date_iso() -> None:
    gold = read_gold(PER_ACTOR)
    by_id = {item.document.id: item.events[0] for item in gold.documents}
    assert by_id["LUM304"].event_date == date(2024, 6, 8)  # event_date "06/08/2024" is US style


def test_acled_inter_codes_as_labels_or_numbers() -> None:
    gold = read_gold(FORMATS)
    inter = [(item.events[0].inter1, item.events[0].inter2) for item in gold.documents]
    assert inter == [(6, None), (5, 1), (1, 2), (3, 7), (6, 0)]
    assert inter_code("External/Other forces") == 8
    assert inter_code("rebel groups") == 2
    assert inter_code("Unknown thing") is None
    assert interaction_codes("State forces-Protesters") == [1, 6]
    assert interaction_codes("60") == [6]
    assert interaction_codes("Rioters only") == [5]


def test_one_row_per_actor_is_one_event_with_its_second_actor() -> None:
    gold = read_gold(PER_ACTOR)
    assert [item.document.id for item in gold.documents] == ["LUM301", "LUM302", "LUM303", "LUM304"]
    assert gold.merged == 1
    sides = {
        item.document.id: (e.actor1, e.inter1, e.actor2, e.inter2)
        for item in gold.documents
        for e in item.events
    }
    assert sides["LUM301"] == ("Rioters (Lumeria)", 5, "Civilians (Lumeria)", 7)
    assert sides["LUM302"] == ("Protesters (Lumeria)", 6, "Police Forces of Lumeria (2010-)", 1)
    assert sides["LUM303"] == ("Rioters (Lumeria)", 5, "Rioters (Lumeria)", 5)
    assert sides["LUM304"] == ("Protesters (Lumeria)", 6, None, None)
    text = dataset_section(score_predictions(gold, perfect(gold)), offset=2)
    assert "4 evaluated, 0 skipped, 1 merged (one row per actor)" in text


# --- per country and per region ---------------------------------------------------------------


def test_rows_per_country_and_region() -> None:
    gold = read_gold(FORMATS)
    assert gold.documents[0].groups == {"country": "Zaria", "region": "Western Africa"}
    predictions = perfect(gold)
    predictions[3] = []  # the Ormand attack is missed
    predictions[4] = [as_predicted(gold.documents[4].events[0], sub_event_type="Protest")]
    result = score_predictions(gold, predictions)
    countries = group_rows(result.groups["country"])
    assert countries[0] == ["Zaria", "3", "100.0%", "100.0%", "100.0%", "100.0%", "100.0%"]
    assert countries[1] == ["Ormand", "2", "50.0%", "100.0%", "0.0%", "100.0%", "100.0%"]
    grouped = group_rows(result.groups["country"], min_rows=3)
    assert grouped[-1][:3] == ["other (1)", "2", "50.0%"]
    section = group_section(result)
    assert "| region | n | detection recall |" in section
    assert "| Eastern Africa | 2 | 50.0% |" in section
    assert section in dataset_section(result, offset=2)


def test_one_country_gets_no_group_table() -> None:
    gold = read_gold(PER_ACTOR)
    assert group_section(score_predictions(gold, perfect(gold))) == ""


def test_group_scores_add_up_to_the_whole() -> None:
    gold = read_gold(FORMATS)
    result = score_predictions(gold, perfect(gold))
    parts = result.groups["region"].values()
    assert sum(part.gold_events for part in parts) == result.scored.gold_events
    assert sum(len(part.of("actor1")) for part in parts) == len(result.scored.of("actor1"))


# --- the history file and the command ---------------------------------------------------------


def test_history_keeps_the_newest_runs(tmp_path: Path) -> None:
    history = tmp_path / "accuracy.md"
    for number in range(8):
        add_to_history(history, f"## run {number}\n\n### a set\n\nfigures\n")
    text = history.read_text(encoding="utf-8")
    assert text.count(MARKER) == 1
    assert [f"## run {n}" in text for n in range(8)] == [False] * 3 + [True] * 5
    assert text.index("## run 7") < text.index("## run 3")


def test_eval_command_takes_a_no_event_file(tmp_path: Path) -> None:
    report = tmp_path / "accuracy.md"
    args = ["eval", str(NO_EVENTS), str(MIXED), "--published", "2012-01-15"]
    result = CliRunner().invoke(main, [*args, "--report", str(report), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    assert "## no_events.jsonl (format jsonl)" in result.stdout
    assert "no-event documents with at least one event" in result.stdout
    written = report.read_text(encoding="utf-8")
    assert "--published 2012-01-15" in written
    assert "no-event documents with at least one event" in written
    assert "Redmarsh" not in written  # no text in the history file


def test_gold_set_default_has_no_published_date() -> None:
    assert GoldSet("x", "jsonl").published is None
