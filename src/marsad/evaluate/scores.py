"""Small, dependency-free classification and distance statistics used by the evaluation commands."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NO_EVENT = "(no event)"
"""The predicted label of a row that got no event: a miss, never a class of its own in the averages."""


@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def per_label(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, LabelScore]:
    """Precision, recall and F1 for every label seen in gold or predictions, except `NO_EVENT`."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    labels = (set(gold) | set(predicted)) - {NO_EVENT}
    result: dict[str, LabelScore] = {}
    for label in sorted(labels):
        precision = _ratio(tp[label], tp[label] + fp[label])
        recall = _ratio(tp[label], tp[label] + fn[label])
        f1 = _ratio(2 * precision * recall, precision + recall)
        result[label] = LabelScore(precision, recall, f1, tp[label] + fn[label])
    return result


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean F1 over the labels of gold and predictions (sklearn's `average="macro"`)."""
    scores = per_label(gold, predicted)
    return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0


def median(values: Iterable[float]) -> float | None:
    """The median, or None for no values (a distance median over no located events is undefined)."""
    ordered = sorted(values)
    if not ordered:
        return None
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
