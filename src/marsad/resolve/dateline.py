"""The dateline ("KIRKUK, March 3 (Wire) —"): where and when the report was filed, not where it happened.

Its place is only a fallback for an event's location, and its date is the reference for "yesterday" and
"on Sunday" when the publication date is unknown.
"""

from __future__ import annotations

import re

# Upper-case place names (one or several, "BASRA/KUT"), then an optional date and agency, then a dash;
# or a lower-cased feed's "lucknow: ..." opening.
_UPPER = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*)"
    r"(?:,[ \t]*[A-Za-z]+\.?[ \t]*\d{0,2}(?:,?[ \t]*\d{4})?|,[ \t]*\d{1,2}[ \t]+[A-Za-z]+\.?(?:[ \t]+\d{4})?|,[ \t]*[A-Z][a-z]+)?"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[—–-]{1,2}[ \t]*",
    re.M,
)
_LOWER = re.compile(r"^[ \t]*(?P<place>[a-z][a-z .]{1,30}):[ \t]+", re.M)
_SEARCH_CHARS = 600


def find_dateline(text: str) -> tuple[int, int] | None:
    """The (start, end) span of the dateline near the top of the article, if it has one."""
    head = text[:_SEARCH_CHARS]
    match = _UPPER.search(head) or _LOWER.match(head)
    if match is None:
        return None
    return match.start("place"), match.end()
