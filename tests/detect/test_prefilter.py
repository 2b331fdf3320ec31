"""The prefilter: cheap, rules out ordinary news sentences, never loses a trigger."""

from __future__ import annotations

import pytest

from marsad.detect import classify, prefilter
from marsad.detect._anchors import anchors_of

from .test_classify import ONE_PER_SUB_EVENT


@pytest.mark.parametrize(
    "sentence",
    [
        "The central bank left interest rates unchanged on Thursday.",
        "The company reported higher profits for the third quarter.",
        "Tourists enjoyed sunny weather along the coast this weekend.",
        "The new library welcomed its first readers on Monday.",
        "According to the weather office, temperatures will fall next week.",
    ],
)
def test_prefilter_rules_out_ordinary_news(sentence: str) -> None:
    assert prefilter(sentence) is False
    assert classify(sentence) == []


@pytest.mark.parametrize(("sentence", "_event_type", "_sub"), ONE_PER_SUB_EVENT)
def test_prefilter_passes_every_event_sentence(sentence: str, _event_type: str, _sub: str) -> None:
    assert prefilter(sentence) is True


def test_prefilter_passes_joined_and_hyphenated_trigger_forms() -> None:
    assert prefilter("An airstrike hit the depot.")
    assert prefilter("A landmine wounded a herder.")
    assert prefilter("The sit-in entered its third day.")


def test_anchor_of_joined_phrase_is_a_word_prefix() -> None:
    assert anchors_of("air ?strike*") == {("air", True)}
    assert anchors_of("in exchange for") == {("exchange", False)}
    assert anchors_of(r"re:\bestablish\w* (?:\w+ ){0,4}base\b") == {("establish", True)}


def test_no_trigger_is_anchored_on_a_function_word() -> None:
    from marsad.detect import get_lexicon

    lexicon = get_lexicon()
    function_words = {"is", "was", "are", "were", "been", "being", "be", "the", "a", "an", "in", "on", "of",
                      "to", "with", "by", "and", "or", "not", "no", "it", "he", "she", "they", "this", "that"}
    assert not (lexicon.exact_anchors | lexicon.prefix_anchors) & function_words


def test_anchor_index_finds_what_running_every_pattern_finds(monkeypatch) -> None:
    """The anchor index is an optimisation only: the same sentences give the same detections."""
    import marsad.detect._lexicon as lexicon_module
    from marsad.detect._lexicon import get_lexicon

    sentences = [s for s, _e, _t in ONE_PER_SUB_EVENT] + [
        "Hundreds of protesters clashed with police outside the governor's office.",
        "A land mine wounded two herders grazing cattle near the border.",
        "Rebels retook the hill after the army withdrew without resistance.",
    ]
    anchored = [classify(s) for s in sentences]
    get_lexicon.cache_clear()
    monkeypatch.setattr(lexicon_module, "anchors_of", lambda pattern: None)
    try:
        unanchored = [classify(s) for s in sentences]
    finally:
        get_lexicon.cache_clear()
    assert anchored == unanchored
