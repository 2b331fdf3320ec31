"""Cross-source deduplication benchmark: pairwise precision and recall of merging.

Each report in ``incidents.yaml`` is an invented article with the event a careful coder would take
from it. The reports are ingested into a fresh store (in publication order, then in shuffled orders)
and every pair of reports is scored: same gold incident vs same canonical event.

    python bench/dedup/run.py                       # hand-coded events: measures the store's matching
    python bench/dedup/run.py --extract             # events from marsad's own extraction, end to end
    python bench/dedup/run.py --extract --explain   # each missed or wrong pair: both reports' events, the veto
    python bench/dedup/run.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path

import yaml

from marsad.model import Article, Event
from marsad.store import open_store

HERE = Path(__file__).parent
TYPES = {
    "IED": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "SUICIDE": ("Explosions/Remote violence", "Suicide bomb"),
    "AIR": ("Explosions/Remote violence", "Air/drone strike"),
    "SHELL": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "GRENADE": ("Explosions/Remote violence", "Grenade"),
    "CLASH": ("Battles", "Armed clash"),
    "ATTACK": ("Violence against civilians", "Attack"),
    "PEACEFUL": ("Protests", "Peaceful protest"),
    "INTERVENTION": ("Protests", "Protest with intervention"),
    "EXCESSIVE": ("Protests", "Excessive force against protesters"),
    "VIOLENT": ("Riots", "Violent demonstration"),
}


def load(name: str = "incidents.yaml") -> list[tuple[str, Article, dict]]:
    places = yaml.safe_load((HERE / "places.yaml").read_text())
    reports = []
    for incident in yaml.safe_load((HERE / name).read_text()):
        for n, rep in enumerate(incident["reports"]):
            key = rep.get("id") or f"{re.sub(r'[^a-z]+', '-', rep['source'].lower())}{incident['incident']}-{n}"
            art = Article(text=rep["text"], id=key, source=rep["source"], published=rep["published"],
                          url=f"https://bench.example/{key}", language="en")  # fmt: skip
            reports.append((incident["incident"], art, {**rep["ev"], "_place": places[rep["ev"]["place"]]}))
    return reports


def coded_event(key: str, ev: dict) -> Event:
    """The hand-coded event of one report, in the pipeline's Event shape."""
    place = ev["_place"]
    event_type, sub_event_type = TYPES[ev["t"]]
    inters = sorted(i for i in (ev.get("i1"), ev.get("i2")) if i)
    return Event(
        event_id=f"{key}-1", event_date=str(ev["date"]), time_precision=ev.get("tp", 1), event_type=event_type,
        sub_event_type=sub_event_type, actor1=ev.get("a1"), inter1=ev.get("i1") if ev.get("a1") else None,
        actor2=ev.get("a2"), inter2=ev.get("i2") if ev.get("a2") else None,
        interaction=(inters[0] * 10 + (inters[1] if len(inters) > 1 else 0)) if inters else None,
        iso=place["iso"], country=place["country"], admin1=place["admin1"], admin2=place["admin2"],
        location=place["location"], latitude=place["lat"], longitude=place["lon"], geo_precision=ev.get("geo", 1),
        sublocation=ev.get("sub"), fatalities=ev.get("fat", 0), injuries=ev.get("inj"),
        evidence={"fatalities": [(0, 1)]} if "fat" in ev else {},
    )  # fmt: skip


def pairwise(labels: dict[str, str], clusters: dict[str, set[str]]) -> tuple[float, float, list, list]:
    """Precision/recall over report pairs: gold = same incident, predicted = share a canonical event."""
    tp = fp = fn = 0
    false_merges, missed = [], []
    for a, b in itertools.combinations(sorted(labels), 2):
        gold = labels[a] == labels[b]
        pred = bool(clusters[a] & clusters[b])
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        if pred and not gold:
            false_merges.append((a, b))
        if gold and not pred:
            missed.append((a, b))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, false_merges, missed


def _short(e: Event) -> str:
    actors = "; ".join(f"{a} ({i})" for a, i in ((e.actor1, e.inter1), (e.actor2, e.inter2)) if a)
    return (f"{e.event_date} tp{e.time_precision} {e.sub_event_type} | {e.location}, {e.admin1}, {e.country} "
            f"geo{e.geo_precision} sub={e.sublocation!r} | {actors} | fat {e.fatalities}")


def veto(a: Event, b: Event) -> str:
    """Which of the matcher's tests says no to this pair of events (or "match")."""
    from marsad.store import canonical, dedup

    fa, fb = canonical.facts(a.to_dict()), canonical.facts(b.to_dict())
    if not dedup.dates_compatible(fa, fb):
        return "date"
    if not dedup.types_compatible(fa, fb):
        return "type"
    if dedup.unconfirmed_place(fa, fb):
        return "one report placeless/regional: needs same sub-type and a named actor in common"
    if not dedup.placeless(fa) and not dedup.placeless(fb) and not dedup.places_compatible(fa, fb):
        return "place"
    if not dedup.actors_compatible(fa, fb):
        return "actors"
    return "match"


def explain(pairs: list, kind: str, extracted: dict, coded: dict, texts: dict) -> None:
    for a, b in pairs:
        print(f"  {kind}: {a} / {b}")
        for key in (a, b):
            print(f"    {key}: {texts[key]}")
            print(f"      coded: {coded[key]}")
            for e in extracted.get(key, []):
                print(f"      -> {_short(e)}")
        for ea in extracted.get(a, []):
            for eb in extracted.get(b, []):
                print(f"      {ea.event_id} x {eb.event_id}: {veto(ea, eb)}")


def run_once(url: str, reports, events_of) -> tuple[float, float, list, list, int]:  # type: ignore[no-untyped-def]
    store = open_store(url)
    clusters: dict[str, set[str]] = {}
    for _, art, ev in reports:
        result = store.ingest(art, events_of(art, ev))
        clusters[art.key] = set(result.event_ids)
    for key in clusters:  # a later merge may have joined events: read the final state
        stored = store.article(key)
        clusters[key] = set(stored["event_ids"]) if stored else set()
    n_events = store.count()
    store.close()
    labels = {art.key: incident for incident, art, _ in reports}
    return (*pairwise(labels, clusters), n_events)


def fresh_url(base: str | None, tmp: Path) -> tuple[str, str | None]:
    if base is None or base.startswith("sqlite"):
        return f"sqlite:///{tmp / (uuid.uuid4().hex + '.db')}", None
    schema = f"bench_dedup_{uuid.uuid4().hex[:8]}"
    from sqlalchemy import create_engine, text

    with create_engine(base).begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}", schema


def drop(base: str | None, schema: str | None) -> None:
    if schema and base:
        from sqlalchemy import create_engine, text

        with create_engine(base).begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="base database URL (default: a temporary SQLite file per run)")
    parser.add_argument("--extract", action="store_true", help="use marsad's extraction instead of the coded events")
    parser.add_argument("--set", default="incidents.yaml", help="incidents file in bench/dedup (or incidents_holdout.yaml)")
    parser.add_argument("--shuffles", type=int, default=5, help="extra runs in random ingest orders")
    parser.add_argument("--explain", action="store_true",
                        help="for each missed or wrong pair, the two reports' events side by side and the veto")
    args = parser.parse_args()

    name = Path(args.set).name  # "bench/dedup/incidents.yaml" and "incidents.yaml" name the same set
    if not (HERE / name).is_file():
        sets = ", ".join(sorted(p.name for p in HERE.glob("incidents*.yaml")))
        parser.error(f"no incidents file {args.set!r} in {HERE}; the sets are: {sets}")
    reports = sorted(load(name), key=lambda r: (r[1].published or date.min, r[1].source or ""))
    if args.extract:
        from marsad.pipeline import Pipeline

        pipeline = Pipeline()
        extracted = {art.key: pipeline.extract(art) for _, art, _ in reports}

        def events_of(art: Article, ev: dict) -> list[Event]:
            return extracted[art.key]
    else:
        extracted = {art.key: [coded_event(art.key, ev)] for _, art, ev in reports}

        def events_of(art: Article, ev: dict) -> list[Event]:
            return [coded_event(art.key, ev)]
    coded = {art.key: {k: v for k, v in ev.items() if k != "_place"} for _, art, ev in reports}
    texts = {art.key: " ".join(art.text.split()) for _, art, _ in reports}

    n_incidents = len({r[0] for r in reports})
    print(f"{args.set}: {len(reports)} reports of {n_incidents} incidents; mode: {'extract' if args.extract else 'coded events'}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        orders = [("publication order", reports)]
        rng = random.Random(7)
        for i in range(args.shuffles):
            shuffled = reports[:]
            rng.shuffle(shuffled)
            orders.append((f"shuffle {i + 1}", shuffled))
        for name, order in orders:
            url, schema = fresh_url(args.db, Path(tmp))
            try:
                p, r, false_merges, missed, n_events = run_once(url, order, events_of)
            finally:
                drop(args.db, schema)
            results.append((p, r))
            print(f"{name:<18} precision {p:.3f}  recall {r:.3f}  canonical events {n_events}")
            if args.explain and name == "publication order":
                explain(false_merges, "false merge", extracted, coded, texts)
                explain(missed, "missed", extracted, coded, texts)
                continue
            for a, b in false_merges:
                print(f"    false merge: {a} + {b}")
            for a, b in missed:
                print(f"    missed:      {a} / {b}")
    ps, rs = [p for p, _ in results], [r for _, r in results]
    print(f"mean precision {sum(ps) / len(ps):.3f} (min {min(ps):.3f}); mean recall {sum(rs) / len(rs):.3f} "
          f"(min {min(rs):.3f})")  # fmt: skip
    sys.exit(0)


if __name__ == "__main__":
    main()
