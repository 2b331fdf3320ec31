"""Aggregates for the dashboard's timeline and facets, cached per filter and store version.

``Store.stats`` groups the selected events five ways; over 100k events that is the slowest read the
dashboard makes, and every page view asks for it. Answers are cached per filter: when the store exposes
a ``version()`` (a counter bumped on every ingest) the cache is exact; otherwise entries live ``ttl``
seconds, and a POST to this server clears the cache at once.

The timeline needs events per day *per type*. When the store gives ``by_day_type`` it is used as is;
otherwise it is assembled from one ``by_day`` query per event type, which is why the timeline is its own
endpoint: ``/api/stats`` costs exactly one ``Store.stats``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from marsad.store.query import EventFilter

MAX_ENTRIES = 256
GROUPS = ("by_day", "by_type", "by_country", "by_admin1", "by_actor")
MAX_TYPES = 12


def store_version(store: Any) -> Any:
    version = getattr(store, "version", None)
    if callable(version):
        try:
            return version()
        except Exception:  # a store without a working version is cached by time instead
            return None
    return None


def _rows(value: Any) -> list[dict[str, Any]]:
    return [dict(r) for r in (value or [])]


def compute(store: Any, flt: EventFilter) -> dict[str, Any]:
    """The store's stats (one ``Store.stats`` call) with the totals under ``total``."""
    raw = store.stats(flt)
    result: dict[str, Any] = {k: _rows(raw.get(k)) for k in GROUPS}
    if raw.get("by_day_type") is not None:
        result["by_day_type"] = _rows(raw["by_day_type"])
    result["total"] = {
        "events": int(raw.get("events", sum(int(r.get("events") or 0) for r in result["by_type"]))),
        "fatalities": int(raw.get("fatalities", sum(int(r.get("fatalities") or 0) for r in result["by_type"]))),
    }
    return result


def timeline(store: Any, flt: EventFilter, stats: dict[str, Any]) -> dict[str, Any]:
    """Events and fatalities per (day, type): the store's ``by_day_type`` when it has one, else one
    ``by_day`` query per event type present (the reason this is a separate, lazily fetched endpoint)."""
    if stats.get("by_day_type") is not None:
        rows = [{"day": r.get("day", r.get("key")), "type": r.get("type"), "events": r["events"],
                 "fatalities": r["fatalities"]} for r in stats["by_day_type"]]  # fmt: skip
    else:
        types = [r["key"] for r in stats["by_type"] if r.get("key")][:MAX_TYPES]
        rows = []
        for event_type in types:
            by_day = stats["by_day"] if len(types) == 1 else _rows(store.stats(replace(flt, event_type=event_type)).get("by_day"))
            rows.extend({"day": r["key"], "type": event_type, "events": r["events"], "fatalities": r["fatalities"]} for r in by_day)
    return {"by_day_type": rows, "by_day": stats["by_day"], "total": stats["total"]}


class StatsCache:
    """A small thread-safe LRU of stats answers keyed by (filter, store version)."""

    def __init__(self, ttl: float = 30.0, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[Any, Any], tuple[float, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()
        self._flights: dict[tuple[Any, Any], threading.Lock] = {}
        self._encoded: dict[int, tuple[dict[str, Any], bytes]] = {}

    def _fresh(self, key: tuple[Any, Any], now: float) -> dict[str, Any] | None:
        hit = self._entries.get(key)
        if hit is not None and (key[1] is not None or now - hit[0] < self.ttl):
            self._entries.move_to_end(key)
            return hit[1]
        return None

    def get(self, store: Any, flt: EventFilter, kind: str = "stats") -> dict[str, Any]:
        """The cached answer, or compute it; concurrent misses on one key compute it once (single flight).
        ``kind`` is "stats" (``compute``) or "timeline" (``timeline``, built on the cached stats)."""
        key = ((kind, flt), store_version(store))
        with self._lock:
            hit = self._fresh(key, time.monotonic())
            if hit is not None:
                return hit
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                hit = self._fresh(key, time.monotonic())
            if hit is not None:
                return hit
            if kind == "timeline":
                value = timeline(store, flt, self.get(store, flt))
            else:
                value = compute(store, flt)
            with self._lock:
                self._entries[key] = (time.monotonic(), value)
                self._entries.move_to_end(key)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
                self._flights.pop(key, None)
        return value

    def encoded(self, store: Any, flt: EventFilter, wrap: Callable[[dict[str, Any]], bytes], kind: str = "stats") -> bytes:
        """The answer already serialised by ``wrap``: a day-by-type timeline over years of data is
        thousands of rows, and re-encoding it on every hit would cost more than the cache saves."""
        value = self.get(store, flt, kind)
        with self._lock:
            cached = self._encoded.get(id(value))
            if cached is not None and cached[0] is value:
                return cached[1]
        body = wrap(value)
        with self._lock:
            self._encoded[id(value)] = (value, body)
            while len(self._encoded) > self.max_entries:
                self._encoded.pop(next(iter(self._encoded)))
        return body

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._encoded.clear()
