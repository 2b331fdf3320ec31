"""How one predicted field is compared with ACLED's coding, the way a user of the data would compare it.

Kept apart from the scoring loop so each rule (actor names, admin1 names, dates, distances) is a pure
function with its own tests, and the error-analysis script applies exactly the same rules as the metric.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

# ACLED dates: "9-May-20" (exports), "01 March 2020" (older exports), ISO "2020-05-09" (API).
_DATE_FORMATS = ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d %b %Y", "%d/%m/%Y", "%d-%B-%Y")

# ACLED's actor names carry the regime period: "Military Forces of Somalia (2017-)", "(1979-2019)".
_YEAR_SUFFIX = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
_NON_WORD = re.compile(r"[^\w]+")

# Words a user ignores when comparing first-level region names ("Kunar Province" = "Kunar").
_ADMIN_WORDS = frozenset(
    "province provinsi governorate gouvernorat muhafazat state region oblast krai district department "
    "departement prefecture county division territory municipality wilayah wilaya velayat".split()
)


def parse_gold_date(value: str) -> date | None:
    """ACLED's event_date in any of the formats its exports use; None when empty or unreadable."""
    text = (value or "").strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_predicted_date(value: object) -> date | None:
    """An Event's event_date (an ISO string, or a date when a caller built the Event by hand)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def strip_accents(text: str) -> str:
    """Diacritics off, so "Wāsiţ" and "Wasit" compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise_actor(name: str | None) -> str:
    """Case, punctuation and the regime-period suffix ignored: the part of an actor name users compare."""
    if not name:
        return ""
    text = _YEAR_SUFFIX.sub(" ", strip_accents(name))
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def actor_name_matches(predicted: str | None, gold_actor1: str | None, gold_actor2: str | None) -> bool:
    """True when the predicted actor1 names either gold actor (ACLED's order only matters for VAC)."""
    mine = normalise_actor(predicted)
    if not mine:
        return False
    return mine in {normalise_actor(gold_actor1), normalise_actor(gold_actor2)} - {""}


def normalise_admin1(name: str | None) -> str:
    """Case, diacritics, hyphens and words like Province or Governorate ignored."""
    if not name:
        return ""
    words = _NON_WORD.sub(" ", strip_accents(name).lower()).split()
    kept = [w for w in words if w not in _ADMIN_WORDS]
    return " ".join(kept or words)


def local_same_admin1(a: str | None, b: str | None, country_code: str | None = None) -> bool:
    """Fallback admin1 comparison when the places package offers none: normalised names equal."""
    left, right = normalise_admin1(a), normalise_admin1(b)
    return bool(left) and left.replace(" ", "") == right.replace(" ", "")


@lru_cache(maxsize=1)
def admin1_comparator() -> Callable[[str | None, str | None, str | None], bool]:
    """The places helper's `same_admin1` (gazetteer aliases, close spellings) when it is installed."""
    try:
        from marsad.resolve.places.names import same_admin1
    except ImportError:
        return local_same_admin1

    def compare(a: str | None, b: str | None, country_code: str | None = None) -> bool:
        if not a or not b:
            return False
        return bool(same_admin1(a, b, country_code)) or local_same_admin1(a, b, country_code)

    return compare



def same_place_name(a: str | None, b: str | None) -> bool:
    """Location names compared after case, diacritics and punctuation: "Bar-Sanguun" = "bar sanguun"."""
    left, right = normalise_admin1(a), normalise_admin1(b)
    return bool(left) and left.replace(" ", "") == right.replace(" ", "")


@lru_cache(maxsize=512)
def gold_country_code(country: str, iso: int | None) -> str | None:
    """ISO alpha-2 of a gold row's country, from its ISO numeric code or its name (for admin1 aliases)."""
    try:
        from marsad.resolve.places.countries import country_code

        code = country_code(country) if country else None
        if code:
            return code
    except ImportError:
        pass
    import pycountry

    found = pycountry.countries.get(numeric=f"{iso:03d}") if iso is not None else None
    if found is None and country:
        try:
            found = pycountry.countries.lookup(country)
        except LookupError:
            found = None
    return found.alpha_2 if found is not None else None
