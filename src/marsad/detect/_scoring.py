"""Decisions and their scores, and the ACLED precedence order the rules rank them by."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.detect._features import Clause, Hit, armed_context
from marsad.taxonomy import sub_event_types

# ACLED's sub-event types come from the one taxonomy file (src/marsad/data/taxonomy.yaml), in the codebook's
# precedence order (highest first).
PRECEDENCE = tuple(sub_event_types())
ERV = tuple(n for n, t in sub_event_types().items() if t.event_type == "Explosions/Remote violence")
SD = tuple(n for n, t in sub_event_types().items() if t.event_type == "Strategic developments")
KILL_WORDS = ("kill", "dead", "death", "murder", "behead", "execut", "slain", "massacre", "lynch")


@dataclass(frozen=True)
class Decision:
    """A sub-event type with the trigger span that supports it and a confidence in [0, 1]."""

    sub_event: str
    start: int
    end: int
    score: float


def decision(sub_event: str, hit: Hit, bonus: float = 0.0) -> Decision:
    return Decision(sub_event, hit.start, hit.end, round(min(1.0, hit.weight + bonus), 3))


def usable(clause: Clause, sub_event: str, *, civilian_ok: bool = True) -> Hit | None:
    """Best trigger of a type; weak triggers only count with armed (or, if allowed, civilian) cues."""
    hit = clause.best(sub_event)
    if hit is None:
        return None
    if hit.weight >= 0.9:
        return hit
    if sub_event == "Agreement":
        return hit if clause.has("armed_group", "conflict") else None
    context = armed_context(clause) or (civilian_ok and clause.has("civilian", "lethal_force"))
    return hit if context else None
