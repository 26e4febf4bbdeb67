"""Per-country and per-region rows of a data set whose rows name them (ACLED's `country` and
`region` columns): a compact table of the main figures per group.

Each group is scored exactly as the whole set (`runner.score_predictions` keeps one `Scored` per
group), so a group's row is the whole-set metric restricted to its rows. Countries with fewer
than `COUNTRY_MIN_ROWS` gold events share one "other" row; every region has its own. A set with
one country and one region gets no table.

    print(group_section(result))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from eventwire.evaluate.markdown import div, pct, table
from eventwire.evaluate.runner import EvalResult
from eventwire.evaluate.scoring import Case, Scored

COUNTRY_MIN_ROWS = 30
GROUPS = (("country", COUNTRY_MIN_ROWS), ("region", 0))
HEADER = ("n", "detection recall", "event type", "sub-type", "actor1 loose", "fatalities exact")
PLACE_HEADER = (
    "paired",
    "country",
    "(reachable)",
    "admin1",
    "(reachable)",
    "within 25 km",
    "(reachable)",
)


def group_section(result: EvalResult) -> str:
    """The per-country and per-region tables ("" when the set has a single one of each)."""
    parts = []
    for name, min_rows in GROUPS:
        groups = result.groups.get(name, {})
        if len(groups) < 2:
            continue
        parts.append(table([name, *HEADER], group_rows(groups, min_rows)))
    for name, min_rows in GROUPS:
        groups = result.groups.get(name, {})
        if len(groups) >= 2 and any(g.of("country") for g in groups.values()):
            parts.append(table([name, *PLACE_HEADER], group_rows(groups, min_rows, _places)))
    if not parts:
        return ""
    intro = (
        f"Per country (those with at least {COUNTRY_MIN_ROWS} gold events; the rest in one row) "
        "and per region; n gold events, the fields over the paired events; then the place fields "
        "with the gazetteer's ceiling (reachable) beside each:"
    )
    return "\n\n".join([intro, *parts]) + "\n"


def group_rows(
    groups: dict[str, Scored],
    min_rows: int = 0,
    figures: Callable[[Scored], list[str]] | None = None,
) -> list[list[str]]:
    """One row per group of at least `min_rows` gold events, largest first, then the others."""
    figures = figures or _figures
    ranked = sorted(groups.items(), key=lambda item: (-item[1].gold_events, item[0]))
    shown = [(value, scored) for value, scored in ranked if scored.gold_events >= min_rows]
    rest = [scored for _value, scored in ranked if scored.gold_events < min_rows]
    rows = [[value, *figures(scored)] for value, scored in shown]
    if rest:
        other = Scored()
        for scored in rest:
            other.merge(scored)
        rows.append([f"other ({len(rest)})", *figures(other)])
    return rows


def _places(scored: Scored) -> list[str]:
    """Country, admin1 and within 25 km (of all paired events), each with its ceiling."""
    cells = [str(len(scored.of("country")))]
    for name in ("country", "admin1", "near"):
        cells += [_share(scored.of(name)), _share(scored.of(f"{name}_reachable"))]
    return cells


def _figures(scored: Scored) -> list[str]:
    return [
        str(scored.gold_events),
        pct(div(scored.true_positives, scored.gold_events)),
        _share(scored.of("event_type")),
        _share(scored.of("sub_event_type")),
        _share(scored.of("actor1"), 0.5),
        _share(scored.of("fatalities")),
    ]


def _share(cases: Sequence[Case], limit: float = 0.0) -> str:
    return pct(div(sum(1 for case in cases if case.error <= limit), len(cases)))
