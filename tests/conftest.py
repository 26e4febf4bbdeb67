"""Shared fixtures. `store_url` runs a test against SQLite and, when EVENTWIRE_TEST_POSTGRES holds
a server URL (CI sets it), against a fresh PostgreSQL database too."""

from __future__ import annotations

import os
import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

POSTGRES_ADMIN_URL = os.environ.get("EVENTWIRE_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    if not POSTGRES_ADMIN_URL:
        pytest.skip("EVENTWIRE_TEST_POSTGRES is not set (CI sets it)")
    yield from _postgres_database(POSTGRES_ADMIN_URL)


def _postgres_database(admin_url: str) -> Iterator[str]:
    name = f"eventwire_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin_url.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        _drop_database(admin, name)
        admin.dispose()


def _drop_database(admin: Engine, name: str, attempts: int = 5) -> None:
    """Drop a test database; retried, because FORCE cannot end a server process of another role
    (an autovacuum worker that has just started on it), and a leftover is no test failure."""
    for attempt in range(attempts):
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            return
        except DBAPIError as error:
            if attempt == attempts - 1:
                warnings.warn(f"test database {name} left behind: {error}", stacklevel=1)
            time.sleep(0.5)
