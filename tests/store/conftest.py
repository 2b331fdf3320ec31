"""One store per test, on SQLite and on PostgreSQL: the same tests run against both backends.

PostgreSQL tests use a fresh schema each (``search_path`` in the URL), dropped afterwards, so parallel
runs never see each other's rows. Its URL comes from ``MARSAD_TEST_PG_URL``.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# The tests run with --import-mode=importlib: make the shared factories importable (also by subprocesses).
sys.path.insert(0, str(Path(__file__).parent))

PG_URL = os.environ.get("MARSAD_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_schema_url() -> Iterator[str]:
    from sqlalchemy import create_engine, text

    schema = f"t_store_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - report the server problem as a failure, not a skip
        admin.dispose()
        pytest.fail(f"PostgreSQL at {PG_URL} is required for the store tests: {exc}")
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
    else:
        yield from _pg_schema_url()


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    from marsad.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()
