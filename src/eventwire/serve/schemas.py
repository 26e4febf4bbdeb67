"""Request models: every query string and body is validated here, at the edge, before it reaches
the store. Unknown parameters and fields are refused (422) rather than silently ignored."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from eventwire.models import EVENT_TYPES
from eventwire.store import EventFilter

Text = Annotated[str, Field(min_length=1, max_length=200)]
SUB_TYPES = {sub.lower(): sub for subs in EVENT_TYPES.values() for sub in subs}
TYPES = {name.lower(): name for name in EVENT_TYPES}


def canonical_type(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return TYPES[value.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown event type; one of: {', '.join(EVENT_TYPES)}") from None


def canonical_sub_type(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return SUB_TYPES[value.strip().lower()]
    except KeyError:
        raise ValueError("unknown sub-event type (see /api/meta event_types)") from None


def check_pair(event_type: str | None, sub_event_type: str | None) -> None:
    if event_type and sub_event_type and sub_event_type not in EVENT_TYPES[event_type]:
        raise ValueError(
            f"sub_event_type {sub_event_type!r} is not a sub-type of {event_type!r}; "
            f"one of: {', '.join(EVENT_TYPES[event_type])}"
        )


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Typed(Strict):
    """An ACLED event type and sub-type, spelt as ACLED does whatever case the client used."""

    event_type: Text | None = None
    sub_event_type: Text | None = None

    @field_validator("event_type")
    @classmethod
    def _type(cls, value: str | None) -> str | None:
        return canonical_type(value)

    @field_validator("sub_event_type")
    @classmethod
    def _sub_type(cls, value: str | None) -> str | None:
        return canonical_sub_type(value)


# --- query strings ---------------------------------------------------------------------------


class EventQuery(Typed):
    """The event filters shared by the list, the time series and the export."""

    country: Text | None = None
    admin1: Text | None = None
    event_type: Text | None = None
    sub_event_type: Text | None = None
    actor: Text | None = None
    since: date | None = None
    until: date | None = None
    min_fatalities: int | None = Field(None, ge=0)
    bbox: str | None = Field(None, description="west,south,east,north in degrees")
    q: str | None = Field(None, max_length=200, description="words in summary, actors or place")

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        if value is not None:
            parse_bbox(value)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> EventQuery:
        check_pair(self.event_type, self.sub_event_type)
        if self.since and self.until and self.since > self.until:
            raise ValueError("since must not be after until")
        return self

    def to_filter(self) -> EventFilter:
        return EventFilter(
            country=self.country,
            admin1=self.admin1,
            event_type=self.event_type,
            sub_event_type=self.sub_event_type,
            actor=self.actor,
            since=self.since,
            until=self.until,
            min_fatalities=self.min_fatalities,
            bbox=parse_bbox(self.bbox) if self.bbox else None,
            text=self.q or None,
        )


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox is west,south,east,north (four numbers)")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ValueError("bbox is west,south,east,north (four numbers)") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValueError("bbox longitudes must be within -180..180")
    if not (-90 <= south <= north <= 90):
        raise ValueError("bbox latitudes must be within -90..90 with south <= north")
    return west, south, east, north


class ListQuery(EventQuery):
    limit: int = Field(100, ge=1, le=1000)
    cursor: str | None = Field(None, max_length=500)


class SeriesQuery(EventQuery):
    interval: Literal["day", "week"] = "day"
    by: Literal["event_type", "country", "none"] = "event_type"


class ExportQuery(EventQuery):
    format: Literal["jsonl", "json", "csv", "acled", "ucdp", "geojson", "parquet"] = "jsonl"


class PageQuery(Strict):
    limit: int = Field(100, ge=1, le=1000)
    cursor: str | None = Field(None, max_length=500)


# --- bodies ----------------------------------------------------------------------------------


class ActorIn(Strict):
    name: Text
    inter: int | None = Field(None, ge=0, le=9)


class LocationIn(Strict):
    name: Text
    country: Text | None = None
    iso3: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    admin1: Text | None = None
    admin2: Text | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    geo_precision: int | None = Field(None, ge=1, le=3)
    geonames_id: int | None = None


class FiguresIn(Strict):
    low: int | None = Field(None, ge=0)
    best: int | None = Field(None, ge=0)
    high: int | None = Field(None, ge=0)


NOT_NULL = ("event_type", "sub_event_type", "fatalities", "injuries", "location")


class Changes(Typed):
    """Reviewable fields; a field left out is not changed, `null` clears an optional one."""

    event_type: Text | None = None
    sub_event_type: Text | None = None
    event_date: date | None = None
    date_precision: Literal["day", "week", "month", "year"] | None = None
    actor1: ActorIn | None = None
    actor2: ActorIn | None = None
    location: LocationIn | None = None
    fatalities: FiguresIn | None = None
    injuries: FiguresIn | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Changes:
        if not self.model_fields_set:
            raise ValueError("changes is empty: name at least one field")
        for name in NOT_NULL:
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null")
        check_pair(self.event_type, self.sub_event_type)
        return self

    def as_values(self) -> dict[str, Any]:
        """Only the fields the client sent; figures keep only the parts it sent."""
        values: dict[str, Any] = {}
        for name in self.model_fields_set:
            value = getattr(self, name)
            if isinstance(value, FiguresIn):
                values[name] = value.model_dump(include=value.model_fields_set)
            elif isinstance(value, BaseModel):
                values[name] = value.model_dump()
            elif isinstance(value, date):
                values[name] = value.isoformat()
            else:
                values[name] = value
        return values


class Who(Strict):
    reason: str = Field(min_length=1, max_length=2000)
    user: str = Field(min_length=1, max_length=100)


class EditRequest(Who):
    changes: Changes


class MergeRequest(Who):
    other_id: str = Field(min_length=1, max_length=64)


class SplitRequest(Who):
    merge_id: int = Field(ge=1)
