"""The read path: filtering, keyset pagination, single events with their sources, statistics.

``EventFilter`` means the same thing here, in the CLI and in the HTTP API. Pagination is keyset-based
(the cursor encodes the last row's sort value and id), so paging stays stable while ingests add events.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from marsad.store import aggregate, paging
from marsad.store.filters import where
from marsad.store.paging import ITEM_COLUMNS, SORTABLE, Page, item
from marsad.store.paging import jsonable as _jsonable
from marsad.store.query import EventFilter
from marsad.store.schema import articles, event_redirects, events, mentions, store_meta

__all__ = ["ITEM_COLUMNS", "SORTABLE", "Page", "article", "count", "event", "item", "page", "stats", "version", "where"]


def page(conn: Connection, filters: EventFilter | None, sort: str, limit: int, cursor: str | None) -> Page:
    """One page of events (``paging`` says how the keyset pagination works)."""
    return paging.page(conn, where(filters), sort, limit, cursor)


def count(conn: Connection, filters: EventFilter | None) -> int:
    return conn.execute(select(func.count()).select_from(events).where(*where(filters))).scalar_one()


def _spans(text: str, evidence: dict[str, list]) -> list[dict[str, Any]]:
    spans = []
    for field, pairs in (evidence or {}).items():
        for start, end in pairs:
            spans.append({"field": field, "start": start, "end": end, "text": text[start:end]})
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


def event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(events).where(events.c.event_id == event_id)).first()
    redirected = None
    if row is None:  # joined into another event after a later report: follow the redirect
        target = conn.execute(select(event_redirects.c.merged_into)
                              .where(event_redirects.c.event_id == event_id)).scalar()  # fmt: skip
        if target is None:
            return None
        row, redirected = conn.execute(select(events).where(events.c.event_id == target)).first(), event_id
        if row is None:
            return None
    data = item(row)
    if redirected:
        data["redirected_from"] = redirected
    query = (
        select(mentions, articles.c.key, articles.c.url, articles.c.title, articles.c.published, articles.c.text)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.event_id == event_id)
        .order_by(articles.c.published, articles.c.id, mentions.c.ordinal)
    )
    data["mentions"] = []
    for m in conn.execute(query):
        record = m.record or {}
        data["mentions"].append({
            "article_id": m.key, "url": m.url, "source": m.source, "title": m.title,
            "published": _jsonable(m.published), "local_event_id": m.local_event_id,
            "event_date": _jsonable(m.event_date), "time_precision": m.time_precision,
            "event_type": m.event_type, "sub_event_type": m.sub_event_type,
            "fatalities": m.fatalities, "injuries": m.injuries, "arrests": m.arrests,
            "location": m.location, "sublocation": m.sublocation, "admin1": m.admin1, "admin2": m.admin2,
            "actor1": record.get("actor1"), "actor2": record.get("actor2"), "notes": record.get("notes"),
            "evidence": m.evidence, "spans": _spans(m.text, m.evidence),
        })  # fmt: skip
    data["sources"] = list(dict.fromkeys(m["source"] for m in data["mentions"] if m["source"]))
    return data


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(articles).where(articles.c.key == str(article_id))).first()
    if row is None and str(article_id).isdigit():
        row = conn.execute(select(articles).where(articles.c.id == int(article_id))).first()
    if row is None:
        return None
    data = {k: _jsonable(v) for k, v in row._mapping.items() if k not in ("id", "key")}
    data["id"] = row.key
    ids = conn.execute(select(mentions.c.event_id).where(mentions.c.article_id == row.id)
                       .order_by(mentions.c.ordinal)).scalars().all()  # fmt: skip
    data["event_ids"] = list(dict.fromkeys(ids))
    return data


def stats(conn: Connection, filters: EventFilter | None) -> dict[str, Any]:
    return aggregate.stats(conn, where(filters))


def version(conn: Connection) -> int:
    return conn.execute(select(store_meta.c.value).where(store_meta.c.key == "version")).scalar() or 0
