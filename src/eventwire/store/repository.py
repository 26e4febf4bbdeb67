"""The store's interface: save a document with its events in one transaction, query events."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Select, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from eventwire.models import Document, Event
from eventwire.registry import create
from eventwire.store.convert import add_event_rows
from eventwire.store.loading import load_events
from eventwire.store.merging import MergingMixin
from eventwire.store.schema import ClaimRow, DocumentRow, EventRow

MIGRATIONS = Path(__file__).parent / "migrations"
Linker = Callable[[Session, Event, Document | None, int], object]
"""Links a just-stored event to a stored one of the same incident, or leaves it new (dedup)."""


def default_url() -> str:
    return os.environ.get("EVENTWIRE_DB", "sqlite:///eventwire.db")


@dataclass
class EventFilter:
    country: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    limit: int | None = None
    # Used by eventwire.store.queries (the HTTP API); `Store.events` ignores them.
    admin1: str | None = None
    sub_event_type: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    """west, south, east, north in degrees."""
    text: str | None = None


class Store(MergingMixin):
    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        self.engine = _engine(self.url)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        self._link: Linker | None = None
        self.migrate()

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def has_document(self, document_id: str) -> bool:
        with self.session() as session:
            return session.get(DocumentRow, document_id) is not None

    def save(self, document: Document, events: list[Event]) -> bool:
        """Store a document and its events atomically; False if it was stored before."""
        return self.save_many([(document, events)])[0]

    def save_many(self, items: list[tuple[Document, list[Event]]]) -> list[bool]:
        """Store each (document, events) in order, all in one transaction (an error stores none
        of them); per document, False when it was stored before."""
        with self.session.begin() as session:
            return [self._save_in(session, document, events) for document, events in items]

    def _save_in(self, session: Session, document: Document, events: list[Event]) -> bool:
        if session.get(DocumentRow, document.id) is not None:
            return False
        session.add(_document_row(document))
        session.flush()
        for item in events:
            self._add_event(session, item, document, len(events))
        return True

    def _add_event(
        self, session: Session, item: Event, document: Document | None = None, siblings: int = 1
    ) -> None:
        if add_event_rows(session, item) and self.dedup_enabled:
            session.flush()
            self._linker()(session, item, document, siblings)

    def _linker(self) -> Linker:
        """The registered "dedup" component (eventwire.dedup, through the package's entry point):
        the store calls it in its transaction and never imports the stage above it."""
        if self._link is None:
            self._link = create("dedup")
        return self._link

    def events(self, filters: EventFilter | None = None) -> list[Event]:
        query = _filtered(select(EventRow), filters or EventFilter())
        with self.session() as session:
            rows = session.scalars(query).all()
            return load_events(session, list(rows))

    def event(self, event_id: str) -> Event | None:
        with self.session() as session:
            row = session.get(EventRow, event_id)
            return load_events(session, [row])[0] if row else None

    def document(self, document_id: str) -> DocumentRow | None:
        with self.session() as session:
            return session.get(DocumentRow, document_id)

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.session() as session:
            return {
                table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in (DocumentRow, EventRow, ClaimRow)
            }


def _filtered(query: Select, filters: EventFilter) -> Select:
    if filters.country:
        query = query.where(
            (EventRow.country.ilike(filters.country)) | (EventRow.iso3 == filters.country.upper())
        )
    if filters.since:
        query = query.where(EventRow.event_date >= filters.since)
    if filters.until:
        query = query.where(EventRow.event_date <= filters.until)
    if filters.event_type:
        query = query.where(EventRow.event_type.ilike(filters.event_type))
    if filters.actor:
        pattern = f"%{filters.actor}%"
        query = query.where(
            EventRow.actor1_name.ilike(pattern) | EventRow.actor2_name.ilike(pattern)
        )
    if filters.min_fatalities is not None:
        query = query.where(EventRow.fatalities_best >= filters.min_fatalities)
    query = query.order_by(EventRow.event_date.desc().nulls_last(), EventRow.id)
    return query.limit(filters.limit) if filters.limit else query


def _document_row(document: Document) -> DocumentRow:
    return DocumentRow(
        id=document.id,
        text=document.text,
        title=document.title,
        url=document.url,
        published=document.published,
        source=document.source,
        language=document.language,
        origin=document.origin,
        ingested_at=datetime.now(UTC).replace(tzinfo=None),
    )


def _engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
