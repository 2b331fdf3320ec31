"""Place resolution speed: index load time and milliseconds per toponym after load.

Usage: python bench/geocode_speed.py [CORPUS.xml|CORPUS.csv] [--limit N] [--json]

With a GeoWebNews/LGL-style XML or a CSV with a `notes`/`text`/`doc_text` column, times
`PlaceResolver.toponyms` over those texts (recognition + resolution of every name); without one, over
a few sentences written for this benchmark. Reports the index load, words per second and ms per
toponym (recognition and resolution together), in wall-clock and in CPU time.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time

SENTENCES = [
    "Gunmen attacked a checkpoint near Tripoli, in northern Lebanon, killing two soldiers.",
    "Protesters gathered in Tahrir Square in Baghdad and in the southern city of Basra.",
    "Militants shelled Qorowle village (Kismayo, Lower Juba) on Monday, residents said.",
    "A storm hit Paris, Texas, while thousands marched in Paris and Lyon against the reform.",
    "Security forces raided a farm in Wasit province; Iraqi officials said two men were held in Kut.",
]


def texts_from(path: str | None, limit: int | None) -> list[str]:
    if not path:
        return SENTENCES * 40
    if path.endswith(".xml"):
        from marsad.evaluate.geoparse import read_articles

        texts = [a.text for a in read_articles(path)]
    else:
        csv.field_size_limit(sys.maxsize)
        with open(path, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        col = next(c for c in ("notes", "text", "doc_text") if c in rows[0])
        texts = [r[col] for r in rows]
    return texts[:limit] if limit else texts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from marsad.resolve.places import load_gazetteer
    from marsad.resolve.places.resolver import PlaceResolver

    # Wall time and CPU time both: on a shared machine the wall clock also counts other processes.
    t0, c0 = time.perf_counter(), time.process_time()  # the index load alone (imports excluded)
    resolver = PlaceResolver(load_gazetteer())
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    texts = texts_from(args.corpus, args.limit)
    resolver.toponyms(texts[0])  # first call reads the word lists
    t1, c1 = time.perf_counter(), time.process_time()
    n_top = sum(len(resolver.toponyms(t)) for t in texts)
    secs, cpu = time.perf_counter() - t1, time.process_time() - c1
    words = sum(len(t.split()) for t in texts)
    out = {"texts": len(texts), "words": words, "toponyms": n_top, "load_seconds": round(load_s, 3),
           "load_cpu_seconds": round(load_cpu, 3), "words_per_s": round(words / secs),
           "words_per_cpu_s": round(words / cpu), "ms_per_toponym": round(1000 * secs / max(1, n_top), 3),
           "cpu_ms_per_toponym": round(1000 * cpu / max(1, n_top), 3)}  # fmt: skip
    print(json.dumps(out) if args.json else "\n".join(f"{k:16} {v}" for k, v in out.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
