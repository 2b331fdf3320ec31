"""Exports of the canonical events: ACLED CSV, GeoJSON (RFC 7946), Parquet and JSON Lines.

Each writer streams: it takes an iterator of event items (``Store.iter_events``) and never holds the
whole export in memory, so a national archive exports as easily as a day.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

from marsad._exceptions import InputError
from marsad.model import ACLED_COLUMNS, EXTRA_COLUMNS

FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")
CSV_COLUMNS = (*ACLED_COLUMNS, *EXTRA_COLUMNS, "n_sources")
INT_COLUMNS = {"time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
               "injuries", "arrests", "geonameid", "n_sources"}  # fmt: skip
FLOAT_COLUMNS = {"latitude", "longitude"}


def flat(item: dict[str, Any]) -> dict[str, Any]:
    """One event as CSV/Parquet cells: ``plover`` as "EVENT/mode", no nested values."""
    row = {k: item.get(k) for k in CSV_COLUMNS}
    plover = item.get("plover") or {}
    row["plover"] = f"{plover.get('event', '')}/{plover.get('mode', '')}" if plover else None
    return row


def write_csv(items: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow({k: "" if v is None else v for k, v in flat(item).items()})
        n += 1
    return n


def write_jsonl(items: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def feature(item: dict[str, Any]) -> dict[str, Any]:
    """An RFC 7946 Feature: Point [longitude, latitude] (WGS 84), or null geometry when unlocated."""
    lon, lat = item.get("longitude"), item.get("latitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lon is not None and lat is not None else None
    properties = {k: v for k, v in item.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": item["event_id"], "geometry": geometry, "properties": properties}


def write_geojson(items: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for item in items:
        out.write((",\n" if n else "") + json.dumps(feature(item), ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


def _arrow_schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    fields = []
    for name in CSV_COLUMNS:
        if name in INT_COLUMNS:
            kind = pa.int64()
        elif name in FLOAT_COLUMNS:
            kind = pa.float64()
        elif name == "event_date":
            kind = pa.date32()
        else:
            kind = pa.string()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def _cell(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "event_date":
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if name in INT_COLUMNS:
        return int(value)
    if name in FLOAT_COLUMNS:
        return float(value)
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _batches(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(flat(item))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(items: Iterable[dict[str, Any]], out: IO[bytes] | str, *, batch: int = 5000) -> int:
    """A Parquet file with typed columns (dates as date32, counts as int64) for pandas, DuckDB, Arrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in _batches(items, batch):
            columns = {name: [_cell(name, r[name]) for r in rows] for name in schema.names}
            writer.write_table(pa.table(columns, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def check_format(name: str) -> str:
    if name not in FORMATS:
        raise InputError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return name
