"""Context checks: is a trigger negated or hypothetical, is the sentence about something else?

News about conflict is full of violence words that describe no event: "vowed to attack", "did not
clash", "the 2008 riots", "a film about a shooting", "floods killed 12". These checks look at the few
words before a trigger (ACLED codes what happened, not threats or denials) and at the sentence's
topic, with cues read from ``context.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.detect._lexicon import Lexicon, Rx, finditer, search

_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]\"“”]|,\s*(?:but|while|whereas|and|after|before|as|when)\b|\bbut\b|\bwhile\b"
)
_WORD_BACK = re.compile(r"[\w'’]+")


def window_start(text: str, start: int, words: int) -> int:
    """Offset where the ``words`` words before ``start`` begin, not crossing a clause break."""
    lo = max(0, start - 120)
    left = text[lo:start]
    for cut in _CLAUSE_BREAK.finditer(left):
        lo_cut = lo + cut.end()
        if lo_cut > lo:
            lo = lo_cut
    tokens = list(_WORD_BACK.finditer(text, lo, start))
    if words <= 0 or not tokens:
        return start
    return tokens[-words].start() if len(tokens) >= words else tokens[0].start()


@dataclass(frozen=True)
class Context:
    """Negation and hypothetical cue spans of one sentence, found once and checked per trigger."""

    negations: tuple[tuple[int, int], ...]
    hypotheticals: tuple[tuple[int, int], ...]
    window_words: int
    text: str
    doc: object | None = None

    @classmethod
    def of(cls, lexicon: Lexicon, text: str, active: dict[str, list[Rx]], doc: object | None = None) -> Context:
        return cls(
            tuple(m.span() for m in finditer(active, "ctx:negation", text)),
            tuple(m.span() for m in finditer(active, "ctx:hypothetical", text)),
            lexicon.window_words,
            text,
            doc,
        )

    def _in_window(self, spans: tuple[tuple[int, int], ...], start: int) -> bool:
        if not spans:
            return False
        lo = window_start(self.text, start, self.window_words)
        return any(lo <= s and e <= start for s, e in spans)

    def negated(self, start: int) -> bool:
        """A negation cue stands in the trigger's window, or the parse marks its verb negated."""
        if self.doc is not None and _doc_negated(self.doc, start):
            return True
        return self._in_window(self.negations, start)

    def hypothetical(self, start: int) -> bool:
        """The trigger is announced, threatened, planned, feared, alleged or a protest's topic."""
        return self._in_window(self.hypotheticals, start)


def off_topic(lexicon: Lexicon, text: str, active: dict[str, list[Rx]]) -> str | None:
    """The non-event topic of the sentence ("disaster", "culture_sport"...) unless an override holds."""
    for topic in lexicon.topics:
        if search(active, f"topic:{topic}", text):
            if search(active, "ctx:overrides", text):
                return None
            return topic
    return None


def _doc_negated(doc: object, start: int) -> bool:
    """Use a spaCy parse when given: the trigger's verb has a `neg` child ("did not attack")."""
    try:
        for token in doc:  # type: ignore[attr-defined]
            if token.idx <= start < token.idx + len(token.text):
                head = token if token.pos_ in ("VERB", "AUX") else token.head
                return any(child.dep_ == "neg" for child in head.children)
    except (AttributeError, TypeError):
        return False
    return False
