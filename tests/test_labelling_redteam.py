"""The red-team corpus of the labelling rule (tests/data/labelling/*.txt).

A hostile clerk's sentences about an undecided proposal must each be an error; a
griffie's ordinary Dutch must have no finding; the sentences that can be read both
ways must be a warning, never an error; the present tense of what the council is
asked is the question itself in the asked decision and the ontwerpbesluit. All are
judged as for a proposal of Harderwijk (with the village Hierden and its fracties),
submitted on 13 October 2026. Add a sentence to the file where it belongs; the file
names say what the rule must do with it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from raadsinfo import labelling
from raadsinfo.labelling import Ernst, Namen, Plek, beoordeel

DATA = Path(__file__).parent / "data" / "labelling"
NAMEN = Namen("Harderwijk", ("Hierden",), ("Harderwijk Anders", "ChristenUnie", "VVD", "CDA", "Gemeentebelang",
                                           "D66", "PvdA", "GroenLinks", "SGP", "Partij voor de Dieren"))
INGEDIEND = date(2026, 10, 13)


def zinnen(naam: str) -> list[str]:
    tekst = (DATA / naam).read_text(encoding="utf-8")
    return [regel for regel in tekst.splitlines() if regel.strip() and not regel.startswith("#")]


def oordeel(tekst: str, plek: Plek = Plek.TEKST, kop: bool = False):
    return beoordeel(tekst, plek, kop=kop, ingediend=INGEDIEND, namen=NAMEN)


def kort(findings) -> list:
    return [(c.regel.code, c.gevonden, c.ernst.value, c.waarom) for c in findings]


@pytest.mark.parametrize("zin", zinnen("aanvallen.txt"))
def test_an_attack_is_an_error(zin):
    found = oordeel(zin)
    assert any(c.fout for c in found), f"niet geweigerd: {zin!r} {kort(found)}"


@pytest.mark.parametrize("zin", zinnen("legitiem.txt"))
def test_ordinary_dutch_has_no_finding(zin):
    assert oordeel(zin) == (), kort(oordeel(zin))


@pytest.mark.parametrize("zin", zinnen("twijfel.txt"))
def test_a_sentence_that_reads_both_ways_is_a_warning(zin):
    found = oordeel(zin)
    assert found and all(c.ernst is Ernst.TWIJFEL for c in found), kort(found)
    assert all(c.fout for c in oordeel(zin, kop=True)), "in een kop moet twijfel een fout zijn"


@pytest.mark.parametrize("zin", zinnen("vraag.txt"))
def test_the_present_tense_is_the_question_in_what_the_council_is_asked(zin):
    assert oordeel(zin, Plek.VRAAG) == (), kort(oordeel(zin, Plek.VRAAG))
    assert any(c.fout for c in oordeel(zin)), "buiten het gevraagde besluit is het een uitslag"
    assert oordeel(f"Gevraagd besluit: {zin[0].lower()}{zin[1:]}") == ()


def test_the_closing_formula_of_the_draft_decision_keeps_its_date_open():
    """'Aldus besloten in de openbare vergadering van …' ends every ontwerpbesluit; with a
    date filled in it reads as a decision taken on that day, also in the draft box."""
    assert oordeel("Aldus besloten in de openbare vergadering van … (datum).", Plek.VRAAG) == ()
    zin = "Aldus besloten in de openbare vergadering van 17 december 2026."
    assert any(c.fout for c in oordeel(zin, Plek.VRAAG)) and any(c.fout for c in oordeel(zin))


# --- the college's own decisions ---------------------------------------------------------------


@pytest.mark.parametrize(("zin", "ernst"), [
    ("Het college heeft besloten een onderzoek te laten doen.", Ernst.TWIJFEL),
    ("Het college heeft de nota vastgesteld.", Ernst.TWIJFEL),
    ("Daarom heeft het college besloten de inspraak te verlengen.", Ernst.TWIJFEL),
    ("Het college heeft besloten.", Ernst.FOUT),
    ("Het college is akkoord.", Ernst.FOUT),
    ("Het college heeft dit plan vastgesteld.", Ernst.FOUT),
    ("Het college heeft het plan goedgekeurd.", Ernst.FOUT),
    ("Het plan is door het college goedgekeurd.", Ernst.FOUT),
    ("Het college heeft dit raadsvoorstel op 1 september vastgesteld.", None),
])
def test_the_college_deciding_something_else_is_doubtful_deciding_this_is_an_error(zin, ernst):
    """The college takes decisions of its own (an onderzoek, the inspraak, sending this
    proposal): those never make a proposal a decision. Whether "de sporthal" is this
    proposal the words cannot tell: a warning, which the griffie confirms with a reason.
    About this plan, or with nothing decided named, it reads as this proposal decided."""
    found = oordeel(zin)
    assert ([c.ernst for c in found] == [ernst]) if ernst else found == (), kort(found)


# --- time: the day the proposal was submitted ---------------------------------------------------


@pytest.mark.parametrize(("zin", "ernst"), [
    ("Op 12 maart 2026 heeft de raad de kadernota vastgesteld.", None),
    ("In maart 2026 heeft de raad de kadernota vastgesteld.", None),
    ("Op 12 maart heeft de raad de kadernota vastgesteld.", Ernst.TWIJFEL),  # no year: next March, too?
    ("De raad besliste op 28 januari positief.", Ernst.TWIJFEL),  # the vote of a proposal from October
    ("Het raadsbesluit van 9 juli 2025 blijft gelden.", None),
    ("Raadsbesluit 2019-023 over het bomenbeleid.", None),
    ("Op 29 oktober 2026 heeft de raad besloten de sporthal te bouwen.", Ernst.FOUT),
    ("Op 10 december 2026 heeft de raad besloten.", Ernst.FOUT),
    ("In oktober 2026 heeft de raad besloten de sporthal te bouwen.", Ernst.TWIJFEL),
    ("In 2026 heeft de raad besloten de sporthal te bouwen.", Ernst.TWIJFEL),
    ("Raadsbesluit 2026-046.", Ernst.FOUT),
    ("Aangenomen in 2026.", Ernst.FOUT),
    ("De raad heeft dit voorstel in 2024 aangenomen.", Ernst.FOUT),
    ("Eerder heeft de raad dit voorstel aangenomen.", Ernst.FOUT),
    ("Eerder heeft de raad het voorstel afgewezen.", Ernst.TWIJFEL),
    ("In 2024 heeft de raad het voorstel afgewezen.", Ernst.TWIJFEL),
    ("In 2024 heeft de raad een eerder voorstel afgewezen.", None),
])
def test_a_decision_dated_before_the_proposal_is_an_earlier_one(zin, ernst):
    """A date before the day the proposal was submitted is an earlier decision (the
    proposal did not exist yet); on or after it, it cannot be. A year alone of the
    proposal's year stays doubtful, except for a bare label or number. "Dit voorstel"
    was never decided earlier."""
    found = oordeel(zin)
    assert ([c.ernst for c in found][:1] == [ernst]) if ernst else found == (), kort(found)


def test_without_the_day_a_year_decides_as_before():
    assert [c.ernst for c in beoordeel("Op 12 maart 2026 heeft de raad de kadernota vastgesteld.", jaar=2026)] == \
        [Ernst.TWIJFEL]


# --- names from the council data ----------------------------------------------------------------


@pytest.mark.parametrize(("zin", "namen", "fout"), [
    ("De gemeenteraad van Harderwijk heeft het voorstel aangenomen.", NAMEN, True),
    ("De gemeenteraad van Hierden heeft het voorstel aangenomen.", NAMEN, True),
    ("De gemeenteraad van Ermelo heeft het voorstel aangenomen.", NAMEN, False),
    ("De gemeenteraad van Ermelo heeft het voorstel aangenomen.", Namen("Ermelo"), True),
    ("De gemeenteraad van Harderwijk heeft het voorstel aangenomen.", Namen("Ermelo"), False),
    ("Gemeentebelang stemde tegen het voorstel.", NAMEN, True),
    ("Partij voor de Dieren stemde tegen.", NAMEN, True),
    ("Lokaal Belang stemde tegen het voorstel.", NAMEN, False),
    ("Lokaal Belang stemde tegen het voorstel.", Namen("Ermelo", (), ("Lokaal Belang",)), True),
    ("Harderwijk zegt ja tegen de sporthal.", NAMEN, True),
])
def test_the_names_of_the_municipality_and_its_fracties_come_from_the_data(zin, namen, fout):
    found = beoordeel(zin, ingediend=INGEDIEND, namen=namen)
    assert any(c.fout for c in found) is fout, kort(found)


def test_names_are_read_from_the_council_file():
    data = {"gemeente": "Harderwijk", "kernen": ["Hierden"], "perioden": [
        {"fracties": [{"naam": "VVD"}, {"naam": "Harderwijk Anders"}]},
        {"fracties": [{"naam": "VVD"}, {"naam": "Partij voor de Dieren"}]}]}
    assert Namen.uit_raad(data) == Namen("Harderwijk", ("Hierden",), ("Harderwijk Anders", "Partij voor de Dieren",
                                                                       "VVD"))
    assert Namen.uit_raad(None) == labelling.GEEN_NAMEN


# --- reading as a reader reads: words written apart -------------------------------------------


@pytest.mark.parametrize(("tekst", "gelezen"), [
    ("Het voorstel is a a n g e n o m e n.", "Het voorstel is aangenomen."),
    ("Het voorstel is aan-genomen.", "Het voorstel is aangenomen."),
    ("Het voorstel is aange- nomen.", "Het voorstel is aangenomen."),
    ("De raad heeft b.e.s.l.o.t.e.n.", "De raad heeft besloten."),
    ("Het voorstel is aangen0men.", "Het voorstel is aangenomen."),
    ("De raad is 4kk00rd.", "De raad is akkoord."),
    ("Het voorstel is aan genomen.", "Het voorstel is aangenomen."),
    ("R a a d s b e s l u i t", "raadsbesluit"),
])
def test_a_word_written_apart_is_read_whole(tekst, gelezen):
    herstel = labelling.VERHULD.herstel(tekst)
    assert herstel is not None and herstel.tekst.lower() == gelezen.lower()
    [claim] = [c for c in oordeel(tekst) if c.fout][:1]
    assert "een lezer leest" in claim.waarom and tekst[claim.begin:].lower().startswith(
        tekst[claim.begin:claim.begin + 1].lower())


@pytest.mark.parametrize("tekst", [
    "Het plan is getoetst aan genomen maatregelen.", "Noord-Veluwe", "zonne-energie", "A28 en N302", "d.w.z. dat",
    "ontwerp-besluit", "De raad besluit op 10 december.", "Bel 0341-123456.",
])
def test_ordinary_text_is_not_joined(tekst):
    assert labelling.VERHULD.herstel(tekst) is None


def test_a_finding_in_a_joined_word_points_into_the_text_as_read():
    tekst = "Inleiding. Het voorstel is a a n g e n o m e n door de raad."
    [claim] = oordeel(tekst)
    assert claim.tekst == tekst and tekst[claim.begin:].startswith("is a a n")


def test_accents_do_not_hide_a_word():
    for woord in ("áángenomen", "àangenomen", "aangenómen", "äangenomen", "bèsloten"):
        assert any(c.fout for c in oordeel(f"Het voorstel is {woord}.")), woord
    assert oordeel("Het café en de ideeën van één inwoner: naïef of geëvalueerd?") == ()
