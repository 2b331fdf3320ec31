"""CASE 2021 task 2: sub-event classification of news snippets, scored like the shared task.

Each snippet is split into sentences, every sentence goes through the detector (prefilter + classify)
and the snippet's answer is the top detection by score and ACLED precedence (``top_detection``), or
"no event". By default only rows whose gold label is one of ACLED's 25 sub-event types count; with
``all_labels`` the 5 extra CASE types count too, and "no event" is the right answer for them.
"""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import yaml

from marsad._exceptions import InputError
from marsad.nlp.sentences import split_sentences
from marsad.detect import classify, prefilter, top_detection
from marsad.evaluate.scores import NO_EVENT, per_label



def load_codes() -> tuple[dict[str, str], dict[str, str]]:
    """CASE code -> ACLED sub-event name, and the extra (non-ACLED) codes."""
    path = Path(str(resources.files("marsad") / "data" / "triggers" / "case2021_codes.yaml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return dict(data["acled"]), dict(data["extra"])


def label_text(text: str) -> str | None:
    """The ACLED sub-event type a snippet or short article reports, or None for no event."""
    detections = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if prefilter(sentence):
            detections += classify(sentence)
    best = top_detection(detections)
    return best.sub_event_type if best else None


def read_rows(path: str) -> list[tuple[str, str, str]]:
    """(id, snippet, code) rows of a CASE task-2 TSV."""
    file = Path(path)
    if not file.is_file():
        raise InputError("no such file", origin=path)
    try:
        with file.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = {"EventSnippet", "SubType"} - set(reader.fieldnames or ())
            if missing:
                raise InputError(f"missing column(s) {sorted(missing)}; expected id, EventSnippet, SubType",
                                 origin=path)
            return [(r.get("id") or str(i), r["EventSnippet"] or "", (r["SubType"] or "").strip())
                    for i, r in enumerate(reader)]
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text: {exc}", origin=path) from exc


def run(path: str, all_labels: bool = False, limit: int | None = None) -> dict:
    """Score the detector on a CASE 2021 task-2 TSV: n, weighted/micro/macro F1 and per-label scores."""
    acled, extra = load_codes()
    gold: list[str] = []
    predicted: list[str] = []
    for _id, snippet, code in read_rows(path):
        if code in acled:
            label = acled[code]
        elif all_labels and code in extra:
            label = extra[code]
        else:
            continue
        if limit is not None and len(gold) >= limit:
            break
        answer = label_text(snippet)
        if answer is None:
            answer = label if code in extra else NO_EVENT
        gold.append(label)
        predicted.append(answer)
    scores = per_label(gold, predicted)
    support = {k: v for k, v in scores.items() if v.support}
    n = len(gold)
    weighted = sum(s.f1 * s.support for s in support.values()) / n if n else 0.0
    answered = sum(1 for p in predicted if p != NO_EVENT)
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    micro_p = correct / answered if answered else 0.0
    micro_r = correct / n if n else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    macro = sum(s.f1 for s in support.values()) / len(support) if support else 0.0
    return {
        "n": n,
        "weighted_f1": round(weighted, 4),
        "micro_f1": round(micro, 4),
        "macro_f1": round(macro, 4),
        "per_label": {
            label: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4), "support": s.support}
            for label, s in sorted(scores.items())
        },
    }
