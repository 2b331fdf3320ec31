"""`marsad actors ...`: look names up in the actor dictionary, and show the actors found in a text."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group(name="actors")
def actors() -> None:
    """The actor dictionary: ACLED-style names, actor types (inter 1-8) and aliases."""


@actors.command(name="lookup")
@click.argument("name")
@click.option("--country", default=None, help="Event country, to name generic roles ('police' -> 'Police Forces of Iraq').")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--groups", "extra", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra YAML group file (same fields as marsad/data/actors/groups/*.yaml).")  # fmt: skip
def lookup(name: str, country: str | None, as_json: bool, extra: tuple[Path, ...]) -> None:
    """Show the dictionary actors matching NAME: name, type, country, parent and aliases."""
    from marsad.resolve.actors import get_resolver, resolver_from_files

    resolver = resolver_from_files(extra) if extra else get_resolver()
    found = resolver.lookup_entries(name)
    if not found:
        raise click.ClickException(f"no actor in the dictionary matches {name!r} (try a shorter name or an alias)")
    rows = []
    for actor, entry in found:
        if country and actor.country is None:
            actor = resolver.localise(actor, country)
        aliases = list(getattr(entry, "aliases", None) or getattr(entry, "words", None) or ())
        rows.append({
            "name": actor.name, "inter": actor.inter, "type": INTER_NAMES.get(actor.inter, "?"),
            "country": actor.country, "parent": actor.parent, "generic": actor.generic,
            "years": getattr(entry, "years", None), "aliases": aliases,
        })  # fmt: skip
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(row["name"])
        click.echo(f"  type:    {row['inter']} ({row['type']})")
        click.echo(f"  country: {row['country'] or '(named after the event country)' if row['generic'] else row['country'] or '-'}")
        if row["parent"]:
            click.echo(f"  parent:  {row['parent']}")
        if row["years"]:
            click.echo(f"  years:   {row['years']}")
        if row["aliases"]:
            click.echo(f"  aliases: {', '.join(row['aliases'])}")


@actors.command(name="find")
@click.argument("text")
@click.option("--country", default=None, help="Event country, to name generic roles.")
def find(text: str, country: str | None) -> None:
    """Show every actor named in TEXT (use '-' to read standard input)."""
    from marsad._exceptions import InputError
    from marsad.resolve.actors import get_resolver

    if text == "-":
        text = click.get_text_stream("stdin").read()
    if not text.strip():
        raise InputError("no text given to `marsad actors find`")
    resolver = get_resolver()
    for m in resolver.mentions(text, country=country):
        actor = resolver.localise(m.actor, country) if country else m.actor
        click.echo(f"{m.start:>6}-{m.end:<6} {m.text!r:40} {actor.name} [inter {actor.inter}]")


INTER_NAMES = {
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia", 5: "Rioters",
    6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}  # fmt: skip

commands: list[click.Command] = [actors]
