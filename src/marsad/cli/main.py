"""The `marsad` command: one click group; each stage's commands live in a module of their own."""

from __future__ import annotations

import importlib
import sys

import click

from marsad._exceptions import MarsadError

# Modules that each export `commands: list[click.Command]`.
COMMAND_MODULES = (
    "marsad.cli.extract",
    "marsad.cli.places",
    "marsad.cli.actors",
    "marsad.cli.store",
    "marsad.cli.serve",
    "marsad.cli.evaluate",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="marsad")
def cli() -> None:
    """marsad: news reports of political violence in, ACLED-style events with evidence out."""


for _module in COMMAND_MODULES:
    for _command in importlib.import_module(_module).commands:
        cli.add_command(_command)


def main() -> None:
    """Console entry point: library errors become one clear line and exit code 2, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except MarsadError as exc:
        click.echo(f"marsad: error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
