from marsad.resolve.sourcing import assess


def whole(text: str):
    return assess(text, [(0, len(text))])


def test_belief_language_is_unconfirmed():
    result = whole("It is believed that the fighting began near the old market.")
    assert result.certainty == "unconfirmed"


def test_no_official_reports_is_unconfirmed():
    assert whole("No official reports have been issued about the shooting.").certainty == "unconfirmed"


def test_official_statement_is_confirmed():
    assert whole("The interior ministry confirmed that four officers died.").certainty == "confirmed"


def test_plain_news_is_reported():
    assert whole("Four officers reportedly died in the ambush.").certainty == "reported"


def test_attribution_names_the_category_of_the_source():
    assert whole("Two died, according to a security source in the city.").attribution == "security source"
    assert whole("Two died, according to hospital staff.").attribution == "medical source"


def test_attribution_keeps_the_outlet_a_source_spoke_to():
    result = whole("An informed source told Tigris Radio that shots were exchanged.")
    assert result.attribution == "security source via Tigris Radio"


def test_attribution_evidence_span_points_at_the_source():
    text = "Shots rang out, according to residents of the district."
    result = whole(text)
    start, end = result.attribution_span
    assert text[start:end].startswith("residents")
