"""HTTP API load benchmark: 100k synthetic events in SQLite, uvicorn workers, a client in another process.

    .venv/bin/python bench/load_api.py [--events 100000] [--workers 2] [--requests 3000] [--concurrency 8]

1. Builds (once, cached under build/bench/) an SQLite store with N generated events: random countries,
   types, actors, dates and fatalities. Rows go straight into the store's ``events`` table through its
   schema, because the benchmark measures reads; going through ``Store.ingest`` would spend minutes on
   deduplication that synthetic, all-distinct events do not need.
2. Starts ``uvicorn marsad.serve.app:app_from_env --factory --workers W`` on a free loopback port.
3. From this (second) process, sends a bounded number of requests per scenario with a fixed concurrency,
   each scenario also bounded in time, and reports req/s and p50/p95/p99 latency.

Also prints the cost of one uncached ``Store.stats`` over all events, which the server hides behind its
per-filter cache.

``--what-if-store-fixes`` measures the read-path changes proposed to the store's owner, without touching the
store's code: the server process gets a ``sitecustomize`` that (a) opens read transactions with a plain
deferred ``BEGIN`` instead of ``BEGIN IMMEDIATE`` (which makes every read take SQLite's write lock, so
concurrent readers queue), and a copy of the database gets covering indexes for the stats groupings. It is
a measurement of a proposal, never how the project runs. (Since store migration 0005 the store sorts by the
bare indexed columns and has these indexes itself, so the what-if run now differs from a plain run only by
(a) and by an ANALYZE of the copy.)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = {  # name: (iso, (min_lat, max_lat, min_lon, max_lon), admin1 names)
    "Iraq": (368, (30.0, 37.0, 39.0, 48.0), ["Baghdad", "Basra", "Nineveh", "Anbar", "Kirkuk", "Diyala"]),
    "Syria": (760, (32.5, 37.0, 36.0, 41.5), ["Aleppo", "Idlib", "Homs", "Deir ez Zor", "Daraa"]),
    "Nigeria": (566, (5.0, 13.0, 4.0, 13.5), ["Borno", "Kaduna", "Zamfara", "Lagos", "Benue"]),
    "Sudan": (729, (10.0, 20.0, 24.0, 36.0), ["Khartoum", "North Darfur", "South Kordofan", "Gezira"]),
    "Ukraine": (804, (46.0, 51.5, 24.0, 39.5), ["Donetsk", "Kharkiv", "Kherson", "Zaporizhzhia"]),
    "Mexico": (484, (17.0, 31.0, -114.0, -88.0), ["Guerrero", "Michoacan", "Sinaloa", "Jalisco"]),
    "Pakistan": (586, (25.0, 35.5, 62.0, 74.0), ["Khyber Pakhtunkhwa", "Balochistan", "Punjab"]),
    "Myanmar": (104, (16.0, 26.0, 93.0, 100.0), ["Sagaing", "Shan", "Rakhine", "Kachin"]),
    "Democratic Republic of Congo": (180, (-8.0, 3.0, 22.0, 30.0), ["North Kivu", "Ituri", "South Kivu"]),
    "Colombia": (170, (1.0, 11.0, -77.0, -70.0), ["Cauca", "Antioquia", "Narino"]),
}
TYPES = {
    "Battles": ["Armed clash", "Government regains territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Looting/property destruction"],
}
ACTORS = ["Military Forces of {c}", "Police Forces of {c}", "Protesters ({c})", "Rioters ({c})",
          "Civilians ({c})", "Unidentified Armed Group ({c})", "Communal Militia ({c})"]  # fmt: skip


def synthetic_rows(n: int, seed: int = 7) -> list[dict[str, object]]:
    """N distinct, plausible-looking event rows (every value invented by the generator)."""
    rng = random.Random(seed)
    start = date(2022, 1, 1)
    now = datetime.now(UTC)
    names = list(COUNTRIES)
    rows = []
    for i in range(n):
        country = rng.choice(names)
        iso, (lat0, lat1, lon0, lon1), admins = COUNTRIES[country]
        event_type = rng.choices(list(TYPES), weights=[25, 25, 15, 20, 8, 7])[0]
        sub = rng.choice(TYPES[event_type])
        a1, a2 = rng.sample(ACTORS, 2)
        fatalities = 0 if event_type in ("Protests", "Strategic developments") else min(200, int(rng.expovariate(0.3)))
        admin1 = rng.choice(admins)
        rows.append({
            "event_id": f"ev_bench{i:08d}", "event_date": start + timedelta(days=rng.randrange(1095)),
            "time_precision": 1, "event_type": event_type, "sub_event_type": sub,
            "actor1": a1.format(c=country), "actor2": a2.format(c=country), "inter1": 1, "inter2": 3,
            "interaction": 13, "iso": iso, "country": country, "admin1": admin1, "location": f"{admin1} town {i % 97}",
            "latitude": round(rng.uniform(lat0, lat1), 4), "longitude": round(rng.uniform(lon0, lon1), 4),
            "geo_precision": 1, "source": f"Outlet {i % 40}", "notes": f"Synthetic {sub.lower()} number {i} in {admin1}.",
            "fatalities": fatalities, "certainty": "reported", "plover": {}, "article_id": f"bench-{i}",
            "url": f"https://outlet{i % 40}.example/{i}", "n_sources": 1, "created_at": now, "updated_at": now,
        })  # fmt: skip
    return rows


def build_store(n: int) -> str:
    path = ROOT / "build" / "bench" / f"load_api_{n}.db"
    url = f"sqlite:///{path}"
    from marsad.store import open_store
    from marsad.store.schema import events

    if path.exists():
        store = open_store(url)
        if store.count() == n:
            store.close()
            return url
        store.close()
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(url)
    began = time.perf_counter()
    rows = synthetic_rows(n)
    with store._engine.begin() as conn:  # bench-only bulk load, see the module docstring
        for i in range(0, n, 5000):
            conn.execute(events.insert(), rows[i : i + 5000])
    print(f"built {url} with {store.count()} events in {time.perf_counter() - began:.1f} s", flush=True)
    store.close()
    return url


WHAT_IF = """
import sqlalchemy.event as _event
import marsad.store.engine as _engine

_original = _engine._sqlite_engine


def _deferred(parsed):
    engine = _original(parsed)
    for listener in list(engine.dispatch.begin):
        _event.remove(engine, "begin", listener)
    _event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


_engine._sqlite_engine = _deferred
"""
WHAT_IF_INDEXES = (
    "CREATE INDEX IF NOT EXISTS whatif_day ON events(event_date, event_type, fatalities)",
    "CREATE INDEX IF NOT EXISTS whatif_type ON events(event_type, fatalities)",
    "CREATE INDEX IF NOT EXISTS whatif_country ON events(country, fatalities)",
    "CREATE INDEX IF NOT EXISTS whatif_admin1 ON events(admin1, fatalities)",
    "CREATE INDEX IF NOT EXISTS whatif_fatalities ON events(fatalities, event_id)",
)


def what_if_setup(url: str) -> tuple[str, Path]:
    """A copy of the store with covering indexes, and a folder holding the sitecustomize patch."""
    import shutil
    import sqlite3

    source = Path(url.removeprefix("sqlite:///"))
    target = source.with_name(source.stem + "_whatif.db")
    if not target.exists():
        shutil.copyfile(source, target)
        with sqlite3.connect(target) as conn:
            for ddl in WHAT_IF_INDEXES:
                conn.execute(ddl)
            conn.execute("ANALYZE")
    folder = source.parent / "whatif"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(WHAT_IF)
    return f"sqlite:///{target}", folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, workers: int, patch: Path | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MARSAD_DB": url}
    if patch is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(patch), os.environ.get("PYTHONPATH")]))
    # `marsad serve`, as users run it: one listening socket per worker process (SO_REUSEPORT).
    cmd = [sys.executable, "-m", "marsad.cli.main", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers), "--log-level", "warning"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 60
    import httpx

    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (Content-Length or chunked) and return its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def hammer(port: int, paths: list[str], requests: int, concurrency: int, seconds: float) -> dict[str, float]:
    """Send up to ``requests`` GETs (cycling through ``paths``), ``concurrency`` keep-alive connections, at
    most ``seconds``. A minimal HTTP/1.1 client on raw asyncio streams: it costs far less CPU than httpx, and
    the client shares the machine's two cores with the server."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(requests))
    stop_at = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for i in counter:
                if time.perf_counter() > stop_at:
                    return
                request = f"GET {paths[i % len(paths)]} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
                t0 = time.perf_counter()
                writer.write(request)
                status = await _read_response(reader)
                latencies.append(time.perf_counter() - t0)
                errors += status != 200
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    return {"requests": len(latencies), "errors": errors, "seconds": elapsed, "rps": len(latencies) / elapsed,
            "p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
            "mean_ms": statistics.fmean(latencies) * 1000}  # fmt: skip


def uncached_stats_ms(url: str) -> float:
    from marsad.store import open_store
    from marsad.store.query import EventFilter

    store = open_store(url)
    store.stats(EventFilter())
    began = time.perf_counter()
    for _ in range(3):
        store.stats(EventFilter())
    store.close()
    return (time.perf_counter() - began) / 3 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=3000, help="per scenario")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0, help="time bound per scenario")
    parser.add_argument("--what-if-store-fixes", action="store_true", help="measure the proposed store changes")
    args = parser.parse_args()

    url = build_store(args.events)
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores; other processes skew every figure)", flush=True)
    patch = None
    if args.what_if_store_fixes:
        url, patch = what_if_setup(url)
        print("WHAT-IF run: proposed store read-path changes applied to the server process", flush=True)
    else:
        print(f"uncached Store.stats over {args.events} events: {uncached_stats_ms(url):.0f} ms", flush=True)
    port = free_port()
    server = start_server(url, port, args.workers, patch)
    countries = "&".join(f"country={c}" for c in ["Iraq"])
    scenarios = {
        "GET /api/events?limit=100": ["/api/events?limit=100"],
        "GET /api/stats": ["/api/stats"],
        "GET /api/events?limit=100&country=..&type=..": [
            f"/api/events?limit=100&country={quote(c)}&type={t}" for c in COUNTRIES for t in ("Battles", "Protests")
        ],
        f"GET /api/stats?{countries.split('=')[0]}=.. (10 filters)": [f"/api/stats?country={quote(c)}" for c in COUNTRIES],
    }
    try:
        # Cold: the first request for each of 6 new filters, one at a time (what a cache miss costs).
        cold = [f"/api/stats?since=2023-0{m}-01&until=2023-0{m}-28" for m in range(1, 7)]
        result = asyncio.run(hammer(port, cold, len(cold), 1, args.seconds * 4))
        print(f"{'GET /api/stats cold (6 new filters, 1 at a time)':48s} {result['requests']:5d} req  "
              f"{result['errors']} errors  p50 {result['p50_ms']:6.1f} ms  max {result['p99_ms']:6.1f} ms", flush=True)
        for name, paths in scenarios.items():
            # Warm-up (connections, SQLite page cache, and the stats cache for these filters).
            asyncio.run(hammer(port, paths, min(200, args.requests), args.concurrency, args.seconds))
            result = asyncio.run(hammer(port, paths, args.requests, args.concurrency, args.seconds))
            print(f"{name:48s} {result['requests']:5d} req  {result['errors']} errors  {result['rps']:7.1f} req/s  "
                  f"p50 {result['p50_ms']:6.1f} ms  p95 {result['p95_ms']:6.1f} ms  p99 {result['p99_ms']:6.1f} ms",
                  flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        print(f"load average after: {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
