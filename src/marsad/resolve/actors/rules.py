"""ACLED's actor rules per sub-event type, applied to the slots read off the parse.

Protests always have "Protesters (Country)" as actor 1 (inter 6) and riots "Rioters (Country)" (5), with
organisers and identities (parties, unions, students, women) as associated actors. Violence against
civilians has "Civilians (Country)" as actor 2 (7) with the victims' descriptors associated. Battles need
two armed sides. When the text names nobody, the sensible default for the sub-event type and country is
used ("Unidentified Armed Group (Country)" for unknown perpetrators, the state's police for arrests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from marsad.model import ActorMention, Roles
from marsad.resolve.actors.relations import Slot

PROTEST = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
RIOT = frozenset({"Violent demonstration", "Mob violence"})
VAC = frozenset({"Attack", "Sexual violence", "Abduction/forced disappearance"})
BATTLE = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})
REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                    "Grenade", "Suicide bomb", "Chemical weapon"})  # fmt: skip
GENERIC_PENALTY = 2  # dependency edges
STATE_DEFAULT = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use"})


def kind(m: ActorMention) -> str:
    """How an actor behaves in an event, from its type: state, armed, riot, protest, civilian, descriptor."""
    inter = m.actor.inter
    if inter in (1, 8):
        return "descriptor" if m.actor.name.startswith("Government") else "state"
    if inter == 7:
        return "civilian" if m.actor.name.startswith("Civilians") else "descriptor"
    return {5: "riot", 6: "protest"}.get(inter, "armed")


def _government(m: ActorMention) -> bool:
    return m.actor.name.startswith("Government of")


def fighting(m: ActorMention) -> bool:
    return kind(m) in ("state", "armed")


def victim(m: ActorMention) -> bool:
    return kind(m) in ("civilian", "descriptor")


@dataclass
class Context:
    """What the rules need besides the slots: how to make a default actor of a role for the event."""

    default: Callable[[str], ActorMention]  # role key -> localised mention without text
    role_in: Callable[[str, str], ActorMention]  # (role key, country name) -> mention without text


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.actor.name not in seen:
            seen.add(m.actor.name)
            out.append(m)
    return out


def _pick(slots: list[Slot], roles: tuple[str, ...], test: Callable[[ActorMention], bool]) -> list[ActorMention]:
    """Mentions in these slots passing ``test``, closest to the trigger first; a generic role counts as
    slightly further, since "artillery" or "militants" next to the trigger usually stand for a group
    named nearby."""
    found = [s for s in slots if s.role in roles and test(s.mention)]
    found.sort(key=lambda s: (s.distance + (GENERIC_PENALTY if s.mention.actor.generic else 0), s.mention.start))
    return [s.mention for s in found]


def _civilians(slots: list[Slot], ctx: Context, anywhere: bool) -> tuple[ActorMention, list[ActorMention]]:
    """'Civilians (Country)' spanning the first victim mention, with descriptors as associated actors."""
    victims = _pick(slots, ("patient",), victim)
    if anywhere and not victims:
        victims = _pick(slots, ("patient", "other", "side", "agent"), lambda m: victim(m) and not _government(m))
    civ = ctx.default("civilians")
    first = next((m for m in victims if kind(m) == "civilian"), victims[0] if victims else None)
    if first is not None:
        if first.actor.generic and first.actor.country and first.actor.country != civ.actor.country:
            civ = ctx.role_in("civilians", first.actor.country)  # "Venezuelan migrants" abroad
        civ = ActorMention(first.start, first.end, first.text, civ.actor)
    descriptors = _unique([m for m in victims if kind(m) == "descriptor" or m.actor.name != civ.actor.name])
    return civ, [m for m in descriptors if m.actor.name != civ.actor.name]


def _organisers(slots: list[Slot], exclude: set[str]) -> list[ActorMention]:
    """Parties, unions, movements and identities acting with the crowd: associated actors."""
    found = _pick(slots, ("agent", "side", "assoc", "other"), lambda m: kind(m) in ("armed", "descriptor", "protest"))
    named = [m for m in found if (not m.actor.generic or kind(m) == "descriptor") and not _government(m)]
    return [m for m in _unique(named) if m.actor.name not in exclude]


def _crowd(slots: list[Slot], ctx: Context, role: str, crowd_kind: str) -> ActorMention:
    generic = ctx.default(role)
    for s in slots:
        if kind(s.mention) == crowd_kind or (s.role == "agent" and kind(s.mention) in ("civilian", "descriptor")):
            return ActorMention(s.mention.start, s.mention.end, s.mention.text, generic.actor)
    return generic


def _protest(sub: str, slots: list[Slot], ctx: Context) -> Roles:
    actor1 = _crowd(slots, ctx, "protesters", "protest")
    roles = Roles(actor1=actor1)
    state = _pick(slots, ("patient", "agent", "side", "other"), lambda m: kind(m) == "state")
    if sub != "Peaceful protest":
        roles.actor2 = state[0] if state else ctx.default("police")
    roles.assoc1 = _organisers(slots, {actor1.actor.name})
    return roles


def _riot(sub: str, slots: list[Slot], ctx: Context) -> Roles:
    actor1 = _crowd(slots, ctx, "rioters", "riot")
    roles = Roles(actor1=actor1)
    targets = _pick(slots, ("patient",), lambda m: kind(m) != "riot")
    state = _pick(slots, ("agent", "other", "side", "patient"), lambda m: kind(m) == "state")
    if targets and victim(targets[0]) and sub == "Violent demonstration" and state:
        # "people were killed after demonstrators stormed parliament and police opened fire": ACLED codes
        # the rioters against the police; the dead are the event's fatalities, not its second side.
        roles.actor2 = state[0]
    elif targets and victim(targets[0]):
        roles.actor2, roles.assoc2 = _civilians(slots, ctx, anywhere=False)
    elif targets:
        roles.actor2 = targets[0]
    elif sub == "Violent demonstration":
        state = _pick(slots, ("other", "side"), lambda m: kind(m) == "state")
        roles.actor2 = state[0] if state else None
    exclude = {actor1.actor.name} | ({roles.actor2.actor.name} if roles.actor2 else set())
    assoc2 = {m.actor.name for m in roles.assoc2}
    roles.assoc1 = [m for m in _organisers([s for s in slots if s.role != "patient"], exclude) if m.actor.name not in assoc2]
    return roles


def _perpetrator(slots: list[Slot], ctx: Context, default: str) -> ActorMention:
    for roles in (("agent",), ("side", "other"), ("assoc",)):
        found = _pick(slots, roles, fighting)
        if found:
            return found[0]
    return ctx.default(default)


def _vac(slots: list[Slot], ctx: Context) -> Roles:
    actor1 = _perpetrator(slots, ctx, "unidentified")
    actor2, assoc2 = _civilians(slots, ctx, anywhere=True)
    assoc1 = [m for m in _pick(slots, ("assoc",), fighting) if m.actor.name != actor1.actor.name]
    return Roles(actor1=actor1, actor2=actor2, assoc1=_unique(assoc1), assoc2=assoc2)


def _battle(slots: list[Slot], ctx: Context) -> Roles:
    order = ("agent", "side", "patient", "other")
    parties = _unique([m for r in order for m in _pick(slots, (r,), fighting)])
    actor1 = parties[0] if parties else ctx.default("military")
    others = [m for m in parties if m.actor.name != actor1.actor.name]
    if others:
        actor2 = others[0]
    else:
        actor2 = ctx.default("unidentified" if kind(actor1) == "state" else "military")
    assoc = [m for m in _pick(slots, ("assoc",), fighting) if m.actor.name not in (actor1.actor.name, actor2.actor.name)]
    return Roles(actor1=actor1, actor2=actor2, assoc1=_unique(assoc))


def _remote(sub: str, slots: list[Slot], ctx: Context) -> Roles:
    actor1 = _perpetrator(slots, ctx, "military" if sub in STATE_DEFAULT else "unidentified")
    roles = Roles(actor1=actor1)
    targets = [m for m in _pick(slots, ("patient", "side"), lambda m: True) if m.actor.name != actor1.actor.name]
    if targets and victim(targets[0]):
        roles.actor2, roles.assoc2 = _civilians(slots, ctx, anywhere=False)
    elif targets:
        roles.actor2 = targets[0]
    else:
        later = [m for m in _pick(slots, ("other",), fighting) if m.actor.name != actor1.actor.name]
        roles.actor2 = later[0] if later else None
    return roles


def _strategic(sub: str, slots: list[Slot], ctx: Context) -> Roles:
    if sub == "Arrests":
        state = _pick(slots, ("agent", "side", "other", "assoc"), lambda m: kind(m) == "state")
        roles = Roles(actor1=state[0] if state else ctx.default("police"))
        targets = _pick(slots, ("patient",), lambda m: kind(m) != "state")
        if targets and victim(targets[0]):
            roles.actor2, roles.assoc2 = _civilians(slots, ctx, anywhere=False)
        elif targets:
            roles.actor2 = targets[0]
        return roles
    if sub == "Looting/property destruction":
        roles = Roles(actor1=_perpetrator(slots, ctx, "unidentified"))
        if _pick(slots, ("patient",), victim):
            roles.actor2, roles.assoc2 = _civilians(slots, ctx, anywhere=False)
        return roles
    if sub == "Disrupted weapons use":
        state = _pick(slots, ("agent", "side", "other", "patient"), lambda m: kind(m) == "state")
        actor1 = state[0] if state else ctx.default("military")
        others = _pick(slots, ("agent", "patient", "other", "side"), lambda m: kind(m) == "armed")
        return Roles(actor1=actor1, actor2=others[0] if others else None)
    parties = _unique(_pick(slots, ("agent", "side", "other", "patient"), lambda m: not victim(m) or _government(m)))
    if not parties:  # "migrants returned": civilians are the only actors
        civ, _ = _civilians(slots, ctx, anywhere=True)
        return Roles(actor1=civ) if civ.text else Roles()
    return Roles(actor1=parties[0], actor2=parties[1] if len(parties) > 1 else None)


def assign(sub_event_type: str, slots: list[Slot], ctx: Context) -> Roles:
    """Actor 1, actor 2 and associated actors for one event of ``sub_event_type``."""
    if sub_event_type in PROTEST:
        return _protest(sub_event_type, slots, ctx)
    if sub_event_type in RIOT:
        return _riot(sub_event_type, slots, ctx)
    if sub_event_type in VAC:
        return _vac(slots, ctx)
    if sub_event_type in BATTLE:
        return _battle(slots, ctx)
    if sub_event_type in REMOTE:
        return _remote(sub_event_type, slots, ctx)
    return _strategic(sub_event_type, slots, ctx)


def civilian_targeting(roles: Roles, sub_event_type: str) -> str | None:
    """ACLED's civilian_targeting: "Civilians targeted" when civilians are the main target."""
    if sub_event_type in BATTLE or sub_event_type in PROTEST - {"Excessive force against protesters"}:
        return None
    if sub_event_type in VAC or sub_event_type == "Excessive force against protesters":
        return "Civilians targeted"
    if roles.actor2 is not None and roles.actor2.actor.inter == 7:
        return "Civilians targeted"
    return None
