import pytest

from marsad._exceptions import InputError
from marsad.evaluate.acled import SUMMARY_KEYS, run_acled


def test_summary_has_exactly_the_issue_keys(ev, write_acled):
    path = write_acled([ev.gold_row()])
    result = run_acled(path, extract=ev.FakeExtractor({ev.TEXT_CLASH: [ev.make_event()]}))
    assert tuple(result.summary) == SUMMARY_KEYS


def test_perfect_extractor_scores_one_on_every_share(ev, write_acled):
    path = write_acled([ev.gold_row()])
    summary = run_acled(path, extract=ev.FakeExtractor({ev.TEXT_CLASH: [ev.make_event()]})).summary
    shares = {k: v for k, v in summary.items() if k not in {"n", "median_km", "seconds"}}
    assert summary["n"] == 1
    assert set(shares.values()) == {1.0}
    assert summary["median_km"] == 0.0


def test_row_without_event_counts_wrong_for_every_field(ev, write_acled):
    path = write_acled([ev.gold_row(), ev.gold_row(notes=ev.TEXT_PROTEST)])
    summary = run_acled(path, extract=ev.FakeExtractor({ev.TEXT_CLASH: [ev.make_event()]})).summary
    assert summary["detected"] == 0.5
    assert summary["event_type_accuracy"] == 0.5
    assert summary["actor_name_accuracy"] == 0.5
    assert summary["within_161km"] == 0.5


def test_each_distinct_text_is_extracted_once_without_published_date(ev, write_acled):
    rows = [ev.gold_row(notes=ev.TEXT_TWO_TOWNS), ev.gold_row(notes=ev.TEXT_TWO_TOWNS), ev.gold_row()]
    fake = ev.FakeExtractor({})
    run_acled(write_acled(rows), extract=fake)
    articles = fake.calls[0]
    assert len(fake.calls) == 1
    assert sorted(a.text for a in articles) == sorted([ev.TEXT_TWO_TOWNS, ev.TEXT_CLASH])
    assert all(a.published is None for a in articles)


def test_rows_sharing_a_text_get_distinct_events(ev, write_acled):
    rows = [
        ev.gold_row(notes=ev.TEXT_TWO_TOWNS, location="Osmir", latitude=35.0, longitude=44.0),
        ev.gold_row(notes=ev.TEXT_TWO_TOWNS, location="Brelk", latitude=36.0, longitude=45.0),
    ]
    events = [ev.make_event(location="Brelk", latitude=36.0, longitude=45.0), ev.make_event(location="Osmir")]
    summary = run_acled(write_acled(rows), extract=ev.FakeExtractor({ev.TEXT_TWO_TOWNS: events})).summary
    assert summary["within_25km"] == 1.0


def test_one_event_for_two_rows_leaves_one_row_wrong_but_detected(ev, write_acled):
    rows = [ev.gold_row(notes=ev.TEXT_TWO_TOWNS), ev.gold_row(notes=ev.TEXT_TWO_TOWNS)]
    result = run_acled(write_acled(rows), extract=ev.FakeExtractor({ev.TEXT_TWO_TOWNS: [ev.make_event()]}))
    assert result.summary["detected"] == 1.0
    assert result.summary["event_type_accuracy"] == 0.5


def test_fields_are_scored_independently(ev, write_acled):
    event = ev.make_event(event_date="2024-03-04", fatalities=3, sub_event_type="Attack", admin1="Erbil")
    summary = run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["date_exact"] == 0.0
    assert summary["fatalities_exact"] == 0.0
    assert summary["sub_event_type_accuracy"] == 0.0
    assert summary["admin1_accuracy"] == 0.0
    assert summary["event_type_accuracy"] == 1.0


def test_distance_thresholds_and_median(ev, write_acled):
    # 0.5 degree of latitude north of the gold point: about 56 km away.
    event = ev.make_event(latitude=35.5, location="Elsewhere")
    summary = run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["within_25km"] == 0.0
    assert summary["within_161km"] == 1.0
    assert 55 < summary["median_km"] < 57


def test_median_km_is_none_when_no_event_has_coordinates(ev, write_acled):
    event = ev.make_event(latitude=None, longitude=None)
    summary = run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["median_km"] is None
    assert summary["within_161km"] == 0.0


def test_actor_name_accepts_gold_actor2_and_ignores_year_suffix(ev, write_acled):
    event = ev.make_event(actor1="police forces of iraq", inter1=1)
    summary = run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["actor_name_accuracy"] == 1.0


def test_actor1_inter_follows_the_named_gold_actor_outside_vac(ev, write_acled):
    event = ev.make_event(actor1="Police Forces of Iraq (2022-)", inter1=1)
    summary = run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["actor1_inter_accuracy"] == 1.0


def test_actor1_inter_in_vac_is_always_gold_inter1(ev, write_acled):
    row = ev.gold_row(event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Iraq)",
                      inter2=7)
    event = ev.make_event(event_type="Violence against civilians", sub_event_type="Attack",
                          actor1="Civilians (Iraq)", inter1=7)
    summary = run_acled(write_acled([row]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["actor1_inter_accuracy"] == 0.0


def test_actor1_inter_with_unmatched_name_compares_with_gold_inter1(ev, write_acled):
    event = ev.make_event(actor1="Somebody Else", inter1=1)
    summary = run_acled(write_acled([ev.gold_row()]), extract=ev.FakeExtractor({ev.TEXT_CLASH: [event]})).summary
    assert summary["actor1_inter_accuracy"] == 0.0


def test_macro_f1_averages_over_sub_event_types(ev, write_acled):
    rows = [ev.gold_row(), ev.gold_row(notes=ev.TEXT_PROTEST, sub_event_type="Peaceful protest", event_type="Protests")]
    fake = ev.FakeExtractor({ev.TEXT_CLASH: [ev.make_event()], ev.TEXT_PROTEST: [ev.make_event(sub_event_type="Attack")]})
    summary = run_acled(write_acled(rows), extract=fake).summary
    # Armed clash F1 1, Peaceful protest F1 0, Attack (a false positive) F1 0.
    assert summary["sub_event_type_macro_f1"] == pytest.approx(1 / 3, abs=1e-4)


def test_limit_reads_only_the_first_rows(ev, write_acled):
    path = write_acled([ev.gold_row(), ev.gold_row(notes=ev.TEXT_PROTEST)])
    assert run_acled(path, extract=ev.FakeExtractor({}), limit=1).summary["n"] == 1


def test_missing_notes_column_is_an_input_error_naming_the_file(ev, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="wrong.csv"):
        run_acled(path, extract=ev.FakeExtractor({}))


def test_missing_file_is_an_input_error_naming_it(ev, tmp_path):
    with pytest.raises(InputError, match="absent.csv"):
        run_acled(tmp_path / "absent.csv", extract=ev.FakeExtractor({}))


def test_extractor_returning_wrong_count_is_reported(ev, write_acled):
    with pytest.raises(RuntimeError, match="1 articles"):
        run_acled(write_acled([ev.gold_row()]), extract=lambda articles: [])


def test_events_of_reads_pipeline_outcomes_and_their_errors(ev):
    from types import SimpleNamespace

    from marsad.evaluate.acled import events_of

    ok = SimpleNamespace(events=[ev.make_event()], error=None)
    failed = SimpleNamespace(events=[], error=InputError("the article is empty", origin="a1"))
    assert events_of(ok) == ([ev.make_event()], None)
    assert events_of(failed) == ([], "InputError: a1: the article is empty")
    assert events_of([ev.make_event()]) == ([ev.make_event()], None)
