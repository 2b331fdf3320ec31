"""Read articles from files and streams: plain text, HTML pages, JSON, JSONL and RSS/Atom feeds.

Every problem is an InputError that names the file (and the line or item), so a batch can report it and go
on with the next input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from marsad._exceptions import InputError
from marsad.model import Article

MAX_FILE_BYTES = 50_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
ARTICLE_KEYS = ("id", "url", "source", "title", "published", "text")


def iter_files(paths: list[str]) -> Iterator[str]:
    """Expand directories (every file inside, sorted, hidden files skipped); '-' stays stdin."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield str(child)
        elif path.exists():
            yield raw
        else:
            raise InputError("no such file or directory", origin=raw)


def read_paths(
    paths: list[str], *, published: date | None = None, source: str | None = None
) -> Iterator[Article | InputError]:
    """Articles from every path; a bad file yields its InputError in place so the caller can go on."""
    for name in iter_files(paths):
        try:
            for article in read_file(name):
                if published and article.published is None:
                    article.published = published
                if source and not article.source:
                    article.source = source
                yield article
        except InputError as exc:
            yield exc


def read_file(name: str) -> Iterator[Article]:
    data = _read_bytes(name)
    text = decode(data, name)
    suffix = "" if name == "-" else Path(name).suffix.lower()
    stripped = text.lstrip()
    if suffix == ".jsonl" or (suffix in (".json", "") and stripped.startswith("{") and "\n{" in stripped):
        yield from _jsonl(text, name)
    elif suffix == ".json" or (suffix == "" and stripped[:1] in "[{"):
        yield from _json(text, name)
    elif suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and stripped[:15].lower().startswith(("<!doctype html", "<html"))):
        from marsad.ingest.html import article_from_html

        yield article_from_html(text, origin=name)
    elif suffix in FEED_SUFFIXES:
        from marsad.ingest.feeds import articles_from_feed

        yield from articles_from_feed(data, origin=name)
    else:
        # The path identifies a text file across re-ingests (a changed file updates its events).
        yield Article(text=text, id=None if name == "-" else str(Path(name)), origin=name)


def _read_bytes(name: str) -> bytes:
    try:
        if name == "-":
            return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        path = Path(name)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"file is larger than {MAX_FILE_BYTES // 1_000_000} MB", origin=name)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", origin=name) from exc


def decode(data: bytes, origin: str) -> str:
    """UTF-8 (with or without BOM) or a clear error; NUL bytes mean a binary file."""
    if not data.strip():
        raise InputError("the input is empty", origin=origin)
    if b"\x00" in data[:8192]:
        raise InputError("the input looks binary (it contains NUL bytes), not text", origin=origin)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the input is not valid UTF-8 (byte {exc.start}); convert it first, e.g. "
            "`iconv -f WINDOWS-1252 -t UTF-8`",
            origin=origin,
        ) from exc


def _json(text: str, origin: str) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}: {exc.msg}", origin=origin) from exc
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items, 1):
        yield article_from_mapping(item, origin=f"{origin} item {n}" if len(items) > 1 else origin)


def _jsonl(text: str, origin: str) -> Iterator[Article]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON on line {n}: {exc.msg}", origin=origin) from exc
        yield article_from_mapping(item, origin=f"{origin}:{n}")


def article_from_mapping(item: Any, origin: str) -> Article:
    """An Article from a {id, url, source, title, published, text} object."""
    if not isinstance(item, dict):
        raise InputError(f"expected an object with a 'text' field, got {type(item).__name__}", origin=origin)
    text = item.get("text") or item.get("body") or item.get("content")
    if not isinstance(text, str) or not text.strip():
        raise InputError("the article has no 'text'", origin=origin)
    return Article(
        text=text,
        id=_str(item.get("id")),
        url=_str(item.get("url")),
        source=_str(item.get("source")),
        title=_str(item.get("title")),
        published=parse_published(item.get("published"), origin),
        language=_str(item.get("language")),
        origin=origin,
    )


def _str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def parse_published(value: Any, origin: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc).date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError) as exc:
        raise InputError(f"published {text!r} is not a date (use YYYY-MM-DD)", origin=origin) from exc
