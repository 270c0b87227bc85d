"""The whole sample site builds, and every dossier appears with its correct label.

This is the newcomer's experience (`make site`), checked end to end through the same
code path as ``invoke build``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from raadsinfo.loader import load_site
from raadsinfo.status import Status

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-27"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "output"
    env = {**os.environ, "RAADSINFO_TODAY": TODAY}
    settings = tmp_path_factory.mktemp("settings") / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\nRAADSINFO_TODAY = {TODAY!r}\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(settings), "-o", str(out),
         "--fatal", "errors"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def sample_site():
    from datetime import date

    return load_site(ROOT / "content", today=date.fromisoformat(TODAY))


def test_sample_covers_every_status(sample_site):
    statuses = {d.status for d in sample_site.dossiers}
    assert statuses == set(Status), f"missing: {set(Status) - statuses}"


def test_every_dossier_page_has_its_label(sample_output, sample_site):
    """A resident tells at a glance from the headline whether a plan was adopted, rejected,
    withdrawn, postponed or is still a proposal (an oracle written apart from raadsinfo.labels)."""
    expected_start = {
        "in-behandeling": "Voorstel aan de raad: ", "aangehouden": "Voorstel uitgesteld: ",
        "ingetrokken": "Voorstel ingetrokken: ", "verworpen": "Verworpen: ",
        "unaniem-aangenomen": ("Unaniem aangenomen: ", "Aangenomen zonder stemming: "),
        "aangenomen": ("Aangenomen: ", "Aangenomen zonder stemming: "),
        "geamendeerd-aangenomen": "Aangenomen met wijzigingen: ",
        "onder-voorbehoud-aangenomen": "Aangenomen onder voorwaarde: ",
    }
    for d in sample_site.dossiers:
        html = (sample_output / d.url).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        title = soup.title.get_text()
        h1 = soup.h1.get_text(" ", strip=True)
        assert h1.startswith(expected_start[d.status.slug]), (d.id, h1)
        assert h1.endswith(d.titel) and title == f"{h1} | Raadsinformatie Harderwijk", (d.id, title)
        if d.besluit is not None and d.besluit.hamerstuk:
            assert h1.startswith("Aangenomen zonder stemming: "), (d.id, h1)
        if not d.is_besluit:
            assert not re.search(r"besluit|besloten|aangenomen|verworpen", h1.removesuffix(d.titel), re.I)
    assert {d.status.slug for d in sample_site.dossiers} == set(expected_start), "the sample shows every status"


def test_every_dossier_is_listed_on_the_overview(sample_output, sample_site):
    soup = BeautifulSoup((sample_output / "dossiers" / "index.html").read_text(encoding="utf-8"), "lxml")
    entries = {li["data-dossier"]: li["data-label"] for li in soup.select('[data-role="entry"]')}
    assert entries == {d.id: d.label.value for d in sample_site.dossiers}


def test_home_shows_upcoming_votes_first(sample_output, sample_site):
    soup = BeautifulSoup((sample_output / "index.html").read_text(encoding="utf-8"), "lxml")
    first_section = soup.find("main").find("section")
    labels = {li["data-label"] for li in first_section.select('[data-role="entry"]')}
    assert labels == {"voorstel"}, "upcoming votes are voorstellen only"
    assert first_section.select('[data-role="entry"]'), "the sample has upcoming votes"


def test_about_page_says_sample_data(sample_output):
    text = (sample_output / "over-deze-site.html").read_text(encoding="utf-8")
    assert "voorbeeld" in text.lower()


def test_every_internal_link_works_when_opened_from_disk(sample_output):
    """With RELATIVE_URLS (pelicanconf) the site works from ``output/index.html`` in a
    browser, without a web server: no link may start at the root ("/dossiers/..."),
    and every relative link must name a file that was written. (Card links once had
    an empty SITEURL because the macros were imported without the page context.)"""
    from urllib.parse import unquote, urlsplit

    broken = []
    for page in sorted(sample_output.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        soup = BeautifulSoup(page.read_bytes(), "lxml")
        for el in soup.find_all(["a", "link", "script", "img"]):
            url = el.get("href") or el.get("src")
            if not url or url.startswith(("#", "mailto:", "tel:", "http://", "https://", "webcal://", "data:")):
                continue
            rel = page.relative_to(sample_output)
            if url.startswith("/"):
                broken.append(f"{rel}: {url} (begint bij de root)")
                continue
            target = (page.parent / unquote(urlsplit(url).path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() and "pagefind" not in target.parts:  # Pagefind: written after Pelican
                broken.append(f"{rel}: {url}")
    assert not broken, "\n".join(broken[:40])
