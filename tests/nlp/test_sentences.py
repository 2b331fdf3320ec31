from marsad.nlp import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_split_on_sentence_end_followed_by_capital():
    assert sentences("Shots were fired. Two died.") == ["Shots were fired.", "Two died."]


def test_abbreviations_do_not_end_sentences():
    text = "Gen. Hamid met Mr. Osei in the U.S. capital. Talks ended."
    assert sentences(text) == ["Gen. Hamid met Mr. Osei in the U.S. capital.", "Talks ended."]


def test_headline_line_is_its_own_sentence():
    assert sentences("Blast in Herat\n\nA bomb went off.") == ["Blast in Herat", "A bomb went off."]


def test_quotes_close_the_sentence():
    assert sentences('"We will return," he said. Police left.') == ['"We will return," he said.', "Police left."]


def test_offsets_are_exact():
    text = "  One.  Two three.\n"
    for start, end in split_sentences(text):
        assert text[start:end].strip() == text[start:end]


def test_lower_cased_text_is_split_too():
    assert sentences("police fired tear gas. two men were held.") == ["police fired tear gas.", "two men were held."]


def test_times_and_initialisms_do_not_end_sentences():
    assert len(sentences("The blast came at 5 p.m. on Monday near the u.s. embassy. Nobody died.")) == 2
