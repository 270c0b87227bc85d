"""The record fields for news that a subscriber must get: ``eerder`` (a moved meeting)
and ``wijzigingen`` (a corrected text). Checked here because a wrong date in them
would date a feed entry wrongly, and a multi-line description would break the list
on the dossier page."""

from __future__ import annotations

from datetime import date

from raadsinfo.model import Wijziging

BEHANDELING_VERPLAATST = [
    {"gremium": "commissie-samenleving", "datum": "2024-02-08", "tijd": "19:30"},
    {"gremium": "gemeenteraad", "datum": "2024-02-29", "tijd": "19:30", "eerder": ["2024-02-15"]},
]


def test_eerder_and_wijzigingen_are_read(tiny_site):
    content = tiny_site(
        voorstel={"behandeling": BEHANDELING_VERPLAATST, "wijzigingen": [
            {"datum": "2024-01-20", "omschrijving": "Het bedrag in de samenvatting was fout."}]},
        besluit={"wijzigingen": [
            {"datum": "2024-03-02", "omschrijving": "De stemming van D66 was verkeerd overgenomen."}]},
    )
    site = tiny_site.load(content)
    d = site.dossiers[0]
    assert d.voorstel.behandeling[1].eerder == (date(2024, 2, 15),)
    assert d.voorstel.behandeling[0].eerder == ()
    assert d.voorstel.wijzigingen == (Wijziging(date(2024, 1, 20), "Het bedrag in de samenvatting was fout."),)
    assert d.uitkomsten[0].wijzigingen[0].datum == date(2024, 3, 2)


def test_eerder_must_lie_before_the_current_date(tiny_site):
    behandeling = [dict(s) for s in BEHANDELING_VERPLAATST]
    behandeling[1]["eerder"] = ["2024-03-07"]
    content = tiny_site(voorstel={"behandeling": behandeling})
    [error] = tiny_site.errors(content)
    assert error.field == "behandeling[2].eerder[1]"
    assert error.line == tiny_site.line_of(content / "voorstellen/2024-010-speeltuin-drielanden.md", "2024-03-07")
    assert "eerdere datum" in error.message


def test_eerder_may_not_lie_before_the_proposal_was_submitted(tiny_site):
    """The feeds announce a move: a meeting before the proposal existed was never its plan."""
    behandeling = [dict(s) for s in BEHANDELING_VERPLAATST]
    behandeling[1]["eerder"] = ["2023-12-14"]  # datumIngediend is 2024-01-16
    content = tiny_site(voorstel={"behandeling": behandeling})
    [error] = tiny_site.errors(content)
    assert error.field == "behandeling[2].eerder[1]" and "ingediend" in error.message


def test_eerder_needs_real_dates(tiny_site):
    behandeling = [dict(s) for s in BEHANDELING_VERPLAATST]
    behandeling[1]["eerder"] = ["2024-02-30"]
    content = tiny_site(voorstel={"behandeling": behandeling})
    [error] = tiny_site.errors(content)
    assert error.field == "behandeling[2].eerder[1]"
    assert "datum bestaat niet" in error.message


def test_wijziging_date_in_range(tiny_site):
    content = tiny_site(besluit={"wijzigingen": [
        {"datum": "2024-02-01", "omschrijving": "Een fout hersteld in de tekst."}]})
    [error] = tiny_site.errors(content)
    assert error.field == "wijzigingen[1].datum"
    assert "2024-02-29" in error.expected
    assert error.line == tiny_site.line_of(content / "besluiten/2024-010.md", "2024-02-01")


def test_wijziging_omschrijving_one_line_not_empty(tiny_site):
    content = tiny_site(voorstel={"wijzigingen": [
        {"datum": "2024-01-20", "omschrijving": "Eerste regel\nen een tweede regel."},
        {"datum": "2024-01-21", "omschrijving": "            "},
        {"datum": "2024-01-22"},
    ]})
    fields = sorted((e.field, e.message) for e in tiny_site.errors(content))
    assert [f for f, _ in fields] == ["wijzigingen[1].omschrijving", "wijzigingen[2].omschrijving",
                                      "wijzigingen[3].omschrijving"]
    assert any("één regel" in m for _, m in fields)


def test_wording_check_reads_wijzigingen_of_undecided_dossier(tiny_site):
    content = tiny_site(besluit=False, voorstel={"wijzigingen": [
        {"datum": "2024-01-20", "omschrijving": "De raad heeft besloten de speeltuin te bouwen."}]})
    errors = tiny_site.errors(content)
    assert any(e.field == "wijzigingen[1].omschrijving" for e in errors), errors


def test_verplaatst_op_lies_between_submission_and_the_new_date_and_not_in_the_future(tiny_site):
    for day, reason in (("2023-12-01", "na het indienen"), ("2024-03-01", "na het indienen"),
                        ("2027-01-01", "toekomst")):
        behandeling = [dict(s) for s in BEHANDELING_VERPLAATST]
        behandeling[1]["verplaatstOp"] = day
        content = tiny_site(voorstel={"behandeling": behandeling})
        errors = [e for e in tiny_site.errors(content) if e.field == "behandeling[2].verplaatstOp"]
        assert any(reason in e.message for e in errors), (day, errors)
