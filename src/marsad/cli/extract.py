"""`marsad extract`: articles in, events out, as a table, JSON, JSONL or ACLED-ordered CSV."""

from __future__ import annotations

import csv
import json
import sys
import textwrap

import click

from marsad.model import Event

FORMATS = ("table", "json", "jsonl", "csv")


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date for inputs that carry none.")
@click.option("--source", help="Source (outlet) name for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format [default: table on a terminal, else jsonl].")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Run on Dask: 'local' for a local process pool, or a scheduler address (tcp://host:8786).")
def extract(paths: tuple[str, ...], published, source: str | None, fmt: str | None, jobs: int, dask_address: str | None) -> None:  # type: ignore[no-untyped-def]
    """Extract events from PATHS (text, HTML, JSON, JSONL, RSS/Atom; a folder takes every file; - is stdin)."""
    from marsad._exceptions import InputError
    from marsad.ingest import read_paths
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    items = list(read_paths(list(paths) or ["-"], published=published.date() if published else None, source=source))
    articles = [a for a in items if isinstance(a, Article)]
    failures = [e for e in items if isinstance(e, InputError)]
    for error in failures:
        click.echo(f"marsad: skipped {error}", err=True)
    events: list[Event] = []
    if dask_address:
        from marsad.batch import extract_with_dask

        outcomes = iter(extract_with_dask(articles, address=None if dask_address == "local" else dask_address))
    else:
        outcomes = Pipeline().extract_many(articles, n_process=jobs)
    if len(articles) > 1:
        from tqdm import tqdm

        outcomes = tqdm(outcomes, total=len(articles), unit="article", file=sys.stderr, disable=None)
    for outcome in outcomes:
        if outcome.error is not None:
            failures.append(outcome.error)  # type: ignore[arg-type]
            click.echo(f"marsad: skipped {outcome.error}", err=True)
        events.extend(outcome.events)
    write_events(events, fmt, sys.stdout)
    if failures and not articles:
        raise SystemExit(2)
    if fmt == "table":
        click.echo(f"{len(events)} event(s) from {len(articles)} article(s), {len(failures)} skipped", err=True)


def write_events(events: list[Event], fmt: str, out) -> None:  # type: ignore[no-untyped-def]
    if fmt == "json":
        json.dump([e.to_dict() for e in events], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for event in events:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        rows = [e.acled_row() for e in events]
        from marsad.model import ACLED_COLUMNS, EXTRA_COLUMNS

        writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS])
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(events, out)


def _table(events: list[Event], out) -> None:  # type: ignore[no-untyped-def]
    if not events:
        out.write("No events found.\n")
        return
    for event in events:
        where = ", ".join(p for p in (event.sublocation, event.location, event.admin1, event.country) if p)
        actors = " vs ".join(a for a in (event.actor1, event.actor2) if a) or "-"
        figures = f"fatalities {event.fatalities}"
        if event.injuries is not None:
            figures += f", injuries {event.injuries}"
        if event.arrests is not None:
            figures += f", arrests {event.arrests}"
        out.write(f"{event.event_date or '????-??-??'}  {event.event_type} / {event.sub_event_type}\n")
        out.write(f"  where:   {where or '-'} (geo_precision {event.geo_precision}, "
                  f"{event.latitude}, {event.longitude})\n")  # fmt: skip
        out.write(f"  actors:  {actors} (interaction {event.interaction})\n")
        out.write(f"  counts:  {figures}; certainty {event.certainty}"
                  f"{'; per ' + event.attribution if event.attribution else ''}\n")  # fmt: skip
        out.write(textwrap.fill(event.notes, width=100, initial_indent="  notes:   ", subsequent_indent="           ") + "\n")
        out.write(f"  source:  {event.source or '-'}  id {event.event_id}\n\n")


commands = [extract]
