"""A second look after each ingest: vague reports move to the incident they fit best, and events that
a later report showed to be one incident are joined.

Matching is greedy: a report that names no district and no specific actor joins the best event that
exists when it arrives. If the precise report of its real incident arrives later, the vague one sits on
a look-alike (ingest order decided). After every ingest this pass compares each vague report on the
neighbouring events with the events just touched, and moves it when it fits there clearly better.
Likewise two events kept apart only because neither report could confirm the other (a province-level
report, then a town-level one without the actor) become one when a third report links them: the later
event joins the touched one and its id is kept as a redirect (``event_redirects``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select, update

from marsad.store import canonical, dedup
from marsad.store.candidates import MATCH_COLUMNS, candidates, with_reports
from marsad.store.schema import articles, event_redirects, events, mentions

MARGIN = 0.5
"""How much better the other event must fit before a report moves (stops ping-pong between equals)."""


def _reports(conn: Connection, event_id: str) -> list[tuple[int, int, canonical.Report]]:
    query = (
        select(mentions.c.id, mentions.c.article_id, mentions.c.record, mentions.c.evidence, mentions.c.source,
               articles.c.key, articles.c.url, articles.c.published)  # fmt: skip
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.event_id == event_id)
    )
    return [
        (r.id, r.article_id, canonical.Report(record=r.record, article_key=r.key, source=r.source, url=r.url,
                                              published=r.published, evidence=r.evidence or {}))  # fmt: skip
        for r in conn.execute(query)
    ]


def _vague(record: dict[str, Any]) -> bool:
    """No named sublocation: the report could not tell two incidents in one town apart."""
    return not dedup.named(record.get("sublocation"), record.get("location"), record.get("admin2"))


def _join(conn: Connection, source_id: str, target_id: str) -> None:
    """Move every report of ``source_id`` onto ``target_id`` and leave a redirect behind."""
    conn.execute(update(mentions).where(mentions.c.event_id == source_id).values(event_id=target_id))
    conn.execute(update(event_redirects).where(event_redirects.c.merged_into == source_id)
                 .values(merged_into=target_id))  # fmt: skip
    conn.execute(insert(event_redirects), {"event_id": source_id, "merged_into": target_id,
                                           "merged_at": datetime.now(UTC)})  # fmt: skip
    conn.execute(delete(events).where(events.c.event_id == source_id))


def join_events(conn: Connection, event_ids: Iterable[str], recompute) -> list[str]:  # type: ignore[no-untyped-def]
    """Join into each of ``event_ids`` the neighbouring events whose canonical record now matches it.

    ``recompute(event_id)`` rewrites a canonical row. Events sharing an article never join (one article's
    events are distinct incidents). Returns the ids that were joined away.
    """
    joined: list[str] = []
    for target_id in event_ids:
        row = conn.execute(select(*(events.c[n] for n in MATCH_COLUMNS)).where(events.c.event_id == target_id)).first()
        if row is None:
            continue
        neighbours = candidates(conn, dict(row._mapping), exclude={target_id, *joined})
        if not neighbours:  # the common case: nothing nearby, nothing more to read
            continue
        target = canonical.facts(with_reports(conn, [dict(row._mapping)])[0])
        own_articles = {article_id for _, article_id, _ in _reports(conn, target_id)}
        for neighbour in neighbours:
            if dedup.match_score(canonical.facts(neighbour), target) is None:
                continue
            theirs = {article_id for _, article_id, _ in _reports(conn, neighbour["event_id"])}
            if theirs & own_articles:
                continue
            _join(conn, neighbour["event_id"], target_id)
            joined.append(neighbour["event_id"])
            own_articles |= theirs
            recompute(target_id)
    return joined


def rehome(conn: Connection, event_ids: Iterable[str]) -> set[str]:
    """Pull vague reports from neighbouring events into ``event_ids`` where they fit clearly better.

    Returns every event whose reports changed; the caller recomputes their canonical rows.
    """
    changed: set[str] = set()
    for target_id in event_ids:
        row = conn.execute(select(*(events.c[n] for n in MATCH_COLUMNS)).where(events.c.event_id == target_id)).first()
        if row is None:
            continue
        # Only events with two or more reports can give one away without losing their id.
        neighbours = [n for n in candidates(conn, dict(row._mapping), exclude={target_id}) if n["n_sources"] > 1]
        if not neighbours:
            continue
        target = canonical.facts(dict(row._mapping))
        own_articles = {article_id for _, article_id, _ in _reports(conn, target_id)}
        for neighbour in neighbours:
            reports = _reports(conn, neighbour["event_id"])
            for entry in list(reports):
                mention_id, article_id, report = entry
                if len(reports) < 2 or article_id in own_articles or not _vague(report.record):
                    continue
                mine = canonical.facts(report.record)
                there = dedup.match_score(mine, target)
                if there is None:
                    continue
                rest = [r for _, _, r in reports if r is not report]
                here = dedup.match_score(mine, canonical.facts(canonical.merge(rest)))
                if here is None or there > here + MARGIN:
                    conn.execute(update(mentions).where(mentions.c.id == mention_id).values(event_id=target_id))
                    reports.remove(entry)
                    own_articles.add(article_id)
                    changed |= {target_id, neighbour["event_id"]}
    return changed
