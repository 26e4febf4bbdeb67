"""Reconcile casualty claims into one low/best/high per kind (policy: docs/reconciliation.md).

    fatalities, injuries = reconcile(frame.claims)
    acled_fatalities(event.claims)  # ACLED's single conservative figure, 0 when unknown

Pure functions of the claims; no parsing, no I/O beyond the cached authority word lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.models import Claim, Figures
from eventwire.reconcile.policy import authority, specificity
from eventwire.registry import register

__all__ = ["Report", "acled_fatalities", "figures_for", "reconcile", "reports"]


@dataclass(frozen=True)
class Report:
    """One source's total in one sentence: its claims for disjoint groups added up."""

    low: int
    high: int | None
    point: int
    """The single figure this report stands for (its low when open-ended, else the middle)."""
    authority: int
    reported_at: date | None
    specificity: int
    vague: bool


def reconcile(claims: Iterable[Claim]) -> tuple[Figures, Figures]:
    """(fatalities, injuries) of an event's claims."""
    claims = list(claims)
    return figures_for(claims, "killed"), figures_for(claims, "injured")


def figures_for(claims: Iterable[Claim], kind: str) -> Figures:
    found = reports([c for c in claims if c.kind == kind])
    if not found:
        return Figures()
    firm = [r for r in found if not r.vague] or found
    bounded = [r for r in firm if r.specificity != specificity("up_to")] or firm
    low = min(r.low for r in bounded)
    high = max(r.high if r.high is not None else r.low for r in firm)
    high = max(high, low)
    best_report = max(firm, key=_rank)
    best = min(max(best_report.point, low), high)
    return Figures(low=low, best=best, high=high)


def _rank(report: Report) -> tuple[int, date, int, int]:
    return (report.authority, report.reported_at or date.min, report.specificity, report.point)


SPECIFIC_VICTIMS = frozenset({"civilians", "state_forces", "militants"})


def reports(claims: Sequence[Claim]) -> list[Report]:
    """Group claims of one kind by (document, sentence, source) and add each group up."""
    groups: dict[tuple[str, tuple[int, int], str, bool], list[Claim]] = {}
    for claim in claims:
        key = (claim.document_id, tuple(claim.span), (claim.source or "").lower(), _total(claim))
        groups.setdefault(key, []).append(claim)  # type: ignore[arg-type]
    completed = _with_complements(list(groups.values()))
    return [_report(group) for group in _without_parts(completed)]


def _without_parts(groups: list[list[Claim]]) -> list[list[Claim]]:
    """Drop a report that is only a part of another report of the same document: "a suicide
    bomber detonated" (1) beside "in addition to the bomber, three people were killed" (1 + 3)."""
    keys = [Counter((c.document_id, c.victims, c.low, c.high) for c in g) for g in groups]
    kept = []
    for i, group in enumerate(groups):
        part = any(
            j != i and len(keys[j]) and keys[i] != keys[j] and not keys[i] - keys[j]
            for j in range(len(groups))
        )
        if not part:
            kept.append(group)
    return kept


def _total(claim: Claim) -> bool:
    """An estimate of everyone ("fatalities coded as 10", "deaths estimated at 40") restates the
    toll: it is a report of its own, never added to the other figures of its sentence."""
    return claim.qualifier == "estimate" and claim.victims == "unknown"


def _victim_class(group: list[Claim]) -> str | None:
    """The one specific victim group a report counts, if it counts exactly one."""
    classes = {claim.victims for claim in group}
    (only, *rest) = classes
    return only if not rest and only in SPECIFIC_VICTIMS else None


def _with_complements(groups: list[list[Claim]]) -> list[list[Claim]]:
    """Complete a report about one victim group with the same document's best report about each
    other group: "four gendarmes were killed ... two attackers were also killed" is 6 dead, not
    a choice between 4 and 2. Reports of unknown or mixed victims are left as they are."""
    by_document: dict[str, list[list[Claim]]] = {}
    for group in groups:
        by_document.setdefault(group[0].document_id, []).append(group)
    completed = []
    for document_groups in by_document.values():
        best: dict[str, list[Claim]] = {}
        for group in document_groups:
            victims = _victim_class(group)
            if victims and (
                victims not in best or _rank(_report(group)) > _rank(_report(best[victims]))
            ):
                best[victims] = group
        for group in document_groups:
            victims = _victim_class(group)
            others = [c for v, g in best.items() if victims and v != victims for c in g]
            completed.append(group + others)
    return completed


def _report(group: list[Claim]) -> Report:
    low = sum(c.low or 0 for c in group)
    open_ended = any(c.high is None for c in group)
    high = None if open_ended else sum(c.high or 0 for c in group)
    point = sum(_point(c) for c in group)
    dates = [c.reported_at for c in group if c.reported_at]
    return Report(
        low=low,
        high=high,
        point=point,
        authority=max(authority(c.source) for c in group),
        reported_at=max(dates) if dates else None,
        specificity=min(specificity(c.qualifier) for c in group),
        vague=all(c.qualifier == "vague" for c in group),
    )


def _point(claim: Claim) -> int:
    low = claim.low or 0
    if claim.high is None or claim.high == low:
        return low
    return (low + claim.high) // 2


def acled_fatalities(claims: Iterable[Claim]) -> int:
    """ACLED's single figure: the most conservative credible total; unknown is 0."""
    fatalities = figures_for(claims, "killed")
    return fatalities.low if fatalities.low is not None else 0


@register("reconcile")
def make_reconciler(**_options: Any) -> Callable[[Iterable[Claim]], tuple[Figures, Figures]]:
    """Not an EventFrame extractor: a callable `(claims) -> (fatalities, injuries)`."""
    return reconcile
