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
from eventwire.dedup.evidence import (
    at_night,
    evidence_similarity,
    figures,
    language_of,
    names,
    translated,
)
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


@dataclass(frozen=True)
class Published:
    """The publication dates of the new report and of the stored event's reports."""

    new: date | None = None
    stored: tuple[date, ...] = ()


def score_pair(
    new: Event, signature: Signature, row: EventRow, stored: EventSignatureRow | None,
    config: DedupConfig, stored_victims: frozenset[str] = frozenset(),
    published: Published = Published(),
) -> PairScore | None:  # fmt: skip
    stored_text = stored.text if stored is not None else ""
    date_part = _date_score(new, row, config, published, (signature.text, stored_text))
    place_part = _place_score(new.location, row, config, signature.text, stored_text)
    if date_part is None or place_part is None:
        return None
    type_score = _type_score(new, row, config)
    actors = _actor_score(new, row)
    raw_text, method = _text_score(signature, stored, config.text_mean_share)
    text = _rescaled(raw_text, config.text_floor.get(method, 0.0))
    if method == "embedding":  # the English sentence model does not read French
        text = max(text, _cross_language_score(signature.text, stored_text, config.text_mean_share))
    evidence = _evidence_score(signature.text, stored_text, config.text_mean_share)
    new_victims = victims_of(item.victims for item in new.claims)
    victims = _victim_score(new_victims, stored_victims)
    parts = {"place": place_part[0], "type": type_score, "text": text}
    if date_part[0] is not None:
        parts["date"] = date_part[0]
    elif not _enough_without_date(place_part[0], type_score, text, config):
        return None
    if actors is not None:
        parts["actors"] = actors
    if victims is not None:
        parts["victims"] = victims
    weights = {name: config.weights[name] for name in parts}
    total = sum(weights[name] * value for name, value in parts.items()) / sum(weights.values())
    date_score = None if date_part[0] is None else round(date_part[0], 3)
    reasons = {
        "date": {"score": date_score, **date_part[1]},
        "place": {"score": round(place_part[0], 3), **place_part[1]},
        "type": {"score": round(type_score, 3), "new": new.sub_event_type,
                 "stored": row.sub_event_type, **_type_reason(new, row)},
        "actors": {"score": None if actors is None else round(actors, 3),
                   "new": _names_of_event(new), "stored": _names_of_row(row)},
        "victims": {"score": victims, "new": sorted(new_victims),
                    "stored": sorted(stored_victims)},
        "text": {"score": round(text, 3), "method": method},
        "evidence": {"score": round(evidence, 3), "shared": _shared(signature.text, stored_text)},
    }  # fmt: skip
    return PairScore(round(total, 4), text, method, reasons)


def plausible(new: Event, row: Any, config: DedupConfig) -> bool:
    """A cheap first look at a light candidate row (id, dates, iso3, point, place): False when
    its date or place rules it out whatever the texts say (the widest tolerances are assumed)."""
    if new.event_date is not None and row.event_date is not None:
        coarser = PRECISION_ORDER[
            max(_precision_index(new.date_precision), _precision_index(row.date_precision))
        ]
        widest = config.tolerance(coarser) + config.overnight_days + config.later_report_days
        if abs((new.event_date - row.event_date).days) > min(widest, config.window(coarser)):
            return False
    if new.location is None or not row.location:
        return True
    return _place_score(new.location, row, config) is not None


def _enough_without_date(place: float, type_score: float, text: float, config: DedupConfig) -> bool:
    return (
        place >= config.no_date_min_place
        and type_score >= config.no_date_min_type
        and text >= config.no_date_min_text
    )


def _date_score(
    new: Event, row: EventRow, config: DedupConfig, published: Published, texts: tuple[str, str]
) -> tuple[float | None, dict] | None:
    """(score, reasons), (None, reasons) when neither a date nor a publication date can be
    compared, or None when the dates cannot be one event's."""
    if new.event_date is not None and row.event_date is not None:
        return _dated_pair(new, row, config, published, texts)
    new_days = (new.event_date,) if new.event_date else tuple(filter(None, (published.new,)))
    stored_days = (row.event_date,) if row.event_date else published.stored
    if not new_days or not stored_days:
        return None, {"no_date": True}
    lag, lead = config.published_lag_days, config.published_lead_days
    if new.event_date is not None or row.event_date is not None:
        event_day = new.event_date or row.event_date
        days = stored_days if new.event_date else new_days
        fits = any(-lead <= (day - event_day).days <= lag for day in days)  # type: ignore[operator]
    else:
        fits = any(abs((a - b).days) <= lag for a in new_days for b in stored_days)
    if not fits:
        return None
    values = {"by_publication": True, "new": _iso_or_none(new.event_date or published.new),
              "stored": _iso_or_none(row.event_date or max(published.stored))}  # fmt: skip
    return config.by_publication, values


def _dated_pair(
    new: Event, row: EventRow, config: DedupConfig, published: Published, texts: tuple[str, str]
) -> tuple[float, dict] | None:
    coarser = PRECISION_ORDER[
        max(_precision_index(new.date_precision), _precision_index(row.date_precision))
    ]
    window = config.window(coarser)
    tolerance = config.tolerance(coarser)
    later = bool(published.new and published.stored and published.new not in published.stored)
    night = coarser == "day" and (at_night(texts[0]) or at_night(texts[1]))
    if coarser == "day":
        tolerance += config.overnight_days * night + config.later_report_days * later
    tolerance = min(tolerance, window)
    days = abs((new.event_date - row.event_date).days)  # type: ignore[operator]
    if days > tolerance:
        return None
    values = {"days_apart": days, "window_days": tolerance, "new": _iso(new.event_date),  # type: ignore[arg-type]
              "stored": _iso(row.event_date), "overnight": night, "later_report": later}  # type: ignore[arg-type]  # fmt: skip
    return 1.0 - days / (tolerance + 1), values


def _iso_or_none(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _precision_index(precision: str | None) -> int:
    return PRECISION_ORDER.index(precision) if precision in PRECISION_ORDER else 3


def _iso(value: date) -> str:
    return value.isoformat()


def _place_score(
    location: Location | None, row: EventRow, config: DedupConfig, text: str = "",
    stored_text: str = "",
) -> tuple[float, dict] | None:  # fmt: skip
    stored = row.location or {}
    if not stored or location is None:
        return _named_place(location, stored, config, text, stored_text)
    if location.iso3 and row.iso3 and location.iso3 != row.iso3:
        return None
    names = {"new": location.name, "stored": stored.get("name")}
    same_admin1 = bool(location.admin1) and location.admin1 == stored.get("admin1")
    within = _contained(location.to_record(), stored)
    inside = {"contained": within} if within else {}
    if location.latitude is None or row.latitude is None or row.longitude is None:
        value = config.same_admin1 if same_admin1 else config.same_country
        value = max(value, config.contained.get(within or "", 0.0))
        return value, {**names, "same_admin1": same_admin1, **inside}
    km = _distance_km(location.latitude, location.longitude, row.latitude, row.longitude)  # type: ignore[arg-type]
    coarser = max(location.geo_precision or 3, stored.get("geo_precision") or 3)
    tolerance = config.tolerance_km(coarser)
    values = {**names, "km": round(km, 1), "tolerance_km": tolerance, "same_admin1": same_admin1,
              **inside}  # fmt: skip
    by_unit = config.contained.get(within or "", 0.0)
    if km <= tolerance:
        return 1.0, values
    limit = tolerance * config.max_factor
    if km > limit:
        if by_unit:
            return by_unit, values
        return (config.same_admin1, values) if same_admin1 and coarser >= 2 else None
    return max(1.0 - (km - tolerance) / (limit - tolerance), by_unit), values


def _named_place(
    location: Location | None, stored: dict, config: DedupConfig, text: str, stored_text: str
) -> tuple[float, dict] | None:
    """A side without a place matches when its text names the other side's place."""
    if location is None and stored and _named_in(text, stored.get("name")):
        return config.named_in_text, {"stored": stored.get("name"), "named_in_text": True}
    if location is not None and not stored and _named_in(stored_text, location.name):
        return config.named_in_text, {"new": location.name, "named_in_text": True}
    return None


def _contained(first: dict, second: dict) -> str | None:
    """'admin2', 'admin1' or 'country' when one place is the wider unit that holds the other
    (a province against a town of it, a town against the country alone), else None."""
    for outer, inner in ((first, second), (second, first)):
        if (outer.get("geo_precision") or 3) < 2 or not outer.get("name"):
            continue
        name = fold(outer["name"])
        for level in ("admin2", "admin1", "country"):
            if (
                inner.get(level)
                and fold(inner[level]) == name
                and inner.get("name") != outer["name"]
            ):
                return level
    return None


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


def _type_reason(new: Event, row: EventRow) -> dict[str, Any]:
    if new.event_type == row.event_type:
        return {}
    return {"compatible": f"{new.event_type} / {row.event_type}: reports of one attack differ"}


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
        values = [_across_languages(signature.text, part) for part in parts]
        method = "lexical"
    mean = sum(values) / len(values)
    return (1 - mean_share) * max(values) + mean_share * mean, method


def _across_languages(text: str, other: str) -> float:
    """Lexical similarity within one language; across French and English, the higher of the
    similarity of the translated words and the names and figures in common."""
    if language_of(text) == language_of(other):
        return lexical_similarity(text, other)
    similar = lexical_similarity(translated(text), translated(other))
    return max(similar, evidence_similarity(text, other))


def _cross_language_score(text: str, stored_text: str, mean_share: float) -> float:
    """The lexical method's similarity to the stored reports in the other language (0 for those
    in the same one), best and mean mixed."""
    parts = [part for part in stored_text.split("\n\n") if part]
    if not parts:
        return 0.0
    language = language_of(text)
    values = [
        _across_languages(text, part) if language_of(part) != language else 0.0 for part in parts
    ]
    return (1 - mean_share) * max(values) + mean_share * sum(values) / len(values)


def _evidence_score(text: str, stored_text: str, mean_share: float) -> float:
    """Names and figures in common with the stored event's reports (best and mean mixed)."""
    parts = [part for part in stored_text.split("\n\n") if part]
    if not parts:
        return 0.0
    values = [evidence_similarity(text, part) for part in parts]
    return (1 - mean_share) * max(values) + mean_share * sum(values) / len(values)


def _shared(text: str, stored_text: str) -> list[str]:
    """The names and figures the new report shares with the stored event, for the merge record."""
    common_names = names(text) & names(stored_text)
    common_figures = figures(text) & figures(stored_text)
    return sorted(common_names) + [str(value) for value in sorted(common_figures)]


def _rescaled(similarity: float, floor: float) -> float:
    """Similarity above the level unrelated texts reach with this method, scaled to 0..1."""
    return max(0.0, (similarity - floor) / (1.0 - floor)) if floor < 1.0 else 0.0
