from marsad.model import Place, Toponym
from marsad.resolve.places import get_resolver
from marsad.resolve.places.spelling import regions_by_spelling


def test_a_misspelt_province_after_a_district_is_found_by_spelling():
    text = "Two policemen were shot in Surkh Rod district, Nangrhar, on Monday."
    (found,) = regions_by_spelling(get_resolver().gazetteer, text, [])
    assert text[found.start : found.end] == "Nangrhar"
    assert found.place.kind == "admin1" and found.place.country_code == "AF" and found.precision == 3


def test_a_slot_already_resolved_is_left_alone():
    text = "Clashes in Surkh Rod district, Nangarhar."
    start = text.index("Nangarhar")
    taken = [Toponym(start, start + 9, "Nangarhar", Place("Nangarhar", 34.3, 70.4, "Afghanistan", "AF"))]
    assert regions_by_spelling(get_resolver().gazetteer, text, taken) == []


def test_a_word_far_from_every_province_is_not_forced_into_one():
    assert regions_by_spelling(get_resolver().gazetteer, "Shots in Old Market district, Yesterday.", []) == []
