"""`marsad ingest`, `marsad events`, `marsad export` wired to the store (extraction replaced by a fake)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from store_factories import event


class FakePipeline:
    """Stands in for the extraction pipeline: one bombing per article, dated by the file's first word."""

    def extract_many(self, articles, n_process=1):  # type: ignore[no-untyped-def]
        for art in articles:
            day = art.text.split()[0]
            yield SimpleNamespace(article=art, events=[event(event_date=day, source=art.source)], error=None)


@pytest.fixture
def inputs(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import marsad.pipeline

    monkeypatch.setattr(marsad.pipeline, "Pipeline", FakePipeline)
    (tmp_path / "one.txt").write_text("2024-03-04 A bomb exploded in Baghdad.\n")
    (tmp_path / "two.txt").write_text("2024-03-04 A blast hit Baghdad, killing three.\n")
    (tmp_path / "three.txt").write_text("2024-03-08 Another bomb in Baghdad.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    return tmp_path


def test_ingest_reports_a_summary_and_skips_bad_files(inputs, store_url) -> None:  # type: ignore[no-untyped-def]
    files = [str(inputs / n) for n in ("one.txt", "bad.txt", "two.txt", "three.txt", "missing.txt")]
    result = CliRunner().invoke(cli, ["ingest", *files, "--db", store_url, "--source", "Wire"])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "missing.txt" in result.output
    assert "articles: 3 new, 0 unchanged, 0 updated, 2 skipped; events: 2 new, 1 merged" in result.output
    again = CliRunner().invoke(cli, ["ingest", str(inputs / "one.txt"), "--db", store_url])
    assert "articles: 0 new, 1 unchanged" in again.output and again.exit_code == 0


def test_events_lists_filtered_events_as_json(inputs, store_url) -> None:  # type: ignore[no-untyped-def]
    CliRunner().invoke(cli, ["ingest", str(inputs), "--db", store_url])
    result = CliRunner().invoke(cli, ["events", "--db", store_url, "--since", "2024-03-05", "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert [e["event_date"] for e in items] == ["2024-03-08"]
    table = CliRunner().invoke(cli, ["events", "--db", store_url, "--country", "IQ"])
    assert "Remote explosive" in table.output and table.output.count("ev_") == 2


def test_export_writes_geojson_to_a_file(inputs, store_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    CliRunner().invoke(cli, ["ingest", str(inputs), "--db", store_url])
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(cli, ["export", "--format", "geojson", "--type", "Explosions/Remote violence",
                                      "-o", str(out), "--db", store_url])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())["features"]) == 2


def test_export_acled_csv_to_stdout(inputs, store_url) -> None:  # type: ignore[no-untyped-def]
    CliRunner().invoke(cli, ["ingest", str(inputs), "--db", store_url])
    result = CliRunner().invoke(cli, ["export", "--db", store_url, "--until", "2024-03-04"])
    import csv

    rows = list(csv.DictReader(result.output.splitlines()))
    assert result.output.startswith("event_id,event_date,time_precision,event_type,sub_event_type,actor1")
    assert [(r["event_date"], r["fatalities"]) for r in rows] == [("2024-03-04", "3")]




def test_events_csv_and_jsonl_formats_list_the_same_events(inputs, store_url) -> None:  # type: ignore[no-untyped-def]
    import csv

    CliRunner().invoke(cli, ["ingest", str(inputs), "--db", store_url])
    as_csv = CliRunner().invoke(cli, ["events", "--db", store_url, "--format", "csv"]).output
    as_jsonl = CliRunner().invoke(cli, ["events", "--db", store_url, "--format", "jsonl", "--sort", "-event_date"]).output
    ids_csv = [row["event_id"] for row in csv.DictReader(as_csv.splitlines())]
    ids_jsonl = [json.loads(line)["event_id"] for line in as_jsonl.splitlines()]
    assert ids_csv == ids_jsonl and len(ids_csv) == 2


def test_export_parquet_needs_a_file_or_a_pipe(inputs, store_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow.parquet as pq

    CliRunner().invoke(cli, ["ingest", str(inputs), "--db", store_url])
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(cli, ["export", "--format", "parquet", "-o", str(out), "--db", store_url])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 2


def test_events_on_an_unreachable_database_is_one_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from marsad._exceptions import StoreError

    result = CliRunner().invoke(cli, ["events", "--db", f"sqlite:///{tmp_path}/missing/dir/x.db"])
    assert isinstance(result.exception, StoreError)
    assert "folder" in str(result.exception) and "does not exist" in str(result.exception)
