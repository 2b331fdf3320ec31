"""Filters shared by `marsad events`, `marsad export` and the HTTP API, so all three select alike."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date


@dataclass(frozen=True)
class EventFilter:
    """Which events to select. Every field is optional; set fields combine with AND."""

    since: date | None = None
    until: date | None = None
    country: str | None = None  # name or ISO alpha-2, case-insensitive
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1, actor2 or an associated actor
    text: str | None = None  # free text in notes and actors
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))
