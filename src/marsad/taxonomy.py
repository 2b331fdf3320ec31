"""ACLED's event taxonomy as data: types, sub-types, precedence, and the PLOVER/CAMEO mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_DATA = Path(__file__).resolve().parent / "data" / "taxonomy.yaml"


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    rank: int  # position in ACLED's precedence order: lower outranks higher
    plover_event: str
    plover_mode: str
    cameo: str


@cache
def sub_event_types() -> dict[str, SubEventType]:
    with _DATA.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    result: dict[str, SubEventType] = {}
    for group in data:
        for entry in group["sub_event_types"]:
            event, mode = entry["plover"]
            result[entry["name"]] = SubEventType(
                entry["name"], group["event_type"], len(result), event, mode, entry["cameo"]
            )
    return result


def event_type_of(sub_event_type: str) -> str:
    return sub_event_types()[sub_event_type].event_type


def rank(sub_event_type: str) -> int:
    """Precedence rank; unknown types rank last."""
    entry = sub_event_types().get(sub_event_type)
    return entry.rank if entry else len(sub_event_types())


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both actor types, lower first (12, 37); one-sided events are 10, 20..."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


CIVILIAN_TARGETING_TYPES = frozenset({"Violence against civilians"})
