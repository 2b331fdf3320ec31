from marsad.nlp import detect_language


def test_english_news_is_english():
    assert detect_language("Police said two men were killed in the attack on the market on Monday.") == "en"


def test_arabic_script_is_named():
    assert detect_language("قتل شخصان في هجوم على سوق في المدينة يوم الاثنين بحسب الشرطة") == "arabic"


def test_latin_script_other_language_is_undetermined():
    text = "La policía informó que dos hombres murieron durante el ataque contra el mercado municipal ayer."
    assert detect_language(text) == "und"


def test_short_snippet_is_given_the_benefit_of_the_doubt():
    assert detect_language("Blast in Kabul") == "en"
