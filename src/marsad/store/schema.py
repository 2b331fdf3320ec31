"""The store's tables, declared once with SQLAlchemy Core so SQLite and PostgreSQL share one schema.

Migrations (``store/migrations``) create exactly these tables; the code reads and writes through these
objects, never through hand-written SQL, so both backends behave alike.

Canonical events are derived from their mentions: every per-article figure lives on ``mentions`` and the
``events`` row is recomputed from all of its mentions whenever one changes. That keeps updates and merges
reversible (an updated article only replaces its own mentions) and keeps every per-source figure visible.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(512), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),
    Column("source", String(256)),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_articles_url", articles.c.url)
Index("ix_articles_content_hash", articles.c.content_hash)

events = Table(
    "events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("event_date", Date),
    Column("time_precision", Integer, nullable=False, default=1),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("inter1", Integer),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", String(32)),
    Column("iso", Integer),
    Column("country", String(128)),
    Column("admin1", String(256)),
    Column("admin2", String(256)),
    Column("location", String(256)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("source", Text),
    Column("notes", Text, nullable=False, default=""),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("injuries", Integer),
    Column("arrests", Integer),
    Column("sublocation", String(256)),
    Column("attribution", Text),
    Column("certainty", String(32)),
    Column("plover", JSON),
    Column("cameo", String(16)),
    Column("geonameid", Integer),
    Column("article_id", String(512)),
    Column("url", Text),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# Read-path indexes (migration 0005 says why each exists).
Index("ix_events_sort_date", events.c.event_date, events.c.event_id)
Index("ix_events_sort_fatalities", events.c.fatalities, events.c.event_id)
Index("ix_events_sort_country", events.c.country, events.c.event_id)
Index("ix_events_sort_type", events.c.event_type, events.c.event_id)
Index("ix_events_sort_sources", events.c.n_sources, events.c.event_id)
Index("ix_events_sort_created", events.c.created_at, events.c.event_id)
Index("ix_events_sort_updated", events.c.updated_at, events.c.event_id)
Index("ix_events_lcountry_date", func.lower(events.c.country), events.c.event_date, events.c.event_id)
Index("ix_events_ltype_date", func.lower(events.c.event_type), events.c.event_date, events.c.event_id)
Index("ix_events_ladmin1_date", func.lower(events.c.admin1), events.c.event_date, events.c.event_id)
Index("ix_events_lcountry_ltype_date", func.lower(events.c.country), func.lower(events.c.event_type), events.c.event_date,
      events.c.event_id)  # fmt: skip
Index("ix_events_day_type", events.c.event_date, events.c.event_type, events.c.fatalities)
Index("ix_events_country_fatalities", events.c.country, events.c.fatalities)
Index("ix_events_admin1_fatalities", events.c.admin1, events.c.fatalities)
Index("ix_events_actor1_fatalities", events.c.actor1, events.c.fatalities)
Index("ix_events_actor2_fatalities", events.c.actor2, events.c.fatalities)
Index("ix_events_country_date", events.c.country, events.c.event_date)
Index("ix_events_match", events.c.country, events.c.time_precision, events.c.event_date)  # dedup candidates

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("local_event_id", String(128)),
    Column("source", String(256)),
    Column("event_date", Date),
    Column("time_precision", Integer, nullable=False, default=1),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("injuries", Integer),
    Column("arrests", Integer),
    Column("country", String(128)),
    Column("admin1", String(256)),
    Column("admin2", String(256)),
    Column("location", String(256)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("sublocation", String(256)),
    Column("evidence", JSON, nullable=False),
    Column("record", JSON, nullable=False),  # the Event exactly as extracted from this article
)
Index("ix_mentions_event", mentions.c.event_id)
Index("ix_mentions_article", mentions.c.article_id)
Index("ix_mentions_match", mentions.c.country, mentions.c.event_date)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(512), nullable=False, unique=True),
    Column("inter", Integer),
    Column("country", String(128)),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(600), nullable=False, unique=True),
    Column("geonameid", Integer),
    Column("name", String(256), nullable=False),
    Column("country", String(128)),
    Column("iso", Integer),
    Column("admin1", String(256)),
    Column("admin2", String(256)),
    Column("latitude", Float),
    Column("longitude", Float),
)

store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)
"""Small counters; ``version`` goes up by one with every ingest that changes something (for caches)."""

event_redirects = Table(
    "event_redirects",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("merged_into", String(64), nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)
"""Events joined into another after a later report showed them to be one incident: old id -> new id."""
