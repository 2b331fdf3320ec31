"""Place resolution alone on ACLED notes: admin1 accuracy and distance of the most likely event location.

Usage: python bench/places_acled.py ../shared/data/dev/acled_dev.csv [--limit N] [--errors K] [--json]

The event location is the first locational toponym that is not a country or a wider region (the
resolver already places "X village (District, Province)" on X or, when X is unknown, on District).
This isolates the place resolver from event detection; `marsad eval acled` measures the whole pipeline.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import sys
import time

WIDE = ("country", "continent", "region", "sea")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def event_place(toponyms):  # type: ignore[no-untyped-def]
    for t in toponyms:
        if t.place is not None and not t.non_locational and t.place.kind not in WIDE:
            return t
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong rows")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from marsad.resolve.places import get_resolver
    from marsad.resolve.places.countries import country_code
    from marsad.resolve.places.names import same_admin1

    try:
        with open(args.path, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))[: args.limit]
    except OSError as exc:
        print(f"cannot read {args.path}: {exc}", file=sys.stderr)
        return 2
    resolver = get_resolver()
    t0 = time.perf_counter()
    n = admin_ok = near25 = near161 = 0
    dists, wrong = [], []
    for row in rows:
        n += 1
        top = event_place(resolver.toponyms(row["notes"]))
        if top is None:
            dists.append(20039.0)
            wrong.append((row, None, None))
            continue
        p = top.place
        cc = country_code(row["country"]) or p.country_code
        ok = same_admin1(p.admin1, row["admin1"], cc)
        d = km(p.latitude, p.longitude, float(row["latitude"]), float(row["longitude"]))
        admin_ok += ok
        near25 += d <= 25
        near161 += d <= 161
        dists.append(d)
        if not ok or d > 25:
            wrong.append((row, top, d))
    secs = time.perf_counter() - t0
    out = {"n": n, "admin1_accuracy": round(admin_ok / n, 4), "within_25km": round(near25 / n, 4),
           "within_161km": round(near161 / n, 4), "median_km": round(statistics.median(dists), 1),
           "ms_per_row": round(1000 * secs / n, 2)}  # fmt: skip
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:16} {v}")
    for row, top, d in wrong[: args.errors]:
        got = f"{top.text!r} -> {top.place.name}/{top.place.admin1}/{top.place.country_code} {d:.0f} km" if top else "-"
        print(f"- gold {row['location']}/{row['admin1']}/{row['country']}; got {got}\n  {row['notes'][:220]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
