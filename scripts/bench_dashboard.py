"""Dashboard first-load time: navigation start to the event markers drawn on the map.

    .venv/bin/python scripts/bench_dashboard.py [--loads 15] [--events N]

Runs `eventwire serve` (its own process) over a temporary SQLite store seeded by the real
pipeline from samples/articles/, then loads the page in Debian's headless Chromium, each load in
a fresh browser context (empty cache). The page marks `eventwire:markers-rendered` with
performance.mark() right after the first markers are added; its startTime is milliseconds since
navigation start (the first page of up to 1,000 events; `eventwire:all-markers-rendered` when
every page is in). Prints the median, min and max over the loads, plus DOMContentLoaded and the
load event for reference. With --events N the store holds N synthetic events instead (seeded in
bulk by `eventwire.bench.api.seed`, the API benchmark's generator); the page draws at most 5,000.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

from dashboard_env import SAMPLES, launch_chromium, seed_store, serve_process, wait_until_ready

PROBE = """() => {
  const mark = (name) => (performance.getEntriesByName(name)[0] || {startTime: NaN}).startTime;
  const nav = performance.getEntriesByType('navigation')[0];
  return {markers: mark('eventwire:markers-rendered'),
          all: mark('eventwire:all-markers-rendered'),
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          count: Number(document.querySelector('#map').dataset.markers)};
}"""


def measure(browser, url: str, loads: int) -> list[dict[str, float]]:  # type: ignore[no-untyped-def]
    results = []
    for _ in range(loads):
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        page.goto(url)
        wait_until_ready(page)
        results.append(page.evaluate(PROBE))
        context.close()
    return results


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name}: median {statistics.median(values):.0f} ms "
        f"(min {min(values):.0f}, max {max(values):.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="dashboard first-load time")
    parser.add_argument("--loads", type=int, default=15)
    parser.add_argument("--events", type=int, default=0, help="synthetic events instead of samples")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'store.db'}"
        if args.events:
            from eventwire.bench.api import seed

            seed(db_url, args.events, random.Random(7))
        else:
            seed_store(db_url, SAMPLES)
        with serve_process(db_url) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            measure(browser, base_url + "/", 2)  # warm the server (imports, first queries)
            results = measure(browser, base_url + "/", args.loads)
            browser.close()
    store = f"{args.events} synthetic events" if args.events else "the sample articles"
    print(f"{args.loads} cold-cache loads over {store}, {int(results[0]['count'])} markers")
    print(summary("navigation start -> first markers drawn", [r["markers"] for r in results]))
    print(summary("navigation start -> all markers drawn", [r["all"] for r in results]))
    print(summary("navigation start -> DOMContentLoaded", [r["dcl"] for r in results]))
    print(summary("navigation start -> load event", [r["load"] for r in results]))


if __name__ == "__main__":
    main()
