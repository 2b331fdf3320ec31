"""Patterns around names: nesting, lists, longer names, strays, fallbacks."""

from __future__ import annotations

import pytest

from marsad.resolve.places.names import same_admin1
from marsad.resolve.places.resolver import PlaceResolver


def _by_text(resolver: PlaceResolver, text: str):  # type: ignore[no-untyped-def]
    return {t.text: t for t in resolver.toponyms(text)}


def test_list_of_towns_is_not_read_as_a_nesting(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Protests spread to Basra, Baghdad and Kut on Friday.")
    assert tops["Basra"].place.name == "Basrah"
    assert tops["Baghdad"].place.name == "Baghdad"


def test_plural_region_word_applies_to_every_item_of_a_list(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Curfews were declared in Wasit and Basra provinces.")
    assert tops["Wasit"].place.kind == "admin1"
    assert tops["Basra"].place.kind == "admin1"


def test_namesake_outside_the_named_region_falls_back_to_the_region(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Two farmers were shot in Qalat, Wasit, on Sunday.")
    qalat = tops["Qalat"]
    assert qalat.place.kind == "admin1" and qalat.place.name == "Wasit"
    assert qalat.precision == 3


def test_unknown_name_in_a_region_is_placed_on_the_region_seat(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Gunmen attacked Hay Salam village (Wasit) at night.")
    top = tops["Hay Salam"]
    assert top.place.name == "Wasit"
    assert (top.place.latitude, top.place.longitude) == pytest.approx((32.51, 45.82))


def test_known_word_inside_a_longer_unknown_name_is_not_that_place(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Shells fell on Kut Hafiz (Wasit) overnight.")
    assert "Kut" not in tops
    assert tops["Kut Hafiz"].place.name == "Wasit"


def test_hyphenated_quarter_of_a_city_resolves_to_the_city(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "A bomb went off in Baghdad-Karkh district.")
    assert tops["Baghdad"].place.name == "Baghdad"


def test_small_foreign_namesake_is_dropped_in_a_text_about_another_country(resolver: PlaceResolver) -> None:
    tops = resolver.toponyms("Iraqi police raided Qalat near Baghdad, Iraq, on Monday.")
    assert all(t.place is None or t.place.country_code != "LY" for t in tops)


def test_dotted_abbreviation_is_recognised_and_does_not_end_a_sentence(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Talks between the U.S. and Iraq resumed in Baghdad.")
    assert tops["U.S."].place.country_code == "US"
    assert tops["Iraq"].place.country_code == "IQ"


def test_same_admin1_drops_an_arabic_article_glued_to_a_sun_letter() -> None:
    assert same_admin1("Azzawiya", "Az Zawiyah", "LY")


def test_comma_in_northern_country_pattern_nests_the_town(resolver: PlaceResolver) -> None:
    text = "Gunmen killed three people near Tripoli, in northern Lebanon, while Libyan forces shelled Misrata."
    assert _by_text(resolver, text)["Tripoli"].place.country_code == "LB"


def test_town_after_in_is_not_pushed_to_its_region(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Police closed the Jumhuriya road in Basra on Monday.")
    assert tops["Basra"].place.kind == "city"


def test_lowercase_text_finds_places_by_their_own_names(resolver: PlaceResolver) -> None:
    text = "clashes broke out in misrata and tripoli on monday, and police said the will of the court was clear."
    assert [t.place.name for t in resolver.toponyms(text)] == ["Misrata", "Tripoli"]


def test_lowercase_text_ignores_alternate_spellings_that_capitals_would_allow(resolver: PlaceResolver) -> None:
    assert resolver.toponyms("clashes broke out in misurata on monday.") == []
    assert [t.place.name for t in resolver.toponyms("Clashes broke out in Misurata on Monday.")] == ["Misrata"]


def test_region_named_as_a_location_sits_on_its_main_town(resolver: PlaceResolver) -> None:
    top = _by_text(resolver, "Security forces raided a farm in Wasit province overnight.")["Wasit"]
    assert top.place.kind == "admin1" and top.precision == 3
    assert (top.place.latitude, top.place.longitude) == pytest.approx((32.51, 45.82))
    assert (resolver.search("Wasit")[0].latitude, resolver.search("Wasit")[0].longitude) == (32.6, 45.7)


def test_same_admin1_ignores_doubled_letters_of_transliteration():
    from marsad.resolve.places.names import same_admin1

    assert same_admin1("Lower Shabelle", "Lower Shabeelle", "SO")


def test_a_district_center_before_a_comma_is_nested_in_the_region_after_it(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "A guard was shot near Zubaydiyah district center, Wasit, on Sunday.")
    assert tops["Zubaydiyah"].place.kind == "admin1" and tops["Zubaydiyah"].place.name == "Wasit"


def test_a_quoted_name_before_a_settlement_word_is_still_nested(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Gunmen attacked a post in the 'Qalat' area of Wasit province on Sunday.")
    assert tops["Qalat"].place.kind == "admin1" and tops["Qalat"].place.name == "Wasit"


def test_an_unknown_name_ends_before_its_capitalised_region_word(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Gunmen burned houses in Shanafiya Upazila (Kut, Wasit) on Sunday.")
    assert "Shanafiya" in tops and "Shanafiya Upazila" not in tops
    assert tops["Shanafiya"].place.name == "Al-Kut"


def test_region_word_after_a_bracketed_alias_nests_the_alias_in_the_region(resolver: PlaceResolver) -> None:
    # "X (Y) district, Z": Y is another name of the district X, inside Z, not a namesake town abroad
    tops = _by_text(resolver, "Two farmers were shot in Hay Salam (Qalat) district, Wasit, on Sunday.")
    assert tops["Qalat"].place.name == "Wasit"


def test_site_named_after_a_prominent_town_is_placed_at_the_town(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "A car bomb exploded outside Baghdad Teaching Hospital on Monday.")
    assert tops["Baghdad"].place.name == "Baghdad"


def test_longer_name_headed_by_a_town_without_a_site_word_stays_unknown(resolver: PlaceResolver) -> None:
    assert _by_text(resolver, "Reporters of Baghdad Zorvana covered the vote.") == {}


def test_hyphenated_quarter_of_a_town_named_like_its_region_is_the_town(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Clashes erupted in Tripoli-Janzour overnight, in Libya.")
    assert tops["Tripoli"].place.kind == "city" and tops["Tripoli"].place.country_code == "LY"


def test_road_between_two_towns_is_not_a_quarter_of_the_first(resolver: PlaceResolver) -> None:
    assert "Baghdad" not in _by_text(resolver, "Drivers blocked the Baghdad-Basra highway on Monday.")


def test_town_name_after_the_names_something_else(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Cleaners of the Dallas went on strike in Paris on Monday.")
    assert tops["Dallas"].non_locational and not tops["Paris"].non_locational


def test_town_name_after_the_with_a_region_word_is_a_place(resolver: PlaceResolver) -> None:
    assert not _by_text(resolver, "Clashes broke out in the Kut district on Monday.")["Kut"].non_locational
