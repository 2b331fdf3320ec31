"""The named groups' areas of operation as a hint for bare place names (full index)."""

from __future__ import annotations

from marsad.resolve.actors import dictionary
from marsad.resolve.places.areas import area_regions
from marsad.resolve.places.resolver import PlaceResolver

DONBAS = [("UA", "Donetsk"), ("UA", "Luhansk")]


def _place(resolver: PlaceResolver, text: str, name: str, **kw):  # type: ignore[no-untyped-def]
    return next((t.place for t in resolver.toponyms(text, **kw) if t.text == name), None)


def test_areas_prefer_the_namesake_inside_them(real_resolver: PlaceResolver) -> None:
    text = "Shells landed near Serhiivka overnight."
    assert _place(real_resolver, text, "Serhiivka").admin1 != "Donetska oblast"
    assert _place(real_resolver, text, "Serhiivka", areas=DONBAS).admin1 == "Donetska oblast"


def test_small_place_far_outside_the_areas_falls_back_to_their_main_area(real_resolver: PlaceResolver) -> None:
    text = "Explosions were heard near Kruta Balka on Monday."
    assert _place(real_resolver, text, "Kruta Balka").admin1 == "Poltava"
    fallback = _place(real_resolver, text, "Kruta Balka", areas=DONBAS)
    assert (fallback.kind, fallback.name) == ("admin1", "Donetska oblast")
    luhansk_first = _place(real_resolver, text, "Kruta Balka", areas=DONBAS[::-1])
    assert luhansk_first.name == "Luhanska oblast"


def test_the_main_area_is_placed_on_its_main_town(real_resolver: PlaceResolver) -> None:
    area = real_resolver.area_place("UA", "Luhansk")
    seat = real_resolver.seat(area)
    assert area.name == "Luhanska oblast" and seat is not None and seat.name == "Luhansk"
    assert (area.latitude, area.longitude) == (seat.latitude, seat.longitude)
    assert real_resolver.area_place("UA", "Atlantis") is None


def test_areas_in_several_countries_leave_a_far_place_unplaced(real_resolver: PlaceResolver) -> None:
    text = "Explosions were heard near Kruta Balka on Monday."
    assert _place(real_resolver, text, "Kruta Balka", areas=[("NG", "Borno"), ("CM", "Far North")]) is None


def test_a_named_region_keeps_a_place_outside_the_areas(real_resolver: PlaceResolver) -> None:
    text = "Explosions were heard near Kruta Balka, Poltava region, on Monday."
    assert _place(real_resolver, text, "Kruta Balka", areas=DONBAS).admin1 == "Poltava"


def test_a_large_town_outside_the_areas_keeps_its_reading(real_resolver: PlaceResolver) -> None:
    text = "Protesters gathered in Poltava on Monday."
    assert _place(real_resolver, text, "Poltava", areas=DONBAS).admin1 == "Poltava"


def test_every_shipped_area_names_an_admin1_region_of_the_gazetteer(real_resolver: PlaceResolver) -> None:
    for group in dictionary.load().groups:
        for area in group.areas:
            assert len(area_regions(real_resolver.gazetteer, [area])) == 1, (group.name, area)
