"""The news events per dossier (raadsinfo.nieuws): titles, labels, ids and dates.

Fast: the records are loaded with the real loader from a tiny content folder
(tests/conftest.py, ``tiny_site``), no Pelican build.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from conftest import FRACTIES_2022

from raadsinfo import nieuws
from raadsinfo.status import Label

AMS = ZoneInfo("Europe/Amsterdam")

UNDECIDED = {
    "id": "2026-040",
    "titel": "Kunst & cultuur op het <Vischmarkt>plein: \"café\" ’t Hierden 🎉",
    "datumIngediend": "2026-10-20",
    "onderwerpen": ["groen", "wonen"],
    "gevraagdBesluit": ["Een krediet van 50.000 euro beschikbaar stellen.", "De kosten verwerken in de begroting."],
    "behandeling": [
        {"gremium": "commissie-ruimte", "datum": "2026-12-03", "tijd": "19:30"},
        {"gremium": "gemeenteraad", "datum": "2026-12-17", "tijd": "19:30"},
    ],
}
AANGEHOUDEN = {
    "id": "2026-041",
    "titel": "Parkeren in de binnenstad",
    "datumIngediend": "2026-05-12",
    "onderwerpen": ["verkeer"],
    "behandeling": [
        {"gremium": "commissie-ruimte", "datum": "2026-06-04"},
        {"gremium": "gemeenteraad", "datum": "2026-06-25", "tijd": "19:30"},
        {"gremium": "gemeenteraad", "datum": "2027-01-28", "tijd": "19:30"},
    ],
}
INGETROKKEN = {
    "id": "2026-042",
    "titel": "Verkoop van het oude gemeentehuis",
    "datumIngediend": "2026-07-07",
    "onderwerpen": ["bestuur"],
    "behandeling": [{"gremium": "gemeenteraad", "datum": "2026-09-24"}],
}


def files_for(tiny_site, *voorstellen, besluiten=()):
    files = {}
    for changes in voorstellen:
        files[f"voorstellen/{changes['id']}-x.md"] = tiny_site.voorstel(**changes)
    for changes in besluiten:
        files[f"besluiten/{changes['voorstel']}.md"] = changes
    return files


def dossier(site, dossier_id):
    return next(d for d in site.dossiers if d.id == dossier_id)


def by_id(items):
    return {b.id: b for b in items}


def test_voorstel_event_opens_with_the_question_and_the_vote_date(tiny_site):
    site = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED)))
    [b] = nieuws.berichten_van(dossier(site, "2026-040"))
    assert b.titel == "Voorstel aan de raad: " + UNDECIDED["titel"]
    assert b.label is Label.VOORSTEL and b.soort == nieuws.Soort.VOORSTEL
    assert b.samenvatting.startswith("Het college vraagt de gemeenteraad om: 1. Een krediet van 50.000 euro")
    assert "De raad stemt naar verwachting op donderdag 17 december 2026." in b.samenvatting
    assert "nog niet over besloten" in b.samenvatting
    # HTML body: escaped once, never raw markup from the record
    assert "<li>Een krediet van 50.000 euro beschikbaar stellen.</li>" in b.inhoud
    assert b.url == "dossiers/2026-040.html"


def test_voorstel_without_a_council_date_says_so(tiny_site):
    only_commissie = dict(UNDECIDED, behandeling=[{"gremium": "commissie-ruimte", "datum": "2026-12-03"}])
    site = tiny_site.load(tiny_site(files=files_for(tiny_site, only_commissie)))
    [b] = nieuws.berichten_van(dossier(site, "2026-040"))
    assert "Wanneer de raad erover stemt, is nog niet bekend." in b.samenvatting


def test_html_body_escapes_special_characters(tiny_site):
    tricky = dict(UNDECIDED, samenvatting="Tekst met <b>tags</b> & \"quotes\" en één 🎉.")
    site = tiny_site.load(tiny_site(files=files_for(tiny_site, tricky)))
    [b] = nieuws.berichten_van(dossier(site, "2026-040"))
    assert "&lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot; en één 🎉." in b.inhoud
    assert "<b>" not in b.inhoud


def test_final_outcome_is_a_besluit_with_votes_fracties_and_every_neven(tiny_site):
    def votes(*tegen):
        return [{"fractie": n, "fractiestemresultaat": "tegen" if n in tegen else "voor"} for n, _ in FRACTIES_2022]

    besluit = tiny_site.besluit(
        besluitresultaat="geamendeerd aangenomen",
        amendementen=[{"titel": "Meer bankjes & schaduw", "indieners": ["D66"], "besluitresultaat": "aangenomen",
                       "stemmingen": votes("VVD")}],
        moties=[{"titel": "Jaarlijks verslag", "indieners": ["PvdA"], "besluitresultaat": "aangenomen",
                 "stemmingen": votes("SGP")},
                {"titel": "Gratis ijs", "indieners": ["CDA"], "besluitresultaat": "verworpen",
                 "stemmingen": votes(*[n for n, _ in FRACTIES_2022 if n != "CDA"])}],
    )
    site = tiny_site.load(tiny_site(besluit=besluit))
    voorstel, uitkomst = nieuws.berichten_van(dossier(site, "2024-010"))
    assert uitkomst.titel == "Aangenomen met wijzigingen: Nieuwe speeltuin in Drielanden"
    assert uitkomst.label is Label.BESLUIT and uitkomst.soort == nieuws.Soort.BESLUIT
    text = uitkomst.samenvatting
    assert text.startswith("Op donderdag 29 februari 2024 heeft de gemeenteraad dit voorstel aangenomen, met ")
    assert "26 raadsleden stemden voor, 3 tegen." in text
    assert "Tegen: Gemeentebelang." in text and "Voor: Harderwijk Anders, ChristenUnie" in text
    assert "Amendement 'Meer bankjes & schaduw' (ingediend door D66): aangenomen, 26 voor, 3 tegen." in text
    assert "Motie 'Jaarlijks verslag' (ingediend door PvdA): aangenomen" in text
    # a rejected motie is news too, with who filed it and how it was voted
    assert "Motie 'Gratis ijs' (ingediend door CDA): verworpen, 3 voor, 26 tegen." in text
    assert "Voor: CDA." in uitkomst.inhoud
    assert "Meer bankjes &amp; schaduw" in uitkomst.inhoud
    assert "Waarom: De raad vindt dat kinderen" in uitkomst.inhoud
    # what was decided: the points (no ontwerpbesluit here: the points asked)
    assert "Het besluit van de raad." in uitkomst.inhoud
    assert "<li>Een krediet van 120.000 euro beschikbaar stellen voor de speeltuin.</li>" in uitkomst.inhoud
    assert uitkomst.fracties == tuple(sorted(n for n, _ in FRACTIES_2022))
    # the voorstel's own event is still there, still a voorstel
    assert voorstel.label is Label.VOORSTEL and voorstel.titel.startswith("Voorstel aan de raad: ")


def test_hamerstuk_says_so(tiny_site):
    site = tiny_site.load(tiny_site(besluit={"stemmingen": None, "indicatieHamerstuk": True}))
    _, uitkomst = nieuws.berichten_van(dossier(site, "2024-010"))
    assert "aangenomen als hamerstuk: zonder bespreking en zonder stemming" in uitkomst.samenvatting
    assert uitkomst.label is Label.BESLUIT
    assert uitkomst.titel == "Aangenomen zonder stemming: Nieuwe speeltuin in Drielanden"
    for text in (uitkomst.titel, uitkomst.samenvatting, uitkomst.inhoud):
        assert "meerderheid" not in text and "stemden" not in text, text
    assert uitkomst.fracties == ()  # no vote: in no fractie's feed


def test_aangehouden_and_ingetrokken_stay_voorstel(tiny_site):
    files = files_for(tiny_site, AANGEHOUDEN, INGETROKKEN, besluiten=[
        {"voorstel": "2026-041", "vergaderdatum": "2026-06-25", "besluitresultaat": "aangehouden"},
        {"voorstel": "2026-042", "vergaderdatum": "2026-09-24", "besluitresultaat": "ingetrokken"},
    ])
    site = tiny_site.load(tiny_site(files=files))
    _, aangehouden = nieuws.berichten_van(dossier(site, "2026-041"))
    assert aangehouden.titel == "Voorstel uitgesteld: Parkeren in de binnenstad"
    assert aangehouden.label is Label.VOORSTEL and aangehouden.soort == nieuws.Soort.AANGEHOUDEN
    assert "uitgesteld" in aangehouden.samenvatting
    assert "De raad stemt nu naar verwachting op donderdag 28 januari 2027." in aangehouden.samenvatting
    _, ingetrokken = nieuws.berichten_van(dossier(site, "2026-042"))
    assert ingetrokken.titel == "Voorstel ingetrokken: Verkoop van het oude gemeentehuis"
    assert ingetrokken.label is Label.VOORSTEL and ingetrokken.soort == nieuws.Soort.INGETROKKEN
    assert "Er is niets besloten." in ingetrokken.samenvatting


def test_every_event_of_an_undecided_dossier_is_labelled_voorstel(tiny_site):
    files = files_for(tiny_site, UNDECIDED, AANGEHOUDEN, INGETROKKEN, besluiten=[
        {"voorstel": "2026-041", "vergaderdatum": "2026-06-25", "besluitresultaat": "aangehouden"},
        {"voorstel": "2026-042", "vergaderdatum": "2026-09-24", "besluitresultaat": "ingetrokken"},
    ])
    site = tiny_site.load(tiny_site(files=files))
    undecided = [d for d in site.dossiers if not d.is_besluit]
    assert {d.id for d in undecided} == {"2026-040", "2026-041", "2026-042"}
    for d in undecided:
        for b in nieuws.berichten_van(d):
            assert b.label is Label.VOORSTEL, b.titel
            assert b.titel.startswith("Voorstel "), b.titel
            assert "Besluit" not in b.titel


def test_ids_are_tag_uris_from_dossier_and_what_happened(tiny_site):
    site = tiny_site.load(tiny_site())
    voorstel, uitkomst = nieuws.berichten_van(dossier(site, "2024-010"), "example.org,2024")
    assert voorstel.id == "tag:example.org,2024:dossier/2024-010/voorstel"
    assert uitkomst.id == "tag:example.org,2024:dossier/2024-010/besluit"  # no date: it may be corrected
    default = nieuws.berichten_van(dossier(site, "2024-010"))[0].id
    assert default == f"tag:{nieuws.DEFAULT_TAG_AUTHORITY}:dossier/2024-010/voorstel"


def test_dates_come_from_the_records_at_a_fixed_time_in_amsterdam(tiny_site):
    site = tiny_site.load(tiny_site())
    voorstel, uitkomst = nieuws.berichten_van(dossier(site, "2024-010"))
    # the slot of the kind of event, plus 2 * (4 * 1000 + 10) seconds for dossier 2024-010
    assert voorstel.published == voorstel.updated == datetime(2024, 1, 16, 11, 13, 40, tzinfo=AMS)
    assert uitkomst.published == uitkomst.updated == datetime(2024, 2, 29, 23, 13, 40, tzinfo=AMS)
    assert voorstel.published.utcoffset().total_seconds() == 3600  # winter time
    assert nieuws.moment(date(2024, 6, 6), time(23, 0)).isoformat() == "2024-06-06T23:00:00+02:00"


def test_recording_an_outcome_adds_one_event_and_changes_no_other(tiny_site):
    before = tiny_site.load(tiny_site(besluit=False))
    after = tiny_site.load(tiny_site())
    old, new = by_id(nieuws.berichten(before.dossiers)), by_id(nieuws.berichten(after.dossiers))
    assert set(old) < set(new) and len(new) == len(old) + 1
    for key, b in old.items():
        assert (new[key].published, new[key].updated, new[key].titel) == (b.published, b.updated, b.titel)
    [added] = set(new) - set(old)
    assert new[added].label is Label.BESLUIT


def test_changing_another_record_changes_no_id_or_date(tiny_site):
    base = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED)))
    changed_undecided = dict(UNDECIDED, titel="Een heel andere titel", datumIngediend="2026-10-21")
    changed = tiny_site.load(tiny_site(files=files_for(tiny_site, changed_undecided)))
    keep = lambda site: {b.id: (b.published, b.updated) for b in nieuws.berichten(site.dossiers)  # noqa: E731
                         if b.dossier_id != "2026-040"}
    assert keep(base) == keep(changed) and keep(base)


def test_events_are_newest_first_with_a_stable_tie_break(tiny_site):
    twin = dict(UNDECIDED, id="2026-039")
    site = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED, twin)))
    items = nieuws.berichten(site.dossiers)
    moments = [b.updated for b in items]
    assert moments == sorted(moments, reverse=True)
    assert len(set(moments)) == len(moments)  # no two events share a moment
    assert [b.dossier_id for b in items[:2]] == ["2026-040", "2026-039"]  # same day: the number decides
    assert nieuws.laatste_moment(items) == items[0].updated
    assert nieuws.laatste_moment([]) is None
