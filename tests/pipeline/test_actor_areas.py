"""A bare village in a report that names a monitor mission or armed group: placed inside its areas."""

import marsad


def test_bare_village_of_a_monitor_report_is_placed_in_the_mission_area():
    text = "On 12 March 2021, the OSCE SMM recorded 14 explosions near Serhiivka."
    events = marsad.extract(text, published="2021-03-13")
    assert [e.admin1 for e in events] == ["Donetska oblast"]


def test_bare_village_only_known_far_from_the_mission_area_is_put_on_its_main_area():
    text = "On 12 March 2021, the OSCE SMM recorded 9 explosions near Kruta Balka."
    events = marsad.extract(text, published="2021-03-13")
    assert [(e.country, e.admin1, e.geo_precision) for e in events] == [("Ukraine", "Donetska oblast", 3)]


def test_village_no_gazetteer_lists_is_put_on_the_groups_main_area():
    text = "On 12 March 2021, the OSCE SMM recorded 3 explosions near Zrazkove-Pershe."
    events = marsad.extract(text, published="2021-03-13")
    assert [(e.location, e.geo_precision) for e in events] == [("Donetska oblast", 3)]
    assert events[0].evidence["location"] == [(text.index("OSCE SMM"), text.index("OSCE SMM") + len("OSCE SMM"))]


def test_group_without_areas_leaves_an_unknown_village_at_country_level():
    text = "On 12 March 2021, Al Shabaab fighters attacked an army base near Qoryooley-Dhexe."
    events = marsad.extract(text, published="2021-03-13")
    assert [(e.country, e.admin1, e.geo_precision) for e in events] == [("Somalia", None, 3)]
