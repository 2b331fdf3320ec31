
from marsad.evaluate.acled import run_acled
from marsad.evaluate.errors import error_class, load_predictions, report, save_predictions


def _outcome(ev, write_acled, event):
    return run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).outcomes[0]


def test_date_error_class_gives_the_offset_in_days(ev, write_acled):
    outcome = _outcome(ev, write_acled, ev.make_event(event_date="2024-03-02"))
    assert error_class(outcome, "date") == "off by -1 day(s)"


def test_inter_error_class_recognises_swapped_vac_sides(ev, write_acled):
    row = ev.gold_row(event_type="Violence against civilians", actor2="Civilians (Iraq)", inter2=7)
    event = ev.make_event(actor1="Civilians (Iraq)", inter1=7)
    result = run_acled(write_acled([row]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]}))
    assert error_class(result.outcomes[0], "actor1_inter").startswith("VAC sides swapped")


def test_fatalities_error_class_flags_year_like_counts(ev, write_acled):
    outcome = _outcome(ev, write_acled, ev.make_event(fatalities=2024))
    assert error_class(outcome, "fatalities") == "predicted a year-like number"


def test_distance_error_class_names_a_wrong_country(ev, write_acled):
    outcome = _outcome(ev, write_acled, ev.make_event(country="Syria", latitude=33.5, longitude=36.3))
    assert error_class(outcome, "within_25km").startswith("wrong country")


def test_missed_row_error_class_says_no_event(ev, write_acled):
    result = run_acled(write_acled([ev.gold_row(notes=ev.TEXT_PROTEST)]), extract=ev.FakeExtractor({}))
    assert error_class(result.outcomes[0], "event_type") == "no event (text had none)"


def test_report_lists_each_field_with_its_error_count(ev, write_acled):
    outcome = _outcome(ev, write_acled, ev.make_event(sub_event_type="Attack"))
    text = report([outcome], fields=["sub_event_type", "date"])
    assert "=== sub_event_type: 1/1 wrong" in text
    assert "Armed clash -> Attack" in text
    assert "=== date: 0/1 wrong" in text


def test_saved_predictions_rescore_identically(ev, write_acled, tmp_path):
    path = write_acled([ev.gold_row()])
    first = run_acled(path, extract=ev.FakeExtractor({ev.TEXT_CLASH: [ev.make_event(fatalities=5)]}))
    saved = tmp_path / "pred.json"
    save_predictions(saved, first.predictions)
    again = run_acled(path, predictions=load_predictions(saved))
    assert {k: v for k, v in again.summary.items() if k != "seconds"} == {
        k: v for k, v in first.summary.items() if k != "seconds"
    }


def test_distance_error_class_names_the_predicted_geo_precision(ev, write_acled):
    outcome = _outcome(ev, write_acled, ev.make_event(latitude=35.5, geo_precision=3))
    assert error_class(outcome, "within_25km") == "25-161 km (geo_precision 3)"
