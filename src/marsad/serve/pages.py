"""The HTML side: the dashboard (filter bar, map, timeline, sortable table) and the event page.

Same data as the JSON API, rendered by Jinja2 with autoescape on: the table and the event page are
server-rendered so they work without JavaScript and every string from an article is escaped. The map and
the timeline are drawn by ``static/app.js`` from the JSON API, with the same query string.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from marsad.serve.assets import is_installed
from marsad.serve.deps import AppState, require_read, state
from marsad.serve.errors import NotFound
from marsad.serve.highlight import FIELD_LABELS, fields_present, merge_evidence, segments
from marsad.serve.params import SORT_KEYS, Paging, checked_id, event_filter, filter_query, paging
from marsad.store.query import EventFilter

EVENT_TYPES: dict[str, str] = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
}
"""ACLED's six event types and the colour each gets on the map, the timeline and the table."""

TABLE_COLUMNS = (
    ("event_date", "Date"), ("event_type", "Type"), ("sub_event_type", "Sub-event"), ("actor1", "Actor 1"),
    ("actor2", "Actor 2"), ("country", "Country"), ("admin1", "Admin1"), ("location", "Location"),
    ("fatalities", "Fatalities"),
)  # fmt: skip

HERE = FsPath(__file__).parent
templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
router = APIRouter(include_in_schema=False, dependencies=[Depends(require_read)])
public = APIRouter(include_in_schema=False)
COOKIE = "marsad_token"


def safe_href(url: Any) -> str | None:
    """Only http(s) links are rendered as links: an article's url may be ``javascript:...``."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    st: AppState = state(request)
    config = {
        "tiles": st.settings.tiles,
        "attribution": st.settings.tiles_attribution,
        "types": EVENT_TYPES,
        "assets": is_installed(),
    }
    html = templates.get_template(name).render(
        request=request, config=config, types=EVENT_TYPES, labels=FIELD_LABELS, safe_href=safe_href, **context
    )
    return HTMLResponse(html, status_code=status)


def _sort_links(flt: EventFilter, page: Paging) -> dict[str, dict[str, str]]:
    """For each column: the URL that sorts by it (toggling direction) and the arrow to show."""
    base = filter_query(flt)
    links = {}
    for key, _ in TABLE_COLUMNS:
        if key not in SORT_KEYS:
            continue
        if page.sort.lstrip("-") == key:
            new = key if page.sort.startswith("-") else f"-{key}"
            arrow = "▼" if page.sort.startswith("-") else "▲"
        else:
            new, arrow = (f"-{key}" if key in ("event_date", "fatalities") else key), ""
        links[key] = {"href": "?" + urlencode({**base, "sort": new}), "arrow": arrow}
    return links


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request,
    flt: Annotated[EventFilter, Depends(event_filter)],
    page: Annotated[Paging, Depends(paging)],
) -> HTMLResponse:
    st: AppState = state(request)
    result = st.store.events(flt, sort=page.sort, limit=page.limit, cursor=page.cursor)
    stats = st.stats.get(st.store, flt)
    facets = st.stats.get(st.store, EventFilter())
    query = filter_query(flt)
    next_href = None
    if result.next_cursor:
        next_href = "?" + urlencode({**query, "sort": page.sort, "limit": page.limit, "cursor": result.next_cursor})
    api_query = urlencode({**query, "sort": page.sort, "limit": page.limit, **({"cursor": page.cursor} if page.cursor else {})})
    return render(
        request, "dashboard.html", events=result.items, total=stats["total"], stats=stats, facets=facets,
        filters=query, sort=page.sort, sort_links=_sort_links(flt, page), columns=TABLE_COLUMNS,
        next_href=next_href, paged=bool(page.cursor), api_query=api_query, filtered=bool(query),
    )  # fmt: skip


def _sources(st: AppState, event: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per article behind the event: its metadata, figures, text segments and legend."""
    by_article: dict[str, dict[str, Any]] = {}
    for mention in event.get("mentions") or []:
        article_id = mention.get("article_id") or mention.get("article")
        if article_id is None:
            continue
        entry = by_article.setdefault(str(article_id), {"id": str(article_id), "mentions": []})
        entry["mentions"].append(mention)
    for source in event.get("sources") or []:
        if not isinstance(source, dict):  # the store lists source names; metadata comes from mentions
            continue
        article_id = source.get("article_id") or source.get("id")
        if article_id is not None:
            by_article.setdefault(str(article_id), {"id": str(article_id), "mentions": []})["meta"] = source
    out = []
    for entry in by_article.values():
        article = st.store.article(entry["id"]) or {}
        text = article.get("text") or ""
        evidence = merge_evidence(m.get("evidence") for m in entry["mentions"])
        first = entry["mentions"][0] if entry["mentions"] else {}
        meta = {k: first.get(k) for k in ("url", "source", "title", "published")}
        meta.update(entry.get("meta") or {})
        meta.update({k: v for k, v in article.items() if k != "text" and v is not None})
        out.append({
            "id": entry["id"], "meta": meta, "mentions": entry["mentions"], "has_text": bool(text),
            "segments": segments(text, evidence), "fields": fields_present(evidence, len(text)),
        })  # fmt: skip
    return out


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI for /openapi.json, served from the npm package like every other asset."""
    return render(request, "docs.html")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: Annotated[str, Path(min_length=1, max_length=200)]) -> HTMLResponse:
    st: AppState = state(request)
    event = st.store.event(checked_id("event id", event_id))
    if event is None:
        raise NotFound(f"No event with id {event_id!r}")
    fields = {k: v for k, v in event.items() if k not in ("sources", "mentions", "evidence")}
    return render(request, "event.html", event=event, fields=fields, sources=_sources(st, event))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Annotated[str, Path(min_length=1, max_length=4096)]) -> HTMLResponse:
    article = state(request).store.article(checked_id("article id", article_id))
    if article is None:
        raise NotFound(f"No article with id {article_id!r}")
    return render(request, "article.html", article=article)


@public.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    """Where a browser gets a read cookie when MARSAD_READ_TOKEN_REQUIRED=1."""
    return render(request, "login.html", failed=False)


@public.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    """Check a token from the form; on success keep it in an HttpOnly, SameSite=Strict cookie."""
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    token = (form.get("token") or [""])[0].strip()
    if not state(request).tokens.valid(token):
        return render(request, "login.html", status=401, failed=True)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", max_age=30 * 24 * 3600)
    return response
