"""A few checks against the full index built from the installed packages (session-scoped)."""

from __future__ import annotations

from click.testing import CliRunner

from marsad.resolve.places.resolver import PlaceResolver


def test_real_index_resolves_tripoli_by_country_context(real_resolver: PlaceResolver) -> None:
    ly = real_resolver.toponyms("Militias clashed in Tripoli as the Libyan government met.")
    lb = real_resolver.toponyms("Protesters burned tyres in Tripoli, the second city of Lebanon.")
    assert ly[0].place.country_code == "LY"
    assert lb[0].place.country_code == "LB"


def test_real_index_resolves_a_province_only_mention_to_its_region(real_resolver: PlaceResolver) -> None:
    tops = real_resolver.toponyms("Gunmen attacked a police post in Wasit province on Monday.")
    assert tops[0].place.kind == "admin1"
    assert tops[0].place.country_code == "IQ"
    assert tops[0].precision == 3


def test_real_index_reads_arabic_names_and_keeps_geonames_ids(real_resolver: PlaceResolver) -> None:
    tops = real_resolver.toponyms("انفجار في البصرة")
    assert tops[0].place.country_code == "IQ"
    assert tops[0].place.geonameid


def test_real_index_country_place_and_search(real_resolver: PlaceResolver) -> None:
    assert real_resolver.country_place("IQ").country == "Iraq"
    assert any(p.country_code == "IQ" for p in real_resolver.search("Kut al-Amara"))


def test_geocode_command_prints_the_choice_and_the_runner_up(real_resolver: PlaceResolver) -> None:
    from marsad.cli.places import geocode

    result = CliRunner().invoke(geocode, ["Shelling hit Paris, Texas."])
    assert result.exit_code == 0
    assert "'Paris'" in result.output and "United States" in result.output
    assert "runner-up" in result.output


def test_gazetteer_info_command_reports_the_index(real_resolver: PlaceResolver) -> None:
    import json

    from marsad.cli.places import gazetteer

    result = CliRunner().invoke(gazetteer, ["info", "--json"])
    assert result.exit_code == 0
    info = json.loads(result.output)
    assert info["places"] > 200_000
    assert info["kinds"]["admin1"] > 3000
