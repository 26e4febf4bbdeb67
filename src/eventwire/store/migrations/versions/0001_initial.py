"""Documents, events, the documents behind each event, and casualty claims.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("source", sa.String(200)),
        sa.Column("language", sa.String(8)),
        sa.Column("origin", sa.Text),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("event_type", sa.String(40), nullable=False, index=True),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("actor1", sa.JSON),
        sa.Column("actor2", sa.JSON),
        sa.Column("actor1_name", sa.String(200), index=True),
        sa.Column("actor2_name", sa.String(200), index=True),
        sa.Column("location", sa.JSON),
        sa.Column("country", sa.String(100), index=True),
        sa.Column("iso3", sa.String(3)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer, index=True),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("injuries_low", sa.Integer),
        sa.Column("injuries_best", sa.Integer),
        sa.Column("injuries_high", sa.Integer),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "event_documents",
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "document_id",
            sa.String(200),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column(
            "document_id",
            sa.String(200),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("low", sa.Integer),
        sa.Column("high", sa.Integer),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("victims", sa.String(16), nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("reported_at", sa.Date),
    )


def downgrade() -> None:
    for table in ("claims", "event_documents", "events", "documents"):
        op.drop_table(table)
