"""Store behaviour, the same on SQLite and PostgreSQL (the ``store`` fixture runs each test on both)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad._exceptions import InputError, StoreError
from marsad.store import EventFilter, IngestResult, Page, open_store
from marsad.store.paging import encode_cursor
from store_factories import BASRA, KARRADA, SADR_CITY, article, event

TEXT_A = "Three people were killed when a roadside bomb exploded in central Baghdad on Monday, police said."
TEXT_B = "A bomb blast in Baghdad killed five civilians on Monday, according to a health official."


def test_new_article_creates_its_events(store) -> None:  # type: ignore[no-untyped-def]
    result = store.ingest(article("a", TEXT_A), [event()])
    assert isinstance(result, IngestResult)
    assert (result.article_status, result.events_new, result.events_merged) == ("new", 1, 0)
    assert store.count(EventFilter()) == 1


def test_same_article_twice_changes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    first = store.ingest(article("a", TEXT_A), [event()])
    before = store.events(EventFilter()).items
    again = store.ingest(article("a", TEXT_A), [event()])
    assert again.article_status == "unchanged"
    assert (again.events_new, again.events_merged, again.events_updated) == (0, 0, 0)
    assert again.event_ids == first.event_ids
    assert store.events(EventFilter()).items == before


def test_updated_article_keeps_its_event_ids_and_takes_new_figures(store) -> None:  # type: ignore[no-untyped-def]
    first = store.ingest(article("a", TEXT_A, url="https://news.example/a"), [event(fatalities=3)])
    updated_text = TEXT_A.replace("Three", "Seven")
    second = store.ingest(article("a", updated_text, url="https://news.example/a"), [event(fatalities=7)])
    assert second.article_status == "updated"
    assert second.event_ids == first.event_ids
    assert second.events_updated == 1 and second.events_new == 0
    stored = store.event(first.event_ids[0])
    assert stored["fatalities"] == 7
    assert store.article("a")["text"] == updated_text


def test_article_found_by_url_is_an_update_not_a_new_article(store) -> None:  # type: ignore[no-untyped-def]
    first = store.ingest(article("a", TEXT_A, url="https://news.example/a"), [event()])
    moved = article("https://news.example/a", TEXT_A + " More follows.", url="https://news.example/a")
    moved.id = None
    second = store.ingest(moved, [event(fatalities=4)])
    assert second.article_status == "updated"
    assert second.event_ids == first.event_ids
    assert store.count(EventFilter()) == 1


def test_update_that_drops_an_event_removes_it_when_nobody_else_reports_it(store) -> None:  # type: ignore[no-untyped-def]
    protest = event(event_id="l2", event_type="Protests", sub_event_type="Peaceful protest",
                    actor1="Protesters (Iraq)", inter1=6, actor2=None, inter2=None, at=BASRA, location="Basra")  # fmt: skip
    first = store.ingest(article("a", TEXT_A), [event(), protest])
    second = store.ingest(article("a", TEXT_A + " Correction."), [event()])
    assert second.events_removed == 1
    assert second.event_ids == first.event_ids[:1]
    assert store.event(first.event_ids[1]) is None


def test_two_outlets_on_one_incident_merge_into_one_event(store) -> None:  # type: ignore[no-untyped-def]
    a = store.ingest(article("a", TEXT_A, source="Outlet A", published=date(2024, 3, 4)), [event(fatalities=3)])
    b = store.ingest(article("b", TEXT_B, source="Outlet B", published=date(2024, 3, 5)),
                     [event(fatalities=5, actor1="Islamic State (Iraq)", inter1=2, evidence={"fatalities": [(31, 35)]})])  # fmt: skip
    assert b.events_merged == 1 and b.event_ids == a.event_ids
    stored = store.event(a.event_ids[0])
    assert stored["source"] == "Outlet A; Outlet B"
    assert stored["sources"] == ["Outlet A", "Outlet B"]
    assert stored["fatalities"] == 3
    assert [m["fatalities"] for m in stored["mentions"]] == [3, 5]
    assert stored["mentions"][1]["spans"][0] == {"field": "fatalities", "start": 31, "end": 35, "text": "five"}
    assert stored["actor1"] == "Islamic State (Iraq)"
    assert store.count(EventFilter()) == 1


def test_two_bombings_in_two_districts_on_the_same_day_stay_apart(store) -> None:  # type: ignore[no-untyped-def]
    karrada = event(sublocation="Karrada", at=KARRADA)
    sadr = event(sublocation="Sadr City", at=SADR_CITY)
    first = store.ingest(article("a", TEXT_A), [karrada])
    second = store.ingest(article("b", TEXT_B, source="Outlet B"), [sadr])
    assert second.events_new == 1 and second.event_ids != first.event_ids
    third = store.ingest(article("c", TEXT_B + " Karrada.", source="Outlet C"), [event(sublocation="Karada", at=KARRADA)])
    assert third.event_ids == first.event_ids
    assert store.count(EventFilter()) == 2


def test_filters_select_by_country_date_type_actor_and_region(store) -> None:  # type: ignore[no-untyped-def]
    protest = event(event_id="p", event_date="2024-03-10", event_type="Protests", sub_event_type="Peaceful protest",
                    actor1="Protesters (Iraq)", inter1=6, actor2=None, inter2=None, at=BASRA, location="Basra",
                    admin1="Basra", admin2="Basra")  # fmt: skip
    store.ingest(article("a", TEXT_A), [event(), protest])
    store.ingest(article("s", "Syria text.", source="S"), [event(country="Syria", iso=760, location="Idlib", at=(35.93, 36.63))])
    assert store.count(EventFilter(country="iraq")) == 2
    assert store.count(EventFilter(country="IQ")) == 2
    assert store.count(EventFilter(country="SY")) == 1
    assert store.count(EventFilter(since=date(2024, 3, 5))) == 1
    assert store.count(EventFilter(until=date(2024, 3, 4))) == 2
    assert store.count(EventFilter(event_type="protests")) == 1
    assert store.count(EventFilter(actor="protesters")) == 1
    assert store.count(EventFilter(admin1="basra")) == 1
    assert store.count(EventFilter(bbox=(44.0, 33.0, 45.0, 34.0))) == 1


def test_pages_cover_every_event_once_in_sort_order(store) -> None:  # type: ignore[no-untyped-def]
    for i in range(7):
        store.ingest(article(f"a{i}", f"{TEXT_A} {i}"), [event(event_date=f"2024-03-{1 + i % 3:02d}",
                     location=f"Town {i}", at=(30 + i, 40.0))])  # fmt: skip
    seen, cursor, dates = [], None, []
    while True:
        page = store.events(EventFilter(), sort="-event_date", limit=3, cursor=cursor)
        assert isinstance(page, Page)
        seen += [e["event_id"] for e in page.items]
        dates += [e["event_date"] for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 7
    assert dates == sorted(dates, reverse=True)


def test_bad_cursor_sort_and_limit_raise_input_errors(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="cursor"):
        store.events(EventFilter(), cursor="nonsense")
    with pytest.raises(InputError, match="cursor"):
        store.events(EventFilter(), sort="fatalities", cursor=encode_cursor("many", "ev_1"))
    with pytest.raises(InputError, match="sort"):
        store.events(EventFilter(), sort="password")
    with pytest.raises(InputError, match="limit"):
        store.events(EventFilter(), limit=0)


def test_stats_group_events_and_fatalities(store) -> None:  # type: ignore[no-untyped-def]
    store.ingest(article("a", TEXT_A), [event(fatalities=3), event(event_id="x", event_date="2024-03-06", fatalities=2,
                 location="Basra", at=BASRA, admin1="Basra")])  # fmt: skip
    stats = store.stats(EventFilter())
    assert stats["by_type"] == [{"key": "Explosions/Remote violence", "events": 2, "fatalities": 5}]
    assert stats["by_day"] == [{"key": "2024-03-04", "events": 1, "fatalities": 3},
                               {"key": "2024-03-06", "events": 1, "fatalities": 2}]  # fmt: skip
    assert {r["key"] for r in stats["by_admin1"]} == {"Baghdad", "Basra"}
    assert stats["by_country"] == [{"key": "Iraq", "events": 2, "fatalities": 5}]
    assert {"key": "Civilians (Iraq)", "events": 2, "fatalities": 5} in stats["by_actor"]


def test_article_returns_its_text_and_event_ids(store) -> None:  # type: ignore[no-untyped-def]
    result = store.ingest(article("a", TEXT_A, url="https://news.example/a"), [event()])
    stored = store.article("a")
    assert stored["text"] == TEXT_A and stored["url"] == "https://news.example/a"
    assert stored["event_ids"] == list(result.event_ids)
    assert store.article("missing") is None and store.event("missing") is None


def test_reopening_a_store_keeps_its_data(store_url: str) -> None:
    with open_store(store_url) as first:
        first.ingest(article("a", TEXT_A), [event()])
    with open_store(store_url) as again:
        assert again.count(EventFilter()) == 1


def test_open_store_defaults_to_the_environment_url(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with open_store() as opened:
        assert opened.url.endswith("env.db")
    assert (tmp_path / "env.db").exists()


def test_unusable_urls_raise_store_errors_naming_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("not a url")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store("postgresql+psycopg://postgres@127.0.0.1:1/none")


def test_malformed_event_raises_a_store_error_and_stores_nothing(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="article a, event 2 .bad.: event_date .2024-13-45. is not an ISO date"):
        store.ingest(article("a", TEXT_A), [event(), event(event_id="bad", event_date="2024-13-45")])
    assert store.article("a") is None and store.count(EventFilter()) == 0


def test_negative_fatalities_are_refused(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreError, match="fatalities must be a whole number"):
        store.ingest(article("a", TEXT_A), [event(fatalities=-2)])


def test_correction_to_another_day_leaves_other_outlets_event_alone(store) -> None:  # type: ignore[no-untyped-def]
    first = store.ingest(article("a", TEXT_A), [event()])
    store.ingest(article("b", TEXT_B, source="Outlet B"), [event(fatalities=5)])
    corrected = store.ingest(article("a", TEXT_A + " (Corrected date.)"), [event(event_date="2024-03-09")])
    assert corrected.event_ids != first.event_ids
    assert store.event(first.event_ids[0])["source"] == "Outlet B"
    assert store.count(EventFilter()) == 2


def test_correction_of_a_single_source_event_keeps_its_id(store) -> None:  # type: ignore[no-untyped-def]
    first = store.ingest(article("a", TEXT_A), [event()])
    corrected = store.ingest(article("a", TEXT_A + " (Corrected date.)"), [event(event_date="2024-03-09")])
    assert corrected.event_ids == first.event_ids
    assert store.event(first.event_ids[0])["event_date"] == "2024-03-09"


def test_version_goes_up_only_when_an_ingest_changes_something(store) -> None:  # type: ignore[no-untyped-def]
    start = store.version()
    store.ingest(article("a", TEXT_A), [event()])
    after_new = store.version()
    store.ingest(article("a", TEXT_A), [event()])
    assert after_new > start and store.version() == after_new


def test_stats_give_events_per_day_and_type(store) -> None:  # type: ignore[no-untyped-def]
    protest = event(event_id="p", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
                    inter1=6, actor2=None, inter2=None, at=BASRA, location="Basra", fatalities=0)  # fmt: skip
    store.ingest(article("a", TEXT_A), [event(), protest])
    assert store.stats(EventFilter())["by_day_type"] == [
        {"day": "2024-03-04", "type": "Explosions/Remote violence", "events": 1, "fatalities": 3},
        {"day": "2024-03-04", "type": "Protests", "events": 1, "fatalities": 0},
    ]


@pytest.mark.parametrize("sort", ["fatalities", "-fatalities", "country", "-updated_at", "created_at", "-n_sources"])
def test_every_sort_key_pages_through_all_events(store, sort: str) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        store.ingest(article(f"a{i}", f"{TEXT_A} {i}"), [event(fatalities=i % 2, location=f"Town {i}", at=(30 + i, 40.0),
                     country=None if i == 3 else "Iraq")])  # fmt: skip
    seen, cursor = [], None
    while True:
        page = store.events(EventFilter(), sort=sort, limit=2, cursor=cursor)
        seen += [e["event_id"] for e in page.items]
        if not (cursor := page.next_cursor):
            break
    assert len(seen) == len(set(seen)) == 5


def test_replace_takes_new_events_for_unchanged_text_and_keeps_ids(store) -> None:  # type: ignore[no-untyped-def]
    first = store.ingest(article("a", TEXT_A), [event(fatalities=3)])
    again = store.ingest(article("a", TEXT_A), [event(fatalities=4, sublocation="Karrada")], replace=True)
    assert again.article_status == "updated" and again.event_ids == first.event_ids
    assert store.event(first.event_ids[0])["sublocation"] == "Karrada"


def test_vague_report_moves_to_the_incident_it_fits_once_that_incident_is_reported(store) -> None:  # type: ignore[no-untyped-def]
    barchi = event(sublocation="Dasht-e-Barchi")
    vague = event(sub_event_type="Suicide bomb", fatalities=6)
    precise = event(sub_event_type="Suicide bomb", sublocation="Qala-e-Bakhtiar", actor1="Islamic State (Iraq)", inter1=2)
    first = store.ingest(article("a", TEXT_A), [barchi])
    second = store.ingest(article("b", TEXT_B, source="B"), [vague])
    assert second.event_ids == first.event_ids  # the only candidate when it arrived
    third = store.ingest(article("c", TEXT_B + " More.", source="C"), [precise])
    assert store.article("b")["event_ids"] == list(third.event_ids)
    assert store.event(first.event_ids[0])["source"] == "Outlet A"


def test_events_linked_by_a_later_report_are_joined_and_the_old_id_redirects(store) -> None:  # type: ignore[no-untyped-def]
    # the text names every actor (evidence spans): none is an extractor's default
    victims = {"actor2": "Civilians (Iraq)", "inter2": 7,
               "evidence": {"event_type": [(0, 4)], "actor1": [(5, 9)], "actor2": [(10, 14)]}}
    province = event(geo_precision=3, location="Kirkuk", at=(35.47, 44.39), admin1="Kirkuk", actor1="Islamic State (Iraq)",
                      inter1=2, **victims)  # fmt: skip
    town = event(location="Hawija", at=(35.32, 43.77), admin1="Kirkuk", actor1="Unidentified Armed Group (Iraq)", **victims)
    named_town = event(location="Hawija", at=(35.32, 43.77), admin1="Kirkuk", actor1="Islamic State (Iraq)", inter1=2, **victims)
    first = store.ingest(article("a", TEXT_A), [province])
    second = store.ingest(article("b", TEXT_B, source="B"), [town])
    assert second.event_ids != first.event_ids  # a province-level report cannot confirm the town
    third = store.ingest(article("c", TEXT_B + " More.", source="C"), [named_town])
    assert third.events_joined == 1 and store.count(EventFilter()) == 1
    survivor = store.article("a")["event_ids"][0]
    assert {store.article(k)["event_ids"][0] for k in "abc"} == {survivor}
    gone = ({first.event_ids[0], second.event_ids[0]} - {survivor}).pop()
    assert store.event(gone)["event_id"] == survivor and store.event(gone)["redirected_from"] == gone



NAMED_GROUP = dict(actor1="Islamic State (Iraq)", inter1=2, evidence={"event_type": [(0, 4)], "actor1": [(5, 9)]})
COUNTRY_ONLY = dict(location="Iraq", admin1=None, admin2=None, geo_precision=3, at=(31.0, 45.5))


def test_a_report_placed_only_in_the_country_finds_the_located_event(store) -> None:  # type: ignore[no-untyped-def]
    # the country's centroid is far from the town: the country-only report is compared with the whole country
    a = store.ingest(article("a", TEXT_A), [event(**NAMED_GROUP)])
    b = store.ingest(article("b", TEXT_B, source="Outlet B"), [event(**COUNTRY_ONLY, **NAMED_GROUP)])
    assert b.event_ids == a.event_ids


def test_a_located_report_finds_the_event_placed_only_in_the_country(store) -> None:  # type: ignore[no-untyped-def]
    a = store.ingest(article("a", TEXT_A), [event(**COUNTRY_ONLY, **NAMED_GROUP)])
    b = store.ingest(article("b", TEXT_B, source="Outlet B"), [event(**NAMED_GROUP)])
    assert b.event_ids == a.event_ids


def test_an_actor_every_outlet_left_to_the_default_does_not_keep_a_named_report_out(store) -> None:  # type: ignore[no-untyped-def]
    shelling = dict(sub_event_type="Shelling/artillery/missile attack", actor2="Civilians (Iraq)", inter2=7)
    defaulted = event(**shelling, actor1="Military Forces of Iraq (2022-)", inter1=1,
                      evidence={"event_type": [(0, 4)], "actor2": [(10, 14)]})  # fmt: skip
    a = store.ingest(article("a", TEXT_A), [defaulted])
    b = store.ingest(article("b", TEXT_B, source="Outlet B"), [defaulted])
    assert b.event_ids == a.event_ids
    named = event(**shelling, actor1="Islamic State (Iraq)", inter1=2,
                  evidence={"event_type": [(0, 4)], "actor1": [(5, 9)], "actor2": [(10, 14)]})  # fmt: skip
    c = store.ingest(article("c", TEXT_B + " Shells.", source="Outlet C"), [named])
    assert c.event_ids == a.event_ids


def test_a_stored_bare_bombing_takes_the_air_strike_another_outlet_reports(store) -> None:  # type: ignore[no-untyped-def]
    bare = event(evidence={"event_type": [(0, 7)]})  # typed IED from "bombing" alone: no device evidence
    air = event(sub_event_type="Air/drone strike", evidence={"event_type": [(0, 7)], "sub_event_type": [(0, 7)]})
    a = store.ingest(article("a", TEXT_A), [bare])
    b = store.ingest(article("b", TEXT_B, source="Outlet B"), [air])
    assert b.event_ids == a.event_ids
    assert store.event(a.event_ids[0])["sub_event_type"] == "Air/drone strike"
    c = store.ingest(article("c", TEXT_B + " Bomb.", source="Outlet C"), [event()])  # a roadside bomb: named
    assert c.event_ids != a.event_ids


def test_one_articles_events_take_stored_events_best_fit_first_not_in_text_order(store) -> None:  # type: ignore[no-untyped-def]
    attack = dict(event_type="Violence against civilians", sub_event_type="Attack")
    stored = store.ingest(article("a", TEXT_A), [event(**attack, sublocation="Karrada")])
    looser = event(event_id="local-1", event_type="Battles", sub_event_type="Armed clash", actor2=None, inter2=None)
    closer = event(event_id="local-2", **attack, sublocation="Karrada")
    both = store.ingest(article("b", TEXT_B, source="Outlet B"), [looser, closer])
    assert both.event_ids[1] == stored.event_ids[0] and both.event_ids[0] != stored.event_ids[0]


def test_a_province_report_joins_an_event_one_outlet_placed_near_the_provinces_namesake_city(store) -> None:  # type: ignore[no-untyped-def]
    victims = {"actor2": "Civilians (Iraq)", "inter2": 7, "evidence": {"event_type": [(0, 4)], "sub_event_type": [(0, 4)],
                                                                     "actor2": [(10, 14)]}}  # fmt: skip
    town = event(location="Abu Ghraib", at=(33.29, 44.07), admin2="Abu Ghraib", **victims)
    near_city = event(geo_precision=2, **victims)  # "near Baghdad"
    province = event(geo_precision=3, at=(33.34, 44.40), **victims)  # "in Baghdad province"
    a = store.ingest(article("a", TEXT_A), [town])
    b = store.ingest(article("b", TEXT_B, source="Outlet B"), [near_city])
    assert b.event_ids == a.event_ids and store.event(a.event_ids[0])["location"] == "Abu Ghraib"
    c = store.ingest(article("c", TEXT_B + " Province.", source="Outlet C"), [province])
    assert c.event_ids == a.event_ids
