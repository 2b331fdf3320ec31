"""Do two event records describe the same incident? Pure functions, no database: unit-tested directly.

The rule follows ACLED's disaggregation (one event per day, location and actor pair; same actors, place
and day merge at the highest type) and adds what news coverage needs: outlets disagree on numbers,
spellings and how precisely they date or place an incident, but two incidents in two districts of the
same city on the same day are still two events. Every test below is a veto; the score only ranks the
candidates that pass all of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from marsad.resolve.places.distance import haversine_km
from marsad.store import actor_names

DATE_WINDOW = {1: 0, 2: 7, 3: 16}
"""Days two reports may differ by, by ACLED time_precision (exact day, week, month)."""
SAME_PLACE_KM = 10.0
"""Two precisely located reports (geo_precision 1) farther apart than this are different places."""
NEAR_PLACE_KM = 50.0
"""Reports located only "near" a town or in a part of a region (geo_precision 2)."""
SPELLING_SIMILARITY = 80.0
"""rapidfuzz ratio above which two names are spelling variants ("Karrada"/"Karada", "Karari"/"Karary")."""

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
CROWD = frozenset({"Protests", "Riots"})
BLASTS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})
GENERIC_ROLES = ("unidentified", "protesters", "rioters", "civilians", "unknown", "islamist militia")
UNNAMED_ARMED = ("unidentified", "unknown", "islamist militia")
"""Armed actors a report leaves unnamed ("gunmen", "jihadists"): any armed group another outlet names fits."""


@dataclass(frozen=True)
class ActorRef:
    name: str
    inter: int | None = None


@dataclass(frozen=True)
class Facts:
    """What matching needs to know about one event record."""

    event_date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    sublocation: str | None = None
    actors: tuple[ActorRef, ...] = ()  # every actor: actor1, actor2 and the associated ones
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    device_known: bool = True  # False: an explosion typed from "bombing"/"blast", no device word
    report_locations: tuple[str, ...] = ()  # of a canonical event: the places its reports gave
    report_sub_types: tuple[str, ...] = ()  # of a canonical event: the sub-event types its reports gave


@lru_cache(maxsize=65536)
def norm(text: str | None) -> str:
    """Lower case, no diacritics, no punctuation, no Arabic article: for comparing spellings."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\((?:\d{4})?-?(?:\d{4})?\)", " ", text)  # ACLED year suffixes "(2003-)"
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\b(?:al|el|ad|as|ar|an|the)\s+", "", text)
    text = re.sub(r"\b(?:district|neighbou?rhood|quarter|area|square|market|street|province|governorate|camp|city|"
                  r"town|village|locality)\b", " ", text)
    return " ".join(text.split())


def similar(a: str | None, b: str | None) -> bool:
    """Same name up to spelling, or one name inside the other ("Monday market" / "Maiduguri Monday market")."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if na == nb or fuzz.ratio(na, nb) >= SPELLING_SIMILARITY:
        return True
    ta, tb = set(na.split()), set(nb.split())
    return (ta <= tb or tb <= ta) and any(len(t) >= 4 for t in ta & tb)


GENERIC_WORDS = frozenset("""
the a an of in on at near city town village district neighbourhood neighborhood quarter area square market
street road camp hotel building buildings checkpoint post mosque church school hospital bazaar main central
airport port harbour base bridge university palace compound station
""".split())


def named(sublocation: str | None, *places: str | None) -> bool:
    """A proper name ("Karrada", "Monday Market"), not a description ("a market", "the vegetable market").

    Only two named sublocations that differ prove two incidents; outlets describe the same spot in
    different common words all the time. The town's own name does not count ("Karachi airport" is no
    more specific than "the airport" of an event in Karachi): pass the event's location names as
    ``places``.
    """
    if not sublocation:
        return False
    known = {w for place in places for w in norm(place).split()}
    words = re.findall(r"[^\W\d_][\w'.-]*", sublocation)
    return any(w[0].isupper() and w.lower() not in GENERIC_WORDS and norm(w) not in known for w in words)


def distance_km(a: Facts, b: Facts) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def dates_compatible(a: Facts, b: Facts) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    window = max(DATE_WINDOW.get(a.time_precision, 16), DATE_WINDOW.get(b.time_precision, 16))
    return abs((a.event_date - b.event_date).days) <= window


def types_compatible(a: Facts, b: Facts) -> bool:
    """Same type, or types ACLED's precedence would merge into one event (bomb + attack, protest + riot)."""
    if a.event_type == b.event_type:
        if a.event_type == "Strategic developments":
            return a.sub_event_type == b.sub_event_type
        if a.event_type == "Explosions/Remote violence" and a.sub_event_type != b.sub_event_type:
            # outlets confuse one blast's device (suicide bomb, IED, grenade), not a blast with a
            # shelling or an air strike: mortars and a car bomb the same day are two attacks. A report
            # that names no device ("a bombing", "a blast") contradicts none.
            return {a.sub_event_type, b.sub_event_type} <= BLASTS or not (a.device_known and b.device_known)
        return True
    pair = {a.event_type, b.event_type}
    return pair <= VIOLENT or pair <= CROWD or pair == {"Riots", "Violence against civilians"}


def _district(location: str | None) -> str:
    """ACLED writes city districts as "City - District"."""
    if location and " - " in location:
        return location.split(" - ", 1)[1]
    return ""


def _rank(f: Facts) -> int:
    """How prominent a town is, read off the names: a province's namesake capital (2), a district's (1)."""
    return 2 if similar(f.location, f.admin1) else 1 if similar(f.location, f.admin2) else 0


def _smaller_landmark(a: Facts, b: Facts) -> bool:
    """One report places the event "near" (or on the outskirts of) a town less prominent than the town
    the other report names precisely. Outlets locate an event by the larger place nearby ("near
    Mandalay" for a township next to it), never a city by a smaller town: "near Ariha" is not Idlib."""
    for near, exact in ((a, b), (b, a)):
        if (near.geo_precision or 1) == 2 and (exact.geo_precision or 1) == 1 and _rank(near) < _rank(exact):
            return True
    return False


def places_compatible(a: Facts, b: Facts) -> bool:
    if a.country and b.country and norm(a.country) != norm(b.country):
        return False
    if (named(a.sublocation, a.location, a.admin2) and named(b.sublocation, b.location, b.admin2)
            and not similar(a.sublocation, b.sublocation)):  # fmt: skip
        return False
    da, db = _district(a.location), _district(b.location)
    if da and db and not similar(da, db):
        return False
    precision = max(a.geo_precision or 1, b.geo_precision or 1)
    km = distance_km(a, b)
    same_name = similar(a.location, b.location)
    same_admin2 = similar(a.admin2, b.admin2)
    same_admin1 = similar(a.admin1, b.admin1)
    if precision >= 3:
        return same_admin1 or same_name or (km is not None and km <= NEAR_PLACE_KM)
    if precision == 2:
        if not same_name and _smaller_landmark(a, b) and km is not None:
            return km <= SAME_PLACE_KM
        return same_name or same_admin2 or (km is not None and km <= NEAR_PLACE_KM)
    if km is not None:
        return km <= SAME_PLACE_KM or (same_name and km <= NEAR_PLACE_KM)
    return same_name or (same_admin2 and not (a.location and b.location))


def _kind(actor: ActorRef) -> str:
    """"generic" for roles named after a country or unidentified groups, else "state"/"armed"/"other"."""
    name = norm(actor.name)
    if name.startswith(GENERIC_ROLES) or actor.inter in (5, 6, 7):
        return "generic"
    if actor.inter == 1 or re.match(r"(?:military|police) forces of ", name):
        return "state"
    if actor.inter in (2, 3, 4):
        return "armed"
    return "other"


def _state_country(name: str) -> str:
    match = re.match(r"(?:military|police) forces of (.+?)(?: \d.*)?$", norm(name))
    return match.group(1) if match else norm(name)


def _same_state(a: str, b: str) -> bool:
    """"Police Forces of Cameroon (1982-) Gendarmerie" and "Military Forces of Cameroon (1982-)": a unit
    named after the country does not make another state ("Niger" is still not "Nigeria")."""
    ca, cb = sorted((_state_country(a), _state_country(b)), key=len)
    return ca == cb or cb.startswith(ca + " ")


def actor_relation(a: ActorRef, b: ActorRef) -> str:
    """"match", "compatible" (generic vs named of a fitting kind), "conflict" or "unrelated"."""
    na, nb = norm(a.name), norm(b.name)
    if na == nb or (fuzz.ratio(na, nb) >= SPELLING_SIMILARITY and a.inter == b.inter):
        return "match"
    if similar(a.name, b.name) and a.inter == b.inter:  # a faction of a named group: "X" / "X: Y Faction"
        return "compatible"
    known = actor_names.relation(a.name, b.name)  # an alias or a faction that the actor dictionary knows
    if known:
        return known
    ka, kb = _kind(a), _kind(b)
    if ka == "state" and kb == "state" and _same_state(a.name, b.name):
        return "compatible"  # army / police of one state: outlets say "security forces" for either
    if {a.inter, b.inter} == {1, 8}:
        # Host and foreign state forces in one strike ("Russian jets" / "Syrian and Russian jets"); two
        # foreign forces (US / Russian aircraft) stay different actors.
        return "compatible"
    if {a.inter, b.inter} == {5, 6}:  # the same crowd, called protesters by one outlet and rioters by another
        return "compatible"
    if "generic" in (ka, kb):
        generic, other = (a, b) if ka == "generic" else (b, a)
        if norm(generic.name).startswith(UNNAMED_ARMED):
            return "compatible" if _kind(other) in ("armed", "generic") else "unrelated"
        return "compatible" if generic.inter is not None and generic.inter == other.inter else "unrelated"
    if ka == kb == "armed":
        return "conflict"
    return "unrelated"


def _linked(x: ActorRef, y: ActorRef) -> bool:
    return actor_relation(x, y) in ("match", "compatible")


def _disputed_victims(a: Facts, b: Facts) -> bool:
    """One named attacker, its targets called fighters of a group by one outlet and civilians by another
    ("Israel says it killed a Hezbollah commander; the ministry says two civilians died"): one strike."""
    if not (a.actor1 and a.actor2 and b.actor1 and b.actor2):
        return False
    if actor_relation(a.actor1, b.actor1) != "match" or _kind(a.actor1) == "generic":
        return False
    kinds = {_kind(a.actor2), _kind(b.actor2)}
    return 7 in (a.actor2.inter, b.actor2.inter) and kinds <= {"generic", "armed"}


def actors_compatible(a: Facts, b: Facts) -> bool:
    """Same actor pair (ACLED: one event per day, place and actor pair), or, when a report names only one
    side, some actor in common and no armed group contradicted by another."""
    if not a.actors or not b.actors:
        return True
    if a.actor1 and a.actor2 and b.actor1 and b.actor2:
        straight = _linked(a.actor1, b.actor1) and _linked(a.actor2, b.actor2)
        crossed = _linked(a.actor1, b.actor2) and _linked(a.actor2, b.actor1)
        if not (straight or crossed or _disputed_victims(a, b)):
            return False
    relations = {(x, y): actor_relation(x, y) for x in a.actors for y in b.actors}
    linked_a = {x for (x, y), r in relations.items() if r in ("match", "compatible")}
    linked_b = {y for (x, y), r in relations.items() if r in ("match", "compatible")}
    if not linked_a:
        return False
    return not any(r == "conflict" and x not in linked_a and y not in linked_b for (x, y), r in relations.items())


def placeless(f: Facts) -> bool:
    """No place below the country: nothing located it, or only the country was named."""
    if f.location is None and f.latitude is None:
        return True
    return bool(f.location) and norm(f.location) == norm(f.country) and not f.admin1


def regional(f: Facts) -> bool:
    """Located only to a region (ACLED geo_precision 3)."""
    return (f.geo_precision or 1) >= 3


def strong_actor_match(a: Facts, b: Facts) -> bool:
    """Both name the same specific actor (not a generic role such as civilians or unidentified gunmen)."""
    return any(actor_relation(x, y) == "match" and _kind(x) != "generic" for x in a.actors for y in b.actors)


def same_level(a: Facts, b: Facts) -> bool:
    """Not a region against a town, unless the region and the town share a name ("Bamako" the district
    and the city are one place to outlets and gazetteers alike), here or in one report of an event
    ("in Mandalay region" fits an event that one outlet placed "near Mandalay" and another in a town)."""
    if regional(a) == regional(b):
        return True
    names_a, names_b = (a.location, *a.report_locations), (b.location, *b.report_locations)
    return any(similar(x, y) for x in names_a for y in names_b)


def unconfirmed_place(a: Facts, b: Facts) -> bool:
    """A report placed only in the country, or only in a province while the other names a town: it
    cannot confirm the place, and merges only on the same sub-event type and the same named actor."""
    if not (placeless(a) or placeless(b) or not same_level(a, b)):
        return False
    return not (a.country and b.country and a.sub_event_type == b.sub_event_type and strong_actor_match(a, b))


def match_score(a: Facts, b: Facts) -> float | None:
    """None when the two records cannot be the same incident; else a score to rank candidates by."""
    if not (dates_compatible(a, b) and types_compatible(a, b)):
        return None
    if unconfirmed_place(a, b):
        return None
    if not placeless(a) and not placeless(b) and not places_compatible(a, b):
        return None
    if not actors_compatible(a, b):
        return None
    score = 1.0
    # "A blast" fits a suicide bomb or a car bomb better than the shelling of the same day.
    unnamed_blast = not (a.device_known and b.device_known) and {a.sub_event_type, b.sub_event_type} <= BLASTS
    # The canonical type is the highest of its reports' (ACLED precedence): a report that agrees with one
    # of them agrees with the event ("an attack" on an event that another outlet typed as a takeover).
    same_sub = a.sub_event_type in (b.sub_event_type, *b.report_sub_types) or b.sub_event_type in a.report_sub_types
    score += 1.0 if same_sub or unnamed_blast else 0.0
    score += 0.5 if a.event_type == b.event_type else 0.0
    score += 1.0 if a.event_date == b.event_date else 0.0
    score += 1.0 if a.sublocation and similar(a.sublocation, b.sublocation) else 0.0
    score += 0.5 if similar(a.location, b.location) else 0.0
    km = distance_km(a, b)
    if km is not None:
        score += max(0.0, 1.0 - km / SAME_PLACE_KM)
    # A shared named actor says more than a shared generic role ("Civilians", "Unidentified Armed Group").
    score += sum(0.25 if _kind(x) == "generic" else 0.5
                 for x in a.actors for y in b.actors if actor_relation(x, y) == "match")  # fmt: skip
    return score
