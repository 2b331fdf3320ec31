"""POST /api/articles: extract, store (deduplicated) and return the events; the dashboard sees them."""

from __future__ import annotations

import pytest


ONE = {"id": "post-1", "url": "https://post.example/1", "source": "Post Daily", "title": "Najaf protest",
       "published": "2024-04-02", "text": "Nurses protested outside the governorate building in Najaf."}


def test_posting_one_article_returns_its_events_and_stores_them(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    response = writable_client.post("/api/articles", json=ONE, headers=auth)
    assert response.status_code == 200, response.text
    result = response.json()["articles"][0]
    assert result["article"] == "post-1" and result["article_status"] == "new" and result["events_new"] == 1
    assert [e["event_type"] for e in result["events"]] == ["Protests"]
    assert [e["event_type"] for e in result["extracted"]] == ["Protests"]
    stored = writable_client.get("/api/events?admin1=Najaf").json()["events"]
    assert len(stored) == 1 and stored[0]["source"] == "Post Daily"
    assert stored[0]["event_id"] == result["events"][0]["event_id"] == result["event_ids"][0]
    assert writable_client.get("/api/articles/post-1").json()["article"]["title"] == "Najaf protest"


def test_posting_a_batch_handles_each_article(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    other = {**ONE, "id": "post-2", "text": "The council met to discuss the budget."}
    response = writable_client.post("/api/articles", json=[ONE, other], headers=auth)
    results = response.json()["articles"]
    assert [r["article"] for r in results] == ["post-1", "post-2"]
    assert [len(r["events"]) for r in results] == [1, 0]


def test_posting_the_same_article_twice_changes_nothing(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    writable_client.post("/api/articles", json=ONE, headers=auth)
    again = writable_client.post("/api/articles", json=ONE, headers=auth).json()["articles"][0]
    assert again["article_status"] == "unchanged"
    assert writable_client.get("/api/events?count=1&limit=1").json()["total"] == 5


def test_stats_reflect_an_ingest_at_once(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    before = writable_client.get("/api/stats").json()["total"]["events"]
    writable_client.post("/api/articles", json=ONE, headers=auth)
    assert writable_client.get("/api/stats").json()["total"]["events"] == before + 1


def test_an_unreadable_article_in_a_batch_is_reported_and_the_rest_stored(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    from marsad._exceptions import InputError

    state = writable_client.app.state.marsad
    original = state.extract

    def picky(article):  # type: ignore[no-untyped-def]
        if article.key == "bad":
            raise InputError("not an article", origin="bad")
        return original(article)

    state.extract = picky
    response = writable_client.post("/api/articles", json=[{"id": "bad", "text": "???"}, ONE], headers=auth)
    body = response.json()
    assert response.status_code == 200 and body["ok"] is False
    assert body["articles"][0] == {"article": "bad", "ok": False, "error": "bad: not an article"}
    assert body["articles"][1]["ok"] is True and body["articles"][1]["events_new"] == 1
    single = writable_client.post("/api/articles", json={"id": "bad", "text": "???"}, headers=auth)
    assert single.status_code == 400 and single.json()["error"] == "bad: not an article"


@pytest.mark.slow
def test_posting_through_the_real_pipeline_returns_stored_events(tmp_path, auth) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from marsad.serve.app import create_app
    from marsad.serve.settings import ServeSettings
    from marsad.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'real.db'}")
    client = TestClient(create_app(store, ServeSettings(token=auth["Authorization"].split()[1],
                                                        config_dir=str(tmp_path))))  # default extract
    batch = [
        {"id": "real-1", "source": "Test Herald", "published": "2024-05-06",
         "text": "Hundreds of students protested in Mosul on Sunday against power cuts."},
        {"id": "real-2", "source": "Test Herald", "published": "2024-05-07",
         "text": "Gunmen killed three police officers at a checkpoint near Kirkuk on Monday, officials said."},
    ]
    response = client.post("/api/articles", json=batch, headers=auth)
    assert response.status_code == 200, response.text
    results = response.json()["articles"]
    assert [r["article"] for r in results] == ["real-1", "real-2"]
    for result in results:
        assert [e["event_id"] for e in result["events"]] == list(dict.fromkeys(result["event_ids"]))
        for event in result["events"]:
            detail = client.get(f"/api/events/{event['event_id']}").json()["event"]
            assert result["article"] in {m["article_id"] for m in detail["mentions"]}
    assert sum(len(r["events"]) for r in results) >= 1  # the pipeline finds at least one of two plain reports
    store.close()
