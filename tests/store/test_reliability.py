"""Crashes and concurrency: a killed ingest leaves whole articles and resumes; two writers never duplicate."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select

from marsad.store import EventFilter, open_store
from marsad.store.schema import articles, events, mentions

WORKER = str(Path(__file__).parent / "ingest_worker.py")
EVENTS_PER_ARTICLE = 12


def _spawn(url: str, start: int, end: int, step: int = 1) -> subprocess.Popen:
    env = {**os.environ, "EVENTS": str(EVENTS_PER_ARTICLE)}
    return subprocess.Popen([sys.executable, WORKER, url, str(start), str(end), str(step)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip


def _mentions_per_article(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        query = (select(articles.c.key, func.count(mentions.c.id)).select_from(articles)
                 .outerjoin(mentions, mentions.c.article_id == articles.c.id).group_by(articles.c.key))  # fmt: skip
        counts = dict(conn.execute(query).all())
        orphans = conn.execute(select(func.count()).select_from(events).where(
            ~events.c.event_id.in_(select(mentions.c.event_id)))).scalar_one()  # fmt: skip
    engine.dispose()
    assert orphans == 0, "an event without any mention survived"
    return counts


def test_killed_ingest_leaves_whole_articles_and_the_next_run_resumes(store_url: str) -> None:
    open_store(store_url).close()  # migrate first, so the kill lands in the ingest loop
    proc = _spawn(store_url, 0, 400)
    committed = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("new"):
            committed += 1
        if committed == 15:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    counts = _mentions_per_article(store_url)
    assert len(counts) >= 15
    assert len(counts) < 400, "the kill came too late to interrupt the batch"
    assert set(counts.values()) == {EVENTS_PER_ARTICLE}, "an article was stored partly"

    rerun = subprocess.run([sys.executable, WORKER, store_url, "0", "40"], capture_output=True, text=True,
                           env={**os.environ, "EVENTS": str(EVENTS_PER_ARTICLE)}, timeout=120)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    statuses = [line.split()[0] for line in rerun.stdout.splitlines()[1:]]
    stored_before = {k for k in counts if int(k.split("-")[1]) < 40}
    assert statuses.count("unchanged") == len(stored_before)
    assert statuses.count("new") == 40 - len(stored_before)
    final = _mentions_per_article(store_url)
    assert set(final.values()) == {EVENTS_PER_ARTICLE}


def test_two_concurrent_ingests_neither_lose_nor_duplicate_events(store_url: str) -> None:
    open_store(store_url).close()
    # Worker A takes even articles, worker B odd ones: each incident's two reports arrive from two processes.
    first, second = _spawn(store_url, 0, 60, 2), _spawn(store_url, 1, 60, 2)
    for proc in (first, second):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    with open_store(store_url) as store:
        assert store.count(EventFilter()) == 30 * EVENTS_PER_ARTICLE  # 30 incidents, each told twice
        page = store.events(EventFilter(), limit=1000)
        assert {item["n_sources"] for item in page.items} == {2}
    counts = _mentions_per_article(store_url)
    assert len(counts) == 60 and set(counts.values()) == {EVENTS_PER_ARTICLE}


def test_sqlite_readers_are_not_blocked_by_a_writer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from marsad.store.engine import writing
    from store_factories import article, event

    url = f"sqlite:///{tmp_path / 'wal.db'}"
    writer, reader = open_store(url), open_store(url)
    writer.ingest(article("a", "A bomb exploded."), [event()])
    with writing(writer._engine) as conn:  # an ingest transaction holding the write lock
        conn.exec_driver_sql("UPDATE events SET notes = 'in progress'")
        assert reader.count(EventFilter()) == 1
        assert reader.events(EventFilter()).items[0]["notes"] != "in progress"
    writer.close()
    reader.close()
