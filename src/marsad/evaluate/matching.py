"""Pairing the gold rows of one report with the events marsad extracted from it.

ACLED codes one report as several rows when it names several places or days. Scoring each row against
"the first event" would reward or punish the wrong event, so rows and events are paired one-to-one by
maximum total similarity (Hungarian assignment): same type counts, the same place counts more. A row
left over (fewer events than rows) has no event and counts wrong for every field.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.evaluate.compare import same_place_name
from marsad.resolve.places.distance import haversine_km
from marsad.evaluate.gold import AcledRow
from marsad.model import Event

# Place outweighs type: two rows of one report usually share the type and differ by place.
TYPE_WEIGHT = 2.0
SUB_TYPE_WEIGHT = 2.0
PLACE_WEIGHT = 3.0
PLACE_SCALE_KM = 100.0
DATE_WEIGHT = 1.0


def pair_score(row: AcledRow, event: Event) -> float:
    """How alike a gold row and a predicted event are (higher is more alike, never negative)."""
    score = 0.0
    if event.event_type == row.event_type:
        score += TYPE_WEIGHT
    if event.sub_event_type == row.sub_event_type:
        score += SUB_TYPE_WEIGHT
    if same_place_name(event.location, row.location):
        score += PLACE_WEIGHT
    elif None not in (event.latitude, event.longitude, row.latitude, row.longitude):
        km = haversine_km(row.latitude, row.longitude, event.latitude, event.longitude)  # type: ignore[arg-type]
        score += PLACE_WEIGHT * max(0.0, 1.0 - km / PLACE_SCALE_KM)
    if row.event_date is not None and event.event_date and str(event.event_date)[:10] == row.event_date.isoformat():
        score += DATE_WEIGHT
    return score


def _assign(scores: list[list[float]]) -> list[int | None]:
    """For each row, the index of its event (None if none), maximising the summed score."""
    n_rows = len(scores)
    n_events = len(scores[0]) if scores else 0
    if n_rows == 0 or n_events == 0:
        return [None] * n_rows
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:  # scipy arrives with reverse_geocoder; greedy is the documented fallback
        return _greedy(scores)
    row_ind, col_ind = linear_sum_assignment(scores, maximize=True)
    result: list[int | None] = [None] * n_rows
    for r, c in zip(row_ind, col_ind, strict=True):
        result[int(r)] = int(c)
    return result


def _greedy(scores: list[list[float]]) -> list[int | None]:
    cells = sorted(
        ((s, r, c) for r, row in enumerate(scores) for c, s in enumerate(row)), key=lambda t: (-t[0], t[1], t[2])
    )
    result: list[int | None] = [None] * len(scores)
    used: set[int] = set()
    for _, r, c in cells:
        if result[r] is None and c not in used:
            result[r] = c
            used.add(c)
    return result


def match_rows(rows: Sequence[AcledRow], events: Sequence[Event]) -> list[Event | None]:
    """The event paired with each row (same order as `rows`); None for rows left without one."""
    scores = [[pair_score(row, event) for event in events] for row in rows]
    return [events[i] if i is not None else None for i in _assign(scores)]
