"""Scores for candidate places: a prior from prominence plus the evidence of the rest of the text.

Kept apart from the resolver so the weights and the evidence rules can be read (and calibrated) in one
place; see BENCHMARKS.md for how they move the GeoWebNews and ACLED measures.
"""

from __future__ import annotations

import math
from collections import defaultdict

from marsad.resolve.places.context import Cue
from marsad.resolve.places.gazetteer import KIND_BONUS, RANK_BONUS, Gazetteer
from marsad.resolve.places.names import canon, region_key
from marsad.resolve.places.recognize import Candidate

ADMIN_KINDS = ("admin1", "country", "continent", "region", "sea")
TOP = 25  # candidates scored per name (the gazetteer orders them by prominence)
STRAY_POP = 20_000  # below this, a town in a country the text never mentions is doubted
# How much each kind of evidence counts (calibrated on ACLED notes and GeoWebNews, see BENCHMARKS.md):
# pop per power of ten of population; country at full share of the text's country evidence; admin
# for a region named in the text; near for another named place within 50 km (half within 200 km); area
# for a place in the regions where the text's named groups operate (actor dictionary `areas`).
WEIGHTS = {"pop": 1.0, "country": 3.5, "admin": 2.5, "near": 1.0, "area": 3.0}

Evidence = tuple[dict[str, float], set[tuple[str, str]], list[int]]


class Scorer:
    """Evidence and scores over one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def evidence(self, cands: list[Candidate], cues: list[Cue], picks: list[int | None], conf: list[float],
                  first_pass: bool) -> list[tuple[dict[str, float], set[tuple[str, str]], list[int]]]:  # fmt: skip
        """Per candidate: country weights, admin1 regions and resolved places of the *other* names.

        A name counts as evidence in proportion to how sure its own resolution was, so that two weak
        guesses (two ambiguous towns that share a country) cannot talk each other into the wrong country.
        """
        gaz = self.gazetteer
        kind, cc, a1 = gaz.cols["kind"], gaz.cols["cc"], gaz.cols["admin1"]
        contrib: list[tuple[str | None, float, tuple[str, str] | None, int | None]] = []
        for n, c in enumerate(cands):
            if c.demonym:
                contrib.append((c.demonym if len(c.demonym) == 2 else None, 0.5, None, None))
                continue
            i = picks[n]
            if first_pass:
                ccs = {cc[j] for j in c.ids[:TOP]}
                i = c.ids[0] if len(ccs) == 1 and c.ids else None
            if i is None:
                contrib.append((None, 0.0, None, None))
                continue
            sure = conf[n]
            region = (cc[i], a1[i]) if a1[i] and kind[i] in ("admin1", "admin2") and sure >= 0.5 else None
            place = i if kind[i] not in ADMIN_KINDS and sure >= 0.6 else None
            contrib.append((cc[i], (1.0 if kind[i] == "country" else 0.7) * sure, region, place))
        # totals once, then each name's own share taken out: linear in the number of names
        total_cc: dict[str, float] = defaultdict(float)
        region_count: dict[tuple[str, str], int] = defaultdict(int)
        for code, w, region, _ in contrib:
            if code:
                total_cc[code] += w
            if region:
                region_count[region] += 1
        all_regions = set(region_count)
        sample = [(m, p) for m, (_, _, _, p) in enumerate(contrib) if p is not None][:13]
        out = []
        for n in range(len(cands)):
            own_cc, own_w, own_region, _ = contrib[n]
            weights = total_cc
            if own_cc and own_w:
                weights = dict(total_cc)
                weights[own_cc] -= own_w
            regions = all_regions
            if own_region and region_count[own_region] == 1:
                regions = all_regions - {own_region}
            places = [p for m, p in sample if m != n][:12]
            out.append((weights, regions, places))
        return out

    def score(self, n: int, i: int, cands: list[Candidate], cues: list[Cue], picks: list[int | None],
               evidence: list, hint: str | None, readings: list[tuple[int, ...]],
               areas: frozenset[tuple[str, str]] = frozenset()) -> float:  # type: ignore[type-arg]  # fmt: skip
        gaz = self.gazetteer
        cols = gaz.cols
        kind, code, a1, a2 = cols["kind"][i], cols["cc"][i], cols["admin1"][i], cols["admin2"][i]
        cue, cand = cues[n], cands[n]
        w = WEIGHTS
        s = KIND_BONUS.get(kind, 0.0) + RANK_BONUS[cols["rank"][i]] + w["pop"] * math.log10(cols["pop"][i] + 1)
        if canon(cols["name"][i]) != cand.key and region_key(cols["name"][i]) != cand.key:
            s -= 1.0  # matched an alternate name only
        weights, regions, places = evidence[n]
        total = sum(v for v in weights.values() if v > 0)
        if total > 0:
            s += w["country"] * max(weights.get(code, 0.0), 0.0) / total
        if hint and code == hint:
            s += 2.5
        if areas and (code, a1) in areas:
            s += w["area"]  # inside the named groups' areas of operation
        if kind == "city" and total >= 1.0 and weights.get(code, 0.0) <= 0.0 and cols["pop"][i] < STRAY_POP:
            s -= 3.0  # a small town in a country the text does not otherwise mention
        if a1 and (code, a1) in regions and kind != "admin1":
            s += w["admin"]
        if cue.region_level == 1:
            s += 8.0 if kind == "admin1" else (-2.0 if kind == "city" else 0.0)
        elif cue.region_level == 2:
            s += 8.0 if kind == "admin2" else (2.0 if kind == "admin1" else 0.0)
        elif kind in ("admin1", "admin2"):
            # "Basra" alone is the city that gives the region its name; "Basra province" is the region
            # (a seat of government, or a real town: GeoNames does not mark every seat)
            if any(cols["kind"][j] == "city" and cols["cc"][j] == code and cols["admin1"][j] == a1
                   and (cols["rank"][j] > 0 or cols["pop"][j] >= 20_000) for j in cand.ids[:TOP]):  # fmt: skip
                s -= 4.0
            if cues[n].contains:
                s += 5.0  # "X, Donetsk": a name in container position is more likely the region
            if kind == "admin2":
                s -= 2.0
        if cue.settlement:
            s += 2.0 if kind == "city" else -4.0
        if kind == "overlay" or cols["gid"][i] == 0 and kind == "city":
            s += 2.0 if kind == "overlay" else 0.0
        for k in cue.containers:
            s += max((self.contains(j, i) for j in readings[k]), default=0.0)
        if kind != "city":
            for m in cues[n].contains:  # this place contains a name that points at it
                if picks[m] is not None:
                    s += 0.5 * self.contains(i, picks[m])
        if kind not in ADMIN_KINDS and places:
            lat, lon = cols["lat"][i], cols["lon"][i]
            near = min((km(lat, lon, cols["lat"][p], cols["lon"][p]) for p in places if p != i), default=1e9)
            s += w["near"] if near < 50 else w["near"] / 2 if near < 200 else 0.0
        return s

    def contains(self, outer: int, inner: int) -> float:
        """How surely ``outer`` contains ``inner`` (a place counts as lying in itself: "Kismayo (Kismayo, Lower Juba)")."""
        c = self.gazetteer.cols
        if outer == inner:
            return 6.0
        if c["cc"][outer] != c["cc"][inner]:
            return 0.0
        k = c["kind"][outer]
        if k == "country":
            return 3.0
        if k == "admin1":
            return 6.0 if c["admin1"][outer] == c["admin1"][inner] else 0.0
        if k in ("admin2", "city", "overlay"):
            same_a1 = c["admin1"][outer] == c["admin1"][inner]
            if c["admin2"][outer] and c["admin2"][outer] == c["admin2"][inner] and same_a1:
                return 6.0
            if c["admin1"][outer] and c["admin1"][outer] == c["admin1"][inner]:
                return 4.0 if k != "city" else 3.0
        return 0.0

    def minor(self, ids: tuple[int, ...]) -> bool:
        """No prominent reading: no region, no capital, no town of 100k among the first candidates."""
        c = self.gazetteer.cols
        return not any(c["kind"][i] not in ("city", "admin2", "overlay") or c["rank"][i] > 0 or c["pop"][i] >= 100_000
                       for i in ids[:5])  # fmt: skip

    def is_admin(self, ids: tuple[int, ...]) -> bool:
        kinds = self.gazetteer.cols["kind"]
        return any(kinds[i] in ("admin1", "admin2") for i in ids[:TOP])


def plausible(cands: list[Candidate], scores: list[list[tuple[float, int]]], kinds: list[str],
              margin: float = 2.0) -> list[tuple[int, ...]]:  # fmt: skip
    """Per name, the readings that may contain another: all of them, unless the name was read as a region
    (admin1); then only the readings scored near that one.

    In "Benito Juarez, Nuevo Leon" the state wins and the village "Nuevo Leon" in another state, far
    behind, no longer vouches for a Benito Juarez next to it. A town or district as container keeps all
    its readings: the first pass, without the country evidence, often ranks its namesakes wrongly.
    """
    out = []
    for c, scored in zip(cands, scores, strict=True):
        if scored and kinds[scored[0][1]] == "admin1":
            out.append(tuple(i for s, i in scored if s >= scored[0][0] - margin))
        else:
            out.append(c.ids[:TOP])
    return out


def share(scored: list[tuple[float, int]]) -> float:
    """Softmax share of the best score: how sure the choice is (1.0 when there was no choice)."""
    if not scored:
        return 0.0
    best = scored[0][0]
    return 1.0 / sum(math.exp(min(50.0, s - best)) for s, _ in scored)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: accurate enough for 'within a few hundred km' and 20x cheaper."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)
