"""Keyset pagination of canonical events, sorted by a plain indexed column.

A page is ``ORDER BY col, event_id`` (both ascending or both descending) continued after the cursor's
``(col, event_id)`` with a row-value comparison: with the ``(col, event_id)`` indexes of migration 0005 both
SQLite and PostgreSQL read just the page's rows, however deep the page. Sorting by an expression such as
``coalesce(col, sentinel)`` would sort every matching row on each request instead.

NULLs sort lowest, the same on both backends: first when ascending, last when descending. The backends
disagree on where NULLs go by default (SQLite: lowest, PostgreSQL: highest), so a nullable sort key is read
in two segments, the non-NULL rows and the NULL rows (those in ``event_id`` order), each one index range.
The cursor is base64 JSON ``[last value or null, last event_id]``; a null value means "inside the NULL
segment".
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    String,
    and_,
    literal,
    select,
    true,
    tuple_,
    type_coerce,
)
from sqlalchemy.sql.elements import ColumnElement

from marsad._exceptions import InputError
from marsad.model import ACLED_COLUMNS, EXTRA_COLUMNS
from marsad.store.schema import events

ITEM_COLUMNS = (*ACLED_COLUMNS, *EXTRA_COLUMNS, "n_sources", "created_at", "updated_at")
SORTABLE: dict[str, Column[Any]] = {
    name: events.c[name]
    for name in ("event_date", "fatalities", "country", "event_type", "n_sources", "updated_at", "created_at")
}


@dataclass
class Page:
    """One page of events; pass ``next_cursor`` back to get the next one (None: this was the last)."""

    items: list[dict[str, Any]]
    next_cursor: str | None = None


def jsonable(value: Any) -> Any:
    """Dates and timestamps as ISO strings (timestamps always with their UTC offset)."""
    if isinstance(value, datetime):
        # SQLite hands back naive datetimes; every timestamp the store writes is UTC.
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _date(value: Any) -> Any:
    return value if isinstance(value, str) else jsonable(value)


def _timestamp(value: Any) -> Any:
    """ISO 8601 with offset, from a datetime or from SQLite's stored text ``YYYY-MM-DD HH:MM:SS.ffffff``
    (the format SQLAlchemy writes; read as text it skips a regex parse and a re-format per value)."""
    if isinstance(value, str) and len(value) in (19, 26) and value[10] == " ":
        fraction = value[19:]
        return f"{value[:10]}T{value[11:19]}{'' if fraction.strip('.0') == '' else fraction}+00:00"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return jsonable(value)


def _converter(name: str) -> Any:
    column = events.c.get(name)
    if column is not None and isinstance(column.type, DateTime):
        return _timestamp
    if column is not None and isinstance(column.type, Date):
        return _date
    return None


_CONVERTERS = {name: _converter(name) for name in ITEM_COLUMNS}


def listed_columns(dialect: str) -> list[Any]:
    """The ``events`` columns a listing selects. On SQLite dates and timestamps are read as their stored
    text (``_date``/``_timestamp`` turn that into the same ISO strings), because SQLAlchemy's per-value
    parsing into ``date``/``datetime`` only to format them back was a third of a 100-event page's cost."""
    if dialect != "sqlite":
        return list(events.c)
    return [type_coerce(c, String).label(c.name) if isinstance(c.type, (Date, DateTime)) else c for c in events.c]


def items(rows: list[Any]) -> list[dict[str, Any]]:
    """Rows of ``events`` as API dicts (``ITEM_COLUMNS``, dates as ISO strings).

    Looks columns up by position once per result instead of once per row and value: a 100-event page is
    4,000 values, and converting only the date columns keeps this well under a millisecond."""
    if not rows:
        return []
    positions = {key: i for i, key in enumerate(rows[0]._fields)}
    plan = [(name, positions.get(name), _CONVERTERS[name]) for name in ITEM_COLUMNS]
    out = []
    for row in rows:
        record = {}
        for name, i, convert in plan:
            value = None if i is None else row[i]
            record[name] = convert(value) if convert is not None and value is not None else value
        out.append(record)
    return out


def item(row: Any) -> dict[str, Any]:
    """One row of ``events`` as an API dict."""
    return items([row])[0]


def sort_column(sort: str) -> tuple[Column[Any], bool, str]:
    """(column, descending, name) for a sort key such as ``-event_date``."""
    name = sort.lstrip("-+")
    if name not in SORTABLE:
        raise InputError(f"cannot sort by {sort!r}; choose one of {', '.join(sorted(SORTABLE))} (prefix - for descending)")
    return SORTABLE[name], sort.startswith("-"), name


def encode_cursor(value: Any, event_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([jsonable(value), event_id]).encode()).decode()


def decode_cursor(cursor: str, column: Column[Any]) -> tuple[Any, str]:
    """The cursor's (last value as the column's Python type, last event id); InputError if it is not one."""
    problem = f"invalid page cursor {cursor!r}; pass the next_cursor of a previous page"
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except Exception as exc:
        raise InputError(problem) from exc
    if not isinstance(values, list) or len(values) != 2 or not isinstance(values[1], str):
        raise InputError(problem)
    last, last_id = values
    if last is None:
        return None, last_id
    try:
        if isinstance(column.type, DateTime):
            last = datetime.fromisoformat(last)
        elif isinstance(column.type, Date):
            last = date.fromisoformat(last)
            if last == date(1, 1, 1):  # the NULL sentinel of cursors from before migration 0005
                last = None
        elif isinstance(column.type, Integer):
            if isinstance(last, bool) or not isinstance(last, int):
                raise TypeError(last)
        elif not isinstance(last, str):
            raise TypeError(last)
    except (TypeError, ValueError) as exc:
        raise InputError(problem) from exc
    return last, last_id


def _segments(column: Column[Any], descending: bool, after: tuple[Any, str] | None) -> list[ColumnElement[bool]]:
    """The conditions of the segments still to read, in reading order.

    A NOT NULL column is one segment; a nullable one is the non-NULL rows and the NULL rows, NULLs first
    when ascending and last when descending. ``after`` (the cursor) drops what was already read."""
    key = events.c.event_id
    if after is not None:
        last, last_id = after
        if last is None and not column.nullable:
            raise InputError(f"invalid page cursor for {column.name}: it has no empty values")
        if last is None:  # inside the NULL segment
            within = and_(column.is_(None), key < last_id if descending else key > last_id)
            return [within] if descending else [within, column.is_not(None)]
        bound = tuple_(literal(last, column.type), literal(last_id, key.type))
        within = tuple_(column, key) < bound if descending else tuple_(column, key) > bound
        return [within, column.is_(None)] if descending and column.nullable else [within]
    if not column.nullable:
        return [true()]
    values, nulls = column.is_not(None), column.is_(None)
    return [values, nulls] if descending else [nulls, values]


def page(conn: Connection, conds: list[ColumnElement[bool]], sort: str, limit: int, cursor: str | None) -> Page:
    """One page of events matching ``conds`` in ``sort`` order, after ``cursor``."""
    if limit < 1:
        raise InputError(f"limit must be at least 1, got {limit}")
    column, descending, _ = sort_column(sort)
    after = decode_cursor(cursor, column) if cursor else None
    key = events.c.event_id
    columns = listed_columns(conn.dialect.name)
    rows: list[Any] = []
    for segment in _segments(column, descending, after):
        wanted = limit + 1 - len(rows)
        if wanted <= 0:
            break
        order = (column.desc(), key.desc()) if descending else (column.asc(), key.asc())
        query = select(*columns).where(*conds, segment).order_by(*order).limit(wanted)
        rows.extend(conn.execute(query).all())
    found = items(rows[:limit])
    next_cursor = encode_cursor(found[-1][column.name], found[-1]["event_id"]) if len(rows) > limit else None
    return Page(items=found, next_cursor=next_cursor)
