"""Every string that tells a reader what a dossier is, written in one place.

The labelling rule ("voorstel, niet besluit") is kept by construction: templates,
feeds, calendars and exports never compose a label themselves, they print what this
module returns. One row per outcome (:data:`TABEL`) says, for a status, how the
headline starts, what the badge says, the status sentence, the opening of the meta
description and the line above the headline. A decided dossier's headline names
its outcome ("Verworpen: ...", "Aangenomen met wijzigingen: ..."), so that a
rejected plan can never be read as adopted; a hamerstuk says that it was adopted
without a vote.

Facts are written in the tense of the status too (:func:`bomen_zin`,
:func:`kosten_zin`): a plan for a voorstel, done for an adopted decision, "gaat niet
door" for a rejected or withdrawn one.

Plain Python: no Pelican, no templates. ``tests/test_labels.py`` checks every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from .dates import bedrag, datum, datum_lang
from .status import Label, Status


class Feit(Enum):
    """How a structured fact (trees, costs) is told for a status."""

    PLAN = "plan"  # still a proposal: "het college wil ..."
    BESLOTEN = "besloten"  # adopted: "de raad heeft besloten ..."
    GAAT_NIET_DOOR = "gaat-niet-door"  # rejected or withdrawn: nothing happens


@dataclass(frozen=True)
class StatusTekst:
    """The label strings of one status (and hamerstuk or not)."""

    kop: str  # the headline's prefix, before ": <titel>"
    badge: str  # the status badge
    zin: str  # the status sentence: what this means for a resident (B1)
    soort: str  # the line above the headline ("Voorstel aan de gemeenteraad, nog niet besloten")
    meta: str  # the opening of the meta description, before ": <samenvatting>"
    kaart: str  # the verb of the card line: "<kaart> op <datum>." ("" for an open voorstel)
    feit: Feit
    ontwerp_kop: str  # heading of the draft decision box
    ontwerp_uitleg: str  # one line under it: draft or decision taken


_OPEN_VOORSTEL = "Voorstel aan de gemeenteraad, nog niet besloten"
_ONTWERP = "Ontwerpbesluit: de tekst waarover de raad beslist"

TABEL: dict[tuple[Status, bool], StatusTekst] = {
    (Status.IN_BEHANDELING, False): StatusTekst(
        kop="Voorstel aan de raad",
        badge="Voorstel, nog niet besloten",
        zin="Dit is een voorstel. De gemeenteraad heeft er nog niet over besloten.",
        soort=_OPEN_VOORSTEL,
        meta=_OPEN_VOORSTEL,
        kaart="",
        feit=Feit.PLAN,
        ontwerp_kop=_ONTWERP,
        ontwerp_uitleg="Dit is een ontwerp. De raad heeft hier nog niet over beslist. De raad kan de tekst nog "
                       "veranderen of het voorstel afwijzen.",
    ),
    (Status.AANGEHOUDEN, False): StatusTekst(
        kop="Voorstel uitgesteld",
        badge="Voorstel, stemming uitgesteld",
        zin="De raad heeft de stemming uitgesteld. Het voorstel komt later terug. Er is nog niets besloten.",
        soort="Voorstel aan de gemeenteraad, stemming uitgesteld",
        meta="Voorstel aan de gemeenteraad, stemming uitgesteld, nog niet besloten",
        kaart="Stemming uitgesteld",
        feit=Feit.PLAN,
        ontwerp_kop=_ONTWERP,
        ontwerp_uitleg="Dit is een ontwerp. De raad heeft de stemming uitgesteld en heeft hier nog niet over "
                       "beslist.",
    ),
    (Status.INGETROKKEN, False): StatusTekst(
        kop="Voorstel ingetrokken",
        badge="Voorstel, ingetrokken",
        zin="Het college heeft dit voorstel teruggenomen. De raad stemt er niet over. Er is niets besloten.",
        soort="Voorstel aan de gemeenteraad, ingetrokken door het college",
        meta="Voorstel aan de gemeenteraad, ingetrokken, niet besloten",
        kaart="Ingetrokken",
        feit=Feit.GAAT_NIET_DOOR,
        ontwerp_kop="Ontwerpbesluit (ingetrokken)",
        ontwerp_uitleg="Dit was het ontwerp. Het college heeft het voorstel teruggenomen. De raad heeft er niet "
                       "over beslist.",
    ),
    (Status.UNANIEM_AANGENOMEN, False): StatusTekst(
        kop="Unaniem aangenomen",
        badge="Besluit: unaniem aangenomen",
        zin="De gemeenteraad heeft dit voorstel aangenomen. Alle fracties stemden voor.",
        soort="Besluit van de gemeenteraad: unaniem aangenomen",
        meta="Besluit van de gemeenteraad, unaniem aangenomen",
        kaart="Unaniem aangenomen",
        feit=Feit.BESLOTEN,
        ontwerp_kop="Het besluit van de raad",
        ontwerp_uitleg="De raad heeft deze tekst aangenomen.",
    ),
    (Status.UNANIEM_AANGENOMEN, True): StatusTekst(
        kop="Aangenomen zonder stemming",
        badge="Besluit: aangenomen zonder stemming (hamerstuk)",
        zin="De gemeenteraad heeft dit voorstel aangenomen als hamerstuk: zonder bespreking en zonder stemming. "
            "Geen enkele fractie had bezwaar.",
        soort="Besluit van de gemeenteraad: aangenomen als hamerstuk",
        meta="Besluit van de gemeenteraad, aangenomen zonder stemming (hamerstuk)",
        kaart="Aangenomen zonder stemming",
        feit=Feit.BESLOTEN,
        ontwerp_kop="Het besluit van de raad",
        ontwerp_uitleg="De raad heeft deze tekst aangenomen, zonder stemming.",
    ),
    (Status.AANGENOMEN, False): StatusTekst(
        kop="Aangenomen",
        badge="Besluit: aangenomen",
        zin="De gemeenteraad heeft dit voorstel aangenomen. Een meerderheid stemde voor.",
        soort="Besluit van de gemeenteraad: aangenomen",
        meta="Besluit van de gemeenteraad, aangenomen",
        kaart="Aangenomen",
        feit=Feit.BESLOTEN,
        ontwerp_kop="Het besluit van de raad",
        ontwerp_uitleg="De raad heeft deze tekst aangenomen.",
    ),
    (Status.AANGENOMEN, True): StatusTekst(
        kop="Aangenomen zonder stemming",
        badge="Besluit: aangenomen zonder stemming (hamerstuk)",
        zin="De gemeenteraad heeft dit voorstel aangenomen als hamerstuk: zonder bespreking en zonder stemming.",
        soort="Besluit van de gemeenteraad: aangenomen als hamerstuk",
        meta="Besluit van de gemeenteraad, aangenomen zonder stemming (hamerstuk)",
        kaart="Aangenomen zonder stemming",
        feit=Feit.BESLOTEN,
        ontwerp_kop="Het besluit van de raad",
        ontwerp_uitleg="De raad heeft deze tekst aangenomen, zonder stemming.",
    ),
    (Status.GEAMENDEERD_AANGENOMEN, False): StatusTekst(
        kop="Aangenomen met wijzigingen",
        badge="Besluit: aangenomen met wijzigingen",
        zin="De gemeenteraad heeft dit voorstel aangenomen, met wijzigingen (amendementen) in de tekst.",
        soort="Besluit van de gemeenteraad: aangenomen met wijzigingen",
        meta="Besluit van de gemeenteraad, aangenomen met wijzigingen",
        kaart="Aangenomen met wijzigingen",
        feit=Feit.BESLOTEN,
        ontwerp_kop="Het besluit van de raad",
        ontwerp_uitleg="De raad heeft deze tekst aangenomen, met wijzigingen (amendementen).",
    ),
    (Status.ONDER_VOORBEHOUD_AANGENOMEN, False): StatusTekst(
        kop="Aangenomen onder voorwaarde",
        badge="Besluit: aangenomen onder voorwaarde",
        zin="De gemeenteraad heeft dit voorstel aangenomen, onder een voorwaarde die nog moet worden vervuld.",
        soort="Besluit van de gemeenteraad: aangenomen onder voorwaarde",
        meta="Besluit van de gemeenteraad, aangenomen onder voorwaarde",
        kaart="Aangenomen onder voorwaarde",
        feit=Feit.BESLOTEN,
        ontwerp_kop="Het besluit van de raad",
        ontwerp_uitleg="De raad heeft deze tekst aangenomen, onder een voorwaarde.",
    ),
    (Status.VERWORPEN, False): StatusTekst(
        kop="Verworpen",
        badge="Besluit: verworpen",
        zin="De gemeenteraad heeft dit voorstel afgewezen. Het gaat niet door.",
        soort="Besluit van de gemeenteraad: verworpen",
        meta="Besluit van de gemeenteraad, verworpen: het voorstel gaat niet door",
        kaart="Verworpen",
        feit=Feit.GAAT_NIET_DOOR,
        ontwerp_kop="Ontwerpbesluit (verworpen)",
        ontwerp_uitleg="Dit was het ontwerp. De raad heeft het afgewezen: het gaat niet door.",
    ),
}


def tekst(status: Status, hamerstuk: bool = False) -> StatusTekst:
    """The label strings of a status; a hamerstuk has its own row where it is adopted."""
    return TABEL.get((status, hamerstuk)) or TABEL[(status, False)]


def lijst_uitleg(status: Status) -> str:
    """The explanation above the list of all dossiers with one status (hamerstukken included)."""
    zin = tekst(status).zin
    if (status, True) in TABEL:
        zin += " Of de raad nam het aan als hamerstuk: zonder bespreking en zonder stemming."
    return zin


def overzicht() -> list[tuple[str, str, Label]]:
    """(headline prefix, status sentence, label) of every row, for the press page's legend."""
    seen: dict[str, tuple[str, str, Label]] = {}
    for (status, _), rij in TABEL.items():
        seen.setdefault(rij.kop, (rij.kop, rij.zin, status.label))
    return list(seen.values())


def kop(status: Status, titel: str, hamerstuk: bool = False) -> str:
    """The headline: "Voorstel aan de raad: <titel>", "Verworpen: <titel>", ..."""
    return f"{tekst(status, hamerstuk).kop}: {titel}"


_ZIN_EINDE = re.compile(r"(?<=[.!?])\s+")


def kort(tekst_: str, lengte: int) -> str:
    """The first whole sentences of a text that fit in ``lengte`` characters (at least one).

    Never cut inside a sentence: "Het plan is goedgekeurd door de provincie" cut after
    "goedgekeurd" would claim that this plan was approved.
    """
    zinnen = _ZIN_EINDE.split(" ".join(tekst_.split()))
    uit = zinnen[0]
    for zin in zinnen[1:]:
        if len(uit) + 1 + len(zin) > lengte:
            break
        uit = f"{uit} {zin}"
    return uit


# --- facts in the tense of their status ---------------------------------------------


def aantal_bomen(aantal: int, nieuw: bool = False) -> str:
    """'1 boom', '14 bomen', '20 nieuwe bomen'."""
    woord = ("nieuwe " if nieuw else "") + ("boom" if aantal == 1 else "bomen")
    return f"{aantal} {woord}"


def bomen_zin(gekapt: int, herplant: int, feit: Feit) -> str:
    """The trees of one dossier as a sentence in the tense of its status."""
    if feit is Feit.BESLOTEN:
        return (f"De raad heeft besloten: {aantal_bomen(gekapt)} {'mag' if gekapt == 1 else 'mogen'} worden gekapt en "
                f"{aantal_bomen(herplant, True)} {'wordt' if herplant == 1 else 'worden'} geplant.")
    if feit is Feit.GAAT_NIET_DOOR:
        return (f"De kap gaat niet door: de {aantal_bomen(gekapt)} {'blijft' if gekapt == 1 else 'blijven'} staan. "
                f"Het college wilde {aantal_bomen(gekapt)} kappen en {aantal_bomen(herplant, True)} planten.")
    return f"Het college wil {aantal_bomen(gekapt)} kappen en {aantal_bomen(herplant, True)} planten."


def bomen_kort(gekapt: int, herplant: int, feit: Feit) -> str:
    """The trees in a list entry: "het college wil 14 bomen kappen en 20 nieuwe bomen planten"."""
    if feit is Feit.BESLOTEN:
        return f"{aantal_bomen(gekapt)} gekapt, {aantal_bomen(herplant, True)} geplant"
    if feit is Feit.GAAT_NIET_DOOR:
        return f"de {aantal_bomen(gekapt)} {'blijft' if gekapt == 1 else 'blijven'} staan"
    return f"het college wil {aantal_bomen(gekapt)} kappen en {aantal_bomen(herplant, True)} planten"


def saldo_zin(gekapt: int, herplant: int, feit: Feit) -> str:
    """The balance in words; for a plan as a condition, nothing when nothing happens."""
    if feit is Feit.GAAT_NIET_DOOR:
        return ""
    verschil = herplant - gekapt
    komen = "komt" if abs(verschil) == 1 else "komen"
    if verschil > 0:
        zin = f"{komen} er {aantal_bomen(verschil)} meer terug dan er weggaan."
    elif verschil < 0:
        zin = f"{komen} er {aantal_bomen(-verschil)} minder terug dan er weggaan."
    else:
        zin = "komen er evenveel bomen terug als er weggaan."
    if feit is Feit.PLAN:
        return f"Als de raad het voorstel aanneemt, {zin}"
    return f"Zo {zin}"


def kosten_zin(bedrag_euro: int, feit: Feit) -> str:
    """The cost of one dossier as a sentence in the tense of its status."""
    geld = bedrag(bedrag_euro)
    if feit is Feit.BESLOTEN:
        return f"De raad heeft hiervoor {geld} beschikbaar gesteld."
    if feit is Feit.GAAT_NIET_DOOR:
        return f"Het voorstel zou {geld} kosten. Het gaat niet door, dus dit geld wordt niet uitgegeven."
    return f"Het college vraagt hiervoor {geld}."


# --- one dossier ---------------------------------------------------------------------


@dataclass(frozen=True)
class DossierTeksten:
    """Every label string of one dossier, as every output prints it."""

    id: str
    titel: str
    label: Label
    status: Status
    hamerstuk: bool
    rij: StatusTekst
    besluitdatum: date | None  # the meeting of the last outcome, if any

    @property
    def kop(self) -> str:
        return f"{self.rij.kop}: {self.titel}"

    @property
    def badge(self) -> str:
        return self.rij.badge

    @property
    def zin(self) -> str:
        return self.rij.zin

    @property
    def soort(self) -> str:
        return self.rij.soort

    @property
    def woord(self) -> str:
        """'voorstel' or 'besluit', for "Alle vergaderingen over dit voorstel"."""
        return self.label.value

    def meta(self, samenvatting: str, lengte: int = 150) -> str:
        """The meta description: the label first, then the summary's first sentences."""
        return f"{self.rij.meta}: {kort(samenvatting, lengte)}"

    @property
    def kaart(self) -> str:
        """The card line for a dossier with an outcome: "Verworpen op 3 juli 2025." ("" while open)."""
        if not self.rij.kaart or self.besluitdatum is None:
            return ""
        return f"{self.rij.kaart} op {datum(self.besluitdatum)}."

    @property
    def feit(self) -> Feit:
        return self.rij.feit

    def bomen_zin(self, gekapt: int, herplant: int) -> str:
        return bomen_zin(gekapt, herplant, self.feit)

    def kosten_zin(self, bedrag_euro: int) -> str:
        return kosten_zin(bedrag_euro, self.feit)

    def bomen_kort(self, gekapt: int, herplant: int) -> str:
        return bomen_kort(gekapt, herplant, self.feit)

    def saldo_zin(self, gekapt: int, herplant: int) -> str:
        return saldo_zin(gekapt, herplant, self.feit)

    @property
    def gevraagd_kop(self) -> str:
        """The heading above the asked points: present tense while the question is open."""
        if self.status in (Status.IN_BEHANDELING, Status.AANGEHOUDEN):
            return "Wat het college de raad vraagt"
        return "Wat het college de raad vroeg"

    @property
    def ontwerp_kop(self) -> str:
        return self.rij.ontwerp_kop

    @property
    def ontwerp_uitleg(self) -> str:
        return self.rij.ontwerp_uitleg


def voor_dossier(dossier) -> DossierTeksten:
    """The label strings of a dossier (a :class:`raadsinfo.dossier.Dossier`)."""
    last = dossier.laatste_uitkomst
    hamerstuk = bool(last is not None and last.hamerstuk)
    return DossierTeksten(
        id=dossier.id, titel=dossier.titel, label=dossier.label, status=dossier.status, hamerstuk=hamerstuk,
        rij=tekst(dossier.status, hamerstuk), besluitdatum=last.vergaderdatum if last else None,
    )


def uitkomst_kop(uitkomst, titel: str) -> str:
    """The headline of the news or calendar item of one outcome."""
    return kop(uitkomst.status, titel, uitkomst.hamerstuk)


def uitkomst_kort(uitkomst) -> str:
    """One outcome in a few words, lower case, for a list of meetings: "stemming uitgesteld"."""
    return tekst(uitkomst.status, uitkomst.hamerstuk).kaart.lower()


def uitkomst_regel(uitkomst) -> str:
    """What the council did at one meeting, as a full sentence in the past tense."""
    dag = datum_lang(uitkomst.vergaderdatum)
    status = uitkomst.status
    if status is Status.AANGEHOUDEN:
        return f"Op {dag} heeft de gemeenteraad de stemming over dit voorstel uitgesteld. Er is nog niets besloten."
    if status is Status.INGETROKKEN:
        return (f"Het college heeft dit voorstel ingetrokken. Het stond op de agenda van de gemeenteraad van {dag}. "
                "De raad stemt er niet over. Er is niets besloten.")
    if uitkomst.hamerstuk:
        return (f"Op {dag} heeft de gemeenteraad dit voorstel aangenomen als hamerstuk: zonder bespreking en "
                "zonder stemming.")
    woorden = {
        Status.UNANIEM_AANGENOMEN: "aangenomen. Alle fracties stemden voor",
        Status.AANGENOMEN: "aangenomen",
        Status.GEAMENDEERD_AANGENOMEN: "aangenomen, met wijzigingen (amendementen)",
        Status.ONDER_VOORBEHOUD_AANGENOMEN: "aangenomen, onder een voorwaarde",
        Status.VERWORPEN: "afgewezen (verworpen). Het voorstel gaat niet door",
    }
    return f"Op {dag} heeft de gemeenteraad dit voorstel {woorden[status]}."


def stemming_zin(dag: date) -> str:
    """When the vote of an open voorstel is planned."""
    return f"De raad stemt naar verwachting op {datum_lang(dag)}."


# --- news events beside the outcome (raadsinfo.nieuws) ----------------------------------
#
# A moved meeting and the publication in the Gemeenteblad are news of their own. Their
# headlines put the news first and then the dossier's headline of that moment, so the
# label stays in every title: a moved vote is always about a voorstel.


def verplaatst_kop(titel: str, is_raad: bool, gremium_naam: str, nieuw: date) -> str:
    """"Stemming verplaatst naar 10 december 2026 – Voorstel aan de raad: <titel>"."""
    wat = "Stemming" if is_raad else f"Bespreking in de {gremium_naam}"
    return f"{wat} verplaatst naar {datum(nieuw)} – {kop(Status.IN_BEHANDELING, titel)}"


def verplaatst_regel(is_raad: bool, gremium_naam: str, oud: date, nieuw: date) -> str:
    """The move as a sentence: what was planned and what is planned now (the feeds add the
    status sentence of a voorstel: nothing is decided)."""
    if is_raad:
        return (f"De gemeenteraad zou op {datum_lang(oud)} over dit voorstel stemmen. De stemming is verplaatst "
                f"naar {datum_lang(nieuw)}.")
    return (f"De {gremium_naam} zou dit voorstel op {datum_lang(oud)} bespreken. De bespreking is verplaatst "
            f"naar {datum_lang(nieuw)}.")


def bekendmaking_kop(uitkomst, titel: str) -> str:
    """"Bekendgemaakt in het Gemeenteblad – Aangenomen: <titel>"."""
    return f"Bekendgemaakt in het Gemeenteblad – {uitkomst_kop(uitkomst, titel)}"


def bekendmaking_regel(dag: date) -> str:
    return (f"Het besluit is op {datum_lang(dag)} bekendgemaakt in het Gemeenteblad. Algemene regels gelden pas "
            "na deze bekendmaking.")


#: The outcome of an amendement or motie (its own vote), as the feeds write it.
NEVEN_UITSLAG = {
    "aangenomen": "aangenomen",
    "unaniem aangenomen": "unaniem aangenomen",
    "verworpen": "verworpen",
    "ingetrokken": "ingetrokken door de indieners",
    "aangehouden": "aangehouden (later besproken)",
}
