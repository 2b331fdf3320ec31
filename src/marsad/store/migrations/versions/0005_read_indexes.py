"""Indexes for the read path: keyset sorts, case-insensitive filters, covering indexes for statistics.

Revision ID: 0005
Revises: 0004

Why each index exists (measured on 100k events, see BENCHMARKS.md "HTTP API load"):

- ``(col, event_id)`` for every sort key a listing offers (event_date, fatalities, country, event_type,
  n_sources, created_at, updated_at) serves ``ORDER BY col, event_id`` and the keyset condition
  ``(col, event_id) < (?, ?)`` of a page directly, so a page reads ``limit`` rows instead of sorting every
  matching row. They supersede the single-column ``ix_events_date`` and ``ix_events_type``.
- ``(lower(country|event_type|admin1), event_date, event_id)``: filters
  compare ``lower(column) = ?`` (case-insensitive on both backends); an expression index matches that exact
  expression on SQLite and PostgreSQL, and the trailing columns keep the date sort index-ordered.
- ``(event_date, event_type, fatalities)``, ``(country, fatalities)``, ``(admin1, fatalities)``,
  ``(actor1, fatalities)``, ``(actor2, fatalities)``: covering indexes for ``Store.stats``' groupings, so
  each grouping reads a narrow index instead of every table row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

PLAIN = {
    "ix_events_sort_date": ["event_date", "event_id"],
    "ix_events_sort_fatalities": ["fatalities", "event_id"],
    "ix_events_sort_country": ["country", "event_id"],
    "ix_events_sort_type": ["event_type", "event_id"],
    "ix_events_sort_sources": ["n_sources", "event_id"],
    "ix_events_sort_created": ["created_at", "event_id"],
    "ix_events_sort_updated": ["updated_at", "event_id"],
    "ix_events_day_type": ["event_date", "event_type", "fatalities"],
    "ix_events_country_fatalities": ["country", "fatalities"],
    "ix_events_admin1_fatalities": ["admin1", "fatalities"],
    "ix_events_actor1_fatalities": ["actor1", "fatalities"],
    "ix_events_actor2_fatalities": ["actor2", "fatalities"],
}
LOWERED = {
    "ix_events_lcountry_date": "country",
    "ix_events_ltype_date": "event_type",
    "ix_events_ladmin1_date": "admin1",
}


def upgrade() -> None:
    op.drop_index("ix_events_date", table_name="events")
    op.drop_index("ix_events_type", table_name="events")
    for name, columns in PLAIN.items():
        op.create_index(name, "events", columns)
    for name, column in LOWERED.items():
        op.create_index(name, "events", [sa.text(f"lower({column})"), "event_date", "event_id"])


def downgrade() -> None:
    for name in (*PLAIN, *LOWERED):
        op.drop_index(name, table_name="events")
    op.create_index("ix_events_date", "events", ["event_date"])
    op.create_index("ix_events_type", "events", ["event_type"])
