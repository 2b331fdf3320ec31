"""One canonical event from the reports of several outlets. Pure: input the mentions, output the row.

ACLED's rules decide: the highest-precedence type among the reports, the most conservative (lowest)
reported fatality figure, every source joined with "; ". Where outlets disagree on figures the notes say
so, and each outlet's own figure stays on its mention (``Store.event()`` shows them all).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.store.dedup import ActorRef, Facts

PRECEDENCE = (
    "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
    "Strategic developments",
)  # fmt: skip
SUB_PRECEDENCE = (
    "Government regains territory", "Non-state actor overtakes territory", "Armed clash",
    "Excessive force against protesters", "Protest with intervention", "Peaceful protest",
    "Violent demonstration", "Mob violence", "Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade", "Sexual violence",
    "Attack", "Abduction/forced disappearance", "Agreement", "Arrests", "Change to group/activity",
    "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other",
)  # fmt: skip


@dataclass
class Report:
    """One article's version of an event: the extracted record plus where it came from."""

    record: dict[str, Any]  # Event.to_dict() as extracted from that article
    article_key: str
    source: str | None
    url: str | None
    published: date | None = None
    evidence: dict[str, list] = field(default_factory=dict)


def as_date(value: Any) -> date | None:
    """A date from a date or an ISO string (events carry ISO strings, the database hands back dates)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def extracted(evidence: object) -> bool:
    """Evidence from marsad's extractor (every extracted event has an event_type span); a record coded by
    hand has none, and then every actor and type it gives counts as named."""
    return isinstance(evidence, dict) and "event_type" in evidence


def facts(record: dict[str, Any]) -> Facts:
    """The matching view of an event record (an Event dict or a canonical row)."""
    actors = []
    main: list[ActorRef | None] = []
    evidence = record.get("evidence") or {}
    for name_key, inter_key in (("actor1", "inter1"), ("actor2", "inter2")):
        # An actor with no evidence span is a default the extractor filled in ("Unidentified Armed
        # Group" for a report that names nobody): it must not keep reports of one incident apart.
        defaulted = extracted(evidence) and name_key not in evidence
        named = record.get(name_key) and not defaulted
        main.append(ActorRef(record[name_key], record.get(inter_key)) if named else None)
        if main[-1] is not None:
            actors.append(main[-1])
    for assoc in ("assoc_actor_1", "assoc_actor_2"):
        for name in (record.get(assoc) or "").split(";"):
            if name.strip():
                actors.append(ActorRef(name.strip(), None))
    return Facts(
        event_date=as_date(record.get("event_date")),
        time_precision=record.get("time_precision") or 1,
        event_type=record.get("event_type") or "",
        sub_event_type=record.get("sub_event_type") or "",
        country=record.get("country"),
        admin1=record.get("admin1"),
        admin2=record.get("admin2"),
        location=record.get("location"),
        latitude=record.get("latitude"),
        longitude=record.get("longitude"),
        geo_precision=record.get("geo_precision"),
        sublocation=record.get("sublocation"),
        actors=tuple(actors),
        actor1=main[0],
        actor2=main[1],
        device_known=device_known(record),
        report_locations=tuple(record.get("report_locations") or ()),
        report_sub_types=tuple(record.get("report_sub_types") or ()),
    )


def device_known(record: dict[str, Any]) -> bool:
    """Does the record's sub-event type rest on words naming the device? An extracted explosion with no
    sub-event evidence span was typed from "bombing" or "blast" alone (assemble); hand-coded ones count."""
    evidence = record.get("evidence") or {}
    return not (extracted(evidence) and record.get("event_type") == "Explosions/Remote violence"
                and "sub_event_type" not in evidence)  # fmt: skip


def _names_device(report: Report) -> bool:
    return device_known({**report.record, "evidence": report.evidence or report.record.get("evidence")})


def _rank(value: str | None, order: Sequence[str]) -> int:
    return order.index(value) if value in order else len(order)


def _reported(reports: Sequence[Report], name: str) -> list[tuple[int, Report]]:
    """Figures an outlet actually reported: non-zero, or zero with evidence ("no one was hurt")."""
    found = []
    for report in reports:
        value = report.record.get(name)
        if value is None:
            continue
        if value > 0 or report.evidence.get(name):
            found.append((int(value), report))
    return found


def _actor_specificity(report: Report) -> tuple[int, int]:
    """Actors the text names over defaults the extractor filled in (no evidence span: a default stored as
    the canonical actor would read as a named side to every later report); then named over "unidentified"."""
    evidence = report.evidence or report.record.get("evidence") or {}
    from_text = extracted(evidence)
    named = score = 0
    for key in ("actor1", "actor2"):
        name = (report.record.get(key) or "").lower()
        if name:
            points = 1 if name.startswith(("unidentified", "unknown")) else 2
            score += points
            named += 0 if from_text and key not in evidence else points
    return named, score


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def merge(reports: Sequence[Report]) -> dict[str, Any]:
    """The canonical event fields (ACLED columns and extras, no event_id) for one or more reports."""
    if not reports:
        raise ValueError("an event needs at least one report")
    ordered = sorted(reports, key=lambda r: (r.published or date.max, r.article_key))
    # A report that names the device types the explosion before one that only says "bombing".
    typed = min(ordered, key=lambda r: (_rank(r.record.get("event_type"), PRECEDENCE), not _names_device(r),
                                        _rank(r.record.get("sub_event_type"), SUB_PRECEDENCE)))  # fmt: skip
    placed = min(ordered, key=lambda r: (r.record.get("geo_precision") or 9, r.record.get("sublocation") is None,
                                         r.record.get("latitude") is None))  # fmt: skip
    acting = max(ordered, key=_actor_specificity)
    dated = min(ordered, key=lambda r: r.record.get("time_precision") or 9)
    precise_days = Counter(r.record.get("event_date") for r in ordered
                           if r.record.get("time_precision") == dated.record.get("time_precision"))  # fmt: skip
    event_date = min(precise_days.items(), key=lambda kv: (-kv[1], kv[0] or ""))[0]

    row: dict[str, Any] = {
        "event_date": event_date,
        "time_precision": dated.record.get("time_precision") or 1,
        "event_type": typed.record["event_type"],
        "sub_event_type": typed.record["sub_event_type"],
        "civilian_targeting": typed.record.get("civilian_targeting"),
        "plover": typed.record.get("plover") or {},
        "cameo": typed.record.get("cameo"),
        "attribution": typed.record.get("attribution"),
        "certainty": typed.record.get("certainty") or "reported",
    }
    for key in ("actor1", "inter1", "actor2", "inter2"):
        row[key] = acting.record.get(key)
    main = {row["actor1"], row["actor2"]}
    for key in ("assoc_actor_1", "assoc_actor_2"):
        names: list[str] = []
        for report in [acting, *ordered]:
            for name in (report.record.get(key) or "").split(";"):
                name = name.strip()
                if name and name not in names and name not in main:
                    names.append(name)
        row[key] = "; ".join(names) or None
    row["interaction"] = _interaction(row["inter1"], row["inter2"])
    for key in ("iso", "country", "admin1", "admin2", "location", "latitude", "longitude",
                "geo_precision", "geonameid"):  # fmt: skip
        row[key] = placed.record.get(key)
    row["sublocation"] = placed.record.get("sublocation") or next(
        (r.record["sublocation"] for r in ordered if r.record.get("sublocation")), None
    )

    sources: list[str] = []
    for report in ordered:
        for name in (report.source or report.record.get("source") or "").split(";"):
            if name.strip() and name.strip() not in sources:
                sources.append(name.strip())
    row["source"] = "; ".join(sources) or None
    row["n_sources"] = len({r.article_key for r in reports})
    row["article_id"] = ordered[0].article_key
    row["url"] = ordered[0].url

    fatalities = _reported(ordered, "fatalities")
    row["fatalities"] = min(v for v, _ in fatalities) if fatalities else 0
    for name in ("injuries", "arrests"):
        figures = _reported(ordered, name)
        row[name] = min(v for v, _ in figures) if figures else None
    notes = typed.record.get("notes") or ""
    if len({v for v, _ in fatalities}) > 1:
        told = ", ".join(f"{v} ({r.source or r.article_key})" for v, r in fatalities)
        notes = f"{notes} [Fatalities reported: {told}; lowest figure coded.]".strip()
    row["notes"] = notes
    return row
