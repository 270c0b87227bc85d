"""A page per meeting (issue 19, part 1): raadsinfo.vergaderingen, the data file
content/raad/vergaderingen.yaml, and the pages the build writes (plugin vergaderingen)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from conftest import TODAY, dump_yaml, run_pelican
from selectolax.lexbor import LexborHTMLParser

from raadsinfo import agenda, vergaderingen
from raadsinfo.tracker import AMSTERDAM

RAAD = "gemeenteraad"
VERGADERDAG = date(2024, 2, 29)


def _voorstel(tiny_site, id_, titel, behandeling):
    return tiny_site.voorstel(id=id_, titel=titel, behandeling=behandeling)


def _meeting_files(tiny_site) -> dict:
    """Three dossiers at the council meeting of 2024-02-29 besides the default one
    (2024-010, aangenomen): one aangehouden and voted later (still open), one withdrawn
    there, and one open dossier with a commissie and a council meeting ahead."""
    raad = {"gremium": RAAD, "datum": "2024-02-29", "tijd": "19:30"}
    return {
        "voorstellen/2024-011-fietspad.md": _voorstel(tiny_site, "2024-011", "Fietspad langs de Zeeweg", [
            raad, {**raad, "datum": "2027-01-14", "tijd": "20:00"}]),
        "besluiten/2024-011.md": tiny_site.besluit(voorstel="2024-011", besluitresultaat="aangehouden",
                                                   stemmingen=None),
        "voorstellen/2024-012-haven.md": _voorstel(tiny_site, "2024-012", "Nieuwe steiger in de haven", [raad]),
        "besluiten/2024-012.md": tiny_site.besluit(voorstel="2024-012", besluitresultaat="ingetrokken",
                                                   stemmingen=None),
        "voorstellen/2026-050-bibliotheek.md": tiny_site.voorstel(
            id="2026-050", titel="Langer open in de bibliotheek", datumIngediend="2026-11-01", behandeling=[
                {"gremium": "commissie-samenleving", "datum": "2026-12-03", "tijd": "20:00"},
                {"gremium": RAAD, "datum": "2026-12-10", "tijd": "19:30"}]),
    }


@pytest.fixture
def site(tiny_site):
    return tiny_site.load(tiny_site(files=_meeting_files(tiny_site)))


def _meeting(site, gremium, dag):
    return next(v for v in agenda.vergaderingen(site.dossiers) if (v.gremium, v.datum) == (gremium, dag))


# --- the domain -------------------------------------------------------------------------


def test_one_meeting_per_gremium_and_day_with_its_items_in_order(site):
    v = _meeting(site, RAAD, VERGADERDAG)
    assert [p.dossier.id for p in v.punten] == ["2024-010", "2024-011", "2024-012"]
    assert v.tijd == time(19, 30)
    assert vergaderingen.pad(v.gremium, v.datum) == "vergaderingen/2024-02-29-gemeenteraad.html"


def test_index_upcoming_soonest_first_and_past_by_year_newest_first(site):
    o = vergaderingen.overzicht(agenda.vergaderingen(site.dossiers), TODAY)
    assert [(v.gremium, v.datum) for v in o.komend] == [
        ("commissie-samenleving", date(2026, 12, 3)), (RAAD, date(2026, 12, 10)), (RAAD, date(2027, 1, 14))]
    assert [jaar for jaar, _ in o.per_jaar] == [2024]
    assert [v.datum for v in o.per_jaar[0][1]] == [date(2024, 2, 29), date(2024, 2, 8)]


def test_next_council_meeting_skips_commissies_and_past_meetings(site):
    v = vergaderingen.volgende_raad(agenda.vergaderingen(site.dossiers), TODAY)
    assert (v.gremium, v.datum) == (RAAD, date(2026, 12, 10))
    assert vergaderingen.volgende_raad(agenda.vergaderingen(site.dossiers), date(2027, 2, 1)) is None


def test_registration_deadline_is_the_dossier_pages_deadline(site):
    v = _meeting(site, "commissie-samenleving", date(2026, 12, 3))
    nu = datetime(2026, 11, 27, 12, 0, tzinfo=AMSTERDAM)
    ins = vergaderingen.inspreken(v, nu)
    assert ins.aanmelden_tot == datetime(2026, 12, 2, 20, 0, tzinfo=AMSTERDAM)
    assert ins.kan_nog and ins.tekst == "Aanmelden kan tot woensdag 2 december 2026, 20.00 uur."
    late = vergaderingen.inspreken(v, datetime(2026, 12, 2, 20, 1, tzinfo=AMSTERDAM))
    assert not late.kan_nog and late.tekst.startswith("Aanmelden om in te spreken kan niet meer.")


def test_before_the_meeting_each_item_says_what_happens(site):
    v = _meeting(site, RAAD, date(2026, 12, 10))
    assert not vergaderingen.is_voorbij(v, TODAY)
    assert [vergaderingen.wat_gebeurt(p) for p in v.punten] == ["Bespreking en stemming."]
    c = _meeting(site, "commissie-samenleving", date(2026, 12, 3))
    assert [vergaderingen.wat_gebeurt(p) for p in c.punten] == ["Bespreking in de commissie."]


def test_after_the_meeting_each_item_says_what_happened_there(site):
    v = _meeting(site, RAAD, VERGADERDAG)
    assert vergaderingen.is_voorbij(v, TODAY)
    adopted, postponed, withdrawn = (vergaderingen.wat_gebeurde(p, TODAY) for p in v.punten)
    assert adopted == "Op donderdag 29 februari 2024 heeft de gemeenteraad dit voorstel aangenomen."
    assert "stemming over dit voorstel uitgesteld" in postponed and "nog niets besloten" in postponed
    assert "ingetrokken" in withdrawn and "niets besloten" in withdrawn
    # the undecided ones stay a voorstel: no decided word for them at this meeting
    for p in v.punten[1:]:
        assert not p.dossier.label.value == "besluit"
        assert "aangenomen" not in vergaderingen.wat_gebeurde(p, TODAY).lower()
    commissie = _meeting(site, "commissie-samenleving", date(2024, 2, 8))
    assert vergaderingen.wat_gebeurde(commissie.punten[0], TODAY).startswith("De commissie heeft over het voorstel")


def test_a_postponed_item_is_also_on_its_next_meeting(site):
    later = _meeting(site, RAAD, date(2027, 1, 14))
    assert [p.dossier.id for p in later.punten] == ["2024-011"]
    assert later.tijd == time(20, 0)


def test_missing_result_is_not_presented_as_an_outcome(tiny_site):
    content = tiny_site(besluit=False)
    site = tiny_site.load(content)
    v = _meeting(site, RAAD, VERGADERDAG)
    assert vergaderingen.wat_gebeurde(v.punten[0], TODAY).startswith("De uitslag is nog niet verwerkt")


# --- content/raad/vergaderingen.yaml -----------------------------------------------------

GEGEVENS = {
    "gremia": {RAAD: {"plaats": "Raadzaal, Stadhuis", "livestream": "https://example.org/live"}},
    "vergaderingen": [{"gremium": RAAD, "datum": "2024-02-29", "plaats": "Dorpshuis Hierden",
                       "video": "https://example.org/video/1"}],
}


def test_details_per_gremium_with_overrides_per_meeting(tiny_site):
    site = tiny_site.load(tiny_site(files={"raad/vergaderingen.yaml": dump_yaml(GEGEVENS)}))
    g = site.vergadergegevens
    assert g.voor(RAAD, VERGADERDAG) == vergaderingen.Vergaderinfo(
        "Dorpshuis Hierden", "https://example.org/live", "https://example.org/video/1")
    assert g.voor(RAAD, date(2024, 3, 7)).plaats == "Raadzaal, Stadhuis"
    assert g.voor("commissie-ruimte", VERGADERDAG) == vergaderingen.Vergaderinfo()


def test_the_file_is_optional(tiny_site):
    assert tiny_site.load(tiny_site()).vergadergegevens.voor(RAAD, VERGADERDAG) == vergaderingen.Vergaderinfo()


@pytest.mark.parametrize(("data", "field", "line"), [
    ({"gremia": {"gemeentraad": {"plaats": "Stadhuis"}}}, "gremia", 2),
    ({"gremia": {RAAD: {"livestream": "http://example.org/live"}}}, "livestream", 3),
    ({"vergaderingen": [{"gremium": RAAD, "datum": "2024-02-30"}]}, "datum", 3),
    ({"vergaderingen": [{"gremium": RAAD, "datum": "2024-02-29", "zaal": "B"}]}, None, 2),
    ({"vergaderingen": [{"gremium": RAAD, "datum": "2024-02-29"}, {"gremium": RAAD, "datum": "2024-02-29"}]},
     "datum", 5),
])
def test_mistakes_are_reported_in_dutch_with_file_line_and_field(tiny_site, data, field, line):
    errors = tiny_site.errors(tiny_site(files={"raad/vergaderingen.yaml": dump_yaml(data)}))
    assert errors, data
    e = errors[0]
    assert e.path == "content/raad/vergaderingen.yaml"
    assert e.line == line or field is None
    if field:
        assert field in (e.field or ""), e.format()


def test_an_unknown_meeting_is_a_warning(tiny_site):
    data = {"vergaderingen": [{"gremium": RAAD, "datum": "2024-03-07", "plaats": "Stadhuis"}]}
    site = tiny_site.load(tiny_site(files={"raad/vergaderingen.yaml": dump_yaml(data)}))
    [w] = [w for w in site.warnings.warnings if "vergaderingen.yaml" in w.path]
    assert "geen voorstel staat op de agenda" in w.message and w.line == 3


# --- the build ----------------------------------------------------------------------------


def _text(node) -> str:
    return " ".join(node.text(separator=" ").split())


def test_build_writes_meeting_pages_index_and_home_block(tiny_site, tmp_path):
    files = {**_meeting_files(tiny_site), "raad/vergaderingen.yaml": dump_yaml(GEGEVENS)}
    content = tiny_site(files=files)
    out = tmp_path / "output"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.output
    assert "0 fouten" in result.output

    page = LexborHTMLParser((out / "vergaderingen/2024-02-29-gemeenteraad.html").read_text(encoding="utf-8"))
    main = _text(page.css_first("main"))
    assert "Dorpshuis Hierden" in main and "Bekijk de opname" in main and "Inspreken" not in main
    items = page.css("ol.agendapunten > li")
    assert [li.attributes["data-dossier"] for li in items] == ["2024-010", "2024-011", "2024-012"]
    assert all(li.attributes["data-role"] == "entry" for li in items)
    koppen = [_text(li.css_first("[data-role=kop]")) for li in items]
    assert koppen == ["Aangenomen: Nieuwe speeltuin in Drielanden", "Voorstel uitgesteld: Fietspad langs de Zeeweg",
                      "Voorstel ingetrokken: Nieuwe steiger in de haven"]
    assert "uitgesteld" in _text(items[1].css_first(".agendapunt__hier"))
    assert "ingetrokken" in _text(items[2].css_first(".agendapunt__hier"))

    ahead = LexborHTMLParser((out / "vergaderingen/2026-12-10-gemeenteraad.html").read_text(encoding="utf-8"))
    text = _text(ahead.css_first("main"))
    assert "Aanmelden kan tot woensdag 9 december 2026, 19.30 uur." in text
    assert "Kijk live mee" in text and "Raadzaal, Stadhuis" in text
    assert "Bespreking en stemming." in text

    index = LexborHTMLParser((out / "vergaderingen/index.html").read_text(encoding="utf-8"))
    links = [a.attributes["href"] for a in index.css("ul.vergaderlijst a")]
    assert links[:3] == ["../vergaderingen/2026-12-03-commissie-samenleving.html",
                         "../vergaderingen/2026-12-10-gemeenteraad.html",
                         "../vergaderingen/2027-01-14-gemeenteraad.html"]
    assert any(a.attributes["href"].startswith("webcal://") and a.attributes["href"].endswith(
        "agenda/vergaderingen.ics") for a in index.css("a"))
    assert any(a.attributes["href"].endswith("agenda/vergaderingen.ics") and a.attributes["href"].startswith(
        "..") for a in index.css("a"))

    home = LexborHTMLParser((out / "index.html").read_text(encoding="utf-8"))
    block = home.css_first(".volgende-raad")
    assert _text(block.css_first("h3")) == "Wat beslist de raad op donderdag 10 december 2026?"
    assert block.css_first("a").attributes["href"].endswith("vergaderingen/2026-12-10-gemeenteraad.html")
    assert any(a.attributes.get("href", "").endswith("vergaderingen/index.html") for a in home.css("nav a"))
