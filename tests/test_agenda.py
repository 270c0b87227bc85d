"""Meetings and their agendas (raadsinfo.agenda) and the iCalendar files (plugins/agenda).

Unit tests load a tiny content folder with the real loader; the build tests run the
real Pelican build and compare the calendars of two builds: the same records give the
same bytes, a moved vote keeps its UID with a higher SEQUENCE and a new DTSTART.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from agenda.generator import webcal
from agenda.ical import kalender, to_ical
from conftest import FRACTIES_2026, TODAY
from guard.domain import decided_matches
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from raadsinfo import agenda
from raadsinfo.model import Raadsperiode
from raadsinfo.status import Label

AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
BASE = "https://raad.example"
HOST = "raadsinformatie.harderwijk.example"

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
    # The college withdrew it at the council meeting; the later commissie will not treat it.
    "behandeling": [{"gremium": "gemeenteraad", "datum": "2026-09-24"},
                    {"gremium": "commissie-ruimte", "datum": "2026-10-01", "tijd": "20:00"}],
}
OUTCOMES = [
    {"voorstel": "2026-041", "vergaderdatum": "2026-06-25", "besluitresultaat": "aangehouden"},
    {"voorstel": "2026-042", "vergaderdatum": "2026-09-24", "besluitresultaat": "ingetrokken"},
]
#: 2026-040's vote, moved from 17 December to 28 January (what the griffie writes).
MOVED_VOTE = {"gremium": "gemeenteraad", "datum": "2027-01-28", "tijd": "20:00", "eerder": ["2026-12-17"]}


def files_for(tiny_site, *voorstellen, besluiten=()):
    files = {}
    for changes in voorstellen:
        files[f"voorstellen/{changes['id']}-x.md"] = tiny_site.voorstel(**changes)
    for changes in besluiten:
        files[f"besluiten/{changes['voorstel']}.md"] = changes
    return files


def moved(voorstel: dict, **changes) -> dict:
    """2026-040 with its vote moved (``MOVED_VOTE``) and other changes."""
    return dict(voorstel, behandeling=[voorstel["behandeling"][0], MOVED_VOTE], **changes)


@pytest.fixture
def site(tiny_site):
    return tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED, AANGEHOUDEN, INGETROKKEN,
                                                    besluiten=OUTCOMES)))


def dossier(site, dossier_id):
    return next(d for d in site.dossiers if d.id == dossier_id)


def meeting(meetings, gremium: str, day: date) -> agenda.Vergadering:
    return next(v for v in meetings if v.gremium == gremium and v.datum == day)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


# --- the domain: items, meetings, identity ----------------------------------------------


def test_upcoming_items_are_open_dossiers_on_or_after_today(site):
    punten = agenda.komende_agendapunten(site.dossiers, TODAY)
    assert [(p.dossier.id, p.stap.gremium, p.stap.datum) for p in punten] == [
        ("2026-040", "commissie-ruimte", date(2026, 12, 3)),
        ("2026-040", "gemeenteraad", date(2026, 12, 17)),
        ("2026-041", "gemeenteraad", date(2027, 1, 28)),  # the aangehouden vote, moved
    ]
    assert all(p.label is Label.VOORSTEL for p in punten)
    assert all(p.titel.startswith("Voorstel aan de raad: ") for p in punten)
    assert punten[1].titel.endswith("(Gemeenteraad, bespreking en stemming)")
    assert punten[0].begin == datetime(2026, 12, 3, 19, 30, tzinfo=AMS)


def test_a_step_before_the_last_outcome_is_not_upcoming(site):
    punten = agenda.komende_agendapunten(site.dossiers, date(2026, 6, 1))
    keys = {p.sleutel for p in punten}
    assert "2026-041-gemeenteraad-2026-06-25" not in keys
    assert "2026-041-commissie-ruimte-2026-06-04" not in keys
    assert "2026-041-gemeenteraad-2027-01-28" in keys
    assert not any(p.dossier.id in {"2024-010", "2026-042"} for p in punten)  # decided, withdrawn


def test_every_meeting_of_a_dossier_with_the_label_of_that_meeting(site):
    """History stays: each meeting shows what happened there, nothing of later meetings."""
    aangehouden = agenda.agendapunten(dossier(site, "2026-041"))
    assert [(p.stap.datum, p.kop) for p in aangehouden] == [
        (date(2026, 6, 4), "Voorstel aan de raad: Parkeren in de binnenstad"),
        (date(2026, 6, 25), "Voorstel uitgesteld: Parkeren in de binnenstad"),
        (date(2027, 1, 28), "Voorstel aan de raad: Parkeren in de binnenstad"),
    ]
    decided = agenda.agendapunten(dossier(site, "2024-010"))
    assert [(p.stap.gremium, p.label) for p in decided] == [("commissie-samenleving", Label.VOORSTEL),
                                                            ("gemeenteraad", Label.BESLUIT)]
    assert decided[1].titel == "Aangenomen: Nieuwe speeltuin in Drielanden (Gemeenteraad)"
    # After it was withdrawn the dossier is on no later agenda.
    assert [p.stap.datum for p in agenda.agendapunten(dossier(site, "2026-042"))] == [date(2026, 9, 24)]


def test_dossier_calendar_holds_every_council_meeting_about_it(site):
    [vote] = agenda.dossier_agenda(dossier(site, "2026-040"))
    assert vote.stap.datum == date(2026, 12, 17) and vote.is_stemming and vote.label is Label.VOORSTEL
    postponed, planned = agenda.dossier_agenda(dossier(site, "2026-041"))
    assert postponed.uitkomst is not None and postponed.titel.startswith("Voorstel uitgesteld: ")
    assert planned.stap.datum == date(2027, 1, 28) and planned.uitkomst is None
    [decided] = agenda.dossier_agenda(dossier(site, "2024-010"))
    assert decided.uitkomst is not None and decided.label is Label.BESLUIT
    [withdrawn] = agenda.dossier_agenda(dossier(site, "2026-042"))
    assert withdrawn.label is Label.VOORSTEL and withdrawn.titel.startswith("Voorstel ingetrokken: ")


def test_meetings_group_items_by_day_and_gremium(site, tiny_site):
    twin = dict(UNDECIDED, id="2026-039", titel="Tweede voorstel")
    more = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED, twin)))
    vergaderingen = agenda.komende_vergaderingen(more.dossiers, TODAY)
    assert [(v.naam, v.datum, v.tijd) for v in vergaderingen] == [
        ("Commissie Ruimte", date(2026, 12, 3), time(19, 30)),
        ("Gemeenteraad", date(2026, 12, 17), time(19, 30)),
    ]
    assert [p.dossier.id for p in vergaderingen[1].punten] == ["2026-039", "2026-040"]
    assert vergaderingen[1].titel == "Gemeenteraad: vergadering met 2 agendapunten"
    assert vergaderingen[1].sleutel == "vergadering-gemeenteraad-2026-12-17"


def test_past_meetings_are_kept_with_what_happened_there(site):
    meetings = agenda.vergaderingen(site.dossiers)
    assert meetings[0].datum == date(2024, 2, 8) and meetings == sorted(meetings, key=lambda v: v.datum)
    raad = meeting(meetings, "gemeenteraad", date(2024, 2, 29))
    assert raad.beschrijving(BASE).splitlines() == [
        "Gemeenteraad, donderdag 29 februari 2024, 19.30 uur.",
        "Op de agenda:",
        "1. Aangenomen: Nieuwe speeltuin in Drielanden",
        f"   {BASE}/dossiers/2024-010.html",
        "Bij elk agendapunt staat wat het is. Een voorstel is nog niet besloten.",
    ]
    assert "1. Voorstel uitgesteld: Parkeren in de binnenstad" in meeting(
        meetings, "gemeenteraad", date(2026, 6, 25)).beschrijving(BASE)
    # Meetings on or after a day only: what agenda/vergaderingen.ics keeps.
    assert [v.datum for v in agenda.vergaderingen(site.dossiers, vanaf=date(2026, 12, 3))] == [
        date(2026, 12, 3), date(2026, 12, 17), date(2027, 1, 28)]


def test_a_meeting_after_a_withdrawal_says_the_dossier_is_no_longer_on_it(site, tiny_site):
    other = dict(UNDECIDED, id="2026-039", titel="Ander voorstel", datumIngediend="2026-09-01",
                 behandeling=[{"gremium": "commissie-ruimte", "datum": "2026-10-01", "tijd": "19:30"}])
    more = tiny_site.load(tiny_site(files=files_for(tiny_site, INGETROKKEN, other, besluiten=OUTCOMES[1:])))
    commissie = meeting(agenda.vergaderingen(more.dossiers), "commissie-ruimte", date(2026, 10, 1))
    assert [p.dossier.id for p in commissie.punten] == ["2026-039"]
    assert commissie.tijd == time(19, 30)
    lines = commissie.beschrijving(BASE).splitlines()
    assert lines[4:7] == ["Niet meer op deze agenda:",
                          "- Voorstel ingetrokken: Verkoop van het oude gemeentehuis. Staat niet meer op de agenda.",
                          f"   {BASE}/dossiers/2026-042.html"]


def test_a_moved_vote_keeps_its_key_and_the_old_meeting_says_where_it_went(tiny_site):
    stays = dict(UNDECIDED, id="2026-039", titel="Blijft staan")
    before = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED, stays)))
    after = tiny_site.load(tiny_site(files=files_for(tiny_site, moved(UNDECIDED), stays)))
    [old] = agenda.dossier_agenda(dossier(before, "2026-040"))
    [new] = agenda.dossier_agenda(dossier(after, "2026-040"))
    assert old.sleutel == new.sleutel == "2026-040-gemeenteraad-2026-12-17"
    assert (old.volgnummer, new.volgnummer) == (0, 1)
    assert new.begin == datetime(2027, 1, 28, 20, 0, tzinfo=AMS)
    assert "Verplaatst: eerder gepland op donderdag 17 december 2026." in new.beschrijving(BASE)

    was = meeting(agenda.vergaderingen(before.dossiers), "gemeenteraad", date(2026, 12, 17))
    now = meeting(agenda.vergaderingen(after.dossiers), "gemeenteraad", date(2026, 12, 17))
    assert [p.dossier.id for p in now.punten] == ["2026-039"]
    assert now.volgnummer > was.volgnummer
    assert ("2026-040", f"- Voorstel aan de raad: {UNDECIDED['titel']}. Verplaatst naar donderdag 28 januari "
            "2027.") in now.regels(BASE)
    target = meeting(agenda.vergaderingen(after.dossiers), "gemeenteraad", date(2027, 1, 28))
    assert [p.dossier.id for p in target.punten] == ["2026-040"] and target.tijd == time(20, 0)


def test_a_meeting_every_dossier_left_stays_as_an_all_day_event(tiny_site):
    """A subscribed calendar keeps the event of a meeting whose only dossier moved, and
    learns why: a higher SEQUENCE and the line that says where it went."""
    before = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED)))
    after = tiny_site.load(tiny_site(files=files_for(tiny_site, moved(UNDECIDED))))
    was = meeting(agenda.vergaderingen(before.dossiers), "gemeenteraad", date(2026, 12, 17))
    now = meeting(agenda.vergaderingen(after.dossiers), "gemeenteraad", date(2026, 12, 17))
    assert now.sleutel == was.sleutel and now.volgnummer > was.volgnummer
    assert now.punten == () and now.titel == "Gemeenteraad: vergadering, agendapunt vervallen"
    assert now.begin == date(2026, 12, 17) and now.einde() == date(2026, 12, 18)
    assert now.beschrijving(BASE).splitlines()[:3] == [
        "Gemeenteraad, donderdag 17 december 2026.", "Niet meer op deze agenda:",
        f"- Voorstel aan de raad: {UNDECIDED['titel']}. Verplaatst naar donderdag 28 januari 2027."]


def test_sequence_and_stamp_follow_the_records(site, tiny_site):
    """Each recorded change raises SEQUENCE; DTSTAMP is the latest record moment."""
    [item] = agenda.dossier_agenda(dossier(site, "2026-040"))
    assert item.volgnummer == 0 and item.gewijzigd == datetime(2026, 10, 20, 9, 0, tzinfo=AMS)
    fixed = dict(UNDECIDED, wijzigingen=[{"datum": "2026-11-02", "omschrijving": "Het bedrag was fout; het is "
                                          "50.000 euro."}])
    corrected = tiny_site.load(tiny_site(files=files_for(tiny_site, fixed)))
    [item] = agenda.dossier_agenda(dossier(corrected, "2026-040"))
    assert item.volgnummer == 1 and item.gewijzigd == datetime(2026, 11, 2, 12, 0, tzinfo=AMS)
    verworpen = {"voorstel": "2026-040", "vergaderdatum": "2026-12-17", "besluitresultaat": "verworpen",
                 "stemmingen": [{"fractie": n, "fractiestemresultaat": "tegen"} for n, _ in FRACTIES_2026],
                 "besluittoelichting": "De raad vindt het plan te duur voor wat het de stad oplevert."}
    decided = tiny_site.load(tiny_site(files=files_for(tiny_site, fixed, besluiten=[verworpen])),
                             today=date(2026, 12, 18))
    [item] = agenda.dossier_agenda(dossier(decided, "2026-040"))
    assert item.label is Label.BESLUIT and item.volgnummer == 2
    assert item.gewijzigd == datetime(2026, 12, 17, 23, 0, tzinfo=AMS)
    raad = meeting(agenda.vergaderingen(decided.dossiers), "gemeenteraad", date(2026, 12, 17))
    assert raad.volgnummer == 3 and raad.punten[0].regel == f"Verworpen: {UNDECIDED['titel']}"


def test_an_undecided_dossier_is_never_decided_in_any_meeting(tiny_site):
    """Every state, at every meeting: a line about an undecided dossier holds no decided label string."""
    from guard_helpers import GUARD_SITE, write_site

    content = write_site(tiny_site.tmp_path / "guard", GUARD_SITE)
    site = tiny_site.load(content)
    open_ids = {d.id for d in site.dossiers if not d.is_besluit}
    seen = 0
    for v in agenda.vergaderingen(site.dossiers):
        for i, line in v.regels(BASE):
            if i in open_ids:
                seen += 1
                assert decided_matches(line) == [], line
            elif i is None:
                assert decided_matches(line) == [], line
    assert seen >= len(open_ids)


def test_council_periods_bound_the_history():
    def periode(naam, van, tot):
        return Raadsperiode(naam, date.fromisoformat(van), date.fromisoformat(tot), 29, ())

    perioden = [periode("2018", "2018-03-29", "2022-03-29"), periode("2022", "2022-03-30", "2026-04-01"),
                periode("2026", "2026-04-02", "2030-03-27")]
    assert agenda.historie_vanaf(perioden, date(2026, 12, 2)) == date(2022, 3, 30)
    assert agenda.historie_vanaf(perioden, date(2024, 1, 1)) == date(2018, 3, 29)
    assert agenda.historie_vanaf(perioden[:1], date(2020, 1, 1)) == date(2018, 3, 29)
    assert agenda.historie_vanaf(perioden, date(2000, 1, 1)) is None


# --- durations ------------------------------------------------------------------------


def test_every_event_ends_after_the_duration_of_its_gremium(site):
    duur = agenda.vergaderduur({"gemeenteraad": 200})
    [vote] = agenda.dossier_agenda(dossier(site, "2026-040"))
    assert vote.einde(duur) - vote.begin == timedelta(minutes=200)
    assert vote.einde() - vote.begin == timedelta(minutes=agenda.VERGADERDUUR["gemeenteraad"])
    commissie = agenda.komende_agendapunten(site.dossiers, TODAY)[0]
    assert commissie.einde(duur) - commissie.begin == timedelta(minutes=150)
    # No time known: an all-day event, which ends where the next day begins.
    [withdrawn] = agenda.dossier_agenda(dossier(site, "2026-042"))
    assert withdrawn.begin == date(2026, 9, 24) and withdrawn.einde(duur) == date(2026, 9, 25)


@pytest.mark.parametrize("setting, message", [
    ({"gemeente-raad": 180}, "onbekend gremium"),
    ({"gemeenteraad": 0}, "aantal minuten"),
    ({"gemeenteraad": "3 uur"}, "aantal minuten"),
    ({"standaard": True}, "aantal minuten"),
    ([180], "woordenboek"),
])
def test_a_wrong_duration_setting_stops_with_a_dutch_message(setting, message):
    with pytest.raises(ValueError, match=message):
        agenda.vergaderduur(setting)


def test_the_default_duration_covers_a_gremium_without_its_own():
    assert agenda.vergaderduur({"standaard": 90})["standaard"] == 90
    assert agenda.vergaderduur() == {**agenda.VERGADERDUUR, "standaard": agenda.STANDAARD_DUUR}


# --- iCalendar ------------------------------------------------------------------------


def test_dossier_events_carry_uid_label_dossier_end_and_record_dates(site):
    data = kalender("Vergaderingen", "Uitleg", agenda.komende_agendapunten(site.dossiers, TODAY), BASE, HOST,
                    "Stadhuis")
    cal = Calendar.from_ical(data)
    assert cal["X-WR-TIMEZONE"] == "Europe/Amsterdam" and cal.walk("VTIMEZONE")
    evs = events(data)
    assert len(evs) == 3
    for ev in evs:
        assert str(ev["SUMMARY"]).startswith("Voorstel aan de raad: ")
        assert str(ev["X-RAADSINFO-LABEL"]) == "voorstel"
        uid = str(ev["UID"])
        assert uid.startswith(f"{ev['X-RAADSINFO-DOSSIER']}-") and uid.endswith("@" + HOST)
        assert ev["DTSTART"].dt.date().isoformat() in uid
        assert ev["DTEND"].dt > ev["DTSTART"].dt and ev["SEQUENCE"] == 0
        assert str(ev["URL"]) == f"{BASE}/dossiers/{ev['X-RAADSINFO-DOSSIER']}.html"
    first = evs[0]
    assert str(first["UID"]) == f"2026-040-commissie-ruimte-2026-12-03@{HOST}"
    assert first["DTSTART"].dt == datetime(2026, 12, 3, 19, 30, tzinfo=AMS)
    assert first["DTEND"].dt == datetime(2026, 12, 3, 22, 0, tzinfo=AMS)
    assert first["DTSTAMP"].dt == datetime(2026, 10, 20, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert "Dit is een voorstel." in str(first["DESCRIPTION"])
    moved_vote = evs[2]
    assert moved_vote["DTSTAMP"].dt == datetime(2026, 6, 25, 21, 0, tzinfo=UTC)  # the aangehouden date


def test_a_meeting_event_lists_its_agenda(site):
    meetings = agenda.vergaderingen(site.dossiers, vanaf=date(2026, 6, 25))
    data = kalender("Vergaderingen", "Uitleg", meetings, BASE, HOST, "Stadhuis", bron=f"{BASE}/agenda/x.ics")
    evs = events(data)
    assert [str(ev["UID"]) for ev in evs] == [f"{v.sleutel}@{HOST}" for v in meetings]
    first = evs[0]
    assert str(first["SUMMARY"]) == "Gemeenteraad: vergadering met 1 agendapunt"
    assert str(first["DESCRIPTION"]).splitlines()[2] == "1. Voorstel uitgesteld: Parkeren in de binnenstad"
    assert first["DTEND"].dt - first["DTSTART"].dt == timedelta(hours=3)
    assert first["SEQUENCE"] == 2  # on the agenda (1) and the outcome recorded there (1)
    assert "X-RAADSINFO-DOSSIER" not in first and str(first["LOCATION"]) == "Stadhuis"


def test_a_calendar_says_how_often_to_fetch_it_and_where(site):
    data = kalender("x", "x", [], BASE, HOST, bron=f"{BASE}/agenda/vergaderingen.ics")
    text = data.decode()
    assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in text and "\r\nX-PUBLISHED-TTL:PT6H\r\n" in text
    assert f"\r\nSOURCE;VALUE=URI:{BASE}/agenda/vergaderingen.ics\r\n" in text


def test_webcal_addresses():
    assert webcal("https://raad.example/sub") == "webcal://raad.example/sub"
    assert webcal("http://localhost:8000") == "webcal://localhost:8000"


def test_special_characters_survive_in_the_calendar(site):
    data = kalender("Agenda", "x", agenda.dossier_agenda(dossier(site, "2026-040")), BASE, HOST)
    [ev] = events(data)
    assert str(ev["SUMMARY"]) == f"Voorstel aan de raad: {UNDECIDED['titel']} (Gemeenteraad, bespreking en stemming)"


def test_an_empty_calendar_is_still_a_calendar():
    data = kalender("Leeg", "Geen vergaderingen", [], BASE, HOST)
    cal = Calendar.from_ical(data)
    assert cal.name == "VCALENDAR" and not cal.walk("VEVENT") and cal.walk("VTIMEZONE")


def test_date_only_step_is_an_all_day_event(site):
    [ev] = events(kalender("x", "x", agenda.dossier_agenda(dossier(site, "2026-042")), BASE, HOST))
    assert ev["DTSTART"].dt == date(2026, 9, 24) and not isinstance(ev["DTSTART"].dt, datetime)
    assert ev["DTEND"].dt == date(2026, 9, 25)


# --- build tests -----------------------------------------------------------------


def _by_uid(path):
    return {str(ev["UID"]): ev for ev in events(path.read_bytes())}


def _calendars(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.ics"))}


def test_rebuilds_give_the_same_bytes_and_other_records_keep_uids(tiny_site, pelican_build, tmp_path):
    files = files_for(tiny_site, UNDECIDED, AANGEHOUDEN, INGETROKKEN, besluiten=OUTCOMES)
    first = tiny_site(files=files)
    changed = dict(files)
    # an unrelated record changes: the withdrawn voorstel gets another title and summary
    changed["voorstellen/2026-042-x.md"] = tiny_site.voorstel(**dict(
        INGETROKKEN, titel="Nieuwe titel", samenvatting="Een andere samenvatting, lang genoeg voor de controle."))
    second = tiny_site(files=changed)
    outs = []
    for i, content in enumerate((first, first, second)):
        out = tmp_path / f"out{i}"
        result = pelican_build(content, out)
        assert result.returncode == 0, result.output
        outs.append(out)
    a, again, b = outs
    assert _calendars(a) == _calendars(again)  # rebuild: the same bytes, every calendar
    assert len(_calendars(a)) == 5
    meetings = a / "agenda" / "vergaderingen.ics"
    assert set(_by_uid(meetings)) == {f"vergadering-{g}@{HOST}" for g in (
        "commissie-samenleving-2024-02-08", "gemeenteraad-2024-02-29", "commissie-ruimte-2026-06-04",
        "gemeenteraad-2026-06-25", "gemeenteraad-2026-09-24", "commissie-ruimte-2026-10-01",
        "commissie-ruimte-2026-12-03",
        "gemeenteraad-2026-12-17", "gemeenteraad-2027-01-28")}
    for d in ("2024-010", "2026-040", "2026-041"):
        assert _calendars(a)[f"agenda/dossier/{d}.ics"] == _calendars(b)[f"agenda/dossier/{d}.ics"]
    assert set(_by_uid(meetings)) == set(_by_uid(b / "agenda" / "vergaderingen.ics"))
    vote = events((a / "agenda" / "dossier" / "2026-040.ics").read_bytes())
    assert [str(ev["X-RAADSINFO-DOSSIER"]) for ev in vote] == ["2026-040"]
    assert str(vote[0]["URL"]) == "http://localhost:8000/dossiers/2026-040.html"


def test_a_moved_vote_keeps_its_uid_with_a_higher_sequence_and_a_new_start(tiny_site, pelican_build, tmp_path):
    stays = dict(UNDECIDED, id="2026-039", titel="Blijft op de agenda")
    before = tiny_site(files=files_for(tiny_site, UNDECIDED, stays))
    after = tiny_site(files=files_for(tiny_site, moved(UNDECIDED), stays))
    outs = []
    for i, content in enumerate((before, after)):
        out = tmp_path / f"out{i}"
        result = pelican_build(content, out)
        assert result.returncode == 0, result.output
        outs.append(out)
    a, b = outs
    uid = f"2026-040-gemeenteraad-2026-12-17@{HOST}"
    was, now = (_by_uid(out / "agenda" / "dossier" / "2026-040.ics") for out in outs)
    assert set(was) == set(now) == {uid}
    assert (was[uid]["SEQUENCE"], now[uid]["SEQUENCE"]) == (0, 1)
    assert was[uid]["DTSTART"].dt == datetime(2026, 12, 17, 19, 30, tzinfo=AMS)
    assert now[uid]["DTSTART"].dt == datetime(2027, 1, 28, 20, 0, tzinfo=AMS)
    assert now[uid]["DTEND"].dt == datetime(2027, 1, 28, 23, 0, tzinfo=AMS)

    was, now = (_by_uid(out / "agenda" / "vergaderingen.ics") for out in outs)
    old = f"vergadering-gemeenteraad-2026-12-17@{HOST}"
    assert now[old]["SEQUENCE"] > was[old]["SEQUENCE"]
    assert "Verplaatst naar donderdag 28 januari 2027." in str(now[old]["DESCRIPTION"])
    assert f"vergadering-gemeenteraad-2027-01-28@{HOST}" in set(now) - set(was)
    # Nothing else changed: the other meetings are the same events.
    for key in set(was) - {old}:
        assert was[key].to_ical() == now[key].to_ical()


def test_a_wrong_duration_setting_fails_the_build(tiny_site, pelican_build, tmp_path):
    result = pelican_build(tiny_site(), tmp_path / "out", extra_settings={"VERGADERDUUR": {"raad": 180}})
    assert result.returncode != 0 and "VERGADERDUUR" in result.output and "onbekend gremium" in result.output


def test_the_sample_settings_are_valid():
    import pelicanconf

    assert agenda.vergaderduur(pelicanconf.VERGADERDUUR)["gemeenteraad"] == pelicanconf.VERGADERDUUR["gemeenteraad"]


# --- the fast serialisation ---------------------------------------------------------


@given(st.text(alphabet=st.sampled_from("abcé€ 😀,;\\\n:\"x^"), max_size=200), st.integers(40, 90))
@settings(max_examples=300, deadline=None)
def test_fast_serialisation_equals_icalendar(text, uid_length):
    """agenda.ical.to_ical skips icalendar's folding for short lines; the bytes must
    stay exactly those of ``to_ical()``, also around the 75-octet fold point and with
    multi-byte characters."""
    cal = Calendar()
    cal.add("prodid", "-//test//NL")
    cal.add("version", "2.0")
    ev = Event()
    ev.add("uid", "u" * uid_length)
    ev.add("summary", text)
    ev.add("description", text * 2)
    cal.add_component(ev)
    assert to_ical(cal) == cal.to_ical()


@given(st.text(alphabet=st.sampled_from("ab ,;\\\n:\"^x"), min_size=60, max_size=400), st.integers(0, 90))
@settings(max_examples=300, deadline=None)
def test_fast_folding_of_plain_ascii_lines_equals_icalendar(text, uid_length):
    """The sliced folding of one-octet lines: escapes (\\, \\; \\n ...) near every
    fold point must move to the next line exactly as icalendar moves them."""
    ev = Event()
    ev.add("uid", "u" * uid_length + "@x")
    ev.add("description", text)
    ev.add("summary", "^" * (uid_length % 7) + text)
    assert to_ical(ev) == ev.to_ical()


@pytest.mark.parametrize("voor", range(50, 80))
@pytest.mark.parametrize("escape", [",", ";", "\\", "\n", "x"])
def test_fast_folding_moves_an_escape_at_the_fold_point_whole(voor, escape):
    ev = Event()
    ev.add("description", "a" * voor + escape * 12)
    assert to_ical(ev) == ev.to_ical()
