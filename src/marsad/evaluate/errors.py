"""Error analysis for `marsad eval acled`: which rows fail which field, grouped into error classes.

The metric says how often a field is wrong; fixing the pipeline needs to know *how* it is wrong (a type
confused with which, dates off by one day, places in the wrong country...). Each field gets a classifier
that names the kind of error for one failed row, so the report can rank error classes and show examples.
It applies the same comparisons as the metric (it reads the `RowOutcome.checks` the metric computed).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from marsad._exceptions import InputError
from marsad.evaluate.acled import FIELDS, RowOutcome
from marsad.evaluate.compare import actor_name_matches, parse_predicted_date
from marsad.model import Event


def _date_class(o: RowOutcome) -> str:
    predicted = parse_predicted_date(o.event.event_date) if o.event else None
    if predicted is None or o.row.event_date is None:
        return "no date predicted"
    delta = (predicted - o.row.event_date).days
    if abs(delta) <= 7:
        return f"off by {delta:+d} day(s)"
    if predicted.year != o.row.event_date.year:
        return "wrong year"
    return "off by more than a week"


def _distance_class(o: RowOutcome) -> str:
    event = o.event
    if event is None or event.latitude is None or event.longitude is None:
        return "no coordinates"
    if (event.country or "").lower() != o.row.country.lower():
        return f"wrong country ({event.country or '-'} for {o.row.country})"
    if o.km is None:
        return "gold has no coordinates"
    precision = f" (geo_precision {event.geo_precision})"
    if o.km > 161:
        return "same country, > 161 km" + precision
    if o.km > 25:
        return "25-161 km" + precision
    return "within 25 km"


def _fatalities_class(o: RowOutcome) -> str:
    gold, predicted = o.row.fatalities or 0, o.event.fatalities if o.event else 0
    if predicted >= 1000 and 1900 <= predicted <= 2100:
        return "predicted a year-like number"
    if predicted > gold:
        return "over-counted (gold 0)" if gold == 0 else "over-counted"
    return "missed (predicted 0)" if predicted == 0 else "under-counted"


def _inter_class(o: RowOutcome) -> str:
    event = o.event
    assert event is not None
    if event.actor1 is None:
        return f"no actor1 (gold inter1 {o.row.inter1})"
    if actor_name_matches(event.actor1, o.row.actor2, None) and o.row.event_type == "Violence against civilians":
        return "VAC sides swapped (actor1 is the gold target)"
    return f"inter1 {o.row.inter1} -> {event.inter1}"


def _actor_class(o: RowOutcome) -> str:
    event = o.event
    assert event is not None
    if not event.actor1:
        return "no actor1 predicted"
    return f"gold inter {o.row.inter1}: {event.actor1} ({event.inter1})"


def _admin1_class(o: RowOutcome) -> str:
    event = o.event
    assert event is not None
    if not event.admin1:
        return "no admin1 predicted" + ("" if event.location else " (no location)")
    if (event.country or "").lower() != o.row.country.lower():
        return "wrong country"
    return f"{o.row.admin1} -> {event.admin1}"


_CLASSIFIERS: dict[str, Callable[[RowOutcome], str]] = {
    "event_type": lambda o: f"{o.row.event_type} -> {o.event.event_type if o.event else '-'}",
    "sub_event_type": lambda o: f"{o.row.sub_event_type} -> {o.event.sub_event_type if o.event else '-'}",
    "fatalities": _fatalities_class,
    "date": _date_class,
    "admin1": _admin1_class,
    "within_25km": _distance_class,
    "within_161km": _distance_class,
    "actor1_inter": _inter_class,
    "actor_name": _actor_class,
}


def error_class(outcome: RowOutcome, field: str, errors: Mapping[str, str] | None = None) -> str:
    """The kind of error a failed row makes on `field` ("no event" when it got no event at all)."""
    if outcome.event is None:
        if errors and outcome.row.notes in errors:
            return "no event (pipeline error: " + errors[outcome.row.notes].split(":")[0] + ")"
        return "no event (text had none)" if not outcome.detected else "no event (more rows than events)"
    return _CLASSIFIERS[field](outcome)


def describe(outcome: RowOutcome) -> str:
    """Gold vs predicted for one row, on a few lines."""
    row, event = outcome.row, outcome.event
    gold = (
        f"  gold: {row.event_date} | {row.event_type} / {row.sub_event_type} | {row.actor1} ({row.inter1}) vs "
        f"{row.actor2 or '-'} ({row.inter2}) | {row.location}, {row.admin1}, {row.country} | fat {row.fatalities}"
    )
    if event is None:
        predicted = "  pred: (no event)"
    else:
        km = f"{outcome.km:.0f} km" if outcome.km is not None else "no coords"
        predicted = (
            f"  pred: {event.event_date} | {event.event_type} / {event.sub_event_type} | {event.actor1} "
            f"({event.inter1}) vs {event.actor2 or '-'} ({event.inter2}) | {event.location}, {event.admin1}, "
            f"{event.country} [{km}] | fat {event.fatalities}"
        )
    notes = row.notes if len(row.notes) <= 400 else row.notes[:400] + "..."
    return f"line {row.line}:\n{gold}\n{predicted}\n  text: {notes}"


def report(outcomes: Sequence[RowOutcome], *, fields: Sequence[str] = FIELDS, top: int = 12, sample: int = 5,
           seed: int = 0, errors: Mapping[str, str] | None = None) -> str:
    """Per field: error rate, the most frequent error classes, and a random sample of failed rows."""
    rng = random.Random(seed)
    lines: list[str] = []
    n = len(outcomes)
    for field in fields:
        wrong = [o for o in outcomes if not o.checks[field]]
        lines.append(f"=== {field}: {len(wrong)}/{n} wrong ({len(wrong) / n:.1%})" if n else f"=== {field}")
        if field == "actor1_inter" and n:
            strict = sum(1 for o in outcomes if o.event is not None and o.event.inter1 == o.row.inter1)
            lines.append(f"  (strict, against gold inter1 only: {strict / n:.1%} right)")
        classes = Counter(error_class(o, field, errors) for o in wrong)
        for name, count in classes.most_common(top):
            lines.append(f"  {count:5d}  {name}")
        for outcome in rng.sample(wrong, min(sample, len(wrong))):
            lines.append(describe(outcome))
        lines.append("")
    return "\n".join(lines)


def save_predictions(path: str | Path, predictions: dict[str, Sequence[Event]]) -> None:
    """Events per text as JSON, so error analysis can be re-run without re-extracting."""
    data = [{"text": text, "events": [e.to_dict() for e in events]} for text, events in predictions.items()]
    Path(path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_predictions(path: str | Path) -> dict[str, list[Event]]:
    source = Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        return {item["text"]: [Event.from_dict(e) for e in item["events"]] for item in data}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a predictions file written by --save-predictions ({exc})", origin=str(source)) from exc
