"""The records that travel through marsad: Article in, Mentions in between, Events out.

Every stage reads and writes these plain dataclasses, so each stage can be tested on its own and the
store, API and exports all speak one shape. Offsets are character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

Evidence = dict[str, list[tuple[int, int]]]
"""Field name -> the (start, end) character spans of the article text that support it."""


@dataclass
class Article:
    """One news report. ``text`` is the body that every evidence offset points into."""

    text: str
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    origin: str | None = None  # the file or stream it came from, for error messages

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def key(self) -> str:
        """Identity across re-ingests: the given id, else the url, else the text itself."""
        return self.id or self.url or self.content_hash[:16]


@dataclass
class Place:
    """A resolved place from the gazetteer (or the user's overlay)."""

    name: str
    latitude: float
    longitude: float
    country: str  # English short name, e.g. "Iraq"
    country_code: str  # ISO 3166-1 alpha-2, e.g. "IQ"
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    kind: str = "city"  # country | admin1 | admin2 | city | overlay | feature
    population: int = 0

    @property
    def iso(self) -> int | None:
        """ACLED's `iso` column: the ISO 3166-1 numeric code."""
        from marsad.resolve.places.countries import numeric_code

        return numeric_code(self.country_code)


@dataclass
class Toponym:
    """A place name found in the text and what it was resolved to."""

    start: int
    end: int
    text: str
    place: Place | None
    score: float = 0.0
    runner_up: Place | None = None
    non_locational: bool = False  # "Iraqi", "Baghdad said", "the Basra Oil Company"
    precision: int = 1  # ACLED geo_precision if this toponym locates an event
    qualifier: str | None = None  # "near", "outskirts of", "north of" ...


@dataclass
class Sublocation:
    """A square, street, bridge, market, checkpoint... inside a town."""

    start: int
    end: int
    text: str
    kind: str  # square | street | bridge | market | checkpoint | neighbourhood | building | area


@dataclass
class Actor:
    """An actor as ACLED names it, with its actor type (inter code 1-8)."""

    name: str
    inter: int
    country: str | None = None
    parent: str | None = None
    generic: bool = False  # a role such as police or protesters, named after a country


@dataclass
class ActorMention:
    """An actor named in the text."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass
class Roles:
    """Who did what to whom in one event mention."""

    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc1: list[ActorMention] = field(default_factory=list)
    assoc2: list[ActorMention] = field(default_factory=list)


@dataclass
class Mention:
    """One description of an event in one article: a trigger in a sentence, typed and resolved."""

    sentence: tuple[int, int]
    trigger: tuple[int, int]
    event_type: str
    sub_event_type: str
    score: float = 1.0
    roles: Roles = field(default_factory=Roles)
    toponym: Toponym | None = None
    sublocation: Sublocation | None = None
    event_date: date | None = None
    time_precision: int = 1
    dated_in_sentence: bool = False  # the date comes from the mention's own sentence, not the context
    fatalities: int = 0
    injuries: int | None = None
    arrests: int | None = None
    certainty: str = "reported"
    attribution: str | None = None
    evidence: Evidence = field(default_factory=dict)


ACLED_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip
"""ACLED's column order (with marsad's event_id first), used by the CSV outputs."""

EXTRA_COLUMNS = (
    "injuries", "arrests", "sublocation", "attribution", "certainty", "plover", "cameo",
    "geonameid", "article_id", "url",
)  # fmt: skip


@dataclass
class Event:
    """One ACLED-style event record; field names are ACLED's columns."""

    event_id: str
    event_date: str | None  # ISO date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    notes: str = ""
    fatalities: int = 0
    injuries: int | None = None
    arrests: int | None = None
    sublocation: str | None = None
    attribution: str | None = None
    certainty: str = "reported"
    plover: dict[str, str] = field(default_factory=dict)
    cameo: str | None = None
    geonameid: int | None = None
    article_id: str | None = None
    url: str | None = None
    evidence: Evidence = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = {k: [list(s) for s in v] for k, v in self.evidence.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["evidence"] = {k: [tuple(s) for s in v] for k, v in (known.get("evidence") or {}).items()}
        return cls(**known)

    def acled_row(self) -> dict[str, Any]:
        """The ACLED columns in order, then marsad's extras, flattened for CSV."""
        data = self.to_dict()
        row = {k: data[k] for k in ACLED_COLUMNS}
        for k in EXTRA_COLUMNS:
            value = data[k]
            if k == "plover" and value:
                value = "{event}/{mode}".format(event=value.get("event", ""), mode=value.get("mode", ""))
            row[k] = value if value != {} else None
        return row
