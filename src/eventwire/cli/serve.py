"""`eventwire serve` (the HTTP API and dashboard) and `eventwire reprocess` (re-extract stored
documents, keeping human edits)."""

from __future__ import annotations

import click

DB_HELP = "Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB)."


@click.command()
@click.option("--db", "db_url", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="EVENTWIRE_TOKEN",
    help="Bearer token that enables the write endpoints (or $EVENTWIRE_TOKEN); "
    "without one, edits, merges and splits are refused.",
)
@click.option(
    "--read-token",
    envvar="EVENTWIRE_READ_TOKEN",
    help="Bearer token required for reads (or $EVENTWIRE_READ_TOKEN); default: open reads.",
)
@click.option(
    "--tile-url",
    envvar="EVENTWIRE_TILE_URL",
    help="Online map tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
    "(default: offline country outlines only).",
)
def serve(
    db_url: str | None,
    host: str,
    port: int,
    token: str | None,
    read_token: str | None,
    tile_url: str | None,
) -> None:
    """Serve the HTTP API (/api, schema at /openapi.json) and the dashboard (/)."""
    import uvicorn

    from eventwire.serve.app import ServeSettings, create_app

    settings = ServeSettings(
        db_url=db_url, write_token=token or None, read_token=read_token or None, tile_url=tile_url
    )
    app = create_app(settings)
    writes = "enabled (token required)" if settings.write_token else "disabled (no --token)"
    click.echo(f"eventwire: serving {app.state.store.url} on http://{host}:{port}/; "
               f"writes {writes}", err=True)  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command()
@click.argument("document_ids", nargs=-1)
@click.option("--db", "db_url", help=DB_HELP)
def reprocess(document_ids: tuple[str, ...], db_url: str | None) -> None:
    """Re-extract stored documents (all, or DOCUMENT_IDS) with the current pipeline.

    Machine values and claims are replaced; reviewed values (human edits) are kept."""
    from eventwire.models import Document
    from eventwire.pipeline import Pipeline
    from eventwire.store import Store
    from eventwire.store.reprocess import reprocess as run

    def report(document: Document, error: Exception) -> None:
        click.echo(f"eventwire: {document.origin}: not processed ({error})", err=True)

    store = Store(db_url)
    try:
        stats = run(store, Pipeline(), list(document_ids) or None, on_error=report)
    except KeyError as error:
        raise click.ClickException(str(error).strip("\"'")) from None
    click.echo(
        f"reprocessed {stats.documents} document(s): {stats.updated} event(s) updated, "
        f"{stats.added} new; {stats.failed} failed",
        err=True,
    )
