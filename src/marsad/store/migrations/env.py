"""Alembic environment: always run programmatically by ``marsad.store.engine.migrate`` on a live connection."""

from __future__ import annotations

from alembic import context

from marsad.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through the alembic CLI
    raise RuntimeError("marsad migrations run through marsad.store.open_store(), not the alembic CLI")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
