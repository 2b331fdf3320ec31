"""Actor names as the actor dictionary knows them, so two outlets' names for one group meet in the store.

Records reach the store from marsad's extractor, from other coders and from older dictionaries; one may
name a group by an alias ("Islamic State Central Africa Province" for the ADF) and another by its
dictionary name, or one names a faction and the other its parent. Matching on the dictionary entry
rather than the spelling lets the store merge them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from marsad.resolve.actors.dictionary import load

_YEARS_SUFFIX = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)\s*$")


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", _YEARS_SUFFIX.sub("", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[str, str], dict[str, str]]:
    """Folded name or alias -> entry name (aliases shared by two entries are left out); entry -> parent."""
    owners: dict[str, set[str]] = defaultdict(set)
    parents: dict[str, str] = {}
    for group in load().groups:
        if "{" in group.name:  # per-country families ("Islamic State ({country})") are not one actor
            continue
        for spelling in (group.name, *group.aliases):
            owners[_fold(spelling)].add(group.name)
        if group.parent:
            parents[group.name] = group.parent
    return {key: next(iter(names)) for key, names in owners.items() if len(names) == 1 and key}, parents


def entry(name: str | None) -> str | None:
    """The dictionary entry a stored actor name stands for, if exactly one."""
    if not name:
        return None
    return _entries()[0].get(_fold(name))


def _lineage(name: str) -> list[str]:
    parents = _entries()[1]
    chain = [name]
    while chain[-1] in parents and parents[chain[-1]] not in chain:
        chain.append(parents[chain[-1]])
    return chain


def relation(a: str | None, b: str | None) -> str | None:
    """"match" when both names stand for one entry, "compatible" when one is a faction of the other."""
    ea, eb = entry(a), entry(b)
    if ea is None or eb is None:
        return None
    if ea == eb:
        return "match"
    if ea in _lineage(eb) or eb in _lineage(ea):
        return "compatible"
    return None
