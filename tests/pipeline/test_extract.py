"""End to end: articles written for these tests, through the whole pipeline."""

from datetime import date

import pytest

import marsad
from marsad import Article


def only(events, **expected):
    matching = [e for e in events if all(getattr(e, k) == v for k, v in expected.items())]
    assert len(matching) == 1, [(e.event_type, e.sub_event_type, e.location, e.event_date) for e in events]
    return matching[0]


def test_article_without_an_event_gives_none():
    text = ("Shares in the state oil company rose 4 percent on Tuesday after the ministry announced a new "
            "export deal. Analysts said the agreement would lift revenue next year.")
    assert marsad.extract(text, published="2024-05-07") == []


def test_one_clash_told_three_times_is_one_event():
    text = (
        "HAWIJA, March 3 - Gunmen attacked a police checkpoint in Hawija on Sunday, killing two policemen.\n\n"
        "The police returned fire and the clashes lasted an hour.\n\n"
        "A third officer was wounded in the exchange of fire, a police source said."
    )
    events = marsad.extract(text, published="2024-03-04")
    assert len(events) == 1
    event = events[0]
    assert event.location.startswith("Al Hawija")
    assert event.event_type == "Battles" and event.sub_event_type == "Armed clash"
    assert event.event_date == "2024-03-03"
    assert event.fatalities == 2 and event.injuries == 1
    assert event.country == "Iraq" and event.admin1 is not None


def test_events_in_two_towns_are_two_events():
    text = (
        "Protesters blocked the main road in Kisumu on Monday demanding the release of a local activist. "
        "In Eldoret, police fired tear gas to disperse hundreds of students who had gathered outside the "
        "university on Monday."
    )
    events = marsad.extract(text, published="2024-07-02")
    assert {e.location for e in events} >= {"Kisumu", "Eldoret"}
    assert only(events, location="Eldoret").sub_event_type == "Protest with intervention"


def test_shootout_and_abduction_in_one_town_are_separate_events():
    text = (
        "On 5 April 2024, soldiers clashed with bandits in Gusau. "
        "On the same day, other gunmen abducted nine farmers from their fields in Gusau."
    )
    events = marsad.extract(text)
    types = sorted(e.sub_event_type for e in events if e.location == "Gusau")
    assert types == ["Abduction/forced disappearance", "Armed clash"]


def test_evidence_spans_point_into_the_text():
    text = "On 12 February 2024, a roadside bomb killed four soldiers near Gao, Mali."
    (event,) = marsad.extract(text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities == 4
    for field, spans in event.evidence.items():
        for start, end in spans:
            assert 0 <= start < end <= len(text), field
    start, end = event.evidence["fatalities"][0]
    assert text[start:end] == "four"
    start, end = event.evidence["location"][0]
    assert text[start:end] == "Gao"


def test_relative_date_counts_back_from_publication():
    (event,) = marsad.extract("Militants shelled army positions outside Idlib yesterday.", published="2024-02-10")
    assert event.event_date == "2024-02-09" and event.time_precision == 1


def test_partial_date_takes_the_publication_year():
    text = "DAMASCUS, January 14 - An airstrike hit a market in Idlib, killing seven civilians."
    (event,) = marsad.extract(text, published="2024-01-15")
    assert event.event_date == "2024-01-14"
    assert event.sub_event_type == "Air/drone strike"


def test_doubtful_report_is_unconfirmed():
    text = ("Armed men reportedly set fire to a police station in Kandahar on Friday. It is believed that "
            "the attackers came from a nearby district, but this could not be verified.")
    events = marsad.extract(text, published="2024-06-08")
    assert events and all(e.certainty == "unconfirmed" for e in events)


def test_article_object_keeps_source_and_id():
    article = Article(text="On 2 June 2024, rebels seized the town of Bunagana after heavy fighting with the army.",
                      id="art-1", source="Great Lakes Wire", url="https://glw.example/1")
    (event,) = marsad.extract(article)
    assert event.source == "Great Lakes Wire" and event.article_id == "art-1"
    assert event.event_type == "Battles"


def test_event_ids_are_stable_across_runs():
    text = "On 12 February 2024, a roadside bomb killed four soldiers near Gao, Mali."
    assert [e.event_id for e in marsad.extract(text)] == [e.event_id for e in marsad.extract(text)]


def test_protest_is_coded_with_protesters_as_actor1():
    text = "On 8 March 2024, hundreds of women marched peacefully through central Lahore to demand equal pay."
    (event,) = marsad.extract(text)
    assert event.sub_event_type == "Peaceful protest"
    assert event.actor1 == "Protesters (Pakistan)" and event.inter1 == 6


def test_an_explicit_tally_overrides_earlier_figures_of_the_same_event():
    text = ("On 3 May 2024, insurgents said they killed 9 soldiers in an ambush near Ghazni. "
            "Fatalities were recorded as 2 after the army's statement.")
    (event,) = marsad.extract(text)
    assert event.fatalities == 2


def test_a_claim_names_the_perpetrator_of_the_event_before_it():
    text = ("On 2 September 2024, militants threw grenades at a police post in Peshawar, killing three policemen. "
            "The Pakistani Taliban claimed the attack.")
    (event,) = marsad.extract(text)
    assert event.sub_event_type == "Grenade"
    assert event.actor1.startswith("TTP") and event.fatalities == 3


def test_the_day_a_statement_was_made_is_not_the_event_day():
    text = "Police in Mogadishu said on Saturday that the death toll from Thursday's hotel blast had risen to seven."
    (event,) = marsad.extract(text, published="2024-03-16")
    assert event.event_date == "2024-03-14" and event.fatalities == 7
    assert not (event.actor1 or "").startswith("Police")


def test_a_people_named_before_other_actors_is_not_a_place():
    text = ("On 4 June 2021, Hausa traders protested in Abraka (Ethiope East LGA, Delta) over a market demolition. "
            "Hausa community leaders later appealed for calm.")
    events = marsad.extract(text, published="2021-06-05")
    assert [(e.location, e.country) for e in events] == [("Abraka", "Nigeria")]


def test_a_council_named_after_its_town_leaves_the_town_a_place():
    text = ("On 4 June 2021, gunmen attacked Michika (Michika LGA, Adamawa) and killed two residents, "
            "among them a clerk of the Michika Local Government Council.")
    events = marsad.extract(text, published="2021-06-05")
    assert [(e.location, e.geo_precision) for e in events] == [("Michika", 1)]


def test_a_party_named_like_a_village_is_no_evidence_for_the_town():
    text = ("On 2 June 2021, about 200 members of National Corps, Svoboda and local traders protested outside "
            "the regional council in Cherkasy against new market rules.")
    events = marsad.extract(text, published="2021-06-03")
    assert [(e.location, e.country) for e in events] == [("Cherkasy", "Ukraine")]


def test_a_list_of_districts_is_one_event_per_district_each_with_its_own_evidence():
    text = "On 9 June 2021, Afghan air strikes hit Taliban positions in Maywand, Zharey and Arghandab districts, Kandahar."
    events = marsad.extract(text, published="2021-06-10")
    spans = {e.location: e.evidence["location"] for e in events}
    assert spans == {name: [(text.index(name), text.index(name) + len(name))] for name in ("Maywand", "Zharey", "Arghandab")}


def test_a_total_already_split_by_the_report_is_not_divided_again():
    text = ("On 9 June 2021, Afghan air strikes killed 6 Taliban fighters in Zharey and Arghandab districts, "
            "Kandahar. Fatalities are split across 2 events (3).")
    events = marsad.extract(text, published="2021-06-10")
    assert sorted((e.location, e.fatalities) for e in events) == [("Arghandab", 3), ("Zharey", 3)]


def test_an_even_split_gives_the_remainder_to_the_first_place():
    text = "On 9 June 2021, Afghan air strikes killed 7 Taliban fighters in Zharey and Arghandab districts, Kandahar."
    events = marsad.extract(text, published="2021-06-10")
    assert [(e.location, e.fatalities) for e in events] == [("Zharey", 4), ("Arghandab", 3)]
    assert all(e.admin1 == "Kandahar" for e in events)


def test_two_towns_without_a_plural_place_noun_stay_one_event():
    text = "On 9 June 2021, protesters marched in Lagos and Abuja against fuel prices."
    assert len(marsad.extract(text, published="2021-06-10")) == 1
