"""Settings are read from the environment and checked at startup."""

from __future__ import annotations

import pytest

from marsad._exceptions import ConfigError
from marsad.serve.middleware import content_security_policy
from marsad.serve.settings import SETTINGS, load_settings


def test_defaults_bind_nothing_open_for_writes_and_no_tiles() -> None:
    settings = load_settings({})
    assert settings.token is None and settings.read_token_required is False and settings.tiles == ""


def test_environment_values_are_parsed() -> None:
    settings = load_settings({"MARSAD_READ_TOKEN_REQUIRED": "yes", "MARSAD_MAX_BODY": "1000",
                              "MARSAD_TILES": "https://tiles.example/{z}/{x}/{y}.png", "MARSAD_TOKEN": " t "})
    assert settings.read_token_required and settings.max_body == 1000 and settings.token == "t"


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"MARSAD_READ_TOKEN_REQUIRED": "maybe"}, "MARSAD_READ_TOKEN_REQUIRED"),
        ({"MARSAD_MAX_BODY": "5MB"}, "MARSAD_MAX_BODY"),
        ({"MARSAD_MAX_BODY": "-1"}, "positive"),
        ({"MARSAD_TILES": "https://tiles.example/tile.png"}, "{z}"),
        ({"MARSAD_TILES": "ftp://tiles.example/{z}/{x}/{y}.png"}, "http"),
    ],
)
def test_bad_values_fail_at_startup_naming_the_variable(env: dict[str, str], needle: str) -> None:
    with pytest.raises(ConfigError, match=needle.replace("{", r"\{").replace("}", r"\}")):
        load_settings(env)


def test_cli_overrides_win_over_the_environment() -> None:
    assert load_settings({"MARSAD_DB": "sqlite:///a.db"}, db="sqlite:///b.db").db == "sqlite:///b.db"


def test_every_setting_has_help() -> None:
    assert all(s.help and s.env.startswith("MARSAD_") for s in SETTINGS)


def test_tile_host_is_allowed_as_an_image_source_only() -> None:
    policy = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in policy
    assert "script-src 'self';" in policy
