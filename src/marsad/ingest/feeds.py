"""RSS 2.0 and Atom feeds: one article per item, from its content or description."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from marsad._exceptions import InputError
from marsad.model import Article

_TAG = re.compile(r"<[^>]+>")


def articles_from_feed(data: bytes, origin: str) -> Iterator[Article]:
    from lxml import etree

    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, recover=False))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"invalid XML feed: {exc}", origin=origin) from exc
    items = root.findall(".//item") or root.findall(".//{http://www.w3.org/2005/Atom}entry")
    if not items:
        raise InputError("no <item> or <entry> in the feed", origin=origin)
    feed_title = _first(root, ["channel/title", "{http://www.w3.org/2005/Atom}title"])
    from marsad.ingest.readers import parse_published

    for n, item in enumerate(items, 1):
        body = _first(item, ["{http://purl.org/rss/1.0/modules/content/}encoded", "description",
                             "{http://www.w3.org/2005/Atom}content", "{http://www.w3.org/2005/Atom}summary"])  # fmt: skip
        text = _plain(body or "")
        if not text:
            continue
        link = _first(item, ["link", "guid"])
        if not link:
            atom_link = item.find("{http://www.w3.org/2005/Atom}link")
            link = atom_link.get("href") if atom_link is not None else None
        date_text = _first(item, ["pubDate", "{http://www.w3.org/2005/Atom}published", "{http://www.w3.org/2005/Atom}updated"])
        where = f"{origin} item {n}"
        try:
            published = parse_published(date_text, where) if date_text else None
        except InputError:
            published = None
        yield Article(text=text, id=link or None, url=link or None, source=feed_title,
                      title=_first(item, ["title", "{http://www.w3.org/2005/Atom}title"]),
                      published=published, origin=where)  # fmt: skip


def _first(node, paths: list[str]) -> str | None:  # type: ignore[no-untyped-def]
    for path in paths:
        found = node.find(path)
        if found is not None and (found.text or "").strip():
            return str(found.text).strip()
    return None


def _plain(html: str) -> str:
    text = _TAG.sub(" ", re.sub(r"</p\s*>|<br\s*/?>", "\n\n", html, flags=re.I))
    return re.sub(r"[ \t]+", " ", unescape(text)).strip()
