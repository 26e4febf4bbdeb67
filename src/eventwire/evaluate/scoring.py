"""Pair predicted events with gold events and turn every comparison into a `Case`.

Pairing is per document: each (gold, predicted) pair gets a similarity score (same type, sub-type,
date, country, place within 50 km, actor1) and pairs are taken greedily, best first, one-to-one.
Paired events are true positives of detection; unpaired predictions are false positives, unpaired
gold events false negatives. Field metrics are computed over paired events only, so a missed
event counts once, in detection, and not again in every field. A document with no gold event
(a no-event text) is counted apart too: whether it got any event, and which (`FalseEvents`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.evaluate.ceiling import admin1_reachable, country_reachable, point_reachable
from eventwire.evaluate.gold import GoldDocument, GoldEvent
from eventwire.evaluate.matching import actor_match, country_key, norm, same_admin1
from eventwire.evaluate.metrics import haversine_km
from eventwire.geo import admin_key as unit_key
from eventwire.models import Event, Location
from eventwire.reconcile import acled_fatalities

MISSING_DATE_DAYS = 10_000
"""The error, in days, given to a missing predicted date when ranking the worst cases."""


@dataclass(frozen=True)
class Case:
    """One comparison of one field: error 0 is right; larger is worse (for ranking)."""

    field: str
    origin: str
    text: str
    gold: Any
    predicted: Any
    error: float


@dataclass(frozen=True)
class FalseEvents:
    """The events predicted for a document that has no gold event."""

    origin: str
    document_id: str
    title: str | None
    text: str
    events: list[Event]


@dataclass
class Scored:
    """Everything the report needs about one evaluated data set (or one group of its rows)."""

    cases: dict[str, list[Case]] = field(default_factory=dict)
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    missed: list[Case] = field(default_factory=list)
    no_event_documents: int = 0
    """Documents with no gold event (their predictions are in `false_positives` too)."""
    false_events: list[FalseEvents] = field(default_factory=list)
    """The no-event documents that got events, in file order."""

    def add(self, case: Case) -> None:
        self.cases.setdefault(case.field, []).append(case)

    def of(self, name: str) -> list[Case]:
        return self.cases.get(name, [])

    @property
    def gold_events(self) -> int:
        return self.true_positives + self.false_negatives

    def merge(self, other: Scored) -> None:
        """Add `other`'s counts and cases after this one's."""
        for name, cases in other.cases.items():
            self.cases.setdefault(name, []).extend(cases)
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives
        self.missed.extend(other.missed)
        self.no_event_documents += other.no_event_documents
        self.false_events.extend(other.false_events)


NEAR_KM = 25.0
"""'Within 25 km of all events': paired events with gold coordinates, unplaced ones counting as
misses (the distance rows count only the events placed on the map)."""


def distance_km(gold: GoldEvent, predicted: Event) -> float | None:
    location = predicted.location
    if gold.latitude is None or gold.longitude is None or location is None:
        return None
    if location.latitude is None or location.longitude is None:
        return None
    return haversine_km(gold.latitude, gold.longitude, location.latitude, location.longitude)


def similarity(gold: GoldEvent, predicted: Event) -> float:
    score = 2.0 * (gold.event_type == predicted.event_type)
    score += gold.sub_event_type == predicted.sub_event_type
    score += gold.event_date is not None and gold.event_date == predicted.event_date
    country = predicted.location.iso3 or predicted.location.country if predicted.location else None
    score += bool(gold.country) and country_key(gold.country) == country_key(country)
    km = distance_km(gold, predicted)
    score += km is not None and km <= 50
    actor = predicted.actor1.name if predicted.actor1 else None
    score += actor_match(gold.actor1, actor) is not None
    return score


def pair(gold: list[GoldEvent], predicted: list[Event]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by similarity, ties in text order."""
    scored = sorted(
        ((similarity(g, p), -i, -j) for i, g in enumerate(gold) for j, p in enumerate(predicted)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _score, minus_i, minus_j in scored:
        i, j = -minus_i, -minus_j
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score_document(
    scored: Scored, item: GoldDocument, predicted: list[Event], fatality_rule: str
) -> None:
    pairs = pair(item.events, predicted)
    scored.true_positives += len(pairs)
    scored.false_positives += len(predicted) - len(pairs)
    scored.false_negatives += len(item.events) - len(pairs)
    text = item.document.text
    if not item.events:
        scored.no_event_documents += 1
        if predicted:
            document = item.document
            false = FalseEvents(item.origin, document.id, document.title, text, list(predicted))
            scored.false_events.append(false)
    paired = {i for i, _ in pairs}
    for i, gold in enumerate(item.events):
        if i not in paired:
            scored.missed.append(Case("detection", item.origin, text, gold.event_type, None, 1.0))
    for i, j in pairs:
        for case in compare(item.events[i], predicted[j], item.origin, text, fatality_rule):
            scored.add(case)


def compare(
    gold: GoldEvent, predicted: Event, origin: str, text: str, fatality_rule: str
) -> list[Case]:
    """Every field the gold event codes, compared with the predicted event."""

    def case(name: str, gold_value: Any, predicted_value: Any, error: float | bool) -> Case:
        return Case(name, origin, text, gold_value, predicted_value, float(error))

    cases = []
    for name in ("event_type", "sub_event_type"):
        gold_value, predicted_value = getattr(gold, name), getattr(predicted, name)
        if gold_value:
            cases.append(case(name, gold_value, predicted_value, gold_value != predicted_value))
    cases += _actor_cases(gold, predicted, case)
    cases += _count_cases(gold, predicted, fatality_rule, case)
    if gold.event_date is not None:
        found = predicted.event_date
        days = abs((found - gold.event_date).days) if found else MISSING_DATE_DAYS
        cases.append(case("event_date", gold.event_date, found, days))
        if gold.text_date == gold.event_date:
            cases.append(case("event_date_agreed", gold.event_date, found, days))
    cases += _place_cases(gold, predicted, text, case)
    return cases


def _actor_cases(gold: GoldEvent, predicted: Event, case: Any) -> list[Case]:
    cases = []
    sides = [("actor1", gold.actor1, predicted.actor1, gold.inter1)]
    if gold.actor2_coded:
        sides.append(("actor2", gold.actor2, predicted.actor2, gold.inter2))
    for name, gold_name, actor, inter in sides:
        predicted_name = actor.name if actor else None
        if gold_name is not None or name == "actor2":
            match = actor_match(gold_name, predicted_name)
            error = 0.0 if match == "exact" else 0.5 if match == "loose" else 1.0
            cases.append(case(name, gold_name, predicted_name, error))
        if inter:
            found = actor.inter if actor else None
            cases.append(case(f"inter{name[-1]}", inter, found, inter != found))
    return cases


def _count_cases(gold: GoldEvent, predicted: Event, fatality_rule: str, case: Any) -> list[Case]:
    """ACLED rule: ACLED's single figure of the claims (unknown = 0) against ACLED's figure.
    Otherwise the reconciled best (no figure = 0) against gold, skipping unknown gold."""
    cases = []
    if gold.fatalities is not None:
        if fatality_rule == "acled":
            value = acled_fatalities(predicted.claims)
        else:
            value = predicted.fatalities.best or 0
        cases.append(case("fatalities", gold.fatalities, value, abs(value - gold.fatalities)))
    if gold.injuries is not None:
        value = predicted.injuries.best or 0
        cases.append(case("injuries", gold.injuries, value, abs(value - gold.injuries)))
    return cases


def _gold_place(gold: GoldEvent) -> str:
    return " / ".join(part for part in (gold.location, gold.admin1) if part)


def _names_place(gold: GoldEvent, location: Location | None) -> bool:
    """The gold town is the location, or the gold admin1 is its admin1 (GTD's "the city or
    province named in the gold appears in the location")."""
    if location is None:
        return False
    if gold.location and norm(gold.location) in (norm(location.name), norm(location.admin2)):
        return True
    return bool(gold.admin1) and same_admin1(gold.admin1, location)


def same_name(gold_name: str, predicted: str | None) -> bool:
    """Place names alike once folded, or once a kind word is dropped ("Mayo-Sava district")."""
    if predicted is None:
        return False
    return norm(gold_name) == norm(predicted) or unit_key(gold_name) == unit_key(predicted)


def _place_cases(gold: GoldEvent, predicted: Event, text: str, case: Any) -> list[Case]:
    location = predicted.location
    cases = []
    if gold.country:
        value = (location.iso3 or location.country) if location else None
        wrong = country_key(gold.country) != country_key(value)
        cases.append(case("country", gold.country, value, wrong))
        reachable = country_reachable(text, gold.country)
        cases.append(case("country_reachable", gold.country, reachable, not reachable))
    if gold.admin1:
        value = location.admin1 if location else None
        cases.append(case("admin1", gold.admin1, value, not same_admin1(gold.admin1, location)))
        reachable = admin1_reachable(text, gold.admin1, gold.country)
        cases.append(case("admin1_reachable", gold.admin1, reachable, not reachable))
    if gold.location:
        value = location.name if location else None
        cases.append(case("location", gold.location, value, not same_name(gold.location, value)))
    if gold.location or gold.admin1:
        value = f"{location.name} / {location.admin1}" if location else None
        cases.append(
            case("place_or_admin1", _gold_place(gold), value, not _names_place(gold, location))
        )
    if gold.geo_precision is not None and location is not None and location.geo_precision:
        found = location.geo_precision
        cases.append(case("geo_precision", gold.geo_precision, found, found != gold.geo_precision))
    km = distance_km(gold, predicted)
    if km is not None and location is not None:
        where = f"{location.name} ({location.latitude:.3f}, {location.longitude:.3f})"
        cases.append(case("km", f"{gold.location} ({gold.latitude}, {gold.longitude})", where, km))
    if gold.latitude is not None and gold.longitude is not None:
        near = km is not None and km <= NEAR_KM
        cases.append(case("near", gold.location, km, not near))
        reachable = point_reachable(text, gold.latitude, gold.longitude, NEAR_KM)
        cases.append(case("near_reachable", gold.location, reachable, not reachable))
    return cases
