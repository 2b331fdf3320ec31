"""Resolve place names with whole-document context.

Each candidate place gets a score: prominence (kind, population) as the prior, plus evidence from the
article — countries and regions named elsewhere, "X (District, Province)" and "X, Y province" patterns,
other places nearby, the publication's country. Two passes: the first uses only unambiguous evidence,
the second lets every resolved name vote. The score's softmax share is the reported confidence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from marsad.model import Place, Sublocation, Toponym
from marsad.resolve.places.areas import FAR_KM, Regions, area_regions, far_outside
from marsad.resolve.places.context import Cue, gather
from marsad.resolve.places.gazetteer import Gazetteer
from marsad.resolve.places.lexicon import Lexicon, lexicon
from marsad.resolve.places.names import canon, region_key
from marsad.resolve.places.recognize import (Candidate, Token, adjectives, find, is_lowercase_text, region_slots,
                                             tokenize)
from marsad.resolve.places.scoring import ADMIN_KINDS, STRAY_POP, TOP, Scorer, km, plausible, share
from marsad.resolve.places.spelling import spelled_inside

from marsad.resolve.places.sublocations import find_sublocations
from marsad.resolve.places.unknown import adjective_place, inner_name, unknown_names

LOWERCASE_STRAY_POP = 1_000_000
REGION_STRAY_POP = 50_000  # below this, a bare town outside every region the text names is doubted
QUARTER_KM = 30.0  # a neighbourhood's name read as a town this far from every other place is not that town


class PlaceResolver:
    """Finds and resolves toponyms; one instance per process holds the loaded gazetteer."""

    def __init__(self, gazetteer: Gazetteer, lex: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer
        self.lex = lex or lexicon()
        self.scorer = Scorer(gazetteer)

    # public API -------------------------------------------------------------------------------------
    def toponyms(self, text: str, *, entities: Sequence[tuple[int, int, str]] = (),
                 country_hint: str | None = None, areas: Iterable[tuple[str, str]] = (),
                 names: Sequence[tuple[int, int]] = ()) -> list[Toponym]:  # fmt: skip
        """Every place name in ``text``, resolved with the whole text as context, sorted by start.

        ``areas``: (country code, admin1 name) pairs where the text's named groups operate (see `areas`).
        ``names``: spans of other names (the named groups): a place word inside one ("Svoboda", a party and
        a village) is no place and no evidence for the others.
        """
        tokens = tokenize(text)
        forced = [(s, e) for s, e, label in entities if label in ("GPE", "LOC", "FAC")]
        cands = find(text, self.gazetteer, self.lex, tokens, forced)
        cands = sorted(cands + region_slots(text, tokens, cands, self.gazetteer), key=lambda c: c.start)
        cands = self._apply_entities(cands, entities)
        cands = sorted(cands + unknown_names(text, tokens, cands, self.lex), key=lambda c: c.start)
        cands = [c for c in cands if c.demonym or not any(s <= c.start and c.end <= e for s, e in names)]
        areas = list(areas)
        main = _area_id(self.gazetteer, *areas[0]) if areas else None
        out = self._resolve(text, tokens, cands, country_hint, areas=area_regions(self.gazetteer, areas),
                            main_area=main)
        _far_quarters(out, find_sublocations(text, tokens, self.lex))
        return out

    def resolve_spans(self, text: str, spans: list[tuple[int, int]], *,
                      country_hint: str | None = None) -> list[Toponym]:  # fmt: skip
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
            adjective = adjectives().get(key)
            if not ids and not adjective:
                ids = inner_name(name, self.gazetteer, self.lex, self.scorer)
            cands.append(Candidate(s, e, name, key, ids, first, max(last, first + 1), demonym=adjective))
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

    def capital(self, alpha2: str) -> Place | None:
        """The country's capital: "the capital" in a report about Kenya is Nairobi."""
        i = self.gazetteer.capital_id((alpha2 or "").upper())
        return None if i is None else self.gazetteer.place(i)

    def seat(self, region: Place) -> Place | None:
        """The main town (the most populous) of an admin1 or admin2 region: "Manipur's capital"."""
        gaz, cols = self.gazetteer, self.gazetteer.cols
        for i in gaz.ids(canon(region.name)) or gaz.ids(region_key(region.name)):
            if (cols["kind"][i] == region.kind and cols["cc"][i] == region.country_code
                    and (cols["admin1"][i] or None) == region.admin1):  # fmt: skip
                j = gaz.seat(i)
                return None if j is None else gaz.place(j)
        return None

    def area_place(self, alpha2: str, area: str) -> Place | None:
        """An admin1 region as a user writes it ("Donetsk" for Donetska oblast), on its main town as ACLED
        codes a region."""
        i = _area_id(self.gazetteer, (alpha2 or "").upper(), area)
        return None if i is None else self.gazetteer.place_on_seat(i)

    def largest_town(self, alpha2: str, direction: str = "") -> Place | None:
        """The most populous town of a country, or of its part in one direction from the country's point
        ("northeast Nigeria's largest city")."""
        i = _largest_town(self.gazetteer, (alpha2 or "").upper(), direction)
        return None if i is None else self.gazetteer.place(i)

    def search(self, name: str, country_code: str | None = None, limit: int = 5) -> list[Place]:
        return [self.gazetteer.place(i) for i in self.gazetteer.search(name, country_code, limit)]

    # internals --------------------------------------------------------------------------------------
    @staticmethod
    def _token_at(tokens: list[Token], offset: int) -> int:
        for n, t in enumerate(tokens):
            if t.end > offset:
                return n
        return max(0, len(tokens) - 1)

    def _apply_entities(self, cands: list[Candidate],
                        entities: Sequence[tuple[int, int, str]]) -> list[Candidate]:  # fmt: skip
        """NER spans refine the lookups: a place inside a longer ORG name is not a location."""
        if not entities:
            return cands
        orgs = [(s, e) for s, e, label in entities if label == "ORG"]
        for c in cands:
            if any(s <= c.start and c.end <= e and (e - s) > (c.end - c.start) for s, e in orgs):
                c.flags.add("organisation")
        return cands

    def _resolve(self, text: str, tokens: list[Token], cands: list[Candidate], hint: str | None,
                 fallback: bool = False, areas: Regions = frozenset(),
                 main_area: int | None = None) -> list[Toponym]:  # fmt: skip
        gaz = self.gazetteer
        cues = gather(text, tokens, cands, self.lex)
        kinds = gaz.cols["kind"]
        for c, cue in zip(cands, cues, strict=True):
            if "organisation" in c.flags and cue.non_locational is None:
                cue.non_locational = "organisation"
            elif cue.non_locational is None and _the_town(text, tokens, c, self.lex) and all(
                    kinds[i] in ("city", "admin2") for i in c.ids[:TOP]):  # fmt: skip
                cue.non_locational = "organisation"  # "workers of the Metro": no town's name takes "the"
        picks: list[int | None] = [None] * len(cands)
        conf = [1.0] * len(cands)
        scores: list[list[tuple[float, int]]] = [[] for _ in cands]
        for _pass in (1, 2):
            evidence = self.scorer.evidence(cands, cues, picks, conf, first_pass=_pass == 1)
            readings = plausible(cands, scores, gaz.cols["kind"])
            for n, c in enumerate(cands):
                if c.demonym:
                    continue
                pool = c.ids[:TOP]
                if any(readings[k] for k in cues[n].containers):  # an unknown container says nothing
                    inside = [i for i in c.ids if any(self.scorer.contains(j, i) >= 3.0 for k in cues[n].containers
                                                      for j in readings[k])]  # fmt: skip
                    quarter = cues[n].paren and not inside and self._quarter_in_brackets(c, cues[n], cands)
                    if cues[n].strict and not quarter and (
                        cues[n].paren or self.scorer.minor(c.ids)
                        or any(self.scorer.is_admin(cands[k].ids[:1]) for k in cues[n].containers)
                    ):
                        # a small place put in a named region must lie in it; otherwise it is another,
                        # unlisted place of that name and falls back to the region ("Novoselivka, Kharkiv")
                        pool = tuple(inside)
                    else:  # "X in Y", or a prominent X next to a town: a hint, not a constraint
                        pool = tuple(dict.fromkeys([*inside, *pool]))
                scored = sorted(((self.scorer.score(n, i, cands, cues, picks, evidence, hint, readings, areas), i)
                                 for i in pool), reverse=True)  # fmt: skip
                scores[n] = scored
                picks[n] = scored[0][1] if scored else None
                conf[n] = share(scored)
        outside: dict[int, int] = {}
        if not fallback:
            # without capitals every word is a candidate: doubt foreign towns of any size
            lower = is_lowercase_text(tokens)
            self._drop_strays(cands, cues, picks, scores, conf, LOWERCASE_STRAY_POP if lower else STRAY_POP,
                              0.5 if lower else 1.0)  # fmt: skip
            outside = self._drop_outside(tokens, cands, cues, picks, scores, conf, areas, main_area)
        out = [self._toponym(n, c, cues[n], scores[n], picks, cands, fallback) for n, c in enumerate(cands)]
        for n, home in outside.items():  # the groups' country or the text's region, nothing finer
            out[n] = replace(out[n], place=gaz.place_on_seat(home), score=0.1, precision=3)
        _one_sense(out, cands, cues, scores)
        # a longer name the gazetteer lacks, with no container to fall back to, is not reported
        return [t for t, c in zip(out, cands, strict=True)
                if t.place is not None or "unknown" not in c.flags or fallback]  # fmt: skip

    def _toponym(self, n: int, c: Candidate, cue: Cue, scored: list[tuple[float, int]],
                 picks: list[int | None], cands: list[Candidate], fallback: bool) -> Toponym:  # fmt: skip
        gaz = self.gazetteer
        top = Toponym(c.start, c.end, c.text, None, qualifier=cue.qualifier)
        spelled = None
        if scored:
            best_s, best = scored[0]
            z = sum(math.exp(min(50.0, s - best_s)) for s, _ in scored)
            # a region as an event's location: on its main town, as ACLED codes it (the region's own
            # point, the middle of its towns, stays in `resolve_spans` and `search`)
            top.place = gaz.place(best) if fallback else gaz.place_on_seat(best)
            top.score = round(1.0 / z, 4)
            runner = next((j for _, j in scored[1:] if gaz.cols["name"][j] != gaz.cols["name"][best]
                           or gaz.cols["cc"][j] != gaz.cols["cc"][best]), None)  # fmt: skip
            top.runner_up = gaz.place(runner) if runner is not None else None
        elif c.demonym and adjective_place(gaz, c.demonym) is not None:
            top.place = gaz.place(adjective_place(gaz, c.demonym))  # type: ignore[arg-type]
            top.score = 1.0
        else:
            home = next((picks[k] for k in cue.containers if picks[k] is not None), None)
            if home is None and fallback:
                home = self._dominant(picks, n)
            if home is not None and cue.containers:
                found = (spelled_inside(gaz, c.text, h) for h in self._homes(home, cue, cands))
                spelled = next((i for i in found if i is not None), None)
            if spelled is not None:  # another spelling of a town listed in the named region
                top.place = gaz.place(spelled)
                top.score = 0.3
            elif home is not None:  # an unknown place in a region: on the region's main town
                top.place = gaz.place_on_seat(home) if cue.containers else gaz.place(home)
                top.score = 0.1
                top.qualifier = top.qualifier or "in"
        kind = top.place.kind if top.place else None
        top.precision = 3 if kind in ADMIN_KINDS else 2 if kind == "admin2" else 1
        if top.place is not None and not scored and spelled is None:
            top.precision = max(2, top.precision)  # an unknown name placed on its container
        elif cue.qualifier and top.precision == 1:
            top.precision = 2
        if cue.non_locational == "metonymy":
            top.non_locational = kind == "country" or (top.place is not None and top.place.population >= 100_000)
        else:
            top.non_locational = cue.non_locational is not None
        return top

    def _homes(self, home: int, cue: Cue, cands: list[Candidate]) -> list[int]:
        """The container's reading, then its namesakes in the same region ("Khairpur, Sindh" names one of
        several Khairpurs of Sindh): an unknown name is looked for around each."""
        cols = self.gazetteer.cols
        region = (cols["cc"][home], cols["admin1"][home])
        k = next((k for k in cue.containers if home in cands[k].ids), None)
        if k is None:
            return [home]
        others = [j for j in cands[k].ids[:TOP] if j != home and cols["kind"][j] == "city"
                  and (cols["cc"][j], cols["admin1"][j]) == region]  # fmt: skip
        return [home, *others]

    def _drop_strays(self, cands: list[Candidate], cues: list[Cue], picks: list[int | None],
                     scores: list[list[tuple[float, int]]], conf: list[float], limit: int,
                     min_evidence: float) -> None:  # fmt: skip
        """A small town abroad, in a text about another country, is a misread word (a clan, a nickname).

        It is treated as an unknown name: it falls back to a container if it has one, else is dropped.
        """
        cols = self.gazetteer.cols
        evidence = self.scorer.evidence(cands, cues, picks, conf, first_pass=False)
        for n, i in enumerate(picks):
            if i is None or cols["kind"][i] not in ("city", "admin2") or cols["pop"][i] >= limit or cands[n].forced:
                continue
            weights = evidence[n][0]
            if weights.get(cols["cc"][i], 0.0) <= 0.0 and max(weights.values(), default=0.0) >= min_evidence:
                picks[n] = None
                scores[n] = []
                cands[n].flags.add("unknown")

    def _drop_outside(self, tokens: list[Token], cands: list[Candidate], cues: list[Cue],
                      picks: list[int | None], scores: list[list[tuple[float, int]]], conf: list[float],
                      areas: Regions, main_area: int | None = None) -> dict[int, int]:  # fmt: skip
        """A small bare place far outside the named groups' areas, which no other name of the text points
        to, is a namesake of a village the gazetteer lacks: treated as an unknown name, placed on the
        groups' main area (the first the dictionary lists), else their country, when the areas lie in one
        country (returned: candidate index -> country or region id).

        Without areas, the one region the text names in the place's country plays their part ("in
        Celaya, Guanajuato, ... near Camargo": not the Camargo of Chihuahua, somewhere in Guanajuato).
        """
        cols = self.gazetteer.cols
        out: dict[int, int] = {}
        limit = STRAY_POP if areas else REGION_STRAY_POP
        bare = [n for n, i in enumerate(picks) if i is not None and cols["kind"][i] in ("city", "admin2")
                and cols["pop"][i] < limit and not cues[n].containers and not cands[n].forced
                and not _names_a_quarter(tokens, cands[n], self.lex)]  # fmt: skip
        if not bare:
            return out
        countries = {cc for cc, _ in areas}
        country = (main_area if main_area is not None else self.gazetteer.country_id(next(iter(countries)))
                   ) if len(countries) == 1 else None
        evidence = self.scorer.evidence(cands, cues, picks, conf, first_pass=False)
        for n in bare:
            i = picks[n]
            assert i is not None
            weights, regions, places = evidence[n]
            code = cols["cc"][i]
            home = areas or frozenset(r for r in regions if r[0] == code)
            if not home or (not areas and len(home) > 1):
                continue  # no areas, or a text that ranges over several regions
            if (code, cols["admin1"][i]) in regions or (areas and weights.get(code, 0.0) > 0 and code not in countries):
                continue  # the text names its region, or its country apart from the groups' own
            lat, lon = cols["lat"][i], cols["lon"][i]
            if any(km(lat, lon, cols["lat"][p], cols["lon"][p]) <= FAR_KM for p in places if p != i):
                continue
            if far_outside(self.gazetteer, i, home):
                picks[n] = None
                scores[n] = []
                cands[n].flags.add("unknown")
                instead = country if areas else self.gazetteer.admin1_id(*next(iter(home)))
                if instead is not None:
                    out[n] = instead
        return out

    def _quarter_in_brackets(self, c: Candidate, cue: Cue, cands: list[Candidate]) -> bool:
        """"Panama City (Bella Vista)": after a prominent town, a bracketed name that can be no region of
        its country is one of its quarters, and does not constrain it (the town is kept)."""
        cols = self.gazetteer.cols
        prominent = {cols["cc"][i] for i in c.ids[:TOP]
                     if cols["kind"][i] == "city" and (cols["rank"][i] > 0 or cols["pop"][i] >= 100_000)}  # fmt: skip
        regions = [j for k in cue.containers for j in cands[k].ids[:TOP]
                   if cols["kind"][j] in ("country", "admin1")
                   or (cols["kind"][j] == "admin2" and cols["cc"][j] in prominent)]
        return bool(prominent) and not regions

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


def _names_a_quarter(tokens: list[Token], c: Candidate, lex: Lexicon) -> bool:
    """"the Dowlatabad neighborhood": the name is a quarter's (`_far_quarters` judges it)."""
    return c.last < len(tokens) and lex.sub_after.get(tokens[c.last].low) == "neighbourhood"


def _the_town(text: str, tokens: list[Token], c: Candidate, lex: Lexicon) -> bool:
    """A town's name after "the" that is not used as a qualifier ("the Lensk district", "the Sapele
    LGA", "the X - Y road", "the X Teaching Hospital" name a place): something else named after a town.
    So is a town named with ordinary words ("the White House" is no town in Tennessee)."""
    if c.first == 0 or c.forced or not c.ids or "part" in c.flags:
        return False
    if c.last - c.first != 1 and not all(lex.common.get(t.low, 0.0) >= 4.0 for t in tokens[c.first : c.last]):
        return False
    if tokens[c.first - 1].text != "the":
        return False
    nxt = tokens[c.last] if c.last < len(tokens) else None
    if nxt is not None and (nxt.low in lex.region_words or nxt.low in lex.settlement_words
                            or (not nxt.cap and nxt.low in lex.sub_after)):  # fmt: skip
        return False
    return not text[c.end : c.end + 3].lstrip().startswith(("-", "–", "/"))


def _one_sense(out: list[Toponym], cands: list[Candidate], cues: list[Cue],
               scores: list[list[tuple[float, int]]]) -> None:  # fmt: skip
    """A name repeated bare ("near Yasne") means what it meant where the text placed it ("Yasne, Donetsk").

    One sense per discourse: the mention with a container carries the evidence, the repetitions none, and
    on their own a small name goes to its most prominent namesake, often in another province. An anchor is
    a name read in its container, or an unknown one put on its region ("Beyond X, Liverpool have..." puts
    an unknown X on a town, which is no evidence).
    """
    anchors: dict[str, Toponym] = {}
    for t, c, cue, scored in zip(out, cands, cues, scores, strict=True):
        if (cue.strict and not cue.in_list and t.place is not None and not c.demonym
                and (scored or t.place.kind in ("admin1", "admin2"))):  # fmt: skip
            anchors.setdefault(c.key, t)
    if not anchors:
        return
    for n, (t, c, cue) in enumerate(zip(out, cands, cues, strict=True)):
        anchor = anchors.get(c.key)
        if anchor is None or anchor is t or cue.containers or c.demonym or cue.non_locational:
            continue
        out[n] = replace(t, place=replace(anchor.place), score=anchor.score,  # type: ignore[type-var]
                         precision=max(anchor.precision, t.precision))  # fmt: skip


def _far_quarters(out: list[Toponym], subs: list[Sublocation]) -> None:
    """"the Fonseca neighborhood", "Colonia Los Pinos": a small town read into a neighbourhood's name,
    far from every other place the text names, is that neighbourhood, not the town (non-locational).

    A neighbourhood GeoNames lists near the text's town keeps its reading; so does a prominent name.
    """
    quarters = [s for s in subs if s.kind == "neighbourhood"]
    inside = [any(q.start <= t.start and t.end <= q.end for q in quarters) for t in out]
    others = [t.place for t, q in zip(out, inside, strict=True)
              if not q and t.place is not None and t.place.kind in ("city", "admin1", "admin2")]  # fmt: skip
    if not others:
        return
    for t, q in zip(out, inside, strict=True):
        p = t.place
        if not q or p is None or p.kind != "city" or p.population >= 100_000:
            continue
        if all(km(p.latitude, p.longitude, o.latitude, o.longitude) > QUARTER_KM for o in others):
            t.non_locational = True


_DIRECTIONS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1), "northeast": (1, 1),
               "northwest": (1, -1), "southeast": (-1, 1), "southwest": (-1, -1)}  # fmt: skip


def _largest_town(gaz: Gazetteer, cc: str, direction: str) -> int | None:
    cache = gaz.__dict__.setdefault("_largest_towns", {})
    if (cc, direction) in cache:
        return cache[(cc, direction)]
    c, home = gaz.cols, gaz.country_id(cc)
    sign = _DIRECTIONS.get(direction.replace("-", "").removesuffix("ern"))
    best = None
    for i, (kind, code) in enumerate(zip(c["kind"], c["cc"])):
        if kind != "city" or code != cc or (best is not None and c["pop"][i] <= c["pop"][best]):
            continue
        if sign and home is not None:
            dy, dx = c["lat"][i] - c["lat"][home], c["lon"][i] - c["lon"][home]
            if (sign[0] and dy * sign[0] <= 0) or (sign[1] and dx * sign[1] <= 0):
                continue
        best = i
    cache[(cc, direction)] = best
    return best


def _area_id(gazetteer: Gazetteer, alpha2: str, area: str) -> int | None:
    """The admin1 region an area of the actor dictionary names ("Donetsk": Donetska oblast)."""
    for name in sorted(gazetteer.admin1_names(area, alpha2)):
        i = gazetteer.admin1_id(alpha2, name)
        if i is not None:
            return i
    return None
