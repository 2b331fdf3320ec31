"""Places: the offline gazetteer, toponym recognition and resolution, and the admin hierarchy.

``get_resolver()`` loads the compact index from the user cache dir (building it on first use, about
20 s), merges the user's overlay (see :mod:`marsad.resolve.places.overlay`) and caches the resolver
per process.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from marsad.resolve.places.gazetteer import FORMAT, Gazetteer
from marsad.resolve.places.resolver import PlaceResolver

__all__ = ["PlaceResolver", "get_resolver", "index_path", "build_index", "load_gazetteer"]

_LOCK = threading.Lock()
_RESOLVER: PlaceResolver | None = None
CACHE_ENV = "MARSAD_CACHE_DIR"


def index_path() -> Path:
    """``$MARSAD_CACHE_DIR/places/gazetteer-vN.bin``, else under platformdirs' user cache dir."""
    from platformdirs import user_cache_dir

    base = Path(os.environ.get(CACHE_ENV) or user_cache_dir("marsad"))
    return base / "places" / f"gazetteer-v{FORMAT}.bin"


def build_index(path: Path | None = None) -> Gazetteer:
    """Build the gazetteer from the installed packages and write the index."""
    from marsad.resolve.places.build import build

    gaz = build()
    gaz.save(path or index_path())
    return gaz


def load_gazetteer(path: Path | None = None, *, overlay: bool = True) -> Gazetteer:
    """The index (built first if missing) with the user's overlay merged in."""
    from marsad.resolve.places.overlay import overlay_path, read_overlay

    path = path or index_path()
    gaz = Gazetteer.load(path) if path.exists() else build_index(path)
    if overlay:
        extra = overlay_path()
        if extra is not None:
            gaz.merge(read_overlay(extra))
            gaz.origin = f"{gaz.origin} + {extra}"
    return gaz


def get_resolver() -> PlaceResolver:
    """The process-wide resolver (loaded once, thread-safe)."""
    global _RESOLVER
    if _RESOLVER is None:
        with _LOCK:
            if _RESOLVER is None:
                _RESOLVER = PlaceResolver(load_gazetteer())
    return _RESOLVER


def reset_resolver() -> None:
    """Forget the cached resolver (after a rebuild or an overlay change)."""
    global _RESOLVER
    _RESOLVER = None
