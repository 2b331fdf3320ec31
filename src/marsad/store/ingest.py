"""The write path: one article and its extracted events, in one transaction, deduplicated.

Called only through ``Store.ingest``; every function here takes the open transaction's connection. The
caller has already taken the writer lock, so reading the candidates and writing the merge cannot
interleave with another process doing the same.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from marsad._exceptions import StoreError
from marsad.model import Article, Event
from marsad.store import canonical, dedup
from marsad.store.candidates import candidates
from marsad.store.rehome import join_events, rehome
from marsad.store.schema import actors, articles, events, mentions, places, store_meta

_UPDATE_EVENT = update(events).where(events.c.event_id == bindparam("eid"))


@dataclass
class IngestResult:
    """What one ``Store.ingest`` call did."""

    article_id: str
    article_status: str  # new | unchanged | updated
    events_new: int = 0
    events_merged: int = 0
    events_updated: int = 0
    events_removed: int = 0
    events_joined: int = 0  # other events found to be the same incident and joined into this article's
    event_ids: tuple[str, ...] = ()


def _now() -> datetime:
    return datetime.now(UTC)


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "key": article.key,
        "content_hash": article.content_hash,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "origin": article.origin,
        "text": article.text,
    }


def _find_article(conn: Connection, article: Article) -> Any:
    row = conn.execute(select(articles).where(articles.c.key == article.key)).first()
    if row is None and article.url:
        row = conn.execute(select(articles).where(articles.c.url == article.url).limit(1)).first()
    return row


def _report(record: dict[str, Any], article: Article) -> canonical.Report:
    return canonical.Report(
        record=record,
        article_key=article.key,
        source=article.source or record.get("source"),
        url=article.url or record.get("url"),
        published=article.published,
        evidence=record.get("evidence") or {},
    )


def _reports_of(conn: Connection, event_id: str) -> list[canonical.Report]:
    query = (
        select(mentions.c.record, mentions.c.evidence, mentions.c.source, articles.c.key, articles.c.url,
               articles.c.published)  # fmt: skip
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.event_id == event_id)
    )
    return [
        canonical.Report(record=r.record, article_key=r.key, source=r.source, url=r.url, published=r.published,
                         evidence=r.evidence or {})  # fmt: skip
        for r in conn.execute(query)
    ]


def _write_canonical(conn: Connection, event_id: str, *, new: bool,
                     reports: list[canonical.Report] | None = None) -> None:  # fmt: skip
    row = canonical.merge(reports if reports is not None else _reports_of(conn, event_id))
    row["event_date"] = canonical.as_date(row["event_date"])
    row["updated_at"] = _now()
    # Parameters, not .values(literals): the statement compiles once and stays in SQLAlchemy's cache.
    if new:
        conn.execute(insert(events), {"event_id": event_id, "created_at": row["updated_at"], **row})
    else:
        conn.execute(_UPDATE_EVENT, {"eid": event_id, **row})


def _insert_mention(conn: Connection, event_id: str, article_db_id: int, ordinal: int, record: dict[str, Any],
                    article: Article) -> None:  # fmt: skip
    conn.execute(
        insert(mentions),
        dict(
            event_id=event_id,
            article_id=article_db_id,
            ordinal=ordinal,
            local_event_id=record.get("event_id"),
            source=article.source or record.get("source"),
            event_date=canonical.as_date(record.get("event_date")),
            time_precision=record.get("time_precision") or 1,
            event_type=record["event_type"],
            sub_event_type=record["sub_event_type"],
            fatalities=record.get("fatalities") or 0,
            injuries=record.get("injuries"),
            arrests=record.get("arrests"),
            **{k: record.get(k) for k in ("country", "admin1", "admin2", "location", "latitude", "longitude",
                                          "geo_precision", "sublocation")},  # fmt: skip
            evidence=record.get("evidence") or {},
            record=record,
        ),
    )


def _upsert_refs(conn: Connection, record: dict[str, Any]) -> None:
    """Remember the actors and places this event resolved to (insert once, never overwrite)."""
    dialect = conn.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    names = [(record.get("actor1"), record.get("inter1")), (record.get("actor2"), record.get("inter2"))]
    for assoc in ("assoc_actor_1", "assoc_actor_2"):
        names += [(n.strip(), None) for n in (record.get(assoc) or "").split(";") if n.strip()]
    rows = [{"name": n, "inter": i, "country": record.get("country")} for n, i in names if n]
    if rows:
        conn.execute(upsert(actors).on_conflict_do_nothing(index_elements=["name"]), rows)
    if record.get("location"):
        key = str(record.get("geonameid") or "|".join(
            str(record.get(k)) for k in ("country", "admin1", "location", "latitude", "longitude")))  # fmt: skip
        values = {k: record.get(k) for k in ("geonameid", "country", "iso", "admin1", "admin2", "latitude",
                                             "longitude")}  # fmt: skip
        conn.execute(upsert(places).on_conflict_do_nothing(index_elements=["key"]),
                     {"key": key[:600], "name": record["location"], **values})  # fmt: skip


def _others_report(conn: Connection, event_id: str) -> bool:
    """Does any article still support this event? (This article's own mentions are already deleted.)"""
    return conn.execute(select(mentions.c.id).where(mentions.c.event_id == event_id).limit(1)).first() is not None


def check_events(article: Article, found: list[Event]) -> None:
    """Refuse malformed events before the transaction starts, naming the article and the field."""
    where = article.origin or article.key
    if not isinstance(article.text, str) or not article.text:
        raise StoreError(f"article {where}: empty text; nothing was stored")
    for n, item in enumerate(found):
        what = f"article {where}, event {n + 1} ({getattr(item, 'event_id', '?')})"
        if not isinstance(item, Event):
            raise StoreError(f"{what}: expected an Event, got {type(item).__name__}; nothing was stored")
        if not item.event_type or not item.sub_event_type:
            raise StoreError(f"{what}: event_type and sub_event_type are required; nothing was stored")
        try:
            canonical.as_date(item.event_date)
        except ValueError as exc:
            raise StoreError(f"{what}: event_date {item.event_date!r} is not an ISO date; nothing was stored") from exc
        for name in ("fatalities", "injuries", "arrests", "time_precision"):
            value = getattr(item, name)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise StoreError(f"{what}: {name} must be a whole number >= 0, got {value!r}; nothing was stored")


def ingest_article(conn: Connection, article: Article, found: list[Event], *, replace: bool = False) -> IngestResult:
    """Store ``article`` and merge ``found`` into the canonical events. The caller owns the transaction.

    ``replace``: take ``found`` even when the text is unchanged (after a better extractor), as an update.
    """
    records = [e.to_dict() for e in found]
    existing = _find_article(conn, article)
    now = _now()
    previous: dict[int, tuple[str, dict[str, Any]]] = {}
    if existing is None:
        status = "new"
        article_db_id = conn.execute(
            insert(articles).values(**_article_row(article), ingested_at=now, updated_at=now)
            .returning(articles.c.id)  # fmt: skip
        ).scalar_one()
    elif existing.content_hash == article.content_hash and existing.key == article.key and not replace:
        ids = conn.execute(select(mentions.c.event_id).where(mentions.c.article_id == existing.id)
                           .order_by(mentions.c.ordinal)).scalars().all()  # fmt: skip
        return IngestResult(existing.key, "unchanged", event_ids=tuple(dict.fromkeys(ids)))
    else:
        status = "updated"
        article_db_id = existing.id
        old = conn.execute(select(mentions.c.ordinal, mentions.c.event_id, mentions.c.record)
                           .where(mentions.c.article_id == article_db_id)).all()  # fmt: skip
        previous = {m.ordinal: (m.event_id, m.record) for m in old}
        conn.execute(delete(mentions).where(mentions.c.article_id == article_db_id))
        conn.execute(update(articles).where(articles.c.id == article_db_id)
                     .values(**_article_row(article), updated_at=now))  # fmt: skip

    result = IngestResult(article.key, status)
    assigned: dict[int, str] = {}
    # An updated article keeps its events: first the same incident, then the same position in the article.
    free = dict(previous)
    for ordinal, record in enumerate(records):
        mine = canonical.facts(record)
        scored = [(dedup.match_score(mine, canonical.facts(old)), o) for o, (_, old) in free.items()]
        scored = [(s, o) for s, o in scored if s is not None]
        if scored:
            assigned[ordinal] = free.pop(max(scored)[1])[0]
    for ordinal in range(len(records)):
        # Same position, different facts (a corrected date or place): keep the id only if no other
        # outlet supports that event; otherwise their reports would be glued to a different incident.
        if ordinal not in assigned and ordinal in free and not _others_report(conn, free[ordinal][0]):
            assigned[ordinal] = free.pop(ordinal)[0]

    matches = _best_matches(conn, records, assigned)
    added: dict[str, int] = {}
    created: set[str] = set()
    for ordinal, record in enumerate(records):
        event_id = assigned.get(ordinal)
        if event_id is not None:
            result.events_updated += 1
        else:
            event_id = matches.get(ordinal)
            if event_id is not None:
                result.events_merged += 1
            else:
                event_id = f"ev_{uuid.uuid4().hex[:16]}"
                result.events_new += 1
                _write_canonical(conn, event_id, new=True, reports=[_report(record, article)])
                created.add(event_id)
        assigned[ordinal] = event_id
        added[event_id] = added.get(event_id, 0) + 1
        _insert_mention(conn, event_id, article_db_id, ordinal, record, article)
        _upsert_refs(conn, record)

    for event_id, _ in free.values():  # events this article no longer reports
        if conn.execute(select(mentions.c.id).where(mentions.c.event_id == event_id).limit(1)).first():
            added.setdefault(event_id, 0)
        else:
            conn.execute(delete(events).where(events.c.event_id == event_id))
            result.events_removed += 1
    for event_id, count in added.items():
        if event_id not in created or count > 1:  # a brand-new single-report event is already right
            _write_canonical(conn, event_id, new=False)
    touched = [e for e, count in added.items() if count]
    for event_id in rehome(conn, touched):
        _write_canonical(conn, event_id, new=False)
    joined = join_events(conn, touched, lambda event_id: _write_canonical(conn, event_id, new=False))
    result.events_joined = len(joined)
    result.event_ids = tuple(dict.fromkeys(assigned[o] for o in range(len(records))))
    _bump_version(conn)
    return result


def _best_matches(conn: Connection, records: list[dict[str, Any]], assigned: dict[int, str]) -> dict[int, str]:
    """The stored event each new record of one article joins, best fitting pair first.

    One article's events are distinct incidents, so each stored event takes at most one of them; the
    closest pair decides first, not the order of the text ("the gang raid", then "15 civilians were
    killed": the killing is what the stored attack is about, even if the raid comes first).
    """
    taken = set(assigned.values())
    options = []
    for ordinal, record in enumerate(records):
        if ordinal in assigned:
            continue
        mine = canonical.facts(record)
        for row in candidates(conn, record, exclude=taken):
            score = dedup.match_score(mine, canonical.facts(row))
            if score is not None:
                options.append((-score, ordinal, row["event_id"]))
    chosen: dict[int, str] = {}
    for _, ordinal, event_id in sorted(options):
        if ordinal not in chosen and event_id not in taken:
            chosen[ordinal] = event_id
            taken.add(event_id)
    return chosen


def _bump_version(conn: Connection) -> None:
    """One more change: readers that cache (the dashboard's stats) compare this number."""
    bumped = conn.execute(update(store_meta).where(store_meta.c.key == "version")
                          .values(value=store_meta.c.value + 1))  # fmt: skip
    if bumped.rowcount == 0:
        conn.execute(insert(store_meta), {"key": "version", "value": 1})
