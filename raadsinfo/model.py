"""Typed records: a raadsvoorstel, an outcome, votes, and the council itself.

These are built only from front matter that passed the schema check, so they can
assume the shape is right; the cross-record rules live in :mod:`raadsinfo.votes`
(votes) and :mod:`raadsinfo.loader` (dates, references).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from .status import Status

GREMIA = {
    "commissie-ruimte": "Commissie Ruimte",
    "commissie-samenleving": "Commissie Samenleving",
    "gemeenteraad": "Gemeenteraad",
}


@dataclass(frozen=True)
class Onderwerp:
    slug: str
    naam: str
    omschrijving: str = ""


@dataclass(frozen=True)
class Fractie:
    naam: str
    zetels: int


@dataclass(frozen=True)
class Raadsperiode:
    naam: str
    van: date
    tot: date
    zetels: int
    fracties: tuple[Fractie, ...]
    voorbeelddata: bool = False
    bron: str = ""
    opmerking: str = ""

    def covers(self, day: date) -> bool:
        return self.van <= day <= self.tot

    def fractie(self, naam: str) -> Fractie | None:
        return next((f for f in self.fracties if f.naam == naam), None)


@dataclass(frozen=True)
class Stap:
    """One meeting in the route of a voorstel (behandeling)."""

    gremium: str
    datum: date
    tijd: time | None = None
    #: Dates on which this step was planned before (a moved vote): each move is news
    #: for subscribers, so the feeds make an entry of it (raadsinfo.nieuws).
    eerder: tuple[date, ...] = ()
    #: The day the latest move became known (``verplaatstOp``): the date of its news entry.
    #: Without it the entry is dated on the old meeting day.
    verplaatst_op: date | None = None

    @property
    def gremium_naam(self) -> str:
        return GREMIA[self.gremium]

    @property
    def is_raad(self) -> bool:
        return self.gremium == "gemeenteraad"


@dataclass(frozen=True)
class Document:
    titel: str
    url: str


@dataclass(frozen=True)
class Wijziging:
    """A correction of a published text (``wijzigingen``), shown to readers with its date.

    A subscriber must learn that a text changed: the dossier page lists it and the
    feeds move ``updated`` of the entry the text belongs to.
    """

    datum: date
    omschrijving: str  # in Dutch, for readers: what changed


@dataclass(frozen=True)
class Kosten:
    bedrag: int
    toelichting: str = ""


@dataclass(frozen=True)
class Bomen:
    gekapt: int
    herplant: int
    toelichting: str

    @property
    def saldo(self) -> int:
        return self.herplant - self.gekapt


@dataclass(frozen=True)
class Stemming:
    """How one fractie voted; a split fractie (verdeeld) records its own counts."""

    fractie: str
    fractiestemresultaat: str  # voor / tegen / verdeeld
    voor: int
    tegen: int
    afwezig: int = 0


@dataclass(frozen=True)
class Stemronde:
    """The votes on one question, summed over the fracties."""

    stemmingen: tuple[Stemming, ...]

    @property
    def voor(self) -> int:
        return sum(s.voor for s in self.stemmingen)

    @property
    def tegen(self) -> int:
        return sum(s.tegen for s in self.stemmingen)

    @property
    def fracties_voor(self) -> list[str]:
        return [s.fractie for s in self.stemmingen if s.fractiestemresultaat == "voor"]

    @property
    def fracties_tegen(self) -> list[str]:
        return [s.fractie for s in self.stemmingen if s.fractiestemresultaat == "tegen"]

    @property
    def fracties_verdeeld(self) -> list[str]:
        return [s.fractie for s in self.stemmingen if s.fractiestemresultaat == "verdeeld"]

    def __bool__(self) -> bool:
        return bool(self.stemmingen)


@dataclass(frozen=True)
class Bevestiging:
    """A doubtful sentence that the griffie confirms is not about this proposal (``labelcontrole``).

    The wording check (:mod:`raadsinfo.guard_records`) then drops its warning and
    ``invoke check`` lists the sentence with the reason, so the confirmation stays in
    sight; it never silences an error, a title or a heading.
    """

    zin: str  # the sentence, or a distinctive part of it
    reden: str  # why it does not present this proposal as decided


@dataclass(frozen=True)
class Ontwerpbesluit:
    """The formal decision text: the draft a voorstel proposes, or the text as adopted.

    Kept apart from ``gevraagd_besluit`` (the plain-language points residents read
    first), because this is the legal text the council votes on: it is shown as the
    griffie wrote it, one line per part of the opening formula and one numbered point
    per item, never rewritten into B1. The same shape serves an outcome's
    ``besluittekst``, so that the adopted text (after amendments) can be shown in its
    place; there the aanhef may be empty, meaning "the voorstel's aanhef".
    """

    aanhef: tuple[str, ...]  # the opening formula, one line per part, up to and including "besluit:"
    punten: tuple[str, ...]  # the points, without their numbers: the page numbers them


@dataclass(frozen=True)
class Voorstel:
    """A raadsvoorstel as the college sent it to the council."""

    id: str
    titel: str
    datum_ingediend: date
    portefeuillehouder: str
    onderwerpen: tuple[str, ...]
    samenvatting: str
    gevraagd_besluit: tuple[str, ...]
    behandeling: tuple[Stap, ...]
    documenten: tuple[Document, ...] = ()
    kosten: Kosten | None = None
    bomen: Bomen | None = None
    ontwerpbesluit: Ontwerpbesluit | None = None
    labelcontrole: tuple[Bevestiging, ...] = ()
    wijzigingen: tuple[Wijziging, ...] = ()
    toelichting: str = ""  # Markdown body
    source: str = ""  # path relative to the content dir, for messages

    @property
    def jaar(self) -> int:
        return self.datum_ingediend.year


@dataclass(frozen=True)
class Nevenvoorstel:
    """An amendement or motie, with its own outcome."""

    soort: str  # amendement / motie
    titel: str
    besluitresultaat: str
    indieners: tuple[str, ...] = ()
    omschrijving: str = ""
    stemronde: Stemronde = field(default_factory=lambda: Stemronde(()))

    @property
    def aangenomen(self) -> bool:
        return self.besluitresultaat in {"aangenomen", "unaniem aangenomen"}


@dataclass(frozen=True)
class Uitkomst:
    """What the council did with a voorstel at one meeting (a record in besluiten/).

    Only an outcome with a voted result or a hamerstuk makes the dossier a besluit;
    an aangehouden or ingetrokken outcome is history, not a decision.
    """

    voorstel_id: str
    vergaderdatum: date
    besluitresultaat: str
    hamerstuk: bool = False
    stemronde: Stemronde = field(default_factory=lambda: Stemronde(()))
    amendementen: tuple[Nevenvoorstel, ...] = ()
    moties: tuple[Nevenvoorstel, ...] = ()
    besluittoelichting: str = ""
    bekendmaking_datum: date | None = None
    bekendmaking_url: str = ""
    besluittekst: Ontwerpbesluit | None = None  # the text as adopted, when amendments changed it
    labelcontrole: tuple[Bevestiging, ...] = ()
    wijzigingen: tuple[Wijziging, ...] = ()
    toelichting: str = ""  # Markdown body
    source: str = ""

    @property
    def status(self) -> Status:
        return Status.from_resultaat(self.besluitresultaat)

    @property
    def final(self) -> bool:
        return self.status.final
