from datetime import date

from marsad.assemble.merge import group_mentions
from marsad.taxonomy import event_type_of
from marsad.model import Actor, ActorMention, Mention, Place, Roles, Toponym

TOWN_A = Place("Alpha", 10.0, 20.0, "Iraq", "IQ", "Wasit", geonameid=1)
TOWN_B = Place("Beta", 11.0, 21.0, "Iraq", "IQ", "Basra", geonameid=2)
POLICE = Actor("Police Forces of Iraq", 1, "Iraq")
ARMY = Actor("Military Forces of Iraq", 1, "Iraq")
MILITIA = Actor("Kata'ib Example", 3, "Iraq")
GANG = Actor("Unidentified Armed Group (Iraq)", 3, "Iraq")
CIVILIANS = Actor("Civilians (Iraq)", 7, "Iraq")


def mention(at: int, sub: str, place: Place | None, a1: Actor | None = None, a2: Actor | None = None, day=date(2024, 1, 2), own_date: bool = True) -> Mention:
    roles = Roles(
        actor1=ActorMention(at, at + 1, "x", a1) if a1 else None,
        actor2=ActorMention(at + 2, at + 3, "y", a2) if a2 else None,
    )
    toponym = Toponym(at + 5, at + 6, place.name, place) if place else None
    return Mention((at, at + 50), (at, at + 1), event_type_of(sub), sub, roles=roles, toponym=toponym, event_date=day, dated_in_sentence=own_date)


def test_same_day_place_and_actors_merge_into_one_event():
    groups = group_mentions([mention(0, "Armed clash", TOWN_A, POLICE, MILITIA), mention(100, "Armed clash", TOWN_A, MILITIA, POLICE)])
    assert len(groups) == 1


def test_different_words_for_one_states_forces_merge():
    groups = group_mentions([mention(0, "Armed clash", TOWN_A, POLICE, MILITIA), mention(100, "Armed clash", TOWN_A, ARMY, MILITIA)])
    assert len(groups) == 1


def test_mention_without_actors_joins_the_engagement():
    groups = group_mentions([mention(0, "Armed clash", TOWN_A, POLICE, MILITIA), mention(100, "Attack", TOWN_A)])
    assert len(groups) == 1


def test_different_places_stay_apart():
    groups = group_mentions([mention(0, "Armed clash", TOWN_A, POLICE, MILITIA), mention(100, "Armed clash", TOWN_B, POLICE, MILITIA)])
    assert len(groups) == 2


def test_different_days_stay_apart():
    groups = group_mentions([
        mention(0, "Armed clash", TOWN_A, POLICE, MILITIA),
        mention(100, "Armed clash", TOWN_A, POLICE, MILITIA, day=date(2024, 1, 3)),
    ])
    assert len(groups) == 2


def test_different_actor_pairs_stay_apart():
    groups = group_mentions([mention(0, "Armed clash", TOWN_A, POLICE, GANG), mention(100, "Abduction/forced disappearance", TOWN_A, GANG, CIVILIANS)])
    assert len(groups) == 2


def test_merged_event_is_typed_by_acled_precedence():
    groups = group_mentions([mention(0, "Attack", TOWN_A, MILITIA, POLICE), mention(100, "Armed clash", TOWN_A, POLICE, MILITIA)])
    assert groups[0].lead.sub_event_type == "Armed clash"


def test_a_region_and_a_town_inside_it_merge():
    region = Place("Wasit", 32.5, 45.8, "Iraq", "IQ", "Wasit", kind="admin1", geonameid=9)
    groups = group_mentions([mention(0, "Armed clash", region), mention(100, "Armed clash", TOWN_A, POLICE, MILITIA)])
    assert len(groups) == 1


def test_a_date_borrowed_from_context_does_not_split_an_event():
    groups = group_mentions([
        mention(0, "Attack", TOWN_A, GANG, CIVILIANS, day=date(2024, 1, 5), own_date=False),
        mention(100, "Attack", TOWN_A, GANG, CIVILIANS, day=date(2024, 1, 4)),
    ])
    assert len(groups) == 1


def test_a_default_actor_the_text_does_not_name_does_not_split_an_event():
    named = mention(0, "Remote explosive/landmine/IED", TOWN_A, MILITIA, ARMY)
    default = mention(100, "Remote explosive/landmine/IED", TOWN_A, GANG, ARMY)
    default.roles.actor1 = ActorMention(100, 100, "", GANG)  # no span: a default
    assert len(group_mentions([named, default])) == 1


def test_a_headline_mention_joins_the_body_event_of_its_type_wherever_it_places_it():
    headline = mention(0, "Armed clash", TOWN_B, POLICE, GANG)
    body = mention(100, "Armed clash", TOWN_A, POLICE, GANG)
    groups = group_mentions([headline, body], headline=(0, 40))
    assert len(groups) == 1 and len(groups[0].mentions) == 2


def test_a_headline_mention_stands_alone_when_the_body_has_no_such_event():
    headline = mention(0, "Armed clash", TOWN_B, POLICE, GANG)
    body = mention(100, "Arrests", TOWN_A, POLICE, GANG)
    assert len(group_mentions([headline, body], headline=(0, 40))) == 2


def test_a_weak_mention_never_outranks_a_strong_one():
    strong = mention(0, "Remote explosive/landmine/IED", TOWN_A, GANG, ARMY)
    weak = mention(100, "Armed clash", TOWN_A, GANG, ARMY)
    weak.score = 0.6
    (group,) = group_mentions([strong, weak])
    assert group.lead.sub_event_type == "Remote explosive/landmine/IED"


def test_arrests_at_a_protest_merge_into_it():
    protest = mention(0, "Peaceful protest", TOWN_A, Actor("Protesters (Iraq)", 6, "Iraq"))
    arrests = mention(100, "Arrests", TOWN_A, POLICE, CIVILIANS)
    (group,) = group_mentions([protest, arrests])
    assert group.lead.sub_event_type == "Peaceful protest"


def test_killings_at_a_protest_met_with_excessive_force_merge_into_it():
    force = mention(0, "Excessive force against protesters", TOWN_A, Actor("Protesters (Iraq)", 6, "Iraq"), POLICE)
    killed = mention(100, "Attack", TOWN_A, POLICE, CIVILIANS)
    (group,) = group_mentions([force, killed])
    assert group.lead.sub_event_type == "Excessive force against protesters"
