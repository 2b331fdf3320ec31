"""Sub-event classification of sentences written for these tests (never taken from gold data)."""

from __future__ import annotations

import pytest

from marsad._exceptions import InputError
from marsad.detect import Detection, classify

ONE_PER_SUB_EVENT = [
    ("Government troops recaptured the town of Marvale from the rebels on Sunday.",
     "Battles", "Government regains territory"),
    ("Insurgents overran an army base and took control of the district on Tuesday.",
     "Battles", "Non-state actor overtakes territory"),
    ("Soldiers and rebels exchanged fire near the border, leaving four fighters dead.",
     "Battles", "Armed clash"),
    ("Security forces opened fire on peaceful protesters, killing five.",
     "Protests", "Excessive force against protesters"),
    ("Police fired tear gas to disperse hundreds of protesters outside parliament.",
     "Protests", "Protest with intervention"),
    ("Hundreds of teachers marched through the capital demanding higher pay.",
     "Protests", "Peaceful protest"),
    ("Protesters threw stones at police and burned tyres in the city centre.",
     "Riots", "Violent demonstration"),
    ("An angry mob lynched a man accused of stealing a cow.",
     "Riots", "Mob violence"),
    ("Doctors said dozens of villagers were treated after a sarin attack on the town.",
     "Explosions/Remote violence", "Chemical weapon"),
    ("Warplanes struck a market in the town, killing twelve civilians.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint, killing three policemen.",
     "Explosions/Remote violence", "Suicide bomb"),
    ("Artillery shells hit residential areas of the city overnight.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded near a military convoy, wounding two soldiers.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Unknown attackers hurled a grenade into a bar, injuring seven people.",
     "Explosions/Remote violence", "Grenade"),
    ("Two girls were raped by armed men in the village.",
     "Violence against civilians", "Sexual violence"),
    ("Gunmen shot dead a shopkeeper in the market on Monday.",
     "Violence against civilians", "Attack"),
    ("Armed men abducted three aid workers on the road to the airport.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("The government and the rebels signed a ceasefire agreement on Friday.",
     "Strategic developments", "Agreement"),
    ("Police arrested the opposition leader at his home on Monday.",
     "Strategic developments", "Arrests"),
    ("The army deployed thousands of troops to the northern province.",
     "Strategic developments", "Change to group/activity"),
    ("Bomb disposal experts defused an explosive device found near the school.",
     "Strategic developments", "Disrupted weapons use"),
    ("Foreign troops set up a new military base near the border town.",
     "Strategic developments", "Headquarters or base established"),
    ("Unidentified men looted shops and torched houses in the village overnight.",
     "Strategic developments", "Looting/property destruction"),
    ("The militants took control of the town without a fight after government forces withdrew.",
     "Strategic developments", "Non-violent transfer of territory"),
    ("Investigators discovered a mass grave near the city.",
     "Strategic developments", "Other"),
]


@pytest.mark.parametrize(("sentence", "event_type", "sub_event_type"), ONE_PER_SUB_EVENT)
def test_classify_names_each_acled_sub_event_type(sentence: str, event_type: str, sub_event_type: str) -> None:
    detections = classify(sentence)
    assert [(d.event_type, d.sub_event_type) for d in detections] == [(event_type, sub_event_type)]


def test_the_test_sentences_cover_all_25_sub_event_types() -> None:
    assert len({sub for _s, _e, sub in ONE_PER_SUB_EVENT}) == 25


def test_detection_offsets_point_at_the_trigger_in_the_sentence() -> None:
    sentence = "On Monday, a roadside bomb killed two farmers near the market."
    (detection,) = classify(sentence)
    assert isinstance(detection, Detection)
    assert sentence[detection.start:detection.end] == "roadside bomb"
    assert 0.0 < detection.score <= 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "The central bank raised interest rates as inflation climbed to a ten-year high.",
        "Stocks rallied on Monday after quarterly earnings beat expectations.",
        "The striker scored twice as the home side won the league match 3-1.",
        "Floods killed twelve people and destroyed hundreds of homes in the south.",
        "An earthquake injured dozens of residents in the mountain villages.",
        "The film opens with a shooting in a diner and was a hit at the box office.",
        "The two foreign ministers held talks on trade and signed an agreement on tourism.",
        "The city marked the tenth anniversary of the riots with a memorial service.",
        "Three people were injured when a gas cylinder exploded in a restaurant kitchen.",
    ],
)
def test_non_event_sentences_give_no_detection(sentence: str) -> None:
    assert classify(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels threatened to attack the capital if talks failed.",
        "The group vowed to launch suicide attacks across the region.",
        "Police denied that officers had opened fire on the crowd.",
        "Officials said the army did not shell the village.",
        "Residents fear that militants could kidnap more children.",
    ],
)
def test_negated_or_hypothetical_violence_gives_no_detection(sentence: str) -> None:
    assert classify(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Hundreds of protesters clashed with police outside the governor's office.", "Violent demonstration"),
        ("Gunmen killed two civilians at a bus stop.", "Attack"),
        ("Gunmen killed two soldiers at a checkpoint.", "Armed clash"),
        ("Protesters were dispersed with tear gas and twenty were arrested.", "Protest with intervention"),
        ("Three protesters were shot dead when troops fired on the march.", "Excessive force against protesters"),
        ("Fighter jets bombed rebel positions as artillery shelled the outskirts.", "Air/drone strike"),
        ("Militants abducted and killed a village elder.", "Attack"),
        ("Rebels and soldiers fought for hours after rockets hit the base.", "Armed clash"),
        ("Police arrested five students at a peaceful sit-in against fee increases.", "Protest with intervention"),
    ],
)
def test_precedence_follows_the_acled_codebook(sentence: str, sub_event_type: str) -> None:
    assert [d.sub_event_type for d in classify(sentence)] == [sub_event_type]


def test_separate_engagements_in_one_sentence_give_several_detections() -> None:
    sentence = ("Militants clashed with troops in the north, while a roadside bomb killed "
                "two civilians in the south.")
    detections = classify(sentence)
    assert [d.sub_event_type for d in detections] == ["Armed clash", "Remote explosive/landmine/IED"]
    assert detections[0].end <= detections[1].start


def test_classify_uses_a_parse_when_given_and_works_without() -> None:
    sentence = "Soldiers clashed with rebels near the river."

    class Token:
        def __init__(self, text: str, idx: int) -> None:
            self.text, self.idx, self.pos_, self.dep_ = text, idx, "NOUN", "dep"
            self.head, self.children = self, []

    doc = [Token(w, sentence.index(w)) for w in sentence.rstrip(".").split()]
    assert classify(sentence, doc=doc) == classify(sentence)


def test_classify_rejects_non_text_input() -> None:
    with pytest.raises(InputError):
        classify(b"binary")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "sentence",
    [
        "The government is fighting corruption with a new anti-graft law.",
        "Police said a thief was arrested after a brief chase near the bus station.",
        "He recalled how soldiers shelled his village during the war in 1995.",
        "A man was killed when his car collided with a truck on the highway.",
        "Thousands of fans gathered outside the stadium to celebrate the victory.",
    ],
)
def test_ordinary_news_with_violence_words_gives_no_detection(sentence: str) -> None:
    assert classify(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Angry villagers beat a suspected thief to death in the market.", "Mob violence"),
        ("Two groups of villagers clashed with sticks over a land dispute.", "Mob violence"),
        ("Police fired tear gas and water cannon to disperse the crowd near the stadium.",
         "Protest with intervention"),
        ("Security forces arrested dozens of opposition supporters overnight.", "Arrests"),
        ("Soldiers seized a large cache of weapons and ammunition in a raid on a hideout.",
         "Disrupted weapons use"),
        ("Residents burned tyres and barricaded the main road into the town.", "Violent demonstration"),
    ],
)
def test_crowds_arrests_and_seizures_follow_the_codebook(sentence: str, sub_event_type: str) -> None:
    assert [d.sub_event_type for d in classify(sentence)] == [sub_event_type]


@pytest.mark.parametrize("sentence", ["", "   ", "٣ قتلى في هجوم", "Die Polizei nahm gestern zwei Männer fest."])
def test_empty_or_foreign_text_gives_no_detection(sentence: str) -> None:
    assert classify(sentence) == []


def test_very_long_text_is_classified_in_slices_with_offsets_into_the_text() -> None:
    filler = "The committee discussed the annual budget and the new school calendar. " * 120
    text = filler + "Gunmen shot dead a shopkeeper in the market."
    detections = classify(text)
    assert [d.sub_event_type for d in detections] == ["Attack"]
    assert text[detections[0].start:detections[0].end] == "shot dead"


def _top(sentence: str) -> tuple[str, str]:
    hits = classify(sentence)
    best = max(hits, key=lambda h: h.score)
    return best.event_type, best.sub_event_type


def test_fighting_between_two_sides_is_a_clash_even_when_people_are_killed() -> None:
    assert _top("Fighting between rival militias in the port city killed at least six people on Monday.") == (
        "Battles", "Armed clash")


def test_explosives_and_gunfire_together_are_a_clash() -> None:
    assert _top("Militants killed nine soldiers after hitting their convoy with explosives and gunfire.") == (
        "Battles", "Armed clash")


def test_sides_that_fought_with_heavy_weapons_clashed() -> None:
    assert _top("Five people died as two armed groups fought with heavy weapons in the old town.") == (
        "Battles", "Armed clash")


def test_the_bomber_of_a_bombing_is_a_person_not_an_aircraft() -> None:
    sentence = "The toll from Sunday's bombing of a bus rose to five, including the bomber."
    assert all(h.sub_event_type != "Air/drone strike" for h in classify(sentence))
    assert _top("Russian bombers struck the town overnight.") == ("Explosions/Remote violence", "Air/drone strike")


def test_a_raid_named_as_the_time_of_another_act_is_background_even_after_a_possessive_day() -> None:
    # "after Sunday's raid": the raid sets the time of the fleeing, it is no clash of its own
    sentence = "Villagers who fled Dolo after Sunday's bandit raid said the attackers went house to house."
    assert all(not (h.sub_event_type == "Armed clash" and h.score >= 0.6) for h in classify(sentence))


def test_state_forces_that_struck_a_facility_made_a_strike_from_afar() -> None:
    assert _top("The navy said its forces struck a drone storage facility on the coast overnight.") == (
        "Explosions/Remote violence", "Air/drone strike")
    assert not any(h.sub_event_type == "Air/drone strike" for h in classify("Gunmen struck a village at dawn."))


def _types(sentence: str) -> list[tuple[str, str]]:
    return [(d.event_type, d.sub_event_type) for d in classify(sentence)]


def test_a_named_armed_group_from_the_actor_dictionary_is_armed_context() -> None:
    # no cue word ("gunmen", "militia") names the group; the dictionary does
    assert _types("Ten Imbonerakure attacked an opposition member in the commune.") == [
        ("Violence against civilians", "Attack")]


def test_an_armed_group_handing_out_food_is_a_change_to_group_activity() -> None:
    assert _types("Members of the Sinaloa Cartel delivered food packages to families in the town.") == [
        ("Strategic developments", "Change to group/activity")]


def test_a_charity_handing_out_food_is_no_event() -> None:
    assert _types("Volunteers of a local charity delivered food packages to families in the town.") == []


def test_a_seizure_counted_with_thousands_separators_is_property_seizure() -> None:
    assert _types("Police seized 685,000 packs of smuggled cigarettes hidden in two warehouses.") == [
        ("Strategic developments", "Looting/property destruction")]


def test_burning_debris_to_demand_something_is_a_violent_demonstration() -> None:
    assert _types("Residents were burning debris in the street to demand fuel deliveries.") == [
        ("Riots", "Violent demonstration")]


def test_a_road_blocked_to_demand_aid_is_a_protest_even_in_a_story_about_floods() -> None:
    assert _types("Victims of last week's floods blocked the main road to demand relief supplies.") == [
        ("Protests", "Peaceful protest")]


def test_a_seizure_of_munitions_is_disrupted_weapons_use() -> None:
    assert _types("Police seized several hundred munitions in an abandoned farmhouse.") == [
        ("Strategic developments", "Disrupted weapons use")]


def test_fire_from_infantry_fighting_vehicles_is_shelling_but_a_fired_tank_heater_is_not() -> None:
    assert _types("Separatist forces fired IFVs at army positions near the village.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert _types("The family fired up their water tank heater.") == []


def test_a_car_set_alight_by_a_group_of_residents_is_mob_violence() -> None:
    assert _types("The car of a local trader was set alight by a group of residents.") == [("Riots", "Mob violence")]
