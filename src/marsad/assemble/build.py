"""Build one ACLED-style Event from the group of mentions that describe it."""

from __future__ import annotations

import hashlib
import unicodedata

from marsad.assemble.merge import MentionGroup, actor_key, group_mentions, place_key
from marsad.assemble.notes import write_notes
from marsad.detect import names_device
from marsad.document import Document
from marsad.model import ActorMention, Event, Mention
from marsad.resolve.sourcing import assess
from marsad.taxonomy import CIVILIAN_TARGETING_TYPES, event_type_of, interaction, sub_event_types


def assemble(doc: Document) -> None:
    """Group doc.mentions by ACLED's disaggregation rules and write doc.events."""
    headline = headline_span(doc)
    groups = group_mentions(doc.mentions, headline=headline)
    seen: dict[str, int] = {}
    for group in groups:
        event = build_event(doc, group, headline)
        # Two events that agree on every identifying field still need distinct, stable ids.
        n = seen.get(event.event_id, 0)
        seen[event.event_id] = n + 1
        if n:
            event.event_id = f"{event.event_id}-{n}"
        doc.events.append(event)


def headline_span(doc: Document) -> tuple[int, int] | None:
    """The article's first line when it reads as a headline: short, unpunctuated, then a line break."""
    if not doc.sentences:
        return None
    start, end = doc.sentences[0]
    line = doc.text[start:end]
    after = doc.text[end : end + 1]
    if len(line) <= 160 and not line.rstrip().endswith((".", "!", "?", '"', "”")) and after in ("\n", ""):
        return start, end
    return None


def build_event(doc: Document, group: MentionGroup, headline: tuple[int, int] | None = None) -> Event:
    lead = group.lead
    mentions = group.mentions

    def in_headline(m: Mention) -> bool:
        return headline is not None and headline[0] <= m.trigger[0] < headline[1]

    # The most precise place and date among the mentions; the body's words before the headline's.
    located = [m for m in mentions if m.toponym and m.toponym.place]
    where = min(located, key=lambda m: (in_headline(m), m.toponym.precision, m.toponym.start)) if located else None  # type: ignore[union-attr]
    dated = [m for m in mentions if m.event_date]
    when = min(dated, key=lambda m: (not m.dated_in_sentence, m.time_precision)) if dated else None
    sub = sub_event_types()[lead.sub_event_type]
    if sub.name == "Peaceful protest" and any(m.sub_event_type == "Arrests" for m in mentions):
        sub = sub_event_types()["Protest with intervention"]  # arrests are an intervention
    actor1, actor2 = _actors(mentions, lead)
    assoc1 = _assoc([a for m in mentions for a in m.roles.assoc1], exclude=(actor1, actor2))
    assoc2 = _assoc([a for m in mentions for a in m.roles.assoc2], exclude=(actor1, actor2))
    place = where.toponym.place if where and where.toponym else None  # type: ignore[union-attr]
    inter1 = actor1.actor.inter if actor1 else None
    inter2 = actor2.actor.inter if actor2 else None
    fatalities = max((m.fatalities for m in mentions), default=0)
    injuries = _max_known(m.injuries for m in mentions)
    arrests = _max_known(m.arrests for m in mentions)
    sourcing = assess(doc.text, _sourcing_spans(doc, group, where))
    event = Event(
        event_id="",
        event_date=when.event_date.isoformat() if when and when.event_date else None,
        time_precision=when.time_precision if when else 1,
        event_type=sub.event_type,
        sub_event_type=sub.name,
        actor1=actor1.actor.name if actor1 else None,
        assoc_actor_1="; ".join(a.actor.name for a in assoc1) or None,
        inter1=inter1,
        actor2=actor2.actor.name if actor2 else None,
        assoc_actor_2="; ".join(a.actor.name for a in assoc2) or None,
        inter2=inter2,
        interaction=interaction(inter1, inter2),
        civilian_targeting=_civilian_targeting(sub.event_type, inter2),
        iso=place.iso if place else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=ascii_name(place.name) if place else None,
        latitude=round(place.latitude, 4) if place else None,
        longitude=round(place.longitude, 4) if place else None,
        geo_precision=where.toponym.precision if where and where.toponym else None,  # type: ignore[union-attr]
        source=doc.article.source,
        fatalities=fatalities,
        injuries=injuries,
        arrests=arrests,
        sublocation=next((m.sublocation.text for m in mentions if m.sublocation), None),
        attribution=sourcing.attribution,
        certainty=sourcing.certainty,
        plover={"event": sub.plover_event, "mode": sub.plover_mode},
        cameo=sub.cameo,
        geonameid=place.geonameid if place else None,
        article_id=doc.article.key,
        url=doc.article.url,
    )
    event.evidence = _merge_evidence(mentions, lead, where, when, sourcing)
    _device_evidence(doc, event, mentions)
    event.notes = write_notes(event)
    event.event_id = event_id(doc.article.key, event)
    return event


def ascii_name(name: str) -> str:
    """'Al Ḩawījah' -> 'Al Hawijah': ACLED's location column is plain Latin script."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("ʼ", "'").replace("‘", "'")


def _actors(mentions: list[Mention], lead: Mention) -> tuple[ActorMention | None, ActorMention | None]:
    """The lead mention's actors; a side the lead leaves empty (or only defaulted) is taken from another
    mention of the event that names an actor in the text, in the same role when that side is free."""
    slots = [lead.roles.actor1, lead.roles.actor2]
    targets_civilians = event_type_of(lead.sub_event_type) in CIVILIAN_TARGETING_TYPES
    for m in mentions:
        if m is lead:
            continue
        for role, candidate in enumerate((m.roles.actor1, m.roles.actor2)):
            if not _named(candidate) or _name(candidate) in {_name(a) for a in slots if _named(a)}:
                continue
            for slot in (role, 1 - role):
                # Violence against civilians keeps its civilian target as actor 2 (ACLED's one ordering rule).
                wrong_target = slot == 1 and targets_civilians and candidate.actor.inter != 7  # type: ignore[union-attr]
                if _fillable(slots[slot]) and not wrong_target:
                    slots[slot] = candidate
                    break
    return slots[0], slots[1]


def _named(actor: ActorMention | None) -> bool:
    return actor is not None and actor.end > actor.start


def _fillable(actor: ActorMention | None) -> bool:
    """A side another mention may name: empty, a default, or "the attackers" (the same side named by its act)."""
    return not _named(actor) or actor_key(actor) is None  # type: ignore[arg-type]


def _name(actor: ActorMention | None) -> str | None:
    return actor.actor.name if actor else None


def _assoc(actors: list[ActorMention], exclude: tuple[ActorMention | None, ...]) -> list[ActorMention]:
    taken = {_name(a) for a in exclude if a}
    result: list[ActorMention] = []
    for actor in actors:
        if actor.actor.name not in taken:
            taken.add(actor.actor.name)
            result.append(actor)
    return result


def _max_known(values: object) -> int | None:
    known = [v for v in values if v is not None]  # type: ignore[attr-defined]
    return max(known) if known else None


def _civilian_targeting(event_type: str, inter2: int | None) -> str | None:
    if event_type in CIVILIAN_TARGETING_TYPES or inter2 == 7:
        return "Civilians targeted"
    return None


def _sourcing_spans(doc: Document, group: MentionGroup, where: Mention | None) -> list[tuple[int, int]]:
    """The event's sentences, and the other sentences that name its place (doubts are often said there)."""
    spans = {m.sentence for m in group.mentions}
    if where and where.toponym and where.toponym.place:
        key = place_key(where)
        for t in doc.toponyms:
            if t.place and (t.place.geonameid, t.place.name.lower(), t.place.country_code) == key:
                spans.add(doc.sentences[doc.sentence_of(t.start)])
    return sorted(spans)


def _merge_evidence(mentions, lead, where, when, sourcing) -> dict[str, list[tuple[int, int]]]:  # type: ignore[no-untyped-def]
    evidence: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        for key, spans in m.evidence.items():
            bucket = evidence.setdefault(key, [])
            bucket.extend(s for s in spans if s not in bucket)
    # Fields chosen from one mention point at that mention's words first.
    for key, source in (("location", where), ("event_date", when), ("sub_event_type", lead)):
        if source is not None and key in source.evidence:
            first = source.evidence[key]
            evidence[key] = first + [s for s in evidence[key] if s not in first]
    if sourcing.certainty_span:
        evidence["certainty"] = [sourcing.certainty_span]
    if sourcing.attribution_span:
        evidence["attribution"] = [sourcing.attribution_span]
    return {k: sorted(v) for k, v in evidence.items()}


def _device_evidence(doc: Document, event: Event, mentions: list[Mention]) -> None:
    """An explosion's sub-event type is evidenced only by words that name its device ("air strike",
    "car bomb"); typed from "bombing" or "blast" alone it keeps no span, like a defaulted actor, so that
    matching across outlets takes the device as unknown rather than as a claim of an IED."""
    if event.event_type != "Explosions/Remote violence":
        return
    spans = sorted({m.trigger for m in mentions if event_type_of(m.sub_event_type) == event.event_type
                    and names_device(doc.text[m.trigger[0]:m.trigger[1]])})  # fmt: skip
    if spans:
        event.evidence["sub_event_type"] = spans
    else:
        event.evidence.pop("sub_event_type", None)


def event_id(article_key: str, event: Event) -> str:
    """Stable across runs for the same article and event: a hash of what identifies the event."""
    parts = (article_key, event.event_date or "", event.location or "", event.event_type,
             event.actor1 or "", event.actor2 or "")  # fmt: skip
    return "mrsd-" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]
