"""A token n-gram index over every alias: one pass over an article finds all dictionary matches.

Aliases and text are cut into the same word tokens (letters and digits; hyphens, apostrophes and
punctuation only separate), folded to lower case without diacritics, so "al-Shabaab", "Al Shabaab" and
"AL-SHABAAB" meet. Short all-capital acronyms ("AA", "PDF", "IS") match only when written in capitals,
so ordinary words are not taken for groups. At each token the longest alias starting there wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_BREAK = re.compile(r"[.,;:!?\n\"“”]")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True)
class Target:
    """What an alias points at: ("group", index into the group list) or ("role", role key)."""

    kind: str
    ref: str | int
    acronym: str | None = None  # the capitalised form the text must show, for short acronyms
    proper: bool = False  # a proper name: the text must capitalise its first letter


@dataclass(frozen=True)
class Match:
    start_token: int
    end_token: int  # exclusive
    targets: tuple[Target, ...]


def fold(word: str) -> str:
    """Lower case without diacritics or tatweel; Arabic 'al-' kept (it is part of many names)."""
    decomposed = unicodedata.normalize("NFKD", word.replace("\u0640", ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text)]


def _is_acronym(alias: str) -> bool:
    """All-capital ("PDF") or mixed-case ("LeT", "JeM") short names: ordinary words otherwise."""
    letters = [c for c in alias if c.isalpha()]
    if not 2 <= len(letters) <= 5 or " " in alias.strip():
        return False
    return all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])


class AliasIndex:
    """Maps token tuples to targets; built once, then matched against any number of texts."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[Target]] = {}
        self._longest: dict[str, int] = {}

    def add(self, alias: str, target: Target) -> None:
        key = tuple(t.norm for t in tokenize(alias))
        if not key:
            return
        if _is_acronym(alias):
            target = Target(target.kind, target.ref, acronym="".join(t.text for t in tokenize(alias)), proper=target.proper)
        bucket = self._entries.setdefault(key, [])
        if target not in bucket:
            bucket.append(target)
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def add_all(self, aliases: Iterable[str], target: Target) -> None:
        for alias in aliases:
            self.add(alias, target)

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, tokens: list[Token], text: str) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match] = []
        i, n = 0, len(tokens)
        while i < n:
            longest = self._longest.get(tokens[i].norm, 0)
            found = None
            for length in range(min(longest, n - i), 0, -1):
                key = tuple(t.norm for t in tokens[i : i + length])
                targets = self._entries.get(key)
                if not targets:
                    continue
                written = "".join(t.text for t in tokens[i : i + length])
                usable = tuple(
                    t for t in targets
                    if (t.acronym is None or t.acronym == written) and (not t.proper or tokens[i].text[:1].isupper())
                )  # fmt: skip
                if usable and _contiguous(tokens, text, i, length):
                    found = Match(i, i + length, usable)
                    break
            if found:
                out.append(found)
                i = found.end_token
            else:
                i += 1
        return out


def _contiguous(tokens: list[Token], text: str, i: int, length: int) -> bool:
    """An alias must not run across a sentence break or a comma ("police. Soldiers", "army, police")."""
    for j in range(i, i + length - 1):
        gap = text[tokens[j].end : tokens[j + 1].start]
        if len(gap) > 3 or _BREAK.search(gap):
            return False
    return True
