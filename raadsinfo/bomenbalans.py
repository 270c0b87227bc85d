"""The bomenbalans: trees felled and replanted per year, over all dossiers.

The municipality promised to explain how many trees are felled and how many new
trees come back. This module sums the ``bomen`` figures of the voorstellen.

Which dossiers count:

* **Besloten** (counted per year): dossiers the council adopted (any form of
  aangenomen). The year is the year of the council meeting that decided, because
  that decision allows the felling. Felling and planting themselves may happen later.
* **Gepland** (shown separately, never in the yearly totals): dossiers the council
  has not decided yet (in behandeling or aangehouden). These trees may or may not be
  felled.
* **Not counted**: verworpen and ingetrokken dossiers: those trees stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import labels
from .dossier import Dossier


@dataclass
class Balans:
    """Trees felled and replanted in a group of dossiers (one year, or the planned ones)."""

    gekapt: int = 0
    herplant: int = 0
    dossiers: list[Dossier] = field(default_factory=list)

    @property
    def saldo(self) -> int:
        return self.herplant - self.gekapt

    def add(self, dossier: Dossier) -> None:
        self.gekapt += dossier.voorstel.bomen.gekapt
        self.herplant += dossier.voorstel.bomen.herplant
        self.dossiers.append(dossier)


@dataclass
class Jaarbalans(Balans):
    jaar: int = 0


@dataclass
class Bomenbalans:
    jaren: list[Jaarbalans]  # oldest first, only years with adopted tree decisions
    gepland: Balans

    @property
    def totaal(self) -> Balans:
        out = Balans()
        for j in self.jaren:
            out.gekapt += j.gekapt
            out.herplant += j.herplant
            out.dossiers.extend(j.dossiers)
        return out


def bomenbalans(dossiers: list[Dossier]) -> Bomenbalans:
    """Sum the trees of adopted dossiers per decision year; planned ones apart."""
    per_jaar: dict[int, Jaarbalans] = {}
    gepland = Balans()
    for d in sorted(dossiers, key=lambda d: d.id):
        if d.voorstel.bomen is None:
            continue
        besluit = d.besluit
        if besluit is not None and besluit.status.info.adopted:
            jaar = besluit.vergaderdatum.year
            per_jaar.setdefault(jaar, Jaarbalans(jaar=jaar)).add(d)
        elif d.open:
            gepland.add(d)
    return Bomenbalans(sorted(per_jaar.values(), key=lambda j: j.jaar), gepland)


def bomen_zin(gekapt: int, herplant: int, besloten: bool = True) -> str:
    """Totals over many dossiers: '14 bomen gekapt, 20 nieuwe bomen geplant' for adopted
    ones; for proposals: '14 bomen kappen, 20 nieuwe bomen planten'."""
    if besloten:
        return labels.bomen_kort(gekapt, herplant, labels.Feit.BESLOTEN)
    return f"{labels.aantal_bomen(gekapt)} kappen, {labels.aantal_bomen(herplant, True)} planten"


def saldo_zin(gekapt: int, herplant: int) -> str:
    """The balance of adopted decisions in words: more, fewer or as many trees as before."""
    return labels.saldo_zin(gekapt, herplant, labels.Feit.BESLOTEN)
