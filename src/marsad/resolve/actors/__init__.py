"""Actors: who did what to whom, named the way ACLED names them.

``get_resolver()`` returns the process-wide :class:`ActorResolver`: ``mentions(text)`` finds every actor
named in an article (dictionary groups, generic roles with their nationality, unknown named groups),
``roles(doc, offset, trigger, sub_event_type, mentions, country=...)`` assigns actor 1 / actor 2 /
associated actors for one event, ``localise`` and ``lookup`` name and find actors. The dictionary is
data: ``marsad/data/actors/{groups/*.yaml, roles.yaml, states.yaml}``.
"""

from marsad.resolve.actors.resolver import ActorResolver, get_resolver, resolver_from_files
from marsad.resolve.actors.rules import civilian_targeting, kind

__all__ = ["ActorResolver", "civilian_targeting", "get_resolver", "kind", "resolver_from_files"]
