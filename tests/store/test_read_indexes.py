"""The read path is index-served: listings never sort the whole table, filters hit the lower() indexes.

Checked with SQLite's EXPLAIN QUERY PLAN on the statements ``Store.events`` really executes (captured from
the engine), so a change that reintroduces an unindexable sort or filter fails here, not in a benchmark.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import inspect, text

from marsad.store import EventFilter, open_store
from store_factories import article, event


@pytest.fixture
def sqlite_store(tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(f"sqlite:///{tmp_path / 'plans.db'}")
    for i in range(3):
        store.ingest(article(f"r{i}", f"Index report {i}."), [event(location=f"Town {i}", at=(20.0 + 2 * i, 30.0))])
    yield store
    store.close()


def _plans(store: Any, call: Any) -> list[str]:
    """Run ``call`` and return the EXPLAIN QUERY PLAN lines of every SELECT on ``events`` it executed."""
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "FROM events" in statement:
            seen.append((statement, parameters))

    sa_event.listen(store._engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        sa_event.remove(store._engine, "before_cursor_execute", capture)
    with store._engine.connect() as conn:
        return [" | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
                for sql, params in seen]  # fmt: skip


@pytest.mark.parametrize("sort", ["-event_date", "event_date", "-fatalities", "fatalities", "country", "-event_type",
                                  "n_sources", "-created_at", "updated_at"])  # fmt: skip
def test_listing_pages_are_read_in_index_order_without_sorting(sqlite_store, sort: str) -> None:  # type: ignore[no-untyped-def]
    first = sqlite_store.events(EventFilter(), sort=sort, limit=1)
    plans = _plans(sqlite_store, lambda: sqlite_store.events(EventFilter(), sort=sort, limit=1, cursor=first.next_cursor))
    assert plans
    assert all("TEMP B-TREE" not in plan and "INDEX" in plan for plan in plans), plans


@pytest.mark.parametrize("flt", [EventFilter(country="iraq"), EventFilter(event_type="explosions/remote violence"),
                                 EventFilter(admin1="BAGHDAD"), EventFilter(country="IRAQ", event_type="battles")])  # fmt: skip
def test_case_insensitive_filters_use_the_lower_case_indexes(sqlite_store, flt: EventFilter) -> None:  # type: ignore[no-untyped-def]
    plans = _plans(sqlite_store, lambda: sqlite_store.events(flt, limit=1))
    assert plans
    assert all("<expr>=?" in plan and "TEMP B-TREE" not in plan for plan in plans), plans


def test_migrations_create_the_read_indexes_on_both_backends(store) -> None:  # type: ignore[no-untyped-def]
    with store._engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
        else:
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")).scalars())
        names |= {ix["name"] for ix in inspect(conn).get_indexes("events")}
    assert {"ix_events_sort_date", "ix_events_sort_fatalities", "ix_events_lcountry_date", "ix_events_ltype_date", "ix_events_ladmin1_date", "ix_events_lcountry_ltype_date",
            "ix_events_day_type", "ix_events_actor1_fatalities"} <= names  # fmt: skip
