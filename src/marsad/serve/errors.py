"""One error shape for every failure, built by one set of handlers.

Every error the server returns is ``{"ok": false, "error": str, "errors": [...], "status": int}`` (the
datasette shape), whether it came from validation, a missing event, auth, a too-large body or a bug. Pages
under ``/api`` and the JSON formats always get JSON; a browser asking for HTML gets a small error page
with the same message. Unexpected exceptions are logged and become a 500 without leaking a traceback.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad._exceptions import ConfigError, InputError, MarsadError, StoreError

log = logging.getLogger("marsad.serve")


class APIError(Exception):
    """An error with an HTTP status and a message meant for the client."""

    status = 400

    def __init__(self, message: str, *, errors: list[Any] | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        if status is not None:
            self.status = status


class BadRequest(APIError):
    status = 400


class Unauthorized(APIError):
    status = 401


class NotFound(APIError):
    status = 404


class PayloadTooLarge(APIError):
    status = 413


def error_body(message: str, status: int, errors: list[Any] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "errors": errors or [], "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path.endswith((".json", ".csv", ".geojson")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, message: str, status: int, errors: list[Any] | None = None) -> Response:
    headers = {"WWW-Authenticate": 'Bearer realm="marsad"'} if status == 401 else None
    if _wants_html(request):
        page = (
            "<!doctype html><meta charset=utf-8><title>marsad: error {s}</title>"
            "<link rel=stylesheet href=/static/app.css><main class=error-page><h1>Error {s}</h1>"
            "<p>{m}</p><p>{link}</p></main>"
        ).format(s=status, m=html.escape(message),
                 link="<a href=/login>Sign in with a token</a>" if status == 401 else "<a href=/>Back to the dashboard</a>")
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(message, status, errors), status_code=status, headers=headers)


def _clean_validation(errors: list[Any]) -> list[dict[str, Any]]:
    """Pydantic's errors without the echoed input (it may be huge or hostile) and with plain locations."""
    cleaned = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ())]
        cleaned.append({"loc": loc, "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))})
    return cleaned


def install_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the one error shape."""

    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError) -> Response:
        return error_response(request, exc.message, exc.status, exc.errors)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = _clean_validation(list(exc.errors()))
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(p for p in first["loc"] if p not in {"body", "query", "path"}) or "request"
        return error_response(request, f"Invalid {where}: {first['msg']}", 422, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"Not found: {request.url.path}"
        return error_response(request, message, exc.status_code)

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        return error_response(request, str(exc), 400)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        # A bad cursor, sort key or limit is an InputError from the store (400 above); this is the store failing.
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, f"Store error: {exc}", 503)

    @app.exception_handler(ConfigError)
    async def _config(request: Request, exc: ConfigError) -> Response:
        return error_response(request, str(exc), 500)

    @app.exception_handler(MarsadError)
    async def _marsad(request: Request, exc: MarsadError) -> Response:
        return error_response(request, str(exc), 400)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, "Internal server error; see the server log", 500)
