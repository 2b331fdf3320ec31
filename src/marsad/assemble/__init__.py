"""Assemble: mentions grouped into ACLED events, with notes, ids, sourcing and evidence."""

from marsad.assemble.build import assemble

__all__ = ["assemble"]
