"""A fast rule-based sentence splitter.

The core only parses sentences that may describe an event, so it must find sentence boundaries without
running spaCy over the whole article. Offsets are kept exact: evidence spans point into the original text.
"""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep rev st mt ft no vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp u.s u.k u.n e.g i.e approx est
    brig pres sr jr hon dept univ ave blvd rd a.m p.m insp supt const dist km""".split()
)

# A period, then space, then the next sentence's first character. Lower case counts too: some feeds and
# corpora are lower-cased, and the abbreviation list keeps "gen. smith" and "p.m. on" together.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\w\u0600-\u06FF])|\n\s*\n|\n(?=\s*[-•*]\s)""")
_WORD_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of sentences, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group().startswith((".",)) and _is_abbreviation(text, match.start()):
            continue
        _append(spans, text, start, end)
        start = end
    _append(spans, text, start, len(text))
    return _split_long_lines(text, spans)


def _is_abbreviation(text: str, period: int) -> bool:
    word = _WORD_BEFORE.search(text, 0, period)
    if not word:
        return False
    token = word.group(1).lower().strip("(\"'“‘")
    if text[period + 1 : period + 2] == "." or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        return True  # "U.S." and "p.m." style initialisms
    # Single capital letters ("J. Smith") and known abbreviations do not end sentences.
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _split_long_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Headlines and datelines end at a single newline without a period; split there too."""
    result: list[tuple[int, int]] = []
    for start, end in spans:
        cursor = start
        for newline in re.finditer(r"\n", text[start:end]):
            cut = start + newline.start()
            _append(result, text, cursor, cut)
            cursor = cut + 1
        _append(result, text, cursor, end)
    return result
