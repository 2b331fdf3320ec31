"""The actor dictionary: named groups, generic roles and state regimes, read from YAML data files.

The data lives in ``marsad/data/actors`` so that users can read and extend it without touching code
(``groups/*.yaml``, ``roles.yaml``, ``states.yaml``). Extra files can be passed to :func:`load` (for a
user's own overlay); every problem is reported as a :class:`ConfigError` naming the file and entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from marsad._exceptions import ConfigError

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "actors"
KINDS = ("state", "armed", "protest", "riot", "civilian", "descriptor")
_YEARS = re.compile(r"^(\d{4})?-(\d{4})?$|^(\d{4})$")


@dataclass(frozen=True)
class GroupEntry:
    """A named actor. ``name`` may contain ``{country}`` (transnational families like Islamic State)."""

    name: str
    inter: int
    country: str | None = None  # ISO alpha-2
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    years: str | None = None
    state: str | None = None  # military | police: the name follows the state's regime naming
    unit: str | None = None  # appended to a state force name ("Special Forces")
    state_from: date | None = None  # from this date the group is the state (Taliban 2021-08-15)
    observer: bool = False  # monitors and agencies (OSCE, ICRC): never the author of violence
    by_country: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    areas: tuple[tuple[str, str], ...] = ()  # (ISO alpha-2, admin1 name) where it operates: a place hint
    source: str = ""

    @property
    def kind(self) -> str:
        return kind_for_inter(self.inter)


@dataclass(frozen=True)
class RoleEntry:
    """A generic role ("police", "gunmen", "protesters") named after a country."""

    key: str
    inter: int
    kind: str
    words: tuple[str, ...]
    name: str | None = None  # pattern with {country}; None for state forces
    state: str | None = None  # military | police | government
    unit: str | None = None
    proper: bool = False  # words are proper names: they match only when capitalised in the text

    @property
    def base(self) -> str:
        """The name without a country: how an actor of this role is called before it is localised."""
        if self.state in ("military", "police"):
            base = "Military Forces" if self.state == "military" else "Police Forces"
            return f"{base} {self.unit}" if self.unit else base
        return strip_country(self.name or self.key)


@dataclass(frozen=True)
class StateInfo:
    """A country's ACLED name, demonyms and regime periods (oldest first, current last)."""

    code: str
    name: str
    demonyms: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()
    the: bool = False

    def regime(self, when: date | None = None) -> str | None:
        """The regime period in force on ``when`` (the current one when undated or unknown)."""
        if not self.regimes:
            return None
        if when is None:
            return self.regimes[-1]
        chosen = self.regimes[0]
        for period in self.regimes:  # the latest period that had started by then
            start = period.partition("-")[0]
            if not start or int(start) <= when.year:
                chosen = period
        return chosen


@dataclass
class ActorDictionary:
    """Everything the resolver matches against."""

    groups: list[GroupEntry]
    roles: dict[str, RoleEntry]
    states: dict[str, StateInfo]
    gang_cues: tuple[str, ...] = ()
    renames: list[tuple[str, str, date]] = field(default_factory=list)  # (name, old name, used until)
    _area_table: dict[str, tuple[tuple[str, str], ...]] | None = field(default=None, init=False, repr=False)

    def renamed(self, name: str, when: date | None) -> str:
        """The name ACLED used on ``when`` for an actor it has since renamed."""
        if when is not None:
            for new, old, until in self.renames:
                if name == new and when < until:
                    return old
        return name

    def by_name(self) -> dict[str, GroupEntry]:
        return {g.name: g for g in self.groups}

    def areas(self, name: str) -> tuple[tuple[str, str], ...]:
        """The areas of operation of the group an actor name stands for (under its current or an old name)."""
        if self._area_table is None:
            table = {g.name: g.areas for g in self.groups if g.areas}
            table.update({old: table[new] for new, old, _ in self.renames if new in table})
            self._area_table = table
        return self._area_table.get(name, ())


def kind_for_inter(inter: int) -> str:
    """The role kind an ACLED actor type behaves as in an event."""
    return {1: "state", 5: "riot", 6: "protest", 7: "civilian", 8: "state"}.get(inter, "armed")


def strip_country(name: str) -> str:
    """'Protesters ({country})' -> 'Protesters'; 'Government of {country}' -> 'Government'."""
    return re.sub(r"\s*(?:\(\{country\}\)|of \{country\}|\{country\})", "", name).strip()


def _fail(source: str, message: str) -> ConfigError:
    return ConfigError(f"actor dictionary: {message}", origin=source)


def _years(value: Any, source: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not _YEARS.match(text):
        raise _fail(source, f"years {text!r} is not 'YYYY-', 'YYYY-YYYY' or 'YYYY'")
    return text


def _inter(value: Any, source: str) -> int:
    if not isinstance(value, int) or not 1 <= value <= 8:
        raise _fail(source, f"inter {value!r} must be an integer 1-8 (ACLED actor type)")
    return value


def _areas(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """``areas: {UA: [Donetsk, Luhansk]}``: admin1 regions per country where the group operates."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(isinstance(v, list) and v for v in value.values()):
        raise _fail(where, "'areas' must map country codes to lists of admin1 names: {UA: [Donetsk, Luhansk]}")
    if not all(isinstance(k, str) and len(k) == 2 for k in value):
        raise _fail(where, f"'areas' keys must be ISO alpha-2 country codes: {list(value)!r}")
    return tuple((str(k).upper(), str(name)) for k, names in value.items() for name in names)


def _group(raw: Any, source: str) -> GroupEntry:
    if not isinstance(raw, dict) or not raw.get("name"):
        raise _fail(source, f"each group needs a 'name': {raw!r}")
    where = f"{source} [{raw['name']}]"
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list):
        raise _fail(where, "'aliases' must be a list")
    state = raw.get("state")
    if state not in (None, "military", "police"):
        raise _fail(where, f"state {state!r} must be 'military' or 'police'")
    since = raw.get("state_from")
    if since is not None and not isinstance(since, date):
        try:
            since = date.fromisoformat(str(since))
        except ValueError as exc:
            raise _fail(where, f"state_from {since!r} is not an ISO date") from exc
    country = raw.get("country")
    return GroupEntry(
        name=str(raw["name"]),
        inter=_inter(raw.get("inter"), where),
        country=str(country).upper() if country else None,
        aliases=tuple(str(a) for a in aliases if str(a).strip()),
        parent=raw.get("parent"),
        years=_years(raw.get("years"), where),
        state=state,
        unit=raw.get("unit"),
        state_from=since,
        observer=bool(raw.get("observer")),
        by_country={str(k).upper(): str(v) for k, v in (raw.get("by_country") or {}).items()},
        areas=_areas(raw.get("areas"), where),
        source=source,
    )


def _role(key: str, raw: Any, source: str) -> RoleEntry:
    where = f"{source} [{key}]"
    if not isinstance(raw, dict):
        raise _fail(where, "each role must be a mapping")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise _fail(where, f"kind {kind!r} must be one of {', '.join(KINDS)}")
    if not raw.get("name") and raw.get("state") not in ("military", "police"):
        raise _fail(where, "a role needs a 'name' pattern or state: military|police")
    words = raw.get("words") or []
    if not isinstance(words, list) or not words:
        raise _fail(where, "'words' must be a non-empty list")
    return RoleEntry(
        key=key,
        inter=_inter(raw.get("inter"), where),
        kind=kind,
        words=tuple(str(w) for w in words),
        name=raw.get("name"),
        state=raw.get("state"),
        unit=raw.get("unit"),
    )


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 5x faster


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
    except OSError as exc:
        raise _fail(str(path), f"cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise _fail(str(path), f"invalid YAML: {exc}") from exc


def load(extra_group_files: Iterable[Path] = (), data_dir: Path = DATA_DIR) -> ActorDictionary:
    """Read the shipped dictionary (and any extra group files, which take precedence)."""
    group_files = sorted((data_dir / "groups").glob("*.yaml"))
    groups: list[GroupEntry] = []
    for path in [*map(Path, extra_group_files), *group_files]:
        data = _read(path)
        if not isinstance(data, list):
            raise _fail(str(path), "a group file must be a YAML list of entries")
        groups.extend(_group(raw, str(path)) for raw in data)
    roles_raw = _read(data_dir / "roles.yaml")
    if not isinstance(roles_raw, dict):
        raise _fail(str(data_dir / "roles.yaml"), "roles must be a mapping of role keys")
    roles = {k: _role(k, v, str(data_dir / "roles.yaml")) for k, v in roles_raw.items() if not k.startswith("_")}
    gang_cues = tuple(str(c).lower() for c in roles_raw.get("_gang_cues") or ())
    renames = []
    for raw in _read(data_dir / "renames.yaml") or []:
        try:
            renames.append((str(raw["name"]), str(raw["old"]), date.fromisoformat(str(raw["until"]))))
        except (KeyError, TypeError, ValueError) as exc:
            raise _fail(str(data_dir / "renames.yaml"), f"each rename needs name, old, until (ISO date): {raw!r}") from exc
    states_raw = _read(data_dir / "states.yaml")
    if not isinstance(states_raw, dict):
        raise _fail(str(data_dir / "states.yaml"), "states must be a mapping of ISO codes")
    states = {
        str(code).upper(): StateInfo(
            code=str(code).upper(),
            name=str(v["name"]),
            demonyms=tuple(v.get("demonyms") or ()),
            regimes=tuple(str(r) for r in v.get("regimes") or ()),
            the=bool(v.get("the")),
        )
        for code, v in states_raw.items()
    }
    roles.update(_identity_roles(data_dir / "identities.yaml"))
    return ActorDictionary(groups=groups, roles=roles, states=states, gang_cues=gang_cues, renames=renames)


# Words that turn an identity into its militia: "Fulani militiamen", "Hema fighters".
MILITIA_WORDS = ("militia", "militias", "militiamen", "militia members", "fighters", "gunmen", "militants",
                 "armed men", "youths", "armed youths", "youth", "vigilantes", "attackers", "assailants")  # fmt: skip


def _identity_roles(path: Path) -> dict[str, RoleEntry]:
    """Two generic roles per identity: its people (inter 7) and its militia (inter 4)."""
    if not path.exists():
        return {}
    out: dict[str, RoleEntry] = {}
    for raw in _read(path) or []:
        if not isinstance(raw, dict) or not raw.get("name") or not raw.get("aliases"):
            raise _fail(str(path), f"each identity needs a name and aliases: {raw!r}")
        name, aliases = str(raw["name"]), [str(a) for a in raw["aliases"]]
        label = "Clan" if raw.get("clan") else "Ethnic"
        out[f"identity:{name}"] = RoleEntry(
            key=f"identity:{name}", inter=7, kind="descriptor", words=tuple(aliases),
            name=f"{name} {label} Group ({{country}})", proper=True,
        )  # fmt: skip
        words = tuple(f"{a} {w}" for a in aliases for w in (*MILITIA_WORDS, *(("clan militia",) if raw.get("clan") else ())))
        out[f"militia:{name}"] = RoleEntry(
            key=f"militia:{name}", inter=4, kind="armed", words=words, name=f"{name} {label} Militia ({{country}})",
            proper=True,
        )
    return out
