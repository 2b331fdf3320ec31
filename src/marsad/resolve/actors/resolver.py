"""The actor resolver the core calls: mentions in an article, roles in an event, names per country."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from marsad._exceptions import InputError
from marsad.model import Actor, ActorMention, Roles
from marsad.resolve.actors import dictionary as dictionary_module
from marsad.resolve.actors.dictionary import ActorDictionary, GroupEntry, RoleEntry, strip_country
from marsad.resolve.actors.matcher import tokenize
from marsad.resolve.actors.mentions import MentionFinder, build_index
from marsad.resolve.actors.naming import Naming
from marsad.resolve.actors.relations import Slot, slots
from marsad.resolve.actors.rules import Context, assign

if TYPE_CHECKING:
    from spacy.tokens import Doc


class ActorResolver:
    """Finds actors in text and names them the way ACLED does."""

    def __init__(self, dictionary: ActorDictionary | None = None) -> None:
        self.dictionary = dictionary or dictionary_module.load()
        self.naming = Naming(self.dictionary)
        self.index = build_index(self.dictionary)
        self.finder = MentionFinder(self.dictionary, self.naming, self.index)
        # Unlocalised names ("Police Forces", "Islamic State") back to the role or family they came from.
        self._generic_roles = {role.base: role for role in self.dictionary.roles.values()}
        # Transnational families, named per event country ("Islamic State (Sahel)", al-Qaeda's affiliates)
        self._families = {strip_country(g.name): g for g in self.dictionary.groups
                          if "{country}" in g.name or (g.by_country and g.country is None)}  # fmt: skip
        self._observers = {g.name for g in self.dictionary.groups if g.observer}

    # --- the API -------------------------------------------------------------------------------------
    def mentions(self, text: str, *, country: str | None = None, when: date | None = None) -> list[ActorMention]:
        """Every actor named in ``text`` (article offsets). ``country`` only settles shared aliases."""
        if not isinstance(text, str):
            raise InputError(f"actor mentions need text, got {type(text).__name__}")
        return self.finder.find(text, country=country, when=when)

    def roles(
        self,
        doc: Doc,
        offset: int,
        trigger: tuple[int, int],
        sub_event_type: str,
        mentions: list[ActorMention],
        *,
        country: str | None = None,
        when: date | None = None,
    ) -> Roles:
        """Actor 1, actor 2 and associated actors of the event whose trigger is in this sentence.

        Mentions outside the sentence (the core may pass the whole article's) are used only as context
        after the sentence's own: the nearest before it first, then those after it.
        """
        if len(doc) == 0:
            return Roles()
        end = offset + len(doc.text)
        code = self.naming.country_code(country) if country else None
        gang = _has_cue(doc.text, self.dictionary.gang_cues)

        def local(actor: Actor) -> Actor:
            actor = self.localise(actor, country, when=when)
            if gang and actor.generic and actor.name.startswith("Unidentified Armed Group"):
                return self.naming.role_actor(self.dictionary.roles["gang"], code, when)
            return actor

        def default(role_key: str) -> ActorMention:
            if role_key == "unidentified" and gang:
                role_key = "gang"
            actor = self.naming.role_actor(self.dictionary.roles[role_key], code, when)
            return ActorMention(trigger[0], trigger[0], "", actor)

        inside, before, after = [], [], []
        for m in mentions:
            localised = ActorMention(m.start, m.end, m.text, local(m.actor))
            if m.actor.name in self._observers and sub_event_type not in OBSERVER_EVENTS:
                continue  # monitors who report an event are not its actors
            (inside if offset <= m.start < end else before if m.start < offset else after).append(localised)
        found = slots(doc, offset, trigger, inside)
        context = [*reversed(before), *after]
        found += [Slot(m, "other", 100 + n, m.start < offset) for n, m in enumerate(context)]
        def role_in(role_key: str, country_name: str) -> ActorMention:
            actor = self.naming.role_actor(self.dictionary.roles[role_key], self.naming.country_code(country_name), when)
            return ActorMention(trigger[0], trigger[0], "", actor)

        return assign(sub_event_type, found, Context(default=default, role_in=role_in))

    def localise(self, actor: Actor, country_name: str | None, *, when: date | None = None) -> Actor:
        """Name a generic actor after the event's country; state forces abroad become inter 8."""
        code = self.naming.country_code(country_name) if country_name else None
        if actor.country is None and code:
            role = self._generic_roles.get(actor.name)
            if role is not None:
                return self.naming.role_actor(role, code, when)
            family = self._families.get(actor.name)
            if family is not None:
                return self.naming.group_actor(family, code, when)
        if actor.inter == 1 and actor.country and country_name and actor.country != country_name:
            return replace(actor, inter=8)
        return actor

    def lookup(self, name: str) -> list[Actor]:
        """Dictionary actors whose name or an alias is ``name`` (after folding case and accents); when
        none is, those whose name or alias contains it."""
        return [actor for actor, _ in self.lookup_entries(name)]

    def lookup_entries(self, name: str) -> list[tuple[Actor, GroupEntry | RoleEntry]]:
        """Like :meth:`lookup`, with the dictionary entry behind each actor (aliases, years)."""
        if not isinstance(name, str) or not name.strip():
            raise InputError("actor lookup needs a name")
        key = tuple(t.norm for t in tokenize(name))
        exact: list[tuple[Actor, GroupEntry | RoleEntry]] = []
        partial: list[tuple[Actor, GroupEntry | RoleEntry]] = []
        for entry in self.dictionary.groups:
            keys = [tuple(t.norm for t in tokenize(n)) for n in (entry.name, *entry.aliases)]
            if key in keys:
                exact.append((self.naming.group_actor(entry), entry))
            elif any(_contains(k, key) for k in keys):
                partial.append((self.naming.group_actor(entry), entry))
        for role in self.dictionary.roles.values():
            keys = [tuple(t.norm for t in tokenize(w)) for w in (*role.words, role.base)]
            if key in keys:
                exact.append((Actor(role.base, role.inter, None, None, generic=True), role))
        if exact or partial:
            return exact or partial
        whole = [m for m in self.mentions(name.strip()) if m.start == 0 and m.end == len(name.strip())]
        return [(m.actor, self._generic_roles.get(m.actor.name) or _NO_ENTRY) for m in whole]


_NO_ENTRY = RoleEntry(key="", inter=3, kind="armed", words=())
OBSERVER_EVENTS = frozenset({"Agreement", "Other", "Change to group/activity"})


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in cues)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


@cache
def get_resolver() -> ActorResolver:
    """The process-wide resolver (the dictionary is read once)."""
    return ActorResolver()


def resolver_from_files(extra_group_files: tuple[Path, ...]) -> ActorResolver:
    """A resolver whose dictionary includes the user's own group files."""
    return ActorResolver(dictionary_module.load(extra_group_files))
