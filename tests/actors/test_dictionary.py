"""The dictionary files: shape, validation errors, regime years and renames."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad._exceptions import ConfigError
from marsad.resolve.actors import dictionary
from marsad.resolve.actors.dictionary import DATA_DIR


def test_shipped_dictionary_has_at_least_300_named_non_state_groups() -> None:
    groups = dictionary.load().groups
    named = [g for g in groups if g.state is None and not g.name.startswith(("Military Forces", "Police Forces"))]
    assert len(named) >= 300


def test_every_group_has_an_inter_code_and_a_known_country_code() -> None:
    loaded = dictionary.load()
    for g in loaded.groups:
        assert 1 <= g.inter <= 8, g.name
        assert g.country is None or (len(g.country) == 2 and g.country.isupper()), g.name


def test_every_role_has_words_and_a_kind() -> None:
    roles = dictionary.load().roles
    for key in ("police", "military", "unidentified", "protesters", "rioters", "civilians", "journalists",
                "students", "health_workers", "prisoners", "farmers", "women"):  # fmt: skip
        assert roles[key].words, key


def _data_dir_with(tmp_path: Path, group_text: str) -> Path:
    (tmp_path / "groups").mkdir()
    (tmp_path / "groups" / "mine.yaml").write_text(group_text, encoding="utf-8")
    for name in ("roles.yaml", "states.yaml", "renames.yaml"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_group_with_invalid_inter_raises_config_error_naming_file_and_entry(tmp_path: Path) -> None:
    data = _data_dir_with(tmp_path, '- {name: "Bad Brigade", inter: 9, country: IQ}\n')
    with pytest.raises(ConfigError, match=r"mine\.yaml \[Bad Brigade\].*inter 9"):
        dictionary.load(data_dir=data)


def test_invalid_yaml_raises_config_error(tmp_path: Path) -> None:
    data = _data_dir_with(tmp_path, "- {name: [unclosed\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        dictionary.load(data_dir=data)


def test_extra_group_file_is_loaded(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text('- {name: "Lakeside Defence Committee", inter: 4, country: KE, aliases: [LDC militia]}\n')
    loaded = dictionary.load([extra])
    assert any(g.name == "Lakeside Defence Committee" and g.inter == 4 for g in loaded.groups)


def test_regime_period_follows_the_event_date() -> None:
    iraq = dictionary.load().states["IQ"]
    assert iraq.regime(date(2019, 6, 1)) == "2018-2020"
    assert iraq.regime(date(2025, 1, 1)) == "2022-"
    assert iraq.regime(None) == "2022-"


def test_renamed_actor_keeps_old_name_before_the_rename() -> None:
    loaded = dictionary.load()
    assert loaded.renamed("Islamic State (Sahel)", date(2020, 5, 1)) == "Islamic State (Greater Sahara)"
    assert loaded.renamed("Islamic State (Sahel)", date(2024, 5, 1)) == "Islamic State (Sahel)"


def test_group_areas_are_read_per_country_and_found_under_the_group_name(tmp_path: Path) -> None:
    data = _data_dir_with(tmp_path, '- {name: "Hill Front", inter: 2, country: NG, areas: {NG: [Borno, Yobe], '
                                    'CM: [Far North]}}\n')  # fmt: skip
    loaded = dictionary.load(data_dir=data)
    assert loaded.areas("Hill Front") == (("NG", "Borno"), ("NG", "Yobe"), ("CM", "Far North"))
    assert loaded.areas("Another Front") == ()


def test_group_areas_must_map_country_codes_to_lists(tmp_path: Path) -> None:
    data = _data_dir_with(tmp_path, '- {name: "Hill Front", inter: 2, country: NG, areas: [Borno]}\n')
    with pytest.raises(ConfigError, match=r"\[Hill Front\].*areas"):
        dictionary.load(data_dir=data)
