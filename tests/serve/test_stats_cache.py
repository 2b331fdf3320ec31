"""The stats cache: one computation per filter while fresh, single flight under concurrency."""

from __future__ import annotations

import threading
import time
from typing import Any

from marsad.serve.stats import StatsCache
from marsad.store.query import EventFilter


class CountingStore:
    """Answers stats slowly and counts the calls (a stand-in for a 100k-event store)."""

    def __init__(self, version: int | None = None) -> None:
        self.calls = 0
        self._version = version

    def stats(self, flt: EventFilter) -> dict[str, Any]:
        self.calls += 1
        time.sleep(0.05)
        row = {"key": "2024-01-01", "events": 2, "fatalities": 3}
        return {"events": 2, "fatalities": 3, "by_day": [row], "by_type": [{"key": "Battles", "events": 2, "fatalities": 3}],
                "by_country": [], "by_admin1": [], "by_actor": []}


class VersionedStore(CountingStore):
    def version(self) -> int | None:
        return self._version


def test_a_second_request_within_the_ttl_is_served_from_the_cache() -> None:
    store, cache = CountingStore(), StatsCache(ttl=60)
    first = cache.get(store, EventFilter())
    assert cache.get(store, EventFilter()) is first and store.calls == 1
    cache.get(store, EventFilter(country="Iraq"))
    assert store.calls == 2


def test_entries_expire_after_the_ttl() -> None:
    store, cache = CountingStore(), StatsCache(ttl=0.01)
    cache.get(store, EventFilter())
    time.sleep(0.02)
    cache.get(store, EventFilter())
    assert store.calls == 2


def test_a_store_version_change_invalidates_and_a_version_never_expires() -> None:
    store, cache = VersionedStore(version=1), StatsCache(ttl=0.0001)
    cache.get(store, EventFilter())
    time.sleep(0.01)
    cache.get(store, EventFilter())
    assert store.calls == 1
    store._version = 2
    cache.get(store, EventFilter())
    assert store.calls == 2


def test_concurrent_misses_compute_once() -> None:
    store, cache = CountingStore(), StatsCache(ttl=60)
    threads = [threading.Thread(target=cache.get, args=(store, EventFilter())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.calls == 1


def test_one_type_needs_no_extra_query_for_the_timeline() -> None:
    store, cache = CountingStore(), StatsCache(ttl=60)
    line = cache.get(store, EventFilter(), "timeline")
    assert line["by_day_type"] == [{"day": "2024-01-01", "type": "Battles", "events": 2, "fatalities": 3}]
    assert line["total"] == {"events": 2, "fatalities": 3} and store.calls == 1
