"""Bad input gets a 400/413/422 in one JSON shape, never a 500."""

from __future__ import annotations

import pytest




@pytest.mark.parametrize(
    ("query", "status", "needle"),
    [
        ("since=yesterday", 422, "since"),
        ("since=2024-03-05&until=2024-01-01", 400, "after"),
        ("bbox=1,2,3", 400, "bbox"),
        ("bbox=10,10,0,0", 400, "minimum"),
        ("bbox=0,0,200,10", 400, "longitudes"),
        ("bbox=nan,0,1,1", 400, "finite"),
        ("sort=notes", 400, "sort"),
        ("limit=0", 422, "limit"),
        ("limit=100000", 422, "limit"),
        ("cursor=%%%", 400, "cursor"),
        ("cursor=WyJub3QtYS1kYXRlIiwiZXYiXQ==", 400, "cursor"),  # ["not-a-date","ev"] for sort=-event_date
        ("q=" + "x" * 500, 400, "q is longer"),
        ("country=Ir%00aq", 400, "NUL"),
    ],
)
def test_bad_query_is_a_client_error_naming_the_parameter(client, query: str, status: int, needle: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/events?{query}")
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert needle in body["error"]


def test_the_exports_and_stats_reject_bad_filters_too(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/events.geojson", "/api/events.csv", "/api/stats"):
        assert client.get(f"{path}?bbox=a,b,c,d").status_code == 400, path
    assert client.get("/api/events.csv?sort=bogus").status_code == 400


def test_body_over_the_limit_is_413(make_client, auth) -> None:  # type: ignore[no-untyped-def]
    small = make_client(max_body=1000)
    response = small.post("/api/articles", json={"text": "x" * 5000}, headers=auth)
    assert response.status_code == 413
    assert response.json()["status"] == 413 and "limit" in response.json()["error"]


def test_chunked_body_over_the_limit_is_413(make_client, auth) -> None:  # type: ignore[no-untyped-def]
    small = make_client(max_body=1000)

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 500

    response = small.post("/api/articles", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 422),
        ("{}", 422),
        ('{"text": ""}', 422),
        ('{"text": 5}', 422),
        ('{"text": "ok", "published": "last week"}', 422),
        ("[]", 400),
        ('{"text": "   "}', 400),
        ('{"text": "a\\u0000b"}', 400),
        ("[1, 2]", 422),
    ],
)
def test_bad_article_payload_is_a_client_error(writable_client, body: str, status: int, auth) -> None:  # type: ignore[no-untyped-def]
    response = writable_client.post("/api/articles", content=body, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == status, response.text
    assert response.json()["ok"] is False


def test_validation_errors_do_not_echo_the_input(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    response = writable_client.post("/api/articles", json={"text": 12345678}, headers=auth)
    assert response.status_code == 422
    assert "12345678" not in response.text
    assert response.json()["errors"][0]["loc"] == ["body", "ArticleIn", "text"]
    assert response.json()["error"] == "Invalid ArticleIn.text: Input should be a valid string"


def test_batch_over_the_limit_is_400(make_client, auth) -> None:  # type: ignore[no-untyped-def]
    capped = make_client(max_batch=2)
    batch = [{"text": f"Crowds protested in town {i}."} for i in range(3)]
    response = capped.post("/api/articles", json=batch, headers=auth)
    assert response.status_code == 400 and "limit is 2" in response.json()["error"]


def test_unknown_path_is_a_json_404_for_api_clients(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.json()["status"] == 404


def test_unknown_event_page_is_an_html_404_for_browsers(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/events/<b>nope</b>", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<b>nope</b>" not in response.text and "&lt;b&gt;nope&lt;/b&gt;" in response.text


def test_a_store_failure_is_a_json_503_not_a_traceback(seeded_db, token_dir) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from marsad.serve.app import create_app
    from marsad.serve.settings import ServeSettings
    from marsad.store import open_store

    store = open_store(seeded_db)
    store.close()
    store._engine.dispose()  # simulate the database vanishing under the server
    import sqlalchemy

    store._engine = sqlalchemy.create_engine("sqlite:////nonexistent-dir/x.db")
    app = create_app(store, ServeSettings(config_dir=str(token_dir)))
    response = TestClient(app, raise_server_exceptions=False).get("/api/events")
    assert response.status_code == 503
    assert response.json()["error"].startswith("Store error")
    assert "Traceback" not in response.text


def test_nul_characters_in_ids_and_article_fields_are_400(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/events/ev%00x", "/api/articles/a%00b", "/events/ev%00x", "/articles/a%00b"):
        assert writable_client.get(path).status_code == 400, path
    response = writable_client.post("/api/articles", json={"text": "Crowds protested.", "title": "a\u0000b"}, headers=auth)
    assert response.status_code == 400 and "title contains NUL" in response.json()["error"]
