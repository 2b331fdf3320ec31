"""Index for the dedup candidate query: (country, time_precision, event_date).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_match", "events", ["country", "time_precision", "event_date"])


def downgrade() -> None:
    op.drop_index("ix_events_match", table_name="events")
