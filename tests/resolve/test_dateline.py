from marsad.resolve.dateline import find_dateline


def dateline(text: str) -> str | None:
    span = find_dateline(text)
    return text[span[0] : span[1]].strip() if span else None


def test_dateline_with_date_and_agency():
    assert dateline("Headline\n\nKIRKUK, March 3 (Wire) — Two policemen died.") == "KIRKUK, March 3 (Wire) —"


def test_dateline_with_two_places():
    assert dateline("MOSUL/ERBIL, 14 January 2024 - Shots were fired.") == "MOSUL/ERBIL, 14 January 2024 -"


def test_lower_cased_feed_dateline():
    assert dateline("kanpur: police arrested two men.") == "kanpur:"


def test_no_dateline_in_plain_prose():
    assert dateline("Police in Nairobi fired tear gas on Tuesday.") is None
