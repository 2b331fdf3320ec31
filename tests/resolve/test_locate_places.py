"""Which named place locates an event told in a sentence without a place of its own."""

import marsad
from marsad.model import Event


def events_of(text: str, published: str = "2025-03-10") -> list[Event]:
    """The article's events; none at all fails the test that expected some."""
    events = marsad.extract(text, published=published)
    assert events, text
    return events


def test_a_later_sentence_goes_on_in_the_town_not_in_the_region_that_closed_the_first() -> None:
    text = ("On 3 June 2024, in Barra Mansa, Rio de Janeiro, police officers went to a hillside neighborhood "
            "to check a tip. Gunmen opened fire on the officers and a shoot-out broke out.")
    events = events_of(text, published="2024-06-04")
    assert all(e.location == "Barra Mansa" and e.geo_precision == 1 for e in events)


def test_a_town_outside_the_closing_region_does_not_stand_for_it() -> None:
    text = ("On 3 June 2024, traders from Mexicali gathered in Xochitepalco, Michoacan, to plan a market. "
            "Gunmen opened fire on the traders and a shoot-out broke out.")
    events = events_of(text, published="2024-06-04")
    assert all(e.admin1 == "Michoacan" for e in events)


def test_a_place_alone_in_its_country_yields_to_places_that_share_one() -> None:
    text = ("On 3 June 2024, herders from the Rabat area clashed with farmers in Spin Boldak, Kandahar, "
            "killing two men.")
    events = events_of(text, published="2024-06-04")
    assert all(e.country == "Afghanistan" for e in events)


def test_a_place_abroad_yields_to_the_country_of_the_named_armed_groups() -> None:
    text = ("Fighting between ELN guerrillas and FARC dissidents in Catatumbo killed six fighters on Sunday, "
            "officials in Norte de Santander said.")
    events = events_of(text)
    assert all(e.country == "Colombia" for e in events)


def test_the_place_whose_official_speaks_yields_to_the_place_of_the_event() -> None:
    text = ("Culiacan's police chief said on Friday that gunmen shot dead four people at a car wash in "
            "Navolato on Thursday.")
    events = events_of(text)
    assert all(e.location == "Navolato" for e in events)


def test_a_possessive_town_still_beats_the_province_that_closes_the_sentence() -> None:
    text = ("The death toll from Sunday's bombing at Peshawar's main bus station rose to 14, officials in "
            "Khyber Pakhtunkhwa said on Monday.")
    events = events_of(text)
    assert all(e.location == "Peshawar" and e.geo_precision == 1 for e in events)


def test_a_regions_capital_is_its_main_town() -> None:
    text = "Police fired tear gas at students marching in Manipur's capital on Wednesday."
    events = events_of(text)
    assert all(e.location == "Imphal" and e.geo_precision == 1 for e in events)
    text = "A bomb exploded near a market in the capital of Balochistan province on Monday, killing three people."
    events = events_of(text)
    assert all(e.location == "Quetta" and e.geo_precision == 1 for e in events)


def test_a_building_in_a_regions_capital_is_in_its_main_town() -> None:
    text = "Police fired tear gas at students marching towards the Raj Bhavan in Manipur's capital on Friday."
    events = events_of(text)
    assert all(e.location == "Imphal" for e in events)


def test_a_countrys_largest_city_in_one_direction_is_its_most_populous_town_there() -> None:
    text = "A bomb exploded at a bus station in northeast Nigeria's largest city on Friday, killing four people."
    events = events_of(text)
    assert all(e.location == "Maiduguri" and e.geo_precision == 1 for e in events)


def test_a_direction_that_is_part_of_the_country_name_is_not_a_direction() -> None:
    text = "Troops clashed with rebels in South Sudan's largest city on Friday, killing four people."
    events = events_of(text)
    assert all(e.country == "South Sudan" for e in events)
