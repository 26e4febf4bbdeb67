from __future__ import annotations

import csv
import io
import json

from eventwire.export import write_events
from eventwire.export.acled import ACLED_COLUMNS, event_number
from eventwire.models import Event
from tests.factories import event


def export(events: list[Event], fmt: str) -> str:
    out = io.StringIO()
    write_events(events, fmt, out)
    return out.getvalue()


def test_jsonl_is_the_contract_record() -> None:
    (line,) = export([event()], "jsonl").splitlines()
    record = json.loads(line)
    assert Event.from_record(record).to_record() == record
    for key in ("id", "document_ids", "event_date", "date_precision", "event_type",
                "sub_event_type", "actor1", "actor2", "location", "fatalities", "injuries",
                "claims", "summary", "confidence"):  # fmt: skip
        assert key in record


def test_acled_export_uses_acled_columns_and_conservative_fatalities() -> None:
    open_ended = event(killed=(30, None))
    rows = list(csv.DictReader(io.StringIO(export([open_ended, event("ev-2")], "acled"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    first = rows[0]
    assert first["event_date"] == "2024-05-01" and first["time_precision"] == "1"
    assert first["actor1"] == "Unidentified Armed Group (Mali)" and first["inter1"] == "3"
    assert first["actor2"] == "Military Forces of Mali" and first["inter2"] == "1"
    assert first["interaction"] == "13"
    assert first["location"] == "Gao" and first["geo_precision"] == "2"
    assert first["source"] == "Test Wire"
    assert int(first["fatalities"]) in (29, 30)  # "at least 30": ACLED takes the floor
    assert rows[1]["fatalities"] == "5"


def test_acled_fatalities_is_zero_when_no_figure_was_reported() -> None:
    quiet = event()
    quiet.claims = []
    (row,) = csv.DictReader(io.StringIO(export([quiet], "acled")))
    assert row["fatalities"] == "0"


def test_geojson_points_are_lon_lat() -> None:
    collection = json.loads(export([event()], "geojson"))
    (feature,) = collection["features"]
    assert feature["geometry"]["coordinates"] == [-0.04, 16.27]
    assert feature["properties"]["event_type"] == "Battles"


def test_geojson_skips_events_without_coordinates() -> None:
    unplaced = event()
    unplaced.location = None
    assert json.loads(export([unplaced], "geojson"))["features"] == []


def test_flat_csv_has_one_row_per_event() -> None:
    rows = list(csv.DictReader(io.StringIO(export([event(), event("ev-2")], "csv"))))
    assert [r["id"] for r in rows] == ["ev-1", "ev-2"]
    assert rows[0]["fatalities_best"] == "5" and rows[0]["injuries_best"] == ""


def test_acled_export_has_the_31_columns_of_a_real_export_in_order() -> None:
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[:4] == ("data_id", "iso", "event_id_cnty", "event_id_no_cnty")
    assert ACLED_COLUMNS[-2:] == ("timestamp", "iso3")
    for column in ("assoc_actor_1", "assoc_actor_2", "region", "admin3", "source_scale"):
        assert column in ACLED_COLUMNS


def test_acled_export_ids_country_and_region_follow_acled() -> None:
    congo = event("ev-congo", country="Democratic Republic of the Congo", iso3="COD")
    out = io.StringIO()
    from eventwire.export.acled import write_acled

    write_acled([congo, event("ev-mali")], out, timestamp=1_700_000_000)
    first, second = csv.DictReader(io.StringIO(out.getvalue()))
    assert first["country"] == "Democratic Republic of Congo" and first["iso3"] == "COD"
    assert first["iso"] == "180" and first["region"] == "Middle Africa"
    assert first["event_id_cnty"] == f"COD{event_number('ev-congo')}"
    assert first["event_id_no_cnty"] == str(event_number("ev-congo"))
    assert second["event_id_cnty"].startswith("MLI") and second["iso"] == "466"
    assert second["region"] == "Western Africa" and first["timestamp"] == "1700000000"
    assert first["data_id"] != second["data_id"]
    assert first["assoc_actor_1"] == "" and first["admin3"] == ""


def test_event_numbers_are_stable_and_differ_between_events() -> None:
    assert event_number("ev-1") == event_number("ev-1")
    assert len({event_number(f"ev-{i}") for i in range(500)}) == 500


def test_flat_csv_writes_the_acled_country_name() -> None:
    palestine = event(country="Palestinian Territory", iso3="PSE")
    (row,) = csv.DictReader(io.StringIO(export([palestine], "csv")))
    assert row["country"] == "Palestine" and row["iso3"] == "PSE"
