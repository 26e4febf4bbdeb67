"""Gold records read from human-coded data, and the small parsers the readers share.

A gold file becomes `GoldDocument`s: one input `Document` (what the extractor sees) and the gold
events coded from it. A row that cannot be used becomes a `Skipped` with the reason, never an
exception.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from eventwire.models import Document

DATE_FORMATS = (
    "%d %B %Y", "%d-%b-%y", "%d-%B-%y", "%d-%b-%Y", "%d %b %Y", "%Y-%m-%d", "%d/%m/%Y",
)  # fmt: skip
"""The day spellings of gold exports; "14/03/2023" is day first, as ACLED's non-US exports write
it (an export with `event_date_iso` is read from that column instead)."""
_TIME_OF_DAY = re.compile(r"(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$")
"""A time after the day ("2021-09-08T00:00:00Z", "14/03/2023 00:00:00"): gold days ignore it."""


class GoldError(ValueError):
    """A gold row that cannot be evaluated; the message says why."""


@dataclass
class GoldEvent:
    """One human-coded event. None means the gold source does not say (the field is not scored)."""

    event_date: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    injuries: int | None = None
    actor2_coded: bool = True
    """False when the source has no actor2 column (GTD): actor2 is then not scored."""
    text_date: date | None = None
    """The date the source's own text states, where the format keeps it apart from the gold
    date (GTD's summary prefix, against the day taken from its event id)."""


@dataclass
class GoldDocument:
    document: Document
    events: list[GoldEvent]
    origin: str
    """Where the row came from, e.g. 'acled.csv:12', for error listings."""
    groups: dict[str, str] = field(default_factory=dict)
    """The groups the row is reported under, e.g. {"country": "Kenya", "region": "Eastern
    Africa"} (ACLED); empty when the source has none."""


@dataclass(frozen=True)
class Skipped:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: skipped: {self.reason}"


@dataclass
class GoldSet:
    name: str
    format: str
    documents: list[GoldDocument] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    fatality_rule: str = "best"
    """'acled': compare ACLED's single figure (unknown = 0); 'best': compare fatalities.best."""
    merged: int = 0
    """Rows read as another actor of an event already read (exports with one row per actor)."""
    published: date | None = None
    """The publication date given to documents that carry none and have no gold date."""


def parse_date(value: str | None) -> date:
    """A day in one of the spellings gold exports use ("03 December 2020", "9-May-20", ISO)."""
    text = _TIME_OF_DAY.sub("", (value or "").strip())
    if not text:
        raise GoldError("missing date")
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise GoldError(f"bad date {text!r}")


def parse_count(value: str | None, name: str, empty_is: int | None) -> int | None:
    """A non-negative whole count; `empty_is` stands for an empty cell (None: unknown)."""
    text = (value or "").strip()
    if not text:
        return empty_is
    try:
        number = float(text)
    except ValueError:
        raise GoldError(f"non-numeric {name} {text!r}") from None
    if not math.isfinite(number) or number < 0 or number != int(number):
        raise GoldError(f"bad {name} {text!r}")
    return int(number)


def parse_float(value: str | None, name: str) -> float | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise GoldError(f"non-numeric {name} {text!r}") from None
    return number if math.isfinite(number) else None


def parse_int(value: str | None) -> int | None:
    text = (value or "").strip()
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def clean(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None
