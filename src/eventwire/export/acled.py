"""The ACLED export: the 31 columns of a real ACLED export, in its order, so that scripts written
for ACLED's files run on ours.

- `event_id_cnty` is ACLED's form, the ISO alpha-3 code and a number ("MLI20418377");
  `event_id_no_cnty` is that number and `data_id` a number for the row. Both numbers come from the
  event's own id (a digest), so exporting the same events again gives the same ids.
- `country` is ACLED's spelling, `iso` the ISO 3166 numeric code, `region` ACLED's region
  (`geo.countries`); `iso3` stays ISO alpha-3.
- Columns the pipeline does not code (`assoc_actor_1`, `assoc_actor_2`, `admin3`,
  `source_scale`) are present and empty. `timestamp` is the time of the export (ACLED: of the
  row's last change), in Unix seconds.
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections.abc import Iterable
from typing import TextIO

from eventwire.geo import acled_country
from eventwire.models import Event
from eventwire.reconcile import acled_fatalities

TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
ACLED_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "timestamp", "iso3",
)  # fmt: skip
ID_DIGITS = 8
"""Digits of `event_id_no_cnty` (ACLED's run to 5-6 today; 8 keep digests apart)."""


def event_number(event_id: str, digits: int = ID_DIGITS) -> int:
    """A stable number for an event id (the same id always gives the same number)."""
    digest = hashlib.sha1(event_id.encode("utf-8")).hexdigest()
    return int(digest, 16) % 10**digits


def acled_row(item: Event, timestamp: int | None = None) -> dict[str, object]:
    location = item.location
    country = acled_country(location.iso3) if location else None
    number = event_number(item.id)
    inter1 = item.actor1.inter if item.actor1 and item.actor1.inter else ""
    inter2 = item.actor2.inter if item.actor2 and item.actor2.inter else ""
    return {
        "data_id": event_number(item.id, ID_DIGITS + 1),
        "iso": country.numeric if country else "",
        "event_id_cnty": f"{country.alpha3 if country else 'XXX'}{number}",
        "event_id_no_cnty": number,
        "event_date": item.event_date.isoformat() if item.event_date else "",
        "year": item.event_date.year if item.event_date else "",
        "time_precision": TIME_PRECISION.get(item.date_precision or "", ""),
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
        "actor1": item.actor1.name if item.actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": item.actor2.name if item.actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "region": country.region if country else "",
        "country": country.name if country else _blank(location.country if location else None),
        "admin1": _blank(location.admin1 if location else None),
        "admin2": _blank(location.admin2 if location else None),
        "admin3": "",
        "location": location.name if location else "",
        "latitude": _blank(location.latitude if location else None),
        "longitude": _blank(location.longitude if location else None),
        "geo_precision": _blank(location.geo_precision if location else None),
        "source": "; ".join(item.sources),
        "source_scale": "",
        "notes": item.summary,
        "fatalities": acled_fatalities(item.claims),
        "timestamp": int(time.time()) if timestamp is None else timestamp,
        "iso3": country.alpha3 if country else _blank(location.iso3 if location else None),
    }


def interaction(inter1: object, inter2: object) -> object:
    """ACLED's two-digit interaction code: the lower inter first (e.g. 12)."""
    codes = sorted(int(code) for code in (inter1, inter2) if code not in ("", None))
    if not codes:
        return ""
    return int("".join(str(code) for code in codes)) if len(codes) == 2 else codes[0] * 10


def write_acled(events: Iterable[Event], out: TextIO, timestamp: int | None = None) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    now = int(time.time()) if timestamp is None else timestamp
    writer.writerows(acled_row(item, now) for item in events)


def _blank(value: object) -> object:
    return "" if value is None else value
