"""Markdown reports of an evaluation: the metrics table, the confusion matrix, the worst cases,
and the history file (docs/accuracy.md) that each run is added to, newest first.

The history file gets aggregate figures only, never a gold row's text or values: the evaluation
data may not be redistributed. Worst-case lists go to standard output.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from eventwire.evaluate.breakdown import group_section
from eventwire.evaluate.markdown import Row, div, pct, table
from eventwire.evaluate.metrics import (
    KM_THRESHOLDS,
    Ratio,
    confusion,
    count_stats,
    date_stats,
    distance_stats,
    macro_f1,
)
from eventwire.evaluate.negatives import false_event_cases, no_event_section
from eventwire.evaluate.runner import EvalResult
from eventwire.evaluate.scoring import Case
from eventwire.models import EVENT_TYPES

MARKER = "<!-- eventwire eval: runs below, newest first -->"
MATRIX_TITLE = "Event types, gold (rows) against predicted (columns), paired events:"
HISTORY_RUNS = 5
"""Runs kept in the history file; older ones stay in its version history."""
_RUN_HEADING = re.compile(r"(?m)^(?=## )")
TEXT_WIDTH = 240
WRONG_ABOVE = {"km": 10.0}
"""A case is listed as wrong when its error is above this (default 0): distances beyond 10 km."""
FIELD_ORDER = (
    "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "fatalities",
    "injuries", "event_date", "country", "admin1", "location", "place_or_admin1", "geo_precision",
    "km",
)  # fmt: skip
HEADER = f"""# Accuracy

Measured by `make eval` (`eventwire eval`) on the development sets in `../shared/eval/`: real,
human-coded data that is not redistributed, so only aggregate figures are kept here.

How to read the tables:
- Each document gets a publication date a few days after its gold date (`--published-offset`); the
  gold fields never reach the extractor. A GTD summary is read as GTD gives it, opening with its
  own "MM/DD/YYYY:" date (`--strip-date-prefix` cuts it, to measure an undated text).
- Detection pairs predicted and gold events one-to-one within a document (greedy on agreement of
  type, date, place, actor); unpaired predictions are false positives. Every other row is over the
  paired events only (its `n`), so a missed event counts once, in detection recall.
- Fatalities: for ACLED gold, ACLED's single figure computed from the claims
  (`acled_fatalities`, unknown = 0); for GTD and JSONL gold, the reconciled best (no figure = 0),
  skipping rows whose gold is unknown. Injuries likewise (GTD `nwound`). ±10% is of the gold figure.
- Actors: names are compared accent- and case-folded, without ACLED's period tags ("(2015-)"),
  with aliases of `src/eventwire/data/actors.toml` resolved to their canonical name (exact match).
  A loose match also ignores country parts ("(Burkina Faso)", "of Burkina Faso"), a sub-unit after
  the period tag ("... (2015-) Gendarmerie") and accepts one side of ACLED's "A and/or B".
  actor2 is scored where the gold codes it (ACLED: an empty actor2 must be predicted empty).
- GTD attack types are mapped to ACLED types by `src/eventwire/data/eval/gtd_attack_types.toml`;
  GTD has no coordinates, so no distances. This extract's GTD day comes from the event id
  (`iday_from_eventid`), which disagrees with the summary's own date in about one dev row in ten, so
  "event_date exact, where gold and text dates agree" scores only the rows where they agree.
- ACLED notes seldom name the country (an export covers one country). `make eval` runs with
  `--country auto` (the country is learnt from the run once one country holds 60% of the placed
  events) and publication two days after the gold date; older ACLED notes (before about 2018)
  rarely give a date, so "event_date exact, of those given" says how far a stated date can be
  trusted. On a file of many countries in no order (the world set) no country reaches that share,
  so every note is placed from its own text: places and admin units named, brackets, demonyms,
  parties and armed groups of one country.
- "location name" compares names accent- and case-folded, also without a kind word ("Mayo-Sava
  district" = "Mayo-Sava").
- "reachable" rows are the gazetteer's ceilings, the share a perfect choice among the gazetteer
  places the text names would reach: "admin1 reachable", the text names some gazetteer place
  (town or unit) of the gold country lying in the gold admin1; "country reachable", some place it
  names (or the country's own name) is in the gold country; "within 25 km reachable", some place
  it names lies within 25 km of the gold point.
- "town or admin1 named": the gold town is the location (or its admin2), or the gold admin1 is its
  admin1; admin1 names match through the gazetteer's alternate names ("Extreme-North" = "Far
  North").
- Distances are haversine, where both gold and prediction have coordinates (`n`). "within 25
  km, of all events" is over every paired event with gold coordinates: an event left off the map
  counts as a miss.
- geo_precision (1 town, 2 near a town or part of a region, 3 a region) is scored where the gold
  codes it and the prediction is a point with a precision (`n`), so it measures the precision
  given to the located events, not whether they were located.
- ACLED exports are read in all their shapes: the day from `event_date_iso` when present (else
  any of "24 September 2019", "2019-09-24", "9-May-23"), inter codes as numbers or labels
  ("Protesters"), and one row per actor (rows of one `event_id_cnty` are one event, "merged";
  an empty actor2 is then read from `actors_all` or `interaction`).
- Sets whose rows name several countries or regions (ACLED `country`, `region`) get a table per
  country (those with at least 30 gold events, the rest in one row) and per region: n gold events,
  detection recall, and event type, sub-type, actor1 (exact or loose) and fatalities (exact) over
  the paired events, computed as in the main table; then a place table per country and per
  region: country, admin1 and within 25 km (of all paired events), each with its gazetteer
  ceiling ("reachable") beside it.
- No-event documents: texts with no gold event (JSONL lines in the contract's input shape, like
  the BBC set, or gold documents with `"events": []`). Every event they get is a false event: the
  share of them with at least one event is the false-event share. Their events also count as
  false positives in detection precision when the set has gold events too. Texts that carry no
  date are published on `--published` (`make eval`: 2005-06-01).
- The newest {HISTORY_RUNS} runs are kept here; older runs are in this file's git history.

{MARKER}
"""


def ratio_row(label: str, ratio: Ratio) -> Row:
    return label, pct(ratio.value), str(ratio.n)


def metric_rows(result: EvalResult) -> list[Row]:
    scored = result.scored
    rows: list[Row] = []
    tp, fp, fn = scored.true_positives, scored.false_positives, scored.false_negatives
    rows.append(("event detection precision", pct(div(tp, tp + fp)), f"{tp + fp} predicted"))
    rows.append(("event detection recall", pct(div(tp, tp + fn)), f"{tp + fn} gold"))
    rows.append(("event detection F1", pct(div(2 * tp, 2 * tp + fp + fn)), str(tp)))
    rows += _category_rows(scored.of("event_type"), "event_type", with_macro=True)
    rows += _category_rows(scored.of("sub_event_type"), "sub_event_type")
    for side in ("actor1", "actor2"):
        rows += _actor_rows(scored.of(side), side)
        rows += _category_rows(scored.of(f"inter{side[-1]}"), f"inter{side[-1]}")
    for name in ("fatalities", "injuries"):
        rows += _count_rows(scored.of(name), name)
    rows += _date_rows(scored.of("event_date"), scored.of("event_date_agreed"))
    for name in ("country", "admin1", "location"):
        rows += _category_rows(scored.of(name), f"{name} name" if name == "location" else name)
        if scored.of(f"{name}_reachable"):
            reachable = _hits(scored.of(f"{name}_reachable"))
            rows.append(ratio_row(f"{name} reachable (a place named lies in it)", reachable))
    rows += _category_rows(scored.of("place_or_admin1"), "town or admin1 named")
    rows += _category_rows(scored.of("geo_precision"), "geo_precision")
    rows += _distance_rows(scored.of("km"))
    if scored.of("near"):
        rows.append(
            ratio_row("within 25 km, of all events (unplaced = miss)", _hits(scored.of("near")))
        )
        reachable = _hits(scored.of("near_reachable"))
        rows.append(
            ratio_row("within 25 km reachable (a place named lies within 25 km)", reachable)
        )
    speed = result.docs_per_second
    rows.append(("documents/s", f"{speed:.1f}" if speed else "–", str(result.documents)))
    return rows


def _hits(cases: Sequence[Case], limit: float = 0.0) -> Ratio:
    return Ratio(sum(1 for c in cases if c.error <= limit), len(cases))


def _category_rows(cases: Sequence[Case], label: str, with_macro: bool = False) -> list[Row]:
    if not cases:
        return []
    rows = [ratio_row(f"{label} accuracy", _hits(cases))]
    if with_macro:
        value = macro_f1([(c.gold, c.predicted) for c in cases])
        rows.append((f"{label} macro-F1", pct(value), str(len(cases))))
    return rows


def _actor_rows(cases: Sequence[Case], side: str) -> list[Row]:
    if not cases:
        return []
    return [
        ratio_row(f"{side} exact match", _hits(cases)),
        ratio_row(f"{side} exact or loose match", _hits(cases, 0.5)),
    ]


def _count_rows(cases: Sequence[Case], name: str) -> list[Row]:
    if not cases:
        return []
    stats = count_stats([(c.gold, c.predicted) for c in cases])
    mae = f"{stats.mae:.2f}" if stats.mae is not None else "–"
    return [
        ratio_row(f"{name} exact", stats.exact),
        ratio_row(f"{name} within ±1", stats.within_one),
        ratio_row(f"{name} within ±10%", stats.within_ten_percent),
        (f"{name} mean absolute error", mae, str(stats.n)),
    ]


def _date_rows(cases: Sequence[Case], agreed: Sequence[Case] = ()) -> list[Row]:
    if not cases:
        return []
    stats = date_stats([(c.gold, c.predicted) for c in cases])
    rows = [
        ratio_row("event_date exact", stats.exact),
        ratio_row("event_date within ±1 day", stats.within_one_day),
        ratio_row("event_date given", stats.dated),
        ratio_row("event_date exact, of those given", stats.exact_when_dated),
    ]
    if agreed:
        exact = date_stats([(c.gold, c.predicted) for c in agreed]).exact
        rows.append(ratio_row("event_date exact, where gold and text dates agree", exact))
    return rows


def _distance_rows(cases: Sequence[Case]) -> list[Row]:
    if not cases:
        return []
    stats = distance_stats([c.error for c in cases])
    rows = [ratio_row(f"location within {km} km", stats.within[km]) for km in KM_THRESHOLDS]
    median = f"{stats.median_km:.1f} km" if stats.median_km is not None else "–"
    rows.append(("location median error", median, str(stats.n)))
    return rows


def confusion_table(cases: Sequence[Case]) -> str:
    """Gold event types down, predicted across."""
    if not cases:
        return ""
    counts = confusion([(c.gold, c.predicted) for c in cases])
    known = list(EVENT_TYPES)
    seen = {str(label) for pair in counts for label in pair}
    labels = known + sorted(seen - set(known))
    labels = [label for label in labels if label in seen]
    rows = [[gold, *(str(counts.get((gold, p), 0) or "") for p in labels)] for gold in labels]
    return table(["gold \\ predicted", *labels], rows)


def skipped_summary(result: EvalResult) -> str:
    reasons = Counter(re.sub(r"\s+['\"(].*$", "", s.reason) for s in result.gold.skipped)
    if not reasons:
        return "0 skipped"
    details = ", ".join(f"{reason}: {count}" for reason, count in reasons.most_common())
    return f"{len(result.gold.skipped)} skipped ({details})"


def dataset_section(result: EvalResult, offset: int, level: str = "###") -> str:
    gold, scored = result.gold, result.scored
    parts = [f"{level} {gold.name} (format {gold.format})", rows_line(result, offset)]
    if scored.gold_events or not scored.no_event_documents:
        parts.append(table(["metric", "value", "n"], metric_rows(result)))
        matrix = confusion_table(scored.of("event_type"))
        if matrix:
            parts += [MATRIX_TITLE, matrix]
    for extra in (no_event_section(result), group_section(result)):
        if extra:
            parts.append(extra.rstrip())
    return "\n\n".join(parts) + "\n"


def rows_line(result: EvalResult, offset: int) -> str:
    """How many rows were read and evaluated, the events predicted and the publication dates."""
    gold, scored = result.gold, result.scored
    merged = f", {gold.merged} merged (one row per actor)" if gold.merged else ""
    undated = gold.published.isoformat() if gold.published else "none"
    published = f"published = gold date + {offset} day(s)"
    if scored.no_event_documents and not scored.gold_events:
        published = f"published = the text's own date, else {undated}"
    elif scored.no_event_documents:
        published += f"; texts with no date and no gold date: {undated}"
    return (
        f"Gold rows: {result.documents} evaluated, {skipped_summary(result)}{merged}; "
        f"{result.predicted_events} event(s) predicted in {result.seconds:.1f} s; {published}."
    )


def run_section(results: Sequence[EvalResult], command: str, offset: int) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## {stamp} · commit {git_commit()}", "", f"`{command}`", ""]
    lines += [dataset_section(result, offset) for result in results]
    return "\n".join(lines)


def git_commit() -> str:
    """`git rev-parse --short HEAD`, marked when the working tree differs from it (read-only)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--"], capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} (with uncommitted changes)" if dirty.returncode == 1 else commit


def add_to_history(path: Path, section: str) -> None:
    """Put `section` on top of the runs in `path`, under the current header (so the reading
    notes follow the code that made the newest run)."""
    existing = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if MARKER in existing:
        tail = existing.split(MARKER, 1)[1]
        kept = [run for run in _RUN_HEADING.split(tail.lstrip()) if run.strip()]
        tail = "".join(kept[: HISTORY_RUNS - 1])
        updated = f"{HEADER.rstrip()}\n\n{section.rstrip()}\n\n{tail.lstrip()}"
    else:
        updated = existing.rstrip() + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated.rstrip() + "\n", encoding="utf-8")


def worst_cases(result: EvalResult, count: int) -> str:
    """The `count` worst cases per field, with the text and both values (for standard output)."""
    if count <= 0:
        return ""
    lines = [f"### Worst cases: {result.gold.name}", ""]
    groups = [("detection (gold event with no predicted event)", result.scored.missed)]
    groups += [(name, result.scored.of(name)) for name in FIELD_ORDER]
    for name, cases in groups:
        limit = WRONG_ABOVE.get(name, 0.0)
        wrong = sorted((c for c in cases if c.error > limit), key=lambda c: -c.error)
        if not wrong:
            continue
        lines += [f"#### {name}: {len(wrong)} wrong of {len(cases)}", ""]
        lines += [_case_line(c) for c in wrong[:count]]
        lines.append("")
    negatives = false_event_cases(result, count)
    if negatives:
        lines.append(negatives)
    return "\n".join(lines)


def _case_line(case: Case) -> str:
    text = " ".join(case.text.split())
    if len(text) > TEXT_WIDTH:
        text = text[: TEXT_WIDTH - 1] + "…"
    off = f" · {case.error:.0f} km off" if case.field == "km" else ""
    return f"- {case.origin}: gold {case.gold!s} · predicted {case.predicted!s}{off}\n  > {text}"


def skipped_lines(result: EvalResult, count: int = 20) -> str:
    shown = [f"- {s}" for s in result.gold.skipped[:count]]
    more = len(result.gold.skipped) - len(shown)
    if more > 0:
        shown.append(f"- ... and {more} more")
    return "\n".join(shown)
