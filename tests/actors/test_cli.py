"""`marsad actors lookup` and `marsad actors find`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from marsad.cli.actors import actors


def test_lookup_shows_match_type_country_parent_and_aliases() -> None:
    result = CliRunner().invoke(actors, ["lookup", "Saraya al-Salam"])
    assert result.exit_code == 0, result.output
    assert "Saraya al Salam" in result.output
    assert "3 (Political militia)" in result.output
    assert "country: Iraq" in result.output
    assert "parent:  Sadrist Movement" in result.output
    assert "سرايا السلام" in result.output


def test_lookup_of_generic_role_names_it_after_the_given_country() -> None:
    result = CliRunner().invoke(actors, ["lookup", "gunmen", "--country", "Haiti", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["name"] == "Unidentified Armed Group (Haiti)" and rows[0]["inter"] == 3


def test_lookup_of_unknown_name_fails_with_a_clear_message() -> None:
    result = CliRunner().invoke(actors, ["lookup", "Zzyzx Quux"])
    assert result.exit_code != 0
    assert "no actor in the dictionary matches 'Zzyzx Quux'" in result.output


def test_find_lists_the_actors_of_a_text() -> None:
    result = CliRunner().invoke(actors, ["find", "Iraqi police arrested ISIS members.", "--country", "Iraq"])
    assert result.exit_code == 0, result.output
    assert "Police Forces of Iraq (2022-)" in result.output and "Islamic State (Iraq)" in result.output
