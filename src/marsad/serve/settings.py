"""The server's settings, declared as one table so each is documented and checked at startup.

Every setting comes from an environment variable (the CLI flags override db/host/port). A mistyped value
fails at startup with a ConfigError naming the variable, instead of surprising a user on the first request.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from marsad._exceptions import ConfigError


@dataclass(frozen=True)
class Setting:
    env: str
    default: str | None
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("MARSAD_DB", None, "SQLAlchemy URL of the event store (default sqlite:///marsad.db)."),
    Setting("MARSAD_TOKEN", None, "A bearer token that may POST articles (besides `marsad token create`)."),
    Setting("MARSAD_READ_TOKEN_REQUIRED", "0", "1 to require a token for reads too (API and pages)."),
    Setting("MARSAD_TILES", "", "Map tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png; "
            "empty draws country outlines only (offline)."),
    Setting("MARSAD_TILES_ATTRIBUTION", "", "Attribution shown under the tiles (HTML is escaped)."),
    Setting("MARSAD_MAX_BODY", "5000000", "Largest accepted request body in bytes (larger: 413)."),
    Setting("MARSAD_MAX_BATCH", "200", "Most articles accepted in one POST /api/articles."),
    Setting("MARSAD_STATS_TTL", "30", "Seconds a /api/stats answer is cached when the store has no version."),
    Setting("MARSAD_CONFIG_DIR", None, "Where hashed tokens are kept (default: the user config dir)."),
)  # fmt: skip


@dataclass(frozen=True)
class ServeSettings:
    """Resolved settings for one app instance."""

    db: str | None = None
    token: str | None = None
    read_token_required: bool = False
    tiles: str = ""
    tiles_attribution: str = ""
    max_body: int = 5_000_000
    max_batch: int = 200
    stats_ttl: float = 30.0
    config_dir: str | None = None


def _flag(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean; use 1 or 0")


def _number(name: str, value: str, kind: type[int] | type[float]) -> int | float:
    try:
        number = kind(value.strip())
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a number; remove quotes or units") from None
    if number <= 0:
        raise ConfigError(f"{name}={value!r} must be positive")
    return number


def _tiles(value: str) -> str:
    value = value.strip()
    if value and not all(part in value for part in ("{z}", "{x}", "{y}")):
        raise ConfigError(f"MARSAD_TILES={value!r} must be a URL template with {{z}}, {{x}} and {{y}}")
    if value and not value.startswith(("http://", "https://", "/")):
        raise ConfigError(f"MARSAD_TILES={value!r} must start with http://, https:// or /")
    return value


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> ServeSettings:
    """Read every declared setting from ``env`` (default os.environ); ``overrides`` win (CLI flags)."""
    source = os.environ if env is None else env
    raw = {s.env: source.get(s.env, s.default) for s in SETTINGS}
    values: dict[str, object] = {
        "db": raw["MARSAD_DB"] or None,
        "token": (raw["MARSAD_TOKEN"] or "").strip() or None,
        "read_token_required": _flag("MARSAD_READ_TOKEN_REQUIRED", raw["MARSAD_READ_TOKEN_REQUIRED"] or "0"),
        "tiles": _tiles(raw["MARSAD_TILES"] or ""),
        "tiles_attribution": raw["MARSAD_TILES_ATTRIBUTION"] or "",
        "max_body": _number("MARSAD_MAX_BODY", raw["MARSAD_MAX_BODY"] or "5000000", int),
        "max_batch": _number("MARSAD_MAX_BATCH", raw["MARSAD_MAX_BATCH"] or "200", int),
        "stats_ttl": _number("MARSAD_STATS_TTL", raw["MARSAD_STATS_TTL"] or "30", float),
        "config_dir": raw["MARSAD_CONFIG_DIR"] or None,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    return ServeSettings(**values)  # type: ignore[arg-type]
