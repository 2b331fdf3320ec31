"""marsad: news reports of political violence and unrest in, ACLED-style events with evidence out."""

from marsad._exceptions import (
    ConfigError,
    InputError,
    MarsadError,
    ResolutionError,
    StoreError,
    UnsupportedLanguage,
)
from marsad.model import Actor, Article, Event, Mention, Place, Toponym
from marsad.pipeline import extract

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "Event",
    "InputError",
    "MarsadError",
    "Mention",
    "Place",
    "ResolutionError",
    "StoreError",
    "Toponym",
    "UnsupportedLanguage",
    "extract",
]
