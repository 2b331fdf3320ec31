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
from marsad.store.schema import events, mentions

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
        # ... or placed in the country only (no admin1): such a report can be about any place in it.
        near = [events.c.latitude.between(bindparam("lat_lo"), bindparam("lat_hi")), events.c.latitude.is_(None),
                events.c.admin1.is_(None)]
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
    # A report placed in the country only is compared with the whole country, not the centroid's box.
    lat = None if dedup.placeless(canonical.facts(record)) else record.get("latitude")
    query = candidate_query(bool(record.get("country")), lat is not None, bool(record.get("admin1")), precision)
    params: dict[str, Any] = {"country": record.get("country"), "admin1": record.get("admin1")}
    if lat is not None:
        params.update(lat_lo=float(lat) - 0.5, lat_hi=float(lat) + 0.5)
    if day is not None:
        for days in {*dedup.DATE_WINDOW.values(), WINDOW.days}:
            params.update({f"lo{days}": day - timedelta(days=days), f"hi{days}": day + timedelta(days=days)})
    rows = [dict(r._mapping) for r in conn.execute(query, params)]
    return with_reports(conn, [r for r in rows if r["event_id"] not in exclude])


def with_reports(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each canonical row the evidence of which of its actors some report names in its text, and
    whether some report names the device of its explosion, and the places and sub-event types its
    reports gave.

    An actor every outlet left to the extractor's default ("Military Forces of X" for a shelling no one
    attributed) must not stand as a named side against a later report that names the shelling's author.
    """
    if not rows:
        return rows
    named: dict[str, set[str]] = {}
    extracted: set[str] = set()
    device: set[str] = set()  # events some report of which names the explosion's device
    located: dict[str, set[str]] = {}  # the places the reports of each event gave
    typed: dict[str, set[str]] = {}  # and their sub-event types
    query = select(mentions.c.event_id, mentions.c.record, mentions.c.evidence).where(
        mentions.c.event_id.in_([r["event_id"] for r in rows]))  # fmt: skip
    for event_id, record, evidence in conn.execute(query):
        evidence = evidence or {}
        from_text = canonical.extracted(evidence)  # otherwise coded by hand: every actor is named
        extracted.update([event_id] if from_text else [])
        device.update([event_id] if canonical.device_known({**record, "evidence": evidence}) else [])
        located.setdefault(event_id, set()).update([record["location"]] if record.get("location") else [])
        typed.setdefault(event_id, set()).update([record["sub_event_type"]] if record.get("sub_event_type") else [])
        for key in ("actor1", "actor2"):
            if record.get(key) and (key in evidence or not from_text):
                named.setdefault(event_id, set()).add(record[key])
    for row in rows:
        row["report_locations"] = sorted(located.get(row["event_id"], set()) - {row.get("location")})
        row["report_sub_types"] = sorted(typed.get(row["event_id"], set()) - {row.get("sub_event_type")})
        if row["event_id"] in extracted:
            names = named.get(row["event_id"], set())
            spans = {key: [(0, 0)] for key in ("actor1", "actor2") if row.get(key) in names}
            device_span = {"sub_event_type": [(0, 0)]} if row["event_id"] in device else {}
            row["evidence"] = {"event_type": [(0, 0)], **device_span, **spans}
    return rows
