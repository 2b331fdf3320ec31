"""Bearer tokens for writes (and optionally reads).

`marsad token create` prints a random token once and keeps only its SHA-256 in ``tokens.json`` in the user
config dir, so a leaked config file does not leak a usable token. Tokens are 32 random bytes, so an unsalted
hash is enough: there is nothing to brute-force. ``MARSAD_TOKEN`` is accepted as well (for containers and CI).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from marsad._exceptions import ConfigError

TOKEN_FILE = "tokens.json"


def config_dir(override: str | None = None) -> Path:
    """Where tokens live: ``override``, else ``$MARSAD_CONFIG_DIR``, else the platform's user config dir."""
    if override:
        return Path(override)
    if os.environ.get("MARSAD_CONFIG_DIR"):
        return Path(os.environ["MARSAD_CONFIG_DIR"])
    from platformdirs import user_config_dir

    return Path(user_config_dir("marsad"))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _load(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path} is not a readable token file ({exc}); delete it and create a token again") from exc
    if not isinstance(data, dict) or not isinstance(data.get("tokens"), list):
        raise ConfigError(f"{path} has no 'tokens' list; delete it and create a token again")
    return [t for t in data["tokens"] if isinstance(t, dict) and isinstance(t.get("sha256"), str)]


def create_token(directory: Path, name: str = "default") -> str:
    """Make a new token, store its hash in ``directory/tokens.json`` (mode 600) and return it in clear."""
    path = directory / TOKEN_FILE
    tokens = _load(path)
    token = "msd_" + secrets.token_urlsafe(32)
    created = datetime.now(timezone.utc).isoformat(timespec="seconds")
    tokens.append({"name": name, "sha256": hash_token(token), "created": created})
    directory.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"tokens": tokens}, indent=2) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return token


@dataclass
class TokenChecker:
    """Checks a presented bearer token against MARSAD_TOKEN and the stored hashes."""

    env_token: str | None
    directory: Path

    def hashes(self) -> list[str]:
        # Read on every check: a token created while the server runs works without a restart.
        return [t["sha256"] for t in _load(self.directory / TOKEN_FILE)]

    def valid(self, presented: str | None) -> bool:
        if not presented:
            return False
        ok = False
        if self.env_token:
            ok |= hmac.compare_digest(presented.encode("utf-8"), self.env_token.encode("utf-8"))
        digest = hash_token(presented)
        for stored in self.hashes():
            ok |= hmac.compare_digest(digest, stored)
        return ok


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()
