"""Screenshots of the built site for the README, made with headless Chromium.

``invoke screenshots`` builds the sample site, serves it on 127.0.0.1 and saves the
home page, a dossier page, a list and the search page (with a search done) at a
desktop (1280 px) and a phone (375 px) width into ``docs/screenshots/``. Only the
first screen of each page is captured, so the PNGs stay small enough to commit.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {1280: 900, 375: 812}  # width: height of the first screen


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port on 127.0.0.1; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def shots(dossier_url: str, lijst_url: str, zoekwoord: str) -> dict[str, tuple[str, str | None]]:
    """Name -> (path, search word or None) of the pages to capture."""
    return {
        "home": ("index.html", None),
        "dossier": (dossier_url, None),
        "lijst": (lijst_url, None),
        "zoeken": ("zoeken.html", zoekwoord),
    }


def render(site: Path, out: Path, pages: dict[str, tuple[str, str | None]], chromium: str = CHROMIUM) -> list[Path]:
    """Capture every page at every width; returns the written files."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for width, height in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, base_url=base)
                page = context.new_page()
                for name, (path, word) in pages.items():
                    page.goto(f"/{path}")
                    if word:
                        page.locator("input.pagefind-ui__search-input").fill(word)
                        page.locator(".pagefind-ui__result-link").first.wait_for()
                        # Typing scrolled to the box; start the picture at the top (phone: at the heading).
                        page.evaluate("w => w < 600 ? document.querySelector('main').scrollIntoView() "
                                      ": window.scrollTo(0, 0)", width)
                    page.wait_for_load_state("networkidle")
                    target = out / f"{name}-{width}.png"
                    page.screenshot(path=str(target))
                    written.append(target)
                context.close()
        finally:
            browser.close()
    return written
