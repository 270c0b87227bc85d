"""Build tiny sites and read the output: tracker, advice, charts, glossary links, bomenbalans, B1."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TinySite, run_pelican

ROOT = Path(__file__).resolve().parent.parent
BEGRIPPEN = (ROOT / "content" / "raad" / "begrippen.yaml").read_text(encoding="utf-8")

BOMEN = {"gekapt": 14, "herplant": 20, "toelichting": "Een onderzoek laat zien dat de bomen ziek zijn."}

HARD = ("Het college stelt voor om een krediet beschikbaar te stellen ten behoeve van de herinrichting van de "
        "openbare ruimte, waarbij de gemeentelijke beleidsuitgangspunten ten aanzien van duurzaamheid en "
        "klimaatadaptatie integraal worden meegenomen.")


def komend(tiny_site, **changes) -> dict:
    """A voorstel with a commissie behind and a council meeting ahead (today is 27 November 2026)."""
    data = {
        "id": "2026-050", "datumIngediend": "2026-10-20", "titel": "Nieuwe bomen in het Stadsdennenbos",
        "samenvatting": "Het college wil zieke bomen kappen. Het college plant er meer bomen voor terug. "
                        "Een amendement kan dat nog veranderen.",
        "behandeling": [{"gremium": "commissie-ruimte", "datum": "2026-11-19", "tijd": "19:30"},
                        {"gremium": "gemeenteraad", "datum": "2026-12-10"}],
        "onderwerpen": ["groen"], "bomen": {"gekapt": 6, "herplant": 9, "toelichting": BOMEN["toelichting"]},
    }
    data.update(changes)
    return tiny_site.voorstel(**data)


def site(tiny_site, **files) -> Path:
    return tiny_site(
        voorstel={"bomen": BOMEN,
                  "samenvatting": "Het college wil een speeltuin maken. Het college vraagt de raad om geld. "
                                  "Kinderen hebben meegedacht."},
        besluit={"bekendmaking": {"datum": "2024-03-07"},
                 "besluittoelichting": "De raad vindt een veilige plek om te spelen belangrijk. "
                                       "Kinderen hebben meegedacht."},
        files={"raad/begrippen.yaml": BEGRIPPEN,
               "voorstellen/2026-050-stadsdennenbos.md": komend(tiny_site), **files},
    )


def squash(output: str) -> str:
    """Pelican's log wraps lines and adds 'file.py:123' at the side; remove both."""
    return "".join(re.sub(r"\S+\.py:\d+", "", output).split())


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build shared by the read-only tests of this module (builds take seconds)."""
    tmp = tmp_path_factory.mktemp("explain")
    out = tmp / "out"
    result = run_pelican(site(TinySite(tmp)), out)
    assert result.returncode == 0, result.output
    return out, result


def test_tracker_on_an_open_dossier(built):
    out, _ = built
    page = soup(out / "dossiers" / "2026-050.html")
    route = page.select_one("section.route")
    assert route["data-dossier"] == "2026-050" and route["data-label"] == "voorstel"
    assert route.h2.get_text() == "Waar is dit voorstel nu?"
    stappen = route.select("ol > li")
    assert [s.select_one(".route__naam").get_text() for s in stappen] == [
        "Het college stelt voor", "Commissie", "Raadsvergadering", "Besluit", "Bekendmaking"]
    assert [s.select_one(".route__staat").get_text() for s in stappen] == [
        "Gedaan", "Gedaan", "Nu", "Nog niet", "Nog niet"]
    current = route.select('[aria-current="step"]')
    assert len(current) == 1 and "Raadsvergadering" in current[0].get_text()
    assert "10 december 2026, 19.30 uur" not in current[0].get_text()  # no time recorded: none shown
    assert "Gepland: 10 december 2026" in current[0].get_text()


def test_wat_kunt_u_nu_doen_names_the_deadline(built):
    out, _ = built
    page = soup(out / "dossiers" / "2026-050.html")
    wat = page.select_one("section.wat-nu")
    assert wat.h2.get_text() == "Wat kunt u nu doen?"
    text = " ".join(wat.get_text(" ").split())
    assert "donderdag 10 december 2026" in text
    assert "Aanmelden kan tot woensdag 9 december 2026, 19.30 uur." in text
    assert wat.select_one('a[href="../inspreken.html"]') is not None
    assert wat.select_one('a[href="../vragen.html"]') is not None
    assert "Deze pagina is gemaakt op 27 november 2026" in page.get_text()


def test_after_the_deadline_the_page_says_so(tiny_site, pelican_build, tmp_path):
    out = tmp_path / "out"
    result = pelican_build(site(tiny_site), out, extra_settings={"RAADSINFO_TODAY": "2026-12-09",
                                                                 "RAADSINFO_NOW": "2026-12-09T19:31:00"})
    assert result.returncode == 0, result.output
    text = " ".join(soup(out / "dossiers" / "2026-050.html").select_one("section.wat-nu").get_text(" ").split())
    assert "Aanmelden om in te spreken kan niet meer. Dat kon tot woensdag 9 december 2026, 19.30 uur." in text
    assert "Aanmelden kan tot" not in text


def test_decided_dossier_shows_vote_chart_beside_table_and_what_follows(built):
    out, _ = built
    page = soup(out / "dossiers" / "2024-010.html")
    box = page.select_one(".grafiek-en-tabel")
    svg = box.select_one("svg")
    table = box.select_one("table.stemtabel")
    assert svg["role"] == "img" and table is not None
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.select_one(f"#{title_id}").get_text().startswith("Stemming per fractie op 29 februari 2024")
    desc = svg.select_one(f"#{desc_id}").get_text()
    assert "26 raadsleden stemden voor, 3 tegen." in desc
    assert "Gemeentebelang: 0 voor, 3 tegen." in desc
    route = page.select_one("section.route")
    assert route.h2.get_text() == "Waar is dit besluit nu?"
    assert not route.select('[aria-current="step"]')  # everything done
    assert "Het college voert het besluit nu uit." in page.select_one("section.wat-nu").get_text()
    assert "De raad heeft besloten: 14 bomen mogen worden gekapt en 20 nieuwe bomen worden geplant." in (
        page.select_one(".bomen-saldo").get_text())


def test_first_use_of_a_glossary_term_links_to_its_definition(built):
    out, _ = built
    page = soup(out / "dossiers" / "2024-010.html")
    links = page.select("a.term")
    assert [a["href"] for a in links].count("../begrippen.html#college") == 1  # "college" is used twice
    first = page.select_one("#samenvatting").find_next("p").select_one("a.term")
    assert first.get_text() == "college" and first["href"] == "../begrippen.html#college"
    assert not page.select("h1 a.term, h2 a.term, h3 a.term")
    open_page = soup(out / "dossiers" / "2026-050.html")
    assert "../begrippen.html#amendement" in [a["href"] for a in open_page.select("a.term")]
    glossary = soup(out / "begrippen.html")
    for slug in ("amendement", "motie", "hamerstuk", "college", "griffie", "inspreken", "gemeenteblad"):
        assert glossary.select_one(f"dt#{slug}") is not None


def test_bomenbalans_page(built):
    out, _ = built
    page = soup(out / "bomenbalans.html")
    rows = {r.th.get_text(): [td.get_text() for td in r.select("td")] for r in page.select("table.bomentabel tbody tr")}
    assert rows == {"2024": ["14", "20", "+6"]}
    svg = page.select_one("svg.grafiek--bomen")
    assert svg["role"] == "img"
    assert "2024: 14 bomen gekapt, 20 nieuwe bomen geplant." in svg.desc.get_text()
    gepland = page.select_one("#gepland").find_next("ul").select_one("a")
    assert gepland["data-dossier"] == "2026-050" and gepland["data-label"] == "voorstel"
    assert "Voorstel aan de raad" in gepland.get_text()
    home = soup(out / "index.html")
    assert home.select_one('a[href="./bomenbalans.html"], a[href="bomenbalans.html"]') is not None


def test_vote_date_passed_shows_uitslag_nog_niet_verwerkt(tiny_site, pelican_build, tmp_path):
    late = komend(tiny_site, id="2026-051", behandeling=[{"gremium": "gemeenteraad", "datum": "2026-11-19"}])
    content = site(tiny_site, **{"voorstellen/2026-051-laat.md": tiny_site.record(late)})
    out = tmp_path / "out"
    result = pelican_build(content, out)
    assert result.returncode == 0, result.output
    assert "uitslag nog niet verwerkt" in result.output
    page = soup(out / "dossiers" / "2026-051.html")
    current = page.select_one('section.route [aria-current="step"]')
    assert "De uitslag is nog niet verwerkt op deze site." in current.get_text()
    assert "aangenomen" not in page.select_one("section.wat-nu").get_text()


def test_hard_text_warns_and_b1_strict_fails_the_build(tiny_site, pelican_build, tmp_path):
    content = site(tiny_site, **{"voorstellen/2026-050-stadsdennenbos.md": tiny_site.record(
        komend(tiny_site, samenvatting=HARD))})
    warned = pelican_build(content, tmp_path / "out1")
    assert warned.returncode == 0, warned.output
    flat = squash(warned.output)
    assert "1van10tekstenvoorinwonerszijntemoeilijkvoortaalniveauB1" in flat
    assert "content/voorstellen/2026-050-stadsdennenbos.md:samenvatting:temoeilijkvoorB1" in flat
    strict = pelican_build(content, tmp_path / "out2", extra_settings={"B1_STRICT": True})
    assert strict.returncode != 0
    assert "B1_STRICTstaataan" in squash(strict.output)


def test_b1_check_in_a_background_process_reports_the_same(tiny_site, pelican_build, tmp_path):
    """Big sites measure in a forked process; force that path on a tiny site."""
    content = site(tiny_site, **{"voorstellen/2026-050-stadsdennenbos.md": tiny_site.record(
        komend(tiny_site, samenvatting=HARD))})
    warned = pelican_build(content, tmp_path / "out1", extra_settings={"B1_BACKGROUND_FROM": 1})
    assert warned.returncode == 0, warned.output
    assert "content/voorstellen/2026-050-stadsdennenbos.md:samenvatting:temoeilijkvoorB1" in squash(warned.output)
    strict = pelican_build(content, tmp_path / "out2", extra_settings={"B1_BACKGROUND_FROM": 1, "B1_STRICT": True})
    assert strict.returncode != 0
    assert "B1_STRICTstaataan" in squash(strict.output)


def test_invoke_check_reports_score_and_hardest_sentences(tiny_site):
    content = site(tiny_site, **{"voorstellen/2026-050-stadsdennenbos.md": tiny_site.record(
        komend(tiny_site, samenvatting=HARD))})
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27"}
    result = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "content/voorstellen/2026-050-stadsdennenbos.md: samenvatting: te moeilijk voor B1 (leesgemak" in out
    assert "Moeilijkste zinnen:" in out and "beleidsuitgangspunten" in out
    every = subprocess.run([sys.executable, "-m", "invoke", "check", "--b1"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120).stdout
    assert "samenvatting: voldoet aan B1" in every  # the easy texts are listed too
