"""Migrations: they build exactly the schema the code declares, and run once however often a store opens."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from marsad.store import open_store
from marsad.store.schema import metadata


def test_migrated_schema_matches_the_declared_tables(store_url: str) -> None:
    open_store(store_url).close()
    engine = create_engine(store_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        revision = MigrationContext.configure(conn).get_current_revision()
    engine.dispose()
    assert diff == []
    assert revision == "0005"


def test_opening_an_up_to_date_store_runs_no_migration(store_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    open_store(store_url).close()
    import alembic.command

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("upgrade ran on an up-to-date store")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    open_store(store_url).close()
