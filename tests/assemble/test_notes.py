from marsad.assemble.notes import write_notes
from marsad.model import Event


def event(**fields) -> Event:
    base = dict(event_id="e", event_date="2024-03-02", time_precision=1, event_type="Battles", sub_event_type="Armed clash")
    base.update(fields)
    return Event(**base)


def test_notes_say_when_who_where_and_outcome():
    notes = write_notes(event(actor1="Police Forces of Iraq", actor2="Kata'ib Example", location="Alpha",
                              admin1="Wasit", country="Iraq", fatalities=2, injuries=1))
    assert notes == "On 2 March 2024, Police Forces of Iraq clashed with Kata'ib Example in Alpha (Wasit, Iraq), killing 2 and injuring 1."


def test_notes_mark_approximate_dates_and_places():
    notes = write_notes(event(time_precision=2, actor1="A", actor2="B", location="Alpha", geo_precision=2))
    assert notes.startswith("Around 2 March 2024") and "near Alpha" in notes


def test_notes_name_the_sublocation():
    notes = write_notes(event(actor1="A", actor2="B", location="Alpha", sublocation="Clock Square"))
    assert "at Clock Square, in Alpha" in notes


def test_notes_without_date_or_actors_still_read_as_a_sentence():
    notes = write_notes(event(event_date=None, sub_event_type="Attack", event_type="Violence against civilians"))
    assert notes == "An unidentified actor attacked unidentified targets."
