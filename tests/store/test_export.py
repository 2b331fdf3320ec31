"""Exports: ACLED column order, RFC 7946 GeoJSON, typed Parquet, JSON Lines."""

from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.model import ACLED_COLUMNS
from marsad.store import EventFilter
from marsad.store.export import write_csv, write_geojson, write_jsonl, write_parquet
from store_factories import article, event


def _items(store):  # type: ignore[no-untyped-def]
    store.ingest(article("a", "Some text about a bomb."), [event(plover={"event": "ASSAULT", "mode": "explosives"}),
                 event(event_id="x", event_date="2024-03-09", latitude=None, longitude=None, location="Somewhere")])  # fmt: skip
    return list(store.iter_events(EventFilter()))


def test_csv_starts_with_acled_columns_in_order(store) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    assert write_csv(_items(store), out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["plover"] == "ASSAULT/explosives"
    assert record["fatalities"] == "3" and record["country"] == "Iraq"


def test_geojson_is_a_feature_collection_with_lon_lat_points(store) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    write_geojson(_items(store), out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    located, unlocated = data["features"]
    assert located["type"] == "Feature" and located["geometry"]["type"] == "Point"
    assert located["geometry"]["coordinates"] == [44.3661, 33.3152]  # [longitude, latitude]
    assert located["properties"]["event_type"] == "Explosions/Remote violence"
    assert unlocated["geometry"] is None


def test_parquet_has_typed_columns_readable_by_arrow(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert write_parquet(_items(store), str(path)) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    assert table.column("country").to_pylist() == ["Iraq", "Iraq"]


def test_empty_parquet_export_still_has_the_schema(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.parquet as pq

    path = tmp_path / "empty.parquet"
    assert write_parquet([], str(path)) == 0
    assert pq.read_table(path).schema.names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)


def test_jsonl_writes_one_event_per_line(store) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    write_jsonl(_items(store), out)
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["event_date"] for line in lines] == ["2024-03-04", "2024-03-09"]


def test_parquet_export_is_queryable_by_duckdb(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "events.parquet"
    write_parquet(_items(store), str(path))
    rows = duckdb.sql(f"SELECT event_date, fatalities, country FROM read_parquet('{path}') ORDER BY event_date").fetchall()
    assert [(str(d), f, c) for d, f, c in rows] == [("2024-03-04", 3, "Iraq"), ("2024-03-09", 3, "Iraq")]
