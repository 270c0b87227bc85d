"""Meetings and the dossiers on their agenda, from the behandeling steps and the outcomes.

The calendars (plugins/agenda) only serialise what is derived here, and the guard
(plugins/guard) compares them with it. There are two kinds of calendar event:

- an :class:`Agendapunt`: one dossier at one meeting (the dossier's own calendar).
  Its identity (the UID) is the dossier, the gremium and the date the step was first
  planned for, so a moved vote keeps its UID and shows its new date;
- a :class:`Vergadering`: one meeting (gremium and day) with every dossier on its
  agenda (``agenda/vergaderingen.ics``). Its identity is the gremium and the day.

Everything comes from the records, never from the build time, so a rebuild gives the
same bytes: DTSTAMP is the latest record moment that concerns the event, SEQUENCE
counts the recorded changes that concern it (earlier dates in ``eerder``, corrections
in ``wijzigingen``, an outcome). A change in the records raises SEQUENCE and never
lowers it, as long as the griffie records a move in ``eerder`` and a correction in
``wijzigingen`` instead of editing silently.

Labelling rule: a dossier at a meeting carries the label of what happened *there*.
An outcome recorded at that meeting gives its headline (a decided one names its
outcome; aangehouden and ingetrokken stay a voorstel); without one it was a voorstel
at that meeting. An undecided dossier has no final outcome, so nothing here can give
it a decided label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from . import labels
from .dates import datum_lang, tijd
from .dossier import Dossier
from .model import GREMIA, Raadsperiode, Stap, Uitkomst
from .nieuws import TIMEZONE, UITKOMST_TIJD, VOORSTEL_TIJD, moment
from .status import Label, Status

#: How long a meeting lasts, in minutes, when the settings do not say otherwise
#: (``VERGADERDUUR`` in pelicanconf.py). Calendars need an end: without one a meeting
#: shows as a zero-minute dot, and a journalist cannot see what it overlaps.
VERGADERDUUR: dict[str, int] = {"gemeenteraad": 180, "commissie-ruimte": 150, "commissie-samenleving": 150}
#: The key in ``VERGADERDUUR`` for a gremium that has no duration of its own.
STANDAARD = "standaard"
STANDAARD_DUUR = 150
#: A correction (``wijzigingen``) has a date, not a time: it counts from midday.
WIJZIGING_TIJD = time(12, 0)


def vergaderduur(setting: Mapping | None = None) -> dict[str, int]:
    """Minutes per gremium (and ``standaard``): the setting over the defaults.

    Checked here, so that a typo in pelicanconf.py stops the build with a message in
    Dutch instead of writing meetings of no or negative length.
    """
    duur = {**VERGADERDUUR, STANDAARD: STANDAARD_DUUR}
    if setting is None:
        return duur
    if not isinstance(setting, Mapping):
        raise ValueError(f"VERGADERDUUR in pelicanconf.py moet een woordenboek zijn, zoals "
                         f"{{'gemeenteraad': 180}}; gevonden: {setting!r}")
    for key, minuten in setting.items():
        if key not in GREMIA and key != STANDAARD:
            raise ValueError(f"VERGADERDUUR in pelicanconf.py noemt een onbekend gremium: {key!r}. Kies uit: "
                             f"{', '.join([*GREMIA, STANDAARD])}.")
        if isinstance(minuten, bool) or not isinstance(minuten, int) or not 1 <= minuten <= 24 * 60:
            raise ValueError(f"VERGADERDUUR[{key!r}] in pelicanconf.py moet een aantal minuten zijn, van 1 tot "
                             f"en met 1440; gevonden: {minuten!r}")
        duur[key] = minuten
    return duur


def _einde(begin: date | datetime, gremium: str, duur: Mapping | None) -> date | datetime:
    """The end of a meeting: its start plus the gremium's duration; the next day for a
    meeting without a known time (an all-day event ends where the next day begins)."""
    if not isinstance(begin, datetime):
        return begin + timedelta(days=1)
    minuten = duur if duur is not None and STANDAARD in duur else vergaderduur(duur)
    return begin + timedelta(minutes=minuten.get(gremium, minuten[STANDAARD]))


def _begin(day: date, at: time | None) -> date | datetime:
    """Date and time in Europe/Amsterdam, or only the date if no time is known."""
    return day if at is None else datetime.combine(day, at, tzinfo=TIMEZONE)


@dataclass(frozen=True)
class Agendapunt:
    """One dossier on the agenda of one meeting."""

    dossier: Dossier
    stap: Stap
    uitkomst: Uitkomst | None = None  # the outcome recorded at this meeting, if any

    @property
    def label(self) -> Label:
        return self.uitkomst.status.label if self.uitkomst else Label.VOORSTEL

    @property
    def is_stemming(self) -> bool:
        return self.stap.is_raad

    @property
    def eerst_gepland(self) -> date:
        """The date this step was first planned for: a move is always to a later date."""
        return min((*self.stap.eerder, self.stap.datum))

    @property
    def sleutel(self) -> str:
        """Stable identity: dossier, gremium and first planned date ('2024-031-gemeenteraad-2024-06-06').

        A step that moves to a later meeting (its old date in ``eerder``) keeps it, so a
        subscribed calendar moves the event instead of showing a new one.
        """
        return f"{self.dossier.id}-{self.stap.gremium}-{self.eerst_gepland.isoformat()}"

    @property
    def wat(self) -> str:
        if self.is_stemming:
            return "bespreking en stemming" if self.uitkomst is None else "stemming"
        return "bespreking in de commissie"

    @property
    def kop(self) -> str:
        """The label and title, as at this meeting: "Voorstel aan de raad: ...", "Verworpen: ..."."""
        if self.uitkomst is None:
            return labels.kop(Status.IN_BEHANDELING, self.dossier.titel)
        return labels.uitkomst_kop(self.uitkomst, self.dossier.titel)

    @property
    def titel(self) -> str:
        """The SUMMARY of the calendar event: always starts with the label."""
        if self.uitkomst is None:
            return f"{self.kop} ({self.stap.gremium_naam}, {self.wat})"
        return f"{self.kop} ({self.stap.gremium_naam})"

    @property
    def regel(self) -> str:
        """The item on a meeting's agenda: the kop, and what happens while nothing is recorded."""
        return self.kop if self.uitkomst is not None else f"{self.kop} ({self.wat})"

    @property
    def begin(self) -> date | datetime:
        return _begin(self.stap.datum, self.stap.tijd)

    def einde(self, duur: Mapping | None = None) -> date | datetime:
        return _einde(self.begin, self.stap.gremium, duur)

    @property
    def volgnummer(self) -> int:
        """SEQUENCE: the recorded changes to this event. Each earlier date of the step (a
        move), each correction of the voorstel, and the outcome with its corrections."""
        n = len(self.stap.eerder) + len(self.dossier.voorstel.wijzigingen)
        if self.uitkomst is not None:
            n += 1 + len(self.uitkomst.wijzigingen)
        return n

    @property
    def gewijzigd(self) -> datetime:
        """DTSTAMP: the latest record moment that concerns this event, never the build time.

        The voorstel's publication and its corrections; the outcome at this meeting and
        its corrections; an earlier outcome (aangehouden) that put the step here.
        """
        v = self.dossier.voorstel
        moments = [moment(v.datum_ingediend, VOORSTEL_TIJD), *(moment(w.datum, WIJZIGING_TIJD) for w in v.wijzigingen)]
        for u in self.dossier.uitkomsten:
            if u is self.uitkomst or u.vergaderdatum < self.stap.datum:
                moments.append(moment(u.vergaderdatum, UITKOMST_TIJD))
        if self.uitkomst is not None:
            moments += (moment(w.datum, WIJZIGING_TIJD) for w in self.uitkomst.wijzigingen)
        return max(moments)

    def beschrijving(self, url: str) -> str:
        """The DESCRIPTION of the event: what this is, what happens, and where to read more."""
        d = self.dossier
        if self.uitkomst is None:
            regels = [labels.tekst(Status.IN_BEHANDELING).zin, f"{self.stap.gremium_naam}: {self.wat}."]
        else:
            regels = [labels.uitkomst_regel(self.uitkomst)]
        if self.stap.eerder:  # a moved step says so, with every date it had before
            eerder = ", ".join(datum_lang(e) for e in sorted(self.stap.eerder))
            regels.append(f"Verplaatst: eerder gepland op {eerder}.")
        if self.uitkomst is None:
            regels += ["Het college vraagt de raad om:",
                       *(f"{i}. {p}" for i, p in enumerate(d.voorstel.gevraagd_besluit, start=1))]
        regels.append(f"Meer informatie: {url}")
        return "\n".join(regels)


@dataclass(frozen=True)
class Vergadering:
    """One meeting of a gremium on one day, with the dossiers on its agenda."""

    gremium: str
    datum: date
    tijd: time | None
    punten: tuple[Agendapunt, ...]
    #: Dossiers that were planned for this meeting and are no longer on it, as they are
    #: now: moved to a later meeting (this day in ``eerder``), or closed before it.
    vervallen: tuple[Agendapunt, ...] = ()

    @property
    def naam(self) -> str:
        return GREMIA[self.gremium]

    @property
    def sleutel(self) -> str:
        """Stable identity: gremium and day ('vergadering-gemeenteraad-2026-12-17')."""
        return f"vergadering-{self.gremium}-{self.datum.isoformat()}"

    @property
    def titel(self) -> str:
        """The SUMMARY: the gremium and the size of its agenda; the labels are per item."""
        n = len(self.punten)
        if n == 0:  # every dossier moved away or closed: the event stays, and says so
            return f"{self.naam}: vergadering, agendapunt{'' if len(self.vervallen) == 1 else 'en'} vervallen"
        return f"{self.naam}: vergadering met {n} agendapunt{'' if n == 1 else 'en'}"

    @property
    def begin(self) -> date | datetime:
        return _begin(self.datum, self.tijd)

    def einde(self, duur: Mapping | None = None) -> date | datetime:
        return _einde(self.begin, self.gremium, duur)

    @property
    def volgnummer(self) -> int:
        """SEQUENCE: one for every dossier that is or was on the agenda, plus the changes
        recorded to each (:attr:`Agendapunt.volgnummer`). Adding, moving or closing a
        dossier, a correction and an outcome each raise it."""
        return sum(1 + p.volgnummer for p in (*self.punten, *self.vervallen))

    @property
    def gewijzigd(self) -> datetime:
        return max(p.gewijzigd for p in (*self.punten, *self.vervallen))

    def is_verplaatst(self, punt: Agendapunt) -> bool:
        """Was ``punt`` (one of :attr:`vervallen`) moved from this meeting to a later one?"""
        return punt.stap.gremium == self.gremium and self.datum in punt.stap.eerder

    def regels(self, base: str) -> list[tuple[str | None, str]]:
        """The lines of the DESCRIPTION, each with the dossier it is about (or None)."""
        wanneer = f"{self.naam}, {datum_lang(self.datum)}" + (f", {tijd(self.tijd)}" if self.tijd else "")
        out: list[tuple[str | None, str]] = [(None, f"{wanneer}.")]
        if self.punten:
            out.append((None, "Op de agenda:"))
        for n, p in enumerate(self.punten, start=1):
            out += [(p.dossier.id, f"{n}. {p.regel}"), (p.dossier.id, f"   {base}/{p.dossier.url}")]
        if self.vervallen:
            out.append((None, "Niet meer op deze agenda:"))
            for p in self.vervallen:
                waarom = (f"Verplaatst naar {datum_lang(p.stap.datum)}." if self.is_verplaatst(p)
                          else "Staat niet meer op de agenda.")
                out += [(p.dossier.id, f"- {p.kop}. {waarom}"), (p.dossier.id, f"   {base}/{p.dossier.url}")]
        out.append((None, "Bij elk agendapunt staat wat het is. Een voorstel is nog niet besloten."))
        return out

    def beschrijving(self, base: str) -> str:
        return "\n".join(text for _, text in self.regels(base))


def agendapunten(dossier: Dossier) -> list[Agendapunt]:
    """Every meeting the dossier was, is or will be on the agenda of, oldest first, with
    the outcome recorded there.

    A decided or withdrawn dossier is on no agenda after its last outcome (a later step
    in ``behandeling`` will not happen for it); an outcome at a meeting that is not in
    ``behandeling`` still puts the dossier on that meeting's agenda.
    """
    last = dossier.laatste_uitkomst
    einde = None if dossier.open or last is None else last.vergaderdatum
    stappen = {(s.gremium, s.datum): s for s in dossier.stappen if einde is None or s.datum <= einde}
    for u in dossier.uitkomsten:
        stappen.setdefault(("gemeenteraad", u.vergaderdatum), Stap("gemeenteraad", u.vergaderdatum))
    per_datum = {u.vergaderdatum: u for u in dossier.uitkomsten}
    return [Agendapunt(dossier, s, per_datum.get(s.datum) if s.is_raad else None)
            for _, s in sorted(stappen.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


def _vervallen(dossier: Dossier, punten: list[Agendapunt]) -> Iterable[tuple[tuple[str, date], Agendapunt]]:
    """((gremium, day), the dossier as it is now) of every meeting it was planned for and
    is no longer on: an earlier date of a step, or a step after its closing outcome."""
    kept = {(p.stap.gremium, p.stap.datum): p for p in punten}
    by_step = {p.stap: p for p in punten}
    last = dossier.laatste_uitkomst
    closing = None if dossier.open else next((p for p in punten if p.uitkomst is last), None)
    for s in dossier.stappen:
        now = by_step.get(s, closing)
        for day in (*s.eerder, s.datum):
            if now is not None and (s.gremium, day) not in kept:
                yield (s.gremium, day), now


def dossier_agenda(dossier: Dossier) -> list[Agendapunt]:
    """The events of the per-dossier calendar: every council meeting about it, oldest
    first. Past ones keep their outcome, so a subscribed calendar keeps its history;
    empty while no council meeting is planned."""
    return [p for p in agendapunten(dossier) if p.is_stemming]


def vergaderingen(dossiers: Iterable[Dossier], vanaf: date | None = None) -> list[Vergadering]:
    """Every meeting with a dossier on its agenda, or that had one (on or after ``vanaf``),
    oldest first."""
    punten: dict[tuple[str, date], list[Agendapunt]] = {}
    weg: dict[tuple[str, date], list[Agendapunt]] = {}
    for d in dossiers:
        items = agendapunten(d)
        for p in items:
            punten.setdefault((p.stap.gremium, p.stap.datum), []).append(p)
        for key, p in _vervallen(d, items):
            weg.setdefault(key, []).append(p)
    out = []
    # A meeting every dossier left stays (a subscribed calendar keeps the event, now saying
    # where they went), as an all-day event: its time came from the dossiers on it.
    for gremium, day in sorted(punten.keys() | weg.keys(), key=lambda k: (k[1], k[0])):
        if vanaf is not None and day < vanaf:
            continue
        ps = sorted(punten.get((gremium, day), ()), key=_order)
        out.append(Vergadering(gremium, day, min((p.stap.tijd for p in ps if p.stap.tijd), default=None), tuple(ps),
                               tuple(sorted(weg.get((gremium, day), ()), key=lambda p: p.dossier.id))))
    return out


def historie_vanaf(perioden: Iterable[Raadsperiode], today: date) -> date | None:
    """The first day that ``agenda/vergaderingen.ics`` keeps: the start of the previous
    council period (or of the current one when there is no previous one).

    A subscribed calendar must not lose its history, but the file should not grow for
    ever: two council periods (up to eight years) is what a newsroom looks back on.
    None (keep everything) when no council period has started yet.
    """
    begonnen = sorted(p.van for p in perioden if p.van <= today)
    if not begonnen:
        return None
    return begonnen[-2] if len(begonnen) >= 2 else begonnen[-1]


def komende_agendapunten(dossiers: list[Dossier], today: date) -> list[Agendapunt]:
    """Open dossiers at meetings on or after ``today``, soonest first.

    Steps before the last recorded outcome (an aangehouden vote) are history, not agenda.
    """
    punten = []
    for d in dossiers:
        if not d.open:
            continue
        after = d.laatste_uitkomst.vergaderdatum if d.laatste_uitkomst else None
        punten += (p for p in agendapunten(d) if p.stap.datum >= today and (after is None or p.stap.datum > after))
    return sorted(punten, key=_order)


def komende_vergaderingen(dossiers: list[Dossier], today: date) -> list[Vergadering]:
    """The meetings on or after ``today``, each with its whole agenda, soonest first."""
    return vergaderingen(dossiers, vanaf=today)


def _order(p: Agendapunt):
    return (p.stap.datum, p.stap.tijd or time.min, p.stap.gremium, p.dossier.id)
