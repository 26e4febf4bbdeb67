"""Metric functions: pure, on lists of (gold, predicted) values. Each result keeps its count `n`."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

EARTH_RADIUS_KM = 6371.0088
KM_THRESHOLDS = (10, 25, 50)


@dataclass(frozen=True)
class Ratio:
    hits: int
    n: int

    @property
    def value(self) -> float | None:
        return self.hits / self.n if self.n else None


@dataclass(frozen=True)
class Detection:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class CountStats:
    """Casualty counts: exact, within ±1, within ±10% (of gold), mean absolute error."""

    exact: Ratio
    within_one: Ratio
    within_ten_percent: Ratio
    mae: float | None

    @property
    def n(self) -> int:
        return self.exact.n


@dataclass(frozen=True)
class DateStats:
    exact: Ratio
    within_one_day: Ratio
    dated: Ratio
    """Events given any date at all."""
    exact_when_dated: Ratio
    """Exact among the events given a date: how far a stated date can be trusted."""


@dataclass(frozen=True)
class DistanceStats:
    within: dict[int, Ratio]
    median_km: float | None
    n: int


def accuracy(pairs: Sequence[tuple[Hashable, Hashable]]) -> Ratio:
    return Ratio(sum(1 for gold, predicted in pairs if gold == predicted), len(pairs))


def macro_f1(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Unweighted mean of per-class F1 over the classes seen in gold (a class predicted but never
    in gold adds false positives to nothing and is not averaged in)."""
    if not pairs:
        return None
    scores = []
    for label in sorted({gold for gold, _ in pairs}, key=str):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def confusion(pairs: Sequence[tuple[Hashable, Hashable]]) -> Counter[tuple[Hashable, Hashable]]:
    """(gold, predicted) -> count."""
    return Counter(pairs)


def within_ten_percent(gold: int, predicted: int) -> bool:
    return abs(predicted - gold) <= 0.1 * gold


def count_stats(pairs: Sequence[tuple[int, int]]) -> CountStats:
    n = len(pairs)
    exact = sum(1 for g, p in pairs if g == p)
    one = sum(1 for g, p in pairs if abs(g - p) <= 1)
    ten = sum(1 for g, p in pairs if within_ten_percent(g, p))
    mae = sum(abs(g - p) for g, p in pairs) / n if n else None
    return CountStats(Ratio(exact, n), Ratio(one, n), Ratio(ten, n), mae)


def date_stats(pairs: Sequence[tuple[date, date | None]]) -> DateStats:
    """A missing predicted date counts as wrong."""
    exact = sum(1 for g, p in pairs if p is not None and p == g)
    near = sum(1 for g, p in pairs if p is not None and abs((p - g).days) <= 1)
    dated = sum(1 for _g, p in pairs if p is not None)
    return DateStats(
        Ratio(exact, len(pairs)),
        Ratio(near, len(pairs)),
        Ratio(dated, len(pairs)),
        Ratio(exact, dated),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_stats(distances: Sequence[float]) -> DistanceStats:
    n = len(distances)
    within = {km: Ratio(sum(1 for d in distances if d <= km), n) for km in KM_THRESHOLDS}
    return DistanceStats(within, statistics.median(distances) if n else None, n)
