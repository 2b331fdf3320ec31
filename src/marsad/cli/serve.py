"""`marsad serve` (the JSON API and the dashboard) and `marsad token create` (write tokens)."""

from __future__ import annotations

import os

import click

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@click.command("serve")
@click.option("--db", "db", metavar="URL", help="Store URL (default $MARSAD_DB or sqlite:///marsad.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; keep loopback unless "
              "the server sits behind a proxy.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (2 suits a 2-core machine under load).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str | None, host: str, port: int, workers: int, log_level: str) -> None:
    """Serve the JSON API (/api, OpenAPI at /openapi.json) and the dashboard over an event store."""
    import uvicorn

    from marsad.serve.app import create_app
    from marsad.serve.settings import load_settings
    from marsad.store import open_store

    settings = load_settings(db=db)
    store = open_store(settings.db)  # fail here, with the store's message, not on the first request
    click.echo(f"marsad: serving {store!r} at http://{host}:{port}/ (API docs: /api/docs)", err=True)
    if host not in LOOPBACK and not settings.read_token_required:
        click.echo("marsad: warning: reads are open to anyone who can reach this address "
                   "(set MARSAD_READ_TOKEN_REQUIRED=1 to close them)", err=True)
    if workers == 1:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level=log_level)
        return
    store.close()
    # Each worker process builds its own app (and store connection pool) from the environment.
    if settings.db:
        os.environ["MARSAD_DB"] = settings.db
    from marsad.serve.workers import run_workers

    run_workers(host, port, workers, log_level)


@click.group("token")
def token() -> None:
    """Manage the bearer tokens that may POST articles to `marsad serve`."""


@token.command("create")
@click.option("--name", default="default", show_default=True, help="A label to recognise the token by.")
def token_create(name: str) -> None:
    """Create a token, print it once, and keep only its SHA-256 hash in the user config dir."""
    from marsad.serve.auth import TOKEN_FILE, config_dir, create_token

    directory = config_dir()
    value = create_token(directory, name=name)
    click.echo(value)
    click.echo(f"marsad: token {name!r} stored (hashed) in {directory / TOKEN_FILE}; it is shown only now. "
               "Send it as 'Authorization: Bearer <token>'.", err=True)


commands: list[click.Command] = [serve, token]
