"""Fixtures for tests on the built sample site: the build, a local web server, Chromium.

The sample site is built once per test session, through the same code as
``invoke build`` (Pelican in a staging folder, then the post-build steps such as the
Pagefind index), with a fixed day so the output does not depend on the calendar.

Tools that may be missing locally (Chromium, vnu.jar) make their tests skip with a
visible reason; under ``CI=true`` a missing tool fails the test instead, because a CI
run that skipped the browser tests would prove nothing.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("RAADSINFO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SAMPLE_TODAY = "2026-11-27"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def missing_tool(reason: str) -> None:
    """Skip locally, fail in CI: a skipped browser test in CI is a failure."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: dit mag in CI niet ontbreken)", pytrace=False)
    pytest.skip(reason)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true any skip in these tests (whatever its cause) is reported as a failure."""
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Overgeslagen in CI, en dat telt als fout: {reason}"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample site in content/, built like ``invoke build`` into a temp folder."""
    import tasks

    target = tmp_path_factory.mktemp("sample") / "site"
    old = os.environ.get("RAADSINFO_TODAY")
    os.environ["RAADSINFO_TODAY"] = SAMPLE_TODAY
    try:
        tasks._build_into(target, "pelicanconf.py")
    finally:
        if old is None:
            os.environ.pop("RAADSINFO_TODAY", None)
        else:
            os.environ["RAADSINFO_TODAY"] = old
    return target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="session")
def site_url(sample_site) -> str:
    """The sample site served over http on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.is_file():
        missing_tool(f"Chromium niet gevonden op {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path):
    """One headless Debian Chromium for the whole session, driven by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("Playwright (python) is niet geïnstalleerd")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab; ``page.requested`` lists every URL the page asked for."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested = []
    page.on("request", lambda req: page.requested.append(req.url))
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def axe():
    """Run axe-core (vendored, pinned) on the current page at WCAG 2.1 AA."""

    def run(page) -> list[dict]:
        # Through DevTools, not add_script_tag: the page's Content-Security-Policy blocks an
        # inline <script>, as it should.
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            """async () => {
                const r = await axe.run(document, {
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    resultTypes: ['violations'],
                });
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
                }));
            }"""
        )
        return result

    return run


@pytest.fixture(scope="session")
def sample():
    """The sample records as domain objects, to pick dossiers of each kind by their state."""
    from datetime import date

    from raadsinfo.loader import load_site

    return load_site(Path(__file__).resolve().parents[2] / "content", today=date.fromisoformat(SAMPLE_TODAY))


def pick(dossiers, predicate, what: str):
    """The first dossier matching ``predicate``; the sample site must have one."""
    found = next((d for d in dossiers if predicate(d)), None)
    assert found is not None, f"De voorbeeldsite heeft geen {what}; de browsertests hebben er een nodig."
    return found
