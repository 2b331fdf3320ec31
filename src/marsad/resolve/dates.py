"""Event dates: explicit, partial and relative date expressions, with ACLED's time precision.

Regular expressions rather than a general date parser: news reports use a small set of forms, and these
run in microseconds per sentence. A partial date ("January 14") takes its year from the publication date
(the latest such date not after publication); relative forms ("yesterday", "on Sunday", "two days ago")
count back from the publication date. ACLED's precision: 1 a day, 2 a week or "around"/"as reported",
3 a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],  # fmt: skip
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY_RANGE = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*)?"
_VAGUE = r"(?P<vague>around|about|approximately|circa|as\s+repor?ted\s+on|reported\s+on|by)?\s*"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_VAGUE}(?:on\s+)?(?:the\s+night\s+of\s+)?{_DAY_RANGE}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("mdy", re.compile(rf"\b{_VAGUE}(?:on\s+)?{_MONTH}\s+{_DAY}\b(?!\s*(?:%|per|people|km|kilomet|miles))(?:,?\s+{_YEAR})?", re.I)),
    ("my", re.compile(rf"\b(?P<early>early|mid|late|earlier\s+in|in)?\s*{_MONTH}\s+{_YEAR}\b", re.I)),
    # "In May" with no year: the month before publication, mid-month, precision 3 ("may" the verb is
    # lower-case, so the month must be capitalised here).
    ("month", re.compile(r"\b(?:[Ii]n|[Ee]arly|[Ll]ate|[Mm]id-?)\s+(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)")),
    # "overnight into Wednesday": the weekday dates the event, not the publication day "overnight" means alone.
    ("weekday", re.compile(r"\b(?:overnight\s+(?:into|to)\s+)?(?P<last>last\s+|on\s+|this\s+past\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("weekend", re.compile(r"\b(?:(?:over|during|at|on)\s+)?(?:the|this|last)\s+weekend(?:'s)?\b|\bweekend(?:'s)?\s+(?=\w)", re.I)),
    ("ago", re.compile(r"\b(?P<count>\d+|one|two|three|four|five|six|seven|a|an)\s+(?P<unit>days?|weeks?|nights?)\s+ago\b", re.I)),
    # "a day earlier", "two days before", "the previous night": counted back from the date told just before
    ("earlier", re.compile(r"\b(?:(?P<count>\d+|one|two|three|four|five|six|seven|a)\s+(?:days?|nights?)\s+(?:earlier|before)\b(?!\s+(?:the|a|an|his|her|their|its)\b)|the\s+(?:previous|preceding)\s+(?:day|night|evening)\b|the\s+day\s+before\b(?!\s+yesterday))", re.I)),
    ("relative", re.compile(r"\b(?P<word>yesterday|the\s+day\s+before\s+yesterday|today|tonight|last\s+night|overnight|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|(?:earlier|late|last)\s+this\s+week|last\s+week|this\s+week|earlier\s+this\s+month|last\s+month|this\s+month|around\s+midnight|at\s+midnight)\b", re.I)),
]  # fmt: skip

_RELATIVE = {
    "yesterday": (-1, 1), "the day before yesterday": (-2, 1), "today": (0, 1), "tonight": (0, 1),
    "last night": (-1, 1), "overnight": (0, 1), "this morning": (0, 1), "this afternoon": (0, 1),
    "this evening": (0, 1), "earlier today": (0, 1), "around midnight": (0, 1), "at midnight": (0, 1),
    "earlier this week": (-3, 2), "late this week": (-1, 2), "last this week": (-3, 2), "last week": (-7, 2),
    "this week": (-3, 2), "earlier this month": (-10, 3), "last month": (-30, 3), "this month": (-10, 3),
}  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text, resolved to a day with ACLED's time precision."""

    start: int
    end: int
    value: date
    precision: int
    explicit: bool  # the text names the day (or month) itself, not relative to publication


def find_dates(
    text: str, published: date | None = None, *, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """All date expressions in text[start:end], resolved against the publication date when needed."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text, start, end):
            span = (match.start(), match.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            mention = _counted_back(match, found, published) if kind == "earlier" else _resolve(kind, match, published, text)
            if mention is not None:
                found.append(mention)
                taken.append(span)
    return sorted(found, key=lambda m: m.start)


ANCHOR_CHARS = 300
"""How far back a date may be to anchor "a day earlier" (about two sentences); else publication."""


def _counted_back(m: re.Match[str], found: list[DateMention], published: date | None) -> DateMention | None:
    """'The army said on Wednesday that it had killed him a day earlier': one day before the date told
    last (or before publication when none is near)."""
    count = (m.group("count") or "one").lower()
    days = int(count) if count.isdigit() else NUMBER_WORDS.get(count, 1)
    near = [d for d in found if d.end <= m.start() and m.start() - d.end <= ANCHOR_CHARS]
    anchor = max(near, key=lambda d: d.end) if near else None
    if anchor is None and published is None:
        return None
    base, precision = (anchor.value, anchor.precision) if anchor else (published, 1)
    return DateMention(m.start(), m.end(), base - timedelta(days=days), precision, explicit=False)  # type: ignore[operator]


def _resolve(kind: str, m: re.Match[str], published: date | None, text: str) -> DateMention | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    vague = bool(groups.get("vague")) and groups["vague"].lower() != "by"
    if kind in ("iso", "dmy", "mdy"):
        month = int(groups["month"]) if kind == "iso" else MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        year = int(groups["year"]) if "year" in groups else _infer_year(month, day, published)
        if year is None:
            return None
        try:
            value = date(year, month, day)
        except ValueError:
            return None
        # "As reported on 2 May", "Around 9 May", "(or around)": ACLED codes these with precision 2.
        tail = text[m.end() : m.end() + 40].lower()
        if "(or around)" in tail or "(as reported)" in tail:
            vague = True
        return DateMention(m.start(), m.end(), value, 2 if vague else 1, explicit=True)
    if kind == "my":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        year = int(groups["year"])
        edge = (groups.get("early") or "").lower()
        day = 1 if edge == "early" else 28 if edge == "late" else 15
        return DateMention(m.start(), m.end(), date(year, month, day), 3, explicit=True)
    if published is None:
        return None
    if kind == "month":
        month = MONTHS[groups["month"].lower()]
        year = _infer_year(month, 1, published)
        return DateMention(m.start(), m.end(), date(year or published.year, month, 15), 3, explicit=False)
    if kind == "weekday":
        target = WEEKDAYS.index(groups["weekday"].lower())
        back = (published.weekday() - target) % 7
        if groups.get("last", "").strip().lower() == "last" and back == 0:
            back = 7
        return DateMention(m.start(), m.end(), published - timedelta(days=back), 1, explicit=False)
    if kind == "weekend":
        # The latest Saturday not after publication; a weekend is a two-day span, so precision 2.
        back = (published.weekday() - 5) % 7
        return DateMention(m.start(), m.end(), published - timedelta(days=back), 2, explicit=False)
    if kind == "ago":
        count = groups["count"].lower()
        n = int(count) if count.isdigit() else NUMBER_WORDS[count]
        unit = groups["unit"].lower()
        days = n * 7 if unit.startswith("week") else n
        return DateMention(m.start(), m.end(), published - timedelta(days=days), 2 if unit.startswith("week") else 1, explicit=False)
    if kind == "relative":
        offset, precision = _RELATIVE[re.sub(r"\s+", " ", groups["word"].lower())]
        return DateMention(m.start(), m.end(), published + timedelta(days=offset), precision, explicit=False)
    return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year that puts month/day on or before publication (a few days of slack for time zones)."""
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + timedelta(days=2):
            return year
    return published.year - 1


def pick_event_date(
    sentence_dates: list[DateMention], context_dates: list[DateMention], published: date | None
) -> tuple[date | None, int, tuple[int, int] | None]:
    """The event's date: the sentence's own date, else the nearest earlier date in the article, else publication.

    Returns (date, time_precision, evidence span or None).
    """
    for pool in (sentence_dates, context_dates):
        if pool:
            chosen = pool[0]
            return chosen.value, chosen.precision, (chosen.start, chosen.end)
    if published is not None:
        return published, 1, None
    return None, 1, None
