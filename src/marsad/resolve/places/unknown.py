"""Names the gazetteer lacks: found by their context, placed on what contains them.

"X village (District, Province)", "X district, Province", "X (Province)": X is a place even when no
gazetteer lists it, and its container says where it is (with a lower precision). A longer unknown name
that contains a prominent known one ("Kabul University") can fall back to that one.
"""

from __future__ import annotations

import math
import re

from marsad.resolve.places.gazetteer import KIND_BONUS, Gazetteer
from marsad.resolve.places.lexicon import Lexicon
from marsad.resolve.places.names import canon
from marsad.resolve.places.recognize import NAME_CONNECTORS, Candidate, Token, adjectives
from marsad.resolve.places.scoring import Scorer

# between an unknown name and its known container: "village (", " district, ", " (Unknown, " ...
_CHAIN = re.compile(r"^(?:\s+[a-z]+){0,3}\s*[(,]\s*(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*(?:\s+[a-z]+)?\s*,\s*)?$")


def unknown_names(text: str, tokens: list[Token], cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Capitalised names the gazetteer lacks, followed by their container: "X village (District,
    Province)", "X (Province)", "X district, Province", "X, Y state".

    They fall back to the place that contains them, with a lower precision.
    """
    covered = {n for c in cands for n in range(c.first, c.last)}
    known_starts = sorted(c.start for c in cands if c.ids)
    out = []
    n = 0
    while n < len(tokens):
        tok = tokens[n]
        if (n in covered or not tok.text[:1].isupper() or tok.low in lex.stop_words or _generic(tok.low, lex)
                or lex.common.get(tok.low, 0.0) >= (3.0 if tok.initial else 4.5)):  # fmt: skip
            n += 1
            continue
        j = n + 1
        while j < len(tokens) and j - n < 4 and j not in covered and _gap(text, tokens, j) in (" ", "-"):
            if _generic(tokens[j].low, lex):
                break  # "Minbya Township": the name ends where its region or settlement word starts
            if tokens[j].text[:1].isupper() and tokens[j].low not in lex.stop_words:
                j += 1
            elif tokens[j].low in NAME_CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper():
                j += 1
            else:
                break
        end = tokens[j - 1].end
        nxt = next((s for s in known_starts if s > end), None)
        gap = _WORD.sub(lambda m: m.group().lower() if _generic(m.group().lower(), lex) else m.group(),
                        text[end : nxt or end])  # "Daudkandi Upazila (Comilla)" chains like "X district (Y)"
        if nxt is not None and nxt - end < 80 and _CHAIN.match(gap):
            cand = Candidate(tok.start, end, text[tok.start : end], canon(text[tok.start : end]), (), n, j)
            cand.flags.add("unknown")
            out.append(cand)
            covered.update(range(n, j))
        n = j
    return out


def inner_name(name: str, gaz: Gazetteer, lex: Lexicon, scorer: Scorer) -> tuple[int, ...]:
    """Ids of the most prominent known name inside an unknown one ("Kabul University").

    Only prominent places count (a region, a capital, a town of 100k): a small namesake of one word
    of a longer name ("Point" in "Harbour Point Marina") is more often wrong than right.
    """
    words = canon(name).split(" ")
    for size in range(len(words) - 1, 0, -1):
        found: list[tuple[int, ...]] = []
        for k in range(len(words) - size + 1):
            key = " ".join(words[k : k + size])
            adj = adjectives().get(key)
            if not adj and (lex.common.get(key, 0.0) >= 4.0 or key in lex.stop_words):
                continue
            ids = gaz.ids(key)
            if adj and adjective_place(gaz, adj) is not None:
                ids = (adjective_place(gaz, adj),)  # type: ignore[assignment]
            if ids and not scorer.minor(ids):
                found.append(ids)
        if found:
            cols = gaz.cols
            return max(found, key=lambda ids: KIND_BONUS.get(cols["kind"][ids[0]], 0.0)
                       + math.log10(cols["pop"][ids[0]] + 1))  # fmt: skip
    return ()


_WORD = re.compile(r"[A-Z][A-Za-z-]+")


def _generic(word: str, lex: Lexicon) -> bool:
    """A region or settlement word ("District", "Township"): it follows a name, it is not one."""
    return word in lex.region_words or word in lex.settlement_words


def _gap(text: str, tokens: list[Token], j: int) -> str:
    return text[tokens[j - 1].end : tokens[j].start]


def adjective_place(gaz: Gazetteer, target: str) -> int | None:
    """The country (alpha-2) or region (name) a nationality or regional adjective points at."""
    if len(target) == 2 and target.isupper():
        return gaz.country_id(target)
    ids = gaz.ids(canon(target))
    return ids[0] if ids else None
