"""The calendars of the built sample site, read as calendar apps read them, and the
guard on meeting events.

Every ``.ics`` file of the sample site is parsed by two independent readers,
``icalendar`` (which also wrote it) and ``vobject`` (its own parser, with its own
RFC 5545 checks), and both must see the same events; a second build gives the same
bytes. The guard (``plugins/guard/data_check.check_ics``) compares each meeting event
with :class:`raadsinfo.agenda.Vergadering` and refuses an undecided dossier shown as
decided in it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import vobject
from guard.data_check import check_ics
from guard_helpers import DECIDED, OPEN, changed, expected, output, violations
from icalendar import Calendar

from raadsinfo import agenda
from raadsinfo.loader import load_site

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-02"
HOST = "raadsinformatie.harderwijk.example"
MEETINGS = "agenda/vergaderingen.ics"


def _build(out: Path) -> Path:
    env = {**os.environ, "RAADSINFO_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
         "--fatal", "errors"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("kalenders") / "output")


def calendars(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.ics"))}


def _instant(value) -> datetime | date:
    """A date-time as one instant (UTC), a date as it is: the readers differ in time zone objects."""
    return value.astimezone(UTC) if isinstance(value, datetime) else value


# --- two readers ------------------------------------------------------------------------


@pytest.mark.slow
def test_every_calendar_reads_the_same_in_icalendar_and_vobject(sample):
    files = calendars(sample)
    site = load_site(ROOT / "content", today=date.fromisoformat(TODAY))
    assert MEETINGS in files and len(files) == 1 + len(site.dossiers)
    for rel, raw in files.items():
        cal = Calendar.from_ical(raw)
        other = vobject.readOne(raw.decode("utf-8"), validate=True)
        ours = {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}
        theirs = {ev.uid.value: ev for ev in getattr(other, "vevent_list", [])}
        assert set(ours) == set(theirs), rel
        assert len(ours) == len(cal.walk("VEVENT")), f"{rel}: UID twee keer"
        assert str(cal["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT6H" and other.x_published_ttl.value == "PT6H"
        assert other.source.value == f"http://localhost:8000/{rel}"
        for uid, ev in ours.items():
            them = theirs[uid]
            assert uid.endswith("@" + HOST)
            start, end = ev["DTSTART"].dt, ev["DTEND"].dt
            assert _instant(start) == _instant(them.dtstart.value), (rel, uid)
            assert _instant(end) == _instant(them.dtend.value), (rel, uid)
            assert end > start, (rel, uid)  # no zero-minute meetings
            if isinstance(start, datetime):
                assert end - start in {timedelta(minutes=150), timedelta(minutes=180)}, (rel, uid)
            else:
                assert end - start == timedelta(days=1), (rel, uid)
            assert int(them.sequence.value) == ev["SEQUENCE"] >= 0
            assert _instant(ev["DTSTAMP"].dt) == _instant(them.dtstamp.value)
            assert them.summary.value == str(ev["SUMMARY"]) and them.description.value == str(ev["DESCRIPTION"])


@pytest.mark.slow
def test_the_meetings_calendar_keeps_this_and_the_previous_council_period(sample):
    site = load_site(ROOT / "content", today=date.fromisoformat(TODAY))
    vanaf = agenda.historie_vanaf(site.perioden, date.fromisoformat(TODAY))
    assert vanaf == date(2022, 3, 30)
    want = agenda.vergaderingen(site.dossiers, vanaf=vanaf)
    evs = Calendar.from_ical(calendars(sample)[MEETINGS]).walk("VEVENT")
    assert [str(ev["UID"]) for ev in evs] == [f"{v.sleutel}@{HOST}" for v in want]
    assert any(ev["DTSTART"].dt.date() < date.fromisoformat(TODAY) for ev in evs)  # history kept
    assert all(str(ev["UID"]).startswith("vergadering-") for ev in evs)  # one event per meeting


@pytest.mark.slow
def test_a_rebuild_gives_the_same_calendars_byte_for_byte(sample, tmp_path):
    assert calendars(_build(tmp_path / "again")) == calendars(sample)


@pytest.mark.slow
def test_pages_offer_webcal_beside_https(sample):
    page = (sample / "dossiers" / "2026-041.html").read_text(encoding="utf-8")
    assert 'href="webcal://localhost:8000/agenda/dossier/2026-041.ics"' in page
    assert 'href="../agenda/dossier/2026-041.ics"' in page
    pers = (sample / "pers.html").read_text(encoding="utf-8")
    assert 'href="webcal://localhost:8000/agenda/vergaderingen.ics"' in pers


# --- the guard on meeting events (the guard's tiny site) --------------------------------


def unfolded(rel: str = MEETINGS) -> str:
    return output(rel).decode().replace("\r\n ", "")


def test_the_meetings_calendar_as_built_passes():
    assert check_ics(output(MEETINGS), MEETINGS, expected()) == []
    text = unfolded()
    # The same title in two states, each with its own label at its own meeting.
    assert ". Voorstel aan de raad: Parkeerbeleid binnenstad (bespreking en stemming)" in text
    assert "Verworpen: Parkeerbeleid binnenstad" in text


def test_an_undecided_dossier_shown_as_decided_in_a_meeting():
    t = expected().teksten[OPEN]
    raw = unfolded().replace(f"Voorstel aan de raad: {t.titel} (bespreking en stemming)",
                             f"Aangenomen: {t.titel}").encode()
    found = violations(MEETINGS, raw)
    assert any(v.dossier == OPEN and "DESCRIPTION" in v.element and "Voorstel aan de raad" in v.expected
               for v in found), found
    assert any(v.dossier == OPEN and "geen besluitlabel" in v.expected for v in found), found


def test_a_shared_title_is_told_apart_by_the_meeting():
    """"Verworpen: Parkeerbeleid binnenstad" belongs to the rejected one; at the meeting of
    the undecided one with the same title it is a violation."""
    raw = unfolded().replace("Voorstel aan de raad: Parkeerbeleid binnenstad (bespreking en stemming)",
                             "Verworpen: Parkeerbeleid binnenstad").encode()
    found = violations(MEETINGS, raw)
    assert any(v.dossier == "2026-043" and "DESCRIPTION" in v.element for v in found), found


def test_a_line_added_to_a_meeting_is_read_whole():
    """A description with other lines than the domain's: the whole text is searched."""
    t = expected().teksten[OPEN]
    raw = unfolded().replace("Op de agenda:", f"Op de agenda:\\nBesluit: {t.titel}").encode()
    found = violations(MEETINGS, raw)
    assert any(v.dossier == OPEN and "het label van een voorstel" in v.expected for v in found), found


def test_a_wrong_meeting_summary_and_an_unknown_meeting():
    key = "vergadering-gemeenteraad-2026-10-08"
    v = expected().vergadering(key)
    assert v is not None and v.titel.startswith("Gemeenteraad: vergadering met ")
    raw = changed(MEETINGS, f"SUMMARY:{v.titel}", "SUMMARY:Besluiten van de gemeenteraad")
    [found] = violations(MEETINGS, raw)
    assert found.element.endswith("SUMMARY") and v.titel in found.expected
    raw = changed(MEETINGS, f"UID:{key}@", "UID:vergadering-gemeenteraad-2026-10-09@")
    [found] = violations(MEETINGS, raw)
    assert "raadsinfo/agenda.py" in found.expected


def test_a_decided_dossier_left_out_of_its_meeting():
    raw = unfolded().replace(f"/dossiers/{DECIDED}.html", "/dossiers/elders.html").encode()
    found = violations(MEETINGS, raw)
    assert any(v.dossier == DECIDED and "DESCRIPTION" in v.element for v in found), found


def test_a_moved_or_changed_dossier_event_keeps_matching_its_item():
    """A dossier's own event is compared whole, its DESCRIPTION included."""
    rel = f"agenda/dossier/{OPEN}.ics"
    assert check_ics(output(rel), rel, expected()) == []
    raw = unfolded(rel).replace("Het college vraagt de raad om:", "De raad heeft besloten:").encode()
    found = violations(rel, raw)
    assert any(v.dossier == OPEN and v.element.endswith("DESCRIPTION") for v in found), found
