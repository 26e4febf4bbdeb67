"""ACLED export rows as gold documents, in every shape ACLED exports take.

    for item in acled_items(Path("acled.csv"), offset=3):   # GoldDocument | Skipped | Merged

- The day: `event_date_iso` (YYYY-MM-DD) when the export has it, else `event_date` in any of
  its spellings ("24 September 2019", "2019-09-24", "9-May-23", "14/03/2023 00:00:00").
- Inter codes: a number (1-8) or its label ("Protesters"), per data/eval/acled_inter_codes.toml.
- One row per actor: rows that share an `event_id_cnty` and a note are one event, read once
  (the others are `Merged`). When such an export leaves actor2 empty, the second actor comes
  from the event's other rows or from `actors_all` ("A | B"), its code from that row or from
  `interaction` ("State forces-Protesters"); two sides of one name ("Rioters-Rioters") give
  actor2 = actor1. A row that names no other actor keeps its empty actor2.
- Groups: the row's `country` and `region` (for the per-country and per-region tables).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from eventwire.data import load_toml
from eventwire.evaluate.gold import (
    GoldDocument,
    GoldError,
    GoldEvent,
    Skipped,
    clean,
    parse_count,
    parse_date,
    parse_float,
    parse_int,
)
from eventwire.models import Document, text_id

INTER_FILE = "eval/acled_inter_codes.toml"
ACTORS_SEPARATOR = "|"
GROUP_COLUMNS = ("country", "region")

Row = dict[str, str]


@dataclass(frozen=True)
class Merged:
    """A row read as another actor of an event already read (one row per actor)."""

    origin: str


def acled_items(path: Path, offset: int) -> Iterator[GoldDocument | Skipped | Merged]:
    """Every row of an ACLED export, in file order: a gold document, or why it is not one."""
    rows = _rows(path)
    first: dict[tuple[str, str], int] = {}
    others: dict[tuple[str, str], list[Row]] = {}
    for number, row in rows:
        key = _event_key(row)
        if key is None:
            continue
        if key in first:
            others.setdefault(key, []).append(row)
        else:
            first[key] = number
    for number, row in rows:
        origin = f"{path.name}:row {number}"
        key = _event_key(row)
        if key is not None and first[key] != number:
            yield Merged(origin)
            continue
        try:
            yield acled_row(row, origin, offset, others.get(key, []) if key else [])
        except GoldError as error:
            yield Skipped(origin, str(error))


def _rows(path: Path) -> list[tuple[int, Row]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(enumerate(csv.DictReader(handle), start=1))


def _event_key(row: Row) -> tuple[str, str] | None:
    event_id = clean(row.get("event_id_cnty"))
    return (event_id, (row.get("notes") or "").strip()) if event_id else None


def acled_row(row: Row, origin: str, offset: int, others: list[Row] | None = None) -> GoldDocument:
    """One ACLED event; `others` are the further rows of the same event (one row per actor)."""
    text = (row.get("notes") or "").strip()
    if not text:
        raise GoldError("missing text")
    day = acled_date(row)
    actor1, inter1 = clean(row.get("actor1")), inter_code(row.get("inter1"))
    actor2, inter2 = second_actor(row, others or [])
    event = GoldEvent(
        event_date=day,
        event_type=clean(row.get("event_type")),
        sub_event_type=clean(row.get("sub_event_type")),
        actor1=actor1,
        actor2=actor2,
        inter1=inter1,
        inter2=inter2,
        country=clean(row.get("iso3")) or clean(row.get("country")),
        admin1=clean(row.get("admin1")),
        location=clean(row.get("location")),
        latitude=parse_float(row.get("latitude"), "latitude"),
        longitude=parse_float(row.get("longitude"), "longitude"),
        geo_precision=parse_int(row.get("geo_precision")),
        fatalities=parse_count(row.get("fatalities"), "fatalities", empty_is=None),
    )
    if event.fatalities is None:
        raise GoldError("missing fatalities")
    doc_id = clean(row.get("event_id_cnty")) or clean(row.get("data_id"))
    document = Document(
        id=doc_id or text_id(text), text=text, published=day + timedelta(days=offset), origin=origin
    )
    return GoldDocument(document, [event], origin, groups=_groups(row))


def acled_date(row: Row) -> date:
    """`event_date_iso` when the export has one, else `event_date` in any ACLED spelling."""
    iso = clean(row.get("event_date_iso"))
    return parse_date(iso if iso else row.get("event_date"))


@cache
def _inter_labels() -> dict[str, int]:
    return {label.casefold(): code for label, code in load_toml(INTER_FILE)["inter"].items()}


def inter_code(value: str | None) -> int | None:
    """ACLED's actor type code from a number ("6", "6.0") or a label ("Protesters")."""
    text = (value or "").strip()
    if not text:
        return None
    number = parse_int(text)
    return number if number is not None else _inter_labels().get(text.casefold())


def interaction_codes(value: str | None) -> list[int]:
    """The codes of the sides an `interaction` names: "16" or "State forces-Protesters" gives
    [1, 6], "60" or "Protesters only" gives [6]."""
    text = (value or "").strip()
    if text.isdigit():
        return [int(digit) for digit in text if digit != "0"]
    if text.casefold().endswith(" only"):
        text = text[: -len(" only")]
    codes = [_inter_labels().get(part.strip().casefold()) for part in text.split("-")]
    return [code for code in codes if code is not None]


def second_actor(row: Row, others: list[Row]) -> tuple[str | None, int | None]:
    """(actor2, inter2): the row's own, or, when a one-row-per-actor export leaves them empty,
    the event's other actor (see the module docstring)."""
    actor2, inter2 = clean(row.get("actor2")), inter_code(row.get("inter2"))
    if actor2 or not (others or clean(row.get("actors_all"))):
        return actor2, inter2
    actor1 = clean(row.get("actor1"))
    for other in others:
        name = clean(other.get("actor1"))
        if name and name != actor1:
            return name, inter_code(other.get("inter1")) or _other_side(row)
    listed = [part.strip() for part in (row.get("actors_all") or "").split(ACTORS_SEPARATOR)]
    named = [name for name in listed if name and name != actor1]
    if named:
        return named[0], _other_side(row)
    if actor1 and len(interaction_codes(row.get("interaction"))) == 2:
        return actor1, _other_side(row)
    return actor2, inter2


def _other_side(row: Row) -> int | None:
    """The code of the side of `interaction` that is not actor1's."""
    codes = interaction_codes(row.get("interaction"))
    inter1 = inter_code(row.get("inter1"))
    if inter1 in codes:
        codes.remove(inter1)
    return codes[0] if len(codes) == 1 else None


def _groups(row: Row) -> dict[str, str]:
    found = {name: clean(row.get(name)) for name in GROUP_COLUMNS}
    return {name: value for name, value in found.items() if value}
