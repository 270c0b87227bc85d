"""Upcoming meetings and the dossiers on their agenda, from the behandeling steps.

The calendar (plugins/agenda) only serialises what is derived here. An agenda item
is one dossier at one meeting. Its identity is the dossier id, the gremium and the
date, so it stays the same across rebuilds and when other records change; a meeting
that moves to another date is a different item.

Labelling rule: an item of an upcoming meeting belongs to an open dossier, so it is
always a voorstel. Only the per-dossier calendar can show a past meeting (the one
where the outcome was recorded); that item carries the label of that outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from . import labels
from .dossier import Dossier
from .model import GREMIA, Stap, Uitkomst
from .nieuws import TIMEZONE, UITKOMST_TIJD, VOORSTEL_TIJD, moment
from .status import Label, Status


@dataclass(frozen=True)
class Agendapunt:
    """One dossier on the agenda of one meeting."""

    dossier: Dossier
    stap: Stap
    uitkomst: Uitkomst | None = None  # only for a past meeting that has its outcome

    @property
    def label(self) -> Label:
        return self.uitkomst.status.label if self.uitkomst else Label.VOORSTEL

    @property
    def is_stemming(self) -> bool:
        return self.stap.is_raad

    @property
    def sleutel(self) -> str:
        """Stable identity: dossier, gremium and date ('2024-031-gemeenteraad-2024-06-06')."""
        return f"{self.dossier.id}-{self.stap.gremium}-{self.stap.datum.isoformat()}"

    @property
    def wat(self) -> str:
        if self.is_stemming:
            return "bespreking en stemming" if self.uitkomst is None else "stemming"
        return "bespreking in de commissie"

    @property
    def titel(self) -> str:
        """The SUMMARY of the calendar event: always starts with the label."""
        d, u = self.dossier, self.uitkomst
        if u is None:
            return f"{labels.kop(Status.IN_BEHANDELING, d.titel)} ({self.stap.gremium_naam}, {self.wat})"
        return f"{labels.uitkomst_kop(u, d.titel)} ({self.stap.gremium_naam})"

    @property
    def begin(self) -> date | datetime:
        """The start: date and time in Europe/Amsterdam, or only the date if no time is known."""
        if self.stap.tijd is None:
            return self.stap.datum
        return datetime.combine(self.stap.datum, self.stap.tijd, tzinfo=TIMEZONE)

    @property
    def gewijzigd(self) -> datetime:
        """When the information last changed, from the records (for DTSTAMP), never the build time."""
        if self.uitkomst is not None:
            return moment(self.uitkomst.vergaderdatum, UITKOMST_TIJD)
        last = self.dossier.laatste_uitkomst
        if last is not None and last.vergaderdatum < self.stap.datum:
            return moment(last.vergaderdatum, UITKOMST_TIJD)
        return moment(self.dossier.voorstel.datum_ingediend, VOORSTEL_TIJD)


@dataclass(frozen=True)
class Vergadering:
    """One meeting of a gremium on one day, with the dossiers on its agenda."""

    gremium: str
    datum: date
    tijd: time | None
    punten: tuple[Agendapunt, ...]

    @property
    def naam(self) -> str:
        return GREMIA[self.gremium]


def komende_agendapunten(dossiers: list[Dossier], today: date) -> list[Agendapunt]:
    """Open dossiers at meetings on or after ``today``, soonest first.

    Steps before the last recorded outcome (an aangehouden vote) are history, not agenda.
    """
    punten = []
    for d in dossiers:
        if not d.open:
            continue
        after = d.laatste_uitkomst.vergaderdatum if d.laatste_uitkomst else None
        for stap in d.stappen:
            if stap.datum >= today and (after is None or stap.datum > after):
                punten.append(Agendapunt(d, stap))
    return sorted(punten, key=_order)


def komende_vergaderingen(dossiers: list[Dossier], today: date) -> list[Vergadering]:
    """The upcoming meetings, each with its agenda items, soonest first."""
    groups: dict[tuple[date, str], list[Agendapunt]] = {}
    for p in komende_agendapunten(dossiers, today):
        groups.setdefault((p.stap.datum, p.stap.gremium), []).append(p)
    return [
        Vergadering(gremium, day, min((p.stap.tijd for p in ps if p.stap.tijd), default=None), tuple(ps))
        for (day, gremium), ps in sorted(groups.items())
    ]


def dossier_agenda(dossier: Dossier) -> list[Agendapunt]:
    """The items of the per-dossier calendar: its planned vote.

    When no vote is planned any more, the meeting of its last outcome (so a subscribed
    calendar shows what happened to the event it had); empty when neither exists.
    """
    stemming = dossier.geplande_stemming()
    if stemming is not None:
        return [Agendapunt(dossier, stemming)]
    last = dossier.laatste_uitkomst
    if last is None:
        return []
    stap = next((s for s in dossier.stappen if s.is_raad and s.datum == last.vergaderdatum),
                Stap("gemeenteraad", last.vergaderdatum))
    return [Agendapunt(dossier, stap, last)]


def _order(p: Agendapunt):
    return (p.stap.datum, p.stap.tijd or time.min, p.stap.gremium, p.dossier.id)
