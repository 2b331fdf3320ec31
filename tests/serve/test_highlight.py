"""Cutting article text into evidence segments."""

from __future__ import annotations

from marsad.serve.highlight import Segment, fields_present, merge_evidence, segments


def test_segments_cover_the_whole_text_in_order() -> None:
    text = "Police clashed with gunmen in Mosul."
    parts = segments(text, {"actor1": [(0, 6)], "location": [(30, 35)]})
    assert "".join(p.text for p in parts) == text
    assert parts[0] == Segment("Police", ("actor1",))
    assert parts[-2] == Segment("Mosul", ("location",))


def test_overlapping_spans_carry_both_fields() -> None:
    text = "north of Kirkuk city"
    parts = segments(text, {"location": [(9, 15)], "sublocation": [(0, 20)]})
    assert Segment("Kirkuk", ("location", "sublocation")) in parts
    assert parts[0] == Segment("north of ", ("sublocation",))
    assert Segment("Kirkuk", ("location", "sublocation")).title == "location, sub-location"


def test_invalid_spans_are_dropped_not_fatal() -> None:
    text = "abc"
    parts = segments(text, {"a": [(2, 1), (0, 99), (-1, 2), ("0", 1), (True, 2), None, (0, 1, 2)], "b": [[1, 2]]})
    assert parts == [Segment("a"), Segment("b", ("b",)), Segment("c")]


def test_no_evidence_gives_one_plain_segment() -> None:
    assert segments("plain", None) == [Segment("plain")]
    assert segments("", {"a": [(0, 1)]}) == []


def test_merge_evidence_unions_spans_without_duplicates() -> None:
    merged = merge_evidence([{"a": [[0, 1]]}, {"a": [(0, 1), (2, 3)], "b": [(1, 2)]}, None])
    assert merged == {"a": [(0, 1), (2, 3)], "b": [(1, 2)]}


def test_fields_present_lists_only_fields_with_usable_spans() -> None:
    assert fields_present({"location": [(0, 2)], "actor1": [(0, 9)], "trigger": [(1, 2)]}, 5) == ["location", "trigger"]
