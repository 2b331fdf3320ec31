from datetime import date

from marsad.evaluate.compare import (
    actor_name_matches,
    gold_country_code,
    local_same_admin1,
    normalise_actor,
    parse_gold_date,
    parse_predicted_date,
    same_place_name,
)


def test_parse_gold_date_reads_acled_export_short_format():
    assert parse_gold_date("3-Mar-24") == date(2024, 3, 3)


def test_parse_gold_date_reads_long_month_format():
    assert parse_gold_date("07 March 2021") == date(2021, 3, 7)


def test_parse_gold_date_returns_none_for_garbage():
    assert parse_gold_date("sometime in spring") is None


def test_parse_predicted_date_reads_iso_string():
    assert parse_predicted_date("2024-03-03") == date(2024, 3, 3)


def test_normalise_actor_drops_year_suffix_case_and_punctuation():
    assert normalise_actor("Military Forces of Iraq (2022-)") == "military forces of iraq"
    assert normalise_actor("NAF: Some Front (1999-2010) Unit") == "naf some front unit"


def test_actor_name_matches_gold_actor2_as_well_as_actor1():
    assert actor_name_matches("police forces of iraq", "Gunmen (Iraq)", "Police Forces of Iraq (2022-)")


def test_actor_name_rejects_different_actor_and_empty_prediction():
    assert not actor_name_matches("Protesters (Iraq)", "Rioters (Iraq)", "")
    assert not actor_name_matches(None, "Rioters (Iraq)", "")
    assert not actor_name_matches("", "", "")


def test_local_same_admin1_ignores_province_word_case_and_diacritics():
    assert local_same_admin1("Wāsiţ Governorate", "wasit")
    assert local_same_admin1("Kunar Province", "Kunar")
    assert not local_same_admin1("Kunar", "Nangarhar")
    assert not local_same_admin1(None, "Kunar")


def test_same_place_name_ignores_hyphens_and_case():
    assert same_place_name("Bar-Tolo", "bar tolo")
    assert not same_place_name("Tolo", "")



def test_gold_country_code_from_iso_numeric():
    assert gold_country_code("Iraq", 368) == "IQ"
