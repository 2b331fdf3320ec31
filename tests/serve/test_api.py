"""The read API over a real SQLite store: listings, filters, pagination, one event, articles, stats, exports."""

from __future__ import annotations

import csv
import io

from marsad.model import ACLED_COLUMNS


def _ids(client, query: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/events{query}")
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def test_events_lists_every_canonical_event_newest_first(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events").json()
    assert body["ok"] is True
    dates = [e["event_date"] for e in body["events"]]
    assert dates == ["2024-03-05", "2024-03-04", "2024-02-20", "2024-01-13"]
    assert body["next_cursor"] is None


def test_events_filter_by_country_name_or_code_selects_alike(client) -> None:  # type: ignore[no-untyped-def]
    by_name = client.get("/api/events?country=Iraq").json()["events"]
    assert {e["country"] for e in by_name} == {"Iraq"} and len(by_name) == 2
    assert _ids(client, "?country=iq") == [e["event_id"] for e in by_name]


def test_events_filters_by_type_admin1_actor_text_and_dates(client) -> None:  # type: ignore[no-untyped-def]
    assert [e["admin1"] for e in client.get("/api/events?type=Riots").json()["events"]] == ["Kano"]
    assert [e["event_type"] for e in client.get("/api/events?admin1=basra").json()["events"]] == ["Protests"]
    assert [e["country"] for e in client.get("/api/events?actor=police forces").json()["events"]] == ["Iraq"]
    assert [e["admin1"] for e in client.get("/api/events?q=football").json()["events"]] == ["Kano"]
    dated = client.get("/api/events?since=2024-02-01&until=2024-03-04").json()["events"]
    assert [e["event_date"] for e in dated] == ["2024-03-04", "2024-02-20"]
    assert client.get("/api/events?sub_type=Air/drone strike").json()["events"][0]["admin1"] == "Idlib"


def test_events_bbox_keeps_only_events_inside_it(client) -> None:  # type: ignore[no-untyped-def]
    events = client.get("/api/events?bbox=38,28,49,38").json()["events"]  # roughly Iraq
    assert {e["admin1"] for e in events} == {"Kirkuk", "Basra"}


def test_events_cursor_pagination_visits_each_event_once(client) -> None:  # type: ignore[no-untyped-def]
    everything = _ids(client, "?sort=fatalities")
    seen: list[str] = []
    url = "/api/events?sort=fatalities&limit=1"
    while url:
        body = client.get(url).json()
        seen.extend(e["event_id"] for e in body["events"])
        url = body["next_url"]
    assert seen == everything and len(seen) == 4
    fatalities = [e["fatalities"] for e in client.get("/api/events?sort=-fatalities").json()["events"]]
    assert fatalities == sorted(fatalities, reverse=True)


def test_events_count_gives_the_total_matching(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events?limit=1&count=true&country=Iraq").json()
    assert body["total"] == 2 and len(body["events"]) == 1


def test_event_detail_lists_every_source_with_evidence(client) -> None:  # type: ignore[no-untyped-def]
    merged = client.get("/api/events?admin1=Kirkuk").json()["events"][0]
    body = client.get(f"/api/events/{merged['event_id']}").json()
    event = body["event"]
    assert event["n_sources"] == 2
    assert {m["source"] for m in event["mentions"]} == {"Wire A", "Wire B"}
    assert sorted(m["fatalities"] for m in event["mentions"]) == [3, 4]
    assert all(m["evidence"]["location"] for m in event["mentions"])


def test_unknown_event_is_a_404_in_the_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/events/ev_does_not_exist")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error": "No event with id 'ev_does_not_exist'", "errors": [], "status": 404}


def test_article_endpoint_returns_text_and_event_ids(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/articles/wire-b-7").json()
    assert body["article"]["text"].startswith("Four policemen died")
    assert len(body["article"]["event_ids"]) == 1
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_stats_counts_events_and_fatalities_by_each_key(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/stats").json()
    assert body["total"] == {"events": 4, "fatalities": 10}
    assert {r["key"]: r["events"] for r in body["by_country"]} == {"Iraq": 2, "Syria": 1, "Nigeria": 1}
    assert {r["key"]: r["fatalities"] for r in body["by_type"]}["Battles"] == 3
    assert {r["key"] for r in body["by_day"]} == {"2024-03-05", "2024-03-04", "2024-02-20", "2024-01-13"}
    assert any(r["key"] == "Kirkuk" for r in body["by_admin1"])
    assert any(r["key"] == "Protesters (Iraq)" for r in body["by_actor"])


def test_timeline_gives_events_and_fatalities_per_day_and_type(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/timeline").json()
    assert {"day": "2024-03-04", "type": "Battles", "events": 1, "fatalities": 3} in body["by_day_type"]
    assert len(body["by_day_type"]) == 4
    assert client.get("/api/timeline?country=Nigeria").json()["by_day_type"] == [
        {"day": "2024-01-13", "type": "Riots", "events": 1, "fatalities": 0}]


def test_stats_follow_the_filters(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/stats?country=Iraq").json()
    assert body["total"]["events"] == 2
    assert body["filters"] == {"country": "Iraq"}


def test_geojson_is_a_feature_collection_in_lon_lat_order(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/events.geojson?country=Nigeria")
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 1
    feature = body["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [8.5167, 12.0001]}
    assert feature["properties"]["admin1"] == "Kano" and "evidence" not in feature["properties"]


def test_csv_has_acled_columns_in_order_and_the_same_filters(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/events.csv?country=Iraq&sort=event_date")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert [r[rows[0].index("admin1")] for r in rows[1:]] == ["Kirkuk", "Basra"]
    assert [r[rows[0].index("source")] for r in rows[1:]][0] == "Wire A; Wire B"


def test_exports_respect_limit(client) -> None:  # type: ignore[no-untyped-def]
    assert len(client.get("/api/events.geojson?limit=2").json()["features"]) == 2
    assert len(client.get("/api/events.csv?limit=3").text.strip().splitlines()) == 4


def test_openapi_documents_every_api_route(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats",
                 "/api/events.geojson", "/api/events.csv", "/api/articles", "/api/timeline"):
        assert path in paths, path
