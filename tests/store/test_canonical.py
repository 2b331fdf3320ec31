"""Merging several outlets' reports into one canonical record, by ACLED's rules."""

from __future__ import annotations

from datetime import date

from marsad.store.canonical import Report, merge
from store_factories import event


def report(key: str, source: str, published: date, **kw) -> Report:  # type: ignore[no-untyped-def]
    record = event(**kw).to_dict()
    return Report(record=record, article_key=key, source=source, url=f"https://x/{key}", published=published,
                  evidence=record["evidence"])  # fmt: skip


def test_conflicting_fatalities_take_the_lowest_reported_figure() -> None:
    row = merge([report("a", "A", date(2024, 3, 5), fatalities=7), report("b", "B", date(2024, 3, 4), fatalities=5)])
    assert row["fatalities"] == 5
    assert "7 (A)" in row["notes"] and "5 (B)" in row["notes"]


def test_an_outlet_that_reports_no_deaths_does_not_zero_the_figure() -> None:
    silent = report("b", "B", date(2024, 3, 5), fatalities=0, evidence={})
    row = merge([report("a", "A", date(2024, 3, 5), fatalities=4), silent])
    assert row["fatalities"] == 4


def test_explicit_zero_fatalities_counts_as_a_report() -> None:
    explicit = report("b", "B", date(2024, 3, 5), fatalities=0, evidence={"fatalities": [(1, 9)]})
    assert merge([report("a", "A", date(2024, 3, 5), fatalities=4), explicit])["fatalities"] == 0


def test_sources_are_joined_in_publication_order() -> None:
    row = merge([report("a", "Late Times", date(2024, 3, 6)), report("b", "Early Post", date(2024, 3, 4))])
    assert row["source"] == "Early Post; Late Times"
    assert row["article_id"] == "b"
    assert row["n_sources"] == 2


def test_highest_precedence_type_wins() -> None:
    attack = report("a", "A", date(2024, 3, 5), event_type="Violence against civilians", sub_event_type="Attack")
    bomb = report("b", "B", date(2024, 3, 5))
    row = merge([attack, bomb])
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_named_actor_is_preferred_over_an_unidentified_group() -> None:
    named = report("b", "B", date(2024, 3, 6), actor1="Islamic State (Iraq)", inter1=2)
    row = merge([report("a", "A", date(2024, 3, 5)), named])
    assert row["actor1"] == "Islamic State (Iraq)"
    assert row["interaction"] == 27


def test_most_precise_location_and_its_coordinates_are_kept() -> None:
    vague = report("a", "A", date(2024, 3, 5), geo_precision=2, location="Baghdad", at=(33.0, 44.0))
    exact = report("b", "B", date(2024, 3, 6), sublocation="Karrada", at=(33.303, 44.42))
    row = merge([vague, exact])
    assert (row["sublocation"], row["latitude"], row["geo_precision"]) == ("Karrada", 33.303, 1)


def test_injuries_take_the_lowest_reported_figure_and_ignore_unreported() -> None:
    row = merge([report("a", "A", date(2024, 3, 5), injuries=12), report("b", "B", date(2024, 3, 5), injuries=None),
                 report("c", "C", date(2024, 3, 5), injuries=9)])  # fmt: skip
    assert row["injuries"] == 9


def test_an_actor_the_extractor_defaulted_does_not_become_the_canonical_actor() -> None:
    # "artillery shells hit the camp": the army is a default (no evidence span); the other outlet names the group
    defaulted = report("a", "A", date(2024, 3, 5), actor1="Military Forces of Iraq (2022-)", inter1=1,
                       evidence={"event_type": [(0, 5)], "actor2": [(9, 14)]})  # fmt: skip
    spans = {"event_type": [(0, 5)], "actor1": [(6, 11)], "actor2": [(12, 20)]}
    named = report("b", "B", date(2024, 3, 6), evidence=spans)
    assert merge([defaulted, named])["actor1"] == "Unidentified Armed Group (Iraq)"


def test_a_report_that_names_the_device_types_the_explosion_before_a_bare_bombing() -> None:
    bare = report("a", "A", date(2024, 3, 4), evidence={"event_type": [(0, 7)]})  # "bombing": IED by default
    air = report("b", "B", date(2024, 3, 5), sub_event_type="Grenade",
                 evidence={"event_type": [(0, 7)], "sub_event_type": [(0, 7)]})  # fmt: skip
    assert merge([bare, air])["sub_event_type"] == "Grenade"
