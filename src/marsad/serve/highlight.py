"""Cut an article's text into segments, each tagged with the event fields whose evidence covers it.

The event page shows every source's text with the evidence of each field highlighted. Spans of different
fields overlap (the location inside the notes' sentence, two actors in one phrase), so the text is cut at
every span boundary and each piece carries the set of fields covering it. The template escapes each
segment's text, so hostile article text stays text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

FIELD_LABELS: dict[str, str] = {
    "event_date": "date",
    "event_type": "event type",
    "sub_event_type": "sub-event type",
    "actor1": "actor 1",
    "actor2": "actor 2",
    "assoc_actor_1": "associated actor 1",
    "assoc_actor_2": "associated actor 2",
    "location": "location",
    "admin1": "region",
    "country": "country",
    "fatalities": "fatalities",
    "injuries": "injuries",
    "arrests": "arrests",
    "sublocation": "sub-location",
    "trigger": "trigger",
}


@dataclass(frozen=True)
class Segment:
    """A run of text and the fields whose evidence covers all of it (empty: plain text)."""

    text: str
    fields: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return ", ".join(FIELD_LABELS.get(f, f.replace("_", " ")) for f in self.fields)

    @property
    def css(self) -> str:
        """One colour class per segment: the first field's (fields are sorted by priority)."""
        return f"ev ev-{self.fields[0]}" if self.fields else ""


def _priority(field: str) -> tuple[int, str]:
    order = list(FIELD_LABELS)
    return (order.index(field) if field in order else len(order), field)


def valid_spans(text_length: int, spans: Iterable[Any]) -> list[tuple[int, int]]:
    """Keep the spans that are two integers inside the text with start < end; drop the rest quietly."""
    kept = []
    for span in spans or ():
        try:
            start, end = span
        except (TypeError, ValueError):
            continue
        if isinstance(start, bool) or isinstance(end, bool):
            continue
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if 0 <= start < end <= text_length:
            kept.append((start, end))
    return kept


def merge_evidence(evidences: Iterable[Mapping[str, Any] | None]) -> dict[str, list[tuple[int, int]]]:
    """Union of several evidence maps (several mentions of one event in one article)."""
    merged: dict[str, list[tuple[int, int]]] = {}
    for evidence in evidences:
        for field, spans in (evidence or {}).items():
            bucket = merged.setdefault(str(field), [])
            for span in spans or ():
                pair = tuple(span) if isinstance(span, (list, tuple)) else span
                if pair not in bucket:
                    bucket.append(pair)  # type: ignore[arg-type]
    return merged


def segments(text: str, evidence: Mapping[str, Any] | None) -> list[Segment]:
    """Split ``text`` at every evidence boundary; adjacent pieces with the same fields are joined."""
    spans: list[tuple[int, int, str]] = []
    for field, field_spans in (evidence or {}).items():
        for start, end in valid_spans(len(text), field_spans):
            spans.append((start, end, str(field)))
    if not spans:
        return [Segment(text)] if text else []
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = sorted({f for s, e, f in spans if s <= left and right <= e}, key=_priority)
        piece = text[left:right]
        if out and out[-1].fields == tuple(covering):
            out[-1] = Segment(out[-1].text + piece, out[-1].fields)
        else:
            out.append(Segment(piece, tuple(covering)))
    return out


def fields_present(evidence: Mapping[str, Any] | None, text_length: int) -> list[str]:
    """The fields with at least one usable span, in display order (for the page's legend)."""
    present = [f for f, spans in (evidence or {}).items() if valid_spans(text_length, spans)]
    return sorted({str(f) for f in present}, key=_priority)
