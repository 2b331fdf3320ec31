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
    assert revision == "0006"


def test_opening_an_up_to_date_store_runs_no_migration(store_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    open_store(store_url).close()
    import alembic.command

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("upgrade ran on an up-to-date store")

    monkeypatch.setattr(alembic.command, "upgrade", refuse)
    open_store(store_url).close()


def test_a_store_from_revision_0004_upgrades_with_its_events_listed_in_order(store_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from marsad.store import EventFilter
    from marsad.store.engine import MIGRATIONS
    from marsad.store.schema import events

    engine = create_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        from datetime import UTC, date, datetime

        now = datetime.now(UTC)
        conn.execute(events.insert(), [
            {"event_id": f"ev_old{i}", "event_date": date(2024, 1, 1 + i) if i else None, "event_type": "Battles",
             "sub_event_type": "Armed clash", "country": "Iraq", "notes": "", "fatalities": i, "created_at": now,
             "updated_at": now}
            for i in range(3)
        ])  # fmt: skip
    engine.dispose()
    with open_store(store_url) as store:
        listed = store.events(EventFilter(country="IRAQ"), sort="-event_date", limit=2)
        rest = store.events(EventFilter(country="IRAQ"), sort="-event_date", limit=2, cursor=listed.next_cursor)
    assert [e["event_id"] for e in listed.items + rest.items] == ["ev_old2", "ev_old1", "ev_old0"]
