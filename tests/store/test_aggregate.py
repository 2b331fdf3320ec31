"""Store.stats: the covering-index path (no filter) and the one-pass path (any filter) agree exactly."""

from __future__ import annotations

from sqlalchemy import true

from marsad.store import EventFilter
from marsad.store import aggregate
from store_factories import article, event

TYPES = ["Battles", "Protests", "Explosions/Remote violence"]


def _fill(store) -> None:  # type: ignore[no-untyped-def]
    for i in range(9):
        store.ingest(article(f"g{i}", f"Grouping report {i}."), [event(
            event_date=None if i == 4 else f"2024-03-0{1 + i % 3}", event_type=TYPES[i % 3],
            location=f"Town {i}", at=(10.0 + 3 * i, 30.0), fatalities=i, admin1=None if i == 5 else f"Region {i % 2}",
            actor1=f"Group {i % 4}", actor2=None if i % 2 else "Civilians (Iraq)",
            country="Syria" if i == 7 else "Iraq", iso=760 if i == 7 else 368,
        )])  # fmt: skip


def test_unfiltered_and_filtered_statistics_paths_give_the_same_groups(store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    with store._engine.connect() as conn:
        indexed = aggregate.stats(conn, [])
        filtered = aggregate.stats(conn, [true()])
        one_pass = aggregate._one_pass(conn, [true()])
        grouped = aggregate._grouped(conn, [true()])
    assert filtered == indexed
    assert sorted(map(tuple, one_pass[0]), key=str) == sorted(map(tuple, grouped[0]), key=str)
    assert one_pass[1:] == grouped[1:]
    assert indexed["events"] == 9 and indexed["fatalities"] == sum(range(9))


def test_statistics_count_undated_events_in_totals_and_types_but_not_in_days(store) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    stats = store.stats(EventFilter())
    assert sum(r["events"] for r in stats["by_type"]) == 9
    assert sum(r["events"] for r in stats["by_day"]) == 8
    assert [r["key"] for r in stats["by_day"]] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert sum(r["events"] for r in stats["by_day_type"]) == 8
    actors = {r["key"]: r["events"] for r in stats["by_actor"]}
    assert actors["Civilians (Iraq)"] == 5 and actors["Group 0"] == 3
    assert {r["key"]: r["events"] for r in store.stats(EventFilter(country="syria"))["by_country"]} == {"Syria": 1}
