"""The news events of the dossiers: what a journalist's feed reader shows.

A subscriber must learn of every change exactly once, so every change is an event
or a visible update of one:

- the voorstel is published (one event);
- a meeting is moved (``behandeling[].eerder``): one event per move, "Stemming
  verplaatst naar ...";
- an outcome is recorded (aangehouden, ingetrokken, or the final result): one event
  each, saying what the council decided, how every fractie voted (absent members
  too) and what became of every amendement and motie, rejected ones included;
- the decision is published in the Gemeenteblad (the outcome's ``bekendmaking``);
- a published text is corrected (``wijzigingen``): no new event, but the event of the
  corrected record gets a later ``updated`` and lists the correction.

Everything that identifies an event comes from the records, never from the build:

- its id is a tag URI (RFC 4151) from the dossier id and what happened, never from a
  title, a list position or the site's address, and never from a date the griffie may
  correct: the final outcome is ``dossier/<id>/besluit``, whatever its vergaderdatum.
  Ids are permanent for subscribers. The id of a moved meeting holds the old date,
  which is a past plan and not corrected;
- its published and updated moments are a record date at a fixed time of day for its
  kind (:data:`TIJDVAK`) in Europe/Amsterdam, plus a few seconds that depend only on
  the dossier id (:func:`verschuiving`), so that no two events of one day share a
  moment (the W3C validator warns about that in Atom) and a new record never moves an
  existing event. :func:`berichten` makes every moment unique over the whole site as a
  last resort.

The labelling rule holds per event: only a final outcome (a vote or a hamerstuk), and
its publication in the Gemeenteblad, are *besluit* events; the publication of the
voorstel, a moved meeting, and an aangehouden or ingetrokken outcome are *voorstel*
events. A decided dossier thus keeps its earlier voorstel events in the feeds: that is
the (correctly labelled) news of the day it happened. Every headline and status
sentence comes from :mod:`raadsinfo.labels`.

Plain Python, no Pelican: the feed writer (plugins/feeds) only serialises these.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from html import escape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from . import labels
from .dates import datum_lang
from .dates import tijd as tijd_tekst
from .dossier import Dossier
from .model import Nevenvoorstel, Stap, Stemronde, Uitkomst, Wijziging
from .status import Label, Status

TIMEZONE = ZoneInfo("Europe/Amsterdam")
#: The times of day that other outputs (the calendars) use for a record date.
VOORSTEL_TIJD = time(9, 0)
UITKOMST_TIJD = time(23, 0)
#: The tagging entity of every id (RFC 4151: authority name and a date it was owned).
#: Fixed on purpose: it does not follow SITEURL, so a local build and the published
#: site give the same ids.
DEFAULT_TAG_AUTHORITY = "raadsinformatie.harderwijk.example,2024"


class Soort:
    """What happened: the kind of news event."""

    VOORSTEL = "voorstel"  # the college sent the voorstel to the council
    VERPLAATST = "verplaatst"  # a planned meeting moved to another date
    AANGEHOUDEN = "aangehouden"
    INGETROKKEN = "ingetrokken"
    BESLUIT = "besluit"  # a final outcome: aangenomen in any form, or verworpen
    BEKENDMAKING = "bekendmaking"  # the decision published in the Gemeenteblad


#: The slot of the day of each kind of moment. Ordered as things happen on one day (a
#: correction after the text it corrects, the Gemeenteblad after the meeting). Three
#: hours apart, more than the largest :func:`verschuiving`, so slots never overlap.
TIJDVAK = {
    Soort.VERPLAATST: time(6, 0),
    Soort.VOORSTEL: time(9, 0),
    "correctie-voorstel": time(12, 0),
    Soort.BEKENDMAKING: time(15, 0),
    "correctie-uitkomst": time(18, 0),
    Soort.AANGEHOUDEN: time(21, 0),
    Soort.INGETROKKEN: time(21, 0),
    Soort.BESLUIT: time(21, 0),
}

#: Media types of attachments by the extension of their address. A fixed table, not
#: the machine's mimetypes database, so that every build writes the same feed.
MEDIATYPEN = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".htm": "text/html",
    ".html": "text/html",
    ".zip": "application/zip",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


@dataclass(frozen=True)
class Bijlage:
    """An attachment of an event (a document of the voorstel), for links and enclosures.

    ``lengte`` (bytes) is None: the records do not hold the size of a document, and a
    feed must not invent one.
    """

    titel: str
    url: str
    type: str | None  # the media type, or None when the extension is unknown
    lengte: int | None = None


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
    gremia: tuple[str, ...] = ()  # the gremia the event is news for (feeds per gremium)
    fracties: tuple[str, ...] = ()  # fracties that voted or filed a motie or amendement (feeds per fractie)
    bijlagen: tuple[Bijlage, ...] = ()  # attachments: links and enclosures

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


def verschuiving(dossier_id: str) -> timedelta:
    """Seconds after the slot of the day, from the dossier id alone ("2026-043").

    Even numbers of seconds, unique for the numbers of five consecutive years, below
    three hours: events of different dossiers on one day never share a moment, and
    a correction dated on its event's own day can take the odd second just after it.
    No slot crosses a change to or from summer time (at 02:00/03:00).
    """
    jaar, _, nummer = dossier_id.partition("-")
    try:
        return timedelta(seconds=2 * ((int(jaar) % 5) * 1000 + int(nummer) % 1000))
    except ValueError:  # pragma: no cover - the schema allows only "JJJJ-NNN"
        return timedelta(0)


def tijdstip(day: date, soort: str, dossier_id: str) -> datetime:
    """The moment of one kind of event of one dossier on ``day``."""
    return moment(day, TIJDVAK[soort]) + verschuiving(dossier_id)


def tag_uri(authority: str, specific: str) -> str:
    return f"tag:{authority}:{specific}"


def berichten(dossiers: list[Dossier], authority: str = DEFAULT_TAG_AUTHORITY) -> list[Bericht]:
    """All events of all dossiers, newest first, each with its own ``updated`` moment."""
    out = [b for d in dossiers for b in berichten_van(d, authority)]
    return newest_first(uniek_bijgewerkt(out))


def uniek_bijgewerkt(items: list[Bericht]) -> list[Bericht]:
    """The events with no two sharing an ``updated`` moment (a feed may not have that).

    :func:`verschuiving` already keeps the events of different dossiers apart; this
    only acts on what it cannot foresee (two dossier numbers five years apart on one
    day), by moving the later id one second on. Deterministic: by moment, then id.
    """
    taken: set[datetime] = set()
    out = []
    for b in sorted(items, key=lambda b: (b.updated, b.id)):
        when = b.updated
        while when in taken:
            when += timedelta(seconds=1)
        taken.add(when)
        # An event that was never corrected keeps published == updated.
        out.append(b if when == b.updated else replace(
            b, updated=when, published=when if b.published == b.updated else b.published))
    return out


def newest_first(items: list[Bericht]) -> list[Bericht]:
    """Newest change first: a corrected event moves up, so that a feed that keeps only
    the latest entries still carries the correction."""
    return sorted(items, key=lambda b: (b.updated, b.id), reverse=True)


def berichten_van(dossier: Dossier, authority: str = DEFAULT_TAG_AUTHORITY) -> list[Bericht]:
    """The events of one dossier: its publication, its moved meetings, then per outcome."""
    out = [_voorstel_bericht(dossier, authority)]
    out += _verplaatst_berichten(dossier, authority)
    aangehouden = 0
    for uitkomst in dossier.uitkomsten:
        if uitkomst.status is Status.AANGEHOUDEN:
            aangehouden += 1
        out.append(_uitkomst_bericht(dossier, uitkomst, authority, aangehouden))
        if uitkomst.final and uitkomst.status.info.adopted and uitkomst.bekendmaking_datum:
            out.append(_bekendmaking_bericht(dossier, uitkomst, authority))
    return out


def laatste_moment(items: list[Bericht]) -> datetime | None:
    """The latest updated moment, for a feed's own 'updated'; None when there are none."""
    return max((b.updated for b in items), default=None)


# --- shared parts --------------------------------------------------------------------


def bijlagen_van(dossier: Dossier) -> tuple[Bijlage, ...]:
    """The documents of the voorstel as attachments, with their media type where the
    address says it (".pdf")."""
    out = []
    for doc in dossier.voorstel.documenten:
        pad = urlsplit(doc.url).path.lower()
        extensie = pad[pad.rfind("."):] if "." in pad.rsplit("/", 1)[-1] else ""
        out.append(Bijlage(doc.titel, doc.url, MEDIATYPEN.get(extensie)))
    return tuple(out)


def _bijlagen_html(bijlagen: tuple[Bijlage, ...]) -> str:
    if not bijlagen:
        return ""
    return "<p>Stukken:</p><ul>" + "".join(
        f'<li><a href="{escape(b.url)}">{escape(b.titel)}</a></li>' for b in bijlagen) + "</ul>"


def _gewijzigd(wijzigingen: tuple[Wijziging, ...], published: datetime, soort: str, dossier_id: str
               ) -> datetime:
    """``updated`` of an event whose record lists corrections: the moment of the latest.

    A correction dated on the event's own day comes one second after the event."""
    if not wijzigingen:
        return published
    laatste = max(w.datum for w in wijzigingen)
    return max(tijdstip(laatste, soort, dossier_id), published + timedelta(seconds=1))


def _wijzigingen_zin(wijzigingen: tuple[Wijziging, ...]) -> str:
    return " ".join(f"Gewijzigd op {datum_lang(w.datum)}: {w.omschrijving}" for w in
                    sorted(wijzigingen, key=lambda w: w.datum))


def _wijzigingen_html(wijzigingen: tuple[Wijziging, ...]) -> str:
    if not wijzigingen:
        return ""
    return "<p>Wijzigingen in dit bericht:</p><ul>" + "".join(
        f"<li>{escape(datum_lang(w.datum))}: {escape(w.omschrijving)}</li>"
        for w in sorted(wijzigingen, key=lambda w: w.datum)) + "</ul>"


def _zinnen(*delen: str) -> str:
    return " ".join(d for d in delen if d)


# --- the voorstel event -------------------------------------------------------------


def eerste_stemming(dossier: Dossier, after: date | None = None) -> Stap | None:
    """The first council meeting in the behandeling (after ``after``, if given).

    Read from the voorstel record only, so the publication event does not change when
    an outcome is recorded.
    """
    return next((s for s in dossier.stappen if s.is_raad and (after is None or s.datum > after)), None)


def oorspronkelijk(stap: Stap) -> date:
    """The date a meeting was first planned on: before any move (``eerder``)."""
    return min((stap.datum, *stap.eerder))


def _stemming_zin(stap: Stap | None) -> str:
    if stap is None:
        return "Wanneer de raad erover stemt, is nog niet bekend."
    return labels.stemming_zin(oorspronkelijk(stap))


def _voorstel_bericht(dossier: Dossier, authority: str) -> Bericht:
    v = dossier.voorstel
    # As planned on the day of publication: a later move is an event of its own and
    # must not rewrite this one silently.
    stemming = _stemming_zin(eerste_stemming(dossier))
    punten = v.gevraagd_besluit
    vraag = "Het college vraagt de gemeenteraad om: " + " ".join(
        f"{i}. {p}" for i, p in enumerate(punten, start=1)
    ) if len(punten) > 1 else f"Het college vraagt de gemeenteraad om: {punten[0]}"
    open_zin = labels.tekst(Status.IN_BEHANDELING).zin
    bijlagen = bijlagen_van(dossier)
    samenvatting = _zinnen(vraag, stemming, open_zin, _wijzigingen_zin(v.wijzigingen))
    inhoud = (
        "<p>Het college vraagt de gemeenteraad om:</p>"
        + "<ol>" + "".join(f"<li>{escape(p)}</li>" for p in punten) + "</ol>"
        + f"<p>{escape(stemming)} {escape(open_zin)}</p>"
        + f"<p>{escape(v.samenvatting)}</p>"
        + f"<p>Portefeuillehouder: {escape(v.portefeuillehouder)}. Nummer {escape(v.id)}.</p>"
        + _bijlagen_html(bijlagen)
        + _wijzigingen_html(v.wijzigingen)
    )
    when = tijdstip(v.datum_ingediend, Soort.VOORSTEL, v.id)
    return Bericht(
        id=tag_uri(authority, f"dossier/{v.id}/voorstel"),
        soort=Soort.VOORSTEL,
        label=Label.VOORSTEL,
        dossier=dossier,
        titel=labels.kop(Status.IN_BEHANDELING, v.titel),
        samenvatting=samenvatting,
        inhoud=inhoud,
        published=when,
        updated=_gewijzigd(v.wijzigingen, when, "correctie-voorstel", v.id),
        gremia=tuple(dict.fromkeys(s.gremium for s in dossier.stappen)),
        bijlagen=bijlagen,
    )


# --- moved meetings -------------------------------------------------------------------


def _verplaatst_berichten(dossier: Dossier, authority: str) -> list[Bericht]:
    """One event per move of a meeting: from each earlier date to the next one.

    Dated on the day the latest move became known (``verplaatstOp``), else on the old
    date, the day subscribers had in their calendar: a date from the build would change
    with every rebuild.
    """
    out = []
    for stap in dossier.stappen:
        datums = sorted({*stap.eerder, stap.datum})
        for oud, nieuw in zip(datums, datums[1:], strict=False):
            regel = labels.verplaatst_regel(stap.is_raad, stap.gremium_naam, oud, nieuw)
            tijd = f" De vergadering begint om {tijd_tekst(stap.tijd)}." if (
                stap.tijd and nieuw == stap.datum) else ""
            open_zin = labels.tekst(Status.IN_BEHANDELING).zin
            bekend = stap.verplaatst_op if (nieuw == stap.datum and stap.verplaatst_op) else oud
            when = tijdstip(bekend, Soort.VERPLAATST, dossier.id)
            out.append(Bericht(
                id=tag_uri(authority, f"dossier/{dossier.id}/verplaatst/{stap.gremium}/{oud.isoformat()}"),
                soort=Soort.VERPLAATST,
                label=Label.VOORSTEL,
                dossier=dossier,
                titel=labels.verplaatst_kop(dossier.titel, stap.is_raad, stap.gremium_naam, nieuw),
                samenvatting=f"{regel}{tijd} {open_zin}",
                inhoud=f"<p>{escape(regel + tijd)}</p><p>{escape(open_zin)}</p><p>Nummer {escape(dossier.id)}.</p>",
                published=when,
                updated=when,
                gremia=(stap.gremium,),
            ))
    return out


# --- the outcome events -------------------------------------------------------------


def _uitkomst_id(dossier: Dossier, u: Uitkomst, aangehouden: int) -> str:
    """What the outcome is, not when: a corrected vergaderdatum keeps the id.

    A dossier has at most one final and one ingetrokken outcome (the loader refuses
    more); an aangehouden outcome is numbered in order of its meeting."""
    if u.status is Status.AANGEHOUDEN:
        return f"dossier/{dossier.id}/aangehouden/{aangehouden}"
    if u.status is Status.INGETROKKEN:
        return f"dossier/{dossier.id}/ingetrokken"
    return f"dossier/{dossier.id}/besluit"


def _uitkomst_bericht(dossier: Dossier, u: Uitkomst, authority: str, aangehouden: int) -> Bericht:
    status = u.status
    kop = labels.uitkomst_kop(u, dossier.titel)
    if status is Status.AANGEHOUDEN:
        soort, zinnen = Soort.AANGEHOUDEN, _aangehouden(dossier, u)
    elif status is Status.INGETROKKEN:
        soort, zinnen = Soort.INGETROKKEN, [labels.uitkomst_regel(u)]
    else:
        soort, zinnen = Soort.BESLUIT, [labels.uitkomst_regel(u)]
    label = status.label
    if (label is Label.BESLUIT) != (soort == Soort.BESLUIT):  # pragma: no cover
        raise ValueError(f"labelregel: {status} geeft label {label.value} maar soort {soort}")
    punten_html = _punten_html(dossier, u) if soort == Soort.BESLUIT else ""
    stem_zinnen = _stemronde_zinnen(u.stemronde) if u.stemronde else []
    neven = u.amendementen + u.moties
    # The summary names every amendement and motie with its result; the votes per
    # fractie on each are in the full text.
    samenvatting = _zinnen(*zinnen, *stem_zinnen, *(_neven_kop(n) for n in neven),
                           _wijzigingen_zin(u.wijzigingen))
    inhoud = "".join(f"<p>{escape(t)}</p>" for t in zinnen) + punten_html
    if stem_zinnen:
        inhoud += "<p>Stemming over het voorstel:</p>" + _stemronde_html(u.stemronde)
    for n in neven:
        inhoud += f"<p>{escape(_neven_kop(n))}</p>"
        if n.omschrijving:
            inhoud += f"<p>{escape(n.omschrijving)}</p>"
        if n.stemronde:
            inhoud += _stemronde_html(n.stemronde)
    if u.besluittoelichting and soort == Soort.BESLUIT:
        inhoud += f"<p>Waarom: {escape(u.besluittoelichting)}</p>"
    inhoud += f"<p>Nummer {escape(dossier.id)}.</p>" + _wijzigingen_html(u.wijzigingen)
    when = tijdstip(u.vergaderdatum, soort, dossier.id)
    fracties = {s.fractie for s in u.stemronde.stemmingen}
    for n in neven:
        fracties |= {s.fractie for s in n.stemronde.stemmingen} | set(n.indieners)
    return Bericht(
        id=tag_uri(authority, _uitkomst_id(dossier, u, aangehouden)),
        soort=soort,
        label=label,
        dossier=dossier,
        titel=kop,
        samenvatting=samenvatting,
        inhoud=inhoud,
        published=when,
        updated=_gewijzigd(u.wijzigingen, when, "correctie-uitkomst", dossier.id),
        gremia=("gemeenteraad",),
        fracties=tuple(sorted(fracties)),
    )


def _aangehouden(dossier: Dossier, u: Uitkomst) -> list[str]:
    volgende = eerste_stemming(dossier, after=u.vergaderdatum)
    zinnen = [labels.uitkomst_regel(u)]
    if volgende is not None:
        zinnen.append(f"De raad stemt nu naar verwachting op {datum_lang(oorspronkelijk(volgende))}.")
    else:
        zinnen.append("Een nieuwe datum voor de stemming is nog niet bekend.")
    if u.besluittoelichting:
        zinnen.append(u.besluittoelichting)
    return zinnen


def _punten_html(dossier: Dossier, u: Uitkomst) -> str:
    """The points of the decision: as adopted (``besluittekst``), else the ontwerpbesluit,
    else the plain points asked; for a rejected voorstel, the points that were rejected.
    Under the heading the labels give the decision box on the dossier page."""
    v = dossier.voorstel
    if u.besluittekst is not None:
        punten = u.besluittekst.punten
    elif v.ontwerpbesluit is not None:
        punten = v.ontwerpbesluit.punten
    else:
        punten = v.gevraagd_besluit
    rij = labels.tekst(u.status, u.hamerstuk)
    return (f"<p>{escape(rij.ontwerp_kop)}. {escape(rij.ontwerp_uitleg)}</p><ol>"
            + "".join(f"<li>{escape(p)}</li>" for p in punten) + "</ol>")


def _afwezig(ronde: Stemronde) -> str:
    weg = [(s.fractie, s.afwezig) for s in ronde.stemmingen if s.afwezig]
    if not weg:
        return ""
    return "Afwezig: " + ", ".join(f"{n} {'lid' if n == 1 else 'leden'} van {f}" for f, n in weg) + "."


def _stemronde_zinnen(ronde: Stemronde) -> list[str]:
    zinnen = [f"{ronde.voor} raadsleden stemden voor, {ronde.tegen} tegen."]
    if ronde.fracties_voor:
        zinnen.append("Voor: " + ", ".join(ronde.fracties_voor) + ".")
    if ronde.fracties_tegen:
        zinnen.append("Tegen: " + ", ".join(ronde.fracties_tegen) + ".")
    verdeeld = [s for s in ronde.stemmingen if s.fractiestemresultaat == "verdeeld"]
    if verdeeld:
        zinnen.append("Verdeeld: " + ", ".join(
            f"{s.fractie} ({s.voor} voor, {s.tegen} tegen)" for s in verdeeld) + ".")
    afwezig = _afwezig(ronde)
    if afwezig:
        zinnen.append(afwezig)
    return zinnen


def _stemronde_html(ronde: Stemronde) -> str:
    return "<ul>" + "".join(f"<li>{escape(z)}</li>" for z in _stemronde_zinnen(ronde)) + "</ul>"


def _neven_kop(n: Nevenvoorstel) -> str:
    """One amendement or motie in a line: "Motie 'Meer hulp' (ingediend door PvdA): aangenomen, 27 voor, 2 tegen"."""
    regel = f"{n.soort.capitalize()} '{n.titel}'"
    if n.indieners:
        regel += f" (ingediend door {', '.join(n.indieners)})"
    regel += f": {labels.NEVEN_UITSLAG.get(n.besluitresultaat, n.besluitresultaat)}"
    if n.stemronde:
        regel += f", {n.stemronde.voor} voor, {n.stemronde.tegen} tegen"
    return regel + "."


# --- the Gemeenteblad ------------------------------------------------------------------


def _bekendmaking_bericht(dossier: Dossier, u: Uitkomst, authority: str) -> Bericht:
    regel = labels.bekendmaking_regel(u.bekendmaking_datum)
    link = (f'<p><a href="{escape(u.bekendmaking_url)}">De bekendmaking in het Gemeenteblad</a></p>'
            if u.bekendmaking_url else "")
    when = tijdstip(u.bekendmaking_datum, Soort.BEKENDMAKING, dossier.id)
    bijlagen = (Bijlage("Bekendmaking in het Gemeenteblad", u.bekendmaking_url, None),) if u.bekendmaking_url else ()
    return Bericht(
        id=tag_uri(authority, f"dossier/{dossier.id}/bekendmaking"),
        soort=Soort.BEKENDMAKING,
        label=u.status.label,
        dossier=dossier,
        titel=labels.bekendmaking_kop(u, dossier.titel),
        samenvatting=_zinnen(regel, labels.uitkomst_regel(u)),
        inhoud=f"<p>{escape(regel)}</p><p>{escape(labels.uitkomst_regel(u))}</p>{link}"
               f"<p>Nummer {escape(dossier.id)}.</p>",
        published=when,
        updated=when,
        gremia=("gemeenteraad",),
        bijlagen=bijlagen,
    )

