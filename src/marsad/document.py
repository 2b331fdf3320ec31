"""The one object that travels through the pipeline: an article and everything found in it so far."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from marsad.model import ActorMention, Article, Event, Mention, Sublocation, Toponym


@dataclass
class Detection:
    """An event trigger found by the detect stage, in article offsets."""

    sentence: int  # index into Document.sentences
    start: int
    end: int
    event_type: str
    sub_event_type: str
    score: float


@dataclass
class Document:
    """Stages read what earlier stages assigned and add their own fields; none re-reads the input."""

    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)  # nlp
    candidates: list[int] = field(default_factory=list)  # nlp: sentences that pass the prefilter
    parses: dict[int, Any] = field(default_factory=dict)  # nlp: sentence index -> spaCy Doc
    detections: list[Detection] = field(default_factory=list)  # detect
    toponyms: list[Toponym] = field(default_factory=list)  # resolve
    sublocations: list[Sublocation] = field(default_factory=list)  # resolve
    actor_mentions: list[ActorMention] = field(default_factory=list)  # resolve
    mentions: list[Mention] = field(default_factory=list)  # resolve
    events: list[Event] = field(default_factory=list)  # assemble

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def groups_country(self) -> str | None:
        """The one country every named group of the article belongs to (None for none or several): a hint
        for bare place names ("the Donbass People's Militia ... near Lozove") and for the country of
        state forces when no place is named."""
        countries = {m.actor.country for m in self.actor_mentions if not m.actor.generic and m.actor.country}
        return next(iter(countries)) if len(countries) == 1 else None

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing a character offset (the nearest one before it otherwise)."""
        return max(0, bisect_right(self.sentences, (offset, float("inf"))) - 1)
