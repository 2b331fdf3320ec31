"""The front-end assets come from npm, pinned, and a second run is a no-op."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad._exceptions import ConfigError
from marsad.serve import assets


def test_assets_are_not_installed_in_an_empty_folder(tmp_path: Path) -> None:
    assert assets.is_installed(tmp_path) is False


def test_changed_pins_force_a_reinstall(tmp_path: Path) -> None:
    for item in assets.COPIES:
        (tmp_path / item.target).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / item.target).write_text("x")
    (tmp_path / "versions.json").write_text(json.dumps(assets.PACKAGES))
    assert assets.is_installed(tmp_path) is True
    (tmp_path / "versions.json").write_text(json.dumps({**assets.PACKAGES, "leaflet": "0.7.0"}))
    assert assets.is_installed(tmp_path) is False


def test_missing_npm_fails_with_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assets.shutil, "which", lambda name: None)
    with pytest.raises(ConfigError, match="npm was not found"):
        assets.ensure_assets(prefix=tmp_path / "npm", vendor=tmp_path / "vendor")


def test_every_pin_is_an_exact_version() -> None:
    assert all(v.count(".") == 2 and v.replace(".", "").isdigit() for v in assets.PACKAGES.values())


def test_installed_vendor_files_match_the_pins() -> None:
    # `make test` runs `make assets` first, so the vendored files must be there and stamped.
    assert assets.is_installed(), "run `make assets` (python -m marsad.serve.assets)"
