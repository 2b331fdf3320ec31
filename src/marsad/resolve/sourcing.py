"""How sure a report is (certainty) and who says so (attribution), from the words around an event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_DATA = Path(__file__).resolve().parent.parent / "data" / "sourcing.yaml"
with _DATA.open(encoding="utf-8") as _handle:
    _LEX = yaml.safe_load(_handle)

# Most doubtful first: one doubt in the text outweighs a routine "according to".
_ORDER = ("unconfirmed", "confirmed", "reported")
_CUES = {
    level: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _LEX["certainty"][level]) + r")\b", re.I)
    for level in _ORDER
}
_SAYS = re.compile(
    r"\baccording to (?P<a>[^,.;:]{3,60})"
    r"|(?P<b>\b(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,4}?(?:source|sources|official|officials|spokesman|spokesperson|"
    r"police|ministry|army|military|witness|witnesses|residents|governor|authorities|doctor|hospital|statement)s?)"
    r"\s+(?:told|said|says|reported|confirmed|stated|claimed)",
    re.I,
)
_OUTLET = re.compile(r"\btold (?P<outlet>[A-Z][\w.-]+(?:\s[A-Z][\w.-]+){0,3})")


@dataclass(frozen=True)
class Sourcing:
    certainty: str
    certainty_span: tuple[int, int] | None
    attribution: str | None
    attribution_span: tuple[int, int] | None


def assess(text: str, spans: list[tuple[int, int]]) -> Sourcing:
    """Certainty and attribution from the given sentence spans of text (the event's own sentences)."""
    certainty, certainty_span = "reported", None
    for level in _ORDER:
        hits = [m for s, e in spans for m in _CUES[level].finditer(text, s, e)]
        if hits:
            certainty, certainty_span = level, (hits[0].start(), hits[0].end())
            break
    attribution, attribution_span = None, None
    for s, e in spans:
        match = _SAYS.search(text, s, e)
        if match:
            phrase = (match.group("a") or match.group("b")).strip()
            attribution = _categorise(phrase)
            group = "a" if match.group("a") else "b"
            attribution_span = (match.start(group), match.end(group))
            outlet = _OUTLET.search(text, match.start(), e)
            if outlet and attribution in ("security source", "local sources", None):
                attribution = f"{attribution or 'source'} via {outlet.group('outlet')}"
            break
    return Sourcing(certainty, certainty_span, attribution, attribution_span)


def _categorise(phrase: str) -> str:
    lower = phrase.lower()
    for category, words in _LEX["attribution"].items():
        if any(re.search(rf"\b{re.escape(w)}\b", lower) for w in words):
            return str(category)
    return re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.I)
