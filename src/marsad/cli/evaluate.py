"""`marsad eval`: accuracy against public gold data (ACLED, CASE 2021, GeoWebNews).

Each subcommand prints a readable table, or with `--json` exactly one JSON object whose keys are fixed by
issue 3, so benchmarks and CI can parse it. Heavy imports stay inside the commands (fast `marsad --help`).
A missing file is a usage error naming the file (exit code 2); an unreadable one raises `InputError`,
which the `marsad` entry point turns into one line and exit code 2.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import inspect
import json
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import click

_FILE = click.Path(exists=True, dir_okay=False, readable=True)
_LIMIT = click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N rows/articles.")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")


def _as_summary(result: Any) -> dict[str, Any]:
    """A helper's `run()` result as a plain dict (it may return a dict, a dataclass, or carry `.summary`)."""
    if isinstance(result, Mapping):
        return dict(result)
    summary = getattr(result, "summary", None)
    if isinstance(summary, Mapping):
        return dict(summary)
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return dataclasses.asdict(result)
    raise TypeError(f"evaluation returned {type(result).__name__}, expected a mapping of measures")


def _call_run(module: str, path: str, **options: Any) -> dict[str, Any]:
    """Call `<module>.run(path, ...)`, passing only the options its signature accepts."""
    run = importlib.import_module(module).run
    params = inspect.signature(run).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    accepted = {k: v for k, v in options.items() if takes_any or k in params}
    return _as_summary(run(path, **accepted))


@contextlib.contextmanager
def _quiet_stdout(as_json: bool) -> Iterator[None]:
    """With --json, anything a stage prints goes to stderr, so stdout holds exactly one JSON object."""
    if not as_json:
        yield
        return
    with contextlib.redirect_stdout(sys.stderr):
        yield


def _emit(title: str, summary: Mapping[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        from marsad.evaluate.table import render_summary

        click.echo(render_summary(title, summary))


@click.group("eval")
def eval_group() -> None:
    """Measure accuracy against gold data files (pass their paths)."""


@eval_group.command("acled")
@click.argument("file", type=_FILE)
@_LIMIT
@_JSON
@click.option("--n-process", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for extraction.")
def acled_command(file: str, limit: int | None, as_json: bool, n_process: int) -> None:
    """Extract events from each row's notes and compare them with ACLED's coding of FILE (CSV).

    No publication date is given to the pipeline (the notes carry the event date; a gold-derived
    "published" date would leak the answer). Per-article pipeline errors count as no event and are
    summarised on stderr.
    """
    from marsad.evaluate.acled import run_acled

    with _quiet_stdout(as_json):
        result = run_acled(file, limit=limit, n_process=n_process)
    if result.errors:
        first = next(iter(result.errors.values()))
        click.echo(f"marsad eval: {len(result.errors)} article(s) failed in the pipeline, e.g. {first}", err=True)
    _emit(f"ACLED: {file}", result.summary, as_json)


@eval_group.command("case2021")
@click.argument("file", type=_FILE)
@click.option("--all-labels", is_flag=True, help="Also score the 5 non-ACLED labels of CASE 2021.")
@_LIMIT
@_JSON
def case2021_command(file: str, all_labels: bool, limit: int | None, as_json: bool) -> None:
    """Sub-event classification of each snippet of a CASE 2021 task 2 FILE (TSV)."""
    with _quiet_stdout(as_json):
        summary = _call_run("marsad.evaluate.case2021", file, all_labels=all_labels, limit=limit)
    _emit(f"CASE 2021: {file}", summary, as_json)


@eval_group.command("geoparse")
@click.argument("file", type=_FILE)
@_LIMIT
@_JSON
def geoparse_command(file: str, limit: int | None, as_json: bool) -> None:
    """Toponym resolution and recognition on a GeoWebNews / LGL / TR-News / GeoVirus FILE (XML)."""
    with _quiet_stdout(as_json):
        summary = _call_run("marsad.evaluate.geoparse", file, limit=limit)
    _emit(f"Geoparsing: {file}", summary, as_json)


commands: list[click.Command] = [eval_group]
