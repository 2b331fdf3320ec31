"""Choosing the one detection that types a report (ACLED precedence and its codebook exceptions)."""

from __future__ import annotations

from marsad.detect import Detection, classify, top_detection


def _sentence_detections(*sentences: str) -> list[Detection]:
    found: list[Detection] = []
    for sentence in sentences:
        found += classify(sentence)
    return found


def test_top_detection_of_nothing_is_none() -> None:
    assert top_detection([]) is None


def test_named_weapon_beats_a_clash_inferred_from_soldiers_killed() -> None:
    detections = _sentence_detections(
        "Rebel forces shelled army positions near the airport on Tuesday.",
        "Ten soldiers were reportedly killed.",
    )
    assert top_detection(detections).sub_event_type == "Shelling/artillery/missile attack"


def test_protest_that_turned_violent_is_a_violent_demonstration() -> None:
    detections = _sentence_detections(
        "Hundreds of farmers protested outside the district office on Monday.",
        "Later the protesters pelted stones at the police and burned tyres.",
    )
    assert top_detection(detections).sub_event_type == "Violent demonstration"


def test_first_strategic_development_reported_types_the_report() -> None:
    detections = _sentence_detections(
        "Federal police seized two tons of cannabis hidden in a truck at a highway checkpoint.",
        "Dozens of people were arrested in the operation.",
    )
    assert top_detection(detections).sub_event_type == "Looting/property destruction"


def test_higher_precedence_wins_among_reliable_detections() -> None:
    detections = _sentence_detections(
        "Police arrested dozens of opposition activists in the capital.",
        "Militants ambushed an army patrol outside the town, killing four soldiers.",
    )
    assert top_detection(detections).sub_event_type == "Armed clash"
