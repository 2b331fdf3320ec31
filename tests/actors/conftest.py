"""Shared fixtures: the spaCy pipeline and the actor resolver, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from marsad.model import Roles
from marsad.resolve.actors import ActorResolver, get_resolver


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return get_resolver()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from marsad.nlp.parser import load

    return load()


@pytest.fixture(scope="session")
def roles_of(resolver: ActorResolver, nlp) -> Callable[..., Roles]:  # type: ignore[no-untyped-def]
    """Roles of the event triggered by ``trigger`` (a word of the sentence) in a one-sentence text."""

    def run(text: str, trigger: str, sub_event_type: str, country: str | None = None, **kw) -> Roles:  # type: ignore[no-untyped-def]
        start = text.index(trigger)
        doc = nlp(text)
        mentions = resolver.mentions(text, country=country)
        return resolver.roles(doc, 0, (start, start + len(trigger)), sub_event_type, mentions, country=country, **kw)

    return run
