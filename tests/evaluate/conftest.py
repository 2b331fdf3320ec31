"""Fixtures for the evaluation harness tests: invented ACLED-like rows and events (not from any gold
file), a CSV writer, and a fake extractor that records its calls."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest

from marsad.model import Article, Event

ACLED_HEADER = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "inter1",
    "actor2", "inter2", "iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "fatalities", "notes",
]  # fmt: skip

# Invented reports (not from any gold file).
TEXT_CLASH = "On 3 March 2024, gunmen attacked a police checkpoint in Tarvel, killing two officers."
TEXT_TWO_TOWNS = "On 4 March 2024, shells fell on Osmir and on Brelk; no casualties were reported."
TEXT_PROTEST = "On 5 March 2024, teachers protested in Lundar over unpaid wages."


def gold_row(**fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "event_id_cnty": "XYZ1", "event_date": "3-Mar-24", "time_precision": 1, "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "Unidentified Armed Group (Iraq)", "inter1": 3,
        "actor2": "Police Forces of Iraq (2022-)", "inter2": 1, "iso": 368, "country": "Iraq",
        "admin1": "Kirkuk", "admin2": "", "location": "Tarvel", "latitude": 35.0, "longitude": 44.0,
        "fatalities": 2, "notes": TEXT_CLASH,
    }  # fmt: skip
    row.update(fields)
    return row


def make_event(**fields: object) -> Event:
    """An event that agrees with `gold_row()` on every field unless overridden."""
    base: dict[str, object] = {
        "event_id": "e1", "event_date": "2024-03-03", "time_precision": 1, "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "Unidentified Armed Group (Iraq)", "inter1": 3,
        "actor2": "Police Forces of Iraq (2022-)", "inter2": 1, "country": "Iraq", "admin1": "Kirkuk",
        "location": "Tarvel", "latitude": 35.0, "longitude": 44.0, "fatalities": 2,
    }  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


class FakeExtractor:
    """Returns fixed events per text and records what it was asked, so tests can check the calls."""

    def __init__(self, by_text: dict[str, Sequence[Event]]) -> None:
        self.by_text = by_text
        self.calls: list[list[Article]] = []

    def __call__(self, articles: Sequence[Article]) -> list[list[Event]]:
        self.calls.append(list(articles))
        return [list(self.by_text.get(a.text, ())) for a in articles]


@pytest.fixture
def ev() -> SimpleNamespace:
    """The helpers above, for tests (conftest modules are not importable under --import-mode=importlib)."""
    return SimpleNamespace(
        TEXT_CLASH=TEXT_CLASH, TEXT_TWO_TOWNS=TEXT_TWO_TOWNS, TEXT_PROTEST=TEXT_PROTEST,
        gold_row=gold_row, make_event=make_event, FakeExtractor=FakeExtractor,
    )


@pytest.fixture
def write_acled(tmp_path: Path) -> Callable[[list[dict[str, object]]], Path]:
    def write(rows: list[dict[str, object]], name: str = "gold.csv") -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=ACLED_HEADER)
            writer.writeheader()
            writer.writerows(rows)
        return path

    return write


