"""Fixtures for the server tests: a real SQLite store filled with articles written for these tests.

Every article below is invented for the tests (no gold or seed text). Evidence offsets are computed from
the text with ``str.index`` so they always point at the words they claim to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from marsad.model import Article, Event
from marsad.serve.app import create_app
from marsad.serve.settings import ServeSettings
from marsad.store import open_store

HOSTILE = '<script>window.__pwned = 1; alert("pwned")</script><img src=x onerror="window.__pwned=2">'
WRITE_TOKEN = "test-write-token-0123456789"


def span(text: str, phrase: str) -> list[tuple[int, int]]:
    start = text.index(phrase)
    return [(start, start + len(phrase))]


@dataclass
class Story:
    article: Article
    events: list[Event] = field(default_factory=list)


def _event(article: Article, local: str, **fields: object) -> Event:
    base: dict[str, object] = {
        "event_id": f"{article.key}-{local}", "time_precision": 1, "geo_precision": 1,
        "source": article.source, "article_id": article.key, "url": article.url,
    }  # fmt: skip
    base.update(fields)
    return Event(**base)  # type: ignore[arg-type]


def stories() -> list[Story]:
    """Five invented reports: one incident told twice, a protest, a hostile article, one elsewhere."""
    out: list[Story] = []

    text = ("Gunmen attacked a police checkpoint near Kirkuk on Monday, killing three police officers, "
            "a security official said. The attackers fled towards the hills.")  # fmt: skip
    a = Article(text=text, id="wire-a-1", url="https://wire-a.example/kirkuk-attack", source="Wire A",
                title="Checkpoint attacked near Kirkuk", published=date(2024, 3, 5))
    out.append(Story(a, [_event(
        a, "e1", event_date="2024-03-04", event_type="Battles", sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Iraq)", inter1=3, actor2="Police Forces of Iraq (2022-)", inter2=1,
        interaction=13, iso=368, country="Iraq", admin1="Kirkuk", location="Kirkuk", latitude=35.4681,
        longitude=44.3922, notes="Gunmen attacked a police checkpoint near Kirkuk, killing three officers.",
        fatalities=3, evidence={"actor1": span(text, "Gunmen"), "trigger": span(text, "attacked"),
                                "actor2": span(text, "police officers"), "location": span(text, "Kirkuk"),
                                "event_date": span(text, "Monday"), "fatalities": span(text, "three")})]))

    text = ("Four policemen died when armed men opened fire on a checkpoint outside Kirkuk late on Monday, "
            "according to a local hospital.")  # fmt: skip
    b = Article(text=text, id="wire-b-7", url="https://wire-b.example/news/7", source="Wire B",
                title="Four police killed outside Kirkuk", published=date(2024, 3, 5))
    out.append(Story(b, [_event(
        b, "e1", event_date="2024-03-04", event_type="Battles", sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Iraq)", inter1=3, actor2="Police Forces of Iraq (2022-)", inter2=1,
        interaction=13, iso=368, country="Iraq", admin1="Kirkuk", location="Kirkuk", latitude=35.4681,
        longitude=44.3922, notes="Armed men opened fire on a checkpoint outside Kirkuk, killing four police.",
        fatalities=4, evidence={"fatalities": span(text, "Four"), "actor2": span(text, "policemen"),
                                "actor1": span(text, "armed men"), "trigger": span(text, "opened fire"),
                                "location": span(text, "Kirkuk"), "event_date": span(text, "Monday")})]))

    text = "Hundreds of teachers protested peacefully in Basra on Tuesday, demanding unpaid salaries."
    c = Article(text=text, id="gazette-c-3", url="https://gazette-c.example/basra", source="Gazette C",
                title="Teachers protest in Basra", published=date(2024, 3, 6))
    out.append(Story(c, [_event(
        c, "e1", event_date="2024-03-05", event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Iraq)", inter1=6, interaction=60, iso=368, country="Iraq", admin1="Basra",
        location="Basra", latitude=30.5085, longitude=47.7804,
        notes="Hundreds of teachers protested in Basra demanding unpaid salaries.", fatalities=0,
        evidence={"actor1": span(text, "teachers"), "trigger": span(text, "protested"),
                  "location": span(text, "Basra"), "event_date": span(text, "Tuesday")})]))

    text = (f"Air strikes hit a market in Idlib on Tuesday. {HOSTILE} Seven people were killed, "
            "rescuers said. <b>Bold claim</b> & more.")  # fmt: skip
    d = Article(text=text, id="hostile-d-1", url="javascript:alert(1)", source="Hostile <i>Source</i>",
                title='<script>alert("title")</script>Strike in Idlib', published=date(2024, 2, 21))
    out.append(Story(d, [_event(
        d, "e1", event_date="2024-02-20", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1='Military Forces <script>alert("actor")</script>', inter1=8,
        actor2="Civilians (Syria)", inter2=7, interaction=78, iso=760, country="Syria", admin1="Idlib",
        location="Idlib", latitude=35.9306, longitude=36.6339,
        notes=f"Air strikes hit a market in Idlib. {HOSTILE}", fatalities=7,
        evidence={"trigger": span(text, "Air strikes"), "location": span(text, "Idlib"),
                  "fatalities": span(text, "Seven"), "actor2": span(text, "people")})]))

    text = "Rioters torched two shops in Kano on Saturday after a disputed football match, police said."
    e = Article(text=text, id="courier-e-2", url="https://courier-e.example/kano", source="Courier E",
                title="Riot in Kano", published=date(2024, 1, 14))
    out.append(Story(e, [_event(
        e, "e1", event_date="2024-01-13", event_type="Riots", sub_event_type="Violent demonstration",
        actor1="Rioters (Nigeria)", inter1=5, interaction=50, iso=566, country="Nigeria", admin1="Kano",
        location="Kano", latitude=12.0001, longitude=8.5167,
        notes="Rioters torched two shops in Kano after a disputed football match.", fatalities=0,
        evidence={"actor1": span(text, "Rioters"), "trigger": span(text, "torched"),
                  "location": span(text, "Kano"), "event_date": span(text, "Saturday")})]))
    return out


def fake_extract(article: Article) -> list[Event]:
    """A stand-in for the lead's pipeline in API tests: a protest event when the text says 'protest'."""
    match = re.search(r"\bprotest\w*", article.text, re.IGNORECASE)
    if not match:
        return []
    return [Event(
        event_id=f"{article.key}-p1", event_date=(article.published or date(2024, 4, 1)).isoformat(),
        time_precision=1, event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
        inter1=6, interaction=60, iso=368, country="Iraq", admin1="Najaf", location="Najaf", latitude=32.0259,
        longitude=44.3462, geo_precision=1, source=article.source, notes=article.text[:120], fatalities=0,
        article_id=article.key, url=article.url, evidence={"trigger": [match.span()]},
    )]  # fmt: skip


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An SQLite store file with the five stories ingested (built once; tests copy it when they write)."""
    path = tmp_path_factory.mktemp("store") / "serve.db"
    url = f"sqlite:///{path}"
    store = open_store(url)
    for story in stories():
        store.ingest(story.article, story.events)
    store.close()
    return url


@pytest.fixture()
def token_dir(tmp_path: Path) -> Path:
    return tmp_path / "config"


@pytest.fixture()
def make_client(seeded_db: str, token_dir: Path):  # type: ignore[no-untyped-def]
    """Build a TestClient over the seeded store with the given settings overrides."""
    from fastapi.testclient import TestClient

    stores = []

    def build(**overrides: object) -> TestClient:
        store = open_store(seeded_db)
        stores.append(store)
        settings = ServeSettings(**{"token": WRITE_TOKEN, "config_dir": str(token_dir), **overrides})
        return TestClient(create_app(store, settings, extract=fake_extract), raise_server_exceptions=False)

    yield build
    for store in stores:
        store.close()


@pytest.fixture()
def client(make_client):  # type: ignore[no-untyped-def]
    return make_client()


@pytest.fixture()
def writable_client(tmp_path: Path, seeded_db: str, token_dir: Path):  # type: ignore[no-untyped-def]
    """A client over a private copy of the seeded store, for tests that ingest."""
    import shutil

    from fastapi.testclient import TestClient

    source = Path(seeded_db.removeprefix("sqlite:///"))
    target = tmp_path / "copy.db"
    shutil.copyfile(source, target)
    store = open_store(f"sqlite:///{target}")
    settings = ServeSettings(token=WRITE_TOKEN, config_dir=str(token_dir))
    yield TestClient(create_app(store, settings, extract=fake_extract), raise_server_exceptions=False)
    store.close()


AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}


@pytest.fixture()
def auth() -> dict[str, str]:
    """Headers that carry the server's write token."""
    return dict(AUTH)


@pytest.fixture(scope="module")
def fuzz_app(seeded_db: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The app over a private copy of the store, with the write token, for fuzzing every operation."""
    import shutil

    folder = tmp_path_factory.mktemp("fuzz")
    target = folder / "fuzz.db"
    shutil.copyfile(Path(seeded_db.removeprefix("sqlite:///")), target)
    store = open_store(f"sqlite:///{target}")
    settings = ServeSettings(token=WRITE_TOKEN, config_dir=str(folder), max_body=200_000)
    yield create_app(store, settings, extract=fake_extract)
    store.close()
