"""Resolve place names with whole-document context.

Each candidate place gets a score: prominence (kind, population) as the prior, plus evidence from the
article — countries and regions named elsewhere, "X (District, Province)" and "X, Y province" patterns,
other places nearby, the publication's country. Two passes: the first uses only unambiguous evidence,
the second lets every resolved name vote. The score's softmax share is the reported confidence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from marsad.model import Place, Sublocation, Toponym
from marsad.resolve.places.context import Cue, gather
from marsad.resolve.places.gazetteer import KIND_BONUS, RANK_BONUS, Gazetteer
from marsad.resolve.places.lexicon import Lexicon, lexicon
from marsad.resolve.places.names import canon, region_key
from marsad.resolve.places.recognize import NAME_CONNECTORS, Candidate, Token, adjectives, find, tokenize
from marsad.resolve.places.sublocations import find_sublocations

ADMIN_KINDS = ("admin1", "country", "continent", "region", "sea")
# between an unknown name and its known container: "village (", " district, ", " (Unknown, " ...
_CHAIN = re.compile(r"^(?:\s+[a-z]+){0,3}\s*[(,]\s*(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*(?:\s+[a-z]+)?\s*,\s*)?$")
TOP = 25  # candidates scored per name (the gazetteer orders them by prominence)
STRAY_POP = 20_000
# How much each kind of evidence counts (calibrated on ACLED notes and GeoWebNews, see BENCHMARKS.md):
# pop per power of ten of population; country at full share of the text's country evidence; admin
# for a region named in the text; near for another named place within 50 km (half within 200 km).
WEIGHTS = {"pop": 1.0, "country": 3.5, "admin": 2.5, "near": 1.0}  # below this, a town in a country the text never mentions is doubted


class PlaceResolver:
    """Finds and resolves toponyms; one instance per process holds the loaded gazetteer."""

    def __init__(self, gazetteer: Gazetteer, lex: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer
        self.lex = lex or lexicon()

    # public API -------------------------------------------------------------------------------------
    def toponyms(self, text: str, *, entities: tuple | list = (), country_hint: str | None = None) -> list[Toponym]:  # type: ignore[type-arg]
        """Every place name in ``text``, resolved with the whole text as context, sorted by start."""
        tokens = tokenize(text)
        forced = [(s, e) for s, e, label in entities if label in ("GPE", "LOC", "FAC")]
        cands = find(text, self.gazetteer, self.lex, tokens, forced)
        cands = self._apply_entities(cands, entities)
        cands = sorted(cands + self._unknown_names(text, tokens, cands), key=lambda c: c.start)
        return self._resolve(text, tokens, cands, country_hint)

    def resolve_spans(self, text: str, spans: list[tuple[int, int]], *, country_hint: str | None = None) -> list[Toponym]:
        """Resolve given name spans (e.g. gold annotations) with the same context rules."""
        tokens = tokenize(text)
        starts = {t.start: n for n, t in enumerate(tokens)}
        ends = {t.end: n for n, t in enumerate(tokens)}
        cands = []
        for s, e in sorted(spans):
            name = text[s:e]
            key = canon(name)
            ids = self.gazetteer.ids(key) or self.gazetteer.ids(region_key(name))
            if not ids and key.startswith("the "):
                ids = self.gazetteer.ids(key[4:])
            first = starts.get(s, self._token_at(tokens, s))
            last = ends.get(e, first) + 1
            if not ids and not adjectives().get(key):
                ids = self._inner_name(name)
            cands.append(Candidate(s, e, name, key, ids, first, max(last, first + 1), demonym=adjectives().get(key)))
        return self._resolve(text, tokens, cands, country_hint, fallback=True)

    def sublocations(self, text: str) -> list[Sublocation]:
        """Squares, streets, bridges, markets, checkpoints, neighbourhoods named in the text."""
        return find_sublocations(text, tokenize(text), self.lex)

    def country_place(self, alpha2: str) -> Place:
        from marsad._exceptions import ResolutionError

        i = self.gazetteer.country_id((alpha2 or "").upper())
        if i is None:
            raise ResolutionError(f"unknown country code {alpha2!r}; expected an ISO 3166-1 alpha-2 code")
        return self.gazetteer.place(i)

    def search(self, name: str, country_code: str | None = None, limit: int = 5) -> list[Place]:
        return [self.gazetteer.place(i) for i in self.gazetteer.search(name, country_code, limit)]

    # internals --------------------------------------------------------------------------------------
    @staticmethod
    def _token_at(tokens: list[Token], offset: int) -> int:
        for n, t in enumerate(tokens):
            if t.end > offset:
                return n
        return max(0, len(tokens) - 1)

    def _apply_entities(self, cands: list[Candidate], entities: tuple | list) -> list[Candidate]:  # type: ignore[type-arg]
        """NER spans refine the lookups: a place inside a longer ORG name is not a location."""
        if not entities:
            return cands
        orgs = [(s, e) for s, e, label in entities if label == "ORG"]
        for c in cands:
            if any(s <= c.start and c.end <= e and (e - s) > (c.end - c.start) for s, e in orgs):
                c.flags.add("organisation")
        return cands

    def _unknown_names(self, text: str, tokens: list[Token], cands: list[Candidate]) -> list[Candidate]:
        """Capitalised names the gazetteer lacks, followed by their container: "X village (District,
        Province)", "X (Province)", "X district, Province", "X, Y state".

        They fall back to the place that contains them, with a lower precision.
        """
        covered = {n for c in cands for n in range(c.first, c.last)}
        known_starts = sorted(c.start for c in cands if c.ids)
        out = []
        lex = self.lex
        n = 0
        while n < len(tokens):
            tok = tokens[n]
            if (n in covered or not tok.text[:1].isupper() or tok.low in lex.stop_words
                    or lex.common.get(tok.low, 0.0) >= (3.0 if tok.initial else 4.5)):  # fmt: skip
                n += 1
                continue
            j = n + 1
            while j < len(tokens) and j - n < 4 and j not in covered and text[tokens[j - 1].end : tokens[j].start] in (" ", "-"):
                if tokens[j].text[:1].isupper() and tokens[j].low not in lex.stop_words:
                    j += 1
                elif tokens[j].low in NAME_CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
                    j += 1
                else:
                    break
            end = tokens[j - 1].end
            nxt = next((s for s in known_starts if s > end), None)
            if nxt is not None and nxt - end < 80 and _CHAIN.match(text[end:nxt]):
                cand = Candidate(tok.start, end, text[tok.start : end], canon(text[tok.start : end]), (), n, j)
                cand.flags.add("unknown")
                out.append(cand)
                covered.update(range(n, j))
            n = j
        return out

    def _resolve(self, text: str, tokens: list[Token], cands: list[Candidate], hint: str | None,
                 fallback: bool = False) -> list[Toponym]:  # fmt: skip
        gaz = self.gazetteer
        cues = gather(text, tokens, cands, self.lex)
        for c, cue in zip(cands, cues, strict=True):
            if "organisation" in c.flags and cue.non_locational is None:
                cue.non_locational = "organisation"
        picks: list[int | None] = [None] * len(cands)
        conf = [1.0] * len(cands)
        scores: list[list[tuple[float, int]]] = [[] for _ in cands]
        for _pass in (1, 2):
            evidence = self._evidence(cands, cues, picks, conf, first_pass=_pass == 1)
            for n, c in enumerate(cands):
                if c.demonym:
                    continue
                pool = c.ids[:TOP]
                if cues[n].containers:
                    inside = [i for i in c.ids if any(self._contains(j, i) >= 3.0 for k in cues[n].containers
                                                      for j in cands[k].ids[:TOP])]  # fmt: skip
                    if cues[n].strict and (cues[n].paren or self._minor(c.ids) or any(
                        self._is_admin(cands[k].ids[:1]) for k in cues[n].containers
                    )):
                        # a small place put in a named region must lie in it; otherwise it is another,
                        # unlisted place of that name and falls back to the region ("Kamianka, Donetsk")
                        pool = tuple(inside)
                    else:  # "Basra, Baghdad and Mosul" is a list, not a nesting
                        pool = tuple(dict.fromkeys([*inside, *pool]))
                scored = sorted(((self._score(n, i, cands, cues, picks, evidence, hint), i) for i in pool),
                                reverse=True)  # fmt: skip
                scores[n] = scored
                picks[n] = scored[0][1] if scored else None
                conf[n] = _share(scored)
        if not fallback:
            self._drop_strays(cands, cues, picks, scores, conf)
        out = [self._toponym(n, c, cues[n], scores[n], picks, cands, fallback) for n, c in enumerate(cands)]
        # a longer name the gazetteer lacks, with no container to fall back to, is not reported
        return [t for t, c in zip(out, cands, strict=True) if t.place is not None or "unknown" not in c.flags or fallback]

    def _evidence(self, cands: list[Candidate], cues: list[Cue], picks: list[int | None], conf: list[float],
                  first_pass: bool) -> list[tuple[dict[str, float], set[tuple[str, str]], list[int]]]:  # fmt: skip
        """Per candidate: country weights, admin1 regions and resolved places of the *other* names.

        A name counts as evidence in proportion to how sure its own resolution was, so that two weak
        guesses ("Kingston" and "Denham") cannot talk each other into the wrong country.
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
        total_cc: dict[str, float] = defaultdict(float)
        for code, w, _, _ in contrib:
            if code:
                total_cc[code] += w
        out = []
        for n in range(len(cands)):
            own_cc, own_w, own_region, _ = contrib[n]
            weights = dict(total_cc)
            if own_cc:
                weights[own_cc] -= own_w
            regions = {r for m, (_, _, r, _) in enumerate(contrib) if m != n and r}
            places = [p for m, (_, _, _, p) in enumerate(contrib) if m != n and p is not None][:12]
            out.append((weights, regions, places))
        return out

    def _score(self, n: int, i: int, cands: list[Candidate], cues: list[Cue], picks: list[int | None],
               evidence: list, hint: str | None) -> float:  # type: ignore[type-arg]  # fmt: skip
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
            if any(cols["kind"][j] == "city" and cols["cc"][j] == code and cols["admin1"][j] == a1
                   and cols["rank"][j] > 0 for j in cand.ids[:TOP]):  # fmt: skip
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
            s += max((self._contains(j, i) for j in cands[k].ids[:TOP]), default=0.0)
        if kind != "city":
            for m in cues[n].contains:  # this place contains a name that points at it
                if picks[m] is not None:
                    s += 0.5 * self._contains(i, picks[m])
        if kind not in ADMIN_KINDS and places:
            lat, lon = cols["lat"][i], cols["lon"][i]
            near = min((_km(lat, lon, cols["lat"][p], cols["lon"][p]) for p in places if p != i), default=1e9)
            s += w["near"] if near < 50 else w["near"] / 2 if near < 200 else 0.0
        return s

    def _contains(self, outer: int, inner: int) -> float:
        c = self.gazetteer.cols
        if outer == inner or c["cc"][outer] != c["cc"][inner]:
            return 0.0
        k = c["kind"][outer]
        if k == "country":
            return 3.0
        if k == "admin1":
            return 6.0 if c["admin1"][outer] == c["admin1"][inner] else 0.0
        if k in ("admin2", "city", "overlay"):
            if c["admin2"][outer] and c["admin2"][outer] == c["admin2"][inner] and c["admin1"][outer] == c["admin1"][inner]:
                return 6.0
            if c["admin1"][outer] and c["admin1"][outer] == c["admin1"][inner]:
                return 4.0 if k != "city" else 3.0
        return 0.0

    def _toponym(self, n: int, c: Candidate, cue: Cue, scored: list[tuple[float, int]],
                 picks: list[int | None], cands: list[Candidate], fallback: bool) -> Toponym:  # fmt: skip
        gaz = self.gazetteer
        top = Toponym(c.start, c.end, c.text, None, qualifier=cue.qualifier)
        if scored:
            best_s, best = scored[0]
            z = sum(math.exp(min(50.0, s - best_s)) for s, _ in scored)
            top.place = gaz.place(best)
            top.score = round(1.0 / z, 4)
            runner = next((j for _, j in scored[1:] if gaz.cols["name"][j] != gaz.cols["name"][best]
                           or gaz.cols["cc"][j] != gaz.cols["cc"][best]), None)  # fmt: skip
            top.runner_up = gaz.place(runner) if runner is not None else None
        elif c.demonym and self._adjective_place(c.demonym) is not None:
            top.place = gaz.place(self._adjective_place(c.demonym))  # type: ignore[arg-type]
            top.score = 1.0
        else:
            home = next((picks[k] for k in cue.containers if picks[k] is not None), None)
            if home is None and fallback:
                home = self._dominant(picks, n)
            if home is not None:
                top.place = gaz.place(home)
                seat = gaz.seat(home) if top.place.kind in ("admin1", "admin2") and cue.containers else None
                if seat is not None:  # an unknown place in a region: on the region's main town
                    top.place.latitude, top.place.longitude = gaz.cols["lat"][seat], gaz.cols["lon"][seat]
                top.score = 0.1
                top.qualifier = top.qualifier or "in"
        kind = top.place.kind if top.place else None
        top.precision = 3 if kind in ADMIN_KINDS else 2 if kind == "admin2" else 1
        if top.place is not None and not scored:
            top.precision = max(2, top.precision)  # an unknown name placed on its container
        elif cue.qualifier and top.precision == 1:
            top.precision = 2
        if cue.non_locational == "metonymy":
            top.non_locational = kind == "country" or (top.place is not None and top.place.population >= 100_000)
        else:
            top.non_locational = cue.non_locational is not None
        return top

    def _drop_strays(self, cands: list[Candidate], cues: list[Cue], picks: list[int | None],
                     scores: list[list[tuple[float, int]]], conf: list[float]) -> None:  # fmt: skip
        """A small town abroad, in a text about another country, is a misread word ("Douze", "Zari").

        It is treated as an unknown name: it falls back to a container if it has one, else is dropped.
        """
        cols = self.gazetteer.cols
        evidence = self._evidence(cands, cues, picks, conf, first_pass=False)
        for n, i in enumerate(picks):
            if i is None or cols["kind"][i] != "city" or cols["pop"][i] >= STRAY_POP or cands[n].forced:
                continue
            weights = evidence[n][0]
            if weights.get(cols["cc"][i], 0.0) <= 0.0 and max(weights.values(), default=0.0) >= 1.0:
                picks[n] = None
                scores[n] = []
                cands[n].flags.add("unknown")

    def _inner_name(self, name: str) -> tuple[int, ...]:
        """Ids of the most prominent known name inside an unknown one ("University of California").

        Only prominent places count (a region, a capital, a town of 100k): a small namesake of one word
        of a longer name ("Hatch" in "Brands Hatch") is more often wrong than right.
        """
        words = canon(name).split(" ")
        for size in range(len(words) - 1, 0, -1):
            found: list[tuple[int, ...]] = []
            for k in range(len(words) - size + 1):
                key = " ".join(words[k : k + size])
                if self.lex.common.get(key, 0.0) >= 4.0 or key in self.lex.stop_words:
                    continue
                adj = adjectives().get(key)
                ids = self.gazetteer.ids(key)
                if adj and self._adjective_place(adj) is not None:
                    ids = (self._adjective_place(adj),)  # type: ignore[assignment]
                if ids and not self._minor(ids):
                    found.append(ids)
            if found:
                cols = self.gazetteer.cols
                return max(found, key=lambda ids: KIND_BONUS.get(cols["kind"][ids[0]], 0.0) + math.log10(cols["pop"][ids[0]] + 1))
        return ()

    def _minor(self, ids: tuple[int, ...]) -> bool:
        """No prominent reading: no region, no capital, no town of 100k among the first candidates."""
        c = self.gazetteer.cols
        return not any(c["kind"][i] not in ("city", "admin2", "overlay") or c["rank"][i] > 0 or c["pop"][i] >= 100_000
                       for i in ids[:5])  # fmt: skip

    def _is_admin(self, ids: tuple[int, ...]) -> bool:
        kinds = self.gazetteer.cols["kind"]
        return any(kinds[i] in ("admin1", "admin2") for i in ids[:TOP])

    def _adjective_place(self, target: str) -> int | None:
        """The country (alpha-2) or region (name) a nationality or regional adjective points at."""
        if len(target) == 2 and target.isupper():
            return self.gazetteer.country_id(target)
        ids = self.gazetteer.ids(canon(target))
        return ids[0] if ids else None

    def _dominant(self, picks: list[int | None], n: int) -> int | None:
        """The town named just before (else the most named town) for a name the gazetteer lacks."""
        cols = self.gazetteer.cols
        before = [p for p in picks[:n] if p is not None and cols["kind"][p] in ("city", "overlay")]
        if before:
            return before[-1]
        towns = [p for p in picks if p is not None and cols["kind"][p] in ("city", "overlay")]
        if not towns:
            return None
        counts: dict[int, int] = defaultdict(int)
        for p in towns:
            counts[p] += 1
        return max(counts, key=lambda p: (counts[p], cols["pop"][p]))


def _share(scored: list[tuple[float, int]]) -> float:
    """Softmax share of the best score: how sure the choice is (1.0 when there was no choice)."""
    if not scored:
        return 0.0
    best = scored[0][0]
    return 1.0 / sum(math.exp(min(50.0, s - best)) for s, _ in scored)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: accurate enough for 'within a few hundred km' and 20x cheaper."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)
