"""`eventwire batch`: an archive processed in parallel on dask.bag and stored as `ingest` would."""

from __future__ import annotations

import os
import sys
from concurrent.futures.process import BrokenProcessPool

import click

from eventwire.batch import SCHEDULERS, BatchOptions, BatchTotals, WorkerSettings, run_batch
from eventwire.cli.options import confidence_options
from eventwire.progress import Progress


def _country(_ctx: object, _param: object, value: str | None) -> str | None:
    if value is None:
        return None
    if value.lower() == "auto":
        raise click.BadParameter(
            "'auto' learns from the order of one sequential run; give a country, or use ingest"
        )
    from eventwire.extract.place import country_code

    try:
        return country_code(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--db", "db_url", help="Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB)."
)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Worker processes or threads [default: CPUs]."
)
@click.option(
    "--partition-size", type=click.IntRange(min=1), default=32, show_default=True,
    help="Documents per dask.bag partition (one task, one transaction).",
)  # fmt: skip
@click.option("--scheduler", type=click.Choice(SCHEDULERS), default="processes", show_default=True)
@click.option(
    "--published", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for inputs that carry none.",
)  # fmt: skip
@click.option(
    "--country", callback=_country, help="The country the inputs are about (a prior, as ingest)."
)
@click.option("--no-dedup", is_flag=True, help="Store every event as new (no cross-report merge).")
@confidence_options
def batch(
    inputs: tuple[str, ...],
    db_url: str | None,
    workers: int | None,
    partition_size: int,
    scheduler: str,
    published: object,
    country: str | None,
    no_dedup: bool,
    min_confidence: float | None,
    keep_doubtful: bool,
) -> None:
    """Extract and store the events of INPUTS (files, directories, globs) in parallel."""
    from eventwire.store import Store

    store = Store(db_url)
    store.dedup_enabled = not no_dedup
    options = BatchOptions(
        workers=workers or os.cpu_count() or 1,
        partition_size=partition_size,
        scheduler=scheduler,
        published=published.date() if published is not None else None,  # type: ignore[attr-defined]
        settings=WorkerSettings(country, min_confidence, keep_doubtful),
    )
    with Progress("batch", unit="docs") as progress:
        try:
            totals = run_batch(list(inputs), store, options, _report, progress)
        except BrokenProcessPool as error:
            raise click.ClickException(
                f"a worker process died ({error}); the partitions saved so far are stored, "
                "and running the same command again goes on from there"
            ) from None
    click.echo(summary(totals), err=True)
    if totals.read == 0:  # as `ingest`: non-zero only when nothing could be processed
        click.echo("eventwire: no input could be processed", err=True)
        sys.exit(1)


def _report(line: str) -> None:
    click.echo(line, err=True)


def summary(totals: BatchTotals) -> str:
    return (
        f"batch: {totals.processed} document(s) processed, {totals.stored} stored, "
        f"{totals.events} event(s); {totals.skipped} already stored; {totals.failed} failed; "
        f"{totals.elapsed:.1f} s, {totals.rate:.1f} articles/s"
    )
