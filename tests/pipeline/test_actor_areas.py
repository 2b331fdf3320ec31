"""A bare village in a report that names a monitor mission or armed group: placed inside its areas."""

import marsad


def test_bare_village_of_a_monitor_report_is_placed_in_the_mission_area():
    text = "On 12 March 2021, the OSCE SMM recorded 14 explosions near Serhiivka."
    events = marsad.extract(text, published="2021-03-13")
    assert [e.admin1 for e in events] == ["Donetska oblast"]


def test_bare_village_only_known_far_from_the_mission_area_is_not_put_there():
    text = "On 12 March 2021, the OSCE SMM recorded 9 explosions near Kruta Balka."
    events = marsad.extract(text, published="2021-03-13")
    assert [(e.country, e.admin1) for e in events] == [("Ukraine", None)]
