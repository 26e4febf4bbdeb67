"""Index event_documents.document_id: the dedup candidate query leaves out the events that
already hold the new event's documents, and without it that subquery scans the whole table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

At merge this follows 0006_date_evidence (another branch): renumber it 0007 with
down_revision "0006". It is 0006 here only so that this branch's chain stays whole.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_documents_document_id", "event_documents", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_event_documents_document_id", "event_documents")
