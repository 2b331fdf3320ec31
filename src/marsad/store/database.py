"""``Store``: the one object the CLI and the HTTP API use to write and read events.

Thread-safe (the engine pools connections), usable from several processes at once (see ``engine``).
Every database error leaves as a ``StoreError`` naming the store and, for writes, the article.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from marsad._exceptions import StoreError
from marsad.model import Article, Event
from marsad.store import read
from marsad.store.engine import make_engine, migrate, resolve_url, with_retries, writing
from marsad.store.ingest import IngestResult, check_events, ingest_article
from marsad.store.query import EventFilter
from marsad.store.read import Page

T = TypeVar("T")


class Store:
    """An event store at a SQLAlchemy URL (SQLite file by default, PostgreSQL first-class)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine = make_engine(url)
        try:
            migrate(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise StoreError(f"cannot open the store {self.display_url}: {_reason(exc)}") from exc

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages."""
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    def ingest(self, article: Article, events: list[Event], *, replace: bool = False) -> IngestResult:
        """Store one article and its events in one transaction, merging events other outlets reported.

        The same article again (same id/url and text) changes nothing, unless ``replace`` is set: then its
        events are replaced as for an updated article (event ids kept where the incident is the same).
        """

        check_events(article, events)

        def work() -> IngestResult:
            with writing(self._engine) as conn:
                return ingest_article(conn, article, list(events), replace=replace)

        where = article.origin or article.key
        try:
            return with_retries(work, what=f"ingest of {where}")
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store article {where} in {self.display_url}: {_reason(exc)}") from exc


    def events(self, filters: EventFilter | None = None, *, sort: str = "-event_date", limit: int = 100,
               cursor: str | None = None) -> Page:  # fmt: skip
        """One page of canonical events (ACLED fields + extras) matching ``filters``."""
        return self._read(lambda conn: read.page(conn, filters, sort, limit, cursor))

    def count(self, filters: EventFilter | None = None) -> int:
        return self._read(lambda conn: read.count(conn, filters))

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with ``sources`` and every ``mentions`` (article, evidence spans, per-source figures)."""
        return self._read(lambda conn: read.event(conn, event_id))

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article, with its text and the ids of the events it supports."""
        return self._read(lambda conn: read.article(conn, article_id))

    def stats(self, filters: EventFilter | None = None) -> dict[str, Any]:
        """Totals and ``by_day``/``by_type``/``by_country``/``by_admin1``/``by_actor`` groups."""
        return self._read(lambda conn: read.stats(conn, filters))

    def version(self) -> int:
        """A number that goes up with every ingest that changed something: cache keys for readers."""
        return self._read(read.version)

    def iter_events(self, filters: EventFilter | None = None, *, sort: str = "event_date",
                    batch: int = 1000):  # type: ignore[no-untyped-def]  # fmt: skip
        """Every matching event, page by page (for exports)."""
        cursor = None
        while True:
            found = self.events(filters, sort=sort, limit=batch, cursor=cursor)
            yield from found.items
            if not found.next_cursor:
                return
            cursor = found.next_cursor

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    def _read(self, work: Callable[[Any], T]) -> T:
        try:
            with self._engine.connect() as conn:
                return work(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not read {self.display_url}: {_reason(exc)}") from exc


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0]


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url``, ``$MARSAD_DB`` or ``sqlite:///marsad.db``."""
    return Store(resolve_url(url))
