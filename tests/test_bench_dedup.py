"""The arrival-to-stored benchmark runs on SQLite and, when a server is given, PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from eventwire.bench import dedup
from tests.conftest import POSTGRES_ADMIN_URL

FIXTURES = "samples/multireport/holdout.jsonl"


def _report(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    dedup.main(["--background", "40", "--rounds", "1", "--gold", FIXTURES, *extra])
    return capsys.readouterr().out


def test_the_sqlite_bench_reports_every_part(capsys: pytest.CaptureFixture[str]) -> None:
    out = _report(capsys)
    assert "40 background events, SQLite" in out
    for part in ("total", "page", "extract", "store"):
        assert f"  {part}" in out


@pytest.mark.skipif(
    not POSTGRES_ADMIN_URL, reason="EVENTWIRE_TEST_POSTGRES is not set (CI sets it)"
)
def test_the_postgres_bench_leaves_no_database(capsys: pytest.CaptureFixture[str]) -> None:
    out = _report(capsys, "--postgres", str(POSTGRES_ADMIN_URL))
    assert "40 background events, PostgreSQL" in out and "total    p50" in out
    engine = create_engine(str(POSTGRES_ADMIN_URL))
    with engine.connect() as connection:
        left = connection.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE 'eventwire_bench_%'")
        ).all()
    engine.dispose()
    assert left == []
