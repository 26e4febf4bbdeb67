"""API benchmark: `python -m eventwire.bench.api [--events N] [--requests R] [--repeats K]`.

Seeds N synthetic events (one document and one claim each) into a temporary SQLite store with
bulk inserts, runs `eventwire serve` (uvicorn, one process) on a loopback port, and times
GET /api/events over real HTTP with httpx from this process: p50/p99 latency of one client
sending requests back to back, and requests/s of that client and of 4 concurrent clients. Each
figure is the median over K runs. Queries: the first page (100 events), a filtered page
(country, type, date range, minimum fatalities) and a deep page reached by cursor.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert

from eventwire.models import EVENT_TYPES
from eventwire.store import Store
from eventwire.store.schema import ClaimRow, DocumentRow, EventDocumentRow, EventRow

PLACES = [
    ("Mali", "MLI", "Gao", 16.27, -0.04), ("Mali", "MLI", "Mopti", 14.49, -4.19),
    ("Burkina Faso", "BFA", "Djibo", 14.10, -1.63), ("Burkina Faso", "BFA", "Kaya", 13.09, -1.08),
    ("Niger", "NER", "Tillaberi", 14.21, 1.45), ("Nigeria", "NGA", "Monguno", 12.67, 13.61),
    ("Nigeria", "NGA", "Maiduguri", 11.85, 13.16), ("Chad", "TCD", "Bol", 13.46, 14.71),
]  # fmt: skip
ACTORS = ["JNIM", "ISWAP", "Military Forces of Mali", "Wagner Group", "Protesters", "Civilians"]
QUERIES = {
    "first page (limit 100)": "/api/events",
    "filtered (country, type, dates, min fatalities)": (
        "/api/events?country=Mali&event_type=Battles&since=2022-01-01&until=2023-12-31"
        "&min_fatalities=1"
    ),
}


def seed(url: str, count: int, rng: random.Random) -> None:
    """Bulk-insert `count` events with a document and a claim each (no pipeline, no dedup)."""
    Store(url).engine.dispose()  # create the schema with the migrations
    store = Store(url)
    now = datetime(2026, 1, 1)
    types = list(EVENT_TYPES.items())
    documents, events, links, claims = [], [], [], []
    for number in range(count):
        country, iso3, place, lat, lon = rng.choice(PLACES)
        event_type, subs = rng.choice(types)
        killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20, 45])
        event_id, document_id = f"ev{number:06d}", f"doc{number:06d}"
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        text = f"Report {number}: {killed} people were killed near {place}, {country}."
        documents.append({"id": document_id, "text": text, "title": f"Report {number}",
                          "published": day, "source": "bench", "ingested_at": now})  # fmt: skip
        events.append({
            "id": event_id, "event_date": day, "date_precision": "day", "event_type": event_type,
            "sub_event_type": rng.choice(subs), "actor1": {"name": rng.choice(ACTORS),
            "inter": 2, "aliases_seen": []}, "actor1_name": rng.choice(ACTORS), "actor2": None,
            "actor2_name": None, "location": {"name": place, "country": country, "iso3": iso3,
            "admin1": place, "admin2": None, "latitude": lat, "longitude": lon,
            "geo_precision": 1, "geonames_id": None}, "country": country, "iso3": iso3,
            "latitude": lat + rng.uniform(-0.5, 0.5), "longitude": lon + rng.uniform(-0.5, 0.5),
            "fatalities_low": killed, "fatalities_best": killed, "fatalities_high": killed,
            "summary": text, "confidence": 0.7, "sources": ["bench"], "created_at": now,
        })  # fmt: skip
        links.append({"event_id": event_id, "document_id": document_id})
        claims.append({"event_id": event_id, "document_id": document_id, "kind": "killed",
                       "low": killed, "high": killed, "qualifier": "exact", "victims": "unknown",
                       "source": None, "span_start": 0, "span_end": len(text), "quote": text,
                       "reported_at": day})  # fmt: skip
    with store.session.begin() as session:
        for table, rows in ((DocumentRow, documents), (EventRow, events),
                            (EventDocumentRow, links), (ClaimRow, claims)):  # fmt: skip
            session.execute(insert(table), rows)
    store.engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str) -> tuple[str, Callable[[], None]]:
    """`eventwire serve` in its own process, so the clients do not share its interpreter."""
    port = free_port()
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", url, "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{base}/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    else:
        server.kill()
        sys.exit("eventwire bench_api: the server did not start")

    def stop() -> None:
        server.terminate()
        server.wait(timeout=10)

    return base, stop


def sequential(base: str, path: str, requests: int) -> tuple[list[float], float]:
    """Latencies in ms of `requests` back-to-back requests, and requests/s."""
    latencies = []
    with httpx.Client(base_url=base) as client:
        client.get(path).raise_for_status()  # warm-up
        started = time.perf_counter()
        for _ in range(requests):
            began = time.perf_counter()
            client.get(path).raise_for_status()
            latencies.append((time.perf_counter() - began) * 1000)
        elapsed = time.perf_counter() - started
    return latencies, requests / elapsed


def concurrent(base: str, path: str, requests: int, clients: int = 4) -> float:
    def worker(_: int) -> None:
        with httpx.Client(base_url=base) as client:
            for _ in range(requests // clients):
                client.get(path).raise_for_status()

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    return (requests // clients * clients) / (time.perf_counter() - started)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def deep_page_path(base: str, pages: int) -> str:
    """The path of page `pages + 1` of the unfiltered list, reached by following cursors."""
    cursor = None
    with httpx.Client(base_url=base) as client:
        for _ in range(pages):
            params = {"cursor": cursor} if cursor else {}
            cursor = client.get("/api/events", params=params).json()["next_cursor"]
    return f"/api/events?cursor={cursor}"


def measure(base: str, path: str, requests: int, repeats: int) -> dict[str, float]:
    runs = []
    for _ in range(repeats):
        latencies, rate = sequential(base, path, requests)
        runs.append({
            "p50": percentile(latencies, 0.50), "p99": percentile(latencies, 0.99),
            "rps": rate, "rps4": concurrent(base, path, requests),
        })  # fmt: skip
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        started = time.perf_counter()
        seed(url, args.events, random.Random(8))
        print(f"seeded {args.events} events in {time.perf_counter() - started:.1f} s "
              f"(SQLite, bulk insert); `eventwire serve` in a subprocess, httpx over loopback; "
              f"{args.requests} requests per run, medians of {args.repeats} runs")  # fmt: skip
        base, stop = start_server(url)
        try:
            queries = {**QUERIES, "page 51 (by cursor)": deep_page_path(base, 50)}
            for label, path in queries.items():
                found = measure(base, path, args.requests, args.repeats)
                print(f"GET /api/events {label}: p50 {found['p50']:.1f} ms, "
                      f"p99 {found['p99']:.1f} ms, {found['rps']:.0f} req/s (1 client), "
                      f"{found['rps4']:.0f} req/s (4 clients)")  # fmt: skip
        finally:
            stop()


if __name__ == "__main__":
    main()
