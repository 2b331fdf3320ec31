"""Province names misspelt or transliterated another way ("Nangrhar", "Urozgan", "Heart" for Herat).

They stand where a province belongs ("X district, Nangrhar"), yet match no key of the gazetteer; a close
spelling among the admin1 regions (rapidfuzz ratio >= 80, same first letter) places the event in that
region at precision 3 rather than nowhere.
"""

from __future__ import annotations

import re
from marsad.model import Toponym

# A capitalised name right after "district," / "province of" and the like: the slot of a province.
_PROVINCE_SLOT = re.compile(
    r"\b(?:district|districts|county|sub-district|area|city|town|village|LGA)\s*,\s+"
    r"(?P<name>[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+)?)(?=[\s.,;)]|$)"
)
MIN_SIMILARITY = 80


_CACHE: dict[int, tuple[list[str], list[int]]] = {}


def _regions(gazetteer) -> tuple[list[str], list[int]]:  # type: ignore[no-untyped-def]
    """Admin1 names and ids, computed once per loaded gazetteer."""
    key = id(gazetteer)
    if key not in _CACHE:
        kinds, names = gazetteer.cols["kind"], gazetteer.cols["name"]
        ids = [i for i, kind in enumerate(kinds) if kind == "admin1"]
        _CACHE[key] = ([names[i].lower() for i in ids], ids)
    return _CACHE[key]


def regions_by_spelling(gazetteer, text: str, taken: list[Toponym]) -> list[Toponym]:  # type: ignore[no-untyped-def]
    """Toponyms for province slots the resolver left empty, matched to an admin1 name by spelling."""
    from rapidfuzz import fuzz, process

    names, ids = _regions(gazetteer)
    found: list[Toponym] = []
    for match in _PROVINCE_SLOT.finditer(text):
        group = "name"
        start, end = match.span(group)
        if any(t.start < end and start < t.end for t in taken):
            continue
        word = match.group(group).lower()
        best = process.extractOne(word, names, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
        if best is None or best[0][0] != word[0]:
            continue
        place = gazetteer.place(ids[best[2]])
        found.append(Toponym(start, end, match.group(group), place, score=best[1] / 100, precision=3))
    return found
