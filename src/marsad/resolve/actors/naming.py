"""ACLED names: countries, state forces with their regime years, generic roles named after a country.

ACLED writes "Military Forces of Iraq (2022-)", "Police Forces of the Philippines (2016-2022)",
"Protesters (Iraq)", "Unidentified Armed Group (Iraq)". Country names and demonyms come from the places
module (``marsad.resolve.places.countries``); the actor dictionary's ``states.yaml`` adds regime years,
"the", and demonyms the places table may lack.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from marsad.model import Actor
from marsad.resolve.actors.dictionary import ActorDictionary, GroupEntry, RoleEntry, strip_country


class Naming:
    """Country lookups and name patterns over one dictionary."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._demonyms: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for code, info in dictionary.states.items():
            self._names[info.name.lower()] = code
            for dem in info.demonyms:
                self._demonyms[dem.lower()] = code

    # --- countries -------------------------------------------------------------------------------
    def country_name(self, code: str | None) -> str | None:
        if not code:
            return None
        info = self.dictionary.states.get(code.upper())
        if info:
            return info.name
        try:
            from marsad.resolve.places.countries import country_name

            name = country_name(code)
        except ImportError:  # places module absent: fall back to pycountry
            import pycountry

            found = pycountry.countries.get(alpha_2=code.upper())
            name = getattr(found, "common_name", None) or getattr(found, "name", None) if found else None
        return name if name and name != code else None

    def country_code(self, name: str | None) -> str | None:
        """Alpha-2 code for an ACLED country name, alias or ISO code."""
        if not name:
            return None
        if len(name) == 2 and name.isupper() and name in self.dictionary.states:
            return name
        code = self._names.get(name.lower())
        if code:
            return code
        try:
            from marsad.resolve.places.countries import country_code

            return country_code(name)
        except ImportError:
            import pycountry

            try:
                return pycountry.countries.lookup(name).alpha_2
            except LookupError:
                return None

    def demonym_code(self, word: str) -> str | None:
        """Alpha-2 code for a nationality adjective ("Turkish" -> "TR"); None for other words."""
        if not word or not word[0].isupper():
            return None
        code = self._demonyms.get(word.lower())
        if code:
            return code
        try:
            from marsad.resolve.places.countries import demonym_code

            return demonym_code(word)
        except ImportError:
            return None

    # --- names -----------------------------------------------------------------------------------
    def state_name(self, kind: str, code: str, unit: str | None = None, when: date | None = None) -> str:
        """"Military Forces of Iraq (2022-)", "Police Forces of the Philippines (2016-) Federal Police"."""
        info = self.dictionary.states.get(code)
        country = self.country_name(code) or code
        label = {"military": "Military Forces of", "police": "Police Forces of", "government": "Government of"}
        name = f"{label[kind]} {'the ' if info and info.the else ''}{country}"
        regime = info.regime(when) if info else None
        if regime:
            name += f" ({regime})"
        if unit:
            name += f" {unit}"
        return name

    def role_actor(self, role: RoleEntry, code: str | None, when: date | None = None) -> Actor:
        """An actor for a generic role, named after ``code``'s country when known."""
        country = self.country_name(code) if code else None
        if country is None:
            return Actor(name=role.base, inter=role.inter, country=None, generic=True)
        if role.state in ("military", "police", "government"):
            name = self.state_name(role.state, code or "", role.unit, when)
        else:
            name = (role.name or role.key).replace("{country}", country)
        return Actor(name=name, inter=role.inter, country=country, generic=True)

    def group_actor(self, entry: GroupEntry, code: str | None = None, when: date | None = None) -> Actor:
        """An actor for a named group, localised to the event country for transnational families."""
        actor = self._group_actor(entry, code, when)
        renamed = self.dictionary.renamed(actor.name, when)
        return actor if renamed == actor.name else replace(actor, name=renamed)

    def _group_actor(self, entry: GroupEntry, code: str | None, when: date | None) -> Actor:
        home = entry.country
        if entry.state_from and home and (when or date.today()) >= entry.state_from:
            name = self.state_name("military", home, None, when)
            return Actor(name=name, inter=1, country=self.country_name(home), parent=entry.name)
        if entry.state and home:
            name = self.state_name(entry.state, home, entry.unit, when)
            return Actor(name=name, inter=1, country=self.country_name(home), parent=entry.parent)
        if "{country}" in entry.name:
            target = code or home
            if target and target in entry.by_country:
                return Actor(entry.by_country[target], entry.inter, self.country_name(target), entry.parent)
            country = self.country_name(target) if target else None
            if country is None:
                return Actor(strip_country(entry.name), entry.inter, None, entry.parent, generic=True)
            return Actor(entry.name.replace("{country}", country), entry.inter, country, entry.parent)
        if code and code in entry.by_country:
            return Actor(entry.by_country[code], entry.inter, self.country_name(code), entry.parent)
        return Actor(entry.name, entry.inter, self.country_name(home), entry.parent)
