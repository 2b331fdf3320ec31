"""What every route needs from the app: the store, the settings, the stats cache and the auth checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from marsad.serve.auth import TokenChecker, bearer
from marsad.serve.errors import Unauthorized
from marsad.serve.settings import ServeSettings
from marsad.serve.stats import StatsCache


@dataclass
class AppState:
    store: Any
    settings: ServeSettings
    tokens: TokenChecker
    stats: StatsCache
    extract: Callable[[Any], list[Any]]


def state(request: Request) -> AppState:
    return request.app.state.marsad  # type: ignore[no-any-return]


def presented_token(request: Request) -> str | None:
    """The bearer token of the request; the cookie ``marsad_token`` is accepted for the dashboard pages."""
    return bearer(request.headers.get("authorization")) or request.cookies.get("marsad_token") or None


async def require_read(request: Request) -> None:
    """Reads are open unless MARSAD_READ_TOKEN_REQUIRED=1."""
    st = state(request)
    if st.settings.read_token_required and not st.tokens.valid(presented_token(request)):
        raise Unauthorized("This server requires a token for reads: send 'Authorization: Bearer <token>'")


BEARER = HTTPBearer(auto_error=False, description="A token from `marsad token create` or MARSAD_TOKEN.")


async def require_write(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]
) -> None:
    """Writes always need a token (MARSAD_TOKEN or one made by `marsad token create`)."""
    token = credentials.credentials.strip() if credentials and credentials.credentials.strip() else None
    if token is None:
        raise Unauthorized("Writing needs a token: send 'Authorization: Bearer <token>' "
                           "(set MARSAD_TOKEN or run `marsad token create`)")
    if not state(request).tokens.valid(token):
        raise Unauthorized("The bearer token is not valid")
