"""The archive in a real browser: Debian's chromium driven by Playwright against `python -m pipeline serve`.

Nothing leaves the machine: every request to a host other than the loopback server is aborted (the map's
tiles are remote; its markers are not). Screenshots land in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(archive_db, tmp_path_factory) -> Iterator[str]:
    """`python -m pipeline serve` on a free loopback port over a copy of the sample archive."""
    folder = tmp_path_factory.mktemp("served")
    db = folder / "archive.db"
    shutil.copy(archive_db, db)
    port = _free_port()
    log = (folder / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start: " + (folder / "serve.log").read_text()) from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server) -> Iterator[Any]:
    """A page that may talk only to the loopback server; JavaScript errors fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    pg = context.new_page()
    pg.blocked = []
    pg.errors = []

    def route(r: Any) -> None:
        if urlparse(r.request.url).hostname in ("127.0.0.1", "localhost", "::1"):
            r.continue_()
        else:
            pg.blocked.append(r.request.url)
            r.abort()

    pg.route("**/*", route)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.set_default_timeout(15_000)
    yield pg
    assert not pg.errors, pg.errors
    context.close()


def shot(pg: Any, name: str, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_home_page(page, server):
    page.goto(server + "/")
    assert page.locator("h1").first.inner_text() == "Архив муниципальных отчётов"
    assert page.get_by_role("link", name="Search the texts").is_visible()
    shot(page, "home")


def test_faceted_table(page, server):
    page.goto(server + "/archive/counts")  # metadata facets: report_id, unit, qualifier
    facets = page.locator(".facet-info")
    assert facets.count() >= 2
    assert "человек" in page.locator('.facet-info[data-column="unit"]').first.inner_text()
    assert page.locator("td.col-sentence mark.record").count() > 10
    page.locator('.facet-info[data-column="unit"] a', has_text="человек").first.click()
    page.wait_for_load_state()
    assert "unit=" in page.url and page.locator("td.col-unit").first.inner_text() == "человек"
    shot(page, "table-counts-faceted")


def test_map_shows_markers_without_remote_tiles(page, server):
    page.goto(server + "/archive/partner_cities")
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").count() >= 3
    assert page.blocked and all("127.0.0.1" not in u for u in page.blocked), "tiles were requested and blocked"
    page.locator(".leaflet-container").first.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.locator("img.leaflet-marker-icon").first.click()  # a single city (clusters are divs)
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "mentions" in popup.inner_text() and "report_id" in popup.inner_text()
    page.wait_for_timeout(400)  # Leaflet pans the popup into view
    shot(page, "map-partner-cities")


def test_search_shows_marked_snippets(page, server):
    page.goto(server + "/archive/search?q=телемост")
    marks = page.locator("td.col-snippet mark.hit")
    assert marks.count() >= 4
    assert "телемоста" in marks.all_inner_texts()
    shot(page, "search-telemost", full_page=True)


def test_table_search_box_understands_word_forms(page, server):
    page.goto(server + "/archive/paragraphs")
    page.fill("#_search", "елочные")
    page.locator("#_search").press("Enter")
    page.wait_for_selector("td.col-text mark.hit")
    assert page.locator("td.col-text mark.hit").first.inner_text() == "ёлочные"
    assert page.locator("#_search").input_value() == "елочные"
    shot(page, "paragraphs-search-yo")


def test_dashboard_renders_charts(page, server):
    page.goto(server + "/-/dashboards/archive-overview")
    for chart in ("participants", "countries", "months", "cities"):
        page.wait_for_selector(f"#chart-{chart} canvas, #chart-{chart} svg")
    assert page.locator("#chart-records").inner_text().strip() != ""
    page.wait_for_timeout(300)  # vega draws after it appends the canvas
    shot(page, "dashboard", full_page=True)


def test_record_sentence_leads_to_its_place_in_the_report(page, server):
    page.goto(server + "/archive/counts?text=80+человек")
    cell = page.locator("td.col-sentence").first
    assert cell.locator("mark.record").inner_text() == "80 человек"
    cell.locator("a.in-context").click()
    page.wait_for_load_state()
    target = page.locator(":target")
    assert "80 человек" in target.inner_text()
    assert target.locator("mark.rec-count").first.inner_text() == "80 человек"
    shot(page, "report-reading-view")

