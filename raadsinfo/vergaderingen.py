"""A page per meeting: what the meeting pages and the index of meetings show.

The meetings themselves come from :func:`raadsinfo.agenda.vergaderingen` (one per
gremium and day, with its agenda items). This module adds what a resident asks of a
meeting: where and when, until when to register to speak (the same deadline as on a
dossier page, :func:`raadsinfo.tracker.aanmelden_tot`), and after the meeting what
happened with each item (the outcome sentence of :mod:`raadsinfo.labels`).

Details the records do not hold (place, livestream, a recording) come from
``content/raad/vergaderingen.yaml`` (:class:`Vergadergegevens`, read and checked by
:mod:`raadsinfo.loader`): defaults per gremium, overridden per meeting.

Labelling rule: the lines here name no label of their own. A line about an item says
what happened at *this* meeting; an undecided dossier can only have been postponed or
withdrawn here, and :func:`raadsinfo.labels.uitkomst_regel` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from . import labels, tracker
from .agenda import Agendapunt, Vergadering
from .dates import datum_lang, tijd
from .model import Stap

MAP = "vergaderingen"


# --- details from content/raad/vergaderingen.yaml --------------------------------------


@dataclass(frozen=True)
class Vergaderinfo:
    """What the records do not say about a meeting; empty strings where unknown."""

    plaats: str = ""
    livestream: str = ""  # the live broadcast (https://)
    video: str = ""  # the recording after the meeting (https://), per meeting only
    opmerking: str = ""  # one short sentence for residents, per meeting only

    def over(self, other: Vergaderinfo) -> Vergaderinfo:
        """These details, with ``other``'s where ``other`` has them."""
        return Vergaderinfo(*(b or a for a, b in zip(
            (self.plaats, self.livestream, self.video, self.opmerking),
            (other.plaats, other.livestream, other.video, other.opmerking), strict=True)))


@dataclass(frozen=True)
class Vergadergegevens:
    """Defaults per gremium and overrides per meeting (gremium, day)."""

    gremia: dict[str, Vergaderinfo] = field(default_factory=dict)
    per_vergadering: dict[tuple[str, date], Vergaderinfo] = field(default_factory=dict)

    def voor(self, gremium: str, dag: date) -> Vergaderinfo:
        info = self.gremia.get(gremium, Vergaderinfo())
        eigen = self.per_vergadering.get((gremium, dag))
        return info.over(eigen) if eigen else info


def gegevens_from(data: dict) -> Vergadergegevens:
    """The details of a validated ``vergaderingen.yaml`` (schema ``vergaderingen``)."""
    gremia = {g: Vergaderinfo(v.get("plaats", ""), v.get("livestream", ""))
              for g, v in (data.get("gremia") or {}).items()}
    per = {(v["gremium"], date.fromisoformat(str(v["datum"]))):
           Vergaderinfo(v.get("plaats", ""), v.get("livestream", ""), v.get("video", ""), v.get("opmerking", ""))
           for v in data.get("vergaderingen") or ()}
    return Vergadergegevens(gremia, per)


# --- the pages ---------------------------------------------------------------------------


def pad(gremium: str, dag: date) -> str:
    """'vergaderingen/2026-12-10-gemeenteraad.html'."""
    return f"{MAP}/{dag.isoformat()}-{gremium}.html"


def is_voorbij(v: Vergadering, vandaag: date) -> bool:
    """Has the meeting taken place? A meeting today counts as ahead until an outcome
    from it is recorded."""
    return v.datum < vandaag or any(p.uitkomst is not None for p in v.punten)


def inspreken(v: Vergadering, nu: datetime) -> tracker.Inspreken:
    """Registering to speak at this meeting: the dossier page's deadline (24 hours before
    the start; 19.30 uur when no time is recorded)."""
    stap = Stap(v.gremium, v.datum, v.tijd)
    return tracker.Inspreken(stap, tracker.begintijd(stap), tracker.aanmelden_tot(stap),
                             tracker.kan_nog_aanmelden(stap, nu))


def wat_gebeurt(punt: Agendapunt) -> str:
    """Before the meeting: what happens with the item ("Bespreking en stemming.")."""
    return punt.wat[0].upper() + punt.wat[1:] + "."


def wat_gebeurde(punt: Agendapunt, vandaag: date) -> str:
    """After the meeting: what happened with the item there, in one or two sentences.

    The outcome recorded at this meeting when there is one (an aangehouden or
    ingetrokken item says so, and that nothing is decided); otherwise what a commissie
    does, or that the result is not on the site yet.
    """
    if punt.uitkomst is not None:
        return labels.uitkomst_regel(punt.uitkomst)
    d = punt.dossier
    if not punt.is_stemming:
        return "De commissie heeft over het voorstel gepraat. In een commissie wordt niet gestemd."
    gepland = d.geplande_stemming()
    if d.uitslag_ontbreekt(vandaag) and gepland is not None and gepland.datum == punt.stap.datum:
        return "De uitslag is nog niet verwerkt op deze site. We zetten hem hier zo snel mogelijk."
    return "De raad heeft over het voorstel gepraat. In deze vergadering is er niet over gestemd."


def waarom_vervallen(v: Vergadering, punt: Agendapunt) -> str:
    """Why a dossier planned for this meeting is no longer on its agenda."""
    if v.is_verplaatst(punt):
        return f"Verplaatst naar {datum_lang(punt.stap.datum)}."
    return "Staat niet meer op de agenda."


def wanneer(v: Vergadering) -> str:
    """'donderdag 10 december 2026, 19.30 uur' (without a time when none is known)."""
    return datum_lang(v.datum) + (f", {tijd(v.tijd)}" if v.tijd else "")


@dataclass(frozen=True)
class Overzicht:
    """The index of meetings: upcoming soonest first, past ones per year, newest first."""

    komend: list[Vergadering]
    per_jaar: list[tuple[int, list[Vergadering]]]


def overzicht(vergaderingen: Iterable[Vergadering], vandaag: date) -> Overzicht:
    alle = sorted(vergaderingen, key=lambda v: (v.datum, v.tijd or datetime.min.time(), v.gremium))
    komend = [v for v in alle if not is_voorbij(v, vandaag)]
    jaren: dict[int, list[Vergadering]] = {}
    for v in reversed([v for v in alle if is_voorbij(v, vandaag)]):
        jaren.setdefault(v.datum.year, []).append(v)
    return Overzicht(komend, sorted(jaren.items(), reverse=True))


def volgende_raad(vergaderingen: Iterable[Vergadering], vandaag: date) -> Vergadering | None:
    """The next council meeting (today or later) with at least one item on its agenda."""
    return next((v for v in sorted(vergaderingen, key=lambda v: v.datum)
                 if v.gremium == "gemeenteraad" and v.punten and not is_voorbij(v, vandaag)), None)
