"""The one table of label strings (raadsinfo.labels): every status, every place.

Templates, feeds, calendars and exports print only these strings, so these tests are
where the labelling rule is pinned down for what the site itself writes.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from raadsinfo import labels
from raadsinfo.dossier import Dossier
from raadsinfo.labels import TABEL, Feit
from raadsinfo.model import Stap, Stemming, Stemronde, Uitkomst, Voorstel
from raadsinfo.status import Label, Status

ROWS = list(TABEL.items())
IDS = [f"{status.slug}{'-hamerstuk' if hamer else ''}" for (status, hamer), _ in ROWS]
#: Words that present something as decided, as a label or badge would.
DECIDED = re.compile(r"\b(besluit|besloten|aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen)\b", re.I)


def _voorstel(**changes) -> Voorstel:
    data = dict(id="2026-050", titel="Hogere parkeertarieven in de binnenstad", datum_ingediend=date(2026, 3, 1),
                portefeuillehouder="wethouder A", onderwerpen=("verkeer",), samenvatting="Een. Twee.",
                gevraagd_besluit=("iets vast te stellen",),
                behandeling=(Stap("gemeenteraad", date(2026, 4, 2)),))
    data.update(changes)
    return Voorstel(**data)


def _uitkomst(resultaat: str, hamerstuk: bool = False) -> Uitkomst:
    ronde = Stemronde(()) if hamerstuk or resultaat in ("aangehouden", "ingetrokken") else Stemronde(
        (Stemming("A", "voor", 20, 0), Stemming("B", "tegen", 0, 9)))
    return Uitkomst("2026-050", date(2026, 4, 2), resultaat, hamerstuk=hamerstuk, stemronde=ronde)


def test_every_status_has_a_row():
    assert {status for status, _ in TABEL} == set(Status)


@pytest.mark.parametrize(("key", "rij"), ROWS, ids=IDS)
def test_every_row_is_complete_dutch_text(key, rij):
    for name in ("kop", "badge", "zin", "soort", "meta", "ontwerp_kop", "ontwerp_uitleg"):
        value = getattr(rij, name)
        assert value and value == value.strip() and "  " not in value, name
    assert rij.zin.endswith(".") and rij.ontwerp_uitleg.endswith(".")


@pytest.mark.parametrize(("key", "rij"), ROWS, ids=IDS)
def test_a_voorstel_row_says_voorstel_and_never_decided(key, rij):
    status, _ = key
    if status.label is not Label.VOORSTEL:
        return
    for text in (rij.kop, rij.badge, rij.soort, rij.meta):
        assert "voorstel" in text.lower(), text
        assert not DECIDED.search(re.sub(r"(nog )?niet besloten", "", text)), text
    assert "niet" in rij.zin or "niets" in rij.zin
    assert rij.feit is not Feit.BESLOTEN


@pytest.mark.parametrize(("key", "rij"), ROWS, ids=IDS)
def test_a_decided_headline_names_its_outcome(key, rij):
    status, hamerstuk = key
    if status.label is not Label.BESLUIT:
        return
    assert rij.badge.startswith("Besluit: ")
    assert rij.soort.startswith("Besluit van de gemeenteraad")
    if status is Status.VERWORPEN:
        assert rij.kop == "Verworpen" and "aangenomen" not in (rij.kop + rij.badge + rij.zin).lower()
        assert rij.feit is Feit.GAAT_NIET_DOOR
    else:
        assert rij.kop.startswith(("Aangenomen", "Unaniem aangenomen"))
        assert rij.feit is Feit.BESLOTEN


def test_headlines_tell_every_outcome_apart():
    """No two statuses share a headline, except the two ways a hamerstuk is recorded."""
    by_kop: dict[str, set[Status]] = {}
    for (status, _), rij in ROWS:
        by_kop.setdefault(rij.kop, set()).add(status)
    shared = {kop: s for kop, s in by_kop.items() if len(s) > 1}
    assert shared == {"Aangenomen zonder stemming": {Status.AANGENOMEN, Status.UNANIEM_AANGENOMEN}}


@pytest.mark.parametrize("resultaat", ["aangenomen", "unaniem aangenomen"])
def test_a_hamerstuk_says_it_was_adopted_without_a_vote(resultaat):
    d = Dossier(_voorstel(), [_uitkomst(resultaat, hamerstuk=True)])
    t = d.teksten
    assert t.kop == "Aangenomen zonder stemming: Hogere parkeertarieven in de binnenstad"
    assert "zonder stemming" in t.badge and "hamerstuk" in t.zin
    for text in (t.zin, t.badge, t.soort, labels.uitkomst_regel(d.besluit)):
        assert "stemde" not in text and "meerderheid" not in text


def test_dossier_texts_follow_its_last_outcome():
    open_ = Dossier(_voorstel())
    assert open_.teksten.kop == "Voorstel aan de raad: Hogere parkeertarieven in de binnenstad"
    assert open_.label_titel == open_.teksten.kop
    assert open_.teksten.kaart == ""  # an open voorstel's card shows the planned vote instead
    rejected = Dossier(_voorstel(), [_uitkomst("verworpen")])
    assert rejected.teksten.kop == "Verworpen: Hogere parkeertarieven in de binnenstad"
    assert rejected.teksten.kaart == "Verworpen op 2 april 2026."
    postponed = Dossier(_voorstel(), [_uitkomst("aangehouden")])
    assert postponed.teksten.kop.startswith("Voorstel") and postponed.teksten.label is Label.VOORSTEL


def test_meta_description_starts_with_the_label_and_keeps_whole_sentences():
    d = Dossier(_voorstel(samenvatting="Het plan is goedgekeurd door de provincie. " + "Meer tekst. " * 30))
    meta = d.teksten.meta(d.voorstel.samenvatting)
    assert meta.startswith("Voorstel aan de gemeenteraad, nog niet besloten: ")
    assert "goedgekeurd door de provincie." in meta


@pytest.mark.parametrize(("text", "lengte", "expected"), [
    ("Het plan is goedgekeurd door de provincie van Gelderland.", 20,
     "Het plan is goedgekeurd door de provincie van Gelderland."),
    ("Een. Twee. Drie.", 10, "Een. Twee."),
    ("Een.\n  Twee.", 100, "Een. Twee."),
])
def test_kort_never_cuts_inside_a_sentence(text, lengte, expected):
    assert labels.kort(text, lengte) == expected


@pytest.mark.parametrize(("feit", "expected"), [
    (Feit.PLAN, "Het college wil 22 bomen kappen en 30 nieuwe bomen planten."),
    (Feit.BESLOTEN, "De raad heeft besloten: 22 bomen mogen worden gekapt en 30 nieuwe bomen worden geplant."),
    (Feit.GAAT_NIET_DOOR, "De kap gaat niet door: de 22 bomen blijven staan. Het college wilde 22 bomen kappen en "
                          "30 nieuwe bomen planten."),
])
def test_trees_are_told_in_the_tense_of_the_status(feit, expected):
    assert labels.bomen_zin(22, 30, feit) == expected


def test_no_tree_balance_for_a_plan_that_does_not_go_ahead():
    assert labels.saldo_zin(22, 30, Feit.GAAT_NIET_DOOR) == ""
    assert labels.saldo_zin(22, 30, Feit.PLAN).startswith("Als de raad het voorstel aanneemt")
    assert labels.saldo_zin(1, 2, Feit.BESLOTEN) == "Zo komt er 1 boom meer terug dan er weggaan."


@pytest.mark.parametrize(("feit", "word"), [(Feit.PLAN, "vraagt"), (Feit.BESLOTEN, "beschikbaar gesteld"),
                                            (Feit.GAAT_NIET_DOOR, "niet uitgegeven")])
def test_costs_are_told_in_the_tense_of_the_status(feit, word):
    assert word in labels.kosten_zin(620000, feit) and "€ 620.000" in labels.kosten_zin(620000, feit)


@pytest.mark.parametrize("resultaat", ["aangehouden", "ingetrokken", "aangenomen", "unaniem aangenomen",
                                       "geamendeerd aangenomen", "onder voorbehoud aangenomen", "verworpen"])
def test_every_outcome_has_a_headline_and_a_sentence(resultaat):
    u = _uitkomst(resultaat)
    kop = labels.uitkomst_kop(u, "X")
    assert kop.endswith(": X")
    regel = labels.uitkomst_regel(u)
    assert regel.endswith(".") and "2 april 2026" in regel
    if not u.final:
        assert kop.startswith("Voorstel") and "niets besloten" in regel


def test_press_legend_lists_every_headline_once():
    koppen = [kop for kop, _, _ in labels.overzicht()]
    assert len(koppen) == len(set(koppen)) == len({rij.kop for rij in TABEL.values()})
