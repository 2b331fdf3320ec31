"""The dashboard in headless Chromium: map, timeline, filters in the URL, event page, escaping.

A real uvicorn server runs in a thread on a free loopback port over the seeded SQLite store. Screenshots
land in ``artifacts/screenshots/`` (git-ignored) for a human to look at.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
        reason="headless Chromium tests need /usr/bin/chromium and /usr/bin/chromedriver "
        "(Debian: apt-get install chromium chromium-driver)",
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(seeded_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from marsad.serve.app import create_app
    from marsad.serve.settings import ServeSettings
    from marsad.store import open_store

    store = open_store(seeded_db)
    settings = ServeSettings(config_dir=str(tmp_path_factory.mktemp("config")))
    port = _free_port()
    config = uvicorn.Config(create_app(store, settings), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="marsad-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, condition, timeout: float = 15.0):  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _ready(driver) -> None:  # type: ignore[no-untyped-def]
    def done(d):  # type: ignore[no-untyped-def]
        return d.execute_script(
            "var m=document.getElementById('map'), t=document.getElementById('timeline');"
            "return m && t && m.dataset.ready && t.dataset.ready ? [m.dataset.ready, t.dataset.ready] : null;"
        )

    assert _wait(driver, done) == ["1", "1"]


def _rows(driver) -> list[str]:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    return [r.get_attribute("data-event-id") for r in driver.find_elements(By.CSS_SELECTOR, "#events-table tbody tr[data-event-id]")]


def test_dashboard_draws_outlines_markers_timeline_and_table(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    _ready(browser)
    map_node = browser.find_element(By.ID, "map")
    assert int(map_node.get_attribute("data-outlines")) > 200  # world-atlas countries drawn with no tiles
    assert map_node.get_attribute("data-events") == "4"
    assert browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive, #map svg path")
    assert browser.find_elements(By.CSS_SELECTOR, "#map .marker-pin")
    assert int(browser.find_element(By.ID, "timeline").get_attribute("data-days")) >= 4
    assert len(_rows(browser)) == 4
    browser.save_screenshot(str(SHOTS / "dashboard.png"))


def test_filter_bar_puts_filters_in_the_url_and_filters_the_table(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/")
    _ready(browser)
    before = _rows(browser)
    Select(browser.find_element(By.NAME, "type")).select_by_visible_text("Protests")
    browser.find_element(By.NAME, "country").send_keys("Iraq")
    browser.find_element(By.ID, "apply").click()
    _wait(browser, lambda d: "type=Protests" in d.current_url)
    _ready(browser)
    assert "country=Iraq" in browser.current_url
    assert "since=" not in browser.current_url  # empty fields stay out of the URL
    after = _rows(browser)
    assert len(after) == 1 and after[0] in before
    assert browser.find_element(By.ID, "map").get_attribute("data-events") == "1"
    assert browser.find_element(By.ID, "total-events").text == "1"
    browser.save_screenshot(str(SHOTS / "dashboard-filtered.png"))
    # Reloading the URL restores the same view: the filters live in the query string.
    browser.get(browser.current_url)
    assert _rows(browser) == after
    assert Select(browser.find_element(By.NAME, "type")).first_selected_option.text == "Protests"


def test_sorting_the_table_by_a_column_header(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, 'th[data-key="fatalities"] a').click()
    _wait(browser, lambda d: "sort=-fatalities" in d.current_url)
    cells = browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr td:nth-child(9)")
    values = [int(c.text) for c in cells]
    assert values == sorted(values, reverse=True) and values[0] == 7


def test_event_page_shows_every_source_with_highlighted_evidence(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(server + "/?admin1=Kirkuk")
    browser.find_element(By.CSS_SELECTOR, "#events-table tbody tr[data-event-id] td a").click()
    _wait(browser, lambda d: "/events/" in d.current_url)
    sources = browser.find_elements(By.CSS_SELECTOR, "#sources > li")
    assert len(sources) == 2
    texts = browser.find_elements(By.CSS_SELECTOR, ".source-text")
    assert len(texts) == 2
    locations = browser.find_elements(By.CSS_SELECTOR, ".article-text mark[data-fields~='location']")
    assert [m.text for m in locations] == ["Kirkuk", "Kirkuk"]
    fatalities = browser.find_elements(By.CSS_SELECTOR, ".article-text mark[data-fields~='fatalities']")
    assert sorted(m.text for m in fatalities) == ["Four", "three"]
    assert fatalities[0].get_attribute("title") == "fatalities"
    background = locations[0].value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert _wait(browser, lambda d: d.find_element(By.ID, "event-map").get_attribute("data-ready")) == "1"
    assert browser.find_elements(By.CSS_SELECTOR, "#event-map path.leaflet-interactive")  # the event's point
    ActionChains(browser).move_to_element(fatalities[0]).perform()
    browser.save_screenshot(str(SHOTS / "event-page.png"))


def test_hostile_article_html_is_shown_as_text_and_never_runs(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/?country=Syria")
    _ready(browser)
    assert browser.execute_script("return window.__pwned === undefined")
    assert "<script>" in browser.find_element(By.CSS_SELECTOR, "#events-table tbody").text
    browser.find_element(By.CSS_SELECTOR, "#events-table tbody tr[data-event-id] td a").click()
    _wait(browser, lambda d: "/events/" in d.current_url)
    text = browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert '<script>window.__pwned = 1; alert("pwned")</script>' in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "main script, main img, main b")
    browser.save_screenshot(str(SHOTS / "event-hostile.png"))


def test_map_popup_links_to_the_event_page(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/?country=Nigeria")
    _ready(browser)
    browser.find_element(By.CSS_SELECTOR, "#map .marker-pin").click()
    popup = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content .popup"))[0]
    assert "Violent demonstration" in popup.text and "Kano" in popup.text
    link = popup.find_element(By.TAG_NAME, "a").get_attribute("href")
    assert "/events/ev_" in link
    browser.save_screenshot(str(SHOTS / "map-popup.png"))
