"""Dedup thresholds and weights, read from `data/dedup.toml` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.data import load_toml


@dataclass(frozen=True)
class DedupConfig:
    candidate_limit: int = 100
    scan_limit: int = 500
    box_km: float = 150.0
    window_days: dict[str, int] = field(default_factory=dict)
    same_km: dict[int, float] = field(default_factory=dict)
    max_factor: float = 2.5
    same_admin1: float = 0.6
    same_country: float = 0.2
    named_in_text: float = 0.6
    compatible_types: dict[frozenset[str], float] = field(default_factory=dict)
    same_type: float = 0.8
    same_sub_type: float = 1.0
    weights: dict[str, float] = field(default_factory=dict)
    attach: float = 0.6
    min_text: dict[str, float] = field(default_factory=dict)
    text_mean_share: float = 0.5
    text_floor: dict[str, float] = field(default_factory=dict)
    tolerance_days: dict[str, int] = field(default_factory=dict)
    overnight_days: int = 1
    later_report_days: int = 1
    published_lag_days: int = 7
    published_lead_days: int = 1
    by_publication: float = 0.6
    contained: dict[str, float] = field(default_factory=dict)
    no_date_min_place: float = 0.85
    no_date_min_type: float = 0.8
    no_date_min_text: float = 0.25

    def window(self, precision: str | None) -> int:
        return self.window_days.get(precision or "year", max(self.window_days.values()))

    def tolerance(self, precision: str | None) -> int:
        """Days two dates of this precision may differ by before extra tolerance."""
        return self.tolerance_days.get(precision or "year", self.window(precision))

    def tolerance_km(self, precision: int | None) -> float:
        return self.same_km.get(precision or 3, max(self.same_km.values()))


def load_config(raw: dict[str, Any] | None = None) -> DedupConfig:
    data = raw if raw is not None else load_toml("dedup.toml")
    place, types, dates = data["place"], data["type"], data["date"]
    undated = data["undated"]
    return DedupConfig(
        candidate_limit=int(data["candidates"]["limit"]),
        scan_limit=int(data["candidates"]["scan_limit"]),
        box_km=float(data["candidates"]["box_km"]),
        window_days={k: int(v) for k, v in dates["window_days"].items()},
        same_km={int(k): float(v) for k, v in place["same_km"].items()},
        max_factor=float(place["max_factor"]),
        same_admin1=float(place["same_admin1"]),
        same_country=float(place["same_country"]),
        named_in_text=float(place["named_in_text"]),
        compatible_types={frozenset(pair[:2]): float(pair[2]) for pair in types["compatible"]},
        same_type=float(types["same_type"]),
        same_sub_type=float(types["same_sub_type"]),
        weights={k: float(v) for k, v in data["weights"].items()},
        attach=float(data["decision"]["attach"]),
        min_text={k: float(v) for k, v in data["decision"]["min_text"].items()},
        text_mean_share=float(data["decision"]["text_mean_share"]),
        text_floor={k: float(v) for k, v in data["decision"]["text_floor"].items()},
        tolerance_days={k: int(v) for k, v in dates["tolerance_days"].items()},
        overnight_days=int(dates["overnight_days"]),
        later_report_days=int(dates["later_report_days"]),
        published_lag_days=int(undated["published_lag_days"]),
        published_lead_days=int(undated["published_lead_days"]),
        by_publication=float(undated["by_publication"]),
        contained={k: float(v) for k, v in place["contained"].items()},
        no_date_min_place=float(undated["no_date_min_place"]),
        no_date_min_type=float(undated["no_date_min_type"]),
        no_date_min_text=float(undated["no_date_min_text"]),
    )
