"""``EventFilter`` → SQL conditions, shared by listings, counts, statistics and exports.

Text filters compare ``lower(column) = ?``: case-insensitive on both backends, and the exact expression the
``lower(...)`` indexes of migration 0005 are built on, so SQLite and PostgreSQL serve them from an index.
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_
from sqlalchemy.sql.elements import ColumnElement

from marsad.store.query import EventFilter
from marsad.store.schema import events


def country_terms(value: str) -> tuple[str, int | None]:
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
        name, iso = country_terms(f.country.strip())
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
