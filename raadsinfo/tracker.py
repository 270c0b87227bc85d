"""Where a dossier is in its route, and what a resident can do now.

Every dossier page shows the five steps of the route (college stelt voor, commissie,
raadsvergadering, besluit, bekendmaking), each as done, now, not yet, or no longer
happening, with dates. Below it, "Wat kunt u nu doen?" says what a resident can do:
speak at the next meeting (with the last moment to register), or what follows after
the decision.

Everything is computed from the records and the moment the site is built; the site
is rebuilt every day, so "now" on a page is at most one day old. A planned vote whose
date has passed without a recorded outcome is shown as "uitslag nog niet verwerkt":
the tracker never guesses an outcome.

Registering to speak (inspreken) closes 24 hours before the meeting starts. The start
is the ``tijd`` of the behandeling step, or 19:30 (the usual start in Harderwijk) when
the record has none. The 24 hours are real hours, computed on the Europe/Amsterdam
clock: across a change to or from summer time the deadline moves one hour on the
wall clock, so that the griffie always gets the full 24 hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from .dates import datum, datum_lang, tijd
from .dossier import Dossier
from .model import Stap
from .status import Status

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STANDAARD_BEGINTIJD = time(19, 30)
AANMELDEN_VOORAF = timedelta(hours=24)
SPREEKTIJD_MINUTEN = 5


class Staat(Enum):
    """The state of one route step, with the word the page shows (not only a colour)."""

    GEDAAN = ("gedaan", "Gedaan")
    NU = ("nu", "Nu")
    NOG_NIET = ("nog-niet", "Nog niet")
    VERVALT = ("vervalt", "Vervalt")

    @property
    def slug(self) -> str:
        return self.value[0]

    @property
    def tekst(self) -> str:
        return self.value[1]


@dataclass(frozen=True)
class Routestap:
    naam: str
    staat: Staat
    uitleg: str
    datum: date | None = None
    tijd: time | None = None

    @property
    def huidig(self) -> bool:
        return self.staat is Staat.NU


# --- the registration deadline -------------------------------------------------


def begintijd(stap: Stap) -> datetime:
    """When the meeting starts, on the Amsterdam clock (19:30 when not recorded)."""
    return datetime.combine(stap.datum, stap.tijd or STANDAARD_BEGINTIJD, tzinfo=AMSTERDAM)


def aanmelden_tot(stap: Stap) -> datetime:
    """The last moment to register to speak: 24 real hours before the start."""
    start = begintijd(stap).astimezone(UTC)
    return (start - AANMELDEN_VOORAF).astimezone(AMSTERDAM)


def _in_amsterdam(nu: datetime) -> datetime:
    return nu.replace(tzinfo=AMSTERDAM) if nu.tzinfo is None else nu.astimezone(AMSTERDAM)


def kan_nog_aanmelden(stap: Stap, nu: datetime) -> bool:
    """True up to and including the deadline minute itself."""
    return _in_amsterdam(nu) <= aanmelden_tot(stap)


def moment(wanneer: datetime) -> str:
    """'woensdag 9 december 2026, 19.30 uur'."""
    wanneer = _in_amsterdam(wanneer)
    return f"{datum_lang(wanneer.date())}, {tijd(wanneer.time())}"


def _gremium(stap: Stap) -> str:
    """'gemeenteraad', 'commissie Ruimte': for use after 'de' in a sentence."""
    if stap.is_raad:
        return "gemeenteraad"
    naam = stap.gremium_naam
    return "commissie" + naam[len("Commissie"):] if naam.startswith("Commissie") else naam


# --- the route -------------------------------------------------------------------


def route(dossier: Dossier, vandaag: date) -> list[Routestap]:
    """The five steps of the route, each with its state; at most one is 'Nu'."""
    stappen = [_college(dossier)]
    commissie = _commissie(dossier, vandaag)
    if commissie:
        stappen.append(commissie)
    stappen.append(_raad(dossier, vandaag, commissie_nu=bool(commissie and commissie.huidig)))
    stappen.append(_besluit(dossier, vandaag))
    stappen.append(_bekendmaking(dossier, vandaag))
    return stappen


def _college(d: Dossier) -> Routestap:
    return Routestap("Het college stelt voor", Staat.GEDAAN,
                     "Het college stuurde het voorstel naar de gemeenteraad.", d.voorstel.datum_ingediend)


def _commissie(d: Dossier, vandaag: date) -> Routestap | None:
    commissies = [s for s in d.stappen if not s.is_raad]
    if not commissies:
        return None
    naam = "Commissie"
    if d.open:
        komend = next((s for s in commissies if s.datum >= vandaag), None)
        if komend:
            wanneer = "vandaag" if komend.datum == vandaag else "op deze datum"
            return Routestap(naam, Staat.NU, f"De {_gremium(komend)} praat {wanneer} over het voorstel. "
                             "U mag daar inspreken.", komend.datum, komend.tijd)
    laatst = commissies[-1]
    if d.status is Status.INGETROKKEN and laatst.datum >= d.laatste_uitkomst.vergaderdatum:
        return Routestap(naam, Staat.VERVALT, "Het college trok het voorstel in. Deze vergadering gaat niet door.",
                         laatst.datum, laatst.tijd)
    return Routestap(naam, Staat.GEDAAN, f"De {_gremium(laatst)} heeft over het voorstel gepraat.",
                     laatst.datum, laatst.tijd)


def _raad(d: Dossier, vandaag: date, commissie_nu: bool) -> Routestap:
    naam = "Raadsvergadering"
    besluit = d.besluit
    if besluit:
        uitleg = ("De raad nam het voorstel aan als hamerstuk: zonder bespreking en zonder stemming."
                  if besluit.hamerstuk else "De raad heeft over het voorstel gepraat en gestemd.")
        stap = next((s for s in d.stappen if s.is_raad and s.datum == besluit.vergaderdatum), None)
        return Routestap(naam, Staat.GEDAAN, uitleg, besluit.vergaderdatum, stap.tijd if stap else None)
    if d.status is Status.INGETROKKEN:
        return Routestap(naam, Staat.VERVALT, "Het college trok het voorstel in. De raad stemt er niet over.",
                         d.laatste_uitkomst.vergaderdatum)
    eerder = ""
    if d.status is Status.AANGEHOUDEN:
        eerder = f" Op {datum(d.laatste_uitkomst.vergaderdatum)} heeft de raad de stemming uitgesteld."
    gepland = d.geplande_stemming()
    if gepland is None:
        if d.status is Status.AANGEHOUDEN:
            return Routestap(naam, Staat.NU, eerder.strip() + " Er is nog geen nieuwe datum.")
        return Routestap(naam, Staat.NOG_NIET, "Er is nog geen datum voor de raadsvergadering.")
    if gepland.datum < vandaag:
        return Routestap(naam, Staat.NU, f"De raad heeft op {datum(gepland.datum)} vergaderd. "
                         "De uitslag is nog niet verwerkt op deze site." + eerder, gepland.datum, gepland.tijd)
    staat = Staat.NOG_NIET if commissie_nu else Staat.NU
    wanneer = "vandaag" if gepland.datum == vandaag else "op deze datum"
    return Routestap(naam, staat, f"De raad praat en stemt {wanneer} over het voorstel. "
                     "U mag daar inspreken." + eerder, gepland.datum, gepland.tijd)


def _besluit(d: Dossier, vandaag: date) -> Routestap:
    naam = "Besluit"
    besluit = d.besluit
    if besluit:
        return Routestap(naam, Staat.GEDAAN, f"De raad heeft het voorstel {besluit.besluitresultaat}.",
                         besluit.vergaderdatum)
    if d.status is Status.INGETROKKEN:
        return Routestap(naam, Staat.VERVALT, "Er komt geen besluit, want het voorstel is ingetrokken.")
    gepland = d.geplande_stemming()
    verwacht = gepland.datum if gepland and gepland.datum >= vandaag else None
    return Routestap(naam, Staat.NOG_NIET, "De raad heeft nog niet besloten.", verwacht)


def _bekendmaking(d: Dossier, vandaag: date) -> Routestap:
    naam = "Bekendmaking"
    besluit = d.besluit
    if besluit and besluit.status.info.adopted:
        if besluit.bekendmaking_datum:
            return Routestap(naam, Staat.GEDAAN, "Het besluit staat in het Gemeenteblad.", besluit.bekendmaking_datum)
        return Routestap(naam, Staat.NU, "De gemeente maakt het besluit bekend in het Gemeenteblad.")
    if besluit:
        return Routestap(naam, Staat.VERVALT, "Het voorstel is verworpen. Er is niets bekend te maken.")
    if d.status is Status.INGETROKKEN:
        return Routestap(naam, Staat.VERVALT, "Het voorstel is ingetrokken. Er is niets bekend te maken.")
    return Routestap(naam, Staat.NOG_NIET, "Neemt de raad het voorstel aan? Dan maakt de gemeente dat bekend "
                     "in het Gemeenteblad.")


# --- "Wat kunt u nu doen?" -------------------------------------------------------


@dataclass(frozen=True)
class Inspreken:
    """Speaking at one meeting: when it is and until when one can register."""

    vergadering: Stap
    begint: datetime
    aanmelden_tot: datetime
    kan_nog: bool

    @property
    def tekst(self) -> str:
        if self.kan_nog:
            return f"Aanmelden kan tot {moment(self.aanmelden_tot)}."
        return f"Aanmelden om in te spreken kan niet meer. Dat kon tot {moment(self.aanmelden_tot)}."


@dataclass(frozen=True)
class Advies:
    """What the page says under "Wat kunt u nu doen?"."""

    alineas: tuple[str, ...]
    inspreken: Inspreken | None = None  # the first meeting where one can still register
    vergadering: Stap | None = None  # the next meeting, if any


def wat_kunt_u_doen(dossier: Dossier, nu: datetime) -> Advies:
    """The advice for a resident at moment ``nu`` (the build time)."""
    nu = _in_amsterdam(nu)
    vandaag = nu.date()
    d = dossier
    if d.open:
        komend = [s for s in d.stappen if s.datum >= vandaag]
        if komend:
            return _advies_vergadering(d, komend, nu)
        if d.uitslag_ontbreekt(vandaag):
            gs = d.geplande_stemming()
            return Advies((f"De raad heeft op {datum_lang(gs.datum)} over dit voorstel vergaderd. "
                           "De uitslag is nog niet verwerkt op deze site. We zetten hem hier zo snel mogelijk.",
                           "Wilt u nu al weten hoe het ging? Vraag het de griffie."))
        if d.status is Status.AANGEHOUDEN:
            return Advies(("De raad heeft de stemming uitgesteld. Er is nog geen nieuwe datum.",
                           "Zodra er een nieuwe datum is, staat die op deze pagina."))
        return Advies(("Er is nog geen datum voor de raadsvergadering. Zodra die er is, staat hij op deze pagina.",))
    if d.status is Status.INGETROKKEN:
        return Advies(("Het college heeft het voorstel teruggenomen. De raad stemt er niet over.",
                       "Misschien stuurt het college later een nieuw voorstel. Dat ziet u dan op deze site."))
    besluit = d.besluit
    if not besluit.status.info.adopted:
        return Advies(("Het voorstel gaat niet door. Er verandert dus niets.",
                       "Het college kan later een nieuw voorstel doen. Dat ziet u dan op deze site."))
    if besluit.bekendmaking_datum:
        return Advies((f"Het besluit staat sinds {datum(besluit.bekendmaking_datum)} in het Gemeenteblad. "
                       "Het college voert het besluit nu uit.",))
    return Advies(("De gemeente maakt het besluit eerst bekend in het Gemeenteblad. Daarna voert het college "
                   "het besluit uit.",))


def _advies_vergadering(d: Dossier, komend: list[Stap], nu: datetime) -> Advies:
    eerst = komend[0]
    wanneer = "vandaag" if eerst.datum == nu.date() else f"op {datum_lang(eerst.datum)}"
    alineas = [f"De {_gremium(eerst)} praat {wanneer} over dit voorstel. "
               f"De vergadering begint om {tijd(begintijd(eerst).time())}. U bent welkom op de publieke tribune."]
    gepland = d.geplande_stemming()
    if gepland and gepland is not eerst and gepland.datum >= nu.date():
        alineas.append(f"De raad stemt naar verwachting op {datum_lang(gepland.datum)}.")
    opties = [Inspreken(s, begintijd(s), aanmelden_tot(s), kan_nog_aanmelden(s, nu)) for s in komend]
    open_optie = next((o for o in opties if o.kan_nog), None)
    if open_optie is None:
        alineas.append(opties[0].tekst)
        return Advies(tuple(alineas), None, eerst)
    if open_optie.vergadering is not eerst:
        alineas.append(f"Inspreken in de {_gremium(eerst)} kan niet meer. "
                       f"U kunt wel inspreken in de {_gremium(open_optie.vergadering)} "
                       f"van {datum_lang(open_optie.vergadering.datum)}.")
    alineas.append(f"Wilt u iets zeggen tegen de raad? Dat heet inspreken. Meld u aan bij de griffie. "
                   f"U krijgt hooguit {SPREEKTIJD_MINUTEN} minuten.")
    alineas.append(open_optie.tekst)
    return Advies(tuple(alineas), open_optie, eerst)
