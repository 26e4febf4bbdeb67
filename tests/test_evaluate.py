"""The evaluation harness on small gold files written for these tests (tests/fixtures/eval/)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluate import read_gold, score_predictions, sniff_format
from eventwire.evaluate.gold import GoldEvent, GoldSet
from eventwire.evaluate.matching import actor_match, country_key
from eventwire.evaluate.metrics import (
    count_stats,
    date_stats,
    distance_stats,
    haversine_km,
    macro_f1,
)
from eventwire.evaluate.readers import gtd_event_type
from eventwire.evaluate.report import MARKER, add_to_history, metric_rows, worst_cases
from eventwire.evaluate.scoring import pair
from eventwire.models import Actor, Claim, Event, Location
from eventwire.reconcile import reconcile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"
ACLED = FIXTURES / "acled_small.csv"
GTD = FIXTURES / "gtd_small.csv"
JSONL = FIXTURES / "articles.jsonl"


def as_predicted(gold: GoldEvent, doc_id: str = "doc", **changes: object) -> Event:
    """A predicted event that says exactly what the gold event says (then `changes` applied)."""
    claims = [
        Claim(kind, count, count, "exact", document_id=doc_id, span=(0, 10))
        for kind, count in (("killed", gold.fatalities), ("injured", gold.injuries))
        if count
    ]
    fatalities, injuries = reconcile(claims)
    event = Event(
        id=f"{doc_id}-event",
        document_ids=[doc_id],
        event_type=gold.event_type or "",
        sub_event_type=gold.sub_event_type or "",
        event_date=gold.event_date,
        actor1=Actor(gold.actor1, gold.inter1) if gold.actor1 else None,
        actor2=Actor(gold.actor2, gold.inter2) if gold.actor2 else None,
        location=Location(
            name=gold.location or "",
            country=gold.country,
            admin1=gold.admin1,
            latitude=gold.latitude,
            longitude=gold.longitude,
            geo_precision=gold.geo_precision,
        ),
        fatalities=fatalities,
        injuries=injuries,
        claims=claims,
    )
    for name, value in changes.items():
        setattr(event, name, value)
    return event


def perfect(gold: GoldSet) -> dict[int, list[Event]]:
    return {
        i: [as_predicted(e, item.document.id) for e in item.events]
        for i, item in enumerate(gold.documents)
    }


def rows_of(gold: GoldSet, predictions: dict[int, list[Event]]) -> dict[str, tuple[str, str]]:
    return {
        label: (value, n) for label, value, n in metric_rows(score_predictions(gold, predictions))
    }


# --- readers ------------------------------------------------------------------------------------


def test_format_is_sniffed_from_the_file() -> None:
    assert sniff_format(ACLED) == "acled"
    assert sniff_format(GTD) == "gtd"
    assert sniff_format(JSONL) == "jsonl"


def test_acled_reader_takes_both_date_spellings_and_skips_malformed_rows() -> None:
    gold = read_gold(ACLED)
    assert [d.events[0].event_date for d in gold.documents] == [
        date(2023, 3, 14),
        date(2022, 5, 9),
    ]
    assert [d.document.published for d in gold.documents] == [
        date(2023, 3, 17),
        date(2022, 5, 12),
    ]
    reasons = [s.reason for s in gold.skipped]
    assert len(reasons) == 3
    assert reasons[0].startswith("bad date")
    assert reasons[1] == "missing text"
    assert reasons[2].startswith("non-numeric fatalities")
    assert [s.origin for s in gold.skipped] == [f"acled_small.csv:row {n}" for n in (3, 4, 5)]
    first = gold.documents[0].events[0]
    assert (first.fatalities, first.inter2, first.latitude) == (6, 2, 14.731)
    assert gold.documents[1].events[0].actor2 is None


def test_published_offset_and_limit() -> None:
    gold = read_gold(ACLED, published_offset=10, limit=1)
    assert len(gold.documents) == 1
    assert gold.documents[0].document.published == date(2023, 3, 24)


def test_gtd_reader_keeps_the_date_prefix_unless_told_and_maps_attack_types() -> None:
    gold = read_gold(GTD)
    assert gold.documents[0].document.text.startswith("03/15/2019: Assailants detonated")
    stripped = [d.document.text for d in read_gold(GTD, strip_date_prefix=True).documents]
    assert stripped[0].startswith("Assailants detonated") and "2019" not in stripped[0]
    assert stripped[2].startswith("Assailants abducted three quarry workers")
    bomb, assault, kidnap = (d.events[0] for d in gold.documents)
    assert bomb.text_date == date(2019, 3, 15) and kidnap.text_date is None
    assert (bomb.event_type, bomb.sub_event_type) == ("Explosions/Remote violence", None)
    assert (bomb.fatalities, bomb.injuries, bomb.actor1) == (2, None, "Al-Shabaab")
    assert (assault.event_type, assault.sub_event_type) == ("Battles", "Armed clash")
    assert assault.fatalities is None and assault.injuries == 3
    assert assault.actor1 == "Unidentified Armed Group (Kenya)"
    assert assault.location is None and not assault.actor2_coded
    assert kidnap.event_date is None
    assert gold.documents[2].document.published == date(2019, 7, 1)
    assert [s.reason.split(" ")[0:2] for s in gold.skipped] == [
        ["bad", "date"],
        ["non-numeric", "nkill"],
    ]


def test_gtd_attack_type_mapping_file() -> None:
    assert gtd_event_type("Armed Assault", "Private Citizens & Property") == (
        "Violence against civilians",
        "Attack",
    )
    assert gtd_event_type("Bombing/Explosion", "Military", suicide=True) == (
        "Explosions/Remote violence",
        "Suicide bomb",
    )
    assert gtd_event_type("Unknown") == (None, None)


def test_jsonl_reader_reads_multi_event_documents_and_reports_bad_lines() -> None:
    gold = read_gold(JSONL)
    assert [len(d.events) for d in gold.documents] == [2, 1]
    assert gold.documents[1].document.text.startswith("A passenger bus")
    assert gold.documents[1].document.published == date(2022, 11, 24)
    assert gold.documents[0].events[1].actor2_coded is False
    assert [s.reason for s in gold.skipped][1] == "missing text"
    assert gold.skipped[0].reason.startswith("bad JSON")


# --- metrics and matching -------------------------------------------------------------------------


def test_metric_functions_on_known_values() -> None:
    assert macro_f1([("A", "A"), ("A", "B"), ("B", "B")]) == pytest.approx((2 / 3 + 2 / 3) / 2)
    stats = count_stats([(10, 11), (10, 12), (0, 0), (5, 9)])
    assert (stats.exact.hits, stats.within_one.hits, stats.within_ten_percent.hits) == (1, 2, 2)
    assert stats.mae == pytest.approx((1 + 2 + 0 + 4) / 4)
    dates = date_stats([(date(2024, 1, 2), date(2024, 1, 3)), (date(2024, 1, 2), None)])
    assert (dates.exact.hits, dates.within_one_day.hits, dates.exact.n) == (0, 1, 2)
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.1)
    near = distance_stats([5.0, 20.0, 40.0, 300.0])
    assert [near.within[km].hits for km in (10, 25, 50)] == [1, 2, 3]
    assert near.median_km == pytest.approx(30.0)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Military Forces of Niger (2021-)", "Military Forces of Niger", "exact"),
        ("Islamic State (Greater Sahara)", "ISGS", "exact"),
        ("Police Forces of Niger (2021-) Gendarmerie", "Police Forces of Niger", "loose"),
        ("Civilians (Niger)", "Civilians (Mali)", "loose"),
        ("Civilians (Niger)", "Civilians", "loose"),
        ("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
         "Islamic State (Greater Sahara)", "loose"),
        ("Islamic State (Greater Sahara)", "Islamic State (Mozambique)", None),
        ("Military Forces of Niger", "Police Forces of Niger", None),
        (None, None, "exact"),
        ("Protesters (Niger)", None, None),
    ],
)  # fmt: skip
def test_actor_matching(gold: str | None, predicted: str | None, expected: str | None) -> None:
    assert actor_match(gold, predicted) == expected


def test_country_names_and_codes_compare_equal() -> None:
    assert country_key("Ivory Coast") == country_key("CIV") == "CIV"
    assert country_key("Democratic Republic of Congo") == "COD"
    assert country_key("Niger") != country_key("Nigeria")


def test_multi_event_documents_are_paired_by_agreement_not_order() -> None:
    gold = read_gold(JSONL).documents[0].events
    predicted = [as_predicted(gold[1]), as_predicted(gold[0])]
    assert pair(gold, predicted) == [(0, 1), (1, 0)]


# --- scoring -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ACLED, GTD, JSONL])
def test_a_perfect_prediction_scores_100_percent(path: Path) -> None:
    gold = read_gold(path)
    rows = rows_of(gold, perfect(gold))
    percentages = {
        k: v for k, (v, _n) in rows.items() if v.endswith("%") and "reachable" not in k
    }  # a ceiling is the gazetteer's, not the prediction's
    assert percentages and set(percentages.values()) == {"100.0%"}
    for label, (value, n) in rows.items():
        if label.endswith("mean absolute error"):
            assert value == "0.00" and int(n) > 0
    events = sum(len(d.events) for d in gold.documents)
    assert rows["event detection recall"] == ("100.0%", f"{events} gold")


def test_acled_perfect_rows_cover_every_field() -> None:
    gold = read_gold(ACLED)
    rows = rows_of(gold, perfect(gold))
    assert rows["location median error"] == ("0.0 km", "2")
    assert rows["actor2 exact match"] == ("100.0%", "2")  # an empty actor2 predicted empty
    assert rows["fatalities exact"] == ("100.0%", "2")  # 0 = ACLED's unknown, with no claims


def test_geo_precision_is_scored_on_located_events_only() -> None:
    gold = read_gold(ACLED)
    first, second = (d.events[0] for d in gold.documents)
    first.geo_precision = second.geo_precision = 1
    assert rows_of(gold, perfect(gold))["geo_precision accuracy"] == ("100.0%", "2")
    near = as_predicted(first, location=Location("Kaya", "Burkina Faso", geo_precision=2))
    unlocated = as_predicted(second, location=Location("Burkina Faso", "Burkina Faso"))
    rows = rows_of(gold, {0: [near], 1: [unlocated]})
    assert rows["geo_precision accuracy"] == ("0.0%", "1")  # the country-only one is not scored


def test_a_known_wrong_prediction_scores_what_it_should() -> None:
    gold = read_gold(ACLED)
    clash = gold.documents[0].events[0]
    wrong = as_predicted(
        clash,
        event_type="Violence against civilians",
        event_date=date(2023, 3, 15),
        actor1=Actor("Military Forces of Niger", 1),
        actor2=Actor("ISGS", 2),
        claims=[Claim("killed", 4, 4, "exact", document_id="doc", span=(0, 9))],
        location=Location("Ayorou", "Niger", "NER", latitude=14.931, longitude=0.919),
    )
    rows = rows_of(gold, {0: [wrong]})  # the protest document gets no event
    assert rows["event detection precision"] == ("100.0%", "1 predicted")
    assert rows["event detection recall"] == ("50.0%", "2 gold")
    assert rows["event_type accuracy"] == ("0.0%", "1")
    assert rows["sub_event_type accuracy"] == ("100.0%", "1")
    assert rows["actor1 exact match"] == rows["actor2 exact match"] == ("100.0%", "1")
    assert rows["fatalities exact"] == rows["fatalities within ±1"] == ("0.0%", "1")
    assert rows["fatalities mean absolute error"] == ("2.00", "1")
    assert rows["event_date exact"] == ("0.0%", "1")
    assert rows["event_date within ±1 day"] == ("100.0%", "1")
    assert rows["location within 10 km"] == ("0.0%", "1")
    assert rows["location within 25 km"] == ("100.0%", "1")
    assert rows["country accuracy"] == ("100.0%", "1")


def test_gtd_unknown_gold_figures_are_not_scored() -> None:
    gold = read_gold(GTD)
    predictions = perfect(gold)
    rows = rows_of(gold, predictions)
    assert rows["fatalities exact"][1] == "2"  # the assault's nkill is empty: unknown, not 0
    assert rows["injuries exact"][1] == "2"  # the bombing's nwound is empty


def test_worst_cases_list_text_and_both_values() -> None:
    gold = read_gold(ACLED)
    wrong = as_predicted(gold.documents[0].events[0], event_type="Riots")
    listing = worst_cases(score_predictions(gold, {0: [wrong]}), 5)
    assert "#### event_type: 1 wrong of 1" in listing
    assert "gold Battles · predicted Riots" in listing
    assert "Nigerien soldiers clashed" in listing
    assert "#### detection" in listing and "traders marched" in listing


def test_history_file_keeps_earlier_runs_newest_first(tmp_path: Path) -> None:
    history = tmp_path / "accuracy.md"
    add_to_history(history, "## first run\n")
    add_to_history(history, "## second run\n")
    text = history.read_text(encoding="utf-8")
    assert text.count(MARKER) == 1
    assert text.index(MARKER) < text.index("## second run") < text.index("## first run")


def test_history_file_gets_the_current_reading_notes(tmp_path: Path) -> None:
    history = tmp_path / "accuracy.md"
    history.write_text(f"# Accuracy\n\nOld notes that no longer hold.\n\n{MARKER}\n\n## old run\n")
    add_to_history(history, "## new run\n")
    text = history.read_text(encoding="utf-8")
    assert "Old notes" not in text
    assert "How to read the tables" in text
    assert text.index("## new run") < text.index("## old run")


# --- the command, through the real pipeline ---------------------------------------------


def test_eval_command_runs_the_pipeline_and_writes_the_report(tmp_path: Path) -> None:
    report = tmp_path / "accuracy.md"
    args = ["eval", str(ACLED), str(JSONL), "--report", str(report), "--errors", "2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "## acled_small.csv (format acled)" in result.stdout
    assert "## articles.jsonl (format jsonl)" in result.stdout
    assert "| event detection recall |" in result.stdout
    assert "acled_small.csv:row 3: skipped: bad date" in result.stderr
    history = report.read_text(encoding="utf-8")
    assert "· commit " in history
    assert f"`eventwire eval {ACLED} {JSONL} --report {report} --errors 2`" in history
    assert "### acled_small.csv (format acled)" in history
    assert "Nigerien soldiers" not in history  # aggregate figures only, never gold text


def test_eval_command_fails_on_a_file_it_cannot_read(tmp_path: Path) -> None:
    unknown = tmp_path / "other.csv"
    unknown.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(unknown)])
    assert result.exit_code == 1
    assert "cannot tell the gold format" in result.stderr


def test_date_scored_apart_where_the_gold_day_and_the_texts_own_date_agree() -> None:
    from eventwire.evaluate.scoring import compare

    event = Event(
        id="e", document_ids=["d"], event_type="", sub_event_type="", event_date=date(2019, 3, 15)
    )
    agreed = GoldEvent(event_date=date(2019, 3, 15), text_date=date(2019, 3, 15))
    disputed = GoldEvent(event_date=date(2019, 3, 11), text_date=date(2019, 3, 15))
    fields = [
        [c.field for c in compare(g, event, "x", "t", "best") if c.field.startswith("event_date")]
        for g in (agreed, disputed)
    ]
    assert fields == [["event_date", "event_date_agreed"], ["event_date"]]


def test_admin1_is_reachable_only_when_the_text_names_a_place_inside_it() -> None:
    from eventwire.evaluate.ceiling import admin1_reachable

    assert admin1_reachable("Gunmen attacked a post near Djibo.", "Sahel", "Burkina Faso")
    assert not admin1_reachable("Gunmen attacked Wuro Kessu.", "Sahel", "Burkina Faso")
    assert not admin1_reachable("Gunmen attacked a post near Djibo.", "Sahel", "Niger")


def test_location_names_match_without_their_kind_word() -> None:
    from eventwire.evaluate.scoring import same_name

    assert same_name("Mayo-Sava district", "Mayo-Sava")
    assert same_name("Sénou", "SENOU")
    assert not same_name("Kaya", "Kayan") and not same_name("Kaya", None)


def test_place_ceilings_read_the_places_a_text_names() -> None:
    from eventwire.evaluate.ceiling import country_reachable, point_reachable

    text = "Gunmen attacked a convoy near Gao on Tuesday."
    assert country_reachable(text, "Mali") and country_reachable(text, "MLI")
    assert not country_reachable(text, "Kenya")
    assert point_reachable(text, 16.27, -0.04)
    assert not point_reachable(text, 12.65, -8.0)  # Bamako is 900 km away
    assert not point_reachable("Gunmen attacked a convoy on Tuesday.", 16.27, -0.04)
