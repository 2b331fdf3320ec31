"""Readable plain-text tables for evaluation summaries (the `--json` form prints the same dict raw)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def format_value(value: Any) -> str:
    """Shares and seconds with a sensible number of digits; None as a dash."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def _rows_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def render_summary(title: str, summary: Mapping[str, Any]) -> str:
    """A two-column measure/value table; a nested mapping of mappings (`per_label`) gets its own table."""
    flat = [[key, format_value(value)] for key, value in summary.items() if not isinstance(value, Mapping)]
    parts = [title, "", _rows_table(["measure", "value"], flat)]
    for key, value in summary.items():
        if isinstance(value, Mapping) and value:
            columns: list[str] = []
            for item in value.values():
                columns += [c for c in (item if isinstance(item, Mapping) else ()) if c not in columns]
            rows = [
                [str(label), *(format_value(item.get(c)) for c in columns)]
                for label, item in value.items()
                if isinstance(item, Mapping)
            ]
            parts += ["", key, _rows_table(["label", *columns], rows)]
    return "\n".join(parts)
