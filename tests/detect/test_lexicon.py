"""The trigger lexicon is data: readable YAML, checked when loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad._exceptions import ConfigError
from marsad.detect import PRECEDENCE, get_lexicon
from marsad.detect._lexicon import build, default_dir, pattern_to_regex


def test_shipped_lexicon_defines_the_25_acled_sub_event_types_in_precedence_order() -> None:
    lexicon = get_lexicon()
    assert tuple(s.name for s in lexicon.sub_events) == PRECEDENCE


def test_pattern_language_matches_stems_gaps_and_hyphens() -> None:
    import re

    assert re.search(pattern_to_regex("militant*"), "two militants were")
    assert re.search(pattern_to_regex("air ?strike*"), "an air-strike")
    assert re.search(pattern_to_regex("opened fire ... crowd"), "opened fire into the crowd")
    assert not re.search(pattern_to_regex("riot*"), "patriotic")


def _copy_lexicon(tmp_path: Path) -> Path:
    for name in ("cues.yaml", "subevents.yaml", "context.yaml"):
        (tmp_path / name).write_text((default_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_invalid_pattern_raises_config_error_naming_the_file(tmp_path: Path) -> None:
    folder = _copy_lexicon(tmp_path)
    path = folder / "cues.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  broken:\n    - 're:(unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cues.yaml"):
        build(folder)


def test_unreadable_yaml_raises_config_error(tmp_path: Path) -> None:
    folder = _copy_lexicon(tmp_path)
    (folder / "subevents.yaml").write_text("sub_events: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="subevents.yaml"):
        build(folder)


def test_user_can_extend_a_sub_event_with_a_new_trigger(tmp_path: Path) -> None:
    folder = _copy_lexicon(tmp_path)
    path = folder / "subevents.yaml"
    text = path.read_text(encoding="utf-8").replace("      - recaptur*\n", "      - recaptur*\n      - wrested back\n", 1)
    path.write_text(text, encoding="utf-8")
    lexicon = build(folder)
    assert "wrested" in lexicon.exact_anchors


def test_a_bare_bombing_or_blast_names_no_device_but_a_car_bomb_or_air_strike_does() -> None:
    from marsad.detect import names_device

    assert not any(names_device(w) for w in ("bombing", "Blast", "explosions", "went off"))
    assert all(names_device(w) for w in ("car bomb", "air strike", "bombing raid", "suicide blast", "mortars"))
