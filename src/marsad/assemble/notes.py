"""The `notes` column: one generated sentence that says what happened, when, where, to what effect."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import yaml

from marsad.model import Event

_DATA = Path(__file__).resolve().parent.parent / "data" / "notes.yaml"


@cache
def _templates() -> dict[str, str]:
    with _DATA.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle))


def write_notes(event: Event) -> str:
    template = _templates().get(event.sub_event_type, "{a1} was involved in an event {place}")
    a1 = event.actor1 or "an unidentified actor"
    a2 = event.actor2 or "unidentified targets"
    a2_or = event.actor2 or "authorities"
    body = template.format(a1=a1, a2=a2, a2_or=a2_or, place=_place(event)).strip()
    body = " ".join(body.split())
    outcomes = _outcomes(event)
    when = _when(event)
    sentence = f"{when}, {body}{outcomes}." if when else f"{body[0].upper()}{body[1:]}{outcomes}."
    return sentence


def _place(event: Event) -> str:
    if not event.location:
        return ""
    where = f"{'near' if event.geo_precision == 2 else 'in'} {event.location}"
    if event.sublocation:
        where = f"at {event.sublocation}, {where}"
    region = ", ".join(p for p in (event.admin1, event.country) if p and p != event.location)
    return f"{where} ({region})" if region else where


def _when(event: Event) -> str:
    if not event.event_date:
        return ""
    day = date.fromisoformat(event.event_date)
    text = f"{day.day} {day:%B %Y}"
    return f"On {text}" if event.time_precision == 1 else f"Around {text}"


def _outcomes(event: Event) -> str:
    parts = []
    if event.fatalities:
        parts.append(f"killing {event.fatalities}")
    if event.injuries:
        parts.append(f"injuring {event.injuries}")
    if event.arrests:
        parts.append(f"with {event.arrests} arrested")
    if not parts:
        return ""
    return ", " + " and ".join(parts) if len(parts) <= 2 else ", " + ", ".join(parts[:-1]) + " and " + parts[-1]
