"""Turn each detection into a Mention: where, when, who, and how many, each with its evidence.

Places and actors are found once per article (their resolvers use whole-document context); this module
only chooses, for each event trigger, which of them belong to it, and reads dates and counts from the
trigger's own sentence with the article around it as fallback.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from marsad.document import Document
from marsad.model import ActorMention, Mention, Roles, Toponym
from marsad.resolve.actors.relations import INSTRUMENTS
from marsad.resolve.counts import Counts, count_outcomes, tally
from marsad.resolve.dateline import find_dateline
from marsad.resolve.locate import COARSE_KINDS, inside_larger_town, main_place, neighbourhood, place_for, sublocation_for
from marsad.resolve.dates import DateMention, find_dates, pick_event_date

# Countries and whole regions locate an event only when nothing finer is named.


def resolve_mentions(doc: Document) -> None:
    """Fill doc.mentions from doc.detections, doc.toponyms, doc.actor_mentions and the text."""
    from marsad.resolve.actors import get_resolver as actor_resolver

    actors = actor_resolver()
    dateline = find_dateline(doc.text)
    published = doc.article.published or _dateline_date(doc.text, dateline)
    all_dates = find_dates(doc.text, published)
    locational = [t for t in doc.toponyms if t.place is not None and not t.non_locational]
    if dateline:
        # The filing place locates an event only when nothing else does: it goes last among fallbacks.
        in_dateline = [t for t in locational if dateline[0] <= t.start < dateline[1]]
        locational = [t for t in locational if t not in in_dateline]
        fallback = main_place(locational) or (in_dateline[0] if in_dateline else None)
    else:
        fallback = main_place(locational)
    event_sentences = sorted({d.sentence for d in doc.detections})
    groups_country = doc.groups_country
    counted: dict[int, Counts] = {}  # sentence index -> its figures, read once however many events share it
    previous: Toponym | None = None  # the place of the last event whose own sentence named one
    for detection in sorted(doc.detections, key=lambda d: d.start):
        start, end = doc.sentences[detection.sentence]
        claim = _CLAIM.search(doc.text, start, end)
        if claim and doc.mentions and claim.start() <= detection.start < claim.end():
            # "The Pakistani Taliban claimed the attack": who did it, not another event.
            _credit_claim(doc, claim, actors)
            continue
        toponym = place_for(doc, detection, locational, fallback, previous)
        if toponym is None and not doc.toponyms:
            toponym = _country_of_groups(doc, groups_country, actors)
        toponym, quarter = inside_larger_town(doc, toponym, locational)
        toponym = _part_of_town(doc.text, toponym)
        if toponym is not None and start <= toponym.start < end and toponym.place and toponym.place.kind not in COARSE_KINDS:
            previous = toponym
        sublocation = quarter or sublocation_for(doc, detection) or neighbourhood(doc, detection, toponym)
        sentence_dates = [
            d for d in all_dates if start <= d.start < end and not (dateline and dateline[0] <= d.start < dateline[1])
        ]
        if len(sentence_dates) > 1:
            # "said on Saturday that Thursday's blast...": the day of the statement is not the event's.
            told = [d for d in sentence_dates if _SAID_ON.search(doc.text, max(start, d.start - 30), d.start)]
            sentence_dates = [d for d in sentence_dates if d not in told] or sentence_dates
        context_dates = _context_dates(all_dates, dateline[1] if dateline and dateline[0] >= start else start)
        event_date, precision, date_span = pick_event_date(sentence_dates, context_dates, published)
        counts = _scope_counts(doc, detection.sentence, event_sentences, counted)
        country = toponym.place.country if toponym and toponym.place else groups_country
        parse = doc.parses.get(detection.sentence)
        in_sentence = [a for a in doc.actor_mentions if start <= a.start and a.end <= end]
        if detection.event_type == "Riots" and _two_armed_sides(in_sentence):
            # The detector knows words, not names: "clashes between M23 and government forces" is a
            # battle once the dictionary says M23 is an armed group (ACLED: riots are by crowds).
            detection = replace(detection, event_type="Battles", sub_event_type="Armed clash")
        roles = (
            actors.roles(parse, start, (detection.start, detection.end), detection.sub_event_type,
                         doc.actor_mentions, country=country, when=event_date)  # fmt: skip
            if parse is not None
            else Roles()
        )
        if detection.event_type == "Battles" and _BOTH_SIDES.search(doc.text, start, end):
            roles = _carried_over(doc, detection.sentence, actors, country) or roles
        roles = _weapons_unnamed(roles, actors.naming.demonym_code)
        mention = Mention(
            sentence=(start, end),
            trigger=(detection.start, detection.end),
            event_type=detection.event_type,
            sub_event_type=detection.sub_event_type,
            score=detection.score,
            roles=roles,
            toponym=toponym,
            sublocation=sublocation,
            event_date=event_date,
            time_precision=precision,
            dated_in_sentence=bool(sentence_dates),
            fatalities=counts.fatalities or 0,
            injuries=counts.injuries,
            arrests=counts.arrests,
        )
        mention.evidence = _evidence(mention, date_span, counts.evidence)
        doc.mentions.extend(_one_per_place(doc, mention, locational, date_span, counts))


# "in Nad Ali, Sangin and Musa Qala districts": a list of names closed by a plural place noun
_PLACE_LIST = re.compile(
    r"\b(?:in|at|across|around|near)\s+(?:the\s+)?(?P<list>[A-Z][\w'’-]*(?:(?:\s+|,\s*|\s*\([^()]{1,40}\)\s*)"
    r"(?:and\s+|&\s+)?(?:[A-Z][\w'’-]*|[a-z]{1,3}\b))*)\s+(?:districts|provinces|villages|towns|cities|counties|"
    r"LGAs|townships|states|governorates|municipalities|localities|communes|prefectures|departments)\b"
)
_SPLIT_SAID = re.compile(r"\bsplit\s+(?:across|over|between)\b", re.I)


def _one_per_place(doc: Document, mention: Mention, locational: list[Toponym], date_span: tuple[int, int] | None,
                   counts: Counts) -> list[Mention]:  # fmt: skip
    """ACLED codes one event per location: "militants were killed in Nad Ali, Sangin and Musa Qala districts"
    is three events, the reported totals split evenly (the remainder to the first place, as the codebook
    splits a total over days), unless the text already gives each event's share ("split across 3 events")."""
    start, end = mention.sentence
    toponym = mention.toponym
    if toponym is None or not start <= toponym.start < end:
        return [mention]
    for match in _PLACE_LIST.finditer(doc.text, start, end):
        a, b = match.span("list")
        if not a <= toponym.start < b or (" and " not in match.group("list") and "," not in match.group("list")):
            continue
        places = [t for t in locational if a <= t.start < b and t.place and t.place.kind not in COARSE_KINDS]
        named: dict[tuple[str, str], Toponym] = {}  # each place once, where the list first names it
        for t in places:
            named.setdefault((t.place.name, t.place.country_code), t)  # type: ignore[union-attr]
        firsts = list(named.values())
        if len(firsts) < 2:
            return [mention]
        following = doc.sentences[min(doc.sentence_of(start) + 1, len(doc.sentences) - 1)][1]
        shared = not _SPLIT_SAID.search(doc.text, start, following)  # the report's own split stands
        out = []
        for n, place in enumerate(firsts):
            one = replace(mention, toponym=place, sublocation=None)
            if shared:
                for kind in ("fatalities", "injuries", "arrests"):
                    total = getattr(mention, kind)
                    if total:
                        setattr(one, kind, total // len(firsts) + (total % len(firsts) if n == 0 else 0))
            one.evidence = _evidence(one, date_span, counts.evidence)
            out.append(one)
        return out
    return [mention]


def _scope_counts(doc: Document, sentence: int, event_sentences: list[int], counted: dict[int, Counts]) -> Counts:
    """Figures often follow in the next sentences ("The victim died. 1 fatality."): an event's outcome
    scope runs from its sentence to the next sentence that holds another event (or the paragraph's end).
    Figures add up within a sentence; across sentences they repeat each other, so the largest stands."""
    later = [i for i in event_sentences if i > sentence]
    last = (later[0] if later else len(doc.sentences)) - 1
    scope = [sentence]
    for i in range(sentence + 1, last + 1):
        if "\n\n" in doc.text[doc.sentences[i - 1][1] : doc.sentences[i][0]]:
            break  # a new paragraph starts a new topic
        scope.append(i)
    combined = Counts()
    settled = None
    for i in scope:
        settled = tally(doc.text, *doc.sentences[i]) or settled
        if i not in counted:
            counted[i] = count_outcomes(doc.text, *doc.sentences[i])
        found = counted[i]
        for kind in ("fatalities", "injuries", "arrests"):
            value = getattr(found, kind)
            current = getattr(combined, kind)
            if value is not None and (current is None or value > current):
                setattr(combined, kind, value)
                combined.evidence[kind] = found.evidence.get(kind, [])
    if settled is not None:
        combined.fatalities, combined.evidence["fatalities"] = settled[0], [settled[1]]
    return combined


def _dateline_date(text: str, dateline: tuple[int, int] | None) -> date | None:
    """With no publication date, a full date in the dateline is the reference for relative dates."""
    if dateline is None:
        return None
    found = [d for d in find_dates(text, None, start=dateline[0], end=dateline[1]) if d.explicit]
    return found[0].value if found else None


_SAID_ON = re.compile(r"\b(?:said|says|announced|told \w+|reported|added|confirmed|stated)\s+(?:on\s+)?$")
_CLAIM = re.compile(
    r"\bclaim(?:ed|s)?\s+(?:responsibility\s+for\s+)?(?:the|this|that|its)?\s*"
    r"(?:attacks?|bombings?|blasts?|killings?|ambush|assault|explosions?|raids?|strikes?|operation)\b"
    r"|\bclaimed\s+responsibility\b"
)


def _credit_claim(doc: Document, claim: re.Match[str], actors) -> None:  # type: ignore[no-untyped-def]
    """The claimant named before the claim becomes actor 1 of the event told just before, unless that
    event already names its perpetrator."""
    start = doc.sentences[doc.sentence_of(claim.start())][0]
    claimants = [a for a in doc.actor_mentions if start <= a.start < claim.start() and not a.actor.generic
                 and a.actor.inter in (2, 3, 4)]  # fmt: skip
    if not claimants:
        return
    target = doc.mentions[-1]
    current = target.roles.actor1
    if current is None or current.end == current.start or current.actor.generic:
        country = target.toponym.place.country if target.toponym and target.toponym.place else None
        claimant = claimants[-1]
        target.roles.actor1 = ActorMention(claimant.start, claimant.end, claimant.text,
                                           actors.localise(claimant.actor, country))  # fmt: skip
        target.evidence["actor1"] = [(claimant.start, claimant.end)]
        target.evidence["inter1"] = [(claimant.start, claimant.end)]
        second = target.roles.actor2
        if second is not None and second.actor.name == target.roles.actor1.actor.name:
            # the claimant was read as the other side before the claim named it the author
            target.roles.actor2 = None
            target.evidence.pop("actor2", None)
            target.evidence.pop("inter2", None)


def _two_armed_sides(mentions: list[ActorMention]) -> bool:
    named_armed = [m for m in mentions if not m.actor.generic and m.actor.inter in (2, 3, 4, 8)]
    armed = {m.actor.name for m in mentions if m.actor.inter in (1, 2, 3, 4, 8)}
    return bool(named_armed) and len(armed) >= 2


_BOTH_SIDES = re.compile(r"\b(?:the two (?:sides|parties|groups|factions)|both (?:sides|parties|groups)|each other)\b", re.I)


def _carried_over(doc: Document, sentence: int, actors, country: str | None) -> Roles | None:  # type: ignore[no-untyped-def]
    """'...resulting in an exchange of fire between the two parties': a clash that refers back to its
    sides takes the two armed sides named in the sentence before it (same paragraph)."""
    if sentence == 0:
        return None
    (prev_start, prev_end), start = doc.sentences[sentence - 1], doc.sentences[sentence][0]
    if "\n\n" in doc.text[prev_end:start]:
        return None
    sides: list[ActorMention] = []
    for mention in doc.actor_mentions:
        if prev_start <= mention.start and mention.end <= prev_end and mention.actor.inter not in (7, 6):
            if all(mention.actor.name != side.actor.name for side in sides):
                sides.append(mention)
    if len(sides) < 2:
        return None
    local = [ActorMention(m.start, m.end, m.text, actors.localise(m.actor, country)) for m in sides[:2]]
    return Roles(actor1=local[0], actor2=local[1])


_PART_OF = re.compile(
    r"\b(?!(?:the|a|an|general|wider|greater|surrounding|rural|border|same)\b)[\w'’-]+\s+"
    r"(?:area|district|neighbou?rhood|quarter|part|section|suburbs?)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$",
    re.I,
)


def _part_of_town(text: str, toponym: Toponym | None) -> Toponym | None:
    """'a residential area of Aleppo', 'the Qala-e-Bakhtiar area of Kabul': a part of the town is in the
    town (ACLED precision 1); only "the area of X" / "the general area of X" says near it."""
    if toponym is None or toponym.place is None or toponym.place.kind != "city" or toponym.precision != 2:
        return toponym
    if _PART_OF.search(text, max(0, toponym.start - 60), toponym.start):
        return replace(toponym, precision=1)
    return toponym


def _country_of_groups(doc: Document, country: str | None, actors) -> Toponym | None:  # type: ignore[no-untyped-def]
    """An article that names no place the gazetteer knows is still where its named groups operate: the
    main area the actor dictionary lists for them in their country, else the country (precision 3).
    Placed nowhere, it could never be matched to other outlets' reports of the event."""
    code = actors.naming.country_code(country) if country else None
    if code is None:
        return None
    from marsad._exceptions import ResolutionError
    from marsad.resolve.places import get_resolver

    groups = [a for a in doc.actor_mentions if not a.actor.generic and a.actor.country == country]
    areas = [(m, area) for m in groups for cc, area in actors.dictionary.areas(m.actor.name) if cc == code]
    for group, area in areas[:1]:
        place = get_resolver().area_place(code, area)
        if place is not None:
            return Toponym(group.start, group.end, group.text, place, precision=3)
    try:
        place = get_resolver().country_place(code)
    except ResolutionError:
        return None
    return Toponym(groups[0].start, groups[0].end, groups[0].text, place, precision=3)


def _weapons_unnamed(roles: Roles, demonym_code) -> Roles:  # type: ignore[no-untyped-def]
    """'Artillery shells hit the camp', 'unidentified aircraft bombed...': a weapon word stands for some
    armed force but names no party. The actor stays (the default a coder would pick) but without an
    evidence span, so that matching reports across outlets treats it as a default, not as a named side."""
    for key in ("actor1", "actor2"):
        actor = getattr(roles, key)
        if actor is not None and actor.end > actor.start and actor.actor.generic:
            words = actor.text.split()
            # "Russian jets" name their state; "artillery" or "unidentified aircraft" name nobody
            if words and words[-1].lower() in INSTRUMENTS and not any(demonym_code(w) for w in words):
                setattr(roles, key, ActorMention(actor.start, actor.start, "", actor.actor))
    return roles


def _context_dates(dates: list[DateMention], before: int) -> list[DateMention]:
    """Dates named earlier in the article, nearest first; explicit ones (a dateline) before relative ones."""
    earlier = [d for d in dates if d.start < before]
    return sorted(earlier, key=lambda d: (not d.explicit, -d.start))


def _evidence(
    mention: Mention, date_span: tuple[int, int] | None, count_spans: dict[str, list[tuple[int, int]]]
) -> dict[str, list[tuple[int, int]]]:
    ev: dict[str, list[tuple[int, int]]] = {
        "event_type": [mention.trigger],
        "sub_event_type": [mention.trigger],
        "notes": [mention.sentence],
    }
    if date_span:
        ev["event_date"] = [date_span]
        ev["time_precision"] = [date_span]
    if mention.toponym:
        span = (mention.toponym.start, mention.toponym.end)
        for key in ("location", "latitude", "longitude", "geo_precision", "country", "iso", "admin1", "admin2"):
            ev[key] = [span]
    if mention.sublocation:
        ev["sublocation"] = [(mention.sublocation.start, mention.sublocation.end)]
    roles = mention.roles
    for key, actor in (("actor1", roles.actor1), ("actor2", roles.actor2)):
        if actor is not None and actor.end > actor.start:
            ev[key] = [(actor.start, actor.end)]
            ev["inter1" if key == "actor1" else "inter2"] = [(actor.start, actor.end)]
    for key, group in (("assoc_actor_1", roles.assoc1), ("assoc_actor_2", roles.assoc2)):
        spans = [(a.start, a.end) for a in group if a.end > a.start]
        if spans:
            ev[key] = spans
    for key, spans in count_spans.items():
        ev[key] = list(spans)
    return ev
