"""Every output of a built site tells the truth about each dossier's status.

One tiny site with three dossiers that share the same tree figures: an undecided
voorstel, a rejected one and a hamerstuk. Pages, cards, the bomenbalans, feeds,
calendars and the JSON export are read back, so that a template or plugin that
composes its own label or writes a fact in the wrong tense fails here.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import TinySite, run_pelican

BOMEN = {"gekapt": 22, "herplant": 30, "toelichting": "De kastanjes zijn ziek."}
KOSTEN = {"bedrag": 620000, "toelichting": "Aanleg en onderhoud."}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = TinySite(tmp_path_factory.mktemp("labels"))
    open_ = site.voorstel(id="2026-050", titel="Kastanjes langs de Parkweg vervangen", datumIngediend="2026-10-01",
                          behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28", "tijd": "19:30"}],
                          bomen=BOMEN, kosten=KOSTEN)
    rejected = site.voorstel(id="2024-010", titel="Hogere parkeertarieven in de binnenstad", bomen=BOMEN,
                             kosten=KOSTEN)
    hamer = site.voorstel(id="2024-011", titel="Jaarrekening 2023", bomen=BOMEN)
    content = site(voorstel=rejected, besluit={"besluitresultaat": "verworpen", "stemmingen": [
        {"fractie": n, "fractiestemresultaat": "voor" if n in ("VVD", "D66") else "tegen"}
        for n in ("Harderwijk Anders", "ChristenUnie", "VVD", "CDA", "Gemeentebelang", "D66", "PvdA",
                  "GroenLinks", "SGP")]}, files={
        "voorstellen/2026-050-kastanjes.md": site.record(open_),
        "voorstellen/2024-011-jaarrekening.md": site.record(hamer),
        "besluiten/2024-011.md": site.record(site.besluit(voorstel="2024-011", stemmingen=None,
                                                          indicatieHamerstuk=True,
                                                          besluitresultaat="aangenomen")),
    })
    output = content.parent / "output"
    result = run_pelican(content, output)
    assert result.returncode == 0, result.output
    return output


def page(output, path):
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "lxml")


def text(output, path):
    return " ".join(page(output, path).get_text(" ").split())


def test_headlines_badges_and_titles_name_the_status(built):
    cases = {
        "2026-050": ("Voorstel aan de raad: Kastanjes langs de Parkweg vervangen", "Voorstel, nog niet besloten"),
        "2024-010": ("Verworpen: Hogere parkeertarieven in de binnenstad", "Besluit: verworpen"),
        "2024-011": ("Aangenomen zonder stemming: Jaarrekening 2023",
                     "Besluit: aangenomen zonder stemming (hamerstuk)"),
    }
    for dossier_id, (kop, badge) in cases.items():
        soup = page(built, f"dossiers/{dossier_id}.html")
        assert soup.h1.get_text(strip=True) == kop
        assert soup.title.get_text() == f"{kop} | Raadsinformatie Harderwijk"
        assert soup.select_one('meta[property="og:title"]')["content"] == soup.title.get_text()
        assert soup.select_one(".status-box .badge").get_text(strip=True) == badge
        overview = page(built, "dossiers/index.html")
        card = overview.select_one(f'li[data-dossier="{dossier_id}"]')
        assert card.select_one("a").get_text(strip=True) == kop
        assert card.select_one(".badge").get_text(strip=True) == badge


def test_meta_description_opens_with_the_status(built):
    starts = {"2026-050": "Voorstel aan de gemeenteraad, nog niet besloten: ",
              "2024-010": "Besluit van de gemeenteraad, verworpen: het voorstel gaat niet door: ",
              "2024-011": "Besluit van de gemeenteraad, aangenomen zonder stemming (hamerstuk): "}
    for dossier_id, start in starts.items():
        soup = page(built, f"dossiers/{dossier_id}.html")
        assert soup.select_one('meta[name="description"]')["content"].startswith(start)


def test_trees_and_costs_in_the_tense_of_the_status(built):
    open_ = text(built, "dossiers/2026-050.html")
    assert "Het college wil 22 bomen kappen en 30 nieuwe bomen planten." in open_
    assert "Het college vraagt hiervoor € 620.000." in open_
    assert not re.search(r"\bgekapt\b|\bgeplant\b|beschikbaar gesteld", open_)
    rejected = text(built, "dossiers/2024-010.html")
    assert "De kap gaat niet door: de 22 bomen blijven staan." in rejected
    assert "dit geld wordt niet uitgegeven" in rejected
    assert "22 bomen gekapt" not in rejected and "meer terug dan er weggaan" not in rejected
    adopted = text(built, "dossiers/2024-011.html")
    assert "De raad heeft besloten: 22 bomen mogen worden gekapt" in adopted
    balans = text(built, "bomenbalans.html")
    entry = page(built, "bomenbalans.html").select_one('li[data-dossier="2026-050"]').get_text()
    assert entry.startswith("Voorstel aan de raad: Kastanjes langs de Parkweg vervangen: het college wil 22 bomen")
    assert "Hogere parkeertarieven" not in balans  # a rejected plan's trees are not counted or listed


def test_a_hamerstuk_never_claims_a_vote(built):
    outputs = [built / "dossiers/2024-011.html", built / "feeds/dossier/2024-011.atom.xml",
               built / "agenda/dossier/2024-011.ics", built / "data/dossiers.json"]
    for path in outputs:
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            raw = json.dumps(next(d for d in json.loads(raw)["dossiers"] if d["id"] == "2024-011"),
                             ensure_ascii=False)
        assert "meerderheid" not in raw.lower() and "stemde" not in raw, path
        assert "zonder stemming" in raw, path


def test_feeds_calendars_and_export_use_the_same_headlines(built):
    atom = (built / "feeds/alles.atom.xml").read_text(encoding="utf-8")
    titles = re.findall(r"<title>([^<]*)</title>", atom)
    assert "Voorstel aan de raad: Kastanjes langs de Parkweg vervangen" in titles
    assert "Verworpen: Hogere parkeertarieven in de binnenstad" in titles
    assert "Aangenomen zonder stemming: Jaarrekening 2023" in titles
    assert not any(t.startswith("Besluit: ") for t in titles)
    ics = (built / "agenda/dossier/2024-010.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Verworpen: Hogere parkeertarieven in de binnenstad" in ics
    records = {d["id"]: d for d in json.loads((built / "data/dossiers.json").read_text(encoding="utf-8"))["dossiers"]}
    assert records["2024-010"]["labelTitel"] == "Verworpen: Hogere parkeertarieven in de binnenstad"
    assert records["2026-050"]["bomen"]["stand"] == "plan"
    assert records["2024-010"]["bomen"]["stand"] == "gaat-niet-door"
    assert records["2024-011"]["bomen"]["stand"] == "besloten"
    assert records["2026-050"]["kostenUitleg"] == "Het college vraagt hiervoor € 620.000."
