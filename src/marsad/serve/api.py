"""The JSON API under /api: events (JSON, GeoJSON, CSV), one event, one article, stats, and ingest.

Route functions are plain ``def`` so FastAPI runs them in its thread pool: the store is synchronous
(SQLAlchemy) and extraction is CPU-bound. They return dicts through ``FastJSONResponse``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, is_dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from marsad._exceptions import InputError
from marsad.model import Article
from marsad.serve.deps import AppState, require_read, require_write, state
from marsad.serve.errors import BadRequest, NotFound
from marsad.serve.formats import FastJSONResponse, csv_chunks, dumps_bytes, geojson_chunks
from marsad.serve.params import Paging, checked_id, event_filter, filter_query, paging, parse_sort
from marsad.store.query import EventFilter

router = APIRouter(prefix="/api", default_response_class=FastJSONResponse)
read = [Depends(require_read)]

EXPORT_PAGE = 1000
EXPORT_MAX = 200_000


class ArticleIn(BaseModel):
    """One article to extract events from and store."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    text: str = Field(min_length=1, max_length=2_000_000, description="Article body; evidence offsets point into it.")
    id: str | None = Field(default=None, max_length=512)
    url: str | None = Field(default=None, max_length=4096)
    source: str | None = Field(default=None, max_length=256)
    title: str | None = Field(default=None, max_length=4096)
    published: date | None = None
    language: str | None = Field(default=None, max_length=16)

    def to_article(self) -> Article:
        name = self.id or self.url or "(no id)"
        if not self.text.strip():
            raise BadRequest(f"article {name}: text is blank")
        for field in ("text", "id", "url", "source", "title", "language"):
            if "\x00" in (getattr(self, field) or ""):  # PostgreSQL refuses NUL in text: say so, not 503
                raise BadRequest(f"article {name!r}: {field} contains NUL characters")
        return Article(text=self.text, id=self.id, url=self.url, source=self.source, title=self.title,
                       published=self.published, language=self.language, origin="POST /api/articles")


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return value
    return {"result": str(value)}


def _canonical(store: Any, event_ids: Any) -> list[dict[str, Any]]:
    """The stored (canonical, possibly merged) events behind an ingest, without their mention lists:
    their ids are the ones /api/events/{id} knows, unlike the extractor's per-article ids."""
    out = []
    for event_id in dict.fromkeys(event_ids):
        event = store.event(event_id)
        if event is not None:
            out.append({k: v for k, v in event.items() if k != "mentions"})
    return out


def _pages(store: Any, flt: EventFilter, sort: str, limit: int, cursor: str | None) -> Iterator[list[dict[str, Any]]]:
    """Walk the store page by page up to ``limit`` events (the exports stream these)."""
    left = limit
    while left > 0:
        page = store.events(flt, sort=sort, limit=min(EXPORT_PAGE, left), cursor=cursor)
        yield page.items
        left -= len(page.items)
        cursor = page.next_cursor
        if not cursor or not page.items:
            return


def _first_and_rest(store: Any, flt: EventFilter, sort: str, limit: int, cursor: str | None) -> Iterator[list[dict[str, Any]]]:
    # Fetch the first page before the response starts so a store error is still a proper JSON error.
    pages = _pages(store, flt, sort, limit, cursor)
    first = next(pages, [])

    def chained() -> Iterator[list[dict[str, Any]]]:
        yield first
        yield from pages

    return chained()


@router.get("/events", dependencies=read, summary="List events")
def list_events(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    page: Annotated[Paging, Depends(paging)],
    count: Annotated[bool, Query(description="Also return the total number of matching events.")] = False,
) -> FastJSONResponse:
    """Events matching the filters, sorted, one page at a time (follow ``next_url``)."""
    st: AppState = state(request)
    result = st.store.events(flt, sort=page.sort, limit=page.limit, cursor=page.cursor)
    body: dict[str, Any] = {"ok": True, "events": result.items, "next_cursor": result.next_cursor, "next_url": None}
    if result.next_cursor:
        query = {**filter_query(flt), "sort": page.sort, "limit": str(page.limit), "cursor": result.next_cursor}
        body["next_url"] = f"{request.url.path}?{urlencode(query)}"
    if count:
        body["total"] = st.store.count(flt)
    return FastJSONResponse(body)


def export_pages(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    sort: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=EXPORT_MAX, description="Most events to return.")] = 10_000,
) -> Iterator[list[dict[str, Any]]]:
    """The pages of an export (GeoJSON, CSV): the same filters, sort and limit for every format."""
    return _first_and_rest(state(request).store, flt, parse_sort(sort), limit, None)


ExportPages = Annotated[Iterator[list[dict[str, Any]]], Depends(export_pages)]


@router.get("/events.geojson", dependencies=read, summary="Events as GeoJSON",
            response_class=StreamingResponse)
def events_geojson(pages: ExportPages) -> StreamingResponse:
    """A FeatureCollection (RFC 7946, [lon, lat]) of the matching events that have coordinates."""
    return StreamingResponse(geojson_chunks(pages), media_type="application/geo+json")


@router.get("/events.csv", dependencies=read, summary="Events as ACLED CSV", response_class=StreamingResponse)
def events_csv(pages: ExportPages) -> StreamingResponse:
    """ACLED's columns in ACLED's order, then marsad's extra columns."""
    headers = {"Content-Disposition": 'attachment; filename="marsad-events.csv"'}
    return StreamingResponse(csv_chunks(pages), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events/{event_id}", dependencies=read, summary="One event with its sources and evidence")
def get_event(request: Request, event_id: Annotated[str, Path(min_length=1, max_length=200)]) -> FastJSONResponse:
    event = state(request).store.event(checked_id("event id", event_id))
    if event is None:
        raise NotFound(f"No event with id {event_id!r}")
    return FastJSONResponse({"ok": True, "event": event})


@router.get("/articles/{article_id:path}", dependencies=read, summary="One stored article with its text")
def get_article(request: Request, article_id: Annotated[str, Path(min_length=1, max_length=4096)]) -> FastJSONResponse:
    article = state(request).store.article(checked_id("article id", article_id))
    if article is None:
        raise NotFound(f"No article with id {article_id!r}")
    return FastJSONResponse({"ok": True, "article": article})


@router.get("/stats", dependencies=read, summary="Counts and fatalities by day, type, country, admin1, actor")
def get_stats(request: Request, flt: Annotated[EventFilter, Depends(event_filter)]) -> Response:
    st: AppState = state(request)
    query = filter_query(flt)
    body = st.stats.encoded(st.store, flt, lambda stats: dumps_bytes({"ok": True, "filters": query, **stats}))
    return Response(body, media_type="application/json")


@router.get("/timeline", dependencies=read, summary="Events and fatalities per day and event type")
def get_timeline(request: Request, flt: Annotated[EventFilter, Depends(event_filter)]) -> Response:
    """``by_day_type`` rows ``{day, type, events, fatalities}`` plus ``by_day`` for the fatality line."""
    st: AppState = state(request)
    query = filter_query(flt)
    body = st.stats.encoded(st.store, flt, lambda t: dumps_bytes({"ok": True, "filters": query, **t}), "timeline")
    return Response(body, media_type="application/json")


ArticleBody = Annotated[ArticleIn | list[ArticleIn], Body(description="One article or a list of articles.")]


@router.post("/articles", dependencies=[Depends(require_write)], summary="Extract and store articles",
             status_code=200)
def post_articles(request: Request, body: ArticleBody) -> FastJSONResponse:
    """Extract events from each article, store them (deduplicated), and return the events per article."""
    st: AppState = state(request)
    batch = body if isinstance(body, list) else [body]
    if not batch:
        raise BadRequest("The list of articles is empty")
    if len(batch) > st.settings.max_batch:
        raise BadRequest(f"{len(batch)} articles in one request; the limit is {st.settings.max_batch}")
    articles = [item.to_article() for item in batch]
    results: list[dict[str, Any]] = []
    try:
        for article in articles:
            try:
                events = st.extract(article)
            except InputError as exc:
                if len(articles) == 1:
                    raise
                # In a batch, one unreadable article must not hide what happened to the others.
                results.append({"article": article.key, "ok": False, "error": str(exc)})
                continue
            outcome = _plain(st.store.ingest(article, events))
            results.append({"article": article.key, "ok": True, **outcome,
                            "events": _canonical(st.store, outcome.get("event_ids") or ()),
                            "extracted": [e.to_dict() for e in events]})  # fmt: skip
    finally:
        if results:
            st.stats.clear()
    return FastJSONResponse({"ok": all(r["ok"] for r in results), "articles": results})
