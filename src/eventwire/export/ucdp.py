"""UCDP-GED export: the fatal events of organised violence, in GED's columns.

GED holds one row per event of organised violence with at least one death, typed as
1 state-based (a government's forces against an armed group or another state), 2 non-state (two
organised armed groups) or 3 one-sided (an organised armed side against unarmed people). ACLED's
Protests, Riots and Strategic developments are not organised violence, except forces killing
protesters (one-sided). Events with no death, no date or no organised side are left out; the
writer says how many (`skipped`). Events placed in no country are left out too.

GED's own identifiers (conflict, dyad and side ids, Gleditsch-Ward codes, PRIO-GRID cells) need
UCDP's actor and conflict lists, so they are not written. State sides are named as GED names them,
"Government of <country>", whichever of its forces acted.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from eventwire.models import POLITICAL_VIOLENCE_TYPES, Actor, Event
from eventwire.reconcile import figures_for

GED_COLUMNS = (
    "id", "year", "type_of_violence", "dyad_name", "side_a", "side_b", "number_of_sources",
    "source_article", "source_date", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "country", "event_clarity",
    "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low",
)  # fmt: skip
STATE_INTERS = frozenset({1, 8})
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
UNARMED_INTERS = frozenset({5, 6, 7})
DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
VICTIM_INTER = {"civilians": 7, "state_forces": 1, "militants": 2}
"""The side a claim's victims stand for when the report names no target."""


@dataclass
class Skipped:
    """Why events were left out of a GED export, and how many for each reason."""

    reasons: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        return ", ".join(f"{count} {reason}" for reason, count in self.reasons.most_common())


def violence_type(item: Event) -> int | None:
    """GED's type of violence for an event, or None when it is not organised violence."""
    violent = item.event_type in POLITICAL_VIOLENCE_TYPES
    if not violent and item.sub_event_type != "Excessive force against protesters":
        return None
    acting, target = _side_inters(item)
    if acting not in ARMED_INTERS:
        return None
    if target in UNARMED_INTERS or item.event_type == "Protests":
        return 3
    if target in ARMED_INTERS:
        return 1 if STATE_INTERS & {acting, target} else 2
    return 3 if item.event_type == "Violence against civilians" else None


def _acting_and_target(item: Event) -> tuple[Actor | None, Actor | None]:
    """(acting side, target side); a Protests event's forces (actor2) act on the crowd."""
    if item.event_type == "Protests":
        return item.actor2, item.actor1
    return item.actor1, item.actor2


def _side_inters(item: Event) -> tuple[int | None, int | None]:
    """(acting, target) inter codes; an unnamed target is the claims' victims when they agree."""
    acting, target = _acting_and_target(item)
    if target is None and item.event_type != "Protests":
        return _inter(acting), _victims_inter(item)
    return _inter(acting), _inter(target)


def _victims_inter(item: Event) -> int | None:
    victims = {claim.victims for claim in item.claims if claim.kind == "killed"}
    known = [VICTIM_INTER[v] for v in victims if v in VICTIM_INTER]
    return known[0] if len(known) == 1 else None


def _inter(actor: Actor | None) -> int | None:
    return actor.inter if actor else None


def ged_row(item: Event, kind: int) -> dict[str, object]:
    side_a, side_b = _sides(item, kind)
    location = item.location
    when = item.event_date
    return {
        "id": item.id,
        "year": when.year if when else "",
        "type_of_violence": kind,
        "dyad_name": f"{side_a} - {side_b}",
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": len(item.document_ids),
        "source_article": "; ".join(item.sources),
        "source_date": _first_report(item),
        **_where(item),
        "country": location.country if location else "",
        "event_clarity": 1 if item.date_precision == "day" else 2,
        "date_prec": DATE_PREC.get(item.date_precision or "", 5),
        "date_start": when.isoformat() if when else "",
        "date_end": when.isoformat() if when else "",
        **_deaths(item, kind),
        "best": item.fatalities.best,
        "high": item.fatalities.high,
        "low": item.fatalities.low,
    }


def _sides(item: Event, kind: int) -> tuple[str, str]:
    """(side_a, side_b) as GED orders them: the government first in state-based violence, the
    perpetrator first in one-sided violence ("civilians" on side B)."""
    acting, target = _acting_and_target(item)
    if kind == 3:
        return _ged_name(acting), "Civilians"
    first, second = _ged_name(acting), _ged_name(target) if target else "Unknown"
    if kind == 1 and _inter(target) in STATE_INTERS and _inter(acting) not in STATE_INTERS:
        return second, first
    return first, second


def _ged_name(actor: Actor | None) -> str:
    if actor is None:
        return "Unknown"
    if actor.inter in STATE_INTERS and " of " in actor.name:
        return "Government of " + actor.name.split(" of ", 1)[1].split(" (")[0]
    return actor.name


def _where(item: Event) -> dict[str, object]:
    location = item.location
    assert location is not None  # events without a country are not exported
    has_point = location.latitude is not None and location.longitude is not None
    return {
        "where_prec": _where_prec(item),
        "where_coordinates": location.name,
        "where_description": item.summary,
        "adm_1": location.admin1 or "",
        "adm_2": location.admin2 or "",
        "latitude": location.latitude if has_point else "",
        "longitude": location.longitude if has_point else "",
        "geom_wkt": f"POINT ({location.longitude} {location.latitude})" if has_point else "",
    }


def _where_prec(item: Event) -> int:
    """GED's 1-7: 1 the place itself, 2 within ~25 km of it, 3 a second-order unit, 4 a
    first-order unit, 6 only the country (ACLED's geo_precision 1, 2, 3 and none)."""
    location = item.location
    assert location is not None
    if location.latitude is None or location.geo_precision is None:
        return 4 if location.admin1 else 6
    if location.geo_precision == 3:
        return 3 if location.admin2 and location.name == location.admin2 else 4
    return location.geo_precision


def _first_report(item: Event) -> str:
    dates = [claim.reported_at for claim in item.claims if claim.reported_at]
    return min(dates).isoformat() if dates else ""


def _deaths(item: Event, kind: int) -> dict[str, int]:
    """Deaths per side from the claims that name their victims; the rest are unknown."""
    by_victims = {
        victims: figures_for([c for c in item.claims if c.victims == victims], "killed").best or 0
        for victims in ("civilians", "state_forces", "militants")
    }
    civilians = by_victims["civilians"]
    state, militants = by_victims["state_forces"], by_victims["militants"]
    if kind == 3:
        state_acted = _inter(_acting_and_target(item)[0]) in STATE_INTERS
        side_a_deaths, side_b_deaths = (state if state_acted else militants), 0
    elif kind == 1:
        side_a_deaths, side_b_deaths = state, militants
    else:
        side_a_deaths, side_b_deaths = 0, 0
    best = item.fatalities.best or 0
    counted = side_a_deaths + side_b_deaths + civilians
    return {
        "deaths_a": side_a_deaths,
        "deaths_b": side_b_deaths,
        "deaths_civilians": civilians,
        "deaths_unknown": max(0, best - counted),
    }


def ged_rows(events: Iterable[Event], skipped: Skipped | None = None) -> list[dict[str, object]]:
    rows = []
    for item in events:
        reason, kind = _exclusion(item)
        if reason:
            if skipped is not None:
                skipped.reasons[reason] += 1
            continue
        rows.append(ged_row(item, kind))
    return rows


def _exclusion(item: Event) -> tuple[str | None, int]:
    kind = violence_type(item)
    if kind is None:
        return "not organised violence", 0
    if not item.fatalities.best:
        return "without a death", 0
    if item.event_date is None:
        return "undated", 0
    if item.location is None or not item.location.country:
        return "without a country", 0
    return None, kind


def write_ucdp(events: Iterable[Event], out: TextIO, skipped: Skipped | None = None) -> None:
    writer = csv.DictWriter(out, fieldnames=GED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(ged_rows(events, skipped))
