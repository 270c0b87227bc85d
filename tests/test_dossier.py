"""Dossier: one voorstel with its outcomes, its status, label and planned vote."""

from __future__ import annotations

from datetime import date

import pytest

from raadsinfo.dossier import Dossier, slugify
from raadsinfo.model import Stap, Stemming, Stemronde, Uitkomst, Voorstel
from raadsinfo.status import Label, Status

RAAD_1 = date(2024, 2, 29)
RAAD_2 = date(2024, 3, 21)

VOORSTEL = Voorstel(
    id="2024-010", titel="Nieuwe speeltuin in Drielanden", datum_ingediend=date(2024, 1, 16),
    portefeuillehouder="wethouder A. Jansen", onderwerpen=("onderwijs",),
    samenvatting="Het college wil een nieuwe speeltuin maken.", gevraagd_besluit=("Krediet beschikbaar stellen.",),
    behandeling=(Stap("gemeenteraad", RAAD_2), Stap("commissie-samenleving", date(2024, 2, 8)),
                 Stap("gemeenteraad", RAAD_1)),
    source="content/voorstellen/2024-010-speeltuin.md",
)
VOTES = Stemronde((Stemming("VVD", "voor", 3, 0),))


def uitkomst(resultaat: str, day: date = RAAD_1, hamerstuk: bool = False) -> Uitkomst:
    voted = resultaat not in {"aangehouden", "ingetrokken"} and not hamerstuk
    return Uitkomst("2024-010", day, resultaat, hamerstuk=hamerstuk, stemronde=VOTES if voted else Stemronde(()))


def test_without_outcome_it_is_a_voorstel_in_behandeling():
    d = Dossier(VOORSTEL)
    assert d.status is Status.IN_BEHANDELING
    assert d.label is Label.VOORSTEL and not d.is_besluit
    assert d.label_titel == "Voorstel aan de raad: Nieuwe speeltuin in Drielanden"
    assert d.besluit is None
    assert d.open


@pytest.mark.parametrize("resultaat, status", [
    ("unaniem aangenomen", Status.UNANIEM_AANGENOMEN),
    ("aangenomen", Status.AANGENOMEN),
    ("geamendeerd aangenomen", Status.GEAMENDEERD_AANGENOMEN),
    ("onder voorbehoud aangenomen", Status.ONDER_VOORBEHOUD_AANGENOMEN),
    ("verworpen", Status.VERWORPEN),
])
def test_a_voted_outcome_makes_a_besluit(resultaat, status):
    d = Dossier(VOORSTEL, [uitkomst(resultaat)])
    assert d.status is status
    assert d.label is Label.BESLUIT and d.is_besluit
    assert d.label_titel.endswith(": Nieuwe speeltuin in Drielanden")
    assert d.label_titel.startswith("Verworpen" if status is Status.VERWORPEN else ("Aangenomen", "Unaniem"))
    assert d.besluit is d.uitkomsten[0]
    assert not d.open
    assert d.geplande_stemming() is None


@pytest.mark.parametrize("resultaat, status", [
    ("aangehouden", Status.AANGEHOUDEN),
    ("ingetrokken", Status.INGETROKKEN),
])
def test_postponed_or_withdrawn_stays_a_voorstel(resultaat, status):
    d = Dossier(VOORSTEL, [uitkomst(resultaat)])
    assert d.status is status
    assert d.label is Label.VOORSTEL
    assert d.label_titel.startswith(("Voorstel uitgesteld: ", "Voorstel ingetrokken: "))
    assert d.besluit is None


def test_hamerstuk_is_a_besluit_without_votes():
    d = Dossier(VOORSTEL, [uitkomst("aangenomen", hamerstuk=True)])
    assert d.status is Status.AANGENOMEN
    assert d.is_besluit
    assert not d.besluit.stemronde


def test_aangehouden_then_decided_is_one_dossier_with_history():
    eerst = uitkomst("aangehouden", RAAD_1)
    later = uitkomst("aangenomen", RAAD_2)
    d = Dossier(VOORSTEL, [eerst, later])
    assert d.status is Status.AANGENOMEN and d.is_besluit
    assert d.uitkomsten == [eerst, later]
    assert d.besluit is later
    assert d.datum == RAAD_2


def test_planned_vote_moves_to_the_next_meeting_after_aangehouden():
    d = Dossier(VOORSTEL)
    assert d.geplande_stemming() == Stap("gemeenteraad", RAAD_1)
    d.uitkomsten.append(uitkomst("aangehouden", RAAD_1))
    assert d.geplande_stemming() == Stap("gemeenteraad", RAAD_2)


def test_ingetrokken_has_no_planned_vote():
    assert Dossier(VOORSTEL, [uitkomst("ingetrokken")]).geplande_stemming() is None


def test_uitslag_ontbreekt_when_the_vote_date_passed_without_outcome():
    d = Dossier(VOORSTEL)
    assert not d.uitslag_ontbreekt(RAAD_1)  # the meeting is today: not late yet
    assert d.uitslag_ontbreekt(date(2024, 3, 1))
    d.uitkomsten.append(uitkomst("aangehouden", RAAD_1))
    assert not d.uitslag_ontbreekt(date(2024, 3, 1))  # next vote is 21 March
    assert d.uitslag_ontbreekt(date(2024, 3, 22))
    d.uitkomsten.append(uitkomst("aangenomen", RAAD_2))
    assert not d.uitslag_ontbreekt(date(2025, 1, 1))


def test_steps_are_in_date_order():
    d = Dossier(VOORSTEL)
    assert [s.datum for s in d.stappen] == [date(2024, 2, 8), RAAD_1, RAAD_2]


def test_url_depends_on_the_id_only():
    assert Dossier(VOORSTEL).url == "dossiers/2024-010.html"


def test_slugify():
    assert slugify("Geld & belastingen") == "geld-belastingen"
    assert slugify("Café aan de Haven") == "cafe-aan-de-haven"


# -- the same rules through the loader, from record files -------------------------------------

def test_loader_builds_one_dossier_from_aangehouden_and_a_later_vote(tiny_site):
    content = tiny_site(
        voorstel={"behandeling": [{"gremium": "gemeenteraad", "datum": "2024-02-29"},
                                  {"gremium": "gemeenteraad", "datum": "2024-03-21"}]},
        besluit={"besluitresultaat": "aangehouden", "stemmingen": None, "besluittoelichting": None},
        files={"besluiten/2024-010-2024-03-21.md": tiny_site.besluit(vergaderdatum="2024-03-21")},
    )
    [d] = tiny_site.load(content).dossiers
    assert [u.besluitresultaat for u in d.uitkomsten] == ["aangehouden", "aangenomen"]
    assert d.is_besluit and d.status is Status.AANGENOMEN


def test_loader_aangehouden_only_keeps_a_voorstel_with_its_next_vote(tiny_site):
    content = tiny_site(
        voorstel={"behandeling": [{"gremium": "gemeenteraad", "datum": "2024-02-29"},
                                  {"gremium": "gemeenteraad", "datum": "2026-12-10"}]},
        besluit={"besluitresultaat": "aangehouden", "stemmingen": None, "besluittoelichting": None},
    )
    [d] = tiny_site.load(content).dossiers
    assert d.status is Status.AANGEHOUDEN and d.label is Label.VOORSTEL
    assert d.geplande_stemming().datum == date(2026, 12, 10)


def test_loader_warns_when_the_outcome_is_missing(tiny_site):
    site = tiny_site.load(tiny_site(besluit=False))
    [d] = site.dossiers
    assert d.status is Status.IN_BEHANDELING and d.uitslag_ontbreekt(date(2026, 11, 27))
    [warning] = site.warnings.warnings
    assert warning.message.startswith("uitslag nog niet verwerkt: de raad vergaderde op 2024-02-29 over "
                                      "voorstel 2024-010, maar er is nog geen uitkomst")
    assert warning.field == "behandeling[2].datum" and warning.line is not None
    assert "invoke new --id 2024-010 --besluit" in warning.hint


def test_loader_hamerstuk(tiny_site):
    content = tiny_site(besluit={"indicatieHamerstuk": True, "stemmingen": None, "besluittoelichting": None})
    [d] = tiny_site.load(content).dossiers
    assert d.is_besluit and d.besluit.hamerstuk
