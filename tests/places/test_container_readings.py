"""A named container narrows a name's readings: close spellings inside it, and only its own reading counts."""

from __future__ import annotations

from marsad.resolve.places.gazetteer import Gazetteer, PlaceRows
from marsad.resolve.places.resolver import PlaceResolver


def _resolver() -> PlaceResolver:
    rows = PlaceRows()
    add = rows.add
    add("Afghanistan", 33.0, 66.0, "AF", "", "", 1149361, "country", 38_000_000, ["Afghanistan"])
    add("Mexico", 23.0, -102.0, "MX", "", "", 3996063, "country", 126_000_000, ["Mexico"])
    add("Ukraine", 49.0, 32.0, "UA", "", "", 690791, "country", 44_000_000, ["Ukraine"])
    add("Balkh", 36.7, 67.1, "AF", "Balkh", "", 0, "admin1", 1_300_000, ["Balkh"])
    add("Faryab", 36.0, 64.8, "AF", "Faryab", "", 0, "admin1", 1_000_000, ["Faryab"])
    add("Nuevo Leon", 25.6, -100.3, "MX", "Nuevo Leon", "", 0, "admin1", 5_000_000, ["Nuevo Leon"])
    add("Baja California", 30.8, -115.3, "MX", "Baja California", "", 0, "admin1", 3_300_000, ["Baja California"])
    add("Donetsk Oblast", 48.0, 37.8, "UA", "Donetsk", "", 0, "admin1", 4_100_000, ["Donetsk Oblast", "Donetsk"])
    add("Mazar-e Sharif", 36.7, 67.1, "AF", "Balkh", "", 1133616, "city", 400_000, ["Mazar-e Sharif"], rank=1)
    add("Dowlatabad", 36.99, 66.82, "AF", "Balkh", "", 1, "city", 5_000, ["Dowlatabad"])
    add("Maymana", 35.9, 64.8, "AF", "Faryab", "", 2, "city", 150_000, ["Maymana"], rank=1)
    add("Qaysar", 35.7, 64.3, "AF", "Faryab", "", 3, "city", 4_000, ["Qaysar"])
    add("Monterrey", 25.7, -100.3, "MX", "Nuevo Leon", "", 4, "city", 1_100_000, ["Monterrey"], rank=1)
    add("Benito Juarez", 32.6, -115.0, "MX", "Baja California", "", 5, "city", 3_000, ["Benito Juarez"])
    add("Nuevo Leon", 32.4, -115.2, "MX", "Baja California", "", 6, "city", 5_000, ["Nuevo Leon"])
    add("Mexicali", 32.6, -115.5, "MX", "Baja California", "", 7, "city", 700_000, ["Mexicali"], rank=1)
    add("Donetsk", 48.0, 37.8, "UA", "Donetsk", "", 8, "city", 900_000, ["Donetsk"], rank=1)
    add("Novoselivka", 48.9, 37.1, "UA", "Donetsk", "", 9, "city", 900, ["Novoselivka"])
    add("Zaporizhzhia Oblast", 47.8, 35.2, "UA", "Zaporizhzhia", "", 0, "admin1", 1_700_000, ["Zaporizhzhia Oblast"])
    add("Yasne", 47.2, 36.3, "UA", "Zaporizhzhia", "", 10, "city", 500, ["Yasne"])
    add("Pakistan", 30.0, 70.0, "PK", "", "", 1168579, "country", 220_000_000, ["Pakistan"])
    add("Sindh", 26.0, 68.5, "PK", "Sindh", "", 0, "admin1", 47_000_000, ["Sindh"])
    add("Khairpur", 28.06, 69.70, "PK", "Sindh", "", 11, "city", 130_000, ["Khairpur"])
    add("Khairpur", 27.53, 68.76, "PK", "Sindh", "", 12, "city", 120_000, ["Khairpur"])
    add("Kot Diji", 27.34, 68.71, "PK", "Sindh", "", 13, "city", 2_000, ["Kot Diji"])
    return PlaceResolver(Gazetteer.from_rows(rows))


def _place_of(resolver: PlaceResolver, text: str, name: str):  # type: ignore[no-untyped-def]
    return next(t for t in resolver.toponyms(text) if t.text == name)


def test_an_unknown_district_takes_a_close_spelling_listed_in_its_province() -> None:
    top = _place_of(_resolver(), "On Monday fighters were killed in Dawlat Abad district, Balkh.", "Dawlat Abad")
    assert top.place.name == "Dowlatabad" and top.place.admin1 == "Balkh"


def test_a_close_spelling_in_another_province_is_not_taken() -> None:
    top = _place_of(_resolver(), "On Monday fighters were killed in Dawlat Abad district, Faryab.", "Dawlat Abad")
    assert top.place.kind == "admin1" and top.place.name == "Faryab" and top.precision >= 2


def test_a_longer_name_is_not_the_shorter_town_it_starts_with() -> None:
    text = "Shelling was reported near Novoselivka Druha, Donetsk, on Friday."
    top = _place_of(_resolver(), text, "Novoselivka Druha")
    assert top.place.kind == "admin1"


def test_a_town_outside_the_state_named_after_it_falls_back_to_that_state() -> None:
    top = _place_of(_resolver(), "On Friday a man was shot dead in Benito Juarez, Nuevo Leon.", "Benito Juarez")
    assert top.place.kind == "admin1" and top.place.name == "Nuevo Leon" and top.precision == 3


def test_an_unknown_quarter_in_parentheses_does_not_erase_the_town_before_it() -> None:
    tops = _resolver().toponyms("Teachers protested in Monterrey (Monterrey Centro Viejo) on Tuesday.")
    assert tops[0].text == "Monterrey" and tops[0].place is not None and tops[0].place.name == "Monterrey"


def test_a_name_repeated_bare_keeps_the_reading_its_container_gave_it() -> None:
    text = "On Monday shells hit the area of Yasne, Donetsk, monitors said. They heard 5 explosions near Yasne."
    first, second = [t for t in _resolver().toponyms(text) if t.text == "Yasne"]
    assert first.place.name == "Donetsk Oblast"
    assert second.place.name == "Donetsk Oblast" and second.precision == 3


def test_a_name_repeated_without_any_container_keeps_its_own_reading() -> None:
    text = "On Monday shells hit the area of Yasne. They heard 5 explosions near Yasne."
    yasnes = [t for t in _resolver().toponyms(text) if t.text == "Yasne"]
    assert len(yasnes) == 2 and all(t.place.name == "Yasne" for t in yasnes)


def test_a_small_town_read_into_a_far_neighbourhood_name_is_not_a_location() -> None:
    text = "On Friday police raided houses in Maymana, Faryab. Two men were arrested in the Dowlatabad neighborhood."
    tops = {t.text: t for t in _resolver().toponyms(text)}
    assert tops["Dowlatabad"].non_locational
    assert not tops["Maymana"].non_locational


def test_an_unknown_name_is_looked_for_around_each_namesake_of_its_town() -> None:
    top = _place_of(_resolver(), "On Monday two men were hurt in Kotdiji (Khairpur, Sindh) in a clash.", "Kotdiji")
    assert top.place.name == "Kot Diji"
