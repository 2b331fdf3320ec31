"""Reading ACLED's coding of events from a CSV export, as the gold standard for `marsad eval acled`.

Only the columns the metrics need are required; anything unreadable raises `InputError` naming the file
and the row, so a user pointing the command at the wrong file gets one clear line, not a traceback.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad._exceptions import InputError
from marsad.evaluate.compare import parse_gold_date

REQUIRED_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "notes")


@dataclass(frozen=True)
class AcledRow:
    """One gold event: the coder's fields and the report text (`notes`) that is the article."""

    line: int
    notes: str
    event_date: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int | None
    actor2: str
    inter2: int | None
    country: str
    iso: int | None
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    event_id: str = ""


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _row(line: int, raw: dict[str, str]) -> AcledRow:
    get = lambda key: (raw.get(key) or "").strip()  # noqa: E731 - a local accessor reads clearer here
    return AcledRow(
        line=line,
        notes=raw.get("notes") or "",
        event_date=parse_gold_date(get("event_date")),
        event_type=get("event_type"),
        sub_event_type=get("sub_event_type"),
        actor1=get("actor1"),
        inter1=_int(get("inter1")),
        actor2=get("actor2"),
        inter2=_int(get("inter2")),
        country=get("country"),
        iso=_int(get("iso")),
        admin1=get("admin1"),
        location=get("location"),
        latitude=_float(get("latitude")),
        longitude=_float(get("longitude")),
        fatalities=_int(get("fatalities")),
        event_id=get("event_id_cnty") or get("event_id") or get("data_id"),
    )


def read_acled(path: str | Path, *, limit: int | None = None) -> list[AcledRow]:
    """The first `limit` rows (all when None) that have a non-empty `notes` text."""
    source = Path(path)
    if not source.is_file():
        raise InputError("no such file (expected an ACLED CSV export with a notes column)", origin=str(source))
    rows: list[AcledRow] = []
    try:
        with source.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(
                    f"not an ACLED export: missing column(s) {', '.join(missing)}", origin=str(source)
                )
            for line, raw in enumerate(reader, start=2):
                if limit is not None and len(rows) >= limit:
                    break
                if (raw.get("notes") or "").strip():
                    rows.append(_row(line, raw))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", origin=str(source)) from exc
    except csv.Error as exc:
        raise InputError(f"unreadable CSV: {exc}", origin=str(source)) from exc
    if not rows:
        raise InputError("no rows with a notes text", origin=str(source))
    return rows
