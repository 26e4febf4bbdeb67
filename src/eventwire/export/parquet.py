"""Parquet export: one typed row per event, the claims and reactions as nested lists.

The flat columns are those of the CSV export, with their types (dates as dates, counts as
nullable integers, coordinates as doubles), so pandas, DuckDB, R arrow or Spark read them
without parsing; each casualty claim keeps its source, quote and span.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.models import Claim, Event, Figures, Location, Reaction

_INT = pa.int32()
_CLAIM = pa.struct(
    [
        ("kind", pa.string()), ("low", _INT), ("high", _INT), ("qualifier", pa.string()),
        ("victims", pa.string()), ("source", pa.string()), ("document_id", pa.string()),
        ("span_start", _INT), ("span_end", _INT), ("quote", pa.string()),
        ("reported_at", pa.date32()),
    ]
)  # fmt: skip
REACTION_FIELDS = ("kind", "actor", "quote", "document_id")
_REACTION = pa.struct([(name, pa.string()) for name in REACTION_FIELDS])
SCHEMA = pa.schema(
    [
        ("id", pa.string()), ("event_date", pa.date32()), ("date_precision", pa.string()),
        ("event_type", pa.string()), ("sub_event_type", pa.string()),
        ("actor1", pa.string()), ("inter1", _INT), ("actor2", pa.string()), ("inter2", _INT),
        ("location", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()),
        ("country", pa.string()), ("iso3", pa.string()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", _INT),
        ("fatalities_low", _INT), ("fatalities_best", _INT), ("fatalities_high", _INT),
        ("injuries_low", _INT), ("injuries_best", _INT), ("injuries_high", _INT),
        ("document_ids", pa.list_(pa.string())), ("sources", pa.list_(pa.string())),
        ("summary", pa.string()), ("confidence", pa.float64()), ("doubtful", pa.bool_()),
        ("claims", pa.list_(_CLAIM)), ("reactions", pa.list_(_REACTION)),
    ]
)  # fmt: skip


def parquet_row(item: Event) -> dict[str, Any]:
    location = item.location
    return {
        "id": item.id,
        "event_date": item.event_date,
        "date_precision": item.date_precision,
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
        "actor1": item.actor1.name if item.actor1 else None,
        "inter1": item.actor1.inter if item.actor1 else None,
        "actor2": item.actor2.name if item.actor2 else None,
        "inter2": item.actor2.inter if item.actor2 else None,
        **_place(location),
        **_figures("fatalities", item.fatalities),
        **_figures("injuries", item.injuries),
        "document_ids": list(item.document_ids),
        "sources": list(item.sources),
        "summary": item.summary,
        "confidence": round(item.confidence, 3),
        "doubtful": item.doubtful,
        "claims": [_claim(claim) for claim in item.claims],
        "reactions": [_reaction(reaction) for reaction in item.reactions],
    }


def _place(location: Location | None) -> dict[str, Any]:
    keys = ("admin1", "admin2", "country", "iso3", "latitude", "longitude", "geo_precision")
    values = {key: getattr(location, key) if location else None for key in keys}
    return {"location": location.name if location else None, **values}


def _figures(prefix: str, figures: Figures) -> dict[str, int | None]:
    return {f"{prefix}_{key}": getattr(figures, key) for key in ("low", "best", "high")}


def _claim(claim: Claim) -> dict[str, Any]:
    reported: date | None = claim.reported_at
    return {
        "kind": claim.kind, "low": claim.low, "high": claim.high, "qualifier": claim.qualifier,
        "victims": claim.victims, "source": claim.source, "document_id": claim.document_id,
        "span_start": claim.span[0], "span_end": claim.span[1], "quote": claim.quote,
        "reported_at": reported,
    }  # fmt: skip


def _reaction(reaction: Reaction) -> dict[str, Any]:
    record = reaction.to_record()
    return {key: record.get(key) for key in REACTION_FIELDS}


def write_parquet(events: Iterable[Event], out: BinaryIO | str) -> int:
    """Write the events to `out` (a path or a binary stream); returns how many were written."""
    table = pa.Table.from_pylist([parquet_row(item) for item in events], schema=SCHEMA)
    pq.write_table(table, out, compression="zstd")
    return table.num_rows
