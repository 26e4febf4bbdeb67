"""Index event_documents.document_id: the dedup candidate query leaves out the events that
already hold the new event's documents, and without it that subquery scans the whole table.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_documents_document_id", "event_documents", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_event_documents_document_id", "event_documents")
