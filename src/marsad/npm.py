"""Pinned npm packages, installed at build time (`make assets`), never fetched at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from marsad._exceptions import ConfigError


def npm_install(packages: dict[str, str], prefix: Path, purpose: str) -> Path:
    """``npm install`` exact versions into ``prefix``; return its node_modules. ``purpose`` says in the
    error what the packages are for, with the fix, when npm is missing or fails."""
    npm = shutil.which("npm")
    if npm is None:
        raise ConfigError(
            f"npm was not found on PATH; {purpose} is installed from the npm registry. Install Node.js and npm "
            "(Debian: apt-get install npm) and run `make assets` again."
        )
    prefix.mkdir(parents=True, exist_ok=True)
    specs = [f"{name}@{version}" for name, version in packages.items()]
    cmd = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--no-save", *specs]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ConfigError(f"`{' '.join(cmd)}` failed (exit {result.returncode}):\n{result.stderr.strip()}")
    return prefix / "node_modules"


def install_command(name: str, ensure: Callable[..., bool], packages: dict[str, str], target: Path,
                    argv: list[str] | None = None) -> int:  # fmt: skip
    """The ``python -m`` entry of an installer: install unless present (``--force``: always), say what was
    done, and name the error (exit 2) instead of a traceback."""
    args = sys.argv[1:] if argv is None else argv
    try:
        installed = ensure(force="--force" in args)
    except ConfigError as exc:
        print(f"marsad {name}: error: {exc}", file=sys.stderr)
        return 2
    pins = ", ".join(f"{k}@{v}" for k, v in packages.items())
    print(f"marsad {name}: {'installed' if installed else 'already present'}: {pins} -> {target}")
    return 0
