"""The wording check at record depth (raadsinfo.guard_records, run by the loader).

Everything a reader sees of an undecided dossier is checked, with the file, the line
and the field in the Dutch message: the title, summary, portefeuillehouder, asked
decision, ontwerpbesluit, the Markdown body (the line of the sentence itself, its
tooltips too), document titles, the cost and tree explanations, and of an aangehouden
or ingetrokken outcome its explanation, body and the titles, descriptions, indieners
and voting fracties of its moties and amendementen; and the topic names and
descriptions. A doubtful sentence is a warning that a record can
confirm in ``labelcontrole``; ``invoke check`` lists every confirmed sentence.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import FRACTIES_2026, ONDERWERPEN, RAADSPERIODEN, TinySite, dump_yaml
from test_labelling import LEGIT

from raadsinfo import guard_records
from raadsinfo.problems import RecordsInvalid

ROOT = Path(__file__).resolve().parents[1]
VOORSTEL = "content/voorstellen/2026-050-sporthal.md"
UITKOMST = "content/besluiten/2026-050.md"
VELD_BODY = "toelichting (tekst onder de voorkant)"
CLAIM = "De raad heeft dit voorstel unaniem aangenomen."

#: An undecided voorstel of 2026: in behandeling, the vote on 10 December 2026 (after TODAY).
BASIS = {
    "id": "2026-050",
    "titel": "Nieuwe sporthal in Drielanden",
    "datumIngediend": "2026-09-01",
    "portefeuillehouder": "wethouder A. Jansen",
    "onderwerpen": ["onderwijs"],
    "samenvatting": "Het college wil een nieuwe sporthal bouwen in Drielanden. Scholen en clubs kunnen er "
                    "sporten.",
    "gevraagdBesluit": ["Een krediet van 2 miljoen euro beschikbaar stellen voor de sporthal."],
    "behandeling": [{"gremium": "commissie-samenleving", "datum": "2026-10-08", "tijd": "19:30"},
                    {"gremium": "gemeenteraad", "datum": "2026-12-10", "tijd": "19:30"}],
    "documenten": [{"titel": "Raadsvoorstel sporthal", "url": "https://voorbeeld.harderwijk.example/a.pdf"}],
    "kosten": {"bedrag": 2000000, "toelichting": "Bouw en inrichting van de sporthal."},
    "bomen": {"gekapt": 3, "herplant": 5, "toelichting": "Drie bomen staan waar de sporthal komt."},
}
#: The vote was postponed on 29 October 2026.
AANGEHOUDEN = {
    "voorstel": "2026-050",
    "vergaderdatum": "2026-10-29",
    "besluitresultaat": "aangehouden",
    "besluittoelichting": "De raad wil eerst meer weten over de kosten. De stemming is uitgesteld.",
}
MOTIE = {"titel": "Meer ruimte voor clubs", "indieners": ["CDA"], "besluitresultaat": "aangehouden",
         "omschrijving": "Het college zoekt uit wat dit kost."}


def site(tiny: TinySite, voorstel: dict | None = None, body: str = "Toelichting in gewone taal.\n",
         uitkomst: dict | None = None, uitkomst_body: str = "Verslag van de vergadering.\n",
         files: dict | None = None) -> Path:
    """A tiny site with one undecided dossier (2026-050), optionally aangehouden."""
    data = {**BASIS, **(voorstel or {})}
    data = {k: v for k, v in data.items() if v is not None}
    if uitkomst is not None:  # the vote of 29 October was postponed to 10 December
        data["behandeling"] = [*data["behandeling"][:1], {"gremium": "gemeenteraad", "datum": "2026-10-29"},
                               *data["behandeling"][1:]]
    texts = {"voorstellen/2026-050-sporthal.md": tiny.record(data, body)}
    if uitkomst is not None:
        texts["besluiten/2026-050.md"] = tiny.record({**AANGEHOUDEN, **uitkomst}, uitkomst_body)
    return tiny(voorstel=False, besluit=False, files={**texts, **(files or {})})


def problems_of(content: Path) -> list:
    try:
        TinySite.load(content)
    except RecordsInvalid as exc:
        return exc.problems.items
    return TinySite.load(content).warnings.items


def errors_of(content: Path) -> list:
    return [p for p in problems_of(content) if not p.warning]


def wording_warnings(content: Path) -> list:
    return [p for p in problems_of(content) if p.warning and "besloten" in p.message]


# --- the body: the line of the sentence itself ------------------------------------------------

BODY = """De sporthal komt naast de school.

# Besluit van de gemeenteraad

De gemeenteraad heeft dit voorstel
unaniem **aan**genomen.

Het college wil in 2027 beginnen.
"""


def test_a_claim_in_the_body_names_file_line_and_field(tiny_site):
    content = site(tiny_site, body=BODY)
    path = content / "voorstellen" / "2026-050-sporthal.md"
    found = {(p.line, p.field) for p in errors_of(content)}
    assert found == {(tiny_site.line_of(path, "# Besluit van"), VELD_BODY),
                     (tiny_site.line_of(path, "De gemeenteraad heeft dit"), VELD_BODY)}
    report = RecordsInvalid(errors_of_as_problems(content)).problems.report()
    line = tiny_site.line_of(path, "De gemeenteraad heeft dit")
    assert f"{VOORSTEL}:{line}: veld '{VELD_BODY}': de tekst onder de voorkant leest alsof dit voorstel al " \
           "besloten is" in report
    assert "gevonden: 'heeft dit voorstel unaniem aangenomen' in de zin 'De gemeenteraad heeft dit voorstel " \
           "unaniem aangenomen.'" in report
    assert "verwacht: het college stelt de raad voor ...; de raad besluit op 10 december 2026" in report


def errors_of_as_problems(content: Path):
    from raadsinfo.problems import Problems

    problems = Problems()
    problems.items.extend(errors_of(content))
    return problems


def test_the_body_line_counts_blank_lines_and_comments_before_it(tiny_site):
    body = "\n\n<!-- een\nopmerking -->\nEerste alinea.\n\nDe raad is ak<!-- -->koord.\n"
    content = site(tiny_site, body=body)
    path = content / "voorstellen" / "2026-050-sporthal.md"
    [problem] = errors_of(content)
    assert problem.line == tiny_site.line_of(path, "De raad is ak")


# --- every field a reader sees ---------------------------------------------------------------

FIELDS = {
    "titel": ({"titel": "Sporthal: unaniem aangenomen door de raad"}, None, "titel", "titel:"),
    "samenvatting": ({"samenvatting": f"Het college wil een sporthal bouwen. {CLAIM}"}, None, "samenvatting",
                     "samenvatting:"),
    "portefeuillehouder": ({"portefeuillehouder": "wethouder A. Jansen (heeft besloten)"}, None,
                           "portefeuillehouder", "portefeuillehouder:"),
    "gevraagdBesluit": ({"gevraagdBesluit": ["Een krediet beschikbaar stellen.", CLAIM]}, None,
                        "gevraagdBesluit[2]", f"- {CLAIM}"),
    "ontwerpbesluit": ({"ontwerpbesluit": {"aanhef": "De raad van de gemeente Harderwijk;\nbesluit:\n",
                                           "punten": ["het plan vast te stellen;", "Aldus besloten op 10 december "
                                                      "2026."]}}, None, "ontwerpbesluit.punten[2]", "- Aldus"),
    "documenten": ({"documenten": [{"titel": "Besluit van de raad over de sporthal",
                                    "url": "https://voorbeeld.harderwijk.example/b.pdf"}]}, None,
                   "documenten[1].titel", "- titel: Besluit van"),
    "kosten": ({"kosten": {"bedrag": 5, "toelichting": "De raad is akkoord met de kosten."}}, None,
               "kosten.toelichting", "toelichting: De raad is akkoord"),
    "bomen": ({"bomen": {"gekapt": 3, "herplant": 5, "toelichting": "De raad gaf groen licht voor de kap."}}, None,
              "bomen.toelichting", "toelichting: De raad gaf"),
    "besluittoelichting": (None, {"besluittoelichting": "De stemming is uitgesteld. Het plan is rond en gaat door."},
                           "besluittoelichting", "besluittoelichting:"),
    "motie titel": (None, {"moties": [{**MOTIE, "titel": "Aangenomen: meer ruimte voor clubs"}]}, "moties[1].titel",
                    "Aangenomen: meer ruimte"),
    "motie omschrijving": (None, {"moties": [{**MOTIE, "omschrijving": "De raad heeft het plan al goedgekeurd."}]},
                           "moties[1].omschrijving", "omschrijving: De raad heeft"),
    "amendement titel": (None, {"amendementen": [{**MOTIE, "titel": "Raadsbesluit: meer ruimte"}]},
                         "amendementen[1].titel", "Raadsbesluit: meer ruimte"),
    "amendement omschrijving": (None, {"amendementen": [{**MOTIE, "omschrijving": "Het voorstel is bekrachtigd."}]},
                                "amendementen[1].omschrijving", "omschrijving: Het voorstel"),
}


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_a_reader_sees_is_checked_with_its_line(tiny_site, name):
    voorstel, uitkomst, field, needle = FIELDS[name]
    content = site(tiny_site, voorstel=voorstel, uitkomst=uitkomst)
    path = content / ("besluiten/2026-050.md" if uitkomst else "voorstellen/2026-050-sporthal.md")
    errors = [p for p in errors_of(content) if p.field == field]
    assert errors, [p.format() for p in errors_of(content)]
    assert errors[0].path == (UITKOMST if uitkomst else VOORSTEL)
    assert errors[0].line == tiny_site.line_of(path, needle)
    assert "leest alsof dit voorstel al besloten is" in errors[0].message


def test_the_body_of_an_aangehouden_outcome_is_checked(tiny_site):
    content = site(tiny_site, uitkomst={}, uitkomst_body="Verslag.\n\nDe raad heeft het voorstel aangenomen.\n")
    [problem] = errors_of(content)
    assert (problem.path, problem.field, problem.line) == (
        UITKOMST, VELD_BODY, tiny_site.line_of(content / "besluiten/2026-050.md", "De raad heeft het voorstel"))
    assert "(aangehouden)" in problem.message


def test_a_topic_name_is_checked_once_in_the_council_data(tiny_site):
    onderwerpen = {"onderwerpen": [dict(o) for o in ONDERWERPEN["onderwerpen"]]}
    onderwerpen["onderwerpen"][3]["naam"] = "Aangenomen plannen voor onderwijs"
    extra = dict(BASIS, id="2026-051")
    content = site(tiny_site, files={"raad/onderwerpen.yaml": dump_yaml(onderwerpen),
                                     "voorstellen/2026-051-tweede.md": tiny_site.record(extra)})
    [problem] = errors_of(content)
    assert (problem.path, problem.field) == ("content/raad/onderwerpen.yaml", "onderwerpen[4].naam")
    assert problem.line == tiny_site.line_of(content / "raad/onderwerpen.yaml", "Aangenomen plannen")


@pytest.mark.parametrize("naam", ["Goedgekeurde plannen", "Genomen besluiten", "Besluiten over onderwijs"])
def test_a_topic_name_may_not_call_its_proposals_decided(tiny_site, naam):
    onderwerpen = {"onderwerpen": [dict(o) for o in ONDERWERPEN["onderwerpen"]]}
    onderwerpen["onderwerpen"][3]["naam"] = naam
    [problem] = errors_of(site(tiny_site, files={"raad/onderwerpen.yaml": dump_yaml(onderwerpen)}))
    assert problem.field == "onderwerpen[4].naam" and "besluit" in problem.message


def test_a_title_may_not_name_an_outcome(tiny_site):
    [problem] = errors_of(site(tiny_site, voorstel={"titel": "Nieuwe sporthal (aangehouden)"}))
    assert problem.field == "titel" and "uitkomst" in problem.message


def test_a_title_error_suggests_the_bare_title(tiny_site):
    [problem] = errors_of(site(tiny_site, voorstel={"titel": "Besluit: nieuwe sporthal"}))
    assert "bijvoorbeeld 'nieuwe sporthal'" in problem.expected and "Voorstel aan de raad:" in problem.expected


@pytest.mark.parametrize("samenvatting", [
    "Het college wil een sporthal. De raad heeft be\u200bsloten de sporthal te bouwen.",
    "Het college wil een sporthal. De raad heeft b\u0435sloten de sporthal te bouwen.",
    "Het college wil een sporthal. De raad heeft het voorstel **aan**genomen.",
    "Het college wil een sporthal. De raad heeft het voorstel <b>aan</b>genomen.",
    "Het college wil een sporthal. De raad heeft het voorstel aan\u2060genomen.",
])
def test_hidden_characters_look_alikes_and_markup_in_a_field(tiny_site, samenvatting):
    [problem] = errors_of(site(tiny_site, voorstel={"samenvatting": samenvatting}))
    assert problem.field == "samenvatting"


# --- no false refusals -----------------------------------------------------------------------

ONTWERP = {"aanhef": "De raad van de gemeente Harderwijk;\ngelezen het voorstel van burgemeester en wethouders van "
                     "1 september 2026;\ngelet op artikel 147 van de Gemeentewet;\nbesluit:\n",
           "punten": ["de Verordening sporthal Harderwijk 2027 vast te stellen;",
                      "een krediet van € 2.000.000 beschikbaar te stellen."]}
FORMULE = ("De raad van de gemeente Harderwijk; gelezen het voorstel van burgemeester en wethouders van 1 september "
           "2026; gelet op artikel 147 van de Gemeentewet; besluit: 1. de Verordening sporthal vast te stellen; "
           "2. een krediet beschikbaar te stellen.")


def test_legitimate_dutch_builds_in_every_field(tiny_site):
    zinnen = [text for text, _, kop in LEGIT if not kop and text[0].isupper() and len(text) > 20]
    body = "## Ontwerpbesluit\n\n" + FORMULE + "\n\n## Achtergrond\n\n" + "\n\n".join(zinnen) + "\n"
    content = site(tiny_site, body=body, voorstel={
        "samenvatting": "Het college wil een sporthal. De provincie heeft besloten de weg te verbreden. Het plan "
                        "is pas definitief als de raad ja zegt. Het definitief ontwerp ligt ter inzage.",
        "gevraagdBesluit": [FORMULE, "De raad besluit op 10 december over de sporthal."],
        "ontwerpbesluit": ONTWERP,
        "documenten": [{"titel": "Besluit Jeugdwet (uittreksel)", "url": "https://voorbeeld.harderwijk.example/c"},
                       {"titel": "Uitspraak van de Raad van State", "url": "https://voorbeeld.harderwijk.example/d"}],
        "kosten": {"bedrag": 5, "toelichting": "Eerder besloot de raad in 2019 om hiervoor geld te reserveren."},
        "bomen": {"gekapt": 3, "herplant": 5, "toelichting": "De rechter heeft het bezwaar tegen de kap afgewezen."},
    }, uitkomst={"besluittoelichting": "De raad wil eerst meer weten. Als de raad het voorstel heeft aangenomen, "
                                       "begint de bouw.", "moties": [MOTIE]},
        uitkomst_body="In een besloten vergadering sprak de commissie erover. Er is nog niets besloten.\n")
    assert problems_of(content) == []


def test_a_resubmitted_plan_may_carry_the_title_of_a_decided_one(tiny_site):
    """Dossiers are told apart by their id, never by their title."""
    decided = tiny_site.voorstel()  # 2024-010, aangenomen
    content = site(tiny_site, voorstel={"titel": decided["titel"]},
                   files={"voorstellen/2024-010-speeltuin-drielanden.md": tiny_site.record(decided),
                          "besluiten/2024-010.md": tiny_site.record(tiny_site.besluit())})
    loaded = TinySite.load(content)
    assert [(d.id, d.titel, d.is_besluit) for d in loaded.dossiers] == [
        ("2024-010", decided["titel"], True), ("2026-050", decided["titel"], False)]


def test_a_decided_dossier_is_not_checked(tiny_site):
    content = tiny_site(files={"voorstellen/2024-010-speeltuin-drielanden.md": tiny_site.record(
        tiny_site.voorstel(), "De raad heeft het voorstel aangenomen.\n")})
    assert tiny_site.errors(content) == []


# --- doubts, confirmations ---------------------------------------------------------------------

#: In the year of the proposal, without a day: an earlier decision, or this one?
TWIJFEL = "De raad heeft in 2026 besloten dat scholen voorrang krijgen."


def test_a_doubtful_sentence_is_a_warning_with_the_way_to_confirm_it(tiny_site):
    content = site(tiny_site, body=f"Inleiding.\n\n{TWIJFEL}\n")
    [warning] = problems_of(content)
    assert warning.warning and warning.field == VELD_BODY
    assert warning.line == tiny_site.line_of(content / "voorstellen/2026-050-sporthal.md", "De raad heeft in 2026")
    assert "twijfelgeval" in warning.message and "2026" in warning.hint and "labelcontrole:" in warning.hint


def test_a_confirmed_sentence_gives_no_warning_and_is_listed(tiny_site):
    reden = "Dit gaat over het besluit over de scholen van maart, niet over dit voorstel."
    content = site(tiny_site, body=f"Inleiding.\n\n{TWIJFEL}\n",
                   voorstel={"labelcontrole": [{"zin": "in 2026 besloten", "reden": reden}]})
    loaded = TinySite.load(content)
    assert loaded.warnings.items == []
    [bevestigd] = loaded.labelcontrole
    assert (bevestigd.path, bevestigd.field, bevestigd.zin, bevestigd.reden) == (VOORSTEL, VELD_BODY, TWIJFEL, reden)
    assert bevestigd.line == tiny_site.line_of(content / "voorstellen/2026-050-sporthal.md", "De raad heeft in 2026")
    assert TWIJFEL in guard_records.rapport_bevestigd(loaded.labelcontrole)


def test_an_outcome_confirms_its_own_sentences(tiny_site):
    content = site(tiny_site, uitkomst={
        "besluittoelichting": "De stemming is uitgesteld. De commissie heeft ingestemd met een extra onderzoek.",
        "labelcontrole": [{"zin": "De commissie heeft ingestemd", "reden": "Het gaat om een onderzoek, niet om "
                                                                           "het voorstel."}]})
    loaded = TinySite.load(content)
    assert loaded.warnings.items == [] and [b.path for b in loaded.labelcontrole] == [UITKOMST]


def test_an_unused_confirmation_is_a_warning(tiny_site):
    content = site(tiny_site, voorstel={"labelcontrole": [{"zin": "Deze zin staat er niet meer in",
                                                           "reden": "Hij is weggehaald bij een correctie."}]})
    [warning] = problems_of(content)
    assert warning.warning and warning.field == "labelcontrole[1].zin"
    assert warning.line == tiny_site.line_of(content / "voorstellen/2026-050-sporthal.md", "- zin:")


def test_a_confirmation_never_silences_an_error(tiny_site):
    content = site(tiny_site, body=f"Inleiding.\n\n{CLAIM}\n",
                   voorstel={"labelcontrole": [{"zin": CLAIM, "reden": "Wij vinden het wel goed zo."}]})
    [error] = errors_of(content)
    assert error.field == VELD_BODY and "labelcontrole[1]" in error.hint and "twijfelgeval" in error.hint
    assert [p for p in problems_of(content) if p.warning] == []  # not also 'unused'


def test_a_confirmation_never_applies_to_a_title_or_heading(tiny_site):
    content = site(tiny_site, voorstel={"titel": "Besluit Stationslaan", "labelcontrole": [
        {"zin": "Besluit Stationslaan", "reden": "Zo heet de regeling van de provincie."}]},
        body="## De commissie heeft ingestemd\n\nTekst.\n")
    fields = {p.field for p in errors_of(content)}
    assert fields == {"titel", VELD_BODY}


def test_an_undecided_outcome_cannot_be_published(tiny_site):
    [error] = errors_of(site(tiny_site, uitkomst={"bekendmaking": {"datum": "2026-11-05"}}))
    assert error.field == "bekendmaking" and error.path == UITKOMST


def test_the_sample_site_has_no_wording_problem():
    loaded = TinySite.load(ROOT / "content")
    assert not [p for p in loaded.warnings.items if "besloten" in p.message]


# --- the guard's own invariant -------------------------------------------------------------------


def test_site_invariant_catches_a_besluit_without_vote():
    from raadsinfo.dossier import Dossier
    from raadsinfo.model import Uitkomst, Voorstel

    class FakeSite:
        pass

    v = Voorstel("2026-009", "Sporthal", date(2026, 9, 1), "wethouder", ("bestuur",), "Samenvatting.", ("Iets",), ())
    fake = FakeSite()
    fake.dossiers = [Dossier(v, [Uitkomst(v.id, date(2026, 10, 8), "aangenomen", source="x.md")])]
    problems = guard_records.site_problems(fake)
    assert problems and "geen stemming" in problems.report()
    with pytest.raises(RecordsInvalid):
        guard_records.check_site(fake)


# --- invoke check ------------------------------------------------------------------------------


def _invoke_check(content: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27"}
    return subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_invoke_check_refuses_a_claim_with_file_line_and_field(tiny_site):
    content = site(tiny_site, body=BODY)
    result = _invoke_check(content)
    assert result.returncode != 0
    line = tiny_site.line_of(content / "voorstellen/2026-050-sporthal.md", "De gemeenteraad heeft dit")
    assert f"{VOORSTEL}:{line}: veld '{VELD_BODY}': de tekst onder de voorkant leest alsof dit voorstel al " \
           "besloten is" in result.stderr
    assert "Traceback" not in result.stderr and "Alles in orde" not in result.stdout


def test_invoke_check_lists_every_confirmed_sentence(tiny_site):
    reden = "Dit gaat over het besluit over de scholen van maart, niet over dit voorstel."
    content = site(tiny_site, body=f"Inleiding.\n\n{TWIJFEL}\n",
                   voorstel={"labelcontrole": [{"zin": "in 2026 besloten", "reden": reden}]})
    result = _invoke_check(content)
    assert result.returncode == 0, result.stderr
    line = tiny_site.line_of(content / "voorstellen/2026-050-sporthal.md", "De raad heeft in 2026")
    assert "Bevestigd in 'labelcontrole' (1)" in result.stdout
    assert f"{VOORSTEL}:{line}: veld '{VELD_BODY}': \"{TWIJFEL}\" (reden: {reden})" in result.stdout
    assert "Alles in orde" in result.stdout


# --- found by the red team: markup, tooltips, formula lines, the asked decision -----------------

#: (body, what the check must say): "fout" an error, "ok" nothing, "twijfel" a warning.
BODIES = {
    "line-end hyphen": ("Het voorstel is aange-\nnomen door de raad.", "fout"),
    "character reference": ("Het voorstel is &#x61;angenomen.", "fout"),
    "link text": ("Het voorstel is [aangenomen](#).", "fout"),
    "link title (a tooltip)": ('Zie [het voorstel](https://x.example "De raad heeft het voorstel aangenomen").',
                               "fout"),
    "reference link title": ('Zie [het voorstel][v].\n\n[v]: https://x.example "Aangenomen door de raad"', "fout"),
    "abbr title (a tooltip)": ('De <abbr title="De raad heeft het voorstel aangenomen">BW</abbr> doet mee.', "fout"),
    "title of any tag": ('<p title="Besluit: aangenomen">Tekst</p>', "fout"),
    "abbreviation definition": ("BW doet mee.\n\n*[BW]: De raad heeft het voorstel aangenomen", "fout"),
    "bold pseudo heading": ("**Besluit**\n\nDe sporthal komt er.", "fout"),
    "table cell with a vote count": ("| Stemming | Uitslag |\n|---|---|\n| Raad | 25 voor, 4 tegen |", "fout"),
    "footnote": ("Tekst[^1].\n\n[^1]: De raad heeft het voorstel aangenomen.", "fout"),
    "details summary": ("<details><summary>Besluit</summary>Tekst</details>", "fout"),
    "right-to-left override over a line end": ("Het voorstel is \u202e\nnemonegnaa", "fout"),
    "digits for letters": ("Het voorstel is aangen0men.", "fout"),
    "letters apart": ("De raad is a k k o o r d.", "fout"),
    "check mark in a heading": ("## \u2705 Sporthal\n\nTekst.", "fout"),
    "a date after the day of submission": ("Op 29 oktober 2026 heeft de raad besloten de sporthal te bouwen.", "fout"),
    "German": ("Der Rat hat den Vorschlag angenommen.", "fout"),
    "present tense outside the asked decision": ("## Waarom?\n\nDe raad stelt de verordening vast.", "fout"),
    "'besluit:' with a claim after it": ("**Besluit:**\n\nDe sporthal komt er, de raad is akkoord.", "fout"),
    "a comment (not shown)": ("Tekst.\n\n<!-- De raad heeft het voorstel aangenomen. -->", "ok"),
    "the formula, line by line": (
        "De raad van de gemeente Harderwijk;\n\ngelezen het voorstel van burgemeester en wethouders van 1 september "
        "2026;\n\ngelet op artikel 147 van de Gemeentewet;\n\n**besluit:**\n\n1. de Verordening sporthal Harderwijk "
        "2027 vast te stellen;\n2. de oude regeling in te trekken.\n\nAldus besloten in de openbare vergadering van "
        "... (datum)", "ok"),
    "present tense under 'Wat wordt de raad gevraagd?'": (
        "## Wat wordt de raad gevraagd?\n\nDe raad stelt de verordening vast.\n\n## Waarom?\n\nOmdat het moet.", "ok"),
    "an earlier decision, dated before the proposal": ("Op 12 maart 2026 heeft de raad de kadernota vastgesteld.",
                                                       "ok"),
    "the college deciding something of its own": ("Het college heeft besloten een onderzoek te laten doen.",
                                                  "twijfel"),
}


@pytest.mark.parametrize("name", BODIES)
def test_the_body_is_read_as_a_reader_reads_it(tiny_site, name):
    body, verwacht = BODIES[name]
    problems = problems_of(site(tiny_site, body=body + "\n"))
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    assert ("fout" if errors else "twijfel" if warnings else "ok") == verwacht, [p.format() for p in problems]
    assert all(p.field == VELD_BODY and p.line is not None for p in problems)


def test_the_present_tense_is_the_question_in_the_asked_decision(tiny_site):
    content = site(tiny_site, voorstel={"gevraagdBesluit": ["De raad stelt de verordening vast.",
                                                            "De raad kiest voor variant B."]})
    assert problems_of(content) == []


def test_a_portefeuillehouder_is_a_name_without_a_decision(tiny_site):
    errors = errors_of(site(tiny_site, voorstel={"portefeuillehouder": "wethouder L. Smit, die het raadsbesluit nu "
                                                                        "uitvoert"}))
    assert [e.field for e in errors][:1] == ["portefeuillehouder"]


def test_a_motie_titled_like_the_undecided_proposal_is_refused(tiny_site):
    """Its own result beside it ("Unaniem aangenomen") would read as the proposal adopted."""
    content = site(tiny_site, uitkomst={"moties": [{**MOTIE, "titel": BASIS["titel"].upper()}]})
    [error] = errors_of(content)
    assert (error.path, error.field) == (UITKOMST, "moties[1].titel") and "titel van het voorstel" in error.message


def test_the_indieners_and_fracties_of_a_motie_are_checked(tiny_site):
    content = site(tiny_site, uitkomst={"moties": [{**MOTIE, "indieners": ["CDA", "Raad: voorstel aangenomen"]}]})
    [error] = errors_of(content)
    assert (error.path, error.field) == (UITKOMST, "moties[1].indieners[2]")
    assert error.line == tiny_site.line_of(content / "besluiten/2026-050.md", "Raad: voorstel aangenomen")


def test_a_fractie_name_in_the_votes_on_a_motie_is_checked(tiny_site):
    raad = {**RAADSPERIODEN, "perioden": [dict(p) for p in RAADSPERIODEN["perioden"]]}
    namen = [(("Besluit: aangenomen" if n == "SGP" else n), z) for n, z in FRACTIES_2026]
    raad["perioden"][1]["fracties"] = [{"naam": n, "zetels": z} for n, z in namen]
    motie = {**MOTIE, "besluitresultaat": "aangenomen",
             "stemmingen": [{"fractie": n, "fractiestemresultaat": "voor"} for n, _ in namen]}
    content = site(tiny_site, uitkomst={"moties": [motie]}, files={"raad/raadsperioden.yaml": dump_yaml(raad)})
    fields = {p.field for p in errors_of(content)}
    assert fields == {f"moties[1].stemmingen[{len(namen) - 1}].fractie"}, fields


def test_a_topic_description_is_checked(tiny_site):
    onderwerpen = {"onderwerpen": [dict(o) for o in ONDERWERPEN["onderwerpen"]]}
    onderwerpen["onderwerpen"][3]["omschrijving"] = "Alle voorstellen hier zijn door de raad aangenomen."
    content = site(tiny_site, files={"raad/onderwerpen.yaml": dump_yaml(onderwerpen)})
    [problem] = errors_of(content)
    assert (problem.path, problem.field) == ("content/raad/onderwerpen.yaml", "onderwerpen[4].omschrijving")


@pytest.mark.parametrize(("raad", "zin", "fout"), [
    ({"kernen": ["Hierden"]}, "De gemeenteraad van Hierden heeft het voorstel aangenomen.", True),
    ({}, "De gemeenteraad van Ermelo heeft het voorstel aangenomen.", False),
    ({"gemeente": "Ermelo"}, "De gemeenteraad van Ermelo heeft het voorstel aangenomen.", True),
    ({"gemeente": "Ermelo"}, "De gemeenteraad van Harderwijk heeft het plan in september aangenomen.", False),
    ({}, "Gemeentebelang stemde tegen het voorstel.", True),
])
def test_the_names_of_the_municipality_come_from_the_council_data(tiny_site, raad, zin, fout):
    data = {**RAADSPERIODEN, **raad}
    content = site(tiny_site, body=zin + "\n", files={"raad/raadsperioden.yaml": dump_yaml(data)})
    assert bool(errors_of(content)) is fout, [p.format() for p in problems_of(content)]


def test_the_council_data_names_the_municipality_of_the_site(tiny_site, tmp_path):
    """Otherwise "De raad van Harderwijk heeft het voorstel aangenomen" would read as
    another council's decision and pass."""
    import subprocess
    import sys

    from conftest import RAADSPERIODEN, ROOT, run_pelican

    content = tiny_site(besluit=False, files={"raad/raadsperioden.yaml": dump_yaml({**RAADSPERIODEN,
                                                                                     "gemeente": "Ermelo"})})
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode != 0 and "raadsperioden.yaml" in result.output and "gemeente" in result.output
    check = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=ROOT, capture_output=True, text=True,
                           env={**__import__("os").environ, "RAADSINFO_CONTENT": str(content)})
    assert check.returncode != 0 and "'Ermelo'" in check.stdout + check.stderr


def test_the_check_gives_the_same_problems_in_the_worker_pool(tiny_site, monkeypatch):
    """check_dossiers runs per dossier in forked workers on a big site; the problems, their
    order and the confirmed sentences are the same as in one process."""
    content = site(tiny_site, voorstel={"samenvatting": "De raad heeft het plan al aangenomen."})
    found = []
    for parallel_from in ("1000000", "1"):
        monkeypatch.setenv("RAADSINFO_PARALLEL_FROM", parallel_from)
        found.append([(p.path, p.line, p.field, p.message) for p in errors_of(content)])
    assert found[0] == found[1] and found[0]
