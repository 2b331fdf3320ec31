"""Connecting to a store: URL resolution, per-backend connection settings, migrations, retries.

SQLite is opened in WAL mode with a busy timeout, and every write transaction starts with
``BEGIN IMMEDIATE`` so two processes never both read-then-write the same candidates (the dedup step): the
second one waits for the first instead of failing at commit. PostgreSQL serialises the dedup step with a
transaction-scoped advisory lock (see ``lock_for_write``).
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import StaticPool

from marsad._exceptions import StoreError

DEFAULT_URL = "sqlite:///marsad.db"
SQLITE_BUSY_MS = 60_000
SQLITE_POOL = 8
SQLITE_CACHE_KIB = 32_768
"""Page cache per connection, an upper bound (pages are cached as read; at most SQLITE_POOL kept connections
hold one). SQLite's default of 2 MiB made a filtered listing over 100k events re-read its index and row pages
from the OS on every request: 2.5 ms instead of 1.0 ms per page query (16 MiB and more: all ~1.0 ms)."""
MIGRATIONS = Path(__file__).parent / "migrations"

T = TypeVar("T")
WRITE = "marsad_write"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: committed on success, rolled back on any error, serialised against writers."""
    with engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():
        lock_for_write(conn)
        yield conn


def resolve_url(url: str | None) -> str:
    """The URL to open: the argument, else ``$MARSAD_DB``, else ``marsad.db`` in the current directory."""
    return url or os.environ.get("MARSAD_DB") or DEFAULT_URL


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the settings each backend needs for safe concurrent ingest."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} (expected e.g. sqlite:///marsad.db)") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        return create_engine(parsed, pool_pre_ping=True, future=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"no driver for database URL {url!r}: {exc}") from exc


def _sqlite_engine(parsed) -> Engine:  # type: ignore[no-untyped-def]
    database = parsed.database or ""
    memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not memory:
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"cannot create the SQLite store {database!r}: folder {folder} does not exist")
    kwargs: dict = {"connect_args": {"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False}}
    if memory:
        kwargs["poolclass"] = StaticPool
    else:
        # Keep up to SQLITE_POOL connections open: the server's thread pool reads on several at once, and a
        # connection closed after use loses its page cache (the next one starts cold and re-runs the PRAGMAs).
        # LIFO hands out the most recently used connection, whose cache is warm, instead of rotating.
        kwargs.update(pool_size=SQLITE_POOL, max_overflow=SQLITE_POOL, pool_use_lifo=True)
    engine = create_engine(parsed, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit BEGIN is deferred).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front; readers keep WAL's concurrent snapshot reads.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    return engine


def lock_for_write(conn: Connection, name: str = "marsad-ingest") -> None:
    """Serialise writers on PostgreSQL for the rest of this transaction (SQLite: BEGIN IMMEDIATE did it)."""
    if conn.dialect.name == "postgresql":
        schema = conn.exec_driver_sql("SELECT current_schema()").scalar() or "public"
        key = zlib.crc32(f"{name}:{schema}".encode()) - 2**31
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (``alembic upgrade head``), once, under a writer lock."""
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    from alembic import command

    with writing(engine) as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        if inspect(conn).has_table("events") and not inspect(conn).has_table("alembic_version"):
            raise StoreError("the database has an 'events' table that marsad did not create; use another --db")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def is_retryable(exc: BaseException) -> bool:
    """Lock timeouts, deadlocks and serialisation failures: the transaction can simply run again."""
    if isinstance(exc, OperationalError) and "locked" in str(exc).lower():
        return True
    if isinstance(exc, DBAPIError):
        code = getattr(getattr(exc, "orig", None), "sqlstate", None)
        return code in ("40001", "40P01", "55P03")
    return False


def with_retries(work: Callable[[], T], *, attempts: int = 8, what: str = "write") -> T:
    """Run ``work`` (one whole transaction) again when the database says to retry."""
    for attempt in range(attempts):
        try:
            return work()
        except DBAPIError as exc:
            if not is_retryable(exc) or attempt == attempts - 1:
                raise
            time.sleep(min(2.0, 0.05 * 2**attempt))
    raise StoreError(f"{what}: gave up after {attempts} attempts")  # pragma: no cover
