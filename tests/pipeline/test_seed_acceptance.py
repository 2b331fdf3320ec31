"""Issue 2's acceptance on the canonical example article, read from ../shared at run time (never copied)."""

from pathlib import Path

import pytest

import marsad

SEED = sorted((Path(__file__).resolve().parents[3] / "shared" / "seed").glob("*.txt"))

pytestmark = pytest.mark.skipif(not SEED, reason="../shared/seed is not beside the repository")


@pytest.fixture(scope="module")
def events():
    return marsad.extract(SEED[0].read_text(encoding="utf-8"), published="2024-01-14")


def test_seed_has_exactly_one_kut_event_coded_as_acled_would(events):
    (kut,) = [e for e in events if e.admin1 == "Wasit"]
    assert (kut.event_type, kut.sub_event_type) == ("Battles", "Armed clash")
    assert {kut.actor1, kut.actor2} == {"Saraya al Salam", "Police Forces of Iraq (2022-)"}
    assert kut.interaction == 13
    assert (kut.fatalities, kut.injuries) == (0, 1)
    assert "Tammuz Square" in kut.sublocation
    assert abs(kut.latitude - 32.51) < 0.05 and abs(kut.longitude - 45.82) < 0.05


def test_seed_has_an_unconfirmed_basra_event_with_saraya_al_salam(events):
    basra = [e for e in events if e.admin1 and "Basra" in e.admin1]
    assert basra
    assert all(e.certainty == "unconfirmed" for e in basra)
    assert any("Saraya al Salam" in (e.actor1, e.actor2) for e in basra)
