"""`marsad ingest`, `marsad events`, `marsad export`: the store from the command line.

The database is ``--db`` (any SQLAlchemy URL), else ``$MARSAD_DB``, else ``sqlite:///marsad.db``.
"""

from __future__ import annotations

import json
import sys
from datetime import date

import click

DB_HELP = "Database URL (SQLAlchemy) [default: $MARSAD_DB or sqlite:///marsad.db]."
LIST_FORMATS = ("table", "json", "jsonl", "csv")
EXPORT_FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")


def _filter_options(command):  # type: ignore[no-untyped-def]
    """The EventFilter options shared by `events` and `export`."""
    options = [
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First event date (YYYY-MM-DD)."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last event date (YYYY-MM-DD)."),
        click.option("--country", help="Country name or ISO alpha-2 code."),
        click.option("--admin1", help="First-level region (exact name, any case)."),
        click.option("--type", "event_type", help='ACLED event type, e.g. "Battles".'),
        click.option("--sub-type", "sub_event_type", help='ACLED sub-event type, e.g. "Armed clash".'),
        click.option("--actor", help="Part of an actor's name (actor1, actor2 or associated)."),
        click.option("--text", help="Words in the notes, actors or location."),
        click.option("--db", "db", help=DB_HELP),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(kw: dict):  # type: ignore[no-untyped-def]
    from marsad.store import EventFilter

    def day(value) -> date | None:  # type: ignore[no-untyped-def]
        return value.date() if value else None

    return EventFilter(since=day(kw["since"]), until=day(kw["until"]), country=kw["country"],
                       admin1=kw["admin1"], event_type=kw["event_type"], sub_event_type=kw["sub_event_type"],
                       actor=kw["actor"], text=kw["text"])  # fmt: skip


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date for inputs that carry none.")
@click.option("--source", help="Source (outlet) name for inputs that carry none.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: on a terminal].")
@click.option("--reextract", is_flag=True, help="Replace the events of articles already stored with the same text "
              "(after an upgrade of the extractor); event ids are kept where the incident is the same.")
def ingest(paths: tuple[str, ...], db: str | None, published, source: str | None, jobs: int,  # type: ignore[no-untyped-def]
           progress: bool | None, reextract: bool) -> None:  # fmt: skip
    """Extract events from PATHS and store them, merging reports of the same incident across sources.

    Idempotent: an article already stored with the same text changes nothing; a changed article (same id
    or url) updates its events in place. A bad file is reported and skipped; the rest goes on.
    """
    from tqdm import tqdm

    from marsad._exceptions import InputError
    from marsad.ingest import read_paths
    from marsad.model import Article
    from marsad.pipeline import Pipeline
    from marsad.store import open_store

    store = open_store(db)
    failures: list[str] = []
    articles: list[Article] = []
    for path in paths:  # one path at a time: a missing path must not stop the others
        try:
            for item in read_paths([path], published=published.date() if published else None, source=source):
                if isinstance(item, InputError):
                    failures.append(str(item))
                    click.echo(f"marsad: skipped {item}", err=True)
                else:
                    articles.append(item)
        except InputError as exc:
            failures.append(str(exc))
            click.echo(f"marsad: skipped {exc}", err=True)

    totals = dict.fromkeys(("new", "unchanged", "updated", "events_new", "events_merged", "events_updated",
                            "events_removed", "events_joined"), 0)  # fmt: skip
    bar = tqdm(total=len(articles), unit="article", file=sys.stderr, disable=None if progress is None else not progress)
    try:
        for outcome in Pipeline().extract_many(articles, n_process=jobs):
            bar.update(1)
            if outcome.error is not None:
                failures.append(str(outcome.error))
                bar.write(f"marsad: skipped {outcome.error}", file=sys.stderr)
                continue
            result = store.ingest(outcome.article, outcome.events, replace=reextract)
            totals[result.article_status] += 1
            for key in ("events_new", "events_merged", "events_updated", "events_removed", "events_joined"):
                totals[key] += getattr(result, key)
    finally:
        bar.close()
        store.close()
    click.echo(
        f"articles: {totals['new']} new, {totals['unchanged']} unchanged, {totals['updated']} updated, "
        f"{len(failures)} skipped; events: {totals['events_new']} new, {totals['events_merged']} merged, "
        f"{totals['events_updated']} updated, {totals['events_removed']} removed"
        + (f", {totals['events_joined']} joined into others" if totals["events_joined"] else "")
    )
    if failures:
        raise SystemExit(1)


@click.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(LIST_FORMATS), default="table", show_default=True)
@click.option("--limit", default=100, show_default=True, type=click.IntRange(0), help="At most this many (0: all).")
@click.option("--sort", default="-event_date", show_default=True, help="Field, prefix - for descending.")
def events(fmt: str, limit: int, sort: str, **kw) -> None:  # type: ignore[no-untyped-def]
    """List stored events, newest first."""
    from marsad.store import open_store
    from marsad.store.export import write_csv, write_jsonl

    store = open_store(kw.pop("db"))
    try:
        filters = _filters(kw)
        if limit:
            items = store.events(filters, sort=sort, limit=limit).items
        else:
            items = list(store.iter_events(filters, sort=sort))
        total = store.count(filters)
    finally:
        store.close()
    if fmt == "json":
        json.dump(items, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif fmt == "jsonl":
        write_jsonl(items, sys.stdout)
    elif fmt == "csv":
        write_csv(items, sys.stdout)
    else:
        _table(items, total)


def _table(items: list[dict], total: int) -> None:
    if not items:
        click.echo("No events found.")
        return
    header = f"{'event_id':<19} {'date':<10} {'type':<28} {'location':<28} {'fat':>4} {'src':>3}  actors"
    click.echo(header)
    for it in items:
        where = " - ".join(p for p in (it.get("location"), it.get("sublocation")) if p) or "-"
        where = f"{where}, {it['country']}" if it.get("country") else where
        actors = " vs ".join(a for a in (it.get("actor1"), it.get("actor2")) if a) or "-"
        click.echo(f"{it['event_id']:<19} {it.get('event_date') or '?':<10} {it['sub_event_type'][:28]:<28} "
                   f"{where[:28]:<28} {it['fatalities']:>4} {it.get('n_sources') or 1:>3}  {actors[:60]}")  # fmt: skip
    if total > len(items):
        click.echo(f"({len(items)} of {total} events; use --limit 0 for all)", err=True)


@click.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="acled-csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Output file [default: stdout].")
def export(fmt: str, output: str | None, **kw) -> None:  # type: ignore[no-untyped-def]
    """Export events: ACLED-ordered CSV, GeoJSON (RFC 7946), Parquet or JSON Lines."""
    from marsad.store import open_store
    from marsad.store import export as exporters

    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give -o FILE or redirect stdout")
    store = open_store(kw.pop("db"))
    try:
        items = store.iter_events(_filters(kw), sort="event_date")
        if fmt == "parquet":
            n = exporters.write_parquet(items, output or sys.stdout.buffer)
        else:
            writer = {"acled-csv": exporters.write_csv, "geojson": exporters.write_geojson,
                      "jsonl": exporters.write_jsonl}[fmt]  # fmt: skip
            if output:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    n = writer(items, out)
            else:
                n = writer(items, sys.stdout)
    finally:
        store.close()
    if output:
        click.echo(f"{n} event(s) written to {output}", err=True)


commands: list[click.Command] = [ingest, events, export]
