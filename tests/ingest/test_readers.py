import json

import pytest

from marsad import InputError
from marsad.ingest import read_paths
from marsad.ingest.readers import read_file


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def test_plain_text_file_becomes_one_article(tmp_path):
    path = write(tmp_path, "a.txt", "Gunmen attacked a bus.")
    (article,) = read_file(path)
    assert article.text == "Gunmen attacked a bus." and article.id == path


def test_json_article_keeps_its_fields(tmp_path):
    item = {"id": "x1", "url": "https://n.example/1", "source": "N", "title": "T", "published": "2024-02-01", "text": "Body."}
    (article,) = read_file(write(tmp_path, "a.json", json.dumps(item)))
    assert (article.id, article.source, article.published.isoformat()) == ("x1", "N", "2024-02-01")


def test_json_list_gives_many_articles(tmp_path):
    items = [{"text": "One."}, {"text": "Two."}]
    assert [a.text for a in read_file(write(tmp_path, "a.json", json.dumps(items)))] == ["One.", "Two."]


def test_jsonl_error_names_the_line(tmp_path):
    path = write(tmp_path, "a.jsonl", '{"text": "ok"}\n{broken\n')
    with pytest.raises(InputError, match=r"a\.jsonl.*line 2"):
        list(read_file(path))


def test_json_without_text_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no 'text'"):
        list(read_file(write(tmp_path, "a.json", '{"title": "only a title"}')))


def test_empty_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(InputError, match=r"empty.txt: the input is empty"):
        list(read_file(write(tmp_path, "empty.txt", "  \n")))


def test_binary_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="binary"):
        list(read_file(write(tmp_path, "img.txt", b"\x89PNG\x00\x00\x01")))


def test_non_utf8_file_is_an_error_with_a_fix(tmp_path):
    with pytest.raises(InputError, match="not valid UTF-8.*iconv"):
        list(read_file(write(tmp_path, "latin.txt", "Caf\xe9 attack".encode("latin-1"))))


def test_html_page_gives_main_text_title_and_date(tmp_path):
    html = """<html><head><title>Blast in port city</title><meta name="date" content="2024-04-02"></head>
    <body><nav>Home | World</nav><article><p>A car bomb exploded near the port on Monday, killing four
    people and injuring nine, officials said.</p><p>No group claimed the attack.</p></article></body></html>"""
    (article,) = read_file(write(tmp_path, "page.html", html))
    assert "car bomb exploded" in article.text and "Home | World" not in article.text
    assert article.published is not None and article.published.isoformat() == "2024-04-02"


def test_html_without_body_text_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no main text"):
        list(read_file(write(tmp_path, "empty.html", "<html><head><title>x</title></head><body></body></html>")))


def test_rss_feed_gives_one_article_per_item(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>A</title><link>https://w.example/a</link><pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Rebels shelled the town.&lt;/p&gt;</description></item>
    <item><title>B</title><link>https://w.example/b</link><description>Markets rose.</description></item>
    </channel></rss>"""
    articles = list(read_file(write(tmp_path, "feed.xml", rss)))
    assert [a.text for a in articles] == ["Rebels shelled the town.", "Markets rose."]
    assert articles[0].source == "Wire" and articles[0].published.isoformat() == "2024-04-02"


def test_directory_reads_every_file_and_reports_bad_ones_in_place(tmp_path):
    write(tmp_path, "a.txt", "First report.")
    write(tmp_path, "b.txt", b"")
    results = list(read_paths([str(tmp_path)]))
    assert isinstance(results[0], object) and results[0].text == "First report."
    assert isinstance(results[1], InputError)


def test_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        list(read_paths([str(tmp_path / "nope.txt")]))
