"""Merge records (dedup), event text signatures, the review audit log and human overrides.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_merges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False, index=True),
        sa.Column("absorbed_event_id", sa.String(64), nullable=False, index=True),
        sa.Column("document_ids", sa.JSON, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("snapshot", sa.JSON, nullable=False),
        sa.Column("merged_by", sa.String(100), nullable=False),
        sa.Column("merged_at", sa.DateTime, nullable=False),
        sa.Column("split_at", sa.DateTime),
    )
    op.create_table(
        "event_signatures",
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("model", sa.String(100)),
        sa.Column("vector", sa.JSON),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False, index=True),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(40)),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "event_overrides",
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("field", sa.String(40), primary_key=True),
        sa.Column("value", sa.JSON),
        sa.Column("audit_id", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_iso3_date", "events", ["iso3", "event_date"])
    op.create_index("ix_events_lat_lon", "events", ["latitude", "longitude"])


def downgrade() -> None:
    op.drop_index("ix_events_lat_lon", "events")
    op.drop_index("ix_events_iso3_date", "events")
    for table in ("event_overrides", "audit_log", "event_signatures", "event_merges"):
        op.drop_table(table)
