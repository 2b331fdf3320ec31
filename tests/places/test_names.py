"""Name folding, country tables and admin1 comparison."""

from __future__ import annotations

from marsad.resolve.places.countries import country_code, country_name, demonym_code, numeric_code
from marsad.resolve.places.names import canon, same_admin1


def test_canon_folds_arabic_article_and_final_h() -> None:
    assert canon("Al-Basrah") == canon("Basra") == canon("al Basra")


def test_canon_folds_diacritics_and_case() -> None:
    assert canon("Wāsiţ") == canon("WASIT")


def test_canon_folds_arabic_script_article_and_letter_variants() -> None:
    assert canon("البصرة") == canon("بصرة")


def test_same_admin1_ignores_region_words_and_punctuation() -> None:
    assert same_admin1("Wasit Governorate", "wasit", "IQ")
    assert same_admin1("Thi-Qar", "Dhi Qar", "IQ")
    assert same_admin1("Sala al-Din", "Salah ad Din", "IQ")


def test_same_admin1_rejects_different_regions() -> None:
    assert not same_admin1("Basra", "Nineveh", "IQ")
    assert not same_admin1(None, "Nineveh", "IQ")


def test_numeric_code_gives_acled_iso_column() -> None:
    assert numeric_code("IQ") == 368
    assert numeric_code("ZZ") is None


def test_country_name_follows_acled_spelling() -> None:
    assert country_name("CD") == "Democratic Republic of Congo"
    assert country_name("SY") == "Syria"


def test_country_code_reads_aliases_iso3_and_demonyms() -> None:
    assert country_code("DR Congo") == "CD"
    assert country_code("Syrian Arab Republic") == "SY"
    assert country_code("IRQ") == "IQ"
    assert country_code("the United States") == "US"
    assert country_code("Atlantis") is None


def test_demonym_code_maps_nationality_words() -> None:
    assert demonym_code("Iraqi") == "IQ"
    assert demonym_code("Turkish") == "TR"
    assert demonym_code("table") is None
