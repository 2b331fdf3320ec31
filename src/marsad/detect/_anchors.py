"""Anchors: the words any match of a trigger pattern must start a word with.

They make the detector cheap: the prefilter is set lookups of a sentence's words against all
anchors, and the classifier runs only the patterns whose anchors occur in the sentence (a few dozen
of the lexicon's ~1,500), instead of scanning every sentence with every pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = re.compile(r"\w+")
MAX_PREFIX = 16


@dataclass(frozen=True)
class Vocab:
    """The words of a text and all their prefixes (lower case)."""

    words: frozenset[str]
    prefixes: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocab:
        words = frozenset(_WORDS.findall(text.lower()))
        prefixes = frozenset(w[:n] for w in words for n in range(2, min(len(w), MAX_PREFIX) + 1))
        return cls(words, prefixes)


_LEAD = re.compile(r"^(?:\\b|\(\?<[=!][^)]*\)|\(\?-i:|\(\?i:|\^)+")
_LITERAL = re.compile(r"^[a-z0-9_]+", re.IGNORECASE)
GENERIC = frozenset(
    "a an the in on of to at by for from with new set sets take took taken down force sent security group "
    "without human making open went small road found build cross land hand process movement justice "
    "control anti air police military general have held over off while away back re".split()
)
"""Common words the prefilter should not anchor on when a pattern offers a rarer word."""

Anchor = tuple[str, bool]
"""A word (or word prefix when the flag is True) that every match of a trigger starts a word with."""


def _anchor(token: str, prefix_after: bool) -> Anchor | None:
    m = _LITERAL.match(token)
    if not m:
        return None
    rest = token[m.end():]
    ends_word = rest == "" or rest.startswith(("\\b", "-", "'", " ", "\\s", "\\W", ")"))
    is_prefix = prefix_after or not ends_word
    if rest[:1] == "?" or rest[:2] in ("*?",):
        word = m.group()[:-1]
        return (word.lower(), True) if len(word) >= 2 else None
    return (m.group().lower(), is_prefix)


def anchors_of(pattern: str) -> set[Anchor] | None:
    """Anchors of one trigger pattern (exact words or word prefixes); None when none can be read.

    The prefilter only checks these (set lookups per word), so it stays cheap whatever the size of
    the lexicon; patterns whose anchors cannot be read go to a slower regex path.
    """
    if pattern.startswith("re:"):
        body = _LEAD.sub("", pattern[3:])
        if body.startswith("(?:"):
            depth, end = 0, -1
            for i, ch in enumerate(body):
                depth += ch == "(" and (i == 0 or body[i - 1] != "\\")
                depth -= ch == ")" and body[i - 1] != "\\"
                if depth == 0:
                    end = i
                    break
            if end < 0 or body[end + 1:end + 2] in ("?", "*"):
                return None
            after = body[end + 1:]
            open_end = not after.startswith(("\\b", " ", "\\s", "(?!", "-"))
            found = [_anchor(alt, open_end) for alt in body[3:end].split("|")]
            if any(f is None or len(f[0]) < 2 for f in found):
                return None
            return {f for f in found if f}
        found_one = _anchor(body, False)
        return {found_one} if found_one and len(found_one[0]) >= 2 else None
    if pattern.startswith(("(", "[", ".")):
        return None
    tokens = pattern.replace(" ... ", " ").split(" ")
    candidates: list[Anchor] = []
    depth = 0
    for i, token in enumerate(tokens):
        joined_before = i > 0 and token.startswith("?")
        joined_after = i + 1 < len(tokens) and tokens[i + 1].startswith("?")
        if depth == 0 and token and not joined_before and token[0].isalnum():
            found = _anchor(token, joined_after)
            if found and len(found[0]) >= 2:
                candidates.append(found)
        depth += token.count("(") - token.count(")")
    if not candidates:
        return None
    rare = [c for c in candidates if c[0] not in GENERIC] or candidates
    exact = [c for c in rare if not c[1] and len(c[0]) > 3] or rare
    return {max(exact, key=lambda c: len(c[0]))}


