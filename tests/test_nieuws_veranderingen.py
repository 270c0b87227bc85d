"""News beyond publication and outcome (raadsinfo.nieuws): moved meetings, corrections,
the Gemeenteblad, attachments, and the events a fractie's or gremium's feed holds.

Fast: records loaded with the real loader from a tiny content folder; the writer
(plugins/feeds/schrijver.py) is asked for bytes directly, without Pelican.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from conftest import FRACTIES_2022
from feeds.lijsten import alle_feeds
from feeds.schrijver import Uitgever, atom, rss
from lxml import etree
from test_nieuws import UNDECIDED, dossier, files_for

from raadsinfo import nieuws
from raadsinfo.status import Label

AMS = ZoneInfo("Europe/Amsterdam")
ATOM = "{http://www.w3.org/2005/Atom}"
MOVED = dict(UNDECIDED, behandeling=[
    {"gremium": "commissie-ruimte", "datum": "2026-12-03", "tijd": "19:30", "eerder": ["2026-11-26"]},
    {"gremium": "gemeenteraad", "datum": "2027-01-28", "tijd": "19:30", "eerder": ["2026-12-17", "2027-01-14"]},
])
DOCUMENTEN = [
    {"titel": "Raadsvoorstel", "url": "https://voorbeeld.harderwijk.example/stukken/2026-040.PDF"},
    {"titel": "Kaart", "url": "https://voorbeeld.harderwijk.example/stukken/kaart.png?versie=2"},
    {"titel": "Webpagina van het project", "url": "https://voorbeeld.harderwijk.example/project"},
]


def _site(tiny_site, *voorstellen, besluit=None, besluiten=()):
    return tiny_site.load(tiny_site(besluit=besluit, files=files_for(tiny_site, *voorstellen, besluiten=besluiten)))


def test_every_move_is_an_event_labelled_voorstel(tiny_site):
    site = _site(tiny_site, MOVED)
    events = nieuws.berichten_van(dossier(site, "2026-040"), "example.org,2024")
    moved = {b.id.split(":", 2)[2]: b for b in events if b.soort == nieuws.Soort.VERPLAATST}
    assert set(moved) == {"dossier/2026-040/verplaatst/commissie-ruimte/2026-11-26",
                          "dossier/2026-040/verplaatst/gemeenteraad/2026-12-17",
                          "dossier/2026-040/verplaatst/gemeenteraad/2027-01-14"}
    first = moved["dossier/2026-040/verplaatst/gemeenteraad/2026-12-17"]
    assert first.titel == "Stemming verplaatst naar 14 januari 2027 – Voorstel aan de raad: " + UNDECIDED["titel"]
    assert first.label is Label.VOORSTEL and first.gremia == ("gemeenteraad",)
    assert "Er is nog niets besloten" not in first.titel and "nog niet over besloten" in first.samenvatting
    assert first.published.date() == date(2026, 12, 17)  # the day it was planned: a record date
    last = moved["dossier/2026-040/verplaatst/gemeenteraad/2027-01-14"]
    assert "verplaatst naar donderdag 28 januari 2027. De vergadering begint om 19.30 uur." in last.samenvatting
    commissie = moved["dossier/2026-040/verplaatst/commissie-ruimte/2026-11-26"]
    assert commissie.titel.startswith("Bespreking in de Commissie Ruimte verplaatst naar 3 december 2026 – ")
    # the publication keeps the vote date it announced: the moves tell the rest
    [voorstel] = [b for b in events if b.soort == nieuws.Soort.VOORSTEL]
    assert "De raad stemt naar verwachting op donderdag 17 december 2026." in voorstel.samenvatting
    assert voorstel.gremia == ("commissie-ruimte", "gemeenteraad")


def test_the_latest_move_is_dated_on_the_day_it_became_known(tiny_site):
    """``verplaatstOp``: announced before the old meeting, the entry is not dated in the future."""
    behandeling = [dict(s) for s in MOVED["behandeling"]]
    behandeling[1]["verplaatstOp"] = "2026-11-20"
    site = _site(tiny_site, dict(MOVED, behandeling=behandeling))
    moved = {b.id.split(":", 2)[2]: b for b in nieuws.berichten_van(dossier(site, "2026-040"), "example.org,2024")
             if b.soort == nieuws.Soort.VERPLAATST}
    assert moved["dossier/2026-040/verplaatst/gemeenteraad/2027-01-14"].published.date() == date(2026, 11, 20)
    assert moved["dossier/2026-040/verplaatst/gemeenteraad/2026-12-17"].published.date() == date(2026, 12, 17)


def test_a_correction_moves_updated_and_says_what_changed(tiny_site):
    wijziging = {"datum": "2026-11-25", "omschrijving": "Het bedrag was fout; het is 50.000 euro."}
    plain = nieuws.berichten_van(dossier(_site(tiny_site, UNDECIDED), "2026-040"))[0]
    corrected = nieuws.berichten_van(dossier(_site(tiny_site, dict(UNDECIDED, wijzigingen=[wijziging])),
                                             "2026-040"))[0]
    assert corrected.id == plain.id and corrected.published == plain.published
    assert corrected.updated > plain.updated and corrected.updated.date() == date(2026, 11, 25)
    assert "Gewijzigd op woensdag 25 november 2026: Het bedrag was fout" in corrected.samenvatting
    assert "<li>woensdag 25 november 2026: Het bedrag was fout; het is 50.000 euro.</li>" in corrected.inhoud


def test_a_correction_on_the_day_itself_still_moves_updated(tiny_site):
    besluit = tiny_site.besluit(wijzigingen=[{"datum": "2024-02-29", "omschrijving": "Een stem stond verkeerd."}])
    site = tiny_site.load(tiny_site(besluit=besluit))
    _, uitkomst = nieuws.berichten_van(dossier(site, "2024-010"))
    assert uitkomst.updated == uitkomst.published + timedelta(seconds=1)


def test_the_gemeenteblad_is_an_event_of_an_adopted_decision_only(tiny_site):
    bekendmaking = {"datum": "2024-03-07", "url": "https://voorbeeld.harderwijk.example/gemeenteblad/1"}
    site = tiny_site.load(tiny_site(besluit=tiny_site.besluit(bekendmaking=bekendmaking)))
    events = nieuws.berichten_van(dossier(site, "2024-010"), "example.org,2024")
    [blad] = [b for b in events if b.soort == nieuws.Soort.BEKENDMAKING]
    assert blad.id == "tag:example.org,2024:dossier/2024-010/bekendmaking"
    assert blad.titel == "Bekendgemaakt in het Gemeenteblad – Aangenomen: Nieuwe speeltuin in Drielanden"
    assert blad.label is Label.BESLUIT and blad.published.date() == date(2024, 3, 7)
    assert [b.type for b in blad.bijlagen] == [None]  # a page, not a file: linked as related, no enclosure
    verworpen = tiny_site.besluit(besluitresultaat="verworpen", bekendmaking=bekendmaking, stemmingen=[
        {"fractie": n, "fractiestemresultaat": "tegen"} for n, _ in FRACTIES_2022])
    site = tiny_site.load(tiny_site(besluit=verworpen))
    assert not [b for b in nieuws.berichten_van(dossier(site, "2024-010")) if b.soort == nieuws.Soort.BEKENDMAKING]


def test_absent_members_are_named(tiny_site):
    stemmingen = [{"fractie": n, "fractiestemresultaat": "voor", **({"afwezig": 1} if n in ("SGP", "VVD") else {})}
                  for n, _ in FRACTIES_2022]
    site = tiny_site.load(tiny_site(besluit={"stemmingen": stemmingen, "besluitresultaat": "unaniem aangenomen"}))
    _, uitkomst = nieuws.berichten_van(dossier(site, "2024-010"))
    assert "27 raadsleden stemden voor, 0 tegen." in uitkomst.samenvatting
    assert "Afwezig: 1 lid van VVD, 1 lid van SGP." in uitkomst.samenvatting


def test_attachments_carry_their_media_type_and_no_invented_length(tiny_site):
    site = _site(tiny_site, dict(UNDECIDED, documenten=DOCUMENTEN))
    [voorstel] = nieuws.berichten_van(dossier(site, "2026-040"))
    assert [(b.type, b.lengte) for b in voorstel.bijlagen] == [("application/pdf", None), ("image/png", None),
                                                               (None, None)]
    assert '<a href="https://voorbeeld.harderwijk.example/stukken/kaart.png?versie=2">Kaart</a>' in voorstel.inhoud
    [feed] = [f for f in alle_feeds(site, "Test", "example.org,2024")
              if f.pad_atom == "feeds/dossier/2026-040.atom.xml"]
    uitgever = Uitgever("https://x.example", "Griffie")
    entry = etree.fromstring(atom(feed, uitgever)).find(f"{ATOM}entry")
    links = [(link.get("rel"), link.get("type"), link.get("length"), link.get("title"))
             for link in entry.iter(f"{ATOM}link") if link.get("rel") in ("enclosure", "related")]
    assert links == [("enclosure", "application/pdf", None, "Raadsvoorstel"), ("enclosure", "image/png", None, "Kaart"),
                     ("related", None, None, "Webpagina van het project")]
    [enclosure] = etree.fromstring(rss(feed, uitgever)).iter("enclosure")  # RSS: one per item, the first
    assert dict(enclosure.attrib) == {"url": DOCUMENTEN[0]["url"], "length": "0", "type": "application/pdf"}


def test_fractie_and_gremium_feeds_hold_the_events_of_their_party_or_meeting(tiny_site):
    besluit = tiny_site.besluit(moties=[{"titel": "Bankjes in het park", "indieners": ["Partij voor de Dieren"],
                                         "besluitresultaat": "ingetrokken"}])
    site = _site(tiny_site, UNDECIDED, besluit=besluit)
    feeds = {f.pad_atom: f for f in alle_feeds(site, "Test", "example.org,2024")}
    sgp = [b.id for b in feeds["feeds/fractie/sgp.atom.xml"].berichten]
    assert sgp == ["tag:example.org,2024:dossier/2024-010/besluit"]
    # a motie it filed is enough to be news for a fractie
    assert [b.id for b in feeds["feeds/fractie/partij-voor-de-dieren.atom.xml"].berichten] == sgp
    ruimte = [b.dossier_id for b in feeds["feeds/gremium/commissie-ruimte.atom.xml"].berichten]
    assert ruimte == ["2026-040"]
    raad = {b.id for b in feeds["feeds/gremium/gemeenteraad.atom.xml"].berichten}
    assert "tag:example.org,2024:dossier/2024-010/besluit" in raad and len(raad) == 3
    assert feeds["feeds/fractie/sgp.atom.xml"].titel == "Test: fractie SGP"


def test_moments_are_unique_even_when_numbers_collide(tiny_site):
    """2021-010 and 2026-010 get the same seconds (five years apart): the later id moves on."""
    twin = dict(UNDECIDED, id="2021-040", datumIngediend="2026-10-20")
    site = _site(tiny_site, UNDECIDED, twin)
    items = nieuws.berichten(site.dossiers)
    moments = [b.updated for b in items]
    assert len(set(moments)) == len(moments)
    by_id = {b.dossier_id: b for b in items}
    assert by_id["2026-040"].updated == by_id["2021-040"].updated + timedelta(seconds=1)
    assert by_id["2026-040"].published == by_id["2026-040"].updated  # never corrected: still equal
    assert by_id["2021-040"].updated == datetime(2026, 10, 20, 9, 34, 40, tzinfo=AMS)


def test_the_dossier_lists_all_its_corrections_oldest_first(tiny_site):
    voorstel = tiny_site.voorstel(wijzigingen=[{"datum": "2024-01-20", "omschrijving": "Tweede verbetering hier."},
                                               {"datum": "2024-01-18", "omschrijving": "Eerste verbetering hier."}])
    besluit = tiny_site.besluit(wijzigingen=[{"datum": "2024-03-01", "omschrijving": "Derde verbetering hier."}])
    site = tiny_site.load(tiny_site(voorstel=voorstel, besluit=besluit))
    assert [w.omschrijving for w in site.dossiers[0].wijzigingen] == [
        "Eerste verbetering hier.", "Tweede verbetering hier.", "Derde verbetering hier."]
