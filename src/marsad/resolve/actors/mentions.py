"""Find every actor named in a text: dictionary groups, generic roles with their nationality, unknown groups.

One pass of the alias index over the whole article finds the candidates; small rules then join what
belongs together: a nationality in front of a role ("Turkish drones", "Iraq's army") names the role's
country, and a group followed by a role word ("Taliban militants", "members of al-Shabaab") is one
mention of the group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from marsad.model import Actor, ActorMention
from marsad.resolve.actors.dictionary import ActorDictionary
from marsad.resolve.actors.matcher import AliasIndex, Match, Target, Token, tokenize
from marsad.resolve.actors.naming import Naming
from marsad.resolve.actors.unknown import find_unknown

# Words after a group name that still mean the group ("PTI workers", "Hamas members").
_ABSORB = frozenset(
    """members member supporters supporter loyalists elements cadres cadre operatives activists workers
    leaders commander commanders affiliates sympathizers sympathisers men fighters militants gunmen""".split()
)
_LINKS = (("of",), ("of", "the"), ("from",), ("from", "the"), ("loyal", "to"), ("linked", "to"))


@dataclass
class _Found:
    start_token: int
    end_token: int
    target: Target
    code: str | None = None  # nationality named in the text
    pair: Target | None = None  # "A or B": the first group (A), this target being B


def build_index(dictionary: ActorDictionary) -> AliasIndex:
    """Every alias and name of every group, and every role word, in one index."""
    index = AliasIndex()
    for i, entry in enumerate(dictionary.groups):
        target = Target("group", i)
        names = [entry.name.replace("({country})", "").replace("{country}", "")]
        if ": " in entry.name:  # "JNIM: Group for Support of Islam and Muslims"
            acronym, _, full = entry.name.partition(": ")
            names += [full]
            if len(acronym) > 5:  # short acronyms are listed as aliases where they are safe
                names.append(acronym)
        if entry.state is None and not entry.name.startswith(("Military Forces", "Police Forces")):
            index.add_all(names, target)
        index.add_all(entry.aliases, target)
    for key, role in dictionary.roles.items():
        index.add_all(role.words, Target("role", key, proper=role.proper))
    return index


class MentionFinder:
    """Runs the index over a text and turns matches into :class:`ActorMention` objects."""

    def __init__(self, dictionary: ActorDictionary, naming: Naming, index: AliasIndex) -> None:
        self.dictionary = dictionary
        self.naming = naming
        self.index = index

    def find(self, text: str, *, country: str | None = None, when: date | None = None) -> list[ActorMention]:
        tokens = tokenize(text)
        hint = self.naming.country_code(country) if country else None
        matches = self.index.find(tokens, text)
        chooser = hint or self._article_country(matches)  # settles shared aliases only
        found = [self._choose(m.start_token, m.end_token, m.targets, chooser) for m in matches]
        found = self._nationalities(found, tokens, text)
        found = self._merge_groups(found, tokens, text)
        mentions = [self._mention(f, tokens, text, hint, when) for f in found]
        groups = [(m.start, m.end) for m, f in zip(mentions, found, strict=True) if f.target.kind == "group"]
        for start, end, name, inter in find_unknown(text):
            if any(s < end and start < e for s, e in groups):
                continue
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            if any(m.start == start and m.end == end for m in inside):
                continue  # "Iraqi Security Forces": the role with its nationality says it better
            if any(m.start < end and start < m.end for m in mentions if m not in inside):
                continue
            mentions = [m for m in mentions if m not in inside]
            mentions.append(ActorMention(start, end, text[start:end], Actor(name=name, inter=inter)))
        return sorted(mentions, key=lambda m: m.start)

    def _article_country(self, matches: list[Match]) -> str | None:
        """The country most of the article's unambiguous groups belong to, to choose between groups
        that share an alias ("SNA" in an article about Syria). Not used to name anything else."""
        votes: Counter[str] = Counter()
        for m in matches:
            if len(m.targets) == 1 and m.targets[0].kind == "group":
                code = self.dictionary.groups[int(m.targets[0].ref)].country
                if code:
                    votes[code] += 1
        return votes.most_common(1)[0][0] if votes else None

    def _choose(self, start: int, end: int, targets: tuple[Target, ...], hint: str | None) -> _Found:
        """Several entries share an alias: prefer a group of the hinted country, then a generic role,
        then the first group listed."""
        groups = [t for t in targets if t.kind == "group"]
        roles = [t for t in targets if t.kind != "group"]
        if hint:
            for t in groups:
                if self.dictionary.groups[int(t.ref)].country in (hint, None):
                    return _Found(start, end, t)
        if roles:  # a phrase that is also a generic role names a country's group only in that country
            return _Found(start, end, roles[0])
        return _Found(start, end, groups[0])

    def _nationalities(self, found: list[_Found], tokens: list[Token], text: str) -> list[_Found]:
        """Extend roles leftwards over a demonym or possessive country name: 'Turkish drones'."""
        for f in found:
            self._nationality(f, tokens, text)
        kept: list[_Found] = []
        for f in found:  # "Somali police": the demonym is no longer a mention of its own
            while kept and kept[-1].end_token > f.start_token:
                kept.pop()
            kept.append(f)
        return kept

    def _nationality(self, f: _Found, tokens: list[Token], text: str) -> None:
        if f.target.kind != "role" or self.dictionary.roles[str(f.target.ref)].proper:
            return
        i = f.start_token
        for width in (2, 1):
            if i - width < 0:
                continue
            words = tokens[i - width : i]
            phrase = text[words[0].start : words[-1].end]
            code = self.naming.demonym_code(phrase) if phrase[:1].isupper() else None
            if code and _adjacent(text, words[-1], tokens[i]):
                f.start_token, f.code = i - width, code
                break
        if f.code is None and i >= 2 and tokens[i - 1].norm == "s" and text[tokens[i - 2].end] in "'’":
            code = self.naming.country_code(tokens[i - 2].text) if tokens[i - 2].text[:1].isupper() else None
            if code:
                f.start_token, f.code = i - 2, code

    def _merge_groups(self, found: list[_Found], tokens: list[Token], text: str) -> list[_Found]:
        """'Taliban militants' and 'fighters of the Islamic State' are one mention of the group."""
        out: list[_Found] = []
        for f in found:
            prev = out[-1] if out else None
            if prev and prev.target.kind == f.target.kind == "role" and f.start_token == prev.end_token and f.code is None:
                pair = [self.dictionary.roles[str(x.target.ref)] for x in (prev, f)]
                kinds = {r.kind for r in pair}
                if kinds <= {"state"} or kinds <= {"armed"}:  # "Military Police officers": one actor
                    if pair[1].unit and not pair[0].unit:  # "military special forces": the unit says more
                        prev.target = f.target
                    prev.end_token = f.end_token
                    continue
            if prev and prev.target.kind == "group" and f.target.kind == "role" and f.start_token == prev.end_token:
                if self.dictionary.roles[str(f.target.ref)].kind in ("armed", "state", "protest"):
                    prev.end_token = f.end_token
                    continue
            if prev and prev.target.kind == "role" and f.target.kind == "group":
                between = tuple(t.norm for t in tokens[prev.end_token : f.start_token])
                role_kind = self.dictionary.roles[str(prev.target.ref)].kind
                gap = text[tokens[prev.end_token - 1].end : tokens[f.start_token].start]
                if role_kind == "armed" and "(" in gap and between in ((), ("suspected",), ("presumably",), ("likely",)):
                    f.start_token = prev.start_token  # "militants (suspected TTP)": the group, named
                    out[-1] = f
                    continue
                if between in _LINKS and role_kind in ("armed", "state", "protest") and prev.code is None:
                    f.start_token = prev.start_token
                    out[-1] = f
                    continue
            out.append(f)
        for f in out:
            if f.target.kind != "group":
                continue
            if f.end_token < len(tokens) and tokens[f.end_token].norm in _ABSORB:  # "Hamas members"
                f.end_token += 1
            for link in _LINKS:  # "members of the Islamic State"
                i = f.start_token - len(link)
                if i >= 1 and tuple(t.norm for t in tokens[i : f.start_token]) == link and tokens[i - 1].norm in _ABSORB:
                    f.start_token = i - 1
                    break
        return self._either_or(out, tokens, text)

    def _either_or(self, found: list[_Found], tokens: list[Token], text: str) -> list[_Found]:
        """'JNIM or ISGS militants', 'Boko Haram/IS': one actor named "A and/or B", as ACLED does."""
        out: list[_Found] = []
        for f in found:
            prev = out[-1] if out else None
            if prev and prev.target.kind == f.target.kind == "group" and prev.pair is None:
                gap = text[tokens[prev.end_token - 1].end : tokens[f.start_token].start].strip().lower()
                if gap in ("/", "or", "and/or"):
                    out[-1] = _Found(prev.start_token, f.end_token, f.target, pair=prev.target)
                    continue
            out.append(f)
        return out

    def _mention(self, f: _Found, tokens: list[Token], text: str, hint: str | None, when: date | None) -> ActorMention:
        start, end = tokens[f.start_token].start, tokens[f.end_token - 1].end
        if f.target.kind == "group":
            actor = self.naming.group_actor(self.dictionary.groups[int(f.target.ref)], hint, when)
            if f.pair is not None:
                first = self.naming.group_actor(self.dictionary.groups[int(f.pair.ref)], hint, when)
                if first.name != actor.name and not (first.generic or actor.generic):
                    actor = Actor(f"{first.name} and/or {actor.name}", min(first.inter, actor.inter), first.country)
        else:
            actor = self.naming.role_actor(self.dictionary.roles[str(f.target.ref)], f.code, when)
        return ActorMention(start, end, text[start:end], actor)


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return gap in (" ", "-")
