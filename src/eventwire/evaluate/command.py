"""`eventwire eval`: the command's work, kept out of the `cli` package (which parses options)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from eventwire.evaluate.clusters import cluster_section, evaluate_clusters, has_event_keys
from eventwire.evaluate.reliability import reliability_section
from eventwire.evaluate.report import (
    add_to_history,
    dataset_section,
    run_section,
    skipped_lines,
    worst_cases,
)
from eventwire.evaluate.runner import EvalResult, evaluate_file

SKIPPED_SHOWN = 20


def command_line(
    paths: Sequence[Path],
    fmt: str | None,
    limit: int | None,
    offset: int,
    report: Path | None,
    errors: int,
    country: str | None = None,
    strip_date_prefix: bool = False,
    published: date | None = None,
) -> str:
    """The command as typed, rebuilt from its options (for the history file)."""
    words = ["eventwire", "eval", *map(str, paths)]
    if fmt:
        words += ["--format", fmt]
    if limit is not None:
        words += ["--limit", str(limit)]
    if offset != 3:
        words += ["--published-offset", str(offset)]
    if report is not None:
        words += ["--report", str(report)]
    if errors:
        words += ["--errors", str(errors)]
    if country:
        words += ["--country", country]
    if strip_date_prefix:
        words.append("--strip-date-prefix")
    if published is not None:
        words += ["--published", published.isoformat()]
    return shlex.join(words)


def run_eval(
    paths: Sequence[Path],
    fmt: str | None,
    limit: int | None,
    offset: int,
    report: Path | None,
    errors: int,
    country: str | None = None,
    strip_date_prefix: bool = False,
    published: date | None = None,
) -> int:
    """Evaluate each gold file; print the tables (and worst cases); add the run to `report`.
    `published` dates the texts that carry no date and have no gold date (no-event texts).
    The pipeline keeps its doubtful events (flagged): the scores leave them out, the reliability
    table at the end of the run counts them. Returns the exit status: 1 when no gold file could
    be evaluated."""
    pipeline = None
    results: list[EvalResult] = []
    for path in paths:
        try:
            if pipeline is None or country == "auto":  # "auto" learns each file's country
                from eventwire.pipeline import Pipeline, PipelineConfig

                options = {"place": {"country": country}} if country else {}
                pipeline = Pipeline(PipelineConfig(options=options, keep_doubtful=True))
            result = evaluate_file(
                path,
                fmt,
                offset,
                limit,
                pipeline,
                strip_date_prefix=strip_date_prefix,
                published=published,
            )
        except (OSError, ValueError, UnicodeDecodeError) as error:
            click.echo(f"{path}: cannot evaluate: {error}", err=True)
            continue
        if result.gold.skipped:
            click.echo(skipped_lines(result, SKIPPED_SHOWN), err=True)
        click.echo(dataset_section(result, offset, level="##"))
        if has_event_keys(path):
            click.echo(cluster_section(evaluate_clusters(path, pipeline), level="##"))
        if errors:
            click.echo(worst_cases(result, errors))
        results.append(result)
    if not results:
        click.echo("eventwire eval: no gold file could be evaluated", err=True)
        return 1
    click.echo(reliability_section(results, level="##"))
    if report is not None:
        command = command_line(
            paths, fmt, limit, offset, report, errors, country, strip_date_prefix, published
        )
        section = run_section(results, command, offset).rstrip() + "\n\n"
        add_to_history(report, section + reliability_section(results))
        click.echo(f"added this run to {report}", err=True)
    return 0
