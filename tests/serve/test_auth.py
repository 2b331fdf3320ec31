"""Writes need a bearer token; reads are open unless MARSAD_READ_TOKEN_REQUIRED is set."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.serve.auth import TOKEN_FILE, bearer, create_token, hash_token


ARTICLE = {"id": "auth-1", "text": "Students protested outside the ministry in Najaf.", "source": "Test"}


def test_post_without_token_is_401_with_bearer_challenge(writable_client) -> None:  # type: ignore[no-untyped-def]
    response = writable_client.post("/api/articles", json=ARTICLE)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["ok"] is False and "token" in response.json()["error"]


def test_post_with_wrong_token_is_401(writable_client) -> None:  # type: ignore[no-untyped-def]
    response = writable_client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.json()["error"] == "The bearer token is not valid"


def test_post_with_env_token_is_accepted(writable_client, auth) -> None:  # type: ignore[no-untyped-def]
    response = writable_client.post("/api/articles", json=ARTICLE, headers={"Authorization": auth["Authorization"]})
    assert response.status_code == 200, response.text


def test_created_token_is_accepted_and_stored_only_as_a_hash(writable_client, token_dir: Path) -> None:  # type: ignore[no-untyped-def]
    token = create_token(token_dir, name="ci")
    stored = (token_dir / TOKEN_FILE).read_text()
    assert token not in stored and hash_token(token) in stored
    assert (token_dir / TOKEN_FILE).stat().st_mode & 0o777 == 0o600
    response = writable_client.post("/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text


def test_reads_are_open_by_default(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/events").status_code == 200
    assert client.get("/").status_code == 200


def test_reads_need_a_token_when_configured(make_client, auth) -> None:  # type: ignore[no-untyped-def]
    closed = make_client(read_token_required=True)
    for path in ("/api/events", "/api/stats", "/api/events.csv", "/"):
        assert closed.get(path).status_code == 401, path
    headers = {"Authorization": auth["Authorization"]}
    assert closed.get("/api/events", headers=headers).status_code == 200
    closed.cookies.set("marsad_token", auth["Authorization"].split()[1])
    assert closed.get("/").status_code == 200


def test_bearer_parses_only_the_bearer_scheme() -> None:
    assert bearer("Bearer abc") == "abc"
    assert bearer("bearer  abc ") == "abc"
    assert bearer("Basic abc") is None
    assert bearer("Bearer ") is None
    assert bearer(None) is None


def test_token_create_command_prints_a_token_and_stores_its_hash(tmp_path: Path) -> None:
    from marsad.cli.serve import token

    result = CliRunner().invoke(token, ["create", "--name", "laptop"], env={"MARSAD_CONFIG_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    printed = result.stdout.strip().splitlines()[0]
    data = json.loads((tmp_path / TOKEN_FILE).read_text())
    assert data["tokens"][0]["name"] == "laptop"
    assert data["tokens"][0]["sha256"] == hash_token(printed)


def test_login_form_sets_an_httponly_cookie_that_opens_the_pages(make_client, auth) -> None:  # type: ignore[no-untyped-def]
    closed = make_client(read_token_required=True)
    page = closed.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 401 and 'href=/login' in page.text
    assert closed.get("/login").status_code == 200
    bad = closed.post("/login", data={"token": "wrong"}, follow_redirects=False)
    assert bad.status_code == 401 and "not valid" in bad.text
    good = closed.post("/login", data={"token": auth["Authorization"].split()[1]}, follow_redirects=False)
    assert good.status_code == 303
    assert "httponly" in good.headers["set-cookie"].lower() and "samesite=strict" in good.headers["set-cookie"].lower()
    assert closed.get("/").status_code == 200


def test_serve_command_fails_fast_on_a_bad_store_url(tmp_path: Path) -> None:
    from marsad._exceptions import StoreError
    from marsad.cli.serve import serve

    result = CliRunner().invoke(serve, ["--db", "nonsense://x"], env={"MARSAD_CONFIG_DIR": str(tmp_path)})
    assert isinstance(result.exception, StoreError)
    assert "nonsense://x" in str(result.exception)


def test_serve_command_rejects_a_bad_setting_before_starting(tmp_path: Path) -> None:
    from marsad._exceptions import ConfigError
    from marsad.cli.serve import serve

    env = {"MARSAD_CONFIG_DIR": str(tmp_path), "MARSAD_MAX_BODY": "big"}
    result = CliRunner().invoke(serve, ["--db", f"sqlite:///{tmp_path / 'x.db'}"], env=env)
    assert isinstance(result.exception, ConfigError) and "MARSAD_MAX_BODY" in str(result.exception)
