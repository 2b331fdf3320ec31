"""Decision rules: from a clause's triggers and cues to one ACLED sub-event type.

The rules follow the ACLED codebook's definitions and its precedence (Battles > Protests > Riots >
Explosions/Remote violence > Violence against civilians > Strategic developments), with the codebook's
own corrections to that order:
- a demonstration is one family: protesters who clash or throw stones make a Violent demonstration;
  peaceful protesters met by lethal force or serious injury make Excessive force; dispersal, tear gas
  or arrests make Protest with intervention;
- the same violence verb is an Armed clash when the target is armed, an Attack when it is a civilian;
- one-sided heavy weapons are E/RV unless a two-sided fight is reported (then Battles);
- a defused, seized or intercepted weapon is Disrupted weapons use, not an explosion.
"""

from __future__ import annotations

import re

from marsad.detect._demonstration import demonstration
from marsad.detect._features import ARMED, Clause, Hit, agent_of, victim_of
from marsad.detect._lexicon import Lexicon
from marsad.detect._scoring import ERV, KILL_WORDS, PRECEDENCE, SD, Decision, decision, usable



def territory(clause: Clause) -> Decision | None:
    """Territorial change: who took it and whether there was a fight."""
    regain = clause.best("Government regains territory")
    capture = clause.best("Non-state actor overtakes territory")
    hit = regain or capture
    if hit is None:
        return None
    fight = clause.best("Armed clash") is not None
    peaceful = clause.has("nonviolent_transfer") and not fight
    if peaceful:
        return decision("Non-violent transfer of territory", hit)
    agent = agent_of(clause, hit)
    if agent == "armed_group":
        return decision("Non-state actor overtakes territory", hit)
    if agent == "state_forces" or regain is not None:
        return decision("Government regains territory", hit)
    if clause.has("armed_group") and not clause.has("state_forces"):
        return decision("Non-state actor overtakes territory", hit)
    return decision("Non-state actor overtakes territory", hit, -0.1)


def explosive(clause: Clause) -> Decision | None:
    """The E/RV sub-type of the strongest weapon trigger (ties broken by ACLED's order)."""
    hits = [h for name in ERV if (h := usable(clause, name)) is not None]
    if not hits:
        return None
    disrupted = clause.best("Disrupted weapons use")
    if disrupted is not None:
        spans = [s for s in clause.cues.get("explosion_happened", [])
                 if not (disrupted.start <= s[0] < disrupted.end)]
        if not spans:
            return decision("Disrupted weapons use", disrupted)
    if not _ACTION.search(clause.text) and not clause.hits.get("Attack"):
        # weapons that are only named (sold, displayed, flown, feared) are no attack
        hits = [h for h in hits if _ACTION.search(clause.text[h.start:h.end]) or h.sub_event == "Chemical weapon"]
        if not hits:
            return None
    best = max(hits, key=lambda h: (h.weight, -ERV.index(h.sub_event)))
    if best.sub_event == "Shelling/artillery/missile attack" and clause.has("small_arms") and clause.has(
        "armed_target", "state_forces"
    ):
        return decision("Armed clash", best, -0.05)
    return decision(best.sub_event, best)


_PARTIES = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:between|with|among|amongst)\b", re.I)
_ACTION = re.compile(
    r"\b(?:strikes?|struck|bomb(?:s|ed|ing)|raids?|attack\w*|pound\w*|hit|hits|target\w*|fired|firing|shell\w*|"
    r"destroy\w*|kill\w*|wound\w*|injur\w*|damag\w*|explo\w*|detonat\w*|blast\w*|went off|landed|fell|rocked|"
    r"launch\w*|dropped|lobbed|hurled|thrown|threw|planted|exchang\w*|used|victims?|dead|died|casualt\w*|suicide|"
    r"fire|observed|projectiles?|bursts?|shots?|gunfire|rounds|fighting|clash\w*|battles?|operations?|sorties|"
    r"air ?strikes?|airstrikes?|bombard\w*|intercept\w*|downed|shot down)\b",
    re.I)


def battle(clause: Clause) -> Decision | None:
    """A two-sided fight reported as such (clash, gunfight, exchange of fire...)."""
    hit = usable(clause, "Armed clash", civilian_ok=False)
    if hit is None:
        return None
    if hit.weight < 0.9 and not clause.has("armed_group", "state_forces", "armed_target", "weapons",
                                            "small_arms", "heavy_weapons"):
        return None
    named = clause.has("armed_group", "state_forces", "armed_target", "weapons", "small_arms", "heavy_weapons",
                       "civilian", "mob", "protester", "lethal_force")
    vague = clause.text[hit.start:hit.end].lower().startswith(("clash", "confront"))
    if vague and not named and not _PARTIES.search(clause.text[hit.end:hit.end + 40]):
        return None  # "the clash reflects the tension": no one fights
    crowd = clause.has("mob") or (clause.has("civilian", "protester") and not clause.has("armed_target"))
    brawl = clause.text[hit.start:hit.end].lower().startswith(("clash", "fight", "fought", "confront", "skirmish"))
    if crowd and brawl and not clause.has("armed_group", "small_arms", "heavy_weapons"):
        return Decision("Mob violence", hit.start, hit.end, 0.8)
    two_sided = clause.has("armed_group") and clause.has("state_forces")
    word = clause.text[hit.start:hit.end].lower()
    if _BACKGROUND.search(clause.text[max(0, hit.start - 25):hit.start]):
        return Decision("Armed clash", hit.start, hit.end, 0.55)
    if word.startswith(("ambush", "raid", "storm", "assault")) and victim_of(clause, hit) == "civilian":
        return None
    fight_word = word.startswith(("fight", "fought", "battl", "engag", "hostil", "combat", "confront"))
    return decision("Armed clash", hit, 0.3 if hit.weight < 0.9 and two_sided and fight_word else 0.0)


_BACKGROUND = re.compile(
    r"(?:\b(?:during|amid|amidst|after|following|despite|since)\s+(?:\w+(?:['’]s)?\s+){0,2}"  # "after Sunday's raid"
    r"|,\s*as\s+(?:\w+\s+){0,3})$", re.I
)
"""A clash named as the setting of another act ("a grenade exploded during clashes") is background."""


def violence(clause: Clause) -> Decision | None:
    """One-sided violence: sexual violence, abduction, or an attack whose target decides its type."""
    sexual = usable(clause, "Sexual violence")
    if sexual is not None:
        return decision("Sexual violence", sexual)
    attack = usable(clause, "Attack")
    abduction = usable(clause, "Abduction/forced disappearance")
    if abduction is not None:
        killed = attack is not None and any(w in clause.text[attack.start:attack.end].lower() for w in KILL_WORDS)
        return decision("Attack", attack) if killed and attack is not None else decision(
            "Abduction/forced disappearance", abduction)
    if attack is None or explosive(clause) is not None:
        return None
    victim, agent = victim_of(clause, attack), agent_of(clause, attack)
    victims = {victim_of(clause, h) for h in clause.hits.get("Attack", [])} - {None}
    if victim is None and victims & ARMED and "civilian" not in victims:
        victim = next(iter(victims & ARMED))
    if agent in ("mob", "protester") or (agent is None and clause.has("mob") and not clause.has("armed_group")):
        return Decision("Mob violence", attack.start, attack.end, 0.75)
    both_sides = clause.has("armed_group") and clause.has("state_forces")
    if victim in ARMED and (agent in ARMED or agent is None):
        if agent != victim or victim in ("armed_target", "armed_group") or both_sides:
            return Decision("Armed clash", attack.start, attack.end, DERIVED_CLASH)
    if victim is None and both_sides and not clause.has("civilian"):
        return Decision("Armed clash", attack.start, attack.end, DERIVED_CLASH - 0.05)
    if agent == "civilian" and _group_beating(clause, attack):
        return Decision("Mob violence", attack.start, attack.end, 0.8)
    if victim == "civilian" or victim == "protester":
        return decision("Attack", attack)
    if agent in ARMED:
        return Decision("Attack", attack.start, attack.end, UNSURE_ATTACK)
    return Decision("Attack", attack.start, attack.end, min(attack.weight, UNSURE_ATTACK))


_PLURAL_AGENT = re.compile(
    r"\bby (?:a |an |the |angry |local )?(?:group of )?(?:villagers|residents|locals|community members|youths|"
    r"mob|crowd|relatives|neighbou?rs|traders|vigilantes)\b|"
    r"\b(?:villagers|residents|locals|youths|traders|relatives|neighbou?rs)\s+"
    r"(?:\w+\s+)?(?:beat|beaten|thrashed|attacked|assaulted|lynched|stoned)\b", re.I)


def _group_beating(clause: Clause, hit: Hit) -> bool:
    """Several unarmed people beating or assaulting someone: mob violence, not an armed attack."""
    word = clause.text[hit.start:hit.end].lower()
    if not word.startswith(("beat", "assault", "attack", "lynch", "thrash", "ston", "hack", "stab", "hurt", "injur")):
        return False
    window = clause.text[max(0, hit.start - 60):hit.end + 60]
    return bool(_PLURAL_AGENT.search(window))


DERIVED_CLASH = 0.74
"""Score of an Armed clash read from a violence verb and an armed victim: below an explicit weapon
(0.9) by more than the article band, so "X shelled Y; ten soldiers were killed" stays a shelling."""
UNSURE_ATTACK = 0.7
"""Score of an Attack whose victim is not named as a civilian."""


def strategic(clause: Clause) -> Decision | None:
    """Strategic developments: best trigger, weak ones only with armed actors or war words around."""
    hits = []
    for name in SD:
        hit = usable(clause, name, civilian_ok=name in ("Arrests", "Other"))
        if hit is not None and (name != "Arrests" or significant_arrest(clause)):
            hits.append(hit)
    if not hits:
        return None
    best = max(hits, key=lambda h: (h.weight, -h.start))
    return decision(best.sub_event, best, -0.1)


_MASS = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|mass|several hundred|over \d{2,}|more than \d{2,}|"
    r"at least \d{2,}|\d{2,}(?:,\d{3})*)\b", re.I)


def significant_arrest(clause: Clause) -> bool:
    """ACLED codes arrests of significant people or politically significant mass arrests, not the
    arrest of a thief: the clause names a political or armed actor, or many people."""
    return clause.has("political", "armed_group", "protester") or bool(_MASS.search(clause.text))


def decide(lexicon: Lexicon, clause: Clause) -> Decision | None:
    """The clause's sub-event type, or None when it reports no event.

    Every rule proposes its reading; the strongest readings (within ``BAND`` of the best score) are
    ordered by ACLED's precedence, so a weak cue of a higher type never beats a clear lower one.
    """
    if clause.topic is not None or not clause.hits:
        return None
    demo = demonstration(clause)
    if demo is not None and demo.sub_event != "Mob violence" and demo.score >= 0.75:
        return demo
    found = [d for rule in RULES if (d := rule(clause)) is not None]
    if not found:
        return None
    top = max(d.score for d in found)
    return min((d for d in found if d.score >= top - BAND), key=lambda d: PRECEDENCE.index(d.sub_event))


RULES = (demonstration, territory, battle, explosive, violence, strategic)
BAND = 0.1
