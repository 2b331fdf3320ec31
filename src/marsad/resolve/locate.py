"""Where an event happened: which of the article's places and sublocations locate each event mention.

The gazetteer resolver finds and resolves every place name with the whole article as context; this module
only chooses among them for one trigger, the way ACLED codes a location (the town, with a square, street or
quarter as sublocation; "near" and region-only mentions with a lower precision).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from marsad.document import Detection, Document
from marsad.model import Sublocation, Toponym
from marsad.resolve.places.distance import haversine_km

COARSE_KINDS = frozenset({"country", "continent", "region", "sea"})
_AREA_KINDS = frozenset({"admin1", "admin2"})


def main_place(toponyms: list[Toponym]) -> Toponym | None:
    """The article's most named sub-national place: the fallback for an event with no place of its own."""
    fine = [t for t in toponyms if t.place and t.place.kind not in COARSE_KINDS]
    if not fine:
        coarse = [t for t in toponyms if t.place]
        return coarse[0] if coarse else None
    counts = Counter(_place_key(t) for t in fine)
    best = max(fine, key=lambda t: (counts[_place_key(t)], -t.start))
    return best


def _place_key(toponym: Toponym) -> tuple[object, ...]:
    place = toponym.place
    assert place is not None
    return (place.geonameid, place.name, place.country_code)


def place_for(
    doc: Document,
    detection: Detection,
    toponyms: list[Toponym],
    main_place: Toponym | None,
    previous: Toponym | None,
) -> Toponym | None:
    """The trigger sentence's finest place; else the place of the event told just before (the story
    goes on there); else the nearest place named before it; else the article's main place."""
    start, end = doc.sentences[detection.sentence]
    in_sentence = [t for t in toponyms if start <= t.start < end]
    fine = [t for t in in_sentence if t.place and t.place.kind not in COARSE_KINDS]
    if not fine:
        capital = _capital_named(doc, start, end, toponyms) or _largest_town_named(doc, start, end)
        if capital is not None:
            return capital
    if fine:
        # The first place in the sentence is where it happened in news style ("in X, ..."); a finer
        # precision (a town over a province) wins over order (measured: BENCHMARKS.md, places).
        # A place alone in its country, when other places (and the named armed groups) share another one,
        # is a misread word (a company, a farm, a clan) and comes last. A possessive place names whose
        # official speaks ("Guanajuato's attorney general said the attack in Celaya..."): it comes after
        # the places the sentence puts the event in.
        countries = Counter(t.place.country_code for t in toponyms if t.place)
        countries.update(_groups_countries(doc))
        top = max(countries.values())
        fine = _capitals_named(doc.text, fine)
        return min(fine, key=lambda t: (countries[t.place.country_code] == 1 < top,  # type: ignore[union-attr]
                                        t.place.kind in _AREA_KINDS,  # type: ignore[union-attr]
                                        _possessive(doc.text, t), t.start))
    # Otherwise the story goes on where it last was: the later of the last event's place and the last
    # place named on its own ("west of Kirkuk" only situates another place, so it does not count).
    earlier = [
        t for t in toponyms
        if t.start < start and t.place and t.place.kind not in COARSE_KINDS and not _relative(t)
    ]
    nearest = max(earlier, key=lambda t: t.start) if earlier else None
    if nearest is not None and nearest.place.kind in _AREA_KINDS:  # type: ignore[union-attr]
        # "in Barra Mansa, Rio de Janeiro, ...": the region closing a sentence is the town's container;
        # the story goes on in the sentence's last town inside that region
        sentence = next((s, e) for s, e in doc.sentences if s <= nearest.start < e)
        region = (nearest.place.country_code, nearest.place.admin1)  # type: ignore[union-attr]
        towns = [t for t in earlier if sentence[0] <= t.start
                 and t.place.kind not in _AREA_KINDS  # type: ignore[union-attr]
                 and (t.place.country_code, t.place.admin1) == region]  # type: ignore[union-attr]
        nearest = towns[-1] if towns else nearest
    candidates = [t for t in (previous, nearest) if t is not None]
    if candidates:
        return max(candidates, key=lambda t: t.start)
    if main_place is not None and main_place.place and main_place.place.kind not in COARSE_KINDS:
        return main_place
    if in_sentence:
        return in_sentence[0]
    return main_place


def _groups_countries(doc: Document) -> list[str]:
    """The country of each distinct named non-state armed group (a local rebel group is where it fights;
    state forces may be abroad)."""
    from marsad.resolve.places.countries import country_code

    named = {m.actor.name: m.actor.country for m in doc.actor_mentions
             if not m.actor.generic and m.actor.country and m.actor.inter in (2, 3, 4)}  # fmt: skip
    return [code for code in map(country_code, named.values()) if code]


_CAPITAL_AFTER = re.compile(r"['’]s\s+(?:state\s+|provincial\s+|regional\s+)?capital\b")
_CAPITAL_BEFORE = re.compile(r"\bthe\s+(?:state\s+|provincial\s+|regional\s+)?capital\s+of\s+(?:the\s+)?$", re.I)


def _capitals_named(text: str, fine: list[Toponym]) -> list[Toponym]:
    """Regions named as "X's capital" become their main town, and so do the places the resolver put on
    that region ("the Raj Bhavan in Manipur's capital": an unknown building placed on Manipur)."""
    seats = {id(t): _region_capital(text, t) for t in fine}
    by_region = {_place_key(t): seat.place for t in fine if (seat := seats[id(t)]) is not None}
    out = []
    for t in fine:
        seat = seats[id(t)]
        if seat is None and _place_key(t) in by_region:
            seat = replace(t, place=by_region[_place_key(t)], precision=1)
        out.append(seat or t)
    return out


def _region_capital(text: str, toponym: Toponym) -> Toponym | None:
    """"in Manipur's capital", "the capital of Balochistan province": the region's main town, precisely."""
    if toponym.place is None or toponym.place.kind not in _AREA_KINDS:
        return None
    if not (_CAPITAL_AFTER.match(text, toponym.end) or _CAPITAL_BEFORE.search(text, max(0, toponym.start - 40), toponym.start)):
        return None
    from marsad.resolve.places import get_resolver

    seat = get_resolver().seat(toponym.place)
    return None if seat is None else replace(toponym, place=seat, precision=1)


_POSSESSIVE = re.compile(r"['’]s\b")


def _possessive(text: str, toponym: Toponym) -> bool:
    return bool(_POSSESSIVE.match(text, toponym.end))


_CAPITAL = re.compile(r"\b(?:the|its|their)\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?capital\b(?!\s+(?:of|city of)\b)")


def _capital_named(doc: Document, start: int, end: int, toponyms: list[Toponym]) -> Toponym | None:
    """'in the Somali capital', 'in the capital' of a report about Kenya: the national capital."""
    from marsad.resolve.places import get_resolver
    from marsad.resolve.places.countries import demonym_code

    match = _CAPITAL.search(doc.text, start, end)
    if match is None:
        return None
    code = demonym_code(match.group("adj")) if match.group("adj") else None
    if code is None:
        before = doc.text[start : match.start()]
        code = next((demonym_code(w) for w in re.findall(r"[A-Z][a-z]+", before) if demonym_code(w)), None)
    if code is None:
        counts = Counter(t.place.country_code for t in toponyms if t.place and t.place.country_code)
        code = counts.most_common(1)[0][0] if counts else None
    place = get_resolver().capital(code) if code else None
    if place is None:
        return None
    return Toponym(match.start(), match.end(), match.group(), place, score=0.5, precision=1)


_LARGEST = re.compile(
    r"(?i:\b(?P<dir>(?:north|south)-?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?)\s+)?"
    r"\b(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s\s+(?:largest|biggest)\s+(?:city|town)\b"
)


def _largest_town_named(doc: Document, start: int, end: int) -> Toponym | None:
    """"in northeast Nigeria's largest city": the most populous town of the country (or of that part)."""
    from marsad.resolve.places import get_resolver
    from marsad.resolve.places.countries import country_code

    match = _LARGEST.search(doc.text, start, end)
    if match is None:
        return None
    direction = match.group("dir") or ""
    code = country_code(f"{direction} {match.group('country')}") if direction else None  # "South Sudan's"
    if code is not None:
        direction = ""
    else:
        code = country_code(match.group("country"))
    if code is None:
        return None
    place = get_resolver().largest_town(code, direction.lower())
    if place is None:
        return None
    return Toponym(match.start(), match.end(), match.group(), place, score=0.5, precision=1)


_INSIDE = re.compile(r"^,?\s+(?:in|of)\s+(?:the\s+)?(?:(?:central|eastern|western|northern|southern|north|south|east|west|downtown|old)\s+)?$")


def inside_larger_town(
    doc: Document, toponym: Toponym | None, toponyms: list[Toponym]
) -> tuple[Toponym | None, Sublocation | None]:
    """'Sadr City in eastern Baghdad': the event is in Baghdad (ACLED's location is the town), in its
    Sadr City quarter (the sublocation), when the second place is a larger town close by."""
    if toponym is None or toponym.place is None or toponym.place.kind != "city":
        return toponym, None
    following = next((t for t in toponyms if t.start > toponym.end), None)
    if following is None or following.place is None or following.place.kind != "city":
        return toponym, None
    if not _INSIDE.match(doc.text[toponym.end : following.start]):
        return toponym, None
    inner, outer = toponym.place, following.place
    if outer.population <= inner.population or haversine_km(inner.latitude, inner.longitude, outer.latitude, outer.longitude) > 30:
        return toponym, None
    return following, Sublocation(toponym.start, toponym.end, toponym.text, "neighbourhood")



def neighbourhood(doc: Document, detection: Detection, toponym: Toponym | None) -> Sublocation | None:
    """'in Karrada in central Baghdad', "Baghdad's Karada district": a name the gazetteer lacks, placed
    inside the event's town, is a neighbourhood of it."""
    if toponym is None or toponym.place is None or toponym.place.kind != "city":
        return None
    start, end = doc.sentences[detection.sentence]
    pattern = re.compile(
        r"\bin (?:the )?(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?: (?:district|neighbou?rhood|area|quarter))?"
        r",? (?:in|of) (?:the )?(?:(?:central|eastern|western|northern|southern|north|south|east|west|downtown|old) )?"
        + re.escape(toponym.text) + r"\b"
    )
    possessive = re.compile(
        re.escape(toponym.text) + r"['’]s (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?= (?:district|neighbou?rhood|area|quarter|suburb)\b)"
    )  # "Baghdad's Karada district"
    match = pattern.search(doc.text, start, end) or possessive.search(doc.text, start, end)
    if match is None and start <= toponym.start < end:
        match = _unplaced_name(doc, start, end)
    if match is None or any(t.start == match.start("name") for t in doc.toponyms if t.place and t.place.kind != "city"):
        return None
    return Sublocation(match.start("name"), match.end("name"), match.group("name"), "neighbourhood")


_BARE_IN = re.compile(r"\bin (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?=[.,;]| on\b| at\b|$)")
_NOT_PLACES = frozenset("January February March April May June July August September October November December "
                        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())  # fmt: skip


def _unplaced_name(doc: Document, start: int, end: int) -> re.Match[str] | None:
    """'A spokesman for the Kabul police said ... an attacker detonated explosives in Qala Bakhtiar': a
    name the gazetteer lacks, in a sentence that names the town, is a part of that town."""
    for match in _BARE_IN.finditer(doc.text, start, end):
        a, b = match.span("name")
        taken = [(t.start, t.end) for t in doc.toponyms] + [(m.start, m.end) for m in doc.actor_mentions]
        if match.group("name").split()[0] not in _NOT_PLACES and not any(s < b and a < e for s, e in taken):
            return match
    return None


def _relative(toponym: Toponym) -> bool:
    return bool(toponym.qualifier) and toponym.qualifier.rstrip().endswith(" of") and toponym.qualifier != "outskirts of"


_CLOSED = re.compile(r"\b(?:closed|shut(?:\s+down)?|closure\s+of|suspended\s+flights\s+(?:at|to|from)|reopened)\s+(?:the\s+)?$", re.I)


def _closed(text: str, sublocation: Sublocation) -> bool:
    """"Fighting in the capital closed Grand Bay airport": a place the event shut is not where it was."""
    return bool(_CLOSED.search(text, max(0, sublocation.start - 40), sublocation.start))


def sublocation_for(doc: Document, detection: Detection) -> Sublocation | None:
    """The square, street or bridge nearest the trigger in its sentence; else one named in the sentence
    just before it in the same paragraph ("...a checkpoint near Clock Square. Shots were exchanged.")."""
    start, end = doc.sentences[detection.sentence]
    inside = [s for s in doc.sublocations if start <= s.start < end and not _closed(doc.text, s)]
    if not inside and detection.sentence > 0:
        prev_start, prev_end = doc.sentences[detection.sentence - 1]
        if "\n\n" not in doc.text[prev_end:start]:
            inside = [s for s in doc.sublocations if prev_start <= s.start < prev_end]
    if not inside:
        return None
    chosen = min(inside, key=lambda s: abs(s.start - detection.start))
    before = doc.text[max(0, chosen.start - 12) : chosen.start].lower()
    for word in ("near", "outside", "close to", "next to", "around"):
        if before.rstrip().endswith(word):
            # "near the square" is not "at the square": keep the relation with the name.
            return replace(chosen, text=f"{word} {chosen.text}")
    return chosen
