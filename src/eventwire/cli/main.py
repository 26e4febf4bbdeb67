"""The eventwire command line: extract, ingest, events, export, eval."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TextIO

import click
from sqlalchemy.exc import SQLAlchemyError

from eventwire.cli.options import confidence_options
from eventwire.cli.tables import render_table
from eventwire.ingest import InputError, read_inputs
from eventwire.models import Document, Event
from eventwire.progress import Progress, describe_error

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _as_date(value: object) -> date | None:
    return value.date() if value is not None else None  # type: ignore[attr-defined]


def _documents(
    paths: Iterable[str], published: date | None, stats: dict[str, int]
) -> Iterator[Document]:
    """Readable documents; a one-line error on stderr for each unreadable input."""
    for item in read_inputs(paths, published):
        if isinstance(item, InputError):
            click.echo(str(item), err=True)
            stats["failed"] += 1
        else:
            stats["read"] += 1
            yield item


def _check_country(_ctx: object, _param: object, value: str | None) -> str | None:
    if value is None or value.lower() == "auto":
        return value and "auto"
    from eventwire.extract.place import country_code

    try:
        return country_code(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


MODEL_HELP = "Event-type model written by `eventwire train` (default: the built-in rules)."
COUNTRY = click.option(
    "--country",
    callback=_check_country,
    help="The country the inputs are about (ISO2, ISO3 or name): a prior for texts that never "
    "name it; 'auto' learns it from the run once one country dominates the placed events.",
)


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: news reports of political violence in, sourced conflict events out."""


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", type=DATE, help="Publication date for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl")
@COUNTRY
@click.option("--model", type=click.Path(exists=True, dir_okay=False), help=MODEL_HELP)
@confidence_options
def extract(
    files: tuple[str, ...],
    published: object,
    fmt: str,
    country: str | None,
    model: str | None,
    min_confidence: float | None,
    keep_doubtful: bool,
) -> None:
    """Print the events reported in FILES (.txt, .jsonl, .html, RSS/Atom, or - for stdin)."""
    from eventwire.train import use_model

    stats = {"read": 0, "failed": 0}
    from eventwire.pipeline import pipeline_for

    pipeline = use_model(pipeline_for(country, min_confidence, keep_doubtful), model)
    events: list[Event] = []
    documents = _documents(files, _as_date(published), stats)
    for _document, found in pipeline.process_many(documents, on_error=_error_reporter(stats)):
        events.extend(found)
        if fmt == "jsonl":
            _write(found, "jsonl")
    if fmt != "jsonl":
        _write(events, fmt)
    _exit_status(stats)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--published", type=DATE, help="Publication date for inputs that carry none.")
@click.option(
    "--db", "db_url", help="Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB)."
)
@COUNTRY
@click.option("--no-dedup", is_flag=True, help="Store every event as new (no cross-report merge).")
@confidence_options
def ingest(
    files: tuple[str, ...],
    published: object,
    db_url: str | None,
    country: str | None,
    no_dedup: bool = False,
    min_confidence: float | None = None,
    keep_doubtful: bool = False,
) -> None:
    """Extract events from FILES and store documents, events and claims."""
    from eventwire.store import Store

    store = Store(db_url)
    store.dedup_enabled = not no_dedup
    stats = {"read": 0, "failed": 0}
    stored = skipped = events = 0
    documents = (
        d for d in _documents(files, _as_date(published), stats) if not store.has_document(d.id)
    )
    report = _error_reporter(stats)
    from eventwire.pipeline import pipeline_for

    pipeline = pipeline_for(country, min_confidence, keep_doubtful)
    with Progress("ingest", unit="docs") as progress:
        for document, found in pipeline.process_many(documents, on_error=report):
            try:
                saved = store.save(document, found)
            except SQLAlchemyError as error:
                report(document, error)
                continue
            stored += saved
            events += len(found) if saved else 0
            skipped += not saved
            progress.advance()
    skipped += stats["read"] - stored - skipped
    click.echo(
        f"ingested {stored} document(s), {events} event(s); {skipped} already stored; "
        f"{stats['failed']} failed",
        err=True,
    )
    _exit_status(stats)


def _error_reporter(stats: dict[str, int]) -> Callable[[Document, Exception], None]:
    """One line on stderr for a document that failed after it was read; the run goes on."""

    def report(document: Document, error: Exception) -> None:
        stats["read"] -= 1
        stats["failed"] += 1
        click.echo(
            f"eventwire: {document.origin}: not processed ({describe_error(error)})", err=True
        )

    return report


@main.command()
@click.option(
    "--db", "db_url", help="Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB)."
)
@click.option("--country", help="Country name or ISO3 code.")
@click.option("--since", type=DATE, help="Events on or after this date.")
@click.option("--until", type=DATE, help="Events on or before this date.")
@click.option("--type", "event_type", help="ACLED event type, e.g. Battles.")
@click.option("--actor", help="Part of an actor's name (actor1 or actor2).")
@click.option("--min-fatalities", type=int, help="Best fatality figure at least this.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default="table"
)
def events(db_url: str | None, fmt: str, **filters: object) -> None:
    """Query stored events."""
    from eventwire.store import EventFilter, Store

    for key in ("since", "until"):
        filters[key] = _as_date(filters[key])
    _write(Store(db_url).events(EventFilter(**filters)), fmt)  # type: ignore[arg-type]


@main.command()
@click.option(
    "--db", "db_url", help="Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "acled", "ucdp", "geojson", "parquet"]),
    default="jsonl",
    help="ucdp: UCDP-GED columns, fatal organised violence only; parquet: typed, binary.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="File to write.")
def export(db_url: str | None, fmt: str, out: Path | None) -> None:
    """Export every stored event in FORMAT."""
    from eventwire.export import BINARY_FORMATS
    from eventwire.store import Store

    stored = Store(db_url).events()
    if fmt in BINARY_FORMATS:
        _export_binary(stored, fmt, out)
    elif out is None:
        _export_text(stored, fmt, sys.stdout)
        sys.stdout.flush()
    else:
        with out.open("w", encoding="utf-8", newline="") as handle:
            _export_text(stored, fmt, handle)
    if out is not None:
        click.echo(f"wrote {len(stored)} event(s) to {out}", err=True)


def _export_text(stored: list[Event], fmt: str, handle: TextIO) -> None:
    from eventwire.export import write_events
    from eventwire.export.ucdp import Skipped, write_ucdp

    if fmt != "ucdp":
        write_events(stored, fmt, handle)
        return
    skipped = Skipped()
    write_ucdp(stored, handle, skipped)
    if skipped.reasons:
        click.echo(f"ucdp: left out {skipped.summary()}", err=True)


def _export_binary(stored: list[Event], fmt: str, out: Path | None) -> None:
    from eventwire.export import write_events_binary

    if out is None and sys.stdout.isatty():
        raise click.ClickException(f"{fmt} is a binary format: give --out FILE or pipe the output")
    write_events_binary(stored, fmt, str(out) if out else sys.stdout.buffer)


@main.command("eval")
@click.argument(
    "gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--format", "fmt", type=click.Choice(["acled", "gtd", "jsonl"]), help="Default: from the file."
)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N gold documents.")
@click.option(
    "--published-offset",
    "offset",
    type=int,
    default=3,
    show_default=True,
    help="Publication date = gold date + DAYS.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Add this run to a Markdown history file (aggregate figures only).",
)
@click.option(
    "--errors", type=click.IntRange(min=0), default=0, help="List N worst cases per field."
)
@COUNTRY
@click.option(
    "--strip-date-prefix",
    is_flag=True,
    help='Cut GTD\'s "MM/DD/YYYY: " prefix, to measure what is done with an undated summary.',
)
@click.option(
    "--published",
    type=DATE,
    help="Publication date of texts that carry none and have no gold date (no-event texts, "
    "e.g. a JSONL of articles in the input shape). Default: none.",
)
def eval_(
    gold: tuple[Path, ...],
    fmt: str | None,
    limit: int | None,
    offset: int,
    report: Path | None,
    errors: int,
    country: str | None,
    strip_date_prefix: bool,
    published: object,
) -> None:
    """Score the pipeline against GOLD files (ACLED CSV, GTD CSV or eventwire JSONL gold; a
    JSONL of texts in the input shape is scored for its false events)."""
    from eventwire.evaluate.command import run_eval

    status = run_eval(
        gold, fmt, limit, offset, report, errors, country, strip_date_prefix, _as_date(published)
    )
    if status:
        sys.exit(status)


@main.command()
@click.option(
    "--acled",
    "export_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An ACLED export (CSV with notes, event_type, sub_event_type).",
)
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--holdout",
    type=click.FloatRange(0.0, 0.9),
    default=0.0,
    help="Share of rows kept aside to report accuracy.",
)
def train(export_path: Path, out: Path, holdout: float) -> None:
    """Fit an event-type classifier on your own ACLED export; use it with --model."""
    from eventwire.train import train_acled

    try:
        model, stats = train_acled(export_path, holdout)
    except (OSError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    model.save(out)
    shown = ", ".join(f"{k} {v:.1%}" if v < 1 else f"{k} {v:g}" for k, v in stats.items())
    click.echo(f"wrote {out}: {shown}", err=True)


def _write(items: list[Event], fmt: str) -> None:
    if fmt == "table":
        click.echo(render_table(items))
        return
    from eventwire.export import write_events

    write_events(items, fmt, sys.stdout)
    sys.stdout.flush()


def _exit_status(stats: dict[str, int]) -> None:
    if stats["read"] == 0:
        click.echo("eventwire: no input could be processed", err=True)
        sys.exit(1)
