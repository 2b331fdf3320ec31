"""ASGI middleware: a hard cap on request bodies (413) and security headers on every response.

The body cap runs before FastAPI parses anything, so a client cannot make the server buffer or decode a
huge upload: a declared Content-Length over the cap is refused at once, and a chunked body is counted as it
arrives and refused as soon as it passes the cap. The Content-Security-Policy allows scripts only from this
server, which keeps the "no CDN" promise and is a second wall behind escaping against hostile article text.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

Scope = dict[str, Any]
Message = dict[str, Any]


def _error(status: int, message: str) -> tuple[Message, Message]:
    body = json.dumps({"ok": False, "error": message, "errors": [], "status": status}).encode()
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    }
    return start, {"type": "http.response.body", "body": body}


class BodyLimit:
    """Refuse request bodies larger than ``max_body`` bytes with a JSON 413."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0:
                await self._refuse(send, 400, "Content-Length is not a number")
                return
            if size > self.max_body:
                await self._refuse(send, 413, f"Request body of {size} bytes exceeds the limit of {self.max_body}")
                return
        # Buffer the body (at most max_body bytes) so a chunked upload cannot pass the cap.
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_body:
                await self._refuse(send, 413, f"Request body exceeds the limit of {self.max_body} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(send: Any, status: int, message: str) -> None:
        start, body = _error(status, message)
        await send(start)
        await send(body)


def content_security_policy(tiles: str) -> str:
    img = "'self' data:"
    if tiles.startswith(("http://", "https://")):
        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.hostname or ""
        if "{s}" in tiles:
            host = "*." + host.split(".", 1)[-1]
        img += f" {parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")
    return (
        f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {img}; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


class SecurityHeaders:
    """Add CSP, nosniff, no-referrer and frame denial to every HTTP response."""

    def __init__(self, app: Any, tiles: str = "") -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy(tiles).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers") or []) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
