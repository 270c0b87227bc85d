"""The news events of the dossiers: what a journalist's feed reader shows.

Every dossier yields one event when the voorstel is published and one per recorded
outcome (aangehouden, ingetrokken, or the final result). An event is a fact about one
record, so everything that identifies it comes from that record only:

- its id is a tag URI (RFC 4151) built from the dossier id and the record's date, never
  from a title, a position in a list or the site's address. A rebuild, a change to an
  unrelated record or a new outcome therefore never changes an existing id: recording
  the outcome adds a new event and leaves the voorstel's event as it was;
- its published and updated moments are the record's date (datumIngediend, or the
  vergaderdatum of the outcome) at a fixed time of day in Europe/Amsterdam, never the
  build time, so that readers do not show old items as new after a rebuild.

The labelling rule holds per event: only a final outcome (a vote or a hamerstuk) is a
*besluit*; the publication and an aangehouden or ingetrokken outcome are *voorstel*
events. A decided dossier thus keeps its earlier voorstel event in the feeds: that is
the (correctly labelled) news of the day it was published.

Plain Python, no Pelican: the feed writer (plugins/feeds) only serialises these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from html import escape
from zoneinfo import ZoneInfo

from . import labels
from .dates import datum_lang
from .dossier import Dossier
from .model import Nevenvoorstel, Stap, Uitkomst
from .status import Label, Status

TIMEZONE = ZoneInfo("Europe/Amsterdam")
#: A voorstel is published in the morning; an outcome is known after the evening meeting.
VOORSTEL_TIJD = time(9, 0)
UITKOMST_TIJD = time(23, 0)
#: The tagging entity of every id (RFC 4151: authority name and a date it was owned).
#: Fixed on purpose: it does not follow SITEURL, so a local build and the published
#: site give the same ids.
DEFAULT_TAG_AUTHORITY = "raadsinformatie.harderwijk.example,2024"


class Soort:
    """What happened: the kind of news event."""

    VOORSTEL = "voorstel"  # the college sent the voorstel to the council
    AANGEHOUDEN = "aangehouden"
    INGETROKKEN = "ingetrokken"
    BESLUIT = "besluit"  # a final outcome: aangenomen in any form, or verworpen


@dataclass(frozen=True)
class Bericht:
    """One news event about one dossier."""

    id: str  # tag URI, stable for ever
    soort: str  # a Soort value
    label: Label  # voorstel or besluit, by the labelling rule
    dossier: Dossier
    titel: str  # the headline from raadsinfo.labels: "Voorstel aan de raad: ...", "Verworpen: ...", ...
    samenvatting: str  # plain text, the first thing a reader shows
    inhoud: str  # HTML body, escaped
    published: datetime
    updated: datetime

    @property
    def dossier_id(self) -> str:
        return self.dossier.id

    @property
    def url(self) -> str:
        """Site-relative link: the dossier page."""
        return self.dossier.url

    @property
    def onderwerpen(self) -> tuple[str, ...]:
        return self.dossier.voorstel.onderwerpen


def moment(day: date, at: time) -> datetime:
    """A record date at a fixed time of day, in Europe/Amsterdam."""
    return datetime.combine(day, at, tzinfo=TIMEZONE)


def tag_uri(authority: str, specific: str) -> str:
    return f"tag:{authority}:{specific}"


def berichten(dossiers: list[Dossier], authority: str = DEFAULT_TAG_AUTHORITY) -> list[Bericht]:
    """All events of all dossiers, newest first (ties broken by id, so the order is stable)."""
    out = [b for d in dossiers for b in berichten_van(d, authority)]
    return newest_first(out)


def newest_first(items: list[Bericht]) -> list[Bericht]:
    return sorted(items, key=lambda b: (b.published, b.id), reverse=True)


def berichten_van(dossier: Dossier, authority: str = DEFAULT_TAG_AUTHORITY) -> list[Bericht]:
    """The events of one dossier: its publication, then one per recorded outcome."""
    out = [_voorstel_bericht(dossier, authority)]
    for uitkomst in dossier.uitkomsten:
        out.append(_uitkomst_bericht(dossier, uitkomst, authority))
    return out


def laatste_moment(items: list[Bericht]) -> datetime | None:
    """The latest updated moment, for a feed's own 'updated'; None when there are none."""
    return max((b.updated for b in items), default=None)


# --- the voorstel event -------------------------------------------------------------


def eerste_stemming(dossier: Dossier, after: date | None = None) -> Stap | None:
    """The first council meeting in the behandeling (after ``after``, if given).

    Read from the voorstel record only, so the publication event does not change when
    an outcome is recorded.
    """
    return next((s for s in dossier.stappen if s.is_raad and (after is None or s.datum > after)), None)


def _stemming_zin(stap: Stap | None) -> str:
    if stap is None:
        return "Wanneer de raad erover stemt, is nog niet bekend."
    return f"De raad stemt naar verwachting op {datum_lang(stap.datum)}."


def _voorstel_bericht(dossier: Dossier, authority: str) -> Bericht:
    v = dossier.voorstel
    stemming = _stemming_zin(eerste_stemming(dossier))
    punten = v.gevraagd_besluit
    vraag = "Het college vraagt de gemeenteraad om: " + " ".join(
        f"{i}. {p}" for i, p in enumerate(punten, start=1)
    ) if len(punten) > 1 else f"Het college vraagt de gemeenteraad om: {punten[0]}"
    open_zin = labels.tekst(Status.IN_BEHANDELING).zin
    samenvatting = f"{vraag} {stemming} {open_zin}"
    inhoud = (
        "<p>Het college vraagt de gemeenteraad om:</p>"
        + "<ol>" + "".join(f"<li>{escape(p)}</li>" for p in punten) + "</ol>"
        + f"<p>{escape(stemming)} {escape(open_zin)}</p>"
        + f"<p>{escape(v.samenvatting)}</p>"
        + f"<p>Portefeuillehouder: {escape(v.portefeuillehouder)}. Nummer {escape(v.id)}.</p>"
    )
    when = moment(v.datum_ingediend, VOORSTEL_TIJD)
    return Bericht(
        id=tag_uri(authority, f"dossier/{v.id}/voorstel"),
        soort=Soort.VOORSTEL,
        label=Label.VOORSTEL,
        dossier=dossier,
        titel=labels.kop(Status.IN_BEHANDELING, v.titel),
        samenvatting=samenvatting,
        inhoud=inhoud,
        published=when,
        updated=when,
    )


# --- the outcome events -------------------------------------------------------------


def _uitkomst_bericht(dossier: Dossier, u: Uitkomst, authority: str) -> Bericht:
    status = u.status
    titel = dossier.titel
    kop = labels.uitkomst_kop(u, titel)
    if status is Status.AANGEHOUDEN:
        soort, tekst = Soort.AANGEHOUDEN, _aangehouden(dossier, u)
    elif status is Status.INGETROKKEN:
        soort, tekst = Soort.INGETROKKEN, [labels.uitkomst_regel(u)]
    else:
        soort, tekst = Soort.BESLUIT, _besluit(u)
    label = status.label
    if (label is Label.BESLUIT) != (soort == Soort.BESLUIT):  # pragma: no cover
        raise ValueError(f"labelregel: {status} geeft label {label.value} maar soort {soort}")
    neven = _aangenomen_neven(u)
    samenvatting = " ".join(tekst + [_neven_zin(soort_, items) for soort_, items in neven if items])
    inhoud = "".join(f"<p>{escape(t)}</p>" for t in tekst)
    for soort_, items in neven:
        if items:
            inhoud += f"<p>{escape(_neven_kop(soort_))}</p><ul>" + "".join(
                f"<li>{escape(_neven_regel(n))}</li>" for n in items) + "</ul>"
    if u.besluittoelichting:
        inhoud += f"<p>Waarom: {escape(u.besluittoelichting)}</p>"
    inhoud += f"<p>Nummer {escape(dossier.id)}.</p>"
    when = moment(u.vergaderdatum, UITKOMST_TIJD)
    return Bericht(
        id=tag_uri(authority, f"dossier/{dossier.id}/uitkomst/{u.vergaderdatum.isoformat()}"),
        soort=soort,
        label=label,
        dossier=dossier,
        titel=kop,
        samenvatting=samenvatting,
        inhoud=inhoud,
        published=when,
        updated=when,
    )


def _aangehouden(dossier: Dossier, u: Uitkomst) -> list[str]:
    volgende = eerste_stemming(dossier, after=u.vergaderdatum)
    zinnen = [labels.uitkomst_regel(u)]
    if volgende is not None:
        zinnen.append(f"De raad stemt nu naar verwachting op {datum_lang(volgende.datum)}.")
    else:
        zinnen.append("Een nieuwe datum voor de stemming is nog niet bekend.")
    if u.besluittoelichting:
        zinnen.append(u.besluittoelichting)
    return zinnen


def _besluit(u: Uitkomst) -> list[str]:
    zinnen = [labels.uitkomst_regel(u)]
    ronde = u.stemronde
    if ronde:
        zinnen.append(f"{ronde.voor} raadsleden stemden voor, {ronde.tegen} tegen.")
        if ronde.fracties_voor:
            zinnen.append("Voor: " + ", ".join(ronde.fracties_voor) + ".")
        if ronde.fracties_tegen:
            zinnen.append("Tegen: " + ", ".join(ronde.fracties_tegen) + ".")
        verdeeld = [s for s in ronde.stemmingen if s.fractiestemresultaat == "verdeeld"]
        if verdeeld:
            zinnen.append("Verdeeld: " + ", ".join(
                f"{s.fractie} ({s.voor} voor, {s.tegen} tegen)" for s in verdeeld) + ".")
    return zinnen


def _aangenomen_neven(u: Uitkomst) -> list[tuple[str, tuple[Nevenvoorstel, ...]]]:
    return [
        ("amendement", tuple(a for a in u.amendementen if a.aangenomen)),
        ("motie", tuple(m for m in u.moties if m.aangenomen)),
    ]


def _neven_kop(soort: str) -> str:
    return "Aangenomen amendementen:" if soort == "amendement" else "Aangenomen moties:"


def _neven_regel(n: Nevenvoorstel) -> str:
    regel = n.titel
    if n.indieners:
        regel += f" (ingediend door {', '.join(n.indieners)})"
    if n.stemronde:
        regel += f": {n.stemronde.voor} voor, {n.stemronde.tegen} tegen"
    return regel


def _neven_zin(soort: str, items: tuple[Nevenvoorstel, ...]) -> str:
    return _neven_kop(soort) + " " + "; ".join(_neven_regel(n) for n in items) + "."
