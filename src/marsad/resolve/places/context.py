"""What the words around a place name say: qualifiers, region words, containers, non-locational uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.resolve.places.lexicon import Lexicon
from marsad.resolve.places.recognize import Candidate, Token

_PREPOSITIONS = frozenset({"in", "at", "from", "to", "into", "near", "outside", "across", "towards", "toward"})
_NAME = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}"
_SIDE = (r"(?:north|south|east|west|central|northern|southern|eastern|western|"
         r"north-?eastern|north-?western|south-?eastern|south-?western)")
# "X (Y", "X sector area (Y", "X, Y", "X (Unknown, Y", "X of the Y", "X, in northern Y", "X, near Y", "X district
# center, Y" (the region word itself is part of X): Y contains X
_SEAT = r"(?:\s+(?:administrative|administration|government))?\s+(?:center|centre|headquarters|seat)"
_NEST_GAP = re.compile(rf"^(?:(?:\s+(?!and\b|or\b)[a-z]+){{0,3}}\s*\("
                       rf"|(?:{_SEAT})?\s*,(?:\s*in(?:\s+the)?(?:\s+{_SIDE})?|\s*near)?"
                       rf"|\s+of(?: the)?\s)\s*(?:{_NAME}\s*,\s*)?$")
# "X in Y": a weaker hint ("a statue of Saint X in Rome"), never a reason to reject X's readings
_SOFT_GAP = re.compile(r"^\s*(?:in|-)\s*$")
_LIST_GAP = re.compile(rf"^\s*,?\s*(?:{_NAME}\s*,\s*)*(?:{_NAME}\s*,?\s+)?(?i:and|or|&)\s+$")


@dataclass
class Cue:
    """Context of one candidate, gathered before scoring."""

    region_level: int | None = None  # "X province" -> 1, "X district" -> 2
    settlement: bool = False  # "X village"
    qualifier: str | None = None  # "near", "outskirts of" ...
    containers: list[int] = field(default_factory=list)  # indices of candidates that contain this one
    contains: list[int] = field(default_factory=list)  # indices of candidates this one contains
    non_locational: str | None = None  # why: demonym | organisation | metonymy | street name
    list_end: int | None = None  # in a list "A, B and C": its last item, whose containers are the whole list's
    paren: bool = False  # containers given in parentheses: "X (District, Province)"
    strict: bool = False  # containers after "(" or ",": X must lie in them (else X is another place)

    @property
    def in_list(self) -> bool:
        return self.list_end is not None


@lru_cache(maxsize=4)
def _qualifier_re(quals: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    alts = "|".join(r"\s+".join(map(re.escape, q)) for q in quals)
    tail = r"(?:\s+the)?(?:\s+(?:town|city|village|villages|district|province|region|area|outskirts)(?:\s+of)?)?\s*$"
    return re.compile(rf"\b({alts})(?:\s+\d+\s*(?:km|kilometres|kilometers|miles)\s+\w+\s+of)?{tail}", re.I)


def qualifier_before(text: str, start: int, lex: Lexicon) -> str | None:
    window = text[max(0, start - 60) : start]
    window = re.split(r"[.;!?\n]", window)[-1]
    m = _qualifier_re(lex.qualifiers).search(window)
    return m.group(1).lower() if m else None


def gather(text: str, tokens: list[Token], cands: list[Candidate], lex: Lexicon) -> list[Cue]:
    """One :class:`Cue` per candidate."""
    cues = [Cue() for _ in cands]
    for n, c in enumerate(cands):
        cue = cues[n]
        nxt = tokens[c.last] if c.last < len(tokens) else None
        between = text[c.end : nxt.start] if nxt else ""
        if nxt and not between.strip(" -'’\"”)"):  # a closing quote or bracket: "the 'Qalat' area", "X (Y) district"
            if nxt.low in lex.region_words:
                cue.region_level = lex.region_words[nxt.low]
            elif nxt.low in lex.settlement_words:
                cue.settlement = True
            elif lex.sub_after.get(nxt.low) in ("street", "square", "bridge"):
                cue.non_locational = "street name"  # "Rashid road" is a road, not a town called Rashid
        cue.qualifier = qualifier_before(text, c.start, lex)
        if c.demonym:
            cue.non_locational = "demonym"
        elif nxt is not None and cue.non_locational is None:
            cue.non_locational = _organisation_or_metonymy(text, tokens, c, lex)
    _lists(text, tokens, cands, cues)
    # containers: "X (Y, Z)", "X, Y", "X of the Y region", "X village (Y)", "X sector area (Y district, Z)"
    for n, c in enumerate(cands):
        if cues[n].in_list and cues[n].list_end != n:
            continue
        end = _end(tokens, c, cues[n])
        k = n + 1
        while k < len(cands) and k <= n + 3:
            gap = text[end : cands[k].start]
            nest = _NEST_GAP.match(gap)
            if not nest and not _SOFT_GAP.match(gap) and not (k > n + 1 and gap.strip() in (",", "", ")")):
                break
            if k == n + 1:
                cues[n].paren = "(" in gap
                cues[n].strict = bool(nest)
            if (cands[k].ids or "unknown" in cands[k].flags) and cues[k].non_locational is None:
                cues[n].containers.append(k)
                if cues[n].strict:
                    cues[k].contains.append(n)
            end = _end(tokens, cands[k], cues[k])
            k += 1
    for n, cue in enumerate(cues):  # "Shah Wali Kot and Maywand districts, Kandahar": Kandahar holds both
        last = cues[cue.list_end] if cue.list_end is not None and cue.list_end != n else None
        if last is not None and last.containers:
            cue.containers, cue.paren, cue.strict = list(last.containers), last.paren, last.strict
            if cue.strict:
                for k in cue.containers:
                    cues[k].contains.append(n)
    return cues


def _end(tokens: list[Token], c: Candidate, cue: Cue) -> int:
    """Where a name ends, counting a region or settlement word after it ("Wasit province")."""
    if (cue.region_level or cue.settlement) and c.last < len(tokens):
        return tokens[c.last].end
    return c.end


def _lists(text: str, tokens: list[Token], cands: list[Candidate], cues: list[Cue]) -> None:
    """"Kabul, Ghor, Laghman and Balkh provinces" is a list of peers, not a nesting of places.

    Items of a list are no containers of each other; a plural region word after the last item, and the
    container after it ("A and B districts, Kandahar"), apply to all.
    """
    n = 0
    while n < len(cands):
        members, is_list, k = [n], False, n
        while k + 1 < len(cands):
            gap = text[_end(tokens, cands[k], cues[k]) : cands[k + 1].start]
            if _LIST_GAP.match(gap):
                is_list = True
            elif gap.strip() != "," or (is_list and cues[k].region_level):
                break  # "A and B districts, Kandahar": the region word closes the list
            members.append(k + 1)
            k += 1
        if is_list:
            level = cues[members[-1]].region_level
            for m in members:
                cues[m].list_end = members[-1]
                cues[m].region_level = cues[m].region_level or level
        n = k + 1


def _organisation_or_metonymy(text: str, tokens: list[Token], c: Candidate, lex: Lexicon) -> str | None:
    """'the Basra Oil Company' (an organisation) or 'Baghdad said' (a government speaking)."""
    if c.last < len(tokens) and tokens[c.last].low in lex.object_words:
        return "organisation"  # "a Tahoe vehicle": a make, not a place
    j = c.last
    run = 0
    while j < len(tokens) and run < 5:
        t = tokens[j]
        if text[tokens[j - 1].end : t.start].strip(" -'’s") or "\n" in text[tokens[j - 1].end : t.start]:
            break
        if not t.cap:
            break
        if t.low in lex.org_words or (t.low + "'s") in lex.org_words:
            return "organisation"
        run += 1
        j += 1
    nxt = tokens[c.last] if c.last < len(tokens) else None
    if nxt is None or nxt.cap:
        return None
    gap = text[c.end : nxt.start]
    prev = tokens[c.first - 1].low if c.first > 0 else ""
    if prev in _PREPOSITIONS:
        return None
    possessive = gap.strip().startswith(("'s", "’s", "'", "’"))
    if possessive and nxt.low in ("government", "officials", "authorities", "regime", "leaders", "leadership"):
        return "metonymy"
    speaks = nxt.low in lex.speech_verbs and nxt.low not in ("has", "had", "will", "would")
    if not possessive and not gap.strip() and speaks:
        return "metonymy"
    return None
