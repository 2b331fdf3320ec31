"""Demonstrations: protests and riots decided as one family.

What protesters did and what was done to them decides the sub-event type (ACLED codebook): protesters
who clash, throw stones or burn tyres make a Violent demonstration; peaceful protesters met by lethal
force or serious injury make Excessive force; dispersal, tear gas or arrests make a Protest with
intervention; otherwise a Peaceful protest. An act named as the protest's topic ("rally against the
killing of...") is not something that happened at the protest.
"""

from __future__ import annotations

import re

from marsad.detect._features import Clause, Hit
from marsad.detect._scoring import Decision, decision

_TOPIC_NEAR = re.compile(
    r"\b(?:against|over|condemn\w*|denounc\w*|protest(?:ing|ed)?|about|for the|end to|stop|of the)\b", re.I
)
_TOPIC_FAR = re.compile(
    r"\b(?:release of|justice for|anniversary of|mourn\w*|honou?r\w*|recent|recently|last (?:week|month|year)|"
    r"after the|after a|following|previous|earlier|past|demand\w* (?:an )?(?:investigation|probe|inquiry))\b",
    re.I,
)


def _blocked_as_topic(clause: Clause, hit: Hit) -> bool:
    """"protest against the arrest of", "rally over the killing of": the act is the protest's topic."""
    words = clause.text[max(0, hit.start - 80):hit.start].split()
    noun = clause.text[hit.start:hit.end].lower().rstrip("s") in _NOMINAL
    near = 7 if noun else 3
    return bool(_TOPIC_NEAR.search(" ".join(words[-near:])) or _TOPIC_FAR.search(" ".join(words[-7:])))


_NOMINAL = frozenset(
    "arrest detention killing death murder violence attack shooting rape abduction kidnapping "
    "disappearance beating torture crackdown".split()
)


def demonstration(clause: Clause) -> Decision | None:
    """Protests and riots: one family, decided by what protesters did and what was done to them."""
    protest = clause.best("Peaceful protest")
    riot = [h for h in clause.hits.get("Violent demonstration", []) if not _blocked_as_topic(clause, h)]
    strong_riot = [h for h in riot if h.weight >= 0.9]
    mob = clause.best("Mob violence")
    if protest is None and not clause.has("protester"):
        if mob is not None:
            return decision("Mob violence", mob)
        riot_words = [h for h in strong_riot if clause.text[h.start:h.end].lower().startswith("riot")]
        if riot_words:
            return decision("Violent demonstration", riot_words[0])
        control = [h for h in clause.hits.get("Protest with intervention", []) if _is_crowd_control(clause, h)]
        if control and clause.has("state_forces") and not clause.has("armed_group"):
            return Decision("Protest with intervention", control[0].start, control[0].end, 0.6)
        crowd = clause.has("mob", "civilian") and not clause.has("armed_group")
        street = [h for h in strong_riot if _is_street_act(clause, h)]
        if street and not clause.has("armed_group"):
            return Decision("Violent demonstration", street[0].start, street[0].end, 0.75)
        acts = [h for h in strong_riot if h.sub_event == "Violent demonstration" and _is_crowd_act(clause, h)]
        if acts and crowd:
            return Decision("Mob violence", acts[0].start, acts[0].end, 0.8)
        return None
    anchor = protest or Hit("Peaceful protest", *clause.cues["protester"][0], 0.75)
    if anchor.weight < 0.75 and not _weak_protest_supported(clause) and not strong_riot:
        return None  # a weak cue alone ("to demand") is no protest; with tyres burning it is
    if strong_riot or (riot and not clause.text.lower().count("peaceful")):
        hit = (strong_riot or riot)[0]
        if mob is not None and protest is None:
            return decision("Mob violence", mob)
        return Decision("Violent demonstration", hit.start, hit.end, max(0.8, min(1.0, hit.weight + 0.05))
                        if anchor.weight >= 0.75 else hit.weight)
    lethal = [s for s in clause.cues.get("lethal_force", [])
              if not _blocked_as_topic(clause, Hit("", s[0], s[1], 0))]
    forced = clause.has("state_forces", "armed_group", "small_arms") or bool(clause.hits.get("Attack"))
    if lethal:
        serious = [
            s for s in lethal
            if clause.text[s[0]:s[1]].lower() not in ("injured", "wounded", "beat", "beaten")
            and (forced or _FIREARM.search(clause.text[s[0]:s[1]]))
        ]
        if serious:
            s, e = serious[0]
            return Decision("Excessive force against protesters", s, e, 0.85 if anchor.weight >= 0.75 else 0.6)
    intervention = [h for h in clause.hits.get("Protest with intervention", []) if not _blocked_as_topic(clause, h)]
    if intervention or (lethal and clause.has("state_forces")):
        hit = intervention[0] if intervention else Hit("", *lethal[0], 0.8)
        return Decision("Protest with intervention", hit.start, hit.end, 0.85 if anchor.weight >= 0.75 else 0.6)
    return decision("Peaceful protest", anchor)


_GRIEVANCE = re.compile(
    r"\b(?:against|complain\w*|denounc\w*|slogans?|placards?|banners?|in protest|grievances?|"
    r"opposition|activists?|unions?|workers|rights|justice|wages?|salar(?:y|ies)|resign\w*|reject\w*)\b",
    re.I,
)


def _weak_protest_supported(clause: Clause) -> bool:
    """A gathering, a blocked road or a chant is a protest only when a grievance is named with it."""
    weak = {clause.text[h.start:h.end].lower() for h in clause.hits.get("Peaceful protest", [])}
    blockade = any(w.startswith(("block", "road")) for w in weak)
    return blockade or len(weak) >= 2 or bool(_GRIEVANCE.search(clause.text))


def _is_street_act(clause: Clause, hit: Hit) -> bool:
    """Burning tyres, barricades, debris in the street: the acts of a demonstration turned violent."""
    word = clause.text[hit.start:hit.end].lower()
    return any(w in word for w in ("tyre", "tire", "barricad", "debris", "objects", "branches", "molotov",
                                   "petrol bomb", "riot"))


def _is_crowd_act(clause: Clause, hit: Hit) -> bool:
    """Stone pelting, clashing, vandalising, setting a car alight: acts of a crowd (the caller has made sure
    no armed group is named). "Set fire to" and "torched" stay with property destruction: measured worse
    as crowd acts (ACLED dev event type -4 rows, CASE 2021 0.830 -> 0.828)."""
    word = clause.text[hit.start:hit.end].lower()
    return any(w in word for w in ("stone", "pelt", "threw", "throw", "hurl", "clash", "vandal", "smash", "rampag",
                                   "alight", "ablaze"))


_FIREARM = re.compile(r"shot|fire|ammunition|bullet|gunfire|rounds|serious|excessive|brutal|suppress|crush|fatal", re.I)


def _is_crowd_control(clause: Clause, hit: Hit) -> bool:
    """Tear gas, water cannon, baton charges, dispersal: police action against a gathering."""
    word = clause.text[hit.start:hit.end].lower()
    return any(w in word for w in ("tear", "water cannon", "rubber", "dispers", "baton", "lathi", "stun", "pepper"))
