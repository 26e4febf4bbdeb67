"""State of `eventwire watch`: polled sources (conditional-request validators, back-off) and the
articles seen (canonical URL, content hash, status), so a restart re-ingests nothing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("url", sa.String(1000), primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.String(100)),
        sa.Column("last_checked", sa.DateTime),
        sa.Column("last_status", sa.Integer),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_try_at", sa.DateTime),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "watch_items",
        sa.Column("url", sa.String(1000), primary_key=True),
        sa.Column("source_url", sa.String(1000), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("content_hash", sa.String(64), index=True),
        sa.Column("document_id", sa.String(200)),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("entry_text", sa.Text),
        sa.Column("last_error", sa.Text),
        sa.Column("next_try_at", sa.DateTime),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_watch_items_status", "watch_items", ["status", "next_try_at"])


def downgrade() -> None:
    op.drop_index("ix_watch_items_status", "watch_items")
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
