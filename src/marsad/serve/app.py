"""Build the FastAPI app: settings, store, routes, error handlers, static files and middleware.

``create_app(store=...)`` is what tests use (any object with the Store API works); ``app_from_env`` is the
factory uvicorn workers call (``marsad serve`` passes the store URL through ``MARSAD_DB``), so each worker
process opens its own store connection pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import logging
import threading

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from marsad.serve.auth import TokenChecker, config_dir
from marsad.serve.deps import AppState
from marsad.serve.errors import install_handlers
from marsad.serve.middleware import BodyLimit, SecurityHeaders
from marsad.serve.settings import ServeSettings, load_settings
from marsad.serve.stats import StatsCache
from marsad.store.query import EventFilter

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("marsad.serve")


def default_extract(article: Any) -> list[Any]:
    """The lead's pipeline, imported on first use so the server starts without loading spaCy."""
    import marsad

    return list(marsad.extract(article))


def create_app(
    store: Any = None,
    settings: ServeSettings | None = None,
    *,
    extract: Callable[[Any], list[Any]] | None = None,
) -> FastAPI:
    """The marsad web app over ``store`` (default: ``open_store(settings.db)``)."""
    settings = settings or load_settings()
    owns_store = store is None
    if store is None:
        from marsad.store import open_store

        store = open_store(settings.db)
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Warm the unfiltered stats (the dashboard's first view) in the background: over 100k events a
        # cold computation takes seconds, and the first visitor should not wait for it.
        threading.Thread(target=_warm, args=(_app,), daemon=True, name="marsad-warm-stats").start()
        yield
        close = getattr(store, "close", None)
        if owns_store and callable(close):
            close()

    app = FastAPI(
        lifespan=lifespan,
        title="marsad",
        summary="ACLED-style conflict events extracted from news, with sources and evidence.",
        version=_version(),
        docs_url=None,  # FastAPI's page loads Swagger UI from a CDN; pages.api_docs serves a vendored copy
        redoc_url=None,
    )
    app.state.marsad = AppState(
        store=store,
        settings=settings,
        tokens=TokenChecker(settings.token, config_dir(settings.config_dir)),
        stats=StatsCache(ttl=settings.stats_ttl),
        extract=extract or default_extract,
    )
    install_handlers(app)

    from marsad.serve import api, pages

    app.include_router(api.router)
    app.include_router(pages.public)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.add_middleware(SecurityHeaders, tiles=settings.tiles)
    return app


def _warm(app: FastAPI) -> None:
    state: AppState = app.state.marsad
    try:
        state.stats.get(state.store, EventFilter())
    except Exception as exc:  # a broken store shows up on the first request with a proper error
        log.warning("could not precompute stats: %s", exc)


def app_from_env() -> FastAPI:
    """uvicorn factory: settings (and the store URL) from the environment."""
    return create_app()


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("marsad")
    except Exception:  # running from a source tree without metadata
        return "0"
