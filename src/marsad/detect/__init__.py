"""Event detection: does a sentence report a political-violence or unrest event, and of which ACLED type?

Rules over a trigger lexicon (``marsad/data/triggers/*.yaml``, readable and extendable by users):
``prefilter`` rules most sentences out with one regex; ``classify`` decides ACLED's event type and
sub-event type per sentence following the codebook's definitions and precedence.
"""

from marsad.detect._api import (
    PRECEDENCE,
    Detection,
    classify,
    event_type_of,
    family,
    names_device,
    prefilter,
    rank,
    top_detection,
)
from marsad.detect._lexicon import get_lexicon

__all__ = [
    "PRECEDENCE",
    "Detection",
    "classify",
    "event_type_of",
    "family",
    "get_lexicon",
    "names_device",
    "prefilter",
    "rank",
    "top_detection",
]
