"""The index: persistence, overlay merging, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad._exceptions import ConfigError
from marsad.resolve.places.gazetteer import Gazetteer
from marsad.resolve.places.overlay import read_overlay
from marsad.resolve.places.resolver import PlaceResolver

from .conftest import small_rows


def test_gazetteer_round_trips_through_its_index_file(tmp_path: Path) -> None:
    gaz = Gazetteer.from_rows(small_rows())
    gaz.save(tmp_path / "g.bin")
    back = Gazetteer.load(tmp_path / "g.bin")
    assert back.search("Kut al-Amara") == gaz.search("Kut al-Amara")
    assert back.place(back.search("Paris")[0]).geonameid == 2988507


def test_gazetteer_load_of_a_corrupt_file_raises_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "g.bin"
    bad.write_bytes(b"not an index")
    with pytest.raises(ConfigError, match="gazetteer build"):
        Gazetteer.load(bad)


def test_overlay_yaml_place_is_resolved_with_its_aliases(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text(
        "places:\n"
        "  - name: Hay al-Nasr\n    aliases: [Hayy al-Nasr]\n    lat: 30.52\n    lon: 47.80\n"
        "    country: Iraq\n    admin1: Al Basrah\n    kind: neighbourhood\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.from_rows(small_rows())
    gaz.merge(read_overlay(path))
    tops = PlaceResolver(gaz).toponyms("Police raided homes in Hay al-Nasr on Monday.")
    assert [t.place.name for t in tops] == ["Hay al-Nasr"]
    assert tops[0].place.admin1 == "Al Basrah"


def test_overlay_csv_place_wins_over_the_base_entry(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,aliases,lat,lon,country,admin1,kind\nQorowle,Qoroole,-0.30,42.40,SO,Lower Juba,village\n",
                    encoding="utf-8")  # fmt: skip
    gaz = Gazetteer.from_rows(small_rows())
    gaz.merge(read_overlay(path))
    tops = PlaceResolver(gaz).toponyms("Clashes were reported in Qoroole on Friday.")
    assert tops[0].place.name == "Qorowle"
    assert tops[0].place.country == "Somalia"
    assert tops[0].precision == 1


def test_overlay_row_without_coordinates_raises_config_error_naming_the_row(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,lat,lon,country\nSomewhere,,,IQ\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="place 1"):
        read_overlay(path)


def test_overlay_env_var_naming_a_missing_file_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from marsad.resolve.places.overlay import overlay_path

    monkeypatch.setenv("MARSAD_PLACES_OVERLAY", str(tmp_path / "missing.yaml"))
    with pytest.raises(ConfigError, match="does not exist"):
        overlay_path()
