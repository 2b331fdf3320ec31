"""Ingest throughput into the store, with events already extracted (this measures the store, not NLP).

Synthetic articles, each with a few events spread over countries, towns and a year of dates; a share of
the articles retell an earlier incident (other outlet, other figures) so the dedup path runs as in real
feeds. Reports articles/s and events/s for a first ingest and for re-ingesting the same articles
(all unchanged).

    python bench/ingest_throughput.py --articles 2000            # SQLite file in a temporary folder
    python bench/ingest_throughput.py --db postgresql+psycopg://postgres@127.0.0.1:5432/test --articles 2000
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from datetime import date, timedelta

from marsad.model import Article, Event
from marsad.store import open_store

COUNTRIES = [("Iraq", 368, 33.3, 44.4), ("Syria", 760, 35.0, 38.0), ("Nigeria", 566, 10.0, 8.0),
             ("Sudan", 729, 15.0, 30.0), ("Mexico", 484, 23.0, -102.0), ("Pakistan", 586, 30.0, 70.0)]  # fmt: skip
TYPES = [("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Battles", "Armed clash"),
         ("Protests", "Peaceful protest"), ("Violence against civilians", "Attack")]  # fmt: skip


def make_events(rng: random.Random, n: int, tag: str) -> list[Event]:
    found = []
    for j in range(n):
        country, iso, lat, lon = rng.choice(COUNTRIES)
        town = rng.randrange(200)
        event_type, sub = rng.choice(TYPES)
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
        found.append(Event(
            event_id=f"{tag}-{j}", event_date=day.isoformat(), time_precision=1, event_type=event_type,
            sub_event_type=sub, actor1=f"Unidentified Armed Group ({country})", inter1=3,
            actor2=f"Civilians ({country})", inter2=7, interaction=37, iso=iso, country=country,
            admin1=f"Region {town % 12}", admin2=f"District {town}", location=f"Town {town}",
            latitude=lat + (town % 20) * 0.3, longitude=lon + (town // 20) * 0.3, geo_precision=1,
            fatalities=rng.randrange(10), notes="Synthetic event for the throughput benchmark.",
            evidence={"fatalities": [(0, 4)], "event_type": [(5, 12)]},
        ))  # fmt: skip
    return found


def corpus(n_articles: int, events_per_article: int, retell: float, seed: int = 1):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    items: list[tuple[Article, list[Event]]] = []
    for i in range(n_articles):
        if items and rng.random() < retell:
            _, earlier = rng.choice(items)  # another outlet retells an earlier article's incidents
            found = [Event.from_dict({**e.to_dict(), "event_id": f"a{i}-{k}", "fatalities": e.fatalities + 1})
                     for k, e in enumerate(earlier)]  # fmt: skip
        else:
            found = make_events(rng, events_per_article, f"a{i}")
        text = f"Article {i}. " + "Reporters said fighting continued in the area. " * 40
        items.append((Article(text=text, id=f"bench-{i}", source=f"Outlet {i % 7}", url=f"https://bench.example/{i}",
                              published=date(2024, 12, 31), language="en"), found))  # fmt: skip
    return items


def run(url: str, items) -> None:  # type: ignore[no-untyped-def]
    store = open_store(url)
    n_events = sum(len(found) for _, found in items)
    for label in ("first ingest", "re-ingest (unchanged)"):
        started, cpu = time.perf_counter(), time.process_time()
        merged = 0
        for art, found in items:
            merged += store.ingest(art, found).events_merged
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{store.dialect:<10} {label:<22} {len(items) / elapsed:8.1f} articles/s  {n_events / elapsed:8.1f} "
              f"events/s  ({len(items)} articles, {n_events} events, {merged} merged, {elapsed:.1f} s wall, "
              f"{cpu:.1f} s CPU in this process; "
              f"store holds {store.count()} events)")  # fmt: skip
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="SQLAlchemy URL [default: a new SQLite file in a temporary folder]; "
                        "PostgreSQL runs in a fresh schema, dropped afterwards")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--events", type=int, default=3, help="events per article")
    parser.add_argument("--retell", type=float, default=0.3, help="share of articles retelling an earlier one")
    args = parser.parse_args()
    url, schema = args.db, None
    if url is None:
        import tempfile

        tmp = tempfile.mkdtemp(prefix="marsad-bench-")
        url = f"sqlite:///{tmp}/bench.db"
    elif url.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        schema = f"bench_ingest_{uuid.uuid4().hex[:8]}"
        with create_engine(url).begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    try:
        run(url, corpus(args.articles, args.events, args.retell))
    finally:
        if schema:
            with create_engine(args.db).begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
