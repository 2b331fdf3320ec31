"""Fixtures: a hand-made gazetteer (fast, exact) and the real index (loaded once per session)."""

from __future__ import annotations

import pytest

from marsad.resolve.places.gazetteer import Gazetteer, PlaceRows
from marsad.resolve.places.resolver import PlaceResolver


def small_rows() -> PlaceRows:
    rows = PlaceRows()
    add = rows.add
    # countries
    add("Libya", 27.0, 17.0, "LY", "", "", 2215636, "country", 6_000_000, ["Libya"])
    add("Lebanon", 33.9, 35.9, "LB", "", "", 272103, "country", 6_000_000, ["Lebanon"])
    add("France", 46.0, 2.0, "FR", "", "", 3017382, "country", 66_000_000, ["France"])
    add("United States", 39.8, -98.5, "US", "", "", 6252001, "country", 327_000_000, ["United States", "USA", "U.S."])
    add("Iraq", 33.0, 44.0, "IQ", "", "", 99237, "country", 38_000_000, ["Iraq"])
    # admin1 regions
    add("Tripoli", 32.6, 13.1, "LY", "Tripoli", "", 0, "admin1", 1_200_000, ["Tripoli"])
    add("Liban-Nord", 34.4, 36.0, "LB", "Liban-Nord", "", 0, "admin1", 800_000, ["Liban-Nord", "North Lebanon"])
    add("Texas", 31.0, -99.0, "US", "Texas", "", 4736286, "admin1", 28_000_000, ["Texas"])
    add("Wasit", 32.6, 45.7, "IQ", "Wasit", "", 0, "admin1", 1_300_000, ["Wasit", "Wassit"])
    add("Al Basrah", 30.5, 47.8, "IQ", "Al Basrah", "", 0, "admin1", 2_900_000, ["Al Basrah", "Basra Governorate"])
    add("Ile-de-France", 48.7, 2.5, "FR", "Ile-de-France", "", 0, "admin1", 12_000_000, ["Ile-de-France"])
    add("Kismayo District", -0.36, 42.5, "SO", "Lower Juba", "Kismayo", 0, "admin2", 200_000, ["Kismayo District"])
    # towns
    add("Tripoli", 32.89, 13.19, "LY", "Tripoli", "", 2210247, "city", 1_150_000, ["Tripoli", "طرابلس"], rank=2)
    add("Tripoli", 34.44, 35.85, "LB", "Liban-Nord", "", 266826, "city", 230_000, ["Tripoli"], rank=1)
    add("Misrata", 32.38, 15.09, "LY", "Misrata", "", 2214846, "city", 386_000, ["Misrata", "Misratah", "Misurata"])
    add("Beirut", 33.89, 35.5, "LB", "Beirut", "", 276781, "city", 1_900_000, ["Beirut"], rank=2)
    add("Paris", 48.85, 2.35, "FR", "Ile-de-France", "", 2988507, "city", 2_100_000, ["Paris"], rank=2)
    add("Paris", 33.66, -95.56, "US", "Texas", "", 4717560, "city", 25_000, ["Paris"])
    add("Dallas", 32.78, -96.8, "US", "Texas", "", 4684888, "city", 1_300_000, ["Dallas"])
    add("Baghdad", 33.34, 44.4, "IQ", "Baghdad", "", 98182, "city", 7_000_000, ["Baghdad", "بغداد"], rank=2)
    add("Basrah", 30.51, 47.78, "IQ", "Al Basrah", "", 99532, "city", 1_300_000,
        ["Basrah", "Basra", "Al-Basrah", "البصرة"], rank=1)  # fmt: skip
    add("Al-Kut", 32.51, 45.82, "IQ", "Wasit", "", 98463, "city", 315_000,
        ["Al-Kut", "Kut", "Kut al-Amara", "الكوت"], rank=1)  # fmt: skip
    add("Qalat", 31.9, 13.0, "LY", "Tripoli", "", 0, "city", 2_000, ["Qalat"])
    add("Kismayo", -0.36, 42.55, "SO", "Lower Juba", "Kismayo", 55671, "city", 230_000, ["Kismayo", "Chisimaio"])
    return rows


@pytest.fixture(scope="session")
def small_gazetteer() -> Gazetteer:
    return Gazetteer.from_rows(small_rows())


@pytest.fixture()
def resolver(small_gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(small_gazetteer)


@pytest.fixture(scope="session")
def real_resolver() -> PlaceResolver:
    """The full index from the user cache (built on first use: about 20 s, then < 1 s to load)."""
    from marsad.resolve.places import get_resolver

    return get_resolver()
