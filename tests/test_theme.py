"""The residents' theme: the page frame every page must have, self-hosted CSS, and the
colour pairs of the design tokens meeting WCAG 2.1 AA contrast.

Builds one tiny site (an adopted besluit and an open voorstel) and reads every page.
Pixels are not tested here; the browser tests run axe-core on the sample site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, TinySite, run_pelican

CSS_DIR = ROOT / "theme" / "static" / "css"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = TinySite(tmp_path_factory.mktemp("theme"))
    open_voorstel = site.voorstel(id="2024-011", titel="Nieuwe bankjes in het Stadspark")
    content = site(files={"voorstellen/2024-011-bankjes.md": open_voorstel})
    out = content.parent / "out"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.output
    return out


def pages(out: Path) -> list[Path]:
    found = sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)
    assert len(found) > 5, found
    return found


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_the_accessible_frame(built):
    for path in pages(built):
        doc = soup(path)
        where = path.relative_to(built)
        assert doc.html.get("lang") == "nl", where
        assert len(doc.find_all("h1")) == 1, f"{where}: precies één h1 verwacht"
        viewport = doc.find("meta", attrs={"name": "viewport"})
        assert viewport and "width=device-width" in viewport["content"], where
        # The skip link is the first link on the page and points at <main>.
        first_link = doc.body.find("a")
        assert "skip-link" in first_link.get("class", []), where
        target = first_link["href"].lstrip("#")
        assert doc.find(id=target).name == "main", where


def test_pages_load_only_local_stylesheets_and_scripts(built):
    for path in pages(built):
        doc = soup(path)
        where = path.relative_to(built)
        links = [link["href"] for link in doc.find_all("link", rel="stylesheet")]
        scripts = [s["src"] for s in doc.find_all("script", src=True)]
        assert links, f"{where}: geen stylesheet"
        for url in links + scripts:
            assert not re.match(r"^(https?:)?//", url), f"{where}: {url} komt van buiten de site"
        for url in links:
            if "pagefind" in url:  # written by the search step, not by Pelican
                continue
            assert (path.parent / url).resolve().is_file(), f"{where}: {url} bestaat niet"
        print_css = doc.find("link", rel="stylesheet", media="print")
        assert print_css and print_css["href"].endswith("print.css"), where


def test_css_needs_no_web_fonts_or_outside_files():
    for css in CSS_DIR.glob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@font-face" not in text, css.name
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), css.name


def test_focus_is_visible_and_print_hides_navigation():
    site_css = (CSS_DIR / "site.css").read_text(encoding="utf-8")
    focus = re.search(r":focus-visible\s*\{([^}]*)\}", site_css)
    assert focus and re.search(r"outline:\s*var\(--rv-focus-outline-width\)\s+solid", focus.group(1))
    assert re.search(r"--rv-focus-outline-width:\s*3px", site_css)
    print_css = (CSS_DIR / "print.css").read_text(encoding="utf-8")
    hidden = print_css.split("{ display: none !important; }")[0]
    assert ".site-nav" in hidden and ".skip-link" in hidden
    assert 'content: " (" attr(href) ")"' in print_css


def test_badges_say_voorstel_or_besluit_in_words(built):
    besluit = soup(built / "dossiers" / "2024-010.html").find(attrs={"data-role": "badge"})
    voorstel = soup(built / "dossiers" / "2024-011.html").find(attrs={"data-role": "badge"})
    assert "badge--besluit" in besluit["class"] and besluit.get_text().startswith("Besluit: aangenomen")
    assert "badge--voorstel" in voorstel["class"] and voorstel.get_text().startswith("Voorstel")
    assert "aangenomen" not in voorstel.get_text()


# --- contrast of the design tokens -------------------------------------------------

def _tokens() -> dict[str, str]:
    text = (CSS_DIR / "site.css").read_text(encoding="utf-8")
    roots = "".join(re.findall(r":root\s*\{([^}]*)\}", text))  # the tokens, not local overrides
    raw = dict(re.findall(r"(--rv-[\w-]+):\s*([^;]+);", roots))

    def resolve(value: str, depth: int = 0) -> str:
        m = re.fullmatch(r"var\((--rv-[\w-]+)\)", value.strip())
        return resolve(raw[m.group(1)], depth + 1) if m and depth < 10 else value.strip()

    return {name: resolve(value) for name, value in raw.items()}


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


TEXT_PAIRS = [  # (text colour, background): normal-size text, 4.5:1
    ("--rv-document-color", "--rv-document-background-color"),
    ("--rv-secondary-color", "--rv-document-background-color"),
    ("--rv-secondary-color", "--rv-surface-subtle"),
    ("--rv-link-color", "--rv-document-background-color"),
    ("--rv-link-color", "--rv-surface-subtle"),
    ("--rv-link-color", "--rv-feedback-info-background-color"),
    ("--rv-link-visited-color", "--rv-document-background-color"),
    ("--rv-heading-color", "--rv-feedback-info-background-color"),
    ("--rv-navigation-color", "--rv-navigation-background-color"),
    ("--rv-navigation-color", "--rv-navigation-hover-background-color"),
    ("--rv-page-footer-color", "--rv-page-footer-background-color"),
    ("--rv-sample-banner-color", "--rv-sample-banner-background-color"),
    ("--rv-badge-voorstel-color", "--rv-badge-voorstel-background-color"),
    ("--rv-link-color", "--rv-badge-voorstel-background-color"),
    ("--rv-badge-besluit-color", "--rv-badge-besluit-aangenomen-background-color"),
    ("--rv-badge-besluit-color", "--rv-badge-besluit-verworpen-background-color"),
    ("--rv-badge-ingetrokken-color", "--rv-badge-ingetrokken-background-color"),
    ("--rv-feedback-success-color", "--rv-document-background-color"),
    ("--rv-feedback-success-color", "--rv-table-row-alternate-background-color"),
    ("--rv-feedback-error-color", "--rv-table-row-alternate-background-color"),
    ("--rv-color-grijs-900", "--rv-focus-background-color"),
]
UI_PAIRS = [  # borders and focus rings against what surrounds them, 3:1
    ("--rv-badge-voorstel-border-color", "--rv-badge-voorstel-background-color"),
    ("--rv-focus-outline-color", "--rv-document-background-color"),
    ("--rv-color-geel-500", "--rv-navigation-background-color"),  # focus ring in nav and footer
    ("--rv-border-strong-color", "--rv-surface-subtle"),
]


@pytest.mark.parametrize(("fg", "bg", "minimum"), [(*p, 4.5) for p in TEXT_PAIRS] + [(*p, 3.0) for p in UI_PAIRS])
def test_token_pairs_meet_wcag_aa_contrast(fg, bg, minimum):
    tokens = _tokens()
    ratio = contrast(tokens[fg], tokens[bg])
    assert ratio >= minimum, f"{fg} op {bg}: {ratio:.2f}:1, minimaal {minimum}:1"


def test_contrast_check_can_fail():
    assert contrast("#767676", "#ffffff") >= 4.5
    assert contrast("#777777", "#ffffff") < 4.5


def test_card_is_rendered_once_per_dossier_day_level_and_depth():
    """The card cache (plugins/dossiers/kaarten.py) must never hand a card rendered
    for one page depth (relative SITEURL) or heading level to another."""
    from dossiers.kaarten import kaart_eenmaal

    calls = []

    class D:
        id = "2024-011"

    def kaart(d, today, niveau):
        calls.append((d.id, today, niveau))
        return f"<li>{d.id} {today} h{niveau}</li>"

    cache: dict = {}
    assert kaart_eenmaal(cache, kaart, D, "vandaag", 2, "..") == "<li>2024-011 vandaag h2</li>"
    assert kaart_eenmaal(cache, kaart, D, "vandaag", 2, "..") == "<li>2024-011 vandaag h2</li>"
    assert len(calls) == 1
    kaart_eenmaal(cache, kaart, D, "vandaag", 3, "..")
    kaart_eenmaal(cache, kaart, D, "vandaag", 2, ".")
    assert len(calls) == 3
    kaart_eenmaal(None, kaart, D, "vandaag", 2, "..")  # no cache in the context: render
    assert len(calls) == 4
