"""What a clause contains: trigger hits per sub-event type and cue spans, with who-did-what-to-whom.

Triggers and cues come from the lexicon; negated, hypothetical or off-topic triggers are dropped here
so the decision rules (``_rules.py``) only see what the text reports as having happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.detect._anchors import Vocab
from marsad.detect._context import Context, off_topic
from marsad.detect._lexicon import STRONG, WEAK, Lexicon, finditer

Span = tuple[int, int]

ACTOR_CLASSES = ("armed_group", "state_forces", "armed_target", "protester", "mob", "civilian")
"""Actor cue classes, in the order that wins when two spans cover the same words."""

ARMED = frozenset({"armed_group", "state_forces", "armed_target"})

_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|got|get|gets)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en)\s+and\s+)?$", re.I
)
_BY = re.compile(r"^\W*(?:\w+\W+){0,3}?by\b", re.I)


@dataclass(frozen=True)
class Hit:
    """One trigger occurrence of a sub-event type."""

    sub_event: str
    start: int
    end: int
    weight: float


@dataclass
class Clause:
    """A sentence or clause with its surviving triggers and its cues."""

    text: str
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    cues: dict[str, list[Span]] = field(default_factory=dict)
    actors: list[tuple[int, int, str]] = field(default_factory=list)
    topic: str | None = None

    def has(self, *names: str) -> bool:
        """True when any of the cue classes occurs."""
        return any(self.cues.get(n) for n in names)

    def best(self, sub_event: str) -> Hit | None:
        """The strongest (then earliest) trigger of a sub-event type."""
        hits = self.hits.get(sub_event)
        return max(hits, key=lambda h: (h.weight, -h.start)) if hits else None


def extract(lexicon: Lexicon, text: str, *, doc: object | None = None) -> Clause:
    """Find the triggers and cues of ``text``."""
    clause = Clause(text)
    active = lexicon.index.active(Vocab.of(text))
    clause.topic = off_topic(lexicon, text, active)
    for name in lexicon.cue_names:
        spans = [m.span() for m in finditer(active, f"cue:{name}", text)]
        if spans:
            clause.cues[name] = spans
    clause.actors = _actor_spans(clause.cues)
    context = Context.of(lexicon, text, active, doc)
    for spec in lexicon.sub_events:
        found: list[Hit] = []
        for strength, weight in (("strong", STRONG), ("weak", WEAK)):
            for m in finditer(active, f"sub:{spec.name}:{strength}", text):
                if context.negated(m.start()) or context.hypothetical(m.start()):
                    continue
                found.append(Hit(spec.name, m.start(), m.end(), weight))
        if found:
            clause.hits[spec.name] = found
    return clause


def _actor_spans(cues: dict[str, list[Span]]) -> list[tuple[int, int, str]]:
    """Non-overlapping actor spans: longer spans first, then the class order of ACTOR_CLASSES."""
    candidates = [
        (s, e, name) for rank, name in enumerate(ACTOR_CLASSES) for s, e in cues.get(name, [])
    ]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), ACTOR_CLASSES.index(c[2])))
    chosen: list[tuple[int, int, str]] = []
    for s, e, name in candidates:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, name))
    return sorted(chosen)


def is_passive(text: str, start: int) -> bool:
    """True for "... were killed", "was kidnapped and killed"."""
    return bool(_PASSIVE.search(text[max(0, start - 60):start]))


def agent_of(clause: Clause, hit: Hit) -> str | None:
    """The actor class doing the act: "by X" after the trigger, else the nearest actor before it."""
    after = clause.text[hit.end:hit.end + 60]
    m = _BY.search(after)
    if m:
        pivot = hit.end + m.end()
        for s, _e, name in clause.actors:
            if pivot <= s <= pivot + 40:
                return name
    if is_passive(clause.text, hit.start):
        return None
    before = [a for a in clause.actors if a[1] <= hit.start and hit.start - a[1] <= 100]
    return before[-1][2] if before else None


_ON_TARGET = re.compile(r"^\W*(?:\w+\W+){0,6}?(?:on|against|targeting)\b", re.I)


def victim_of(clause: Clause, hit: Hit) -> str | None:
    """The actor class the act is done to: "attack ... on X", the subject of a passive, else the
    nearest actor after the trigger."""
    noun = clause.text[hit.start:hit.end].lower().startswith(("attack", "assault", "ambush", "raid"))
    on = _ON_TARGET.search(clause.text[hit.end:hit.end + 70]) if noun else None
    if on:
        pivot = hit.end + on.end()
        target = [a for a in clause.actors if pivot <= a[0] <= pivot + 30]
        if target and target[0][2] in ARMED:
            return target[0][2]
    if is_passive(clause.text, hit.start):
        before = [a for a in clause.actors if a[1] <= hit.start and hit.start - a[1] <= 100]
        return before[-1][2] if before else None
    after = [a for a in clause.actors if a[0] >= hit.end and a[0] - hit.end <= 60]
    if after:
        first = after[0]
        by = _BY.search(clause.text[hit.end:first[0] + 1])
        if not by:
            return first[2]
    return None


def armed_context(clause: Clause) -> bool:
    """Armed actors, weapons or war words: what a weak trigger needs to count."""
    return clause.has("armed_group", "state_forces", "armed_target", "weapons", "small_arms",
                      "heavy_weapons", "conflict")
