"""In Chromium: a hostile record body runs nothing, and the site's own scripts break no CSP rule.

The tiny site of :func:`test_sanitise.build_hostile_site` has record bodies with a
``<script>`` that rewrites the h1 and ``document.title``, an ``<img onerror>``, a
``<style>`` that hides the status box and writes "Besluit: aangenomen" after the h1,
an ``<svg onload>``, a ``javascript:`` link and a ``data-pagefind-meta`` span. Every
payload sets ``window.__gehackt``. The tests open the pages over http and show that
nothing ran and nothing was restyled; then that the Content-Security-Policy alone
would have stopped an inline script or style that got past the sanitiser; and that
the site's own pages, the Pagefind search page above all, cause no CSP violation.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from selectolax.lexbor import LexborHTMLParser
from test_sanitise import CLAIM, DECIDED, FLAG, UNDECIDED, build_hostile_site

pytestmark = [pytest.mark.browser]

#: Registered before any script of the page runs (CDP, so the CSP does not apply to it):
#: every violation the page causes ends up in window.__csp.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || ""));
});
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build_hostile_site(tmp_path_factory.mktemp("kwaad-browser"))


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def tab(browser):
    """A fresh tab that records CSP violations, console errors, page errors and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch(page)
    yield page
    context.close()


def watch(page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.problems = []
    page.on("console", lambda m: m.type == "error" and not _favicon(m)
            and page.problems.append(f"console: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))


def _favicon(message) -> bool:
    """Chromium asks every site for /favicon.ico by itself; the site has none, on purpose."""
    return (message.location.get("url") or "").endswith("/favicon.ico")


def violations(page) -> list[str]:
    return page.evaluate("window.__csp")


def static_title(site, name: str) -> str:
    return LexborHTMLParser((site / name).read_text(encoding="utf-8")).css_first("title").text()


def assert_untouched(page, site, name: str) -> None:
    """Nothing from a body ran or restyled the page: the proof for one dossier page."""
    assert page.evaluate(f"window.{FLAG}") is None, "a payload ran"
    assert page.title() == static_title(site, name), "document.title was changed"
    h1 = page.locator("h1")
    assert h1.count() == 1
    expected_h1 = LexborHTMLParser((site / name).read_text(encoding="utf-8")).css_first("h1").text(strip=True)
    assert h1.inner_text().strip() == expected_h1
    assert page.evaluate("getComputedStyle(document.querySelector('h1'), '::after').content") in ("none", "normal")
    status = page.locator(".status-box")
    assert status.is_visible() and status.bounding_box()["height"] > 20
    assert CLAIM not in page.locator("main").inner_text().split("Besluit van de gemeenteraad")[0] or \
        name.endswith(f"{DECIDED}.html")


@pytest.mark.parametrize("dossier", [UNDECIDED, DECIDED])
def test_hostile_record_body_runs_nothing(tab, hostile_site, hostile_url, dossier):
    name = f"dossiers/{dossier}.html"
    tab.goto(f"{hostile_url}/{name}")
    tab.wait_for_load_state("networkidle")
    for link in tab.locator(".toelichting a").all():  # hovering and clicking run no handler
        link.hover()
    assert_untouched(tab, hostile_site, name)
    assert violations(tab) == [] and tab.problems == [], "the sanitised page should trip no CSP rule"
    undecided = tab.locator(".status-box").get_attribute("class")
    assert ("status-box--voorstel" in undecided) == (dossier == UNDECIDED)


def test_csp_alone_blocks_inline_script_and_style(tab, hostile_site, hostile_url):
    """Second layer: if markup ever got past the sanitiser, the policy still stops it."""
    name = f"dossiers/{UNDECIDED}.html"
    tab.goto(f"{hostile_url}/{name}")
    tab.evaluate(f"""() => {{
        const s = document.createElement("script");
        s.textContent = "window.{FLAG} = 1; document.title = '{CLAIM}';";
        document.body.append(s);
        const st = document.createElement("style");
        st.textContent = ".status-box {{ display: none !important; }}";
        document.head.append(st);
        const d = document.createElement("div");
        d.innerHTML = '<img src="x" onerror="window.{FLAG} = 1">';
        document.body.append(d);
        const a = document.createElement("a");
        a.href = "javascript:window.{FLAG} = 1";
        a.textContent = "klik";
        document.body.append(a);
        a.click();
    }}""")
    tab.wait_for_timeout(300)
    assert_untouched(tab, hostile_site, name)
    blocked = " ".join(violations(tab))
    assert "script-src" in blocked and "style-src" in blocked, blocked


def test_hostile_pages_run_nothing(tab, hostile_site, hostile_url):
    for name in ("kwaad.html",):  # an .html page is refused before the build (page_files)
        tab.goto(f"{hostile_url}/{name}")
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate(f"window.{FLAG}") is None
        assert tab.title() == static_title(hostile_site, name)
        assert tab.locator("h1").count() == 1
        assert violations(tab) == [] and tab.problems == []


def test_search_page_works_under_the_csp(tab, hostile_site, hostile_url):
    """Pagefind (a script file and WebAssembly) runs with no violation, and its result
    title is the dossier's h1, not the title a body's data-pagefind-meta asked for."""
    if not (hostile_site / "pagefind" / "pagefind-ui.js").is_file():
        pytest.skip("Pagefind heeft geen zoekindex gemaakt")
    tab.goto(f"{hostile_url}/zoeken.html?q=speeltuin")
    results = tab.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    titles = [t.strip() for t in results.all_inner_texts()]
    assert "Voorstel aan de raad: Nieuwe speeltuin in Drielanden" in titles
    assert not [t for t in titles if CLAIM in t]
    assert tab.evaluate(f"window.{FLAG}") is None
    assert violations(tab) == [] and tab.problems == []


def test_pages_from_disk_keep_their_style_under_the_csp(tab, hostile_site):
    """'self' also covers the stylesheet when a page is opened as a file."""
    tab.goto((hostile_site / "dossiers" / f"{UNDECIDED}.html").as_uri())
    assert tab.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    assert tab.evaluate(f"window.{FLAG}") is None
    assert violations(tab) == []


# -- the sample site: its own scripts and styles under the policy ---------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("path", ["index.html", "hoe-werkt-de-raad.html", "pers.html", "begrippen.html",
                                  "bomenbalans.html", "dossiers/index.html"])
def test_sample_pages_cause_no_csp_violation(page, path):
    watch(page)
    page.goto(f"/{path}")
    page.wait_for_load_state("networkidle")
    assert violations(page) == [] and page.problems == []


@pytest.mark.slow
def test_sample_dossier_pages_cause_no_csp_violation(page, sample):
    for d in sample.dossiers[:: max(len(sample.dossiers) // 6, 1)]:
        watch(page)
        page.goto(f"/dossiers/{d.id}.html")
        page.wait_for_load_state("networkidle")
        assert violations(page) == [] and page.problems == [], d.id


@pytest.mark.slow
def test_sample_search_causes_no_csp_violation(page):
    watch(page)
    page.goto("/zoeken.html")
    box = page.locator("input.pagefind-ui__search-input")
    box.fill("bomen")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    page.locator(".pagefind-ui__filter-block summary").first.click()
    page.wait_for_load_state("networkidle")
    assert violations(page) == [] and page.problems == []
