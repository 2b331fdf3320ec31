"""`marsad eval acled`: extract events from ACLED's own report texts and compare them with ACLED's coding.

Each distinct `notes` text is one article, extracted once. No publication date is given to the pipeline:
ACLED's notes open with the event date, and handing the gold `event_date` (or anything derived from it)
to the pipeline as "published" would let the date metric score itself. A real user would know the
publication date of a report, which is usually a day or more after the event, so leaving it out is the
harder and honest setting. The extractor is a parameter so the harness can be tested without the pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.evaluate.compare import (
    actor_name_matches,
    admin1_comparator,
    gold_country_code,
    parse_predicted_date,
)
from marsad.evaluate.gold import AcledRow, read_acled
from marsad.evaluate.matching import match_rows
from marsad.evaluate.scores import NO_EVENT, macro_f1, median
from marsad.model import Article, Event
from marsad.resolve.places.distance import haversine_km

BatchExtractor = Callable[[Sequence[Article]], Sequence[Sequence[Event]]]
"""Articles in, the events of each article out (same order)."""

FIELDS = (
    "event_type", "sub_event_type", "fatalities", "date", "admin1",
    "within_25km", "within_161km", "actor1_inter", "actor_name",
)  # fmt: skip
"""The per-row checks; each metric of the summary is the share of rows passing one of them."""

SUMMARY_KEYS = (
    "n", "detected", "event_type_accuracy", "sub_event_type_accuracy", "sub_event_type_macro_f1",
    "fatalities_exact", "date_exact", "admin1_accuracy", "within_25km", "within_161km", "median_km",
    "actor1_inter_accuracy", "actor_name_accuracy", "seconds",
)  # fmt: skip


@dataclass
class RowOutcome:
    """One gold row, the event it was paired with (None: missed), and which checks it passed."""

    row: AcledRow
    event: Event | None
    detected: bool
    km: float | None
    checks: dict[str, bool] = field(default_factory=dict)


@dataclass
class AcledResult:
    summary: dict[str, Any]
    outcomes: list[RowOutcome]
    predictions: dict[str, list[Event]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # text -> the pipeline's error for it


VAC = "Violence against civilians"


def expected_inter1(row: AcledRow, predicted_actor1: str | None) -> int | None:
    """The gold inter code the predicted actor1 should carry.

    ACLED's codebook: actor order is meaningless except in Violence against civilians, where the target
    is always actor 2. So when the predicted actor1 names the gold actor2 (and not actor1) of a non-VAC
    event, its inter is compared with gold inter2, the same leniency `actor_name_accuracy` has; in VAC,
    and whenever the name matches neither gold actor, with gold inter1. `bench/acled_errors.py` also
    prints the strict figure (gold inter1 always).
    """
    if (
        row.event_type != VAC
        and actor_name_matches(predicted_actor1, row.actor2, None)
        and not actor_name_matches(predicted_actor1, row.actor1, None)
    ):
        return row.inter2
    return row.inter1


def check_row(row: AcledRow, event: Event | None, detected: bool) -> RowOutcome:
    """Compare one gold row with its paired event, field by field (all False without an event).

    `actor1_inter` compares the predicted inter1 with the inter of the gold actor that the predicted actor1
    names (see `expected_inter1`), because ACLED's codebook makes actor order meaningless except in VAC.
    """
    if event is None:
        return RowOutcome(row, None, detected, None, {name: False for name in FIELDS})
    km = None
    if None not in (event.latitude, event.longitude, row.latitude, row.longitude):
        km = haversine_km(row.latitude, row.longitude, event.latitude, event.longitude)  # type: ignore[arg-type]
    same_admin1 = admin1_comparator()
    predicted_date = parse_predicted_date(event.event_date)
    checks = {
        "event_type": event.event_type == row.event_type,
        "sub_event_type": event.sub_event_type == row.sub_event_type,
        "fatalities": row.fatalities is not None and event.fatalities == row.fatalities,
        "date": row.event_date is not None and predicted_date == row.event_date,
        "admin1": bool(row.admin1)
        and same_admin1(event.admin1, row.admin1, gold_country_code(row.country, row.iso)),
        "within_25km": km is not None and km <= 25.0,
        "within_161km": km is not None and km <= 161.0,
        "actor1_inter": expected_inter1(row, event.actor1) is not None
        and event.inter1 == expected_inter1(row, event.actor1),
        "actor_name": actor_name_matches(event.actor1, row.actor1, row.actor2),
    }
    return RowOutcome(row, event, detected, km, checks)


def group_by_text(rows: Sequence[AcledRow]) -> dict[str, list[AcledRow]]:
    """Rows sharing one report text, in order of first appearance (each text is extracted once)."""
    groups: dict[str, list[AcledRow]] = {}
    for row in rows:
        groups.setdefault(row.notes, []).append(row)
    return groups


def score(rows: Sequence[AcledRow], events_per_text: dict[str, Sequence[Event]]) -> list[RowOutcome]:
    """Pair each text's rows with its events one-to-one and check every row."""
    by_row: dict[int, RowOutcome] = {}
    for text, group in group_by_text(rows).items():
        events = list(events_per_text.get(text, ()))
        for row, event in zip(group, match_rows(group, events), strict=True):
            by_row[id(row)] = check_row(row, event, detected=bool(events))
    return [by_row[id(row)] for row in rows]


def summarise(outcomes: Sequence[RowOutcome], seconds: float) -> dict[str, Any]:
    """The issue's keys, exactly: shares over all rows, `median_km` over paired rows with coordinates."""
    n = len(outcomes)

    def share(flags: Sequence[bool]) -> float:
        return round(sum(flags) / n, 4) if n else 0.0

    def field_share(name: str) -> float:
        return share([o.checks[name] for o in outcomes])

    gold_sub = [o.row.sub_event_type for o in outcomes]
    pred_sub = [o.event.sub_event_type if o.event else NO_EVENT for o in outcomes]
    km = median(o.km for o in outcomes if o.km is not None)
    summary = {
        "n": n,
        "detected": share([o.detected for o in outcomes]),
        "event_type_accuracy": field_share("event_type"),
        "sub_event_type_accuracy": field_share("sub_event_type"),
        "sub_event_type_macro_f1": round(macro_f1(gold_sub, pred_sub), 4),
        "fatalities_exact": field_share("fatalities"),
        "date_exact": field_share("date"),
        "admin1_accuracy": field_share("admin1"),
        "within_25km": field_share("within_25km"),
        "within_161km": field_share("within_161km"),
        "median_km": round(km, 2) if km is not None else None,
        "actor1_inter_accuracy": field_share("actor1_inter"),
        "actor_name_accuracy": field_share("actor_name"),
        "seconds": round(seconds, 2),
    }
    assert tuple(summary) == SUMMARY_KEYS
    return summary


def events_of(result: Any) -> tuple[list[Event], str | None]:
    """Events and error of one batch result: the pipeline yields `Outcome(article, events, error)`."""
    if hasattr(result, "events"):
        error = getattr(result, "error", None)
        return list(result.events), (f"{type(error).__name__}: {error}" if error else None)
    return list(result), None


def pipeline_extractor(n_process: int = 1, errors: dict[str, str] | None = None) -> BatchExtractor:
    """The real pipeline as a batch extractor (imported lazily: it loads spaCy and the gazetteer).

    Articles the pipeline refuses (its per-article errors) count as articles without events; their
    messages go into `errors` (text -> message) so the report can say how many and why.
    """
    from marsad.pipeline import Pipeline

    pipeline = Pipeline()

    def extract(articles: Sequence[Article]) -> list[list[Event]]:
        kwargs = {"n_process": n_process} if n_process > 1 else {}
        found: list[list[Event]] = []
        for article, result in zip(articles, pipeline.extract_many(list(articles), **kwargs), strict=True):
            events, error = events_of(result)
            if error and errors is not None:
                errors[article.text] = error
            found.append(events)
        return found

    return extract


def run_acled(
    path: str | Path,
    *,
    extract: BatchExtractor | None = None,
    limit: int | None = None,
    predictions: dict[str, Sequence[Event]] | None = None,
    n_process: int = 1,
) -> AcledResult:
    """Evaluate on an ACLED CSV; `predictions` (text -> events) skips extraction, for error analysis."""
    started = time.perf_counter()
    rows = read_acled(path, limit=limit)
    texts = list(group_by_text(rows))
    errors: dict[str, str] = {}
    if predictions is None:
        extractor = extract or pipeline_extractor(n_process, errors)
        articles = [Article(text=text, id=f"acled-{i}", origin=f"{path}#text{i}") for i, text in enumerate(texts)]
        results = extractor(articles)
        if len(results) != len(articles):
            raise RuntimeError(f"extractor returned {len(results)} results for {len(articles)} articles")
        predictions = {text: list(events) for text, events in zip(texts, results, strict=True)}
    outcomes = score(rows, predictions)
    kept = {text: list(predictions.get(text, ())) for text in texts}
    return AcledResult(summarise(outcomes, time.perf_counter() - started), outcomes, kept, errors)
