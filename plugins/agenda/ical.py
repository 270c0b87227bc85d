"""Serialise agenda events (raadsinfo.agenda) as iCalendar (RFC 5545) with `icalendar`.

No Pelican here. Every VEVENT carries:

- a UID from the event's stable key and a fixed host name, so a rebuild, a change to
  another record or a new SITEURL never changes it; a moved vote keeps its UID;
- a DTSTAMP and a SEQUENCE from the records (the last record moment and the number of
  recorded changes that concern it), never the build time, so a rebuild gives the
  same bytes and a change is a higher SEQUENCE;
- a DTEND (the gremium's meeting duration, ``VERGADERDUUR``), so no meeting is a
  zero-minute dot;
- a SUMMARY and DESCRIPTION written by the domain: a dossier's event starts with its
  label ("Voorstel aan de raad: ..."), a meeting's lists its agenda with each label;
- X-RAADSINFO-DOSSIER:<id> and X-RAADSINFO-LABEL:voorstel|besluit on a dossier's event
  for the labelling guard (plugins/guard), which knows a meeting by its UID.

Every calendar says how often to fetch it again (REFRESH-INTERVAL, RFC 7986, and
X-PUBLISHED-TTL for Outlook and older clients) and where it lives (SOURCE).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from raadsinfo.agenda import Agendapunt, Vergadering

PRODID = "-//Griffie Harderwijk//Raadsinformatie//NL"
TZID = "Europe/Amsterdam"
#: How often a subscribed calendar should be fetched again. The site is rebuilt every
#: morning; six hours brings that build to every subscriber the same day, without
#: clients polling a static file every few minutes.
VERVERSEN = timedelta(hours=6)


def _amsterdam() -> Timezone:
    """A compact VTIMEZONE with the EU summer-time rules (valid since 1996)."""
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add_component(_overgang(TimezoneDaylight(), "CEST", datetime(1970, 3, 29, 2, 0, 0), 3, van=1, naar=2))
    tz.add_component(_overgang(TimezoneStandard(), "CET", datetime(1970, 10, 25, 3, 0, 0), 10, van=2, naar=1))
    return tz


def _overgang(deel, naam: str, begin: datetime, maand: int, van: int, naar: int):
    """One clock change: every last Sunday of ``maand``, from UTC+``van`` to UTC+``naar``."""
    deel.add("tzname", naam)
    deel.add("dtstart", begin)
    deel.add("rrule", vRecur(freq="YEARLY", bymonth=maand, byday="-1SU"))
    deel.add("tzoffsetfrom", timedelta(hours=van))
    deel.add("tzoffsetto", timedelta(hours=naar))
    return deel


def uid(item: Agendapunt | Vergadering, host: str) -> str:
    return f"{item.sleutel}@{host}"


def _common(ev: Event, item: Agendapunt | Vergadering, host: str, locatie: str, duur: Mapping | None) -> None:
    ev.add("uid", uid(item, host))
    ev.add("dtstamp", item.gewijzigd.astimezone(UTC))
    ev.add("sequence", item.volgnummer)
    ev.add("dtstart", item.begin)
    ev.add("dtend", item.einde(duur))
    ev.add("summary", item.titel)


def event(punt: Agendapunt, base: str, host: str, locatie: str = "", duur: Mapping | None = None) -> Event:
    """One dossier at one meeting (a dossier's own calendar)."""
    url = f"{base}/{punt.dossier.url}"
    ev = Event()
    _common(ev, punt, host, locatie, duur)
    ev.add("description", punt.beschrijving(url))
    if locatie:
        ev.add("location", locatie)
    ev.add("url", url)
    ev.add("categories", [punt.label.value])
    ev.add("x-raadsinfo-dossier", punt.dossier.id)
    ev.add("x-raadsinfo-label", punt.label.value)
    return ev


def vergadering_event(v: Vergadering, base: str, host: str, locatie: str = "", duur: Mapping | None = None) -> Event:
    """One meeting with its agenda (the meetings calendar)."""
    ev = Event()
    _common(ev, v, host, locatie, duur)
    ev.add("description", v.beschrijving(base))
    if locatie:
        ev.add("location", locatie)
    ev.add("categories", [v.naam])
    return ev


def kalender(naam: str, beschrijving: str, items: Sequence[Agendapunt | Vergadering], base: str, host: str,
             locatie: str = "", duur: Mapping | None = None, bron: str = "") -> bytes:
    """A whole calendar; still valid without events (it always has its VTIMEZONE).

    ``bron`` is the calendar's own address (SOURCE), where a client fetches it again.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", naam)
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-caldesc", beschrijving)
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", VERVERSEN, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", _duration(VERVERSEN))
    if bron:
        cal.add("source", bron, parameters={"VALUE": "URI"})
    for item in items:
        maak = vergadering_event if isinstance(item, Vergadering) else event
        cal.add_component(maak(item, base, host, locatie, duur))
    return _with_timezone(to_ical(cal))


def _duration(d: timedelta) -> str:
    """An RFC 5545 duration of whole minutes ("PT6H", "PT90M")."""
    minuten = int(d.total_seconds() // 60)
    return f"PT{minuten // 60}H" if minuten % 60 == 0 else f"PT{minuten}M"


def to_ical(component) -> bytes:
    """``component.to_ical()``, byte for byte, at a fraction of the cost.

    icalendar folds every content line in Python, character by character; on a site
    with thousands of dossier calendars that was most of their cost. Here a line of
    one-octet characters is folded by slicing, a shorter line with other characters
    is encoded as it is, and only a long line with other characters goes through
    icalendar's own folding (``Contentline.to_ical``).
    """
    return b"\r\n".join(_folded(line) for line in component.content_lines() if line) + b"\r\n"


def _folded(line) -> bytes:
    if line.isascii():
        return _fold_ascii(line).encode("ascii")
    raw = line.encode("utf-8")
    return raw if len(raw) < FOLD_FROM else line.to_ical()


#: RFC 5545 3.1: lines longer than 75 octets are folded; icalendar starts a new line
#: at the character that would reach 75, so a line of up to 74 octets stays whole.
FOLD_FROM = 75
_SEGMENT = FOLD_FROM - 1


def _fold_ascii(line: str) -> str:
    """icalendar's folding for a line of one-octet characters, by slicing.

    Lines of 74 characters; a line that would end in a backslash or caret (the start
    of an escape) ends one character earlier, so the escape moves to the next line
    whole, as icalendar does (its issue #1501). Lines with other characters go
    through icalendar itself.
    """
    if len(line) <= _SEGMENT:
        return line
    parts, start, n = [], 0, len(line)
    while n - start > _SEGMENT:
        end = start + _SEGMENT
        if line[end - 1] in "\\^":
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return "\r\n ".join(parts)


@lru_cache(maxsize=1)
def _timezone_ical() -> bytes:
    return to_ical(_amsterdam())


def _with_timezone(calendar: bytes) -> bytes:
    """Insert the VTIMEZONE as the first component of a serialised calendar.

    It is the same in every calendar, and serialising it (icalendar folds every line
    in Python) was a third of the cost of writing thousands of dossier calendars; so
    it is serialised once. The bytes equal those of adding it as first component.
    """
    at = calendar.find(b"\r\nBEGIN:", 1)
    if at < 0:
        at = calendar.rindex(b"\r\nEND:VCALENDAR")
    return calendar[:at + 2] + _timezone_ical() + calendar[at + 2:]
