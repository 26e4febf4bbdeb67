"""Score a pair of events: date, place, type, actors and text, each 0..1, weighted.

`score_pair` returns None when the pair cannot be one event (dates or places too far apart,
different countries); otherwise a `PairScore` whose `reasons` say which features matched and
with which values, for the merge record.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventwire.dedup.config import DedupConfig
from eventwire.dedup.text import cosine, lexical_similarity
from eventwire.models import Event, Location
from eventwire.store.schema import EventRow, EventSignatureRow

EARTH_KM = 6371.0
PRECISION_ORDER = ("day", "week", "month", "year")
GENERIC_ACTORS = ("Unidentified", "Civilians", "Protesters", "Rioters")
KNOWN_VICTIMS = frozenset({"civilians", "state_forces", "militants"})


@dataclass
class Signature:
    text: str
    vector: list[float] | None = None


@dataclass
class PairScore:
    score: float
    text: float
    method: str
    reasons: dict[str, Any] = field(default_factory=dict)


def score_pair(
    new: Event, signature: Signature, row: EventRow, stored: EventSignatureRow | None,
    config: DedupConfig, stored_victims: frozenset[str] = frozenset(),
) -> PairScore | None:  # fmt: skip
    date_part = _date_score(new, row, config)
    place_part = _place_score(new.location, row, config, signature.text)
    if date_part is None or place_part is None:
        return None
    type_score = _type_score(new, row, config)
    actors = _actor_score(new, row)
    raw_text, method = _text_score(signature, stored, config.text_mean_share)
    text = _rescaled(raw_text, config.text_floor.get(method, 0.0))
    new_victims = victims_of(item.victims for item in new.claims)
    victims = _victim_score(new_victims, stored_victims)
    parts = {"date": date_part[0], "place": place_part[0], "type": type_score, "text": text}
    if actors is not None:
        parts["actors"] = actors
    if victims is not None:
        parts["victims"] = victims
    weights = {name: config.weights[name] for name in parts}
    total = sum(weights[name] * value for name, value in parts.items()) / sum(weights.values())
    reasons = {
        "date": {"score": round(date_part[0], 3), **date_part[1]},
        "place": {"score": round(place_part[0], 3), **place_part[1]},
        "type": {"score": round(type_score, 3), "new": new.sub_event_type,
                 "stored": row.sub_event_type},
        "actors": {"score": None if actors is None else round(actors, 3),
                   "new": _names_of_event(new), "stored": _names_of_row(row)},
        "victims": {"score": victims, "new": sorted(new_victims),
                    "stored": sorted(stored_victims)},
        "text": {"score": round(text, 3), "method": method},
    }  # fmt: skip
    return PairScore(round(total, 4), text, method, reasons)


def _date_score(new: Event, row: EventRow, config: DedupConfig) -> tuple[float, dict] | None:
    if new.event_date is None or row.event_date is None:
        return None
    coarser = max(_precision_index(new.date_precision), _precision_index(row.date_precision))
    window = config.window(PRECISION_ORDER[coarser])
    days = abs((new.event_date - row.event_date).days)
    if days > window:
        return None
    values = {"days_apart": days, "window_days": window, "new": _iso(new.event_date),
              "stored": _iso(row.event_date)}  # fmt: skip
    return 1.0 - days / (window + 1), values


def _precision_index(precision: str | None) -> int:
    return PRECISION_ORDER.index(precision) if precision in PRECISION_ORDER else 3


def _iso(value: date) -> str:
    return value.isoformat()


def _place_score(
    location: Location | None, row: EventRow, config: DedupConfig, text: str = ""
) -> tuple[float, dict] | None:
    stored = row.location or {}
    if not stored:
        return None
    if location is None:
        named = _named_in(text, stored.get("name"))
        return (
            (config.named_in_text, {"stored": stored.get("name"), "named_in_text": True})
            if (named)
            else None
        )
    if location.iso3 and row.iso3 and location.iso3 != row.iso3:
        return None
    names = {"new": location.name, "stored": stored.get("name")}
    same_admin1 = bool(location.admin1) and location.admin1 == stored.get("admin1")
    if location.latitude is None or row.latitude is None or row.longitude is None:
        value = config.same_admin1 if same_admin1 else config.same_country
        return value, {**names, "same_admin1": same_admin1}
    km = _distance_km(location.latitude, location.longitude, row.latitude, row.longitude)  # type: ignore[arg-type]
    coarser = max(location.geo_precision or 3, stored.get("geo_precision") or 3)
    tolerance = config.tolerance_km(coarser)
    values = {**names, "km": round(km, 1), "tolerance_km": tolerance, "same_admin1": same_admin1}
    if km <= tolerance:
        return 1.0, values
    limit = tolerance * config.max_factor
    if km > limit:
        return (config.same_admin1, values) if same_admin1 and coarser >= 2 else None
    return max(1.0 - (km - tolerance) / (limit - tolerance), 0.0), values


def _named_in(text: str, name: str | None) -> bool:
    if not name or len(name) < 4:
        return False
    return fold(name) in fold(text).split() or f" {fold(name)} " in f" {fold(text)} "


def fold(text: str) -> str:
    """Lower case, accents and punctuation dropped: 'Sévaré,' -> 'sevare'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9' -]+", " ", plain).split())


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _type_score(new: Event, row: EventRow, config: DedupConfig) -> float:
    if new.event_type == row.event_type:
        same_sub_type = new.sub_event_type == row.sub_event_type
        return config.same_sub_type if same_sub_type else config.same_type
    return config.compatible_types.get(frozenset((new.event_type, row.event_type)), 0.0)


def _names_of_event(item: Event) -> list[str]:
    return [a.name for a in (item.actor1, item.actor2) if a is not None]


def _names_of_row(row: EventRow) -> list[str]:
    return [name for name in (row.actor1_name, row.actor2_name) if name]


def _actor_score(new: Event, row: EventRow) -> float | None:
    """Share of named actors in common; generic ones (unidentified, civilians) count half."""
    first, second = set(_names_of_event(new)), set(_names_of_row(row))
    if not first or not second:
        return None
    union = first | second
    weight = {name: 0.5 if name.startswith(GENERIC_ACTORS) else 1.0 for name in union}
    return sum(weight[name] for name in first & second) / sum(weight.values())


def victims_of(values: Iterable[str]) -> frozenset[str]:
    """The known victim groups among an event's claims (unknown and mixed say nothing)."""
    return frozenset(value for value in values if value in KNOWN_VICTIMS)


def _victim_score(first: frozenset[str], second: frozenset[str]) -> float | None:
    """1 when the reports name a victim group in common, 0 when their groups differ (soldiers
    killed in an ambush, traders killed at a market), None when either does not say."""
    if not first or not second:
        return None
    return 1.0 if first & second else 0.0


def _text_score(
    signature: Signature, stored: EventSignatureRow | None, mean_share: float
) -> tuple[float, str]:
    """Similarity of the new text to the stored event's report texts: a mix of the best match
    and the mean over its reports (so one look-alike report does not pull in a whole event)."""
    if stored is None:
        return 0.0, "none"
    vectors = stored.vector or []
    if signature.vector is not None and vectors and len(vectors[0]) == len(signature.vector):
        values, method = [cosine(signature.vector, vector) for vector in vectors], "embedding"
    else:
        parts = stored.text.split("\n\n")
        values = [lexical_similarity(signature.text, part) for part in parts]
        method = "lexical"
    mean = sum(values) / len(values)
    return (1 - mean_share) * max(values) + mean_share * mean, method


def _rescaled(similarity: float, floor: float) -> float:
    """Similarity above the level unrelated texts reach with this method, scaled to 0..1."""
    return max(0.0, (similarity - floor) / (1.0 - floor)) if floor < 1.0 else 0.0
