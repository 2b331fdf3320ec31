from marsad.evaluate.table import format_value, render_summary


def test_format_value_rounds_shares_and_dashes_missing_values():
    assert format_value(0.123456) == "0.1235"
    assert format_value(123.456) == "123.5"
    assert format_value(None) == "-"
    assert format_value(7) == "7"


def test_render_summary_aligns_measures_and_adds_nested_table():
    text = render_summary("T", {"n": 3, "f1": 0.5, "per_label": {"Attack": {"precision": 1.0, "support": 2}}})
    lines = text.splitlines()
    assert lines[0] == "T"
    assert any(line.startswith("f1") and line.endswith("0.5000") for line in lines)
    assert any(line.startswith("Attack") and "1.0000" in line for line in lines)
