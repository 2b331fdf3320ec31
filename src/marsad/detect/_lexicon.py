"""Load the trigger lexicon (YAML under ``marsad/data/triggers``) and compile it into regexes.

The lexicon is data so that users can read and extend it; this module only turns its small pattern
language into Python regular expressions once per process and checks it, so that a broken file fails
with a ``ConfigError`` naming the file and the pattern instead of a regex traceback at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from marsad._exceptions import ConfigError
from marsad.detect._anchors import Vocab, anchors_of

GAP = r"(?:\W+\w+){0,4}?\W+"
"""What `...` inside a phrase stands for: up to four other words."""

STRONG, WEAK = 0.9, 0.6
"""Trigger weights: a strong trigger names its sub-event alone, a weak one needs supporting cues."""


Rx = re.Pattern[str]


@dataclass
class PatternIndex:
    """Every pattern of the lexicon under a key ("cue:civilian", "sub:Attack:strong"...), indexed by
    anchor, so that a sentence activates only the patterns whose anchors it contains."""

    exact: dict[str, list[tuple[str, Rx]]] = field(default_factory=dict)
    prefix: dict[str, list[tuple[str, Rx]]] = field(default_factory=dict)
    always: list[tuple[str, Rx]] = field(default_factory=list)

    def add(self, key: str, patterns: list[str], origin: str) -> None:
        """Compile ``patterns`` alone each and file them under ``key`` by their anchors."""
        for item in patterns:
            regex = compile_list([item], origin)
            assert regex is not None
            found = anchors_of(item)
            if not found:
                self.always.append((key, regex))
                continue
            for word, is_prefix in found:
                (self.prefix if is_prefix else self.exact).setdefault(word, []).append((key, regex))

    def active(self, vocab: Vocab) -> dict[str, list[Rx]]:
        """The patterns a text with this vocabulary may match, by key."""
        chosen: dict[str, dict[int, Rx]] = {}
        for key, regex in self.always:
            chosen.setdefault(key, {})[id(regex)] = regex
        for table, keys in ((self.exact, vocab.words), (self.prefix, vocab.prefixes)):
            for word in keys:
                for key, regex in table.get(word, ()):
                    chosen.setdefault(key, {})[id(regex)] = regex
        return {key: list(found.values()) for key, found in chosen.items()}


def finditer(active: dict[str, list[Rx]], key: str, text: str) -> list[re.Match[str]]:
    """Non-empty matches of the active patterns under ``key``, sorted by position."""
    found = [m for regex in active.get(key, ()) for m in regex.finditer(text) if m.end() > m.start()]
    return sorted(found, key=lambda m: (m.start(), -m.end()))


def search(active: dict[str, list[Rx]], key: str, text: str) -> bool:
    """True when an active pattern under ``key`` matches."""
    return any(regex.search(text) for regex in active.get(key, ()))


@dataclass(frozen=True)
class SubEventSpec:
    """One ACLED sub-event type with its compiled triggers."""

    name: str
    event_type: str
    rank: int


@dataclass(frozen=True)
class Lexicon:
    """Everything the detector needs, compiled."""

    sub_events: tuple[SubEventSpec, ...]
    cue_names: tuple[str, ...]
    topics: tuple[str, ...]
    index: PatternIndex
    window_words: int
    prefix_anchors: frozenset[str]
    exact_anchors: frozenset[str]
    anchor_lengths: tuple[int, ...]
    slow_stems: re.Pattern[str] | None
    by_name: dict[str, SubEventSpec] = field(default_factory=dict)


def pattern_to_regex(pattern: str) -> str:
    """Translate one lexicon pattern (syntax in ``cues.yaml``) into a regex source string."""
    if pattern.startswith("re:"):
        return pattern[3:]
    body = pattern.strip()
    body = body.replace(" ... ", "\x00")
    body = re.sub(r"(?<=[\w\)\]])\*", r"\\w*", body)
    body = body.replace(" ?", r"[\s-]*")
    body = body.replace(" ", r"[\s-]+")
    body = body.replace("\x00", GAP)
    return rf"(?<!\w)(?:{body})(?!\w)"


def compile_list(patterns: list[str], origin: str) -> re.Pattern[str] | None:
    """One alternation for a list of patterns; None for an empty list."""
    if not patterns:
        return None
    sources = []
    for item in patterns:
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"pattern must be a non-empty string, got {item!r}", origin=origin)
        source = pattern_to_regex(item)
        try:
            re.compile(source)
        except re.error as exc:
            raise ConfigError(f"invalid pattern {item!r}: {exc}", origin=origin) from exc
        sources.append(source)
    return re.compile("|".join(f"(?:{s})" for s in sources), re.IGNORECASE)


# a group of inter 3 named like this is a party or a movement, not an armed force
_PARTY_WORDS = re.compile(
    r"\b(?:Party|Congress|League|Movement|Conference|Front|Rally|Alliance|Union|Coalition|Council|Platform|Dal|"
    r"Sena|Parishad|Sangh|Morcha|Samithi|Kazhagam|Tehreek|Jamaat|Students?|Federation|Association|Awami)\b"
)


def named_armed_groups() -> list[str]:
    """The actor dictionary's armed groups (rebels, militias that are no party, identity militias) as
    armed cues: "members of Los Zetas delivered food packages" has an armed actor though no cue word
    names one. Acronyms of up to 5 letters match in capitals only, as in the dictionary."""
    from marsad.resolve.actors.dictionary import load  # the actors' data file, read by both stages

    out: set[str] = set()
    for group in load().groups:
        if group.inter not in (2, 3, 4) or (group.inter == 3 and _PARTY_WORDS.search(group.name)):
            continue
        for alias in group.aliases:
            if alias.isupper() and len(alias) <= 5:
                if len(alias) >= 3 and alias.isalpha():
                    out.add(rf"re:\b(?-i:{alias})\b")
            elif len(alias) >= 4:
                out.add(" ".join(re.escape(word) for word in alias.split()))
    return sorted(out)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read trigger lexicon: {exc}", origin=str(path)) from exc
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping at the top level", origin=str(path))
    return data


def default_dir() -> Path:
    """The folder holding the shipped lexicon."""
    return Path(str(resources.files("marsad") / "data" / "triggers"))


def build(directory: Path) -> Lexicon:
    """Compile the lexicon found in ``directory`` (cues.yaml, subevents.yaml, context.yaml)."""
    cues_file, sub_file, ctx_file = (directory / n for n in ("cues.yaml", "subevents.yaml", "context.yaml"))
    cue_data = _read_yaml(cues_file).get("cues") or {}
    sub_data = _read_yaml(sub_file).get("sub_events") or []
    ctx = _read_yaml(ctx_file)
    index = PatternIndex()
    for name, patterns in cue_data.items():
        index.add(f"cue:{name}", list(patterns or []), f"{cues_file}:{name}")
    index.add("cue:armed_group", named_armed_groups(), "actor dictionary: armed groups")
    specs, stems = [], []
    for rank, entry in enumerate(sub_data):
        origin = f"{sub_file}:{entry.get('name', rank) if isinstance(entry, dict) else rank}"
        if not isinstance(entry, dict) or "name" not in entry or "event_type" not in entry:
            raise ConfigError("each sub-event needs `name` and `event_type`", origin=origin)
        for strength in ("strong", "weak"):
            patterns = list(entry.get(strength) or [])
            index.add(f"sub:{entry['name']}:{strength}", patterns, origin)
            stems += patterns
        specs.append(SubEventSpec(entry["name"], entry["event_type"], rank))
    if not stems:
        raise ConfigError("the lexicon defines no triggers", origin=str(sub_file))
    prefix: set[str] = set()
    exact: set[str] = set()
    slow: list[str] = []
    for stem in stems:
        found = anchors_of(stem)
        if found is None:
            slow.append(stem)
            continue
        for word, is_prefix in found:
            (prefix if is_prefix else exact).add(word)
    topics = ctx.get("non_event") or {}
    for topic, patterns in topics.items():
        index.add(f"topic:{topic}", list(patterns or []), f"{ctx_file}:non_event.{topic}")
    for part in ("negation", "hypothetical", "overrides"):
        index.add(f"ctx:{part}", list(ctx.get(part) or []), f"{ctx_file}:{part}")
    return Lexicon(
        sub_events=tuple(specs),
        cue_names=tuple(cue_data),
        topics=tuple(topics),
        index=index,
        window_words=int(ctx.get("window_words", 4)),
        prefix_anchors=frozenset(prefix),
        exact_anchors=frozenset(exact),
        anchor_lengths=tuple(sorted({len(a) for a in prefix})),
        slow_stems=compile_list(slow, f"{sub_file}:stems"),
        by_name={s.name: s for s in specs},
    )


@lru_cache(maxsize=4)
def get_lexicon(directory: str | None = None) -> Lexicon:
    """The compiled lexicon (cached per process): the shipped one, or the one in ``directory``."""
    return build(Path(directory) if directory else default_dir())
