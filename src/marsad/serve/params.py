"""Query parameters shared by every listing endpoint (JSON, GeoJSON, CSV, stats and the dashboard).

One FastAPI dependency turns the query string into a store ``EventFilter`` so every view selects alike,
and it is the same filter the CLI's ``marsad events`` builds. Values FastAPI cannot type-check (a bbox,
a sort key) are checked here and fail with a 400 that names the parameter.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

from fastapi import Query

from marsad.serve.errors import BadRequest
from marsad.store.query import EventFilter

SORT_KEYS = ("event_date", "fatalities", "event_type", "country", "n_sources", "updated_at", "created_at")
"""Columns a listing may be sorted by (the store's keyset-paginated sorts); prefix '-' for descending."""

MAX_TEXT = 200


def _text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise BadRequest(f"{name} is longer than {MAX_TEXT} characters")
    if "\x00" in value:
        raise BadRequest(f"{name} contains a NUL character")
    return value


def checked_id(name: str, value: str) -> str:
    """An event or article id from a path: NUL characters are refused here (PostgreSQL would fail)."""
    if "\x00" in value:
        raise BadRequest(f"{name} contains a NUL character")
    return value


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` (the GeoJSON/OSM order) -> a checked tuple."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise BadRequest(f"bbox={value!r} must be four numbers: min_lon,min_lat,max_lon,max_lat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise BadRequest(f"bbox={value!r} must be four numbers: min_lon,min_lat,max_lon,max_lat") from None
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise BadRequest(f"bbox={value!r} must be finite numbers")
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise BadRequest(f"bbox={value!r}: longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if min_lon > max_lon or min_lat > max_lat:
        raise BadRequest(f"bbox={value!r}: the minimum must not exceed the maximum")
    return (min_lon, min_lat, max_lon, max_lat)


def parse_sort(value: str | None) -> str:
    sort = (value or "-event_date").strip()
    if sort.lstrip("-") not in SORT_KEYS:
        raise BadRequest(f"sort={value!r} is not one of {', '.join(SORT_KEYS)} (prefix '-' for descending)")
    return sort


def check_cursor(cursor: str | None, sort: str) -> str | None:
    """Reject a cursor that is not one the store handed out, before the store trips over it.

    The store's cursor is base64 JSON ``[last sort value, last event id]``; a value of the wrong type for
    the sort key (a cursor from another sort, or a made-up one) must be a 400, not a server error.
    """
    if not cursor:
        return None
    problem = f"cursor={cursor[:60]!r} is not a next_cursor this API returned for sort={sort}"
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, UnicodeError):
        raise BadRequest(problem) from None
    if not isinstance(value, list) or len(value) != 2 or not isinstance(value[1], str):
        raise BadRequest(problem)
    last, key = value[0], sort.lstrip("-")
    try:
        if key == "event_date" and last is not None:
            date.fromisoformat(last)
        elif key.endswith("_at") and last is not None:
            datetime.fromisoformat(last)
        elif key in ("fatalities", "n_sources") and not (isinstance(last, int) and not isinstance(last, bool)):
            raise ValueError(last)
        elif key == "event_type" and not isinstance(last, str):
            raise ValueError(last)
        elif key == "country" and not (last is None or isinstance(last, str)):  # null: events with no country
            raise ValueError(last)
    except (TypeError, ValueError):
        raise BadRequest(problem) from None
    return cursor


async def event_filter(
    since: Annotated[date | None, Query(description="First event date (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[date | None, Query(description="Last event date (YYYY-MM-DD), inclusive.")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO alpha-2 code.")] = None,
    admin1: Annotated[str | None, Query(description="First-level region, e.g. a province.")] = None,
    type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles.")] = None,  # noqa: A002
    sub_type: Annotated[str | None, Query(description="ACLED sub-event type, e.g. Armed clash.")] = None,
    actor: Annotated[str | None, Query(description="Part of an actor's name (actor1, actor2, associated).")] = None,
    q: Annotated[str | None, Query(description="Free text searched in notes and actors.")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
) -> EventFilter:
    """The EventFilter for a request's query string."""
    if since and until and since > until:
        raise BadRequest(f"since={since} is after until={until}")
    return EventFilter(
        since=since,
        until=until,
        country=_text("country", country),
        admin1=_text("admin1", admin1),
        event_type=_text("type", type),
        sub_event_type=_text("sub_type", sub_type),
        actor=_text("actor", actor),
        text=_text("q", q),
        bbox=parse_bbox(bbox),
    )


@dataclass(frozen=True)
class Paging:
    sort: str
    limit: int
    cursor: str | None


async def paging(
    sort: Annotated[str | None, Query(description="Sort key, '-' prefix for descending: " + ", ".join(SORT_KEYS))] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Events per page (1-1000).")] = 100,
    cursor: Annotated[str | None, Query(max_length=1000, description="next_cursor of the previous page.")] = None,
) -> Paging:
    checked = parse_sort(sort)
    return Paging(sort=checked, limit=limit, cursor=check_cursor(cursor, checked))


def filter_query(flt: EventFilter) -> dict[str, str]:
    """The query-string form of a filter (for next links and the dashboard's URLs)."""
    out: dict[str, str] = {}
    names = {"event_type": "type", "sub_event_type": "sub_type", "text": "q"}
    for field in ("since", "until", "country", "admin1", "event_type", "sub_event_type", "actor", "text"):
        value = getattr(flt, field)
        if value is not None:
            out[names.get(field, field)] = str(value)
    if flt.bbox is not None:
        out["bbox"] = ",".join(f"{v:g}" for v in flt.bbox)
    return out
