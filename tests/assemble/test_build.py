from datetime import date

from marsad.assemble import assemble
from marsad.document import Document
from marsad.model import Actor, ActorMention, Article, Mention, Place, Roles, Toponym
from marsad.taxonomy import event_type_of

TEXT = "Gunmen from Kata'ib Example attacked a police post in Alpha. The police returned fire. Two died."
ALPHA = Place("Alpha", 32.51234, 45.81876, "Iraq", "IQ", "Wasit", "Kut District", geonameid=11)
POLICE = Actor("Police Forces of Iraq", 1, "Iraq")
MILITIA = Actor("Kata'ib Example", 3, "Iraq")
GANG = Actor("Unidentified Armed Group (Iraq)", 3, "Iraq")


def doc_with(*mentions: Mention) -> Document:
    doc = Document(Article(text=TEXT, id="a1", source="Wire"))
    doc.sentences = [(0, 60), (61, 85), (86, 96)]
    doc.mentions = list(mentions)
    return doc


def mention(sentence: tuple[int, int], trigger: tuple[int, int], sub: str, a1=None, a2=None, fatalities=0) -> Mention:
    toponym = Toponym(54, 59, "Alpha", ALPHA)
    return Mention(sentence, trigger, event_type_of(sub), sub, roles=Roles(actor1=a1, actor2=a2), toponym=toponym,
                   event_date=date(2024, 2, 1), dated_in_sentence=True, fatalities=fatalities,
                   evidence={"sub_event_type": [trigger]})


def test_assembled_event_fills_acled_fields_from_the_lead_mention():
    named = ActorMention(12, 27, "Kata'ib Example", MILITIA)
    police = ActorMention(39, 45, "police", POLICE)
    doc = doc_with(mention((0, 60), (28, 36), "Attack", named, police),
                   mention((61, 85), (72, 84), "Armed clash", ActorMention(65, 71, "police", POLICE), None, fatalities=2))
    assemble(doc)
    (event,) = doc.events
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.interaction == 13 and event.fatalities == 2
    assert (event.location, event.admin1, event.country, event.iso) == ("Alpha", "Wasit", "Iraq", 368)
    assert (event.latitude, event.longitude) == (32.5123, 45.8188)
    assert event.source == "Wire" and event.article_id == "a1"
    assert event.plover == {"event": "ASSAULT", "mode": "firearms"} and event.cameo == "19"
    assert event.evidence["sub_event_type"] == [(28, 36), (72, 84)]


def test_a_named_actor_replaces_a_default_from_another_mention():
    default = ActorMention(28, 28, "", GANG)
    named = ActorMention(12, 27, "Kata'ib Example", MILITIA)
    police = ActorMention(39, 45, "police", POLICE)
    doc = doc_with(mention((0, 60), (28, 36), "Armed clash", default, police),
                   mention((61, 85), (72, 84), "Armed clash", named, police))
    assemble(doc)
    assert [e.actor1 for e in doc.events] == ["Kata'ib Example"]


def test_violence_against_civilians_is_marked_civilian_targeting():
    civilians = ActorMention(86, 89, "Two", Actor("Civilians (Iraq)", 7, "Iraq"))
    doc = doc_with(mention((0, 60), (28, 36), "Attack", ActorMention(12, 27, "x", MILITIA), civilians))
    assemble(doc)
    assert doc.events[0].civilian_targeting == "Civilians targeted"
    assert doc.events[0].interaction == 37


def test_event_ids_are_stable_and_distinct():
    doc = doc_with(mention((0, 60), (28, 36), "Attack", ActorMention(12, 27, "x", MILITIA)))
    assemble(doc)
    again = doc_with(mention((0, 60), (28, 36), "Attack", ActorMention(12, 27, "x", MILITIA)))
    assemble(again)
    assert doc.events[0].event_id == again.events[0].event_id
    assert doc.events[0].event_id.startswith("mrsd-")


def test_a_peaceful_protest_with_arrests_is_a_protest_with_intervention():
    protesters = ActorMention(0, 6, "Gunmen", Actor("Protesters (Iraq)", 6, "Iraq"))
    doc = doc_with(mention((0, 60), (28, 36), "Peaceful protest", protesters),
                   mention((61, 85), (72, 84), "Arrests", ActorMention(65, 71, "police", POLICE)))
    assemble(doc)
    assert [e.sub_event_type for e in doc.events] == ["Protest with intervention"]


def _explosion_doc(text: str, trigger: str) -> Document:
    doc = Document(Article(text=text, id="b1", source="Wire"))
    doc.sentences = [(0, len(text))]
    start = text.index(trigger)
    doc.mentions = [mention((0, len(text)), (start, start + len(trigger)), "Remote explosive/landmine/IED")]
    return doc


def test_an_explosion_typed_from_a_bare_bombing_keeps_no_sub_event_evidence() -> None:
    vague = _explosion_doc("A bombing hit a chapel in Alpha on Thursday.", "bombing")
    assemble(vague)
    assert "sub_event_type" not in vague.events[0].evidence
    named = _explosion_doc("A car bomb hit a chapel in Alpha on Thursday.", "car bomb")
    assemble(named)
    assert named.events[0].evidence["sub_event_type"] == [(2, 10)]


def test_the_attackers_named_again_by_their_act_are_the_named_side_of_the_attack() -> None:
    text = "Kata'ib Example fighters attacked a police post in Alpha. Police returned fire and the attackers fled."
    doc = Document(Article(text=text, id="c1", source="Wire"))
    doc.sentences = [(0, 57), (58, len(text))]
    find = text.index
    militia = ActorMention(0, 15, "Kata'ib Example", MILITIA)
    police = ActorMention(find("police post"), find("police post") + 6, "police", POLICE)
    police2 = ActorMention(58, 64, "Police", POLICE)
    attackers = ActorMention(find("attackers"), find("attackers") + 9, "attackers", GANG)
    doc.mentions = [mention((0, 57), (25, 33), "Armed clash", militia, police),
                    mention((58, len(text)), (65, 78), "Armed clash", police2, attackers)]
    assemble(doc)
    assert len(doc.events) == 1
    assert {doc.events[0].actor1, doc.events[0].actor2} == {"Kata'ib Example", "Police Forces of Iraq"}
