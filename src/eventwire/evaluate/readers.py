"""Gold readers: ACLED export CSV (evaluate/acled.py), GTD CSV and eventwire's own JSONL gold.

    gold = read_gold(path, fmt=None, published_offset=3, limit=None, strip_date_prefix=False)

A JSONL line may also be a document in the contract's input shape (`{"id", "text", "title",
"published", ...}`, as `eventwire extract` reads it): a text with no gold event, scored for the
events it should not get, like a gold document with `"events": []`. Such documents with no date
of their own are published on `published` (the command's `--published`).

Each row becomes a `GoldDocument` whose `Document` carries only the text and a publication date
`published_offset` days after the gold date, as a news feed would: the gold fields never reach the
extractor. A GTD summary is read as GTD gives it, opening with its "MM/DD/YYYY: " date, as a
chronology entry does; `strip_date_prefix` cuts that date to measure what is done with an undated
text. Unusable rows become `Skipped` entries with the reason.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.data import load_toml
from eventwire.evaluate.acled import Merged, acled_items
from eventwire.evaluate.gold import (
    GoldDocument,
    GoldError,
    GoldEvent,
    GoldSet,
    Skipped,
    clean,
    parse_count,
    parse_date,
    parse_float,
    parse_int,
)
from eventwire.ingest import InputError
from eventwire.ingest.documents import build_document
from eventwire.models import Document, text_id

FORMATS = ("acled", "gtd", "jsonl")
GTD_TYPES_FILE = "eval/gtd_attack_types.toml"
GTD_DATE_PREFIX = re.compile(r"^\s*(?P<month>\d{1,2})/(?P<day>\d{0,2})/(?P<year>\d{4})\s*:\s*")
GTD_UNKNOWN_DAY_PUBLISHED = 28
"""GTD rows with an unknown day are published as if on this day of the month (plus the offset)."""

RowReader = Callable[[dict[str, str], str, int], GoldDocument]


def sniff_format(path: Path) -> str:
    """'jsonl' for .jsonl/.json; for CSV, 'acled' when there is a `notes` column, 'gtd' when
    there are `summary` and `eventid` columns."""
    if path.suffix.lower() in (".jsonl", ".json"):
        return "jsonl"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = {name.strip().lower() for name in next(csv.reader(handle), [])}
    if "notes" in header:
        return "acled"
    if {"summary", "eventid"} <= header:
        return "gtd"
    raise ValueError(f"{path}: cannot tell the gold format; pass --format acled|gtd|jsonl")


def read_gold(
    path: Path,
    fmt: str | None = None,
    published_offset: int = 3,
    limit: int | None = None,
    strip_date_prefix: bool = False,
    published: date | None = None,
) -> GoldSet:
    """`published` is given to JSONL documents that carry no date and have no gold date."""
    fmt = fmt or sniff_format(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown gold format {fmt!r}")
    gold = GoldSet(name=path.name, format=fmt, fatality_rule="acled" if fmt == "acled" else "best")
    gold.published = published
    items: Iterator[GoldDocument | Skipped | Merged]
    if fmt == "jsonl":
        items = _jsonl_items(path, published_offset, published)
    elif fmt == "acled":
        items = acled_items(path, published_offset)
    else:
        items = _csv_items(path, _gtd_reader(strip_date_prefix), published_offset)
    for item in items:
        if isinstance(item, Skipped):
            gold.skipped.append(item)
            continue
        if isinstance(item, Merged):
            gold.merged += 1
            continue
        gold.documents.append(item)
        if limit is not None and len(gold.documents) >= limit:
            break
    return gold


def _csv_items(path: Path, row_reader: RowReader, offset: int) -> Iterator[GoldDocument | Skipped]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            origin = f"{path.name}:row {number}"
            try:
                yield row_reader(row, origin, offset)
            except GoldError as error:
                yield Skipped(origin, str(error))


def _text(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        raise GoldError("missing text")
    return text


def _document(doc_id: str | None, text: str, published: date | None, origin: str) -> Document:
    return Document(id=doc_id or text_id(text), text=text, published=published, origin=origin)


# --- GTD ---------------------------------------------------------------------------------------


@cache
def _gtd_types() -> dict[str, Any]:
    return load_toml(GTD_TYPES_FILE)


def gtd_event_type(attack: str, target: str = "", suicide: bool = False) -> tuple[str | None, ...]:
    """(event_type, sub_event_type) of a GTD attack type, per data/eval/gtd_attack_types.toml."""
    table = _gtd_types()
    spec = table.get("types", {}).get(attack)
    if attack in table.get("unscored", []) or spec is None:
        return None, None
    chosen = spec.get("by_target", {}).get(target) or (spec.get("suicide") if suicide else None)
    chosen = chosen or spec
    return chosen.get("event_type"), chosen.get("sub_event_type")


def _gtd_date(row: dict[str, str]) -> tuple[date | None, date]:
    """(gold date or None when the day is unknown, the date to publish from)."""
    year, month = parse_int(row.get("iyear")), parse_int(row.get("imonth"))
    day = parse_int(row.get("iday_from_eventid")) or parse_int((row.get("eventid") or "")[6:8])
    try:
        if day:
            found = date(year or 0, month or 0, day)
            return found, found
        return None, date(year or 0, month or 0, GTD_UNKNOWN_DAY_PUBLISHED)
    except (TypeError, ValueError):
        raise GoldError(f"bad date {row.get('iyear')}-{row.get('imonth')}-{day}") from None


def _prefix_date(summary: str) -> date | None:
    """The day a GTD summary opens with ("07/09/2018: ..."), None when it gives no day."""
    found = GTD_DATE_PREFIX.match(summary)
    if not found or not int(found["day"] or 0):
        return None
    try:
        return date(int(found["year"]), int(found["month"]), int(found["day"]))
    except ValueError:
        return None


def _known(value: str | None) -> str | None:
    """GTD writes "Unknown" for a place it does not know: that is no gold, not a place name."""
    text = clean(value)
    return None if text is None or text.casefold() == "unknown" else text


def _gtd_reader(strip_date_prefix: bool) -> RowReader:
    def read(row: dict[str, str], origin: str, offset: int) -> GoldDocument:
        summary = row.get("summary") or ""
        if strip_date_prefix:
            summary = GTD_DATE_PREFIX.sub("", summary, count=1)
        return _gtd_row(row, _text(summary), origin, offset)

    return read


def _gtd_row(row: dict[str, str], text: str, origin: str, offset: int) -> GoldDocument:
    day, anchor = _gtd_date(row)
    country = _known(row.get("country_txt"))
    event_type, sub_event_type = gtd_event_type(
        (row.get("attacktype1_txt") or "").strip(),
        (row.get("targtype1_txt") or "").strip(),
        (row.get("suicide") or "").strip() == "1",
    )
    group = clean(row.get("gname"))
    template = _gtd_types().get("group_names", {}).get(group or "")
    event = GoldEvent(
        event_date=day,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=template.replace("{country}", country or "").strip() if template else group,
        country=country,
        admin1=_known(row.get("provstate")),
        location=_known(row.get("city")),
        fatalities=parse_count(row.get("nkill"), "nkill", empty_is=None),
        injuries=parse_count(row.get("nwound"), "nwound", empty_is=None),
        actor2_coded=False,
        text_date=_prefix_date(row.get("summary") or ""),
    )
    published = anchor + timedelta(days=offset)
    return GoldDocument(
        _document(clean(row.get("eventid")), text, published, origin), [event], origin
    )


# --- eventwire JSONL gold -------------------------------------------------------------------------


def _jsonl_items(
    path: Path, offset: int, published: date | None = None
) -> Iterator[GoldDocument | Skipped]:
    raw = path.read_text(encoding="utf-8")
    try:
        whole = json.loads(raw)
        records = [(f"{path.name}:1", r) for r in (whole if isinstance(whole, list) else [whole])]
    except json.JSONDecodeError:
        records = []
        for number, line in enumerate(raw.splitlines(), start=1):
            if line.strip():
                records.append((f"{path.name}:{number}", _loads(line)))
    for origin, record in records:
        try:
            if _input_shape(record):
                yield _input_record(record, origin, published)
            else:
                yield _jsonl_record(record, origin, path.parent, offset, published)
        except GoldError as error:
            yield Skipped(origin, str(error))


def _loads(line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        return GoldError(f"bad JSON ({error.msg})")


def _input_shape(record: Any) -> bool:
    """A document in the contract's input shape (id, text, title, published, ...): no gold."""
    return isinstance(record, dict) and "document" not in record and "text" in record


def _input_record(record: dict[str, Any], origin: str, published: date | None) -> GoldDocument:
    """A text given as `eventwire extract` reads it, with no gold event (a no-event document)."""
    document = build_document(origin, record, published)
    if isinstance(document, InputError):
        raise GoldError(document.reason)
    return GoldDocument(document, [], origin)


def _jsonl_record(
    record: Any, origin: str, base: Path, offset: int, default: date | None = None
) -> GoldDocument:
    if isinstance(record, GoldError):
        raise record
    if not isinstance(record, dict) or not isinstance(record.get("document"), dict):
        raise GoldError("no 'document' object")
    spec = record["document"]
    text = _jsonl_text(spec, base)
    events = [_jsonl_event(e) for e in record.get("events") or []]
    published = parse_date(spec["published"][:10]) if spec.get("published") else None
    dated = [e.event_date for e in events if e.event_date]
    if published is None and dated:
        published = min(dated) + timedelta(days=offset)
    published = published or default
    if "published" in spec and spec["published"] is None:
        published = None  # "published": null, a page that carries its own date (or none)
    doc_id = str(spec["id"]) if spec.get("id") else None
    return GoldDocument(_document(doc_id, text, published, origin), events, origin)


def _jsonl_text(spec: dict[str, Any], base: Path) -> str:
    if spec.get("text"):
        return _text(str(spec["text"]))
    if spec.get("file"):
        try:
            return _text((base / str(spec["file"])).read_text(encoding="utf-8"))
        except OSError as error:
            raise GoldError(f"cannot read {spec['file']}: {error.strerror}") from None
    raise GoldError("missing text")


def _jsonl_event(spec: Any) -> GoldEvent:
    if not isinstance(spec, dict):
        raise GoldError("an event is not an object")
    location = spec.get("location") or {}
    actor1, actor2 = spec.get("actor1") or {}, spec.get("actor2") or {}
    return GoldEvent(
        event_date=parse_date(spec["event_date"]) if spec.get("event_date") else None,
        event_type=spec.get("event_type"),
        sub_event_type=spec.get("sub_event_type"),
        actor1=_name(actor1),
        actor2=_name(actor2),
        inter1=actor1.get("inter") if isinstance(actor1, dict) else None,
        inter2=actor2.get("inter") if isinstance(actor2, dict) else None,
        country=location.get("iso3") or location.get("country"),
        admin1=location.get("admin1"),
        location=location.get("name"),
        latitude=parse_float(_str(location.get("latitude")), "latitude"),
        longitude=parse_float(_str(location.get("longitude")), "longitude"),
        fatalities=_best(spec.get("fatalities"), "fatalities"),
        injuries=_best(spec.get("injuries"), "injuries"),
        actor2_coded="actor2" in spec,
    )


def _name(actor: Any) -> str | None:
    if isinstance(actor, dict):
        return actor.get("name")
    return actor if isinstance(actor, str) and actor else None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _best(figures: Any, name: str) -> int | None:
    value = figures.get("best") if isinstance(figures, dict) else figures
    return parse_count(_str(value), name, empty_is=None)
