
from marsad.evaluate.gold import read_acled
from marsad.evaluate.matching import _greedy, match_rows


def _two_rows(ev, write_acled):
    rows = [
        ev.gold_row(location="Osmir", latitude=35.0, longitude=44.0, notes=ev.TEXT_TWO_TOWNS),
        ev.gold_row(location="Brelk", latitude=36.0, longitude=45.0, notes=ev.TEXT_TWO_TOWNS),
    ]
    return read_acled(write_acled(rows))


def test_match_rows_pairs_each_row_with_the_event_at_its_place(ev, write_acled):
    rows = _two_rows(ev, write_acled)
    at_brelk = ev.make_event(event_id="b", location="Brelk", latitude=36.0, longitude=45.0)
    at_osmir = ev.make_event(event_id="o", location="Osmir", latitude=35.0, longitude=44.0)
    paired = match_rows(rows, [at_brelk, at_osmir])
    assert [e.event_id for e in paired] == ["o", "b"]


def test_match_rows_leaves_extra_row_without_event(ev, write_acled):
    rows = _two_rows(ev, write_acled)
    paired = match_rows(rows, [ev.make_event(event_id="b", location="Brelk", latitude=36.0, longitude=45.0)])
    assert paired[0] is None and paired[1].event_id == "b"


def test_match_rows_with_no_events_gives_none_for_every_row(ev, write_acled):
    assert match_rows(_two_rows(ev, write_acled), []) == [None, None]


def test_greedy_fallback_takes_best_pairs_first():
    assert _greedy([[1.0, 5.0], [4.0, 0.0]]) == [1, 0]
    assert _greedy([[1.0], [2.0]]) == [None, 0]
