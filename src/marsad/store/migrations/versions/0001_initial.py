"""Initial schema: articles, events, mentions, actors, places.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ts(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(512), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.String(256)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("language", sa.String(16)),
        sa.Column("origin", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        _ts("ingested_at"),
        _ts("updated_at"),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("actor1", sa.Text),
        sa.Column("assoc_actor_1", sa.Text),
        sa.Column("inter1", sa.Integer),
        sa.Column("actor2", sa.Text),
        sa.Column("assoc_actor_2", sa.Text),
        sa.Column("inter2", sa.Integer),
        sa.Column("interaction", sa.Integer),
        sa.Column("civilian_targeting", sa.String(32)),
        sa.Column("iso", sa.Integer),
        sa.Column("country", sa.String(128)),
        sa.Column("admin1", sa.String(256)),
        sa.Column("admin2", sa.String(256)),
        sa.Column("location", sa.String(256)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("source", sa.Text),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("injuries", sa.Integer),
        sa.Column("arrests", sa.Integer),
        sa.Column("sublocation", sa.String(256)),
        sa.Column("attribution", sa.Text),
        sa.Column("certainty", sa.String(32)),
        sa.Column("plover", sa.JSON),
        sa.Column("cameo", sa.String(16)),
        sa.Column("geonameid", sa.Integer),
        sa.Column("article_id", sa.String(512)),
        sa.Column("url", sa.Text),
        sa.Column("n_sources", sa.Integer, nullable=False),
        _ts("created_at"),
        _ts("updated_at"),
    )
    op.create_index("ix_events_date", "events", ["event_date"])
    op.create_index("ix_events_country_date", "events", ["country", "event_date"])
    op.create_index("ix_events_type", "events", ["event_type"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.event_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("local_event_id", sa.String(128)),
        sa.Column("source", sa.String(256)),
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("injuries", sa.Integer),
        sa.Column("arrests", sa.Integer),
        sa.Column("country", sa.String(128)),
        sa.Column("admin1", sa.String(256)),
        sa.Column("admin2", sa.String(256)),
        sa.Column("location", sa.String(256)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("sublocation", sa.String(256)),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_event", "mentions", ["event_id"])
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_index("ix_mentions_match", "mentions", ["country", "event_date"])

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(512), nullable=False, unique=True),
        sa.Column("inter", sa.Integer),
        sa.Column("country", sa.String(128)),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(600), nullable=False, unique=True),
        sa.Column("geonameid", sa.Integer),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("country", sa.String(128)),
        sa.Column("iso", sa.Integer),
        sa.Column("admin1", sa.String(256)),
        sa.Column("admin2", sa.String(256)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
    )


def downgrade() -> None:
    for table in ("places", "actors", "mentions", "events", "articles"):
        op.drop_table(table)
