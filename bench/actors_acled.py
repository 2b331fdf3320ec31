"""Actor accuracy on ACLED's own notes: the actor resolver alone, with the gold sub-event type and country.

For each row, the notes are split into sentences (the core's splitter) and each sentence is parsed alone
(the core's spaCy pipeline). The event sentence is the first whose detection (``marsad.detect``) matches
the gold sub-event type, else the first with any detection, else the first sentence; the trigger is that
detection's span, or the sentence's root. ``roles()`` gets the gold sub-event type and country and the
row's date (standing in for the publication date), so only the actor layer is measured.

    python bench/actors_acled.py ../shared/data/dev/acled_dev.csv [--errors 40] [--limit N]

Prints actor1_inter_accuracy (inter1 equals gold inter1) and actor_name_accuracy (actor1 equals gold
actor1 or actor2 after normalising case, punctuation and the regime suffix "(2018-)").
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

_YEARS = re.compile(r"\(\d{4}-\d{0,4}\)")


def normalise(name: str | None) -> str:
    text = _YEARS.sub(" ", (name or "").lower())
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _date(text: str) -> date | None:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def event_roles(resolver, nlp, notes: str, sub_event: str, country: str, when: date | None):  # type: ignore[no-untyped-def]
    from marsad.detect import classify
    from marsad.nlp.sentences import split_sentences

    mentions = resolver.mentions(notes, country=country, when=when)
    chosen = None
    for start, end in split_sentences(notes) or [(0, len(notes))]:
        doc = nlp(notes[start:end])
        detections = classify(notes[start:end], doc=doc)
        same = [d for d in detections if d.sub_event_type == sub_event]
        pick = (same or detections or [None])[0]
        rank = 0 if same else 1 if detections else 2
        if chosen is None or rank < chosen[0]:
            if pick is not None:
                trigger = (start + pick.start, start + pick.end)
            else:
                root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
                trigger = (start + root.idx, start + root.idx + len(root))
            chosen = (rank, doc, start, trigger)
        if rank == 0:
            break
    assert chosen is not None
    _, doc, start, trigger = chosen
    return resolver.roles(doc, start, trigger, sub_event, mentions, country=country, when=when)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong rows")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.csv.exists():
        print(f"skipped: {args.csv} not found", file=sys.stderr)
        return 0

    from marsad.nlp.parser import load
    from marsad.resolve.actors import get_resolver

    rows = list(csv.DictReader(args.csv.open(encoding="utf-8")))
    if args.limit:
        rows = rows[: args.limit]
    resolver, nlp = get_resolver(), load()
    began = time.perf_counter()
    inter_ok = name_ok = 0
    by_type: Counter[str] = Counter()
    by_type_ok: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    shown = 0
    for row in rows:
        roles = event_roles(resolver, nlp, row["notes"], row["sub_event_type"], row["country"], _date(row["event_date"]))
        actor1 = roles.actor1.actor if roles.actor1 else None
        inter_hit = actor1 is not None and str(actor1.inter) == row["inter1"]
        gold = {normalise(row["actor1"]), normalise(row["actor2"])} - {""}
        name_hit = actor1 is not None and normalise(actor1.name) in gold
        inter_ok += inter_hit
        name_ok += name_hit
        by_type[row["sub_event_type"]] += 1
        by_type_ok[row["sub_event_type"]] += name_hit
        if not name_hit:
            confusions[(actor1.name if actor1 else "-", row["actor1"])] += 1
            if shown < args.errors:
                shown += 1
                print(f"--- {row['sub_event_type']} | gold {row['actor1']} ({row['inter1']}) / {row['actor2']}")
                print(f"    got {actor1.name if actor1 else None} ({actor1.inter if actor1 else None}) / "
                      f"{roles.actor2.actor.name if roles.actor2 else None}")
                print(f"    {row['notes'][:300]}")
    n = len(rows)
    if args.errors:
        print("\nmost common name errors (got -> gold actor1):")
        for (got, want), count in confusions.most_common(25):
            print(f"  {count:4d}  {got} -> {want}")
        print("\nname accuracy by sub-event type:")
        for sub, count in by_type.most_common():
            print(f"  {by_type_ok[sub] / count:.2f}  {count:4d}  {sub}")
    result = {
        "n": n,
        "actor1_inter_accuracy": round(inter_ok / n, 4) if n else 0.0,
        "actor_name_accuracy": round(name_ok / n, 4) if n else 0.0,
        "seconds": round(time.perf_counter() - began, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
