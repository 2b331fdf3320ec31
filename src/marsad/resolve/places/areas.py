"""Where the article's named groups operate, as a hint for its bare place names.

A monitor's report names a bare village ("explosions near Lozove") and Ukraine has a dozen villages of
most such names. The armed groups and missions an article names operate in known regions (``areas`` in
the actor dictionary): among namesakes the one inside them is meant, and a small place far outside them,
which nothing else in the text points to, is another village the gazetteer lacks: no place is better
than one in the wrong province.
"""

from __future__ import annotations

from collections.abc import Iterable

from marsad.resolve.places.gazetteer import Gazetteer
from marsad.resolve.places.scoring import km
from marsad.resolve.places.spelling import region_members

FAR_KM = 50.0  # a place this far from every town of the areas lies outside them

Regions = frozenset[tuple[str, str]]


def area_regions(gazetteer: Gazetteer, areas: Iterable[tuple[str, str]]) -> Regions:
    """(country, admin1 as the gazetteer names it) for (country, admin1 as a user writes it) pairs."""
    key = frozenset(areas)
    cache = gazetteer.__dict__.setdefault("_area_regions", {})  # kept on the gazetteer, as its region groups
    if key not in cache:
        cache[key] = frozenset((cc, name) for cc, area in key for name in gazetteer.admin1_names(area, cc))
    return cache[key]  # type: ignore[no-any-return]


def far_outside(gazetteer: Gazetteer, i: int, regions: Regions) -> bool:
    """Place ``i`` lies outside the regions and more than FAR_KM from every town listed in them."""
    c = gazetteer.cols
    if (c["cc"][i], c["admin1"][i]) in regions:
        return False
    lat, lon = c["lat"][i], c["lon"][i]
    for cc, region in regions:
        _, ids = region_members(gazetteer, cc, region)
        if any(km(lat, lon, c["lat"][j], c["lon"][j]) <= FAR_KM for j in ids):
            return False
    return True
