"""Throughput: marsad's extraction vs spaCy en_core_web_sm's `nlp.pipe` over the same corpus texts.

    python bench/throughput.py ../shared/data/corpus/indiapoliceevents_docs.csv \
        ../shared/data/dev/geowebnews.xml --json

Corpora: CSV/TSV with a text column (auto: text, doc_text, body, ...; or --text-column), JSONL, a folder
of .txt files, a .txt file, or GeoWebNews-style XML. Prints a table, or with --json exactly one object
with keys articles, words, marsad_articles_per_s, spacy_sm_articles_per_s, ratio, peak_rss_mb.
Targets (issue 3): ratio >= 2.0, peak_rss_mb < 1536. See marsad.evaluate.throughput for the fairness rules.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="+", help="corpus files or folders")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--text-column", default=None, help="CSV/JSONL column holding the article text")
    parser.add_argument(
        "--n-process", type=int, default=min(2, os.cpu_count() or 1), help="worker processes for both sides"
    )
    parser.add_argument("--rounds", type=int, default=4, help="interleaved measurement rounds (slices)")
    args = parser.parse_args(argv)

    from marsad._exceptions import MarsadError
    from marsad.evaluate import throughput
    from marsad.evaluate.corpus import read_corpora

    try:
        texts = read_corpora(args.corpus, text_column=args.text_column, limit=args.limit)
    except MarsadError as exc:
        print(f"throughput: error: {exc}", file=sys.stderr)
        return 2
    n_process = max(1, args.n_process)
    if n_process > 1 and not throughput.pipeline_supports_n_process():
        print("throughput: Pipeline.extract_many has no n_process; measuring 1 process on both sides",
              file=sys.stderr)
        n_process = 1
    print(f"throughput: {len(texts)} articles, {n_process} process(es), {args.rounds} interleaved rounds",
          file=sys.stderr)
    with contextlib.redirect_stdout(sys.stderr):  # stdout holds only the result
        marsad, spacy_sm = throughput.measure(texts, n_process, rounds=args.rounds)
    summary = throughput.summarise(texts, marsad, spacy_sm)
    if args.json:
        print(json.dumps(summary))
    else:
        from marsad.evaluate.table import render_summary

        extra = {
            "n_process": n_process,
            "marsad_seconds": round(marsad.seconds, 2),
            "spacy_sm_seconds": round(spacy_sm.seconds, 2),
            "marsad_cpu_seconds": round(marsad.cpu_seconds, 2),
            "spacy_sm_cpu_seconds": round(spacy_sm.cpu_seconds, 2),
            "cpu_ratio": round(spacy_sm.cpu_seconds / marsad.cpu_seconds, 3) if marsad.cpu_seconds else None,
            "marsad_rss_sum_mb": round(marsad.peak_rss_sum_mb, 1),
            "spacy_sm_peak_rss_mb": round(spacy_sm.peak_rss_mb, 1),
        }
        print(render_summary("Throughput: " + ", ".join(args.corpus), {**summary, **extra}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
