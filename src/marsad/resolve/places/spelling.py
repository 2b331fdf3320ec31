"""Province names misspelt or transliterated another way ("Nangrhar", "Urozgan", "Heart" for Herat).

They stand where a province belongs ("X district, Nangrhar"), yet match no key of the gazetteer; a close
spelling among the admin1 regions (rapidfuzz ratio >= 80, same first letter) places the event in that
region at precision 3 rather than nowhere. Inside a named region, a town the gazetteer lists under another
transliteration ("Kushki Kuhna" for "Kushk-e Kuhnah") is found the same way (`spelled_inside`).
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


# Within a named container a name the gazetteer lacks is most often another transliteration of a town
# listed there ("Kushki Kuhna" / "Kushk-e Kuhnah", "Dawlat Abad" / "Dowlatabad"): the container narrows
# the choice to a few hundred names, so a strict spelling match is rarely a different place.
MIN_INSIDE_SIMILARITY = 80
NEAR_TOWN_KM = 60.0  # a town as the container: its own surroundings, not its whole region


def squash(name: str) -> str:
    """The folded name without spaces or hyphens: transliterations split words differently."""
    from marsad.resolve.places.names import canon

    return canon(name).replace(" ", "")


def region_members(gazetteer, cc: str, admin1: str) -> tuple[list[str], list[int]]:  # type: ignore[no-untyped-def]
    """Squashed names and ids of the towns and districts of one admin1 region (grouped on first use and
    kept on the gazetteer itself, so a rebuilt or merged index never sees another one's groups)."""
    cache = gazetteer.__dict__.setdefault("_members_by_region", {})
    if not cache:
        c = gazetteer.cols
        for i, (kind, code, region) in enumerate(zip(c["kind"], c["cc"], c["admin1"])):
            if region and (kind == "city" or kind == "admin2" or kind == "overlay"):
                entry = cache.get((code, region))
                if entry is None:
                    entry = cache[(code, region)] = [[], []]
                entry[1].append(i)
    entry = cache.get((cc, admin1))
    if entry is None:
        return [], []
    if not entry[0] and entry[1]:
        entry[0] = [squash(gazetteer.cols["name"][i]) for i in entry[1]]
    return entry[0], entry[1]


def spelled_inside(gazetteer, name: str, home: int) -> int | None:  # type: ignore[no-untyped-def]
    """A town (or district) of the region ``home`` whose name is a close spelling of ``name``.

    Same first letter, rapidfuzz ratio >= 80 on the squashed names, lengths within a fifth of each other
    (a longer name, "Novoselivka Druha", is another place than "Novoselivka"), names of 5 letters or more.
    A town as container stands for its surroundings (60 km); within an admin2 container its own members
    are preferred; among equal matches the most populous.
    """
    from rapidfuzz import fuzz, process

    from marsad.resolve.places.scoring import km

    c = gazetteer.cols
    word = squash(name)
    if len(word) < 5 or c["kind"][home] not in ("admin1", "admin2", "city") or not c["admin1"][home]:
        return None
    names, ids = region_members(gazetteer, c["cc"][home], c["admin1"][home])
    hits = process.extract(word, names, scorer=fuzz.ratio, score_cutoff=MIN_INSIDE_SIMILARITY, limit=10)
    hits = [(score, ids[k]) for _, score, k in hits
            if names[k][:1] == word[:1] and min(len(names[k]), len(word)) >= 0.8 * max(len(names[k]), len(word))
            and ids[k] != home]  # fmt: skip
    if c["kind"][home] == "city":
        lat, lon = c["lat"][home], c["lon"][home]
        hits = [(s, i) for s, i in hits if km(lat, lon, c["lat"][i], c["lon"][i]) <= NEAR_TOWN_KM]
    if not hits:
        return None
    if c["kind"][home] == "admin2":
        own = [(s, i) for s, i in hits if c["admin2"][i] == c["admin2"][home]]
        hits = own or hits
    return max(hits, key=lambda h: (h[0], c["pop"][h[1]]))[1]
