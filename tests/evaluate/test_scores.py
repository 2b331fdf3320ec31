import pytest

from marsad.evaluate.scores import NO_EVENT, macro_f1, median, per_label


def test_per_label_counts_missed_rows_against_recall_only():
    scores = per_label(["A", "A", "B"], ["A", NO_EVENT, "B"])
    assert scores["A"].precision == 1.0 and scores["A"].recall == 0.5
    assert NO_EVENT not in scores


def test_macro_f1_includes_labels_only_predicted():
    assert macro_f1(["A", "A"], ["A", "C"]) == pytest.approx((2 / 3 + 0.0) / 2)


def test_median_of_even_and_empty_lists():
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([]) is None
