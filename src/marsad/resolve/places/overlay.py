"""The user's overlay: extra places (villages, neighbourhoods, bridges...) merged at load.

Format: CSV with a header, or YAML (a list of mappings, or ``places:`` holding one). Fields: ``name``
(required), ``aliases`` (";"-separated in CSV, a list in YAML), ``lat``, ``lon`` (required, decimal
degrees), ``country`` (name or ISO code, required), ``admin1``, ``admin2``, ``kind`` (city, admin1,
admin2, feature, or anything else: stored as ``overlay``), ``population``, ``geonameid``.
Where: ``$MARSAD_PLACES_OVERLAY``, else ``<user config dir>/marsad/places.yaml`` or ``places.csv``.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import yaml

from marsad._exceptions import ConfigError
from marsad.resolve.places.countries import country_code
from marsad.resolve.places.gazetteer import PlaceRows

ENV = "MARSAD_PLACES_OVERLAY"
KINDS = {"city": "city", "town": "city", "village": "city", "admin1": "admin1", "admin2": "admin2",
         "feature": "feature", "square": "feature", "bridge": "feature", "street": "feature",
         "market": "feature", "checkpoint": "feature", "neighbourhood": "feature",
         "neighborhood": "feature"}  # fmt: skip


def default_paths() -> list[Path]:
    from platformdirs import user_config_dir

    base = Path(user_config_dir("marsad"))
    return [base / "places.yaml", base / "places.yml", base / "places.csv"]


def overlay_path() -> Path | None:
    """The overlay in use: the environment variable wins; a missing file it names is an error."""
    env = os.environ.get(ENV)
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise ConfigError(f"{ENV} names a file that does not exist", origin=str(path))
        return path
    return next((p for p in default_paths() if p.is_file()), None)


def read_overlay(path: Path) -> PlaceRows:
    """Parse and validate an overlay file; every bad row is reported with its number."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the places overlay: {exc}", origin=str(path)) from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(raw) or []
        except yaml.YAMLError as exc:
            raise ConfigError(f"invalid YAML: {exc}", origin=str(path)) from exc
        if isinstance(data, dict):
            data = data.get("places", [])
        if not isinstance(data, list):
            raise ConfigError("expected a list of places (or `places:` holding one)", origin=str(path))
        records = data
    elif path.suffix.lower() == ".csv":
        records = list(csv.DictReader(raw.splitlines()))
    else:
        raise ConfigError("the places overlay must be a .csv, .yaml or .yml file", origin=str(path))
    rows = PlaceRows()
    for n, rec in enumerate(records, start=1):
        _add(rows, rec, f"{path}: place {n}")
    return rows


def _add(rows: PlaceRows, rec: object, where: str) -> None:
    if not isinstance(rec, dict):
        raise ConfigError("expected a mapping with name, lat, lon, country", origin=where)
    name = str(rec.get("name") or "").strip()
    if not name:
        raise ConfigError("missing `name`", origin=where)
    try:
        lat, lon = float(rec["lat"]), float(rec["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{name!r}: `lat` and `lon` must be decimal degrees", origin=where) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"{name!r}: coordinates out of range ({lat}, {lon})", origin=where)
    cc = country_code(str(rec.get("country") or ""))
    if not cc:
        raise ConfigError(f"{name!r}: unknown or missing `country` {rec.get('country')!r}", origin=where)
    aliases = rec.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split(";")]
    names = [name, *[str(a).strip() for a in aliases if str(a).strip()]]
    kind = KINDS.get(str(rec.get("kind") or "").strip().lower(), "overlay")
    try:
        pop = int(rec.get("population") or 0)
        gid = int(rec.get("geonameid") or 0)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name!r}: population and geonameid must be integers", origin=where) from exc
    rows.add(name, lat, lon, cc, str(rec.get("admin1") or ""), str(rec.get("admin2") or ""), gid, kind, pop, names)
