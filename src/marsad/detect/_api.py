"""The detection stage's public functions: prefilter, classify and the article-level choice.

A sentence is classified as a whole (so cues anywhere in it help), then each of its clauses separated
by ";", "while", "meanwhile", "in a separate incident"... is classified alone, and a clause whose
event belongs to another family than the whole sentence's adds a detection: "militants clashed with
troops in A, while a roadside bomb killed two civilians in B" gives an Armed clash and an IED.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad._exceptions import InputError
from marsad.detect._features import extract
from marsad.detect._anchors import Vocab
from marsad.detect._lexicon import finditer, get_lexicon
from marsad.detect._rules import decide
from marsad.detect._scoring import PRECEDENCE, Decision

_SPLIT = re.compile(
    r";|\bwhile\b|\bwhereas\b|\bmeanwhile\b|\bseparately\b|\belsewhere\b|\bin (?:a|another) separate\b"
    r"|\bin another (?:incident|attack|development)\b|,\s*and in\b",
    re.IGNORECASE,
)
MAX_SENTENCE = 5000
"""Longer "sentences" are text without sentence breaks (tables, lists): classified in slices."""


@dataclass(frozen=True)
class Detection:
    """One event reported in a sentence: trigger span (sentence offsets), ACLED types and a score."""

    start: int
    end: int
    event_type: str
    sub_event_type: str
    score: float


_WORDS = re.compile(r"\w+")


def names_device(trigger: str) -> bool:
    """False for a trigger that says something blew up but not what ("bombing", "blast": cue class
    ``device_unnamed``): the sub-event type it gave is a guess at the device, not evidence of it."""
    active = get_lexicon().index.active(Vocab.of(trigger))
    return not any(m.span() == (0, len(trigger)) for m in finditer(active, "cue:device_unnamed", trigger))


def prefilter(text: str) -> bool:
    """Cheap check that a sentence may report an event.

    Every trigger of the lexicon has an anchor: a word prefix that any match must start a word with
    ("kill" for "killed", "air" for "airstrike"). The check is one set lookup per word and anchor
    length, so its cost does not grow with the lexicon; triggers without a readable anchor (rare)
    go through one regex search.
    """
    lexicon = get_lexicon()
    anchors, lengths, exact = lexicon.prefix_anchors, lexicon.anchor_lengths, lexicon.exact_anchors
    for word in _WORDS.findall(text.lower()):
        if word in exact:
            return True
        for n in lengths:
            if n > len(word):
                break
            if word[:n] in anchors:
                return True
    return lexicon.slow_stems is not None and lexicon.slow_stems.search(text) is not None


def family(sub_event: str) -> str:
    """Event type, with Protests and Riots as one family (one demonstration is either)."""
    event_type = event_type_of(sub_event)
    return "Demonstrations" if event_type in ("Protests", "Riots") else event_type


def event_type_of(sub_event: str) -> str:
    """The ACLED event type of a sub-event type."""
    return get_lexicon().by_name[sub_event].event_type


def _to_detection(decision: Decision, offset: int) -> Detection:
    return Detection(
        decision.start + offset,
        decision.end + offset,
        event_type_of(decision.sub_event),
        decision.sub_event,
        decision.score,
    )


def _classify_text(text: str, doc: object | None) -> Decision | None:
    lexicon = get_lexicon()
    return decide(lexicon, extract(lexicon, text, doc=doc))


def classify(sentence: str, *, doc: object | None = None) -> list[Detection]:
    """Events reported in one sentence, sorted by position; an empty list means no event."""
    if not isinstance(sentence, str):
        raise InputError(f"classify expects a str sentence, got {type(sentence).__name__}")
    if len(sentence) > MAX_SENTENCE:
        found: list[Detection] = []
        for offset in range(0, len(sentence), MAX_SENTENCE):
            part = sentence[offset:offset + MAX_SENTENCE]
            found += [
                Detection(d.start + offset, d.end + offset, d.event_type, d.sub_event_type, d.score)
                for d in classify(part)
            ]
        return found
    if not prefilter(sentence):
        return []
    whole = _classify_text(sentence, doc)
    detections = [_to_detection(whole, 0)] if whole is not None else []
    cuts = [m for m in _SPLIT.finditer(sentence)]
    if not cuts:
        return detections
    bounds = [0] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(sentence)]
    families = {family(d.sub_event_type) for d in detections}
    for start, end in zip(bounds, ends, strict=True):
        part = sentence[start:end]
        if not prefilter(part):
            continue
        decision = _classify_text(part, None)
        if decision is None or family(decision.sub_event) in families:
            continue
        if any(d.start <= decision.start + start < d.end for d in detections):
            continue
        detections.append(_to_detection(decision, start))
        families.add(family(decision.sub_event))
    return sorted(detections, key=lambda d: d.start)


def rank(detection: Detection) -> int:
    """Position in ACLED's precedence order (0 = highest)."""
    return PRECEDENCE.index(detection.sub_event_type)


DEMO_ORDER = ("Excessive force against protesters", "Violent demonstration", "Protest with intervention",
              "Peaceful protest")
"""One demonstration's sub-types, most serious first: the report is typed by the worst that happened."""
TAKEOVERS = ("Government regains territory", "Non-state actor overtakes territory")
INFERRED = 0.8
"""Detections scored below this were inferred (a kill verb and an armed victim, a weak trigger);
an explicit weapon in another sentence of the same report outranks an inferred Armed clash."""
RELIABLE = 0.7
"""Detections below this (weak triggers, unsure victims) only type a report when nothing else does."""


def top_detection(detections: list[Detection], *, min_score: float = 0.0) -> Detection | None:
    """The detection that types an article or snippet reporting one engagement.

    ``detections`` come in reading order (sentence by sentence). Among reliable detections ACLED's precedence decides, with the codebook's own exceptions: a
    demonstration that turned violent is a riot ("Event aggregation"), and an Armed clash inferred
    only from casualties does not outrank an explicitly named remote weapon (E/RV); a takeover also
    reported as unopposed is a non-violent transfer; among strategic developments the first wins.
    """
    usable = [d for d in detections if d.score >= min_score]
    if not usable:
        return None
    reliable = [d for d in usable if d.score >= RELIABLE] or usable
    if any(d.event_type == "Explosions/Remote violence" for d in reliable):
        reliable = [d for d in reliable if not (d.sub_event_type == "Armed clash" and d.score < INFERRED)]
    best = min(reliable, key=lambda d: (rank(d), -d.score))
    if best.sub_event_type in TAKEOVERS and not any(d.sub_event_type == "Armed clash" for d in usable):
        # "militants took the town. They seized it after the army withdrew": one takeover, no fight
        peaceful = [d for d in usable if d.sub_event_type == "Non-violent transfer of territory"]
        if peaceful:
            return peaceful[0]
    if best.event_type == "Strategic developments":
        # SD sub-types are not degrees of one engagement: the report's first development is its topic
        # ("police seized 3 tons of cannabis; two men were arrested" is a seizure).
        best = next(d for d in reliable if d.event_type == "Strategic developments")
    if best.sub_event_type in DEMO_ORDER:
        demos = [d for d in usable if d.sub_event_type in DEMO_ORDER]
        best = min(demos, key=lambda d: DEMO_ORDER.index(d.sub_event_type))
        if best.sub_event_type in ("Peaceful protest", "Protest with intervention") and any(
            d.sub_event_type == "Mob violence" for d in usable
        ):
            # crowd violence reported in a protest report is the protest turning violent (a riot)
            return Detection(best.start, best.end, "Riots", "Violent demonstration", best.score)
    return best
