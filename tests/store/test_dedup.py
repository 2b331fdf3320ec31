"""The matching rule on its own: which pairs of reports are one incident."""

from __future__ import annotations

from datetime import date

from marsad.store.dedup import ActorRef, Facts, actor_relation, match_score

UAG = ActorRef("Unidentified Armed Group (Iraq)", 3)
CIV = ActorRef("Civilians (Iraq)", 7)
ISIS = ActorRef("Islamic State (Iraq)", 2)
PKK = ActorRef("PKK: Kurdistan Workers Party", 2)


def facts(**kw) -> Facts:  # type: ignore[no-untyped-def]
    base = dict(event_date=date(2024, 3, 4), time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Remote explosive/landmine/IED", country="Iraq", admin1="Baghdad",
                admin2="Baghdad", location="Baghdad", latitude=33.3152, longitude=44.3661, geo_precision=1,
                actors=(UAG, CIV))  # fmt: skip
    base.update(kw)
    return Facts(**base)  # type: ignore[arg-type]


def test_same_day_same_city_same_type_matches() -> None:
    assert match_score(facts(), facts(latitude=33.33, longitude=44.40)) is not None


def test_spelling_variants_of_sublocation_match() -> None:
    assert match_score(facts(sublocation="Karrada district"), facts(sublocation="al-Karrada")) is not None
    assert match_score(facts(sublocation="Karrada"), facts(sublocation="Karada")) is not None


def test_different_districts_same_day_stay_apart() -> None:
    assert match_score(facts(sublocation="Karrada"), facts(sublocation="Sadr City")) is None


def test_acled_city_district_locations_stay_apart() -> None:
    assert match_score(facts(location="Baghdad - Karrada"), facts(location="Baghdad - Sadr City")) is None


def test_exact_dates_one_day_apart_stay_apart() -> None:
    assert match_score(facts(), facts(event_date=date(2024, 3, 5))) is None


def test_week_precision_widens_the_date_window() -> None:
    assert match_score(facts(), facts(event_date=date(2024, 3, 8), time_precision=2)) is not None
    assert match_score(facts(), facts(event_date=date(2024, 3, 20), time_precision=2)) is None


def test_towns_twenty_km_apart_stay_apart() -> None:
    assert match_score(facts(), facts(location="Abu Ghraib", latitude=33.29, longitude=44.07)) is None


def test_near_a_town_matches_within_the_wider_radius() -> None:
    near = facts(geo_precision=2)  # "near Baghdad"
    assert match_score(facts(location="Abu Ghraib", latitude=33.29, longitude=44.07), near) is not None


def test_near_a_smaller_town_is_not_the_city_the_other_report_names() -> None:
    # outlets locate an event by the larger place nearby: "on the outskirts of Mahmudiya" is not Baghdad
    near_small = facts(location="Mahmudiya", admin2="Mahmudiya", latitude=33.06, longitude=44.36, geo_precision=2)
    assert match_score(facts(), near_small) is None
    assert match_score(facts(location="Mahmudiya", admin2="Mahmudiya", latitude=33.06, longitude=44.36),
                       facts(geo_precision=2)) is not None  # fmt: skip


def test_different_countries_stay_apart() -> None:
    assert match_score(facts(), facts(country="Syria")) is None


def test_protest_and_bombing_stay_apart() -> None:
    protest = facts(event_type="Protests", sub_event_type="Peaceful protest", actors=(ActorRef("Protesters (Iraq)", 6),))
    assert match_score(facts(), protest) is None


def test_protest_and_riot_are_compatible_types() -> None:
    a = facts(event_type="Protests", sub_event_type="Peaceful protest", actors=(ActorRef("Protesters (Iraq)", 6),))
    b = facts(event_type="Riots", sub_event_type="Violent demonstration", actors=(ActorRef("Protesters (Iraq)", 6),))
    assert match_score(a, b) is not None
    assert match_score(b, facts()) is None  # a riot is not a bombing


def test_strategic_developments_match_only_the_same_sub_type() -> None:
    a = facts(event_type="Strategic developments", sub_event_type="Arrests", actors=())
    b = facts(event_type="Strategic developments", sub_event_type="Agreement", actors=())
    assert match_score(a, b) is None
    assert match_score(a, a) is not None


def test_unidentified_group_is_compatible_with_a_named_armed_group() -> None:
    assert actor_relation(UAG, ISIS) == "compatible"
    assert match_score(facts(), facts(actors=(ISIS, CIV))) is not None


def test_two_named_armed_groups_conflict() -> None:
    assert actor_relation(ISIS, PKK) == "conflict"
    assert match_score(facts(actors=(ISIS, CIV)), facts(actors=(PKK, CIV))) is None


def test_military_and_police_of_the_same_state_are_compatible() -> None:
    army = ActorRef("Military Forces of Iraq (2020-)", 1)
    police = ActorRef("Police Forces of Iraq (2020-)", 1)
    assert actor_relation(army, police) == "compatible"
    assert actor_relation(army, ISIS) == "unrelated"


def test_foreign_and_host_state_forces_are_compatible_for_joint_strikes() -> None:
    syria, russia = ActorRef("Military Forces of Syria (2000-)", 1), ActorRef("Military Forces of Russia (2000-)", 8)
    assert actor_relation(syria, russia) == "compatible"


def test_two_foreign_state_forces_are_different_actors() -> None:
    usa, russia = ActorRef("Military Forces of the United States (2021-)", 8), ActorRef("Military Forces of Russia (2000-)", 8)
    assert actor_relation(usa, russia) == "unrelated"


def test_no_actors_on_one_side_does_not_block_a_match() -> None:
    assert match_score(facts(), facts(actors=())) is not None


def test_score_prefers_the_same_sub_event_type() -> None:
    same = match_score(facts(), facts())
    other = match_score(facts(), facts(sub_event_type="Suicide bomb"))
    assert same is not None and other is not None and same > other


def test_described_sublocations_do_not_split_an_incident() -> None:
    assert match_score(facts(sublocation="vegetable market"), facts(sublocation="popular market")) is not None
    assert match_score(facts(sublocation="Monday Market"), facts(sublocation="market")) is not None


def test_named_sublocation_inside_a_longer_name_matches() -> None:
    assert match_score(facts(sublocation="Monday Market"), facts(sublocation="Maiduguri Monday market")) is not None


def test_actor_pairs_must_correspond_when_both_reports_name_two_sides() -> None:
    police = ActorRef("Police Forces of Iraq (2020-)", 1)
    on_police = facts(event_type="Battles", sub_event_type="Armed clash", actors=(ISIS, police), actor1=ISIS, actor2=police)
    on_civilians = facts(actors=(UAG, CIV), actor1=UAG, actor2=CIV)
    assert match_score(on_police, on_civilians) is None
    crossed = facts(actors=(police, UAG), actor1=police, actor2=UAG)
    assert match_score(on_police, crossed) is not None


def test_protesters_and_rioters_of_one_crowd_are_compatible() -> None:
    assert actor_relation(ActorRef("Protesters (Kenya)", 6), ActorRef("Rioters (Kenya)", 5)) == "compatible"


def test_a_faction_is_compatible_with_its_parent_group_but_not_a_match() -> None:
    parent, faction = ActorRef("Sinaloa Cartel", 3), ActorRef("Sinaloa Cartel: Chapitos Faction", 3)
    assert actor_relation(parent, faction) == "compatible"


def test_a_report_placed_only_in_the_country_merges_on_the_same_named_actor() -> None:
    police = ActorRef("Police Forces of Kenya (2022-)", 1)
    crowd = ActorRef("Protesters (Kenya)", 6)
    base = dict(country="Kenya", event_type="Protests", sub_event_type="Excessive force against protesters",
                actors=(crowd, police), actor1=crowd, actor2=police)  # fmt: skip
    located = facts(location="Nairobi", admin1="Nairobi", latitude=-1.28, longitude=36.82, **base)
    unplaced = facts(location=None, admin1=None, admin2=None, latitude=None, longitude=None, **base)
    assert match_score(located, unplaced) is not None


def test_a_report_placed_only_in_the_country_does_not_merge_on_generic_actors() -> None:
    country_only = facts(location="Iraq", admin1=None, admin2=None)
    assert match_score(facts(), country_only) is None


def test_the_town_name_inside_a_sublocation_does_not_make_it_distinct() -> None:
    a = facts(location="Karachi", sublocation="Jinnah International Airport")
    b = facts(location="Karachi", sublocation="Karachi airport")
    assert match_score(a, b) is not None


def test_a_province_level_report_needs_the_same_named_actor_to_join_a_town_level_one() -> None:
    town = facts(actors=(UAG, CIV), actor1=UAG, actor2=CIV)
    province = facts(location="Kirkuk", latitude=35.47, longitude=44.39, geo_precision=3, admin1="Baghdad",
                     actors=(UAG, CIV), actor1=UAG, actor2=CIV)  # fmt: skip
    assert match_score(town, province) is None
    army = ActorRef("Military Forces of Iraq (2020-)", 1)
    named_town = facts(actors=(ISIS, army), actor1=ISIS, actor2=army)
    named_province = facts(location="Kirkuk", geo_precision=3, actors=(ISIS, army), actor1=ISIS, actor2=army)
    assert match_score(named_town, named_province) is not None


def test_a_region_and_the_town_of_the_same_name_are_one_place() -> None:
    # gazetteers hold both the capital district and the city: "Bamako" the district (precision 3) and the city
    district = facts(geo_precision=3, latitude=33.30, longitude=44.40, actors=(UAG,))
    city = facts(actors=(CIV,), sub_event_type="Suicide bomb")
    assert match_score(district, city) is not None
    other = facts(location="Abu Ghraib", admin2="Abu Ghraib", latitude=33.29, longitude=44.06, actors=(CIV,),
                  sub_event_type="Suicide bomb")  # fmt: skip
    assert match_score(district, other) is None


def test_unnamed_jihadists_fit_the_group_another_outlet_names() -> None:
    jihadists = ActorRef("Islamist Militia (Iraq)", 3)
    army = ActorRef("Military Forces of Iraq (2022-)", 1)
    clash = dict(event_type="Battles", sub_event_type="Armed clash")
    a = facts(**clash, actors=(jihadists, army), actor1=jihadists, actor2=army)
    b = facts(**clash, actors=(ISIS, army), actor1=ISIS, actor2=army)
    assert actor_relation(jihadists, ISIS) == "compatible"
    assert match_score(a, b) is not None


def test_a_state_force_unit_is_compatible_with_the_same_states_army() -> None:
    gendarmes = ActorRef("Police Forces of Cameroon (1982-) Gendarmerie", 1)
    assert actor_relation(gendarmes, ActorRef("Military Forces of Cameroon (1982-)", 1)) == "compatible"
    assert actor_relation(ActorRef("Military Forces of Niger (2023-)", 1),
                          ActorRef("Military Forces of Nigeria (2023-)", 1)) != "compatible"


def test_one_attackers_victims_called_fighters_by_one_outlet_and_civilians_by_another_match() -> None:
    jets = ActorRef("Military Forces of Turkey (2016-)", 8)
    on_fighters = facts(sub_event_type="Air/drone strike", actors=(jets, PKK), actor1=jets, actor2=PKK)
    on_civilians = facts(sub_event_type="Air/drone strike", actors=(jets, CIV), actor1=jets, actor2=CIV)
    assert match_score(on_fighters, on_civilians) is not None


def test_disputed_victims_need_the_same_named_attacker() -> None:
    on_fighters = facts(actors=(ISIS, PKK), actor1=ISIS, actor2=PKK)
    by_unknown = facts(actors=(UAG, CIV), actor1=UAG, actor2=CIV)
    assert match_score(on_fighters, by_unknown) is None


AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"


def test_a_bombing_that_names_no_device_fits_an_air_strike_but_a_named_device_does_not() -> None:
    bare = facts(device_known=False)  # "a bombing" typed IED by default, no device word
    assert match_score(bare, facts(sub_event_type=AIR)) is not None
    assert match_score(facts(), facts(sub_event_type=AIR)) is None  # a roadside bomb is no air strike
    assert match_score(facts(sub_event_type=SHELL), facts(sub_event_type="Suicide bomb")) is None


def test_a_bare_blast_prefers_the_bombing_over_the_shelling_of_the_same_day() -> None:
    bare = facts(device_known=False, actors=())
    suicide = match_score(bare, facts(sub_event_type="Suicide bomb"))
    shelling = match_score(bare, facts(sub_event_type=SHELL))
    assert suicide is not None and shelling is not None and suicide > shelling


def test_a_province_report_fits_an_event_one_of_whose_reports_named_the_provinces_namesake_town() -> None:
    # the canonical event sits in a town 25 km away; one of its reports said "near Baghdad" (the region's city)
    province = facts(geo_precision=3, actors=(CIV,))
    event = facts(location="Abu Ghraib", latitude=33.29, longitude=44.07, actors=(CIV,))
    assert match_score(province, event) is None
    linked = facts(location="Abu Ghraib", latitude=33.29, longitude=44.07, actors=(CIV,), report_locations=("Baghdad",))
    assert match_score(province, linked) is not None


def test_a_report_agreeing_with_one_report_of_an_event_scores_as_agreeing_with_the_event() -> None:
    # the canonical type is the highest among the reports (a takeover); one outlet called it an attack
    attack = facts(event_type="Violence against civilians", sub_event_type="Attack", actors=(CIV,))
    takeover = dict(event_type="Battles", sub_event_type="Non-state actor overtakes territory", actors=(CIV,))
    plain = match_score(attack, facts(**takeover))
    told = match_score(attack, facts(**takeover, report_sub_types=("Attack",)))
    assert plain is not None and told is not None and told > plain
