"""The second store: Alembic migrations apply both ways, and leave the tables the models
describe, on SQLite and (when EVENTWIRE_TEST_POSTGRES is set) PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from eventwire.store import Store
from eventwire.store.repository import MIGRATIONS
from eventwire.store.schema import Base
from tests.factories import document, event


def _config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_head_then_downgrade_base_then_upgrade_again(store_url: str) -> None:
    config = _config(store_url)
    command.upgrade(config, "head")
    assert _tables(store_url) == set(Base.metadata.tables)
    command.downgrade(config, "base")
    assert _tables(store_url) == set()
    command.upgrade(config, "head")
    assert _tables(store_url) == set(Base.metadata.tables)


def test_migrated_tables_and_columns_match_the_models(store_url: str) -> None:
    """Tables, columns and their types; migrations may add indexes the models do not declare
    (0002's composite date x place indexes for dedup candidates and the map's bounding box)."""
    command.upgrade(_config(store_url), "head")
    engine = create_engine(store_url)
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert [diff for diff in differences if not _index_diff(diff)] == []


def _index_diff(diff: object) -> bool:
    return isinstance(diff, tuple) and str(diff[0]).endswith("_index")


def test_migrating_an_up_to_date_store_keeps_its_data(store_url: str) -> None:
    store = Store(store_url)
    store.save(document(), [event()])
    store.migrate()  # already at head: a no-op that must not touch the data
    assert [e.id for e in Store(store_url).events()] == ["ev-1"]
