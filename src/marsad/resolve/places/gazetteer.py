"""The gazetteer: places in flat columns plus one dict from folded name to place ids.

Why columns and marshal: 240k places and ~1M name keys must load in well under a second; marshal
reads lists of plain values several times faster than pickle reads objects, and a ``Place`` is only
made for the few candidates a text needs.
"""

from __future__ import annotations

import marshal
import math
import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from marsad._exceptions import ConfigError
from marsad.model import Place
from marsad.resolve.places.countries import country_name
from marsad.resolve.places.names import canon, region_key

FORMAT = 8  # bump when the layout or the build rules change: old caches are then rebuilt
KIND_BONUS = {"country": 6.0, "admin1": 2.0, "continent": 6.0, "region": 8.0, "sea": 8.0, "overlay": 3.0,
              "city": 0.0, "admin2": -1.0, "feature": 0.0}  # fmt: skip
RANK_BONUS = (0.0, 0.5, 1.5)  # ordinary place, seat of an admin1 region, national capital
COLUMNS = ("name", "lat", "lon", "cc", "admin1", "admin2", "gid", "kind", "pop", "rank")


@dataclass
class PlaceRows:
    """Column store of places while they are being built; ``names`` holds every spelling."""

    name: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    gid: list[int] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    rank: list[int] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    _by_name: dict[str, list[int]] = field(default_factory=dict)

    def add(self, name: str, lat: float, lon: float, cc: str, admin1: str, admin2: str, gid: int,
            kind: str, pop: int, names: list[str], rank: int = 0) -> int:  # fmt: skip
        idx = len(self.name)
        for col, value in zip(COLUMNS, (name, lat, lon, cc, admin1, admin2, gid, kind, pop, rank), strict=True):
            getattr(self, col).append(value)
        self.names.append(names)
        self._by_name.setdefault(canon(name), []).append(idx)
        return idx

    def by_name(self, name: str) -> list[int]:
        return self._by_name.get(canon(name), [])


def prior(kind: str, pop: int, rank: int = 0) -> float:
    """Prominence before context: the kind of place, capital status, then population (log scale)."""
    return KIND_BONUS.get(kind, 0.0) + RANK_BONUS[rank] + math.log10(pop + 1)


@dataclass
class Gazetteer:
    """Columns of places and a key table: canon(name) -> place ids, most prominent first.

    ``keys`` maps a key to one id (>= 0) or to ``-(offset + 1)`` into ``flat`` where a count and the
    ids follow; overlay keys live in ``extra`` and are consulted first.
    """

    cols: dict[str, list]  # type: ignore[type-arg]
    keys: dict[str, int]
    flat: array
    origin: str = "memory"
    extra: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _admin1: dict[tuple[str, str], int] = field(default_factory=dict)
    _country: dict[str, int] = field(default_factory=dict)
    _seats: dict[tuple[str, str, str], int] | None = None
    fingerprint: str = ""  # what the index was built from (see places.fingerprint)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        """Countries by code (needed at once; the region index is built on first use)."""
        kinds, ccs = self.cols["kind"], self.cols["cc"]
        self._admin1.clear()
        self._country.clear()
        start = 0
        while True:
            try:
                i = kinds.index("country", start)
            except ValueError:
                break
            self._country.setdefault(ccs[i], i)
            start = i + 1

    @classmethod
    def from_rows(cls, rows: PlaceRows, origin: str = "memory") -> Gazetteer:
        cols = {c: list(getattr(rows, c)) for c in COLUMNS}
        keys: dict[str, list[int]] = {}
        for idx, names in enumerate(rows.names):
            for name in names:
                key = canon(name)
                if key:
                    ids = keys.setdefault(key, [])
                    if not ids or ids[-1] != idx:
                        ids.append(idx)
        pri = [prior(k, p, r) for k, p, r in zip(cols["kind"], cols["pop"], cols["rank"], strict=True)]
        table: dict[str, int] = {}
        flat = array("i")
        for key, ids in keys.items():
            ordered = sorted(set(ids), key=lambda i: -pri[i])[:150]
            if len(ordered) == 1:
                table[key] = ordered[0]
            else:
                table[key] = -(len(flat) + 1)
                flat.append(len(ordered))
                flat.extend(ordered)
        return cls(cols, table, flat, origin)

    # persistence -----------------------------------------------------------------------------------
    def save(self, path: Path, fingerprint: str = "") -> None:
        """Strings joined by newlines, numbers as raw arrays, low-cardinality columns as codes."""
        path.parent.mkdir(parents=True, exist_ok=True)
        c = self.cols
        coded = {}
        for col in ("cc", "admin1", "admin2", "kind"):
            vocab = sorted(set(c[col]))
            pos = {v: n for n, v in enumerate(vocab)}
            coded[col] = ("\n".join(vocab), array("i", [pos[v] for v in c[col]]).tobytes())
        payload = {
            "format": FORMAT,
            "fingerprint": fingerprint,
            "name": "\n".join(c["name"]),
            "lat": array("d", c["lat"]).tobytes(), "lon": array("d", c["lon"]).tobytes(),
            "gid": array("q", c["gid"]).tobytes(), "pop": array("q", c["pop"]).tobytes(),
            "rank": array("b", c["rank"]).tobytes(),
            "coded": coded,
            "keys": "\n".join(self.keys), "vals": array("i", self.keys.values()).tobytes(),
            "flat": self.flat.tobytes(),
        }  # fmt: skip
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent builds never share a file
        with open(tmp, "wb") as fh:
            marshal.dump(payload, fh)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        try:
            with open(path, "rb") as fh:
                data = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError) as exc:
            raise ConfigError(f"cannot read the gazetteer index ({exc}); run `marsad gazetteer build`",
                              origin=str(path)) from exc  # fmt: skip
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ConfigError("gazetteer index has an old format; run `marsad gazetteer build`", origin=str(path))

        def arr(code: str, raw: bytes) -> array:  # type: ignore[type-arg]
            a = array(code)
            a.frombytes(raw)
            return a

        # numbers stay in arrays (indexing them is as cheap as a list's); strings are decoded with map()
        cols: dict[str, list] = {"name": data["name"].split("\n")}  # type: ignore[type-arg]
        for col, code in (("lat", "d"), ("lon", "d"), ("gid", "q"), ("pop", "q"), ("rank", "b")):
            cols[col] = arr(code, data[col])  # type: ignore[assignment]
        for col, (vocab, raw) in data["coded"].items():
            cols[col] = list(map(vocab.split("\n").__getitem__, arr("i", raw)))
        flat = arr("i", data["flat"])
        keys = dict(zip(data["keys"].split("\n"), arr("i", data["vals"]), strict=True))
        gaz = cls(cols, keys, flat, str(path))
        gaz.fingerprint = data.get("fingerprint", "")
        return gaz

    # overlay ---------------------------------------------------------------------------------------
    def merge(self, rows: PlaceRows) -> None:
        """Add the user's places; they come first among same-named candidates."""
        base = len(self.cols["name"])
        for c in COLUMNS:
            self.cols[c].extend(getattr(rows, c))
        for offset, names in enumerate(rows.names):
            for name in names:
                key = canon(name)
                if key:
                    old = self.extra.get(key, ())
                    if base + offset not in old:
                        self.extra[key] = (*old, base + offset)
        self._reindex()
        self._seats = None
        self.__dict__.pop("_members_by_region", None)  # spelling.py's groups of towns per region

    # lookups ---------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.cols["name"])

    def ids(self, key: str) -> tuple[int, ...]:
        """Place ids for an already folded key (overlay places first)."""
        v = self.keys.get(key)
        if v is None:
            base: tuple[int, ...] = ()
        elif v >= 0:
            base = (v,)
        else:
            n = self.flat[-v - 1]
            base = tuple(self.flat[-v : -v + n])
        extra = self.extra.get(key)
        return extra + base if extra else base

    def has(self, key: str) -> bool:
        return key in self.keys or key in self.extra

    def place(self, i: int) -> Place:
        c = self.cols
        cc = c["cc"][i]
        return Place(name=c["name"][i], latitude=c["lat"][i], longitude=c["lon"][i],
                     country=country_name(cc) if cc else "", country_code=cc, admin1=c["admin1"][i] or None,
                     admin2=c["admin2"][i] or None, geonameid=c["gid"][i] or None, kind=c["kind"][i],
                     population=c["pop"][i])  # fmt: skip

    def place_on_seat(self, i: int) -> Place:
        """A region as an event's location, on its main town as ACLED codes a region (its own point, the
        middle of its towns, stays for `place`); any other place as it is."""
        place = self.place(i)
        seat = self.seat(i) if place.kind in ("admin1", "admin2") else None
        if seat is not None:
            place.latitude, place.longitude = self.cols["lat"][seat], self.cols["lon"][seat]
        return place

    def seat(self, i: int) -> int | None:
        """The most populous town of an admin1 or admin2 region (its usual seat), built on first use."""
        c = self.cols
        if self._seats is None:
            seats: dict[tuple[str, str, str], int] = {}
            for j, kind in enumerate(c["kind"]):
                if kind == "city":
                    for key in ((c["cc"][j], c["admin1"][j], ""), (c["cc"][j], c["admin1"][j], c["admin2"][j])):
                        old = seats.get(key)
                        if old is None or c["pop"][j] > c["pop"][old]:
                            seats[key] = j
            self._seats = seats
        admin2 = c["admin2"][i] if c["kind"][i] == "admin2" else ""
        return self._seats.get((c["cc"][i], c["admin1"][i], admin2))

    def country_id(self, cc: str) -> int | None:
        return self._country.get(cc)

    def capital_id(self, cc: str) -> int | None:
        """The national capital (GeoNames' PPLC, rank 2) of a country, found on first use."""
        if not hasattr(self, "_capitals"):
            ranks, ccs, kinds = self.cols["rank"], self.cols["cc"], self.cols["kind"]
            self._capitals = {ccs[i]: i for i in range(len(ranks)) if ranks[i] == 2 and kinds[i] == "city"}
        return self._capitals.get(cc)

    def admin1_id(self, cc: str, admin1: str) -> int | None:
        if not self._admin1:
            names, kinds, ccs = self.cols["name"], self.cols["kind"], self.cols["cc"]
            for i, kind in enumerate(kinds):
                if kind == "admin1":
                    self._admin1.setdefault((ccs[i], region_key(names[i])), i)
        return self._admin1.get((cc, region_key(admin1)))

    def search(self, name: str, country_code: str | None = None, limit: int = 5) -> list[int]:
        """Ids for a name (any spelling), optionally in one country, most prominent first."""
        ids = self.ids(canon(name)) or self.ids(region_key(name))
        if country_code:
            ids = tuple(i for i in ids if self.cols["cc"][i] == country_code.upper())
        return list(ids[:limit])

    def admin1_names(self, name: str, country_code: str | None = None) -> set[str]:
        """GeoNames names of the admin1 regions a spelling can denote (for admin1 comparison)."""
        out = set()
        c = self.cols
        for i in self.ids(canon(name)) + self.ids(region_key(name)):
            if country_code and c["cc"][i] != country_code:
                continue
            if c["kind"][i] == "admin1":
                out.add(c["name"][i])
            elif c["kind"][i] == "city" and c["rank"][i] > 0 and c["admin1"][i]:
                out.add(c["admin1"][i])  # a region named after its seat ("Bizerte" for Banzart)
        return out
