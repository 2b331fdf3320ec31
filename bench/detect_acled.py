"""Detection stage alone, end to end over ACLED notes, and its prefilter's pass rate on other news.

    python bench/detect_acled.py ../shared/data/dev/acled_dev.csv \
        --corpus ../shared/data/corpus/indiapoliceevents_docs.csv [--json] [--limit N]

For each ACLED row, the `notes` text is split into sentences; every sentence passing `prefilter` is
classified, and the row's answer is the article-level top detection (`top_detection`: score, then
ACLED precedence). Prints event-type and sub-event-type accuracy (a row with no detection is wrong),
the most frequent confusions, and, for the corpus, the share of articles with at least one sentence
passing the prefilter and the share of sentences passing it.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from marsad.detect import classify, prefilter, top_detection
from marsad.nlp.sentences import split_sentences as _spans


def split_sentences(text):  # (offset, sentence) pairs
    return [(s, text[s:e]) for s, e in _spans(text)]


def label(text: str) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) of a text, or (None, None) for no event."""
    detections = []
    for _offset, sentence in split_sentences(text):
        if prefilter(sentence):
            detections += classify(sentence)
    best = top_detection(detections)
    return (best.event_type, best.sub_event_type) if best else (None, None)


def acled(path: Path, limit: int | None) -> dict:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    start = time.perf_counter()
    event_ok = sub_ok = detected = 0
    confusions: Counter[tuple[str, str]] = Counter()
    for row in rows:
        event_type, sub_event = label(row["notes"])
        detected += event_type is not None
        event_ok += event_type == row["event_type"]
        sub_ok += sub_event == row["sub_event_type"]
        if sub_event != row["sub_event_type"]:
            confusions[(row["sub_event_type"], sub_event or "(no event)")] += 1
    n = len(rows)
    return {
        "n": n,
        "detected": round(detected / n, 4) if n else 0.0,
        "event_type_accuracy": round(event_ok / n, 4) if n else 0.0,
        "sub_event_type_accuracy": round(sub_ok / n, 4) if n else 0.0,
        "seconds": round(time.perf_counter() - start, 2),
        "top_confusions": [f"{g} -> {p}: {c}" for (g, p), c in confusions.most_common(12)],
    }


def corpus(path: Path, limit: int | None) -> dict:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [r["doc_text"] for r in csv.DictReader(handle)][:limit]
    start = time.perf_counter()
    passing_articles = sentences = passing = with_event = 0
    for text in texts:
        flags = [prefilter(s) for _o, s in split_sentences(text)]
        sentences += len(flags)
        passing += sum(flags)
        passing_articles += any(flags)
    prefilter_seconds = time.perf_counter() - start
    for text in texts:
        if any(classify(s) for _o, s in split_sentences(text) if prefilter(s)):
            with_event += 1
    n = len(texts)
    return {
        "articles": n,
        "articles_passing_prefilter": round(passing_articles / n, 4) if n else 0.0,
        "sentences": sentences,
        "sentences_passing_prefilter": round(passing / sentences, 4) if sentences else 0.0,
        "articles_with_detection": round(with_event / n, 4) if n else 0.0,
        "prefilter_us_per_sentence": round(prefilter_seconds / sentences * 1e6, 1) if sentences else 0.0,
        "seconds": round(time.perf_counter() - start, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acled_csv", type=Path)
    parser.add_argument("--corpus", type=Path, help="CSV with a doc_text column (IndiaPoliceEvents)")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.acled_csv.is_file():
        print(f"skipped: {args.acled_csv} not found", file=sys.stderr)
        return 0
    result = {"acled": acled(args.acled_csv, args.limit)}
    if args.corpus is not None and args.corpus.is_file():
        result["corpus"] = corpus(args.corpus, args.limit)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for section, values in result.items():
            print(f"[{section}]")
            for key, value in values.items():
                if isinstance(value, list):
                    print(f"  {key}:")
                    for item in value:
                        print(f"    {item}")
                else:
                    print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
