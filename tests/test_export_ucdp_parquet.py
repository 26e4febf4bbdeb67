"""UCDP-GED and Parquet exports: the columns, the typing rules and the round trip."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.export import write_events, write_events_binary
from eventwire.export.ucdp import GED_COLUMNS, Skipped, violence_type, write_ucdp
from eventwire.models import Actor, Claim, Event, Figures, Reaction
from eventwire.store import Store
from tests.factories import document, event


def ged(events: list[Event]) -> tuple[list[dict[str, str]], Skipped]:
    out, skipped = io.StringIO(), Skipped()
    write_ucdp(events, out, skipped)
    return list(csv.DictReader(io.StringIO(out.getvalue()))), skipped


def one_sided(**changes: object) -> Event:
    base = replace(
        event("ev-vac", event_type="Violence against civilians"),
        actor1=Actor("JNIM: Group for Support of Islam and Muslims", 2, ["JNIM"]),
        actor2=Actor("Civilians (Mali)", 7, ["villagers"]),
    )
    return replace(base, **changes)


def test_a_battle_with_the_army_is_state_based_with_the_government_on_side_a() -> None:
    (row,), _ = ged([event()])
    assert list(row) == list(GED_COLUMNS)
    assert row["type_of_violence"] == "1"
    assert row["side_a"] == "Government of Mali"
    assert row["side_b"] == "Unidentified Armed Group (Mali)"
    assert row["dyad_name"] == "Government of Mali - Unidentified Armed Group (Mali)"
    assert (row["best"], row["low"], row["high"]) == ("5", "5", "5")
    assert row["deaths_a"] == "5"  # the claim's victims are the state forces
    assert row["geom_wkt"] == "POINT (-0.04 16.27)"
    assert (row["date_start"], row["date_prec"], row["where_prec"]) == ("2024-05-01", "1", "2")


def test_killing_civilians_is_one_sided_and_civilians_are_side_b() -> None:
    civilians = Claim("killed", 7, 7, "exact", victims="civilians", document_id="doc-1")
    (row,), _ = ged([one_sided(claims=[civilians], fatalities=Figures(7, 7, 7))])
    assert row["type_of_violence"] == "3"
    assert (row["side_a"], row["side_b"]) == ("JNIM: Group for Support of Islam and Muslims",
                                              "Civilians")  # fmt: skip
    assert (row["deaths_civilians"], row["deaths_unknown"]) == ("7", "0")


def test_two_armed_groups_fighting_is_non_state() -> None:
    clash = replace(
        event(),
        actor1=Actor("JNIM: Group for Support of Islam and Muslims", 2, []),
        actor2=Actor("Islamic State (Greater Sahara)", 2, []),
    )
    assert violence_type(clash) == 2


def test_forces_killing_protesters_is_one_sided_by_the_state() -> None:
    protest = replace(
        event(),
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        actor1=Actor("Protesters (Mali)", 6, []),
        actor2=Actor("Police Forces of Mali", 1, []),
    )
    (row,), _ = ged([protest])
    assert row["type_of_violence"] == "3"
    assert row["side_a"] == "Government of Mali"


def test_events_without_deaths_dates_or_organised_sides_are_left_out_and_counted() -> None:
    no_death = replace(event("a"), fatalities=Figures(0, 0, 0))
    undated = replace(event("b"), event_date=None)
    riot = replace(event("c"), event_type="Riots", sub_event_type="Mob violence",
                   actor1=Actor("Rioters (Mali)", 5, []))  # fmt: skip
    rows, skipped = ged([no_death, undated, riot, event("d")])
    assert [row["id"] for row in rows] == ["d"]
    assert skipped.reasons == {"without a death": 1, "undated": 1, "not organised violence": 1}


def test_week_precision_is_ged_date_prec_3_and_lower_clarity() -> None:
    (row,), _ = ged([replace(event(), date_precision="week")])
    assert (row["date_prec"], row["event_clarity"]) == ("3", "2")


def test_ucdp_is_a_text_export_format() -> None:
    out = io.StringIO()
    write_events([event()], "ucdp", out)
    assert out.getvalue().startswith("id,year,type_of_violence")


def read_parquet(data: bytes) -> pa.Table:
    return pq.read_table(pa.BufferReader(data))


def test_parquet_keeps_types_claims_and_reactions() -> None:
    item = replace(
        event(),
        reactions=[Reaction("condemnation", "the United Nations", "condemned the attack", (0, 9))],
    )
    buffer = io.BytesIO()
    write_events_binary([item, replace(event("ev-2"), location=None)], "parquet", buffer)
    table = read_parquet(buffer.getvalue())
    assert table.num_rows == 2
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("fatalities_best").type == pa.int32()
    first, second = table.to_pylist()
    assert first["event_date"] == date(2024, 5, 1)
    assert first["latitude"] == 16.27 and second["latitude"] is None
    assert first["claims"][0]["quote"] == "Gunmen attacked a convoy near Gao."
    assert first["claims"][0]["victims"] == "state_forces"
    assert first["reactions"][0]["actor"] == "the United Nations"


def test_export_command_writes_ucdp_and_parquet(tmp_path: Path, store_url: str) -> None:
    Store(store_url).save(document(), [event(), replace(event("ev-2"), fatalities=Figures())])
    runner = CliRunner()
    ged_path, parquet_path = tmp_path / "ged.csv", tmp_path / "events.parquet"
    result = runner.invoke(
        main, ["export", "--db", store_url, "--format", "ucdp", "--out", str(ged_path)]
    )
    assert result.exit_code == 0, result.output
    assert "left out 1 without a death" in result.output
    assert len(list(csv.DictReader(ged_path.open(encoding="utf-8")))) == 1
    result = runner.invoke(
        main, ["export", "--db", store_url, "--format", "parquet", "--out", str(parquet_path)]
    )
    assert result.exit_code == 0, result.output
    assert read_parquet(parquet_path.read_bytes()).num_rows == 2
