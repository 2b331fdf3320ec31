"""Errors marsad raises on purpose. Each says what went wrong, with which input, and how to fix it.

MarsadError
 ├── InputError        bad or unreadable input (empty, binary, wrong encoding, too large, unknown format)
 ├── UnsupportedLanguage  an article in a language marsad does not read yet
 ├── ResolutionError   a place or actor could not be resolved as asked
 ├── StoreError        the event store could not be read or written
 └── ConfigError       a setting, dictionary or overlay file is invalid
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class: everything marsad raises on purpose."""

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class InputError(MarsadError):
    """The input cannot be read as an article."""


class UnsupportedLanguage(InputError):
    """The article is in a language marsad does not read yet."""


class ResolutionError(MarsadError):
    """A place or an actor could not be resolved."""


class StoreError(MarsadError):
    """The event store failed."""


class ConfigError(MarsadError):
    """A setting, dictionary or overlay file is invalid."""
