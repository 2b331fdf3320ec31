"""Which stored events could a new report be about? One cheap indexed query, then the pure matcher.

The database narrows by country, date window and a latitude box (index ``ix_events_match``); the
``dedup`` module decides among the few rows left.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, or_, select, union_all

from marsad.store import canonical, dedup
from marsad.store.schema import events

WINDOW = timedelta(days=max(dedup.DATE_WINDOW.values()))
MATCH_COLUMNS = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1",
                  "actor2", "inter2", "assoc_actor_1", "assoc_actor_2", "country", "admin1", "admin2", "location",
                  "latitude", "longitude", "geo_precision", "sublocation", "n_sources")  # fmt: skip


@lru_cache(maxsize=64)
def candidate_query(has_country: bool, has_lat: bool, has_admin1: bool, precision: int | None) -> Any:
    """The candidate query for one shape of record, built once: parameters carry the values.

    A UNION of plain index ranges on (country, time_precision, event_date): one per date window that
    can reach this record (dedup.dates_compatible), so the database never scans a whole country.
    """
    columns = [events.c[name] for name in MATCH_COLUMNS]
    place = [events.c.country == bindparam("country")] if has_country else [events.c.country.is_(None)]
    if has_lat:
        # Nothing beyond dedup.NEAR_PLACE_KM can match except by region: a cheap box first.
        near = [events.c.latitude.between(bindparam("lat_lo"), bindparam("lat_hi")), events.c.latitude.is_(None)]
        if has_admin1:
            near.append(events.c.admin1 == bindparam("admin1"))
        place.append(or_(*near))
    if precision is None:
        return select(*columns).where(*place, events.c.event_date.is_(None))
    own = dedup.DATE_WINDOW.get(precision, WINDOW.days)
    branches = []
    for other, days in dedup.DATE_WINDOW.items():
        span = max(own, days)
        branches.append(select(*columns).where(
            *place, events.c.time_precision == other,
            events.c.event_date.between(bindparam(f"lo{span}"), bindparam(f"hi{span}"))))  # fmt: skip
    if has_country:  # reports whose country is unknown can still be the same incident
        loose = max(own, WINDOW.days)
        branches.append(select(*columns).where(
            events.c.country.is_(None), events.c.event_date.between(bindparam(f"lo{loose}"), bindparam(f"hi{loose}"))))  # fmt: skip
    return union_all(*branches)


def candidates(conn: Connection, record: dict[str, Any], exclude: set[str]) -> list[dict[str, Any]]:
    """Canonical events close enough in country, place and date to be worth comparing."""
    day = canonical.as_date(record.get("event_date"))
    precision = (record.get("time_precision") or 1) if day else None
    lat = record.get("latitude")
    query = candidate_query(bool(record.get("country")), lat is not None, bool(record.get("admin1")), precision)
    params: dict[str, Any] = {"country": record.get("country"), "admin1": record.get("admin1")}
    if lat is not None:
        params.update(lat_lo=float(lat) - 0.5, lat_hi=float(lat) + 0.5)
    if day is not None:
        for days in {*dedup.DATE_WINDOW.values(), WINDOW.days}:
            params.update({f"lo{days}": day - timedelta(days=days), f"hi{days}": day + timedelta(days=days)})
    rows = [dict(r._mapping) for r in conn.execute(query, params)]
    return [r for r in rows if r["event_id"] not in exclude]


def best_match(record: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    mine = canonical.facts(record)
    scored = [(dedup.match_score(mine, canonical.facts(row)), row) for row in rows]
    scored = [(s, row) for s, row in scored if s is not None]
    return max(scored, key=lambda sr: sr[0])[1] if scored else None
