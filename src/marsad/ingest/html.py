"""HTML pages: the main text, title and date pulled out with trafilatura (offline, no fetching)."""

from __future__ import annotations

from marsad._exceptions import InputError
from marsad.model import Article


def article_from_html(html: str, origin: str) -> Article:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(f"cannot parse the HTML page: {exc}", origin=origin) from exc
    if extracted is None:
        raise InputError("the HTML page has no main text to extract", origin=origin)
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("the HTML page has no main text to extract", origin=origin)
    from marsad.ingest.readers import parse_published

    published = None
    if data.get("date"):
        try:
            published = parse_published(data["date"], origin)
        except InputError:
            published = None
    return Article(
        text=text,
        title=data.get("title") or None,
        url=data.get("url") or None,
        source=data.get("sitename") or data.get("hostname") or None,
        published=published,
        id=data.get("url") or None,
        origin=origin,
    )
