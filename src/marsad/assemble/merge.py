"""ACLED's disaggregation inside one article: one event per day, place and actor pair.

Mentions of the same engagement (same day, same place, the same actors or a subset of them) merge into
one event typed by ACLED's precedence order; different places, days or actor pairs stay separate events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.model import ActorMention, Mention, Place
from marsad.taxonomy import rank


@dataclass
class MentionGroup:
    """The mentions that make one event."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def day(self) -> date | None:
        """The day the group's own sentences name; a date borrowed from context does not split events."""
        return next((m.event_date for m in self.mentions if m.event_date and m.dated_in_sentence), None)

    @property
    def places(self) -> list[Place]:
        return [m.toponym.place for m in self.mentions if m.toponym and m.toponym.place]

    @property
    def actors(self) -> frozenset[str]:
        return frozenset().union(*(actor_keys(m) for m in self.mentions))

    @property
    def lead(self) -> Mention:
        """The mention that types the event: highest precedence, then the most complete roles."""
        return min(
            self.mentions,
            key=lambda m: (m.score < STRONG, rank(m.sub_event_type), -len(actor_keys(m)), -m.score),
        )


STRONG = 0.8
"""Detections scored below this come from weak cues ("fighters are active", "targeted"): they never
outrank a strong trigger when mentions merge (measured: ACLED dev event_type 0.887 -> 0.901)."""


ACT_NOUNS = frozenset("attackers attacker assailants assailant raiders perpetrators culprits".split())
"""Words that name a group only by what it did: "the attackers" are the side of the attack reported."""


def place_key(mention: Mention) -> tuple[object, ...] | None:
    toponym = mention.toponym
    if toponym is None or toponym.place is None:
        return None
    place = toponym.place
    return (place.geonameid, place.name.lower(), place.country_code)


def actor_key(actor: ActorMention | None) -> str | None:
    if actor is None or actor.start == actor.end:
        return None  # a default the text does not name ("Unidentified Armed Group") fits any engagement
    if actor.actor.name.lower().startswith(("unidentified", "unknown")) and actor.text.lower() in ACT_NOUNS:
        return None  # "the attackers fled": a group named only by the act refers back, it is no new side
    # Different words for one state's forces ("police patrol", "security forces") are one actor here.
    if actor.actor.inter == 1 and actor.actor.country:
        return f"state:{actor.actor.country.lower()}"
    return actor.actor.name.lower()


def actor_keys(mention: Mention) -> frozenset[str]:
    keys = (actor_key(mention.roles.actor1), actor_key(mention.roles.actor2))
    return frozenset(k for k in keys if k)


_REGION_KINDS = frozenset({"admin1", "admin2"})


def same_area(a: Place, b: Place) -> bool:
    """The same place, or a region and a place inside it ("Basra governorate" and "central Basra")."""
    if (a.geonameid, a.name.lower(), a.country_code) == (b.geonameid, b.name.lower(), b.country_code):
        return True
    if a.country_code != b.country_code:
        return False
    for region, inner in ((a, b), (b, a)):
        if region.kind == "admin1" and inner.admin1 and inner.admin1 == (region.admin1 or region.name):
            return True
        if region.kind == "admin2" and inner.admin2 and inner.admin2 == (region.admin2 or region.name):
            return True
    return False


def _compatible(group: MentionGroup, mention: Mention) -> bool:
    day = group.day
    other_day = mention.event_date if mention.dated_in_sentence else None
    if day and other_day and day != other_day:
        return False
    other_place = mention.toponym.place if mention.toponym else None
    if other_place and not all(same_area(p, other_place) for p in group.places):
        return False
    if _arrests_at_protest(group, mention) or _killings_at_protest(group, mention):
        return True
    mine, theirs = group.actors, actor_keys(mention)
    return not mine or not theirs or mine <= theirs or theirs <= mine


def _killings_at_protest(group: MentionGroup, mention: Mention) -> bool:
    """'Police fired live rounds at students demanding reform; 25 people were killed': the killings are
    the excessive force against that protest, not a second event (ACLED)."""
    subs = {m.sub_event_type for m in group.mentions} | {mention.sub_event_type}
    return "Excessive force against protesters" in subs and subs <= {
        "Excessive force against protesters", "Attack", "Protest with intervention", "Peaceful protest"
    }


def _arrests_at_protest(group: MentionGroup, mention: Mention) -> bool:
    """Arrests at a demonstration are the intervention in it, not an event of their own (ACLED)."""
    types = {m.event_type for m in group.mentions} | {mention.event_type}
    subs = {m.sub_event_type for m in group.mentions} | {mention.sub_event_type}
    return "Protests" in types and "Arrests" in subs and types <= {"Protests", "Strategic developments"}


_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _toll_of(group: MentionGroup, mention: Mention) -> bool:
    """'Gangs clashed in the prison. Officials said 17 prisoners were killed.': a sentence that only
    counts the dead, with no attacker and no place of its own, tells the toll of the violence just told
    (ACLED counts people killed in a clash, bystanders included, in that event)."""
    start, end = mention.sentence
    if mention.event_type not in _VIOLENT or group.lead.event_type not in _VIOLENT:
        return False
    if mention.toponym is not None and start <= mention.toponym.start < end:
        return False
    attacker = mention.roles.actor1
    if attacker is not None and attacker.end > attacker.start and start <= attacker.start < end:
        return False
    day = group.day
    return not (day and mention.dated_in_sentence and mention.event_date != day)


def _restated(group: MentionGroup, mention: Mention) -> bool:
    """'An Israeli drone hit a car near Bint Jbeil... The Israeli military said it had targeted Hezbollah
    operatives.': a weak cue with no place or day of its own, by an actor of the event just told, restates
    that event (its target as one side claims it), not a second engagement."""
    start, end = mention.sentence
    if mention.score >= STRONG or group.lead.score < STRONG or mention.dated_in_sentence:
        return False
    if mention.toponym is not None and start <= mention.toponym.start < end:
        return False
    return bool(actor_keys(mention) & group.actors)


def group_mentions(mentions: list[Mention], headline: tuple[int, int] | None = None) -> list[MentionGroup]:
    """Greedy grouping in text order: each mention joins the first compatible group, else starts one.

    A headline summarises the story's main event in fewer, vaguer words ("clash near Kirkuk" for a body
    that says "the outskirts of Hawija"): its mentions join the first body event of the same event type
    whatever the place, and stand alone only when the body has no such event."""
    in_headline = [m for m in mentions if headline and headline[0] <= m.trigger[0] < headline[1]]
    groups: list[MentionGroup] = []
    for mention in sorted((m for m in mentions if m not in in_headline), key=lambda m: m.trigger):
        last = groups[-1] if groups else None
        if last is not None and (_toll_of(last, mention) or _restated(last, mention)):
            last.mentions.append(mention)
            continue
        for group in groups:
            if _compatible(group, mention):
                group.mentions.append(mention)
                break
        else:
            groups.append(MentionGroup([mention]))
    for mention in in_headline:
        same_type = [g for g in groups if g.lead.event_type == mention.event_type]
        if same_type:
            same_type[0].mentions.append(mention)
        else:
            groups.insert(0, MentionGroup([mention]))
    return groups
