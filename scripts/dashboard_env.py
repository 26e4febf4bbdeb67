"""The dashboard's test and measurement harness: a store seeded by the real pipeline, the real app
served by uvicorn on a free loopback port, and Debian's Chromium driven by Playwright.

Used by tests/test_dashboard.py, scripts/screenshot.py and scripts/bench_dashboard.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "articles").iterdir())
CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_CHROMIUM = (
    f"Chromium is not installed at {CHROMIUM}: the dashboard's browser tests need Debian's "
    "chromium package (`apt-get install -y chromium`). Set EVENTWIRE_SKIP_BROWSER=1 to skip them."
)


def seed_store(db_url: str, files: list[Path]) -> None:
    """Run the real pipeline (`eventwire ingest`) over FILES into the store at DB_URL."""
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(main, ["ingest", *map(str, files), "--db", db_url])
    if result.exit_code != 0:
        raise RuntimeError(f"ingest failed ({result.exit_code}): {result.output}")


def make_app(db_url: str, write_token: str | None = None, tile_url: str | None = None) -> Any:
    from eventwire.serve.app import ServeSettings, create_app

    return create_app(
        ServeSettings(db_url=db_url, write_token=write_token, read_token=None, tile_url=tile_url)
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve APP on 127.0.0.1 from a background thread; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="eventwire-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the eventwire app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def serve_process(db_url: str) -> Iterator[str]:
    """Run `eventwire serve` in its own process (as a user would); yields its base URL."""
    import httpx

    port = free_port()
    command = [sys.executable, "-m", "eventwire.cli", "serve", "--db", db_url, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                error = process.stderr.read().decode() if process.stderr else ""
                raise RuntimeError(f"eventwire serve did not start: {error}")
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def launch_chromium(playwright: Any) -> Any:
    if not CHROMIUM.exists():
        raise RuntimeError(MISSING_CHROMIUM)
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def wait_until_ready(page: Any, timeout: float = 20_000) -> None:
    """Wait for the dashboard's first render (meta, events, series, markers) to finish."""
    page.wait_for_selector("body[data-ready=true]", timeout=timeout)
    page.wait_for_selector("body[data-loading=false]", timeout=timeout)
