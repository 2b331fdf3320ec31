"""Hand-built articles and events for the store tests (no extraction involved: the store is under test)."""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.model import Article, Event

BAGHDAD = (33.3152, 44.3661)
KARRADA = (33.3030, 44.4200)
SADR_CITY = (33.3900, 44.4600)
BASRA = (30.5085, 47.7804)


def article(key: str, text: str, *, source: str = "Outlet A", url: str | None = None,
            published: date | None = date(2024, 3, 5)) -> Article:  # fmt: skip
    return Article(text=text, id=key, url=url, source=source, published=published, language="en")


def event(**overrides: Any) -> Event:
    """A bombing in Baghdad on 2024-03-04 unless told otherwise."""
    lat, lon = overrides.pop("at", BAGHDAD)
    fields: dict[str, Any] = {
        "event_id": "local-1",
        "event_date": "2024-03-04",
        "time_precision": 1,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Remote explosive/landmine/IED",
        "actor1": "Unidentified Armed Group (Iraq)",
        "inter1": 3,
        "actor2": "Civilians (Iraq)",
        "inter2": 7,
        "interaction": 37,
        "iso": 368,
        "country": "Iraq",
        "admin1": "Baghdad",
        "admin2": "Baghdad",
        "location": "Baghdad",
        "latitude": lat,
        "longitude": lon,
        "geo_precision": 1,
        "notes": "A roadside bomb exploded.",
        "fatalities": 3,
        # "roadside bomb" names the device: the sub-event type has its evidence span
        "evidence": {"fatalities": [(0, 5)], "event_type": [(6, 10)], "sub_event_type": [(6, 10)]},
    }
    fields.update(overrides)
    return Event(**fields)


def batch_article(i: int, *, events_per_article: int = 3) -> tuple[Article, list[Event]]:
    """Article i of a batch: two outlets per incident (2k and 2k+1 tell incident k), in distinct towns."""
    incident = i // 2
    text = f"Report {i} on incident {incident}. " + "Gunmen attacked a village. " * 20
    found = []
    for j in range(events_per_article):
        found.append(event(
            event_id=f"b{i}-{j}",
            event_date=f"2024-{1 + incident % 12:02d}-{1 + j:02d}",
            location=f"Town {incident}-{j}",
            at=(30.0 + incident * 0.5, 40.0 + j * 0.5),
            fatalities=2 + i % 2,
            source=None,
        ))  # fmt: skip
    return article(f"batch-{i}", text, source=f"Outlet {i % 2}", url=f"https://news.example/{i}"), found
