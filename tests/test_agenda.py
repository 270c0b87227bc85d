"""Upcoming meetings (raadsinfo.agenda) and the iCalendar files (plugins/agenda).

Unit tests load a tiny content folder with the real loader; the build tests run the
real Pelican build twice and compare the calendars.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from agenda.ical import kalender, to_ical
from conftest import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event
from test_nieuws import AANGEHOUDEN, INGETROKKEN, UNDECIDED, files_for

from raadsinfo import agenda
from raadsinfo.status import Label

AMS = ZoneInfo("Europe/Amsterdam")
BASE = "https://raad.example"
HOST = "raadsinformatie.harderwijk.example"

OUTCOMES = [
    {"voorstel": "2026-041", "vergaderdatum": "2026-06-25", "besluitresultaat": "aangehouden"},
    {"voorstel": "2026-042", "vergaderdatum": "2026-09-24", "besluitresultaat": "ingetrokken"},
]


@pytest.fixture
def site(tiny_site):
    return tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED, AANGEHOUDEN, INGETROKKEN,
                                                    besluiten=OUTCOMES)))


def dossier(site, dossier_id):
    return next(d for d in site.dossiers if d.id == dossier_id)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


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


def test_a_step_before_the_last_outcome_is_not_on_the_agenda(site):
    # Seen from before the aangehouden meeting, the meeting after it is still upcoming,
    # but the aangehouden meeting itself is history once its outcome is recorded.
    punten = agenda.komende_agendapunten(site.dossiers, date(2026, 6, 1))
    keys = {p.sleutel for p in punten}
    assert "2026-041-gemeenteraad-2026-06-25" not in keys
    assert "2026-041-commissie-ruimte-2026-06-04" not in keys
    assert "2026-041-gemeenteraad-2027-01-28" in keys
    assert not any(p.dossier.id in {"2024-010", "2026-042"} for p in punten)  # decided, withdrawn


def test_meetings_group_items_by_day_and_gremium(site, tiny_site):
    twin = dict(UNDECIDED, id="2026-039", titel="Tweede voorstel")
    more = tiny_site.load(tiny_site(files=files_for(tiny_site, UNDECIDED, twin)))
    vergaderingen = agenda.komende_vergaderingen(more.dossiers, TODAY)
    assert [(v.naam, v.datum, v.tijd) for v in vergaderingen] == [
        ("Commissie Ruimte", date(2026, 12, 3), time(19, 30)),
        ("Gemeenteraad", date(2026, 12, 17), time(19, 30)),
    ]
    assert [p.dossier.id for p in vergaderingen[1].punten] == ["2026-039", "2026-040"]


def test_dossier_agenda_is_the_planned_vote_or_the_last_outcome(site):
    [vote] = agenda.dossier_agenda(dossier(site, "2026-040"))
    assert vote.stap.datum == date(2026, 12, 17) and vote.is_stemming and vote.label is Label.VOORSTEL
    [moved] = agenda.dossier_agenda(dossier(site, "2026-041"))
    assert moved.stap.datum == date(2027, 1, 28) and moved.uitkomst is None
    [decided] = agenda.dossier_agenda(dossier(site, "2024-010"))
    assert decided.uitkomst is not None and decided.label is Label.BESLUIT
    assert decided.titel == "Aangenomen: Nieuwe speeltuin in Drielanden (Gemeenteraad)"
    [withdrawn] = agenda.dossier_agenda(dossier(site, "2026-042"))
    assert withdrawn.label is Label.VOORSTEL and withdrawn.titel.startswith("Voorstel ingetrokken: ")


def test_calendar_events_carry_uid_label_dossier_and_record_dates(site):
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
        assert str(ev["URL"]) == f"{BASE}/dossiers/{ev['X-RAADSINFO-DOSSIER']}.html"
    first = evs[0]
    assert str(first["UID"]) == f"2026-040-commissie-ruimte-2026-12-03@{HOST}"
    assert first["DTSTART"].dt == datetime(2026, 12, 3, 19, 30, tzinfo=AMS)
    assert first["DTSTAMP"].dt == datetime(2026, 10, 20, 7, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 CEST
    assert "Dit is een voorstel." in str(first["DESCRIPTION"])
    moved = evs[2]
    assert first["DTSTAMP"].dt != moved["DTSTAMP"].dt
    assert moved["DTSTAMP"].dt == datetime(2026, 6, 25, 21, 0, tzinfo=ZoneInfo("UTC"))  # the aangehouden date


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


# --- build tests -----------------------------------------------------------------


def _uids(path):
    return {str(ev["UID"]): (ev["DTSTAMP"].dt, ev["DTSTART"].dt, str(ev["SUMMARY"])) for ev in
            events(path.read_bytes())}


def test_build_writes_calendars_with_uids_stable_across_builds(tiny_site, pelican_build, tmp_path):
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
    cal = a / "agenda" / "vergaderingen.ics"
    assert cal.read_bytes() == (again / "agenda" / "vergaderingen.ics").read_bytes()  # rebuild: same bytes
    assert _uids(cal) == _uids(b / "agenda" / "vergaderingen.ics")
    assert set(_uids(cal)) == {f"2026-040-commissie-ruimte-2026-12-03@{HOST}",
                               f"2026-040-gemeenteraad-2026-12-17@{HOST}",
                               f"2026-041-gemeenteraad-2027-01-28@{HOST}"}
    for d in ("2024-010", "2026-040", "2026-041"):
        assert _uids(a / "agenda" / "dossier" / f"{d}.ics") == _uids(b / "agenda" / "dossier" / f"{d}.ics")
    vote = events((a / "agenda" / "dossier" / "2026-040.ics").read_bytes())
    assert [str(ev["X-RAADSINFO-DOSSIER"]) for ev in vote] == ["2026-040"]
    assert str(vote[0]["URL"]) == "http://localhost:8000/dossiers/2026-040.html"


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
