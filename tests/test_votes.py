"""Unit tests for every vote rule in raadsinfo.votes: each with an input that breaks it.

Plain objects, no files and no Pelican: these run in milliseconds.
"""

from __future__ import annotations

from datetime import date

import pytest

from raadsinfo.model import Fractie, Raadsperiode, Stemming, Stemronde
from raadsinfo.records import stemming_from
from raadsinfo.votes import check_result, check_stemronde

PERIODE = Raadsperiode(
    naam="2022-2026", van=date(2022, 3, 30), tot=date(2026, 4, 1), zetels=11,
    fracties=(Fractie("Harderwijk Anders", 5), Fractie("VVD", 3), Fractie("D66", 2), Fractie("SGP", 1)),
)


def ronde(*stemmingen: Stemming) -> Stemronde:
    return Stemronde(tuple(stemmingen))


def full(ha=("voor", 5, 0), vvd=("voor", 3, 0), d66=("tegen", 0, 2), sgp=("tegen", 0, 1)) -> Stemronde:
    """A complete vote: (fractiestemresultaat, voor, tegen) per fractie."""
    return ronde(Stemming("Harderwijk Anders", *ha), Stemming("VVD", *vvd), Stemming("D66", *d66),
                 Stemming("SGP", *sgp))


def messages(issues) -> list[str]:
    return [i.message for i in issues]


# -- check_stemronde: fracties and counts --------------------------------------------------

def test_a_complete_correct_vote_has_no_issues():
    assert check_stemronde(full(), PERIODE) == []


def test_fractie_must_sit_in_the_council_of_the_period():
    votes = ronde(*full().stemmingen, Stemming("Partij voor de Dieren", "voor", 1, 0))
    [issue] = check_stemronde(votes, PERIODE)
    assert issue.message == "deze fractie zat niet in de raad van periode 2022-2026"
    assert issue.path == (4, "fractie")
    assert "Harderwijk Anders" in issue.expected


def test_misspelled_fractie_gets_a_suggestion_and_is_not_also_missing():
    votes = full()
    votes = ronde(*votes.stemmingen[:2], Stemming("d66", "tegen", 0, 2), votes.stemmingen[3])
    [issue] = check_stemronde(votes, PERIODE)
    assert issue.hint == "Bedoelt u 'D66'?"


def test_fractie_listed_twice():
    votes = ronde(*full().stemmingen, Stemming("VVD", "voor", 3, 0))
    [issue] = check_stemronde(votes, PERIODE)
    assert issue.message == "deze fractie staat twee keer in de stemming"
    assert issue.path == (4, "fractie")


def test_every_fractie_must_be_listed():
    votes = ronde(*full().stemmingen[:3])
    [issue] = check_stemronde(votes, PERIODE)
    assert issue.message == "niet elke fractie staat in de stemming"
    assert issue.found == "ontbreekt: SGP"
    assert check_stemronde(votes, PERIODE, require_all=False) == []


def test_more_votes_than_seats_for_a_fractie():
    [issue] = check_stemronde(full(vvd=("voor", 4, 0)), PERIODE)
    assert issue.message == "meer stemmen dan zetels voor VVD"
    assert issue.path == (1,)
    assert "samen 4" in issue.found and "precies 3" in issue.expected


def test_split_fractie_whose_counts_exceed_its_seats():
    [issue] = check_stemronde(full(vvd=("verdeeld", 2, 2)), PERIODE)
    assert issue.message == "meer stemmen dan zetels voor VVD"


def test_absent_members_count_towards_the_seats():
    votes = full(vvd=("verdeeld", 2, 1))
    assert check_stemronde(votes, PERIODE) == []
    votes = ronde(*votes.stemmingen[:1], Stemming("VVD", "verdeeld", 2, 1, afwezig=1), *votes.stemmingen[2:])
    assert messages(check_stemronde(votes, PERIODE)) == ["meer stemmen dan zetels voor VVD"]


def test_counts_that_do_not_add_up_to_the_seats():
    [issue] = check_stemronde(full(vvd=("verdeeld", 1, 1)), PERIODE)
    assert issue.message == "de stemmen van VVD tellen niet op tot haar zetels"
    assert "afwezig" in issue.hint


def test_split_fractie_needs_members_on_both_sides():
    [issue] = check_stemronde(full(vvd=("verdeeld", 3, 0)), PERIODE)
    assert issue.message == "een verdeelde fractie heeft leden voor én tegen"
    assert issue.path == (1, "fractiestemresultaat")


def test_fractie_voor_cannot_have_votes_against():
    [issue] = check_stemronde(full(vvd=("voor", 2, 1)), PERIODE)
    assert issue.message == "de fractie stemde 'voor' maar er staan tegenstemmen"
    assert issue.path == (1, "tegen")


def test_fractie_tegen_cannot_have_votes_for():
    [issue] = check_stemronde(full(d66=("tegen", 1, 1)), PERIODE)
    assert issue.message == "de fractie stemde 'tegen' maar er staan voorstemmen"
    assert issue.path == (2, "voor")


def test_total_votes_cannot_exceed_the_council():
    """Only reachable when the council data itself is off; the rule still holds."""
    small = Raadsperiode("klein", date(2022, 1, 1), date(2026, 1, 1), zetels=10,
                         fracties=PERIODE.fracties)  # fracties hold 11 seats
    issues = check_stemronde(full(d66=("voor", 2, 0), sgp=("voor", 1, 0)), small)
    assert messages(issues) == ["meer stemmen dan zetels in de raad"]
    assert issues[0].found == "11 stemmen"


# -- stemming_from: an unsplit fractie votes with all members present ------------------------

def test_unsplit_fractie_votes_with_all_seats_minus_absent():
    s = stemming_from({"fractie": "VVD", "fractiestemresultaat": "voor", "afwezig": 1}, 3)
    assert (s.voor, s.tegen, s.afwezig) == (2, 0, 1)
    s = stemming_from({"fractie": "VVD", "fractiestemresultaat": "tegen"}, 3)
    assert (s.voor, s.tegen) == (0, 3)
    s = stemming_from({"fractie": "VVD", "fractiestemresultaat": "verdeeld", "voor": 2, "tegen": 1}, 3)
    assert (s.voor, s.tegen) == (2, 1)


# -- check_result: the result follows from the votes ------------------------------------------

@pytest.mark.parametrize("resultaat, votes", [
    ("aangenomen", full()),  # 8 voor, 3 tegen
    ("geamendeerd aangenomen", full()),
    ("onder voorbehoud aangenomen", full()),
    ("unaniem aangenomen", full(d66=("voor", 2, 0), sgp=("voor", 1, 0))),
    ("verworpen", full(ha=("tegen", 0, 5))),  # 3 voor, 8 tegen
])
def test_results_that_follow_from_the_votes(resultaat, votes):
    assert check_result(resultaat, votes) == []


def test_aangenomen_with_a_majority_against():
    [issue] = check_result("aangenomen", full(ha=("tegen", 0, 5)))
    assert issue.message == "'aangenomen' volgt niet uit de stemmen: er is geen meerderheid voor"
    assert issue.found == "3 voor, 8 tegen"
    assert issue.path == ("besluitresultaat",)


def test_a_tie_is_not_a_majority():
    votes = full(ha=("verdeeld", 2, 3), vvd=("voor", 3, 0), d66=("voor", 2, 0), sgp=("tegen", 0, 1))
    assert (votes.voor, votes.tegen) == (7, 4)
    tie = full(ha=("verdeeld", 1, 4), vvd=("voor", 3, 0), d66=("voor", 1, 0), sgp=("tegen", 0, 1))
    assert (tie.voor, tie.tegen) == (5, 5)
    assert messages(check_result("geamendeerd aangenomen", tie)) == [
        "'geamendeerd aangenomen' volgt niet uit de stemmen: er is geen meerderheid voor"]
    assert check_result("verworpen", tie) == []


def test_unaniem_with_votes_against():
    [issue] = check_result("unaniem aangenomen", full())
    assert issue.message == "'unaniem aangenomen' kan niet: er waren tegenstemmen"
    assert issue.found == "8 voor, 3 tegen"


def test_unaniem_needs_votes_for():
    nobody = ronde(Stemming("VVD", "voor", 0, 0, afwezig=3))
    assert messages(check_result("unaniem aangenomen", nobody)) == [
        "'unaniem aangenomen' kan niet: niemand stemde voor"]


def test_verworpen_with_a_majority_for():
    [issue] = check_result("verworpen", full())
    assert issue.message == "'verworpen' volgt niet uit de stemmen: er is een meerderheid voor"


@pytest.mark.parametrize("resultaat", ["aangenomen", "unaniem aangenomen", "verworpen", "geamendeerd aangenomen"])
def test_a_voted_result_needs_votes(resultaat):
    [issue] = check_result(resultaat, ronde())
    assert issue.message == f"bij '{resultaat}' horen de stemmingen per fractie"


@pytest.mark.parametrize("resultaat", ["aangehouden", "ingetrokken"])
def test_no_votes_when_postponed_or_withdrawn(resultaat):
    assert check_result(resultaat, ronde()) == []
    [issue] = check_result(resultaat, full())
    assert issue.message == f"bij '{resultaat}' is er niet gestemd"
    assert issue.path == ("stemmingen",)


def test_hamerstuk_is_adopted_without_votes():
    assert check_result("aangenomen", ronde(), hamerstuk=True) == []
    assert check_result("unaniem aangenomen", ronde(), hamerstuk=True) == []


def test_hamerstuk_with_votes():
    [issue] = check_result("aangenomen", full(), hamerstuk=True)
    assert issue.message == "een hamerstuk heeft geen stemming"


@pytest.mark.parametrize("resultaat", ["verworpen", "aangehouden", "ingetrokken", "geamendeerd aangenomen"])
def test_hamerstuk_with_another_result(resultaat):
    [issue] = check_result(resultaat, ronde(), hamerstuk=True)
    assert issue.message == "een hamerstuk is altijd aangenomen zonder stemming"
    assert issue.found == repr(resultaat)
