"""Country names, codes and demonyms the ACLED way.

ACLED writes "Democratic Republic of Congo", "Syria", "Russia" where ISO writes longer official names;
these names come from ``data/places/countries.csv`` (editable), falling back to pycountry.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.resolve.places.names import canon

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "places"


@dataclass
class CountryTable:
    """Every spelling of every country, folded by :func:`canon`."""

    names: dict[str, str] = field(default_factory=dict)  # alpha2 -> ACLED name
    numeric: dict[str, int] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)  # canon(name or alias) -> alpha2
    demonyms: dict[str, str] = field(default_factory=dict)  # canon(demonym) -> alpha2
    aliases: dict[str, list[str]] = field(default_factory=dict)  # alpha2 -> every name and alias


def _read_csv() -> list[dict[str, str]]:
    text = (DATA_DIR / "countries.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def table() -> CountryTable:
    """Build the table once per process (pycountry plus the project's CSV)."""
    import pycountry

    out = CountryTable()
    for c in pycountry.countries:
        code = c.alpha_2
        out.numeric[code] = int(c.numeric)
        name = getattr(c, "common_name", None) or c.name
        out.names[code] = name
        out.aliases[code] = [n for n in {c.name, name, getattr(c, "official_name", None)} if n]
    out.numeric.setdefault("XK", 0)  # Kosovo has no ISO numeric code; ACLED uses 0
    for row in _read_csv():
        code = row["alpha2"].strip()
        out.names[code] = row["name"].strip()
        extra = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        out.aliases.setdefault(code, []).extend([row["name"].strip(), *extra])
        for dem in (row.get("demonyms") or "").split(";"):
            if dem.strip():
                out.demonyms[canon(dem.strip())] = code
    for code, names in out.aliases.items():
        for name in names:
            out.by_key.setdefault(canon(name), code)
    for code, name in out.names.items():  # the ACLED name always wins a collision
        out.by_key[canon(name)] = code
    return out


def numeric_code(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso``), or None for an unknown code."""
    if not alpha2:
        return None
    return table().numeric.get(alpha2.upper())


def country_name(alpha2: str) -> str:
    """ACLED-style English short name ("CD" -> "Democratic Republic of Congo"); the code if unknown."""
    return table().names.get((alpha2 or "").upper(), alpha2)


def country_code(name_or_alias: str) -> str | None:
    """Alpha-2 code for a country name, alias, ISO code or demonym; None when not a country."""
    if not name_or_alias:
        return None
    t = table()
    raw = name_or_alias.strip()
    if len(raw) in (2, 3) and raw.isupper():
        if raw in t.names:
            return raw
        import pycountry

        found = pycountry.countries.get(alpha_3=raw)
        if found:
            return found.alpha_2
    key = canon(raw)
    if key.startswith("the "):
        key = key[4:]
    return t.by_key.get(key) or t.demonyms.get(key)


def demonym_code(word: str) -> str | None:
    """Alpha-2 code for a nationality adjective or noun ("Iraqi" -> "IQ", "Turkish" -> "TR")."""
    return table().demonyms.get(canon(word or ""))
