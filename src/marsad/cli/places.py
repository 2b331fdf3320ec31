"""`marsad gazetteer build|info` and `marsad geocode TEXT`."""

from __future__ import annotations

import json

import click


@click.group("gazetteer")
def gazetteer() -> None:
    """Build or inspect the offline gazetteer index."""


@gazetteer.command("build")
def build_cmd() -> None:
    """Rebuild the index from the installed GeoNames extracts (about 20 s)."""
    import time

    from marsad.resolve.places import build_index, index_path

    t0 = time.perf_counter()
    gaz = build_index()
    secs = time.perf_counter() - t0
    click.echo(f"built {len(gaz):,} places, {len(gaz.keys):,} names in {secs:.1f} s -> {index_path()}")


@gazetteer.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def info_cmd(as_json: bool) -> None:
    """Where the index lives, what it holds, which overlay is merged."""
    import time
    from collections import Counter

    from marsad.resolve.places import index_path, load_gazetteer
    from marsad.resolve.places.admin2 import PACKAGE, is_installed
    from marsad.resolve.places.overlay import ENV, default_paths, overlay_path

    path = index_path()
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    load_s = time.perf_counter() - t0
    info = {
        "index": str(path),
        "index_mb": round(path.stat().st_size / 1e6, 1) if path.exists() else None,
        "load_seconds": round(load_s, 3),
        "places": len(gaz),
        "names": len(gaz.keys) + len(gaz.extra),
        "kinds": dict(Counter(gaz.cols["kind"])),
        "districts": ", ".join(f"{k}@{v}" for k, v in PACKAGE.items()) if is_installed()
        else "missing: run `make assets` for GeoNames' district names",
        "overlay": str(overlay_path() or ""),
        "overlay_lookup": [f"${ENV}", *map(str, default_paths())],
    }
    if as_json:
        click.echo(json.dumps(info))
        return
    for key, value in info.items():
        click.echo(f"{key:15} {value}")


@click.command("geocode")
@click.argument("text")
@click.option("--country", default=None, help="Publication country (ISO alpha-2), a resolution hint.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def geocode(text: str, country: str | None, as_json: bool) -> None:
    """Print each toponym in TEXT, the chosen place, its score and the runner-up."""
    from dataclasses import asdict

    from marsad._exceptions import InputError
    from marsad.resolve.places import get_resolver

    if not text.strip():
        raise InputError("empty text: give the sentence or article to geocode", origin="TEXT")
    resolver = get_resolver()
    for top in resolver.toponyms(text, country_hint=country.upper() if country else None):
        if as_json:
            click.echo(json.dumps(asdict(top), ensure_ascii=False))
            continue
        p, r = top.place, top.runner_up
        chosen = "-"
        if p:
            where = f"{p.kind}, {p.latitude:.4f},{p.longitude:.4f}, geonameid {p.geonameid}"
            chosen = f"{p.name}, {p.admin1 or '-'}, {p.country} ({where})"
        flags = " [non-locational]" if top.non_locational else ""
        qual = f" {top.qualifier}" if top.qualifier else ""
        head = f"{top.start}-{top.end} {top.text!r}{flags}: {chosen}"
        click.echo(f"{head} score={top.score:.3f} precision={top.precision}{qual}")
        if r:
            click.echo(f"    runner-up: {r.name}, {r.admin1 or '-'}, {r.country} ({r.kind})")
    for sub in resolver.sublocations(text):
        click.echo(f"{sub.start}-{sub.end} {sub.text!r}: sublocation ({sub.kind})")


commands: list[click.Command] = [gazetteer, geocode]
