"""`marsad.evaluate.case2021.run` over a small TSV written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad._exceptions import InputError
from marsad.evaluate.case2021 import run

ROWS = [
    ("1", "Warplanes bombed a fuel depot on the outskirts of the city.", "AIR_STRIKE"),
    ("3", "Thousands of nurses rallied outside the health ministry demanding better pay.", "PEACE_PROTEST"),
    ("5", "Police arrested four opposition activists at their offices.", "ARREST"),
    ("7", "Heavy rain triggered floods that swept away dozens of homes.", "NATURAL_DISASTER"),
    ("9", "A roadside bomb struck a police patrol, killing two officers.", "AIR_STRIKE"),
]


@pytest.fixture()
def tsv(tmp_path: Path) -> Path:
    path = tmp_path / "case.tsv"
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(r) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_returns_exactly_the_documented_keys(tsv: Path) -> None:
    result = run(str(tsv))
    assert set(result) == {"n", "weighted_f1", "micro_f1", "macro_f1", "per_label"}
    assert result["n"] == 4
    assert set(result["per_label"]["Air/drone strike"]) == {"precision", "recall", "f1", "support"}


def test_run_scores_right_and_wrong_answers(tsv: Path) -> None:
    result = run(str(tsv))
    assert result["per_label"]["Peaceful protest"]["f1"] == 1.0
    assert result["per_label"]["Air/drone strike"]["support"] == 2
    assert result["per_label"]["Air/drone strike"]["recall"] == 0.5
    assert 0.0 < result["weighted_f1"] < 1.0


def test_all_labels_counts_no_event_on_extra_types_as_right(tsv: Path) -> None:
    result = run(str(tsv), all_labels=True)
    assert result["n"] == 5
    assert result["per_label"]["Natural disaster"]["recall"] == 1.0


def test_limit_caps_the_rows_scored(tsv: Path) -> None:
    assert run(str(tsv), limit=2)["n"] == 2


def test_missing_file_raises_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.tsv"):
        run(str(tmp_path / "nope.tsv"))


def test_wrong_columns_raise_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError, match="EventSnippet"):
        run(str(path))
