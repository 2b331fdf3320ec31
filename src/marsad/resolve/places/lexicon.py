"""The recognizer's word lists, read from ``data/places/lexicon.yaml`` and ``common_words.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from marsad._exceptions import ConfigError
from marsad.resolve.places.countries import DATA_DIR


@dataclass(frozen=True)
class Lexicon:
    region_words: dict[str, int]
    settlement_words: frozenset[str]
    qualifiers: tuple[tuple[str, ...], ...]  # token sequences, longest first
    sub_after: dict[str, str]
    sub_before: dict[str, str]
    org_words: frozenset[str]
    object_words: frozenset[str]
    speech_verbs: frozenset[str]
    stop_words: frozenset[str]
    common: dict[str, float]  # folded word -> Zipf frequency in general English


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = DATA_DIR / "lexicon.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        quals = sorted((tuple(q.lower().split()) for q in data["qualifiers"]), key=len, reverse=True)
        lex = Lexicon(
            region_words={k.lower(): int(v) for k, v in data["region_words"].items()},
            settlement_words=frozenset(w.lower() for w in data["settlement_words"]),
            qualifiers=tuple(quals),
            sub_after={k.lower(): v for k, v in data["sublocations"]["after"].items()},
            sub_before={k.lower(): v for k, v in data["sublocations"]["before"].items()},
            org_words=frozenset(w.lower() for w in data["organisation_words"]),
            object_words=frozenset(w.lower() for w in data.get("object_words", [])),
            speech_verbs=frozenset(w.lower() for w in data["speech_verbs"]),
            stop_words=frozenset(w.lower() for w in data["stop_words"]),
            common=_common_words(),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ConfigError(f"invalid place lexicon: {exc}", origin=str(path)) from exc
    return lex


def _common_words() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in (DATA_DIR / "common_words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            out[word.lower()] = float(zipf)
    return out
