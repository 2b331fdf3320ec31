"""The HTML side: same data as the API, every article-derived string escaped, evidence highlighted."""

from __future__ import annotations

import re



def _event_id(client, query: str) -> str:  # type: ignore[no-untyped-def]
    return client.get(f"/api/events?{query}").json()["events"][0]["event_id"]


def test_dashboard_table_lists_the_filtered_events(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/?country=Iraq").text
    rows = re.findall(r'<tr data-event-id="([^"]+)"', page)
    assert len(rows) == 2
    assert 'value="Iraq"' in page  # the filter bar keeps the filter
    assert "/api/events.csv?country=Iraq" in page


def test_dashboard_sort_links_toggle_direction(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/?sort=-fatalities").text
    assert 'href="?sort=fatalities"' in page
    fatalities = re.findall(r'<td class="num">(\d+)</td>\s*<td class="num">', page)
    assert [int(f) for f in fatalities] == [7, 3, 0, 0]


def test_dashboard_pages_with_a_next_link(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/?limit=3").text
    assert len(re.findall(r"<tr data-event-id=", page)) == 3
    next_href = re.search(r'id="next-page" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    rest = client.get("/" + next_href).text
    assert len(re.findall(r"<tr data-event-id=", rest)) == 1


def test_hostile_article_text_is_escaped_on_every_page(client) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(client, "country=Syria")
    for path in ("/", "/?country=Syria", f"/events/{event_id}", "/articles/hostile-d-1"):
        page = client.get(path).text
        assert "<script>window.__pwned" not in page, path
        assert "<script>alert" not in page, path
        assert "<img src=x" not in page, path
        assert "<i>Source</i>" not in page and "<b>Bold" not in page, path
    event_page = client.get(f"/events/{event_id}").text
    assert "&lt;script&gt;window.__pwned = 1;" in event_page
    assert "&lt;b&gt;Bold claim&lt;/b&gt; &amp; more." in event_page


def test_javascript_urls_are_never_links(client) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(client, "country=Syria")
    for path in (f"/events/{event_id}", "/articles/hostile-d-1"):
        assert 'href="javascript:' not in client.get(path).text


def test_pages_forbid_inline_and_foreign_scripts(client) -> None:  # type: ignore[no-untyped-def]
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert "http" not in policy  # no tile server configured: nothing from elsewhere


def test_event_page_highlights_each_fields_evidence_with_its_name(client) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(client, "admin1=Basra")
    page = client.get(f"/events/{event_id}").text
    assert '<mark class="ev ev-actor1" title="actor 1" data-fields="actor1">teachers</mark>' in page
    assert '<mark class="ev ev-location" title="location" data-fields="location">Basra</mark>' in page
    assert '<mark class="ev ev-trigger" title="trigger" data-fields="trigger">protested</mark>' in page


def test_event_page_lists_every_source_and_shows_each_text(client) -> None:  # type: ignore[no-untyped-def]
    event_id = _event_id(client, "admin1=Kirkuk")
    page = client.get(f"/events/{event_id}").text
    assert "Sources (2)" in page
    assert "Checkpoint attacked near Kirkuk" in page and "Four police killed outside Kirkuk" in page
    assert 'href="https://wire-a.example/kirkuk-attack"' in page
    assert page.count('class="panel source-text"') == 2
    assert 'data-fields="fatalities">Four</mark>' in page


def test_static_vendor_assets_are_served_locally(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/").text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts and all(s.startswith("/static/") for s in scripts)
    for src in scripts:
        assert client.get(src).status_code == 200, src


def test_configured_tiles_reach_the_map_and_the_policy(make_client) -> None:  # type: ignore[no-untyped-def]
    tiled = make_client(tiles="https://tiles.example.org/{z}/{x}/{y}.png", tiles_attribution="© <b>Map</b> data")
    response = tiled.get("/")
    config = re.search(r'<script type="application/json" id="marsad-config">(.*?)</script>', response.text).group(1)
    assert "https://tiles.example.org/{z}/{x}/{y}.png" in config
    assert "<b>" not in config  # tojson escapes markup inside the script element
    assert "img-src 'self' data: https://tiles.example.org;" in response.headers["content-security-policy"]


def test_api_docs_page_loads_swagger_from_the_package_not_a_cdn(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/docs").text
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == ["/static/vendor/swagger/swagger-ui-bundle.js", "/static/docs.js"]
    assert "cdn" not in page.lower()
    schemes = client.get("/openapi.json").json()["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
