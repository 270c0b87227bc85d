"""The bomenbalans sums: adopted decisions per year, planned ones apart, the rest not at all."""

from __future__ import annotations

from datetime import date

from raadsinfo.bomenbalans import bomen_zin, bomenbalans, saldo_zin
from raadsinfo.dossier import Dossier
from raadsinfo.model import Bomen, Stap, Uitkomst, Voorstel


def dossier(id_: str, gekapt: int | None, herplant: int = 0, resultaat: str | None = None,
            vergaderdatum: date | None = None) -> Dossier:
    vergaderdatum = vergaderdatum or date(int(id_[:4]), 6, 6)
    v = Voorstel(id=id_, titel=f"Bomen {id_}", datum_ingediend=date(int(id_[:4]), 1, 10), portefeuillehouder="x",
                 onderwerpen=("groen",), samenvatting="Bomen.", gevraagd_besluit=("Kappen.",),
                 behandeling=(Stap("gemeenteraad", vergaderdatum),),
                 bomen=Bomen(gekapt, herplant, "Ziek.") if gekapt is not None else None)
    uitkomsten = [Uitkomst(id_, vergaderdatum, resultaat, besluittoelichting="Omdat.")] if resultaat else []
    return Dossier(v, uitkomsten)


DOSSIERS = [
    dossier("2024-001", 14, 20, "geamendeerd aangenomen"),
    dossier("2024-002", 3, 3, "unaniem aangenomen"),
    dossier("2024-003", 50, 0, "verworpen"),  # not counted: the trees stay
    dossier("2025-001", 8, 12, "aangenomen"),
    dossier("2025-002", 5, 5, "ingetrokken"),  # not counted
    dossier("2025-003", None, 0, "aangenomen"),  # no trees in this dossier
    dossier("2026-001", 6, 9),  # planned: in behandeling
    dossier("2026-002", 4, 2, "aangehouden"),  # planned: postponed
    # submitted in 2025, decided in 2026: counts in the year of the decision
    dossier("2025-004", 10, 15, "aangenomen", vergaderdatum=date(2026, 2, 5)),
]


def test_adopted_decisions_are_summed_per_decision_year():
    balans = bomenbalans(DOSSIERS)
    assert [(j.jaar, j.gekapt, j.herplant) for j in balans.jaren] == [(2024, 17, 23), (2025, 8, 12), (2026, 10, 15)]
    assert [d.id for d in balans.jaren[0].dossiers] == ["2024-001", "2024-002"]
    assert balans.jaren[0].saldo == 6


def test_total_is_the_sum_of_the_years():
    totaal = bomenbalans(DOSSIERS).totaal
    assert (totaal.gekapt, totaal.herplant, totaal.saldo) == (35, 50, 15)
    assert len(totaal.dossiers) == 4


def test_planned_proposals_are_apart_and_not_in_the_years():
    balans = bomenbalans(DOSSIERS)
    assert (balans.gepland.gekapt, balans.gepland.herplant) == (10, 11)
    assert {d.id for d in balans.gepland.dossiers} == {"2026-001", "2026-002"}
    counted = {d.id for j in balans.jaren for d in j.dossiers}
    assert not counted & {"2024-003", "2025-002", "2026-001", "2026-002"}


def test_empty_balance():
    balans = bomenbalans([dossier("2024-001", None, 0, "aangenomen")])
    assert balans.jaren == [] and balans.totaal.gekapt == 0 and balans.gepland.dossiers == []


def test_sentences():
    assert bomen_zin(14, 20) == "14 bomen gekapt, 20 nieuwe bomen geplant"
    assert bomen_zin(1, 1) == "1 boom gekapt, 1 nieuwe boom geplant"
    assert bomen_zin(14, 20, besloten=False) == "14 bomen kappen, 20 nieuwe bomen planten"
    assert saldo_zin(14, 20) == "Zo komen er 6 bomen meer terug dan er weggaan."
    assert saldo_zin(5, 4) == "Zo komt er 1 boom minder terug dan er weggaan."
    assert saldo_zin(3, 3) == "Zo komen er evenveel bomen terug als er weggaan."
