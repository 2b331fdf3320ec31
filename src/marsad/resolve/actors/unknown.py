"""Named groups missing from the dictionary: kept as written, with an actor type guessed from the name.

A capitalised name ending in a word such as Brigade, Front, Militia or Union is almost always an
organised actor. ACLED types follow goals and structure, which a name only hints at, so the guess is
coarse: liberation fronts and armies are rebels (2), brigades and militias political militias (3),
ethnic, tribal and clan militias identity militias (4), unions and associations protest organisers (6).
"""

from __future__ import annotations

import re

_CUES_4 = ("Ethnic", "Tribal", "Clan", "Communal", "Tribe")
_INTER_BY_CUE = {
    "front": 2, "army": 2, "liberation": 2, "rebels": 2, "insurgents": 2, "resistance": 2, "mujahideen": 2,
    "brigade": 3, "brigades": 3, "battalion": 3, "battalions": 3, "militia": 3, "militias": 3,
    "forces": 3, "force": 3, "guard": 3, "guards": 3, "corps": 3, "division": 3, "regiment": 3,
    "legion": 3, "group": 3, "squad": 3, "movement": 3, "party": 3, "council": 3, "alliance": 3,
    "coalition": 3, "cartel": 3, "gang": 3, "organization": 3, "organisation": 3, "network": 3,
    "union": 6, "unions": 6, "association": 6, "federation": 6, "confederation": 6, "syndicate": 6,
    "committee": 6, "committees": 6, "collective": 6, "congress": 6,
}  # fmt: skip
_WORD = r"[A-Z][\w'’.-]*[\w]"
_LINK = r"(?:of|the|for|and|al|el|ad|as|ash|wa|wal|de|del|la|le|des|du|e|i|ul|-)"
_CUE = "|".join(sorted((c.capitalize() for c in _INTER_BY_CUE), key=len, reverse=True))
_PATTERN = re.compile(rf"\b{_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_WORD})*?[ \t]+(?:{_CUE})\b")
_MORE_CUES = re.compile(rf"(?:[ \t]+(?:{_CUE})\b)+")
_LEADING = re.compile(r"^(?:The|A|An|This|That|These|Those|Its|Their|His|Her|On|In|At|By|From)\s+")
_NOT_ACTORS = {
    "Security Council", "United Nations", "European Union", "African Union", "Red Cross", "Supreme Court",
    "High Court", "Human Rights Council", "World Health Organization", "Soviet Union", "National Assembly",
    "General Assembly", "Constitutional Court", "Electoral Commission", "Central Committee",
}  # fmt: skip


def infer_inter(name: str) -> int:
    """The ACLED actor type a group's name suggests."""
    words = name.split()
    if any(w in _CUES_4 for w in words):
        return 4
    for word in reversed(words):
        inter = _INTER_BY_CUE.get(word.lower())
        if inter:
            return inter
    return 3


def find_unknown(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, name as written, inferred inter) for every capitalised group-like name."""
    out = []
    for match in _PATTERN.finditer(text):
        start, end = match.start(), match.end()
        more = _MORE_CUES.match(text, end)  # "Liberation Front": take every cue word in a row
        if more:
            end = more.end()
        name = text[start:end]
        lead = _LEADING.match(name)
        if lead:
            start += lead.end()
            name = name[lead.end() :]
        name = re.sub(r"\s+", " ", name)
        if len(name.split()) < 2 or name in _NOT_ACTORS:
            continue
        out.append((start, end, name, infer_inter(name)))
    return out
