"""Install the dashboard's front-end libraries from the npm registry and copy them into the package.

The dashboard must work with no internet, so nothing is ever loaded from a CDN: `make assets` runs
``python -m marsad.serve.assets``, which asks the machine's npm for exact versions into ``build/npm`` and
copies only the dist files the pages use into ``src/marsad/serve/static/vendor/`` (git-ignored). A second
run is a no-op while every file is present and the pinned versions are unchanged.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from marsad._exceptions import ConfigError
from marsad.npm import install_command
from marsad.npm import npm_install as install

PACKAGES: dict[str, str] = {
    "leaflet": "1.9.4",
    "leaflet.markercluster": "1.5.3",
    "chart.js": "4.6.1",
    "topojson-client": "3.1.0",
    "world-atlas": "2.0.2",
    "swagger-ui-dist": "5.35.0",
}
"""npm package -> exact version. Bump here only; the stamp file makes the next run reinstall."""


@dataclass(frozen=True)
class Copy:
    package: str
    source: str  # path inside the package
    target: str  # path inside static/vendor


COPIES: tuple[Copy, ...] = (
    Copy("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    Copy("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    Copy("leaflet", "dist/images", "leaflet/images"),
    Copy("leaflet.markercluster", "dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"),
    Copy("leaflet.markercluster", "dist/MarkerCluster.css", "markercluster/MarkerCluster.css"),
    Copy("leaflet.markercluster", "dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"),
    Copy("chart.js", "dist/chart.umd.min.js", "chart/chart.umd.min.js"),
    Copy("topojson-client", "dist/topojson-client.min.js", "topojson/topojson-client.min.js"),
    Copy("world-atlas", "countries-50m.json", "world-atlas/countries-50m.json"),
    Copy("swagger-ui-dist", "swagger-ui-bundle.js", "swagger/swagger-ui-bundle.js"),
    Copy("swagger-ui-dist", "swagger-ui.css", "swagger/swagger-ui.css"),
    Copy("swagger-ui-dist", "LICENSE", "swagger/LICENSE"),
    Copy("leaflet", "LICENSE", "leaflet/LICENSE"),
    Copy("leaflet.markercluster", "MIT-LICENCE.txt", "markercluster/LICENSE"),
    Copy("chart.js", "LICENSE.md", "chart/LICENSE.md"),
    Copy("topojson-client", "LICENSE", "topojson/LICENSE"),
    Copy("world-atlas", "LICENSE", "world-atlas/LICENSE"),
)

VENDOR = Path(__file__).parent / "static" / "vendor"
STAMP = VENDOR / "versions.json"


def is_installed(vendor: Path = VENDOR) -> bool:
    """True when every vendored file exists and was copied from the pinned versions."""
    stamp = vendor / "versions.json"
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded == PACKAGES and all((vendor / c.target).exists() for c in COPIES)


def npm_install(prefix: Path) -> None:
    """Run ``npm install`` for the pinned packages; raise ConfigError with the fix when npm is missing."""
    install(PACKAGES, prefix, "the dashboard's JavaScript (Leaflet, Chart.js, world-atlas)")


def copy_dist(prefix: Path, vendor: Path = VENDOR) -> list[Path]:
    """Copy the needed dist files from ``prefix/node_modules`` into ``vendor``; return what was written."""
    modules = prefix / "node_modules"
    written: list[Path] = []
    for item in COPIES:
        src = modules / item.package / item.source
        dst = vendor / item.target
        if not src.exists():
            raise ConfigError(f"{src} is missing after npm install of {item.package}@{PACKAGES[item.package]}")
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copyfile(src, dst)
        written.append(dst)
    (vendor / "versions.json").write_text(json.dumps(PACKAGES, indent=2) + "\n", encoding="utf-8")
    return written


def ensure_assets(prefix: Path = Path("build/npm"), vendor: Path = VENDOR, *, force: bool = False) -> bool:
    """Install and copy the assets unless already present; return True when something was installed."""
    if not force and is_installed(vendor):
        return False
    npm_install(prefix)
    copy_dist(prefix, vendor)
    return True


def main(argv: list[str] | None = None) -> int:
    return install_command("assets", ensure_assets, PACKAGES, VENDOR, argv)


if __name__ == "__main__":
    sys.exit(main())
