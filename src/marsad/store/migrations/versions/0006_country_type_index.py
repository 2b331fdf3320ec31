"""Index for the commonest slice, one event type in one country, sorted by date.

Revision ID: 0006
Revises: 0005

``(lower(country), lower(event_type), event_date, event_id)``: with only the per-column ``lower(...)``
indexes of 0005 a country + type page walks the country's rows in date order and skips the other types'
(2.4 ms per 100-event page over 100k events); with this one it reads just the page (1.4 ms).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NAME = "ix_events_lcountry_ltype_date"


def upgrade() -> None:
    op.create_index(NAME, "events", [sa.text("lower(country)"), sa.text("lower(event_type)"), "event_date", "event_id"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="events")
