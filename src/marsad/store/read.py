"""The read path: filtering, keyset pagination, single events with their sources, statistics.

``EventFilter`` means the same thing here, in the CLI and in the HTTP API. Pagination is keyset-based
(the cursor encodes the last row's sort value and id), so paging stays stable while ingests add events.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, and_, func, literal, or_, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from marsad._exceptions import StoreError
from marsad.model import ACLED_COLUMNS, EXTRA_COLUMNS
from marsad.store.query import EventFilter
from marsad.store.schema import articles, event_redirects, events, mentions, store_meta

ITEM_COLUMNS = (*ACLED_COLUMNS, *EXTRA_COLUMNS, "n_sources", "created_at", "updated_at")
SORTABLE = {
    "event_date": (events.c.event_date, date(1, 1, 1)),
    "fatalities": (events.c.fatalities, -1),
    "country": (events.c.country, ""),
    "event_type": (events.c.event_type, ""),
    "n_sources": (events.c.n_sources, 0),
    "updated_at": (events.c.updated_at, None),
    "created_at": (events.c.created_at, None),
}


@dataclass
class Page:
    """One page of events; pass ``next_cursor`` back to get the next one (None: this was the last)."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None


def _country_terms(value: str) -> tuple[str, int | None]:
    """(lower-case country name, ISO numeric) for a name or an alpha-2 code."""
    if len(value) == 2 and value.isalpha():
        try:
            from marsad.resolve.places.countries import country_name, numeric_code

            return country_name(value.upper()).lower(), numeric_code(value.upper())
        except Exception:  # the places module may be absent or not know the code: fall back to pycountry
            import pycountry

            found = pycountry.countries.get(alpha_2=value.upper())
            if found is not None:
                return found.name.lower(), int(found.numeric)
    return value.lower(), None


def where(filters: EventFilter | None) -> list[ColumnElement[bool]]:
    """The SQL conditions for ``filters`` (AND-ed by the caller)."""
    f = filters or EventFilter()
    conds: list[ColumnElement[bool]] = []
    if f.since:
        conds.append(events.c.event_date >= f.since)
    if f.until:
        conds.append(events.c.event_date <= f.until)
    if f.country:
        name, iso = _country_terms(f.country.strip())
        cond = func.lower(events.c.country) == name
        conds.append(or_(cond, events.c.iso == iso) if iso is not None else cond)
    if f.admin1:
        conds.append(func.lower(events.c.admin1) == f.admin1.strip().lower())
    if f.event_type:
        conds.append(func.lower(events.c.event_type) == f.event_type.strip().lower())
    if f.sub_event_type:
        conds.append(func.lower(events.c.sub_event_type) == f.sub_event_type.strip().lower())
    if f.actor:
        like = f"%{f.actor.strip().lower()}%"
        cols = (events.c.actor1, events.c.actor2, events.c.assoc_actor_1, events.c.assoc_actor_2)
        conds.append(or_(*(func.lower(c).like(like) for c in cols)))
    if f.text:
        like = f"%{f.text.strip().lower()}%"
        cols = (events.c.notes, events.c.actor1, events.c.actor2, events.c.location, events.c.sublocation)
        conds.append(or_(*(func.lower(c).like(like) for c in cols)))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conds.append(and_(events.c.longitude.between(min_lon, max_lon), events.c.latitude.between(min_lat, max_lat)))
    return conds


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        # SQLite hands back naive datetimes; every timestamp the store writes is UTC.
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def item(row: Any) -> dict[str, Any]:
    data = dict(row._mapping)
    return {k: _jsonable(data.get(k)) for k in ITEM_COLUMNS}


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps([_jsonable(v) for v in values]).encode()).decode()


def _decode(cursor: str) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        assert isinstance(values, list) and len(values) == 2
        return values
    except Exception as exc:
        raise StoreError(f"invalid page cursor {cursor!r}; pass the next_cursor of a previous page") from exc


def _sort_key(sort: str) -> tuple[Any, Any, bool, str]:
    name = sort.lstrip("-+")
    if name not in SORTABLE:
        raise StoreError(f"cannot sort by {sort!r}; choose one of {', '.join(sorted(SORTABLE))} (prefix - for descending)")
    column, sentinel = SORTABLE[name]
    expr = func.coalesce(column, literal(sentinel, column.type)) if sentinel is not None else column
    return expr, sentinel, sort.startswith("-"), name


def page(conn: Connection, filters: EventFilter | None, sort: str, limit: int, cursor: str | None) -> Page:
    if limit < 1:
        raise StoreError(f"limit must be at least 1, got {limit}")
    expr, _, descending, name = _sort_key(sort)
    query = select(events).where(*where(filters))
    if cursor:
        last, last_id = _decode(cursor)
        if name == "event_date" or name.endswith("_at"):
            last = date.fromisoformat(last) if name == "event_date" else datetime.fromisoformat(last)
        if descending:
            query = query.where(or_(expr < last, and_(expr == last, events.c.event_id < last_id)))
        else:
            query = query.where(or_(expr > last, and_(expr == last, events.c.event_id > last_id)))
    order = (expr.desc(), events.c.event_id.desc()) if descending else (expr.asc(), events.c.event_id.asc())
    rows = conn.execute(query.order_by(*order).limit(limit + 1)).all()
    items = [item(r) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last_row = rows[limit - 1]._mapping
        value = conn.execute(select(expr).where(events.c.event_id == last_row["event_id"])).scalar()
        next_cursor = _encode([value, last_row["event_id"]])
    return Page(items=items, next_cursor=next_cursor)


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


def _grouped(conn: Connection, key: Any, conds: list, *, limit: int | None = None, by_key: bool = False) -> list[dict]:
    query = (
        select(key.label("key"), func.count().label("events"), func.coalesce(func.sum(events.c.fatalities), 0).label("fatalities"))
        .where(*conds, key.is_not(None))
        .group_by(key)
    )
    query = query.order_by(key) if by_key else query.order_by(func.count().desc(), key)
    rows = conn.execute(query.limit(limit) if limit else query).all()
    return [{"key": _jsonable(r.key), "events": r.events, "fatalities": int(r.fatalities)} for r in rows]


def stats(conn: Connection, filters: EventFilter | None) -> dict[str, Any]:
    conds = where(filters)
    total = conn.execute(
        select(func.count(), func.coalesce(func.sum(events.c.fatalities), 0)).select_from(events).where(*conds)
    ).one()
    by_actor_rows = union_all(
        select(events.c.actor1.label("actor"), events.c.fatalities).where(*conds, events.c.actor1.is_not(None)),
        select(events.c.actor2.label("actor"), events.c.fatalities).where(*conds, events.c.actor2.is_not(None)),
    ).subquery()
    actor_query = (
        select(by_actor_rows.c.actor, func.count().label("events"), func.coalesce(func.sum(by_actor_rows.c.fatalities), 0).label("fatalities"))
        .group_by(by_actor_rows.c.actor)
        .order_by(func.count().desc(), by_actor_rows.c.actor)
        .limit(100)
    )
    day_type = (
        select(events.c.event_date, events.c.event_type, func.count().label("events"),
               func.coalesce(func.sum(events.c.fatalities), 0).label("fatalities"))  # fmt: skip
        .where(*conds, events.c.event_date.is_not(None))
        .group_by(events.c.event_date, events.c.event_type)
        .order_by(events.c.event_date, events.c.event_type)
    )
    return {
        "events": total[0],
        "by_day_type": [{"day": _jsonable(r.event_date), "type": r.event_type, "events": r.events,
                         "fatalities": int(r.fatalities)} for r in conn.execute(day_type)],  # fmt: skip
        "fatalities": int(total[1]),
        "by_day": _grouped(conn, events.c.event_date, conds, by_key=True),
        "by_type": _grouped(conn, events.c.event_type, conds),
        "by_country": _grouped(conn, events.c.country, conds),
        "by_admin1": _grouped(conn, events.c.admin1, conds, limit=100),
        "by_actor": [{"key": r.actor, "events": r.events, "fatalities": int(r.fatalities)} for r in conn.execute(actor_query)],
    }


def version(conn: Connection) -> int:
    return conn.execute(select(store_meta.c.value).where(store_meta.c.key == "version")).scalar() or 0
