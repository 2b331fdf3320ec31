"""Name folding: one canonical key per spelling family, so "Al-Basrah", "Basra" and "البصرة" meet.

Both the gazetteer index and the text lookups go through :func:`canon`, so a transliteration rule added
here works on both sides at once. :func:`same_admin1` is the lenient comparison the evaluation uses for
region names written by different coders ("Thi-Qar" vs "Dhi Qar", "Wassit" vs "Wasit").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic definite articles as they appear in Latin transliterations, dropped before another word.
_ARTICLES = frozenset({"al", "el", "ad", "ed", "ash", "as", "ath", "adh", "az", "ar", "an", "at", "ul", "ud", "as"})
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PUNCT = re.compile(r"[\-‐‑–—_/.,'’‘`ʼʻ\"()]+")
_SPACES = re.compile(r"\s+")
# Words a coder may add to a region name; ignored when comparing admin1 names.
_REGION_WORDS = frozenset({
    "province", "governorate", "state", "region", "oblast", "department", "departement", "prefecture",
    "district", "county", "municipality", "division", "muhafazat", "wilayah", "vilayet", "ostan", "raion",
    "territory", "of", "the", "autonomous", "republic", "city", "krai", "kray", "estado", "provincia",
    "municipio", "municipality", "distrito", "departamento", "comuna", "rayon", "rayonu", "okrug", "sub", "county",
    "parish", "canton", "zila", "zilla", "tehsil", "taluka", "lga", "area", "council",
})  # fmt: skip


_APOSTROPHES = re.compile("[’'ʼʻ`‘ʿʾ]")  # "Ma‘ruf" is "Maruf": apostrophes join, they do not split


def fold(text: str) -> str:
    """Lower case, no diacritics, Arabic letter variants merged, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLD)
    text = text.replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("ð", "d").replace("ł", "l")
    text = _APOSTROPHES.sub("", text)
    text = _PUNCT.sub(" ", text.casefold())
    return _SPACES.sub(" ", text).strip()


_DOUBLED = re.compile(r"([a-z])\1")


@lru_cache(maxsize=200_000)
def canon(text: str) -> str:
    """The index key: folded, Arabic articles dropped, a final "-ah/-eh" shortened, a final "-y" as "-i".

    Why: GeoNames lists "Al Basrah" and news writes "Basra"; ACLED writes "Kut" for "Al Kut". Folding
    both sides to one key is cheaper and surer than listing every variant.
    """
    words = fold(text).split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if not word:
            continue
        if word in _ARTICLES and i + 1 < len(words):
            continue
        if word.startswith("ال") and len(word) > 3:  # Arabic article written joined
            word = word[2:]
        if len(word) > 3 and word[-2:] in ("ah", "eh") and word[-3] not in "aeiou":
            word = word[:-1]
        elif len(word) > 4 and word[-1] == "y" and word[-2] not in "aeiouy":
            word = word[:-1] + "i"  # transliterations hesitate between a final -y and -i
        if len(word) > 6:
            word = word[:3] + _DOUBLED.sub(r"\1", word[3:])  # "Shabeelle" = "Shabelle"; the head keeps an article ("Azzawiya")
        out.append(word)
    return " ".join(out)


_SUN_ARTICLE = re.compile(r"^a([tdrzsnl])\1")  # "azzawiya" = "az-Zawiya": the article assimilated


def region_key(name: str) -> str:
    """A region name without the generic words coders add ("Wasit Governorate" -> "wasit").

    An Arabic article glued to a sun letter ("Azzawya", "Assuwayda") is dropped as well.
    """
    words = [_SUN_ARTICLE.sub(r"\1", w) for w in canon(name).split(" ") if w not in _REGION_WORDS]
    return " ".join(words) or canon(name)


def _close(a: str, b: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    if not a or not b:
        return False
    a2, b2 = a.replace(" ", ""), b.replace(" ", "")
    if a2 == b2:
        return True
    if a2[0] != b2[0] and {a2[0], b2[0]} not in ({"t", "d"}, {"k", "q"}, {"c", "k"}, {"j", "g"}, {"y", "i"}):
        return False
    dist = Levenshtein.distance(a2, b2)
    return dist <= max(1, min(len(a2), len(b2)) // 4)


def same_admin1(a: str | None, b: str | None, country_code: str | None = None) -> bool:
    """True when two admin1 names denote the same region, the way a user would judge it.

    Case, diacritics, hyphens, Arabic articles and words like Province/Governorate are ignored; aliases
    from the gazetteer count (a name that resolves to the same region of ``country_code``); a close
    spelling (edit distance within a quarter of the length) is accepted.
    """
    if not a or not b:
        return False
    ka, kb = region_key(a), region_key(b)
    if ka == kb or _close(ka, kb):
        return True
    try:
        from marsad.resolve.places import get_resolver

        gaz = get_resolver().gazetteer
    except Exception:  # noqa: BLE001 - the comparison still works on spelling alone
        return False
    ra = gaz.admin1_names(a, country_code)
    rb = gaz.admin1_names(b, country_code)
    if ra & rb:
        return True
    return any(_close(region_key(x), region_key(y)) for x in ra | {a} for y in rb | {b})
