"""Benchmark: latency from an article's arrival to its stored, merged event.

    python -m eventwire.bench.dedup [--background N] [--rounds R] [--gold GOLD.jsonl]
                                    [--postgres URL]

An article "arrives" as the HTML page `watch` would have fetched; the clock stops when `Store.save`
has committed its document, its events and any merge. The store first holds N synthetic background
events (spread over two years and four countries, with signatures, one in ten without an event date)
so the candidate queries work on indexes of realistic size; then the multi-report fixtures arrive
one by one, in publication order, so most of them are attached to an event stored before them.
Prints p50/p95 of the whole path and of its parts (page to text, extraction, store and dedup).

With `--postgres URL` (a role that may create databases, e.g.
postgresql+psycopg://eventwire:eventwire@127.0.0.1:5432/postgres) the store is PostgreSQL: the
background is built once in a scratch database and each round starts from a copy of it
(CREATE DATABASE ... TEMPLATE); the scratch databases are dropped at the end.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from html import escape
from pathlib import Path

from eventwire.evaluate.clusters import read_keyed
from eventwire.models import Actor, Claim, Document, Event, Figures, Location

GOLD = Path("samples/multireport/gold.jsonl")
UNDATED_EVERY = 10
PLACES = (
    ("Mali", "MLI", "Mopti", 14.49, -4.19),
    ("Burkina Faso", "BFA", "Sahel", 14.03, -0.03),
    ("Nigeria", "NGA", "Borno", 11.85, 13.16),
    ("Niger", "NER", "Tillabéri", 14.21, 1.45),
)
WORDS = (
    "gunmen", "attacked", "village", "convoy", "soldiers", "market", "traders", "herders",
    "police", "station", "checkpoint", "mine", "road", "bus", "explosion", "drone", "strike",
)  # fmt: skip


def _page(document: Document) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in document.text.split("\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>{escape(document.title or '')}</title>"
        f'<meta property="article:published_time" content="{document.published}"></head>'
        f"<body><article><h1>{escape(document.title or '')}</h1>{paragraphs}</article>"
        "</body></html>"
    )


def _background_event(number: int, rng: random.Random) -> tuple[Document, Event]:
    country, iso3, admin1, lat, lon = rng.choice(PLACES)
    when = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    undated = number % UNDATED_EVERY == 0  # some stored reports carry no event date
    text = " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "."
    document = Document(id=f"bg-{number}", text=text, published=when, source="background")
    item = Event(
        id=f"bg-ev-{number}",
        document_ids=[document.id],
        event_type="Battles",
        sub_event_type="Armed clash",
        event_date=None if undated else when,
        date_precision=None if undated else "day",
        actor1=Actor(f"Unidentified Armed Group ({country})", 3),
        actor2=Actor(f"Military Forces of {country}", 1),
        location=Location(
            name=f"Place {number}",
            country=country,
            iso3=iso3,
            admin1=admin1,
            latitude=lat + rng.uniform(-2, 2),
            longitude=lon + rng.uniform(-2, 2),
            geo_precision=1,
        ),
        fatalities=Figures(3, 3, 3),
        claims=[Claim("killed", 3, 3, "exact", "state_forces", None, document.id, (0, 10), text)],
    )
    return document, item


def build_background(url: str, count: int) -> None:
    from eventwire.store import Store
    from eventwire.store.convert import claim_rows, event_row
    from eventwire.store.repository import _document_row
    from eventwire.store.schema import EventDocumentRow, EventSignatureRow

    store = Store(url)
    rng = random.Random(7)
    with store.session.begin() as session:
        for number in range(count):
            document, item = _background_event(number, rng)
            session.add(_document_row(document))
            session.add(event_row(item))
            session.flush()
            session.add(EventDocumentRow(event_id=item.id, document_id=document.id))
            session.add_all(claim_rows(item))
            session.add(EventSignatureRow(event_id=item.id, text=document.text))
    store.engine.dispose()


def one_round(url: str, documents: list[Document], pipeline: object) -> list[dict[str, float]]:
    from eventwire.ingest.readers import _read_html
    from eventwire.store import Store

    store = Store(url)
    timings = []
    for document in documents:
        html = _page(document)
        started = time.perf_counter()
        read = _read_html(document.id, html, None)
        parsed = time.perf_counter()
        events = pipeline.process(read)  # type: ignore[attr-defined]
        extracted = time.perf_counter()
        store.save(read, events)
        stored = time.perf_counter()
        timings.append(
            {"total": stored - started, "page": parsed - started,
             "extract": extracted - parsed, "store": stored - extracted}
        )  # fmt: skip
    store.engine.dispose()
    return timings


def _sqlite_rounds(
    documents: list[Document], pipeline: object, args: argparse.Namespace
) -> list[dict[str, float]]:
    timings: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        seed = Path(folder) / "background.db"
        build_background(f"sqlite:///{seed}", args.background)
        for number in range(args.rounds):
            copy = Path(folder) / f"round-{number}.db"
            shutil.copy(seed, copy)
            timings += one_round(f"sqlite:///{copy}", documents, pipeline)
    return timings


def _postgres_rounds(
    url: str, documents: list[Document], pipeline: object, args: argparse.Namespace
) -> list[dict[str, float]]:
    from sqlalchemy import create_engine, make_url, text

    server = make_url(url)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    run = uuid.uuid4().hex[:8]  # two runs on one server never share a database
    seed = f"eventwire_bench_{run}_background"
    rounds = [f"eventwire_bench_{run}_round_{n}" for n in range(args.rounds)]
    timings: list[dict[str, float]] = []

    def drop(names: list[str]) -> None:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    drop([seed, *rounds])
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{seed}"'))
        build_background(server.set(database=seed).render_as_string(False), args.background)
        for name in rounds:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{seed}"'))
            round_url = server.set(database=name).render_as_string(False)
            timings += one_round(round_url, documents, pipeline)
    finally:
        drop([seed, *rounds])
        admin.dispose()
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m eventwire.bench.dedup")
    parser.add_argument("--gold", type=Path, action="append", help="repeatable; default gold.jsonl")
    parser.add_argument("--background", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", metavar="URL", help="measure on PostgreSQL, not SQLite")
    args = parser.parse_args(argv)
    from eventwire.dedup import text_method
    from eventwire.pipeline import Pipeline

    documents = [item.document for path in args.gold or [GOLD] for item in read_keyed(path)]
    pipeline = Pipeline()
    pipeline.process(documents[0])  # warm the model, gazetteer and lexicons
    if args.postgres:
        timings = _postgres_rounds(args.postgres, documents, pipeline, args)
    else:
        timings = _sqlite_rounds(documents, pipeline, args)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"arrival to stored merged event ({stamp}; {len(documents)} articles x {args.rounds} "
        f"rounds, {args.background} background events, "
        f"{'PostgreSQL' if args.postgres else 'SQLite'}, text similarity: {text_method()})"
    )
    for part in ("total", "page", "extract", "store"):
        values = [t[part] * 1000 for t in timings]
        print(
            f"  {part:8} p50 {percentile(values, 0.5):7.1f} ms   "
            f"p95 {percentile(values, 0.95):7.1f} ms   mean {statistics.mean(values):7.1f} ms"
        )


if __name__ == "__main__":
    main()
