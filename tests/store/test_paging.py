"""Keyset pagination: every event exactly once, in sort order, NULLs lowest, on both backends."""

from __future__ import annotations

from typing import Any

import pytest

from marsad.store import EventFilter
from store_factories import article, event

DATES = ["2024-03-02", None, "2024-03-01", "2024-03-02", None, "2024-03-03", "2024-03-01"]


@pytest.fixture
def filled(store):  # type: ignore[no-untyped-def]
    """Seven events in distinct towns (so none merge): two with no date, ties on dates and fatalities."""
    for i, day in enumerate(DATES):
        store.ingest(article(f"p{i}", f"Paging report number {i}."), [event(
            event_date=day, location=f"Town {i}", at=(20.0 + 2 * i, 30.0), fatalities=i % 3,
            country=None if i == 3 else "Iraq", iso=None if i == 3 else 368,
        )])  # fmt: skip
    return store


def _walk(store: Any, sort: str, limit: int) -> list[dict[str, Any]]:
    seen, cursor = [], None
    while True:
        page = store.events(EventFilter(), sort=sort, limit=limit, cursor=cursor)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            return seen


def _expected(rows: list[dict[str, Any]], name: str, descending: bool) -> list[str]:
    """NULL lowest: (is-not-null, value, event_id), reversed for a descending sort."""
    ordered = sorted(rows, key=lambda r: (r[name] is not None, r[name] if r[name] is not None else "", r["event_id"]))
    return [r["event_id"] for r in (reversed(ordered) if descending else ordered)]


@pytest.mark.parametrize("sort", ["event_date", "-event_date", "fatalities", "-fatalities", "country", "-country",
                                  "created_at", "-updated_at"])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_pages_list_each_event_once_in_sort_order_with_nulls_lowest(filled, sort: str, limit: int) -> None:  # type: ignore[no-untyped-def]
    everything = filled.events(EventFilter(), limit=100).items
    assert len(everything) == len(DATES)
    walked = _walk(filled, sort, limit)
    assert [r["event_id"] for r in walked] == _expected(everything, sort.lstrip("-"), sort.startswith("-"))


def test_descending_date_sort_puts_undated_events_last(filled) -> None:  # type: ignore[no-untyped-def]
    dates = [r["event_date"] for r in _walk(filled, "-event_date", 2)]
    assert dates == ["2024-03-03", "2024-03-02", "2024-03-02", "2024-03-01", "2024-03-01", None, None]


def test_a_filtered_walk_stays_inside_the_filter(filled) -> None:  # type: ignore[no-untyped-def]
    seen, cursor = [], None
    while True:
        page = filled.events(EventFilter(country="iraq"), sort="-event_date", limit=2, cursor=cursor)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == 6
    assert all(r["country"] == "Iraq" for r in seen)


def test_listed_events_carry_the_same_fields_as_the_single_event_read(filled) -> None:  # type: ignore[no-untyped-def]
    for listed in filled.events(EventFilter(), limit=100).items:
        single = filled.event(listed["event_id"])
        assert {k: single[k] for k in listed} == listed
        assert listed["created_at"].endswith("+00:00")
