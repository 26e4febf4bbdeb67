"""`eventwire watch`: poll feeds and pages, store new articles as they appear (see watch/)."""

from __future__ import annotations

import signal
import sys

import click

from eventwire.cli.options import confidence_options
from eventwire.watch import Fetcher, FetchPolicy, PollStats, Watcher, WatchOptions


def _country(_ctx: object, _param: object, value: str | None) -> str | None:
    if value is None:
        return None
    from eventwire.extract.place import country_code

    try:
        return country_code(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="FEED_OR_URL...")
@click.option(
    "--interval", type=click.FloatRange(min=1), default=300.0, show_default=True,
    help="Seconds between two polls.",
)  # fmt: skip
@click.option(
    "--db", "db_url", help="Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB)."
)
@click.option("--once", is_flag=True, help="Poll once, fetch what is new, and exit.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=15.0, show_default=True)
@click.option(
    "--host-delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
    help="Minimum seconds between two requests to one host.",
)  # fmt: skip
@click.option("--country", callback=_country, help="A prior for texts that never name it.")
@click.option("--no-dedup", is_flag=True, help="Store every event as new.")
@confidence_options
def watch(
    sources: tuple[str, ...],
    interval: float,
    db_url: str | None,
    once: bool,
    timeout: float,
    host_delay: float,
    country: str | None,
    no_dedup: bool,
    min_confidence: float | None,
    keep_doubtful: bool,
) -> None:
    """Poll FEED_OR_URL... (RSS/Atom feeds or article pages) and store new articles' events.

    Conditional requests, retries with back-off and a per-host delay keep it polite; what was
    seen is kept in the database, so a restart re-ingests nothing. Ctrl-C stops cleanly.
    """
    from eventwire.pipeline import pipeline_for
    from eventwire.store import Store

    store = Store(db_url)
    store.dedup_enabled = not no_dedup
    fetcher = Fetcher(FetchPolicy(timeout=timeout, host_delay=host_delay))
    on_terminal = sys.stderr.isatty()
    watcher = Watcher(
        store,
        fetcher,
        lambda: pipeline_for(country, min_confidence, keep_doubtful),
        WatchOptions(retry_delay=min(interval, 60.0)),
        on_error=lambda line: click.echo(f"eventwire watch: {line}", err=True),
        on_stored=(lambda line: click.echo(f"stored {line}", err=True)) if on_terminal else None,
    )
    totals = PollStats()
    signal.signal(signal.SIGTERM, _interrupt)
    stopped = False
    try:
        watcher.run(
            list(sources), interval, once, on_round=lambda s: _round(s, totals, on_terminal)
        )
    except KeyboardInterrupt:
        stopped = True
        click.echo("eventwire watch: stopped; everything fetched so far is stored", err=True)
    finally:
        fetcher.close()
    if on_terminal or once or stopped:
        click.echo(
            f"watch: {totals.stored} article(s) stored, {totals.events} event(s), "
            f"{totals.duplicates} duplicate(s), {totals.failed} failed fetch(es)",
            err=True,
        )


def _round(stats: PollStats, totals: PollStats, on_terminal: bool) -> None:
    for name in ("sources", "not_modified", "failed", "queued", "stored", "duplicates", "events"):
        setattr(totals, name, getattr(totals, name) + getattr(stats, name))
    if on_terminal:
        click.echo(
            f"polled {stats.sources} source(s): {stats.not_modified} unchanged, "
            f"{stats.queued} new link(s), {stats.stored} stored, {stats.failed} failed",
            err=True,
        )


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
