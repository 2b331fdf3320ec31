"""Reading the article texts of a benchmark corpus: a CSV with a text column, JSONL, a folder of text
files, a single text file, or a GeoWebNews-style XML (`<article><text>`).

The throughput benchmark feeds the same texts to marsad and to spaCy, so reading is kept separate from
either and returns plain strings in a stable order.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad._exceptions import InputError

TEXT_COLUMNS = ("text", "doc_text", "body", "content", "article", "notes", "EventSnippet")
"""Columns/keys tried, in order, when the caller names none."""


def _pick_column(names: Sequence[str], wanted: str | None, origin: Path) -> str:
    if wanted:
        if wanted not in names:
            raise InputError(f"no column {wanted!r} (columns: {', '.join(names)})", origin=str(origin))
        return wanted
    for name in TEXT_COLUMNS:
        if name in names:
            return name
    raise InputError(
        f"no text column found (tried {', '.join(TEXT_COLUMNS)}; name one with --text-column)", origin=str(origin)
    )


def _read_csv(path: Path, column: str | None) -> Iterator[str]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delimiter = "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        name = _pick_column(list(reader.fieldnames or []), column, path)
        for row in reader:
            yield row.get(name) or ""


def _read_jsonl(path: Path, column: str | None) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {number} is not JSON ({exc.msg})", origin=str(path)) from exc
            if isinstance(record, str):
                yield record
            elif isinstance(record, dict):
                yield str(record.get(_pick_column(list(record), column, path)) or "")
            else:
                raise InputError(f"line {number} is neither a string nor an object", origin=str(path))


def _read_xml(path: Path) -> Iterator[str]:
    from lxml import etree

    try:
        root = etree.parse(str(path), etree.XMLParser(huge_tree=True, recover=False)).getroot()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed XML ({exc})", origin=str(path)) from exc
    articles = root.findall(".//article") or [root]
    for article in articles:
        node = article.find("text")
        if node is not None:
            yield node.text or ""


def read_texts(path: str | Path, *, text_column: str | None = None) -> list[str]:
    """The non-empty article texts of one corpus file or folder, in file order."""
    source = Path(path)
    if source.is_dir():
        files = sorted(p for p in source.rglob("*.txt") if p.is_file())
        if not files:
            raise InputError("folder holds no .txt files", origin=str(source))
        texts: list[str] = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    elif not source.is_file():
        raise InputError("no such file or folder", origin=str(source))
    else:
        suffix = source.suffix.lower()
        if suffix in {".csv", ".tsv", ".tab"}:
            texts = list(_read_csv(source, text_column))
        elif suffix in {".jsonl", ".ndjson"}:
            texts = list(_read_jsonl(source, text_column))
        elif suffix == ".xml":
            texts = list(_read_xml(source))
        elif suffix in {".txt", ".text", ""}:
            texts = [source.read_text(encoding="utf-8", errors="replace")]
        else:
            raise InputError("unknown corpus format (use .csv, .tsv, .jsonl, .xml, .txt or a folder)", origin=str(source))
    kept = [t for t in texts if t.strip()]
    if not kept:
        raise InputError("no article texts found", origin=str(source))
    return kept


def read_corpora(paths: Sequence[str | Path], *, text_column: str | None = None, limit: int | None = None) -> list[str]:
    """All texts of several corpora, concatenated; the first `limit` when given."""
    texts: list[str] = []
    for path in paths:
        texts += read_texts(path, text_column=text_column)
        if limit is not None and len(texts) >= limit:
            return texts[:limit]
    return texts
