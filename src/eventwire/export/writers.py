"""Writers for each export format. Each takes events and a text stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import BinaryIO, TextIO

from eventwire.export.acled import write_acled
from eventwire.export.ucdp import write_ucdp
from eventwire.geo import acled_name
from eventwire.models import Event

FLAT_COLUMNS = (
    "id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "inter1",
    "actor2", "inter2", "location", "admin1", "admin2", "country", "iso3", "latitude",
    "longitude", "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high", "claims", "document_ids", "summary",
    "confidence", "doubtful",
)  # fmt: skip


def write_jsonl(events: Iterable[Event], out: TextIO) -> None:
    for item in events:
        out.write(json.dumps(item.to_record(), ensure_ascii=False) + "\n")


def write_json(events: Iterable[Event], out: TextIO) -> None:
    json.dump([item.to_record() for item in events], out, ensure_ascii=False, indent=2)
    out.write("\n")


def flat_row(item: Event) -> dict[str, object]:
    location = item.location
    return {
        "id": item.id,
        "event_date": item.event_date.isoformat() if item.event_date else "",
        "date_precision": item.date_precision or "",
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
        "actor1": item.actor1.name if item.actor1 else "",
        "inter1": item.actor1.inter if item.actor1 and item.actor1.inter else "",
        "actor2": item.actor2.name if item.actor2 else "",
        "inter2": item.actor2.inter if item.actor2 and item.actor2.inter else "",
        "location": location.name if location else "",
        "admin1": (location.admin1 or "") if location else "",
        "admin2": (location.admin2 or "") if location else "",
        "country": (acled_name(location.iso3, location.country) or "") if location else "",
        "iso3": (location.iso3 or "") if location else "",
        "latitude": _blank(location.latitude if location else None),
        "longitude": _blank(location.longitude if location else None),
        "geo_precision": _blank(location.geo_precision if location else None),
        "fatalities_low": _blank(item.fatalities.low),
        "fatalities_best": _blank(item.fatalities.best),
        "fatalities_high": _blank(item.fatalities.high),
        "injuries_low": _blank(item.injuries.low),
        "injuries_best": _blank(item.injuries.best),
        "injuries_high": _blank(item.injuries.high),
        "claims": len(item.claims),
        "document_ids": " ".join(item.document_ids),
        "summary": item.summary,
        "confidence": round(item.confidence, 3),
        "doubtful": item.doubtful,
    }


def write_csv(events: Iterable[Event], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_row(item) for item in events)


def write_geojson(events: Iterable[Event], out: TextIO) -> None:
    features = []
    for item in events:
        location = item.location
        if not location or location.latitude is None or location.longitude is None:
            continue
        properties = item.to_record()
        properties.pop("claims")
        features.append(
            {
                "type": "Feature",
                "id": item.id,
                "geometry": {
                    "type": "Point",
                    "coordinates": [location.longitude, location.latitude],
                },
                "properties": properties,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")


def _blank(value: object) -> object:
    return "" if value is None else value


FORMATS: dict[str, Callable[[Iterable[Event], TextIO], None]] = {
    "jsonl": write_jsonl,
    "json": write_json,
    "csv": write_csv,
    "acled": write_acled,
    "geojson": write_geojson,
    "ucdp": write_ucdp,
}
BINARY_FORMATS = frozenset({"parquet"})
"""Formats written to a binary stream or a path (`write_events_binary`)."""


def write_events(events: Iterable[Event], format_name: str, out: TextIO) -> None:
    FORMATS[format_name](events, out)


def write_events_binary(events: Iterable[Event], format_name: str, out: BinaryIO | str) -> None:
    if format_name != "parquet":
        raise ValueError(f"{format_name} is not a binary export format")
    from eventwire.export.parquet import write_parquet

    write_parquet(events, out)
