"""The documentation site, built and opened in a real browser (headless Chromium).

Builds the site with ``mkdocs build --strict`` into a temporary folder,
serves it on 127.0.0.1, opens it in Debian's Chromium through Selenium, and
checks that the case study's timeline picture and clause map (drawn by the
library during the build) are rendered, that the clause map's labels do not
overlap as the browser lays them out (for the bundled model and for a crowded
map of 20 clauses and 10 amendments), that no page logs a console error, and
that nothing is fetched from outside the site. Screenshots are saved in
``test-artifacts/``: ``case-study.png``, ``clause-map.png`` and
``clause-map-crowded.png``.

Needs the Debian packages ``chromium`` and ``chromium-driver``. Without them
the tests skip on a developer's machine and fail in CI (``CI`` set), where
``python3 dev.py test`` installs them.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
INSTALL = "apt-get install chromium chromium-driver"
TIMEOUT = 30


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} is missing: install Chromium with `{INSTALL}` (as root)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: `.venv/bin/pip install -e '.[dev]'`"
    return None


@pytest.fixture(scope="module", autouse=True)
def _browser_available() -> None:
    """Skip on a developer's machine without Chromium; in CI, fail instead."""
    why = _missing()
    if why is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser check of the docs, but {why}.", pytrace=False)
    pytest.skip(f"browser check of the docs skipped: {why}.")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly from the working tree into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The built site, served over HTTP on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium with a fresh profile, recording the console log."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1280,1600")
    options.add_argument("--disable-dev-shm-usage")  # containers often have a tiny /dev/shm
    options.set_capability("goog:loggingOptions", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(TIMEOUT)
    try:
        yield browser
    finally:
        browser.quit()


def open_page(driver: Any, url: str) -> list[dict[str, Any]]:
    """Load ``url``, wait until it and its images are complete, return its console log."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    WebDriverWait(driver, TIMEOUT).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && "
            "Array.from(document.images).every(i => i.complete)"
        )
    )
    log: list[dict[str, Any]] = driver.get_log("browser")
    return log


def errors(log: list[dict[str, Any]]) -> list[str]:
    return [entry["message"] for entry in log if entry.get("level") == "SEVERE"]


def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, relative to its root."""
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"
    )


class TestCaseStudy:
    def test_timeline_picture_is_rendered(self, driver: Any, base_url: str) -> None:
        """The case study shows the generated SVG timeline at a non-zero size."""
        from selenium.webdriver.common.by import By

        assert not errors(open_page(driver, base_url + "case-study.html"))
        image = driver.find_element(By.CSS_SELECTOR, "figure.ck-timeline img")
        assert image.get_attribute("src").endswith("img/openai-aws-training-2019-2026.svg")
        natural = driver.execute_script(
            "return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image
        )
        assert natural[0] > 0, f"the SVG did not load: {natural}"
        assert natural[1] > 0, f"the SVG did not load: {natural}"
        assert image.size["width"] > 300, image.size
        assert image.size["height"] > 50, image.size
        assert image.is_displayed()
        ARTIFACTS.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(ARTIFACTS / "case-study.png"))

    def test_every_amendment_has_a_section(self, driver: Any, base_url: str) -> None:
        """The hook filled in each amendment: its id, its excerpts and a table of answers."""
        import clausekit as ck

        open_page(driver, base_url + "case-study.html")
        text = driver.execute_script("return document.body.innerText")
        for amendment in ck.models.openai_microsoft().amendments:
            assert f"Amendment {amendment.id}" in text
        assert "<!-- clausekit:" not in driver.page_source
        badges = driver.execute_script("return document.querySelectorAll('span.ck-outcome').length")
        assert badges > 50

    def test_answers_are_coloured(self, driver: Any, base_url: str) -> None:
        """The outcome badges get their colours from the site's own style sheet."""
        from selenium.webdriver.common.by import By

        open_page(driver, base_url + "case-study.html")
        badge = driver.find_element(By.CSS_SELECTOR, "span.ck-outcome.ck-conditional")
        colour = badge.value_of_css_property("background-color")
        assert colour.replace(" ", "") in ("rgba(242,169,0,1)", "rgb(242,169,0)")


class TestWholeSite:
    def test_no_page_logs_an_error_and_every_image_loads(
        self, driver: Any, base_url: str, site: Path
    ) -> None:
        """Each page loads without console errors, and each of its images has a size."""
        found = pages(site)
        assert {"index.html", "tutorial.html", "case-study.html"} <= set(found)
        problems: dict[str, list[str]] = {}
        for page in found:
            log = open_page(driver, base_url + page)
            broken = driver.execute_script(
                "return Array.from(document.images)"
                ".filter(i => i.naturalWidth === 0).map(i => i.src)"
            )
            if errors(log) or broken:
                problems[page] = errors(log) + [f"image not loaded: {src}" for src in broken]
        assert not problems

    def test_nothing_is_fetched_from_outside(self, driver: Any, base_url: str) -> None:
        """The site works offline: every resource a page loads comes from the site itself."""
        for page in (
            "index.html",
            "case-study.html",
            "reference/api/index.html",
            "reference/api/agreements.html",
        ):
            open_page(driver, base_url + page)
            resources = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
            )
            outside = [url for url in resources if not url.startswith(base_url)]
            assert not outside, f"{page} fetched {outside}"


OVERLAPPING_TEXT = """
const boxes = Array.from(document.querySelectorAll('text')).map(t => {
  const b = t.getBBox();
  return {text: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height};
});
const hits = [];
for (let i = 0; i < boxes.length; i++) {
  for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    // Half a pixel of slack: glyph boxes of adjacent lines may touch.
    if (a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5) {
      hits.push([a.text, b.text]);
    }
  }
}
return [boxes.length, hits];
"""


class TestClauseMap:
    def test_case_study_shows_the_clause_map(self, driver: Any, base_url: str) -> None:
        """The case study shows the generated clause map at a legible size."""
        from selenium.webdriver.common.by import By

        assert not errors(open_page(driver, base_url + "case-study.html"))
        image = driver.find_element(By.CSS_SELECTOR, "figure.ck-clause-map img")
        assert image.get_attribute("src").endswith("img/openai-microsoft-clause-map.svg")
        natural = driver.execute_script(
            "return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image
        )
        assert natural[0] > 0, f"the SVG did not load: {natural}"
        assert natural[1] > 400, f"21 rows should need more height: {natural}"
        assert image.size["width"] > 300, image.size
        assert image.is_displayed()

    def test_labels_do_not_overlap_in_the_browser(self, driver: Any, base_url: str) -> None:
        """Laid out by Chromium with its real fonts, no two texts of the clause map overlap."""
        open_page(driver, base_url + "img/openai-microsoft-clause-map.svg")
        count, hits = driver.execute_script(OVERLAPPING_TEXT)
        assert count > 40, count
        assert hits == []
        ARTIFACTS.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(ARTIFACTS / "clause-map.png"))

    def test_crowded_map_stays_legible(self, driver: Any, base_url: str, site: Path) -> None:
        """20 clauses and 10 amendments, four of them in one month: every text has room."""
        from render.test_clause_map import crowded

        picture = crowded().clause_map(start="2019-06-01", end="2025-06-01", today="2022-03-10")
        (site / "crowded-clause-map.svg").write_text(picture.to_svg(width=640), encoding="utf-8")
        open_page(driver, base_url + "crowded-clause-map.svg")
        count, hits = driver.execute_script(OVERLAPPING_TEXT)
        assert count > 45, count
        assert hits == []
        ARTIFACTS.mkdir(exist_ok=True)
        assert driver.save_screenshot(str(ARTIFACTS / "clause-map-crowded.png"))
