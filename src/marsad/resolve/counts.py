"""Fatalities, injuries and arrests in a sentence, by ACLED's counting rules.

Each number in the sentence is tied to the nearest outcome word: one right before it ("killing 6",
"injured five others") or the first one after it within a short window ("12 militants including 2
commanders were killed"). Ranges and conflicting figures take the lowest; "dozens" is 12, "hundreds" 100,
"several"/"a few" 3, "many" 10 (ACLED's codebook); injuries never count as fatalities; numbers introduced
by "including" are a subset and are not added again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_DATA = Path(__file__).resolve().parent.parent / "data" / "counts.yaml"


def _load() -> dict[str, object]:
    with _DATA.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


_LEX = _load()
UNITS: dict[str, int] = _LEX["numbers"]  # type: ignore[assignment]
VAGUE: dict[str, int] = _LEX["vague_quantities"]  # type: ignore[assignment]
OUTCOMES: dict[str, list[str]] = _LEX["outcomes"]  # type: ignore[assignment]
NOMINAL_ONLY: frozenset[str] = frozenset(OUTCOMES.pop("nominal_only", []))
PERSON_NOUNS: frozenset[str] = frozenset(_LEX["person_nouns"])  # type: ignore[arg-type]
ANIMALS: frozenset[str] = frozenset(_LEX["animals"])  # type: ignore[arg-type]
_OUTCOME_OF = {word: kind for kind, words in OUTCOMES.items() for word in words}

# "25-year-old" and "82mm" are words, not figures: a number token must not run into letters.
_TOKEN = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w-])|\d[\w-]*|[A-Za-z]+(?:[-'][A-Za-z]+)*|[.;:!?(),]")
_CLAUSE_BREAK = frozenset({".", ";", ":", "!", "?", "while", "but", "whereas", "after", "before", "when"})
_RANGE_JOINERS = frozenset({"to", "or"})
_WINDOW = 8


@dataclass
class Counts:
    """Outcome figures of one sentence, each with the spans that support it."""

    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    evidence: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def add(self, kind: str, value: int, span: tuple[int, int]) -> None:
        current = getattr(self, kind)
        setattr(self, kind, value if current is None else current + value)
        self.evidence.setdefault(kind, []).append(span)


@dataclass
class _Token:
    text: str
    lower: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _number_at(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """(value, tokens consumed) for a number expression starting at token i, else None."""
    word = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if word[0].isdigit():
        if _is_year(tokens, i) or _is_day_of_month(tokens, i):
            return None
        try:
            return int(float(word.replace(",", ""))), 1
        except ValueError:
            return None
    if word in ("a", "an") and nxt in ("dozen", "few", "handful"):
        return VAGUE[f"a {nxt}"], 2
    if word in VAGUE and word not in ("a", "an"):
        # "dozens of people", "wounding dozens": a quantity; "hundreds" alone elsewhere is not a count.
        if word in _BARE_VAGUE and nxt != "of" and nxt not in PERSON_NOUNS and _preceding_outcome(tokens, i) is None:
            return None
        return VAGUE[word], 1
    if "-" in word:
        parts = word.split("-")
        if all(p in UNITS for p in parts):
            return sum(UNITS[p] for p in parts), 1
    if word in UNITS:
        return UNITS[word], 1
    if word in ("a", "an", "one") and _person_follows(tokens, i + 1):
        return 1, 1
    if word in ("the", "his", "her", "their") and _single_person_follows(tokens, i + 1):
        return 1, 1  # "the victim died", "the officer was killed"
    return None


_BARE_VAGUE = frozenset({"dozens", "hundreds", "thousands", "scores", "some", "few", "many", "several"})
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def _is_year(tokens: list[_Token], i: int) -> bool:
    """'9 May 2020', 'in 2019': a year is never a count."""
    word = tokens[i].lower
    if not (len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100):
        return False
    prev = tokens[i - 1].lower if i else ""
    return prev in _MONTHS or prev in ("in", "since", "of", "until", "year", "from", "and", "to", "by", "early", "late", "mid") or (
        i >= 2 and tokens[i - 2].lower in _MONTHS
    )


def _is_day_of_month(tokens: list[_Token], i: int) -> bool:
    """'March 3', '3 March', '3rd of May': a day of the month is never a count."""
    prev = tokens[i - 1].lower if i else ""
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
    return prev in _MONTHS or nxt in _MONTHS or (nxt == "of" and after in _MONTHS)


def _person_follows(tokens: list[_Token], i: int) -> bool:
    """'a man', 'a young woman', 'a police officer': an article counting one person."""
    # "a police checkpoint": after an article, "police" modifies a noun; "a police officer" has its own.
    return any(t.lower in PERSON_NOUNS and t.lower != "police" for t in tokens[i : i + 3])


_PLURAL_PERSONS = frozenset({"people", "police", "personnel", "children", "men", "women", "policemen", "gunmen", "troops"})


def _single_person_follows(tokens: list[_Token], i: int) -> bool:
    """'the victim died': a singular person noun right after the determiner, then an outcome word."""
    if i >= len(tokens):
        return False
    noun = tokens[i].lower
    if noun not in PERSON_NOUNS or noun.endswith("s") or noun in _PLURAL_PERSONS:
        return False
    return any(_outcome(t) for t in tokens[i + 1 : i + 4])


_AUXILIARIES = frozenset({"was", "were", "been", "be", "being", "are", "is", "got", "get"})
_VERB_FILLERS = frozenset({"shot", "and", ",", "reportedly", "allegedly", "later", "also", "fatally", "brutally",
                           "then", "subsequently", "all"})  # fmt: skip
_OBJECT_STARTS = frozenset({"a", "an", "the", "his", "her", "their", "two", "three", "four", "five", "one",
                            "him", "them", "several", "dozens", "at"})  # fmt: skip


def _active_verb(tokens: list[_Token], j: int) -> bool:
    """'8 gunmen killed two civilians': the figure counts the agents, not the victims."""
    if not tokens[j].lower.endswith("ed") or j + 1 >= len(tokens):
        return False
    k = j - 1
    while k >= 0 and tokens[k].lower in _VERB_FILLERS:
        k -= 1
    if k >= 0 and tokens[k].lower in _AUXILIARIES:
        return False  # passive: "were shot and killed"
    following = tokens[j + 1]
    return following.lower in _OBJECT_STARTS or following.lower[0].isdigit() or following.lower in PERSON_NOUNS


def _outcome(token: _Token) -> str | None:
    return _OUTCOME_OF.get(token.lower)


# An explicit tally ("fatalities were recorded as 2", "deaths put at 40") is the figure a report settles
# on after giving others, so it overrides them.
_TALLY = re.compile(
    r"\b(?:fatalit(?:y|ies)|deaths?|death toll)\s+(?:were\s+|was\s+|are\s+|is\s+)?"
    r"(?:coded|recorded|counted|confirmed|put|set|given|reported|estimated)\s+(?:as|at)\s+(?P<n>\d+)\b"
    # a total shared out over several events, with each one's share given: "split across 2 events (3)"
    r"|\bsplit\s+(?:across|over|between|among)\s+\d+\s+(?:events|locations|days|places)\s*\((?P<share>\d+)\)",
    re.I,
)


def tally(text: str, start: int = 0, end: int | None = None) -> tuple[int, tuple[int, int]] | None:
    """The last explicit fatality tally in text[start:end], with its span."""
    found = list(_TALLY.finditer(text, start, len(text) if end is None else end))
    if not found:
        return None
    last = found[-1]
    group = "n" if last.group("n") else "share"
    return int(last.group(group)), (last.start(group), last.end(group))


def count_outcomes(text: str, start: int = 0, end: int | None = None) -> Counts:
    """Fatalities, injuries and arrests reported in text[start:end] (offsets are into text)."""
    end = len(text) if end is None else end
    tokens = _tokens(text, start, end)
    counts = Counts()
    skip_until = -1
    i = 0
    while i < len(tokens):
        if i <= skip_until:
            i += 1
            continue
        number = _number_at(tokens, i)
        if number is None:
            i += 1
            continue
        value, width = number
        # A range or alternative ("5 to 10", "5 or 6", "between 5 and 10"): keep the lowest figure.
        after = i + width
        if after + 1 < len(tokens) and (
            tokens[after].lower in _RANGE_JOINERS
            or (tokens[after].lower == "and" and i > 0 and tokens[i - 1].lower == "between")
        ):
            other = _number_at(tokens, after + 1)
            if other is not None:
                value = min(value, other[0])
                width = after + 1 + other[1] - i
        if i > 0 and tokens[i - 1].lower == "including":
            i += width
            continue
        if i + width < len(tokens) and tokens[i + width].lower in ANIMALS:
            i += width  # "killed 15 livestock": counts people only
            continue
        kind = _preceding_outcome(tokens, i)
        if kind is None:
            kind = _following_outcome(tokens, i + width)
        if kind is not None and not _negated(tokens, i):
            counts.add(kind, value, (tokens[i].start, tokens[i + width - 1].end))
        skip_until = i + width - 1
        i += width
    _no_one(tokens, counts)
    return counts


def _preceding_outcome(tokens: list[_Token], i: int) -> str | None:
    """'killing 6', 'wounded at least five', 'arrested some 20': the outcome word just before the number."""
    j = i - 1
    while j >= 0 and tokens[j].lower in ("at", "least", "some", "about", "around", "nearly", "almost",
                                          "over", "more", "than", "up", "as", "many", "another", "of",
                                          "the", "lives", "an", "estimated", "approximately", "to", "rose",
                                          "risen", "climbed", "reached", "stood", "stands", "has",
                                          "had", "now", "increased"):  # fmt: skip
        j -= 1
    if j >= 0 and i - j <= 4:
        kind = _outcome(tokens[j])
        if kind and tokens[j].lower not in NOMINAL_ONLY:
            return kind
    # "The death toll from Monday's bombing rose to 15": the toll may stand several words back, further
    # still when a toll verb sits right before the number ("...of a convoy of engineers outside the
    # airport rose to three").
    toll_verb = i >= 2 and tokens[i - 1].lower in ("to", "at", "reached") and tokens[i - 2].lower in (
        "rose", "risen", "climbed", "increased", "reached", "stood", "stands", "jumped", "to")
    for k in range(i - 1, max(-1, i - (24 if toll_verb else 12)), -1):
        if tokens[k].lower in _CLAUSE_BREAK:
            break
        if tokens[k].lower == "toll":
            return "fatalities"
    return None


def _following_outcome(tokens: list[_Token], i: int) -> str | None:
    """'12 militants ... were killed', '3 dead': the first outcome word after the number, same clause."""
    subset = False
    for j in range(i, min(i + _WINDOW, len(tokens))):
        token = tokens[j]
        if token.lower in _CLAUSE_BREAK:
            return None
        if token.lower in ("including", "among"):
            subset = True  # "12 militants including 2 commanders were killed": skip the subset's figure
            continue
        if _is_figure(token) and not subset:
            if j > i and tokens[j - 1].lower in ("and", ","):
                continue  # "2 rebels and 1 soldier were killed": both figures share the outcome
            return None
        kind = _outcome(token)
        if kind:
            return None if _active_verb(tokens, j) else kind
    return None


def _is_figure(token: _Token) -> bool:
    return token.lower[0].isdigit() and not any(c.isalpha() for c in token.lower) or (
        token.lower in UNITS and token.lower not in ("a", "an")
    )


def _negated(tokens: list[_Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].lower in ("no", "not", "none", "zero")


def _no_one(tokens: list[_Token], counts: Counts) -> None:
    """'no one was killed', 'no casualties': an explicit zero is still a reported figure."""
    for i, token in enumerate(tokens[:-1]):
        if token.lower in ("no", "nobody") or (token.lower == "no" and tokens[i + 1].lower == "one"):
            for later in tokens[i + 1 : i + 5]:
                kind = _outcome(later)
                if kind == "fatalities" and counts.fatalities is None:
                    counts.fatalities = 0
                    counts.evidence.setdefault(kind, []).append((token.start, later.end))
                    break
