"""Squares, streets, bridges, markets, checkpoints and neighbourhoods named by a feature word.

ACLED keeps these out of ``location`` (the town is the location) and mentions them in notes; marsad
puts them in ``sublocation``. The feature words and their kinds are in ``data/places/lexicon.yaml``.
"""

from __future__ import annotations

from marsad.model import Sublocation
from marsad.resolve.places.lexicon import Lexicon
from marsad.resolve.places.recognize import CONNECTORS, Token

_MAX_NAME = 4


def find_sublocations(text: str, tokens: list[Token], lex: Lexicon) -> list[Sublocation]:
    """Name + feature word ("Tahrir Square", "Laguna neighborhood") or feature word + name ("Colonia Centro")."""
    out: list[Sublocation] = []
    taken_until = -1
    for i, tok in enumerate(tokens):
        if tok.start < taken_until:
            continue
        kind = lex.sub_before.get(tok.low)
        if kind and tok.cap and i + 1 < len(tokens):
            j = _extend_right(text, tokens, i + 1)
            if j > i + 1:
                out.append(Sublocation(tok.start, tokens[j - 1].end, text[tok.start : tokens[j - 1].end], kind))
                taken_until = tokens[j - 1].end
                continue
        kind = lex.sub_after.get(tok.low)
        if kind and i > 0:
            k = _extend_left(text, tokens, i)
            if k < i:
                start = tokens[k].start
                out.append(Sublocation(start, tok.end, text[start : tok.end], kind))
                taken_until = tok.end
    return out


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return not gap.strip(" -") and "\n" not in gap


def _extend_right(text: str, tokens: list[Token], i: int) -> int:
    j = i
    while j < len(tokens) and j - i < _MAX_NAME and _joined(text, tokens[j - 1], tokens[j]):
        if tokens[j].cap or tokens[j].text[:1].isdigit():
            j += 1
        elif tokens[j].low in CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].cap:
            j += 1
        else:
            break
    while j > i and not tokens[j - 1].cap:
        j -= 1
    return j


def _extend_left(text: str, tokens: list[Token], i: int) -> int:
    k = i
    while k > 0 and i - k < _MAX_NAME and _joined(text, tokens[k - 1], tokens[k]):
        prev = tokens[k - 1]
        if prev.cap and not (prev.initial and i - k >= 1 and False):
            k -= 1
            if prev.initial:
                break
        elif prev.low in CONNECTORS and k - 2 >= 0 and tokens[k - 2].cap and k < i:
            k -= 1
        else:
            break
    while k < i and not tokens[k].cap:
        k += 1
    return k
