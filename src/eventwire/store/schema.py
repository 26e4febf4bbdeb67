"""SQLAlchemy 2 table models. Changes here need an Alembic migration in store/migrations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    origin: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(60))
    actor1: Mapped[dict | None] = mapped_column(JSON)
    actor2: Mapped[dict | None] = mapped_column(JSON)
    actor1_name: Mapped[str | None] = mapped_column(String(200), index=True)
    actor2_name: Mapped[str | None] = mapped_column(String(200), index=True)
    location: Mapped[dict | None] = mapped_column(JSON)
    country: Mapped[str | None] = mapped_column(String(100), index=True)
    iso3: Mapped[str | None] = mapped_column(String(3))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    fatalities_low: Mapped[int | None] = mapped_column(Integer)
    fatalities_best: Mapped[int | None] = mapped_column(Integer, index=True)
    fatalities_high: Mapped[int | None] = mapped_column(Integer)
    injuries_low: Mapped[int | None] = mapped_column(Integer)
    injuries_best: Mapped[int | None] = mapped_column(Integer)
    injuries_high: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    doubtful: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    sources: Mapped[list] = mapped_column(JSON, default=list)
    reactions: Mapped[list | None] = mapped_column(JSON, default=list)
    date_evidence: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class EventDocumentRow(Base):
    __tablename__ = "event_documents"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    low: Mapped[int | None] = mapped_column(Integer)
    high: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(16))
    victims: Mapped[str] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(String(200))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    reported_at: Mapped[date | None] = mapped_column(Date)


class EventMergeRow(Base):
    """One report-level merge: `absorbed_event_id` was folded into `event_id`; `snapshot` holds
    the absorbed event's full record so a split restores it exactly."""

    __tablename__ = "event_merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    absorbed_event_id: Mapped[str] = mapped_column(String(64), index=True)
    document_ids: Mapped[list] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[dict] = mapped_column(JSON)
    snapshot: Mapped[dict] = mapped_column(JSON)
    merged_by: Mapped[str] = mapped_column(String(100))
    merged_at: Mapped[datetime] = mapped_column(DateTime)
    split_at: Mapped[datetime | None] = mapped_column(DateTime)


class EventSignatureRow(Base):
    """The text of an event's sentences and, when the embedding extra is installed, its vector."""

    __tablename__ = "event_signatures"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(String(100))
    vector: Mapped[list | None] = mapped_column(JSON)


class AuditRow(Base):
    """One human (or machine) change to an event: who, when, what, before, after and why."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    user: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(20))
    field: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[object | None] = mapped_column(JSON)
    after: Mapped[object | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)


class OverrideRow(Base):
    """A reviewed field value that beats whatever extraction produces later."""

    __tablename__ = "event_overrides"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[object | None] = mapped_column(JSON)
    audit_id: Mapped[int] = mapped_column(Integer)


class WatchSourceRow(Base):
    """A feed or page polled by `eventwire watch`: its validators and its back-off (0003)."""

    __tablename__ = "watch_sources"

    url: Mapped[str] = mapped_column(String(1000), primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_checked: Mapped[datetime | None] = mapped_column(DateTime)
    last_status: Mapped[int | None] = mapped_column(Integer)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class WatchItemRow(Base):
    """An article seen by `eventwire watch`, by canonical URL: pending, done, duplicate, failed."""

    __tablename__ = "watch_items"

    url: Mapped[str] = mapped_column(String(1000), primary_key=True)
    source_url: Mapped[str] = mapped_column(String(1000))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    document_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    entry_text: Mapped[str | None] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_try_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
