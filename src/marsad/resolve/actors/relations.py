"""Who did what to whom, read off the spaCy dependency parse of one sentence.

Each actor mention is placed in a slot relative to the verb or noun that governs it: ``agent`` (the
subject of "attacked", the "by" phrase of "were killed by"), ``patient`` (the object, the passive
subject, "fired on X"), ``side`` (both parties of "clashes between X and Y" / "X clashed with Y"),
``assoc`` ("in cooperation with X", "backed by X", "alongside X") or ``other``. Slots closer to the
event trigger in the tree come first. The core's spaCy pipeline runs without a lemmatizer, so word
lists here are inflected forms, not lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.model import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLASH_STEMS = ("clash", "fight", "battl", "skirmish", "confront", "gunfight", "firefight", "exchang", "engag",
               "combat", "encounter", "war", "hostilit")  # fmt: skip
SUPPORT_WORDS = frozenset(
    """back backed backing support supported supporting assist assisted assisting aid aided aiding
    accompany accompanied accompanying help helped helping reinforce reinforced joined join joining
    allied organise organised organize organized organising organizing lead led leading call called
    sponsored sponsor""".split()
)
ASSOC_NOUNS = frozenset(
    """cooperation co-operation coordination collaboration conjunction support help backing assistance
    participation partnership alliance""".split()
)
AFFILIATION_WORDS = frozenset("affiliated aligned associated linked loyal tied close".split())
"""Words that make a group another's affiliate: "affiliated with X" / "loyal to X" names X, not the group."""
VICTIM_NOUNS = frozenset(
    """killing killings murder murders abduction abductions kidnapping kidnappings arrest arrests detention
    massacre death deaths rape torture assassination lynching beating execution executions disappearance
    shooting targeting bombing bombings shelling bombardment ambush""".split()
)
INSTRUMENTS = frozenset(
    """artillery drone drones aircraft helicopter helicopters jets jet warplane warplanes tank tanks
    gunship gunships strike strikes airstrike airstrikes""".split()
)
PATIENT_PREPS = frozenset("on against at upon targeting toward towards into onto".split())
SIDE_PREPS = frozenset("between among amongst".split())
PASSIVE_CLIMB = frozenset("compound amod nmod nummod appos det".split())


@dataclass
class Slot:
    mention: ActorMention
    role: str  # agent | patient | side | assoc | other
    distance: int  # dependency edges between the governing word and the trigger
    before_trigger: bool


def is_clash(token: Token) -> bool:
    return token.lower_.startswith(CLASH_STEMS)


def _span_head(doc: Doc, offset: int, mention: ActorMention) -> Token | None:
    inside = [t for t in doc if mention.start <= t.idx + offset < mention.end]
    if not inside:
        return None
    ids = {t.i for t in inside}
    for t in inside:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return inside[-1]


def _relation(token: Token) -> tuple[str, Token]:
    """Climb from a mention's head to the word that gives it a role in the event."""
    t = token
    for _ in range(8):
        dep = t.dep_
        if dep == "conj" and t.head.i != t.i:
            t = t.head
            continue
        if dep in ("nsubj", "csubj", "expl"):
            return "agent", t.head
        if dep == "nsubjpass" and any(c.dep_ == "dobj" for c in t.head.children):
            return "agent", t.head  # a passive verb has no object: the parse took "IS" for "is"
        if dep in ("nsubjpass", "csubjpass", "dobj", "obj", "iobj", "dative", "oprd"):
            return "patient", t.head
        if dep == "poss" or dep in PASSIVE_CLIMB:
            gov = t.head
            if gov.i == t.i:
                return "other", t
            if dep in ("poss", "compound", "amod", "nmod") and gov.pos_ == "NOUN" and _eventful(gov):
                return "agent", gov
            t = gov
            continue
        if dep == "pobj":
            prep = t.head
            gov = prep.head
            word = prep.lower_
            if prep.dep_ == "agent" or word == "by":
                if gov.lower_ in SUPPORT_WORDS:
                    return "assoc", gov.head
                return "agent", gov
            if word in SIDE_PREPS:
                return "side", gov
            if word in ("alongside", "beside"):
                return "assoc", gov
            if word in ("with", "to") and gov.lower_ in AFFILIATION_WORDS:
                return "assoc", gov.head  # "groups affiliated with X", "militias loyal to X": X's affiliates act
            if word == "with":
                if gov.lower_ in ASSOC_NOUNS or gov.lower_ in ("along", "together", "jointly", "allied"):
                    return "assoc", gov.head if gov.lower_ in ASSOC_NOUNS else gov
                if is_clash(gov):
                    return "side", gov
                return "other", gov
            if word in PATIENT_PREPS:
                return "patient", gov
            if word == "from":
                return "agent", gov
            if word == "of":
                if gov.lower_ in VICTIM_NOUNS:
                    return "patient", gov
                if gov.lower_ in ASSOC_NOUNS:
                    return "assoc", gov
                t = gov
                continue
            return "other", gov
        return "other", t.head
    return "other", t


def _eventful(token: Token) -> bool:
    """Nouns that name an act ("attack", "strike", "ambush"), so a modifier is its author."""
    return token.lower_.startswith(
        ("attack", "strike", "raid", "ambush", "assault", "offensive", "bomb", "shell", "fire", "shoot", "clash",
         "operation", "drone", "airstrike", "air strike", "kill", "abduct", "kidnap", "rocket", "missile", "mortar")
    )  # fmt: skip


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens of the same tree (through their lowest common ancestor)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return index[t.i] + n
    return 99


def slots(doc: Doc, offset: int, trigger: tuple[int, int], mentions: list[ActorMention]) -> list[Slot]:
    """A slot for each mention inside the sentence, ordered by closeness to the trigger."""
    trig = [t for t in doc if trigger[0] <= t.idx + offset < trigger[1]] or [t for t in doc if t.dep_ == "ROOT"]
    verbs = [t for t in trig if t.pos_ in ("VERB", "AUX")]
    anchor = verbs[0] if verbs else (trig[0] if trig else doc[0])
    out: list[Slot] = []
    for m in mentions:
        head = _span_head(doc, offset, m)
        if head is None:
            continue
        role, gov = _relation(head)
        if role == "agent" and gov.lower_ in SUPPORT_WORDS and gov.dep_ in ("acl", "amod", "relcl", "advcl"):
            role = "assoc"  # "Turkish-backed", "rebels supported by X"
        elif role == "agent" and m.actor.generic and head.dep_ in ("compound", "amod") and head.lower_ in INSTRUMENTS:
            role = "other"  # "artillery fire", "drone strike": a weapon, not yet an author
        before = m.start < trigger[0]
        out.append(Slot(m, role, _distance(gov, anchor), before))
    out.sort(key=lambda s: (s.distance, s.mention.start))
    return out
