"""Pinned npm packages, installed at build time (`make assets`), never fetched at run time."""

from __future__ import annotations

import shutil
import subprocess
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
