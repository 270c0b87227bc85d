"""The language of the labelling rule (raadsinfo.labelling) and its record-depth checks.

Must-fail: texts that present an undecided proposal as decided, in any capitalisation
or inflection. Must-pass: the legitimate wording of real proposals.
"""

from datetime import date

import pytest
from guard_helpers import Spec, write_site

from raadsinfo import labelling
from raadsinfo.labelling import Plek, claims, has_besluit_label, has_voorstel_label
from raadsinfo.loader import load_site
from raadsinfo.problems import RecordsInvalid

L, S, T = Plek.LABEL, Plek.STATUS, Plek.TEKST

MUST_FAIL = [
    ("De raad heeft besloten de sporthal te bouwen.", T, "voltooid"),
    ("De gemeenteraad heeft op 10 december besloten dat de sporthal er komt.", T, "voltooid"),
    ("Het is besloten om de weg af te sluiten.", T, "voltooid"),
    ("Wat besloten is, gaat door.", T, "omgekeerd"),
    ("Besluit van de raad over de sporthal", T, "besluit-van"),
    ("Dit is een besluit van de gemeenteraad.", T, "besluit-van"),
    ("Raadsbesluit: nieuwe sporthal", L, "label-besluit"),
    ("Besluit: Bomen langs de Stationslaan vervangen", L, "label-besluit"),
    ("BESLOTEN: Bomen langs de Stationslaan", L, "label-besluit"),
    ("Besloten - Bomen langs de Stationslaan", L, "label-besluit"),
    ("besluit | Raadsinformatie Harderwijk", L, "label-besluit"),
    ("Voorstel aan de raad: Sporthal (aangenomen)", L, "statuswoord"),
    ("Voorstel, aangenomen", S, "statuswoord"),
    ("Voorstel, VERWORPEN", S, "statuswoord"),
    ("Vastgesteld", S, "statuswoord"),
    ("Besluit", S, "label-begin"),
    ("De gemeente heeft besloten de sporthal te bouwen.", T, "voltooid"),
    ("Het college heeft besloten de sporthal te bouwen.", T, "voltooid"),
    ("Het plan is definitief.", T, "voltooid"),
    ("Definitief: nieuwe sporthal", L, "label-uitslag"),
    ("Aangenomen: nieuwe sporthal", L, "label-uitslag"),
    ("De raad besloot de sporthal te bouwen.", T, "verleden-tijd"),
    ("De fracties stemden in met het plan.", T, "verleden-tijd"),
    ("De raad keurde het plan goed.", T, "verleden-tijd"),
    ("Het voorstel is niet aangenomen.", T, "niet-aangenomen"),
    ("De raad heeft een besluit genomen over de sporthal.", T, "besluit-genomen"),
    ("Besluit tot aankoop van grond aan de Haven", L, "label-begin"),
    ("Het voorstel werd unaniem aangenomen.", T, "voltooid"),
    ("De raad van Harderwijk besluit: vast te stellen het bestemmingsplan.", T, "label-besluit"),
    ("De raad heeft het voorstel goedgekeurd.", T, "voltooid"),
    ("De begroting is vastgesteld.", T, "voltooid"),
    ("De raad HEEFT BESLOTEN", T, "voltooid"),
    ("Voorstel aan de raad: Sporthal definitief", L, "statuswoord"),
    # ambiguous: an earlier decision, or this one? Fails with an explanation of both readings.
    ("De raad heeft in 2019 besloten dat er een sporthal komt.", T, "jaartal"),
    ("Besluit Stationslaan", T, "regeling-onbekend"),
]

MUST_PASS = [
    ("Voorstel aan de raad: Aanpassing aan het Besluit bouwwerken leefomgeving", L),
    ("Voorstel aan de raad: Regels uit het Besluit kwaliteit leefomgeving toepassen", L),
    ("Het Besluit ruimtelijke ordening schrijft dit voor.", T),
    ("het besluit activiteiten leefomgeving", T),
    ("Het ontwerpbesluit ligt ter inzage.", T),
    ("Het conceptbesluit staat hieronder.", T),
    ("Voorgesteld besluit: een krediet van 1 miljoen euro.", T),
    ("Gevraagd besluit: de raad stelt het plan vast.", T),
    ("De besluitvorming is op 10 december.", T),
    ("Zie de besluitenlijst van de commissie.", T),
    ("Het college stelt de raad voor een krediet beschikbaar te stellen.", T),
    ("Het college heeft besloten de raad voor te stellen een krediet beschikbaar te stellen.", T),
    ("Het college heeft op 16 april besloten om de gemeenteraad voor te stellen de sporthal te bouwen.", T),
    ("De raad besluit op 10 december.", T),
    ("De raad besluit naar verwachting in december.", T),
    ("De raad neemt een besluit op 10 december.", T),
    ("De raad neemt naar verwachting op 10 december een definitief besluit.", T),
    ("De raad gaat besluiten over de sporthal.", T),
    ("De raad moet nog besluiten.", T),
    ("Het college vraagt de raad om te besluiten over de sporthal.", T),
    ("Voorstel aan de gemeenteraad, nog niet besloten: De bomen zijn ziek.", T),
    ("Dit is een voorstel. De gemeenteraad heeft er nog niet over besloten.", T),
    ("De raad heeft de stemming uitgesteld. Het voorstel komt later terug; er is nog niets besloten.", T),
    ("Het college heeft dit voorstel teruggenomen. De raad stemt er niet over; er is niets besloten.", T),
    ("De raad heeft nog geen besluit genomen.", T),
    ("Voorstel, nog niet besloten", S),
    ("Voorstel, aangehouden", S),
    ("Voorstel, ingetrokken", S),
    ("Voorstel aan de raad: Bomen langs de Stationslaan vervangen | Raadsinformatie Harderwijk", L),
    ("Voorstel aan de raad: Wijziging van het vastgestelde bestemmingsplan", L),
    ("Als de raad het voorstel aanneemt, is het plan definitief.", T),
    ("Als de raad het voorstel heeft aangenomen, begint de bouw.", T),
    ("Zodra de raad heeft besloten, hoort u het van ons.", T),
    ("Het eerder vastgestelde beleid wordt aangepast.", T),
    ("De raad heeft eerder besloten dat er een sporthal komt.", T),
    ("Het eerdere besluit van de raad uit 2019 wordt aangepast.", T),
    ("In een besloten vergadering sprak de commissie erover.", T),
    ("Voorstel aan de raad: Besluit digitale toegankelijkheid overheid toepassen", L),
    ("Stemming gepland op 10 december 2026", S),
    ("De raad stemt naar verwachting op donderdag 10 december 2026.", T),
]


@pytest.mark.parametrize(("text", "plek", "code"), MUST_FAIL, ids=[t for t, _, _ in MUST_FAIL])
def test_claim_is_rejected(text, plek, code):
    found = claims(text, plek)
    assert found, f"not rejected: {text!r}"
    assert found[0].regel.code == code
    melding = found[0].melding()
    assert "Schrijf in plaats daarvan" in melding and found[0].regel.reden in melding


@pytest.mark.parametrize(("text", "plek"), MUST_PASS, ids=[t for t, _ in MUST_PASS])
def test_allowed_wording_passes(text, plek):
    assert claims(text, plek) == [], [c.regel.code + ": " + c.gevonden for c in claims(text, plek)]


def test_ambiguous_case_says_so_and_explains_both_readings():
    claim = claims("De raad heeft in 2019 besloten dat er een sporthal komt.", T)[0]
    assert claim.regel.twijfel
    assert claim.melding().startswith("Twijfelgeval")
    assert "eerder" in claim.melding() and "<datum>" in claim.melding()


def test_status_word_is_allowed_in_running_text_but_not_in_a_label():
    # "aangenomen" alone in running text ("als ... aangenomen") is no claim; as a label it is.
    assert claims("Voorstel, aangenomen", S)
    assert claims("Sporthal aangenomen", L)
    assert not claims("Wordt het voorstel aangenomen, dan begint de bouw in 2027.", T)


def test_word_boundaries_besluitvorming_is_not_besluit():
    assert not claims("Besluitvorming", S)
    assert claims("Besluit", S)


def test_typographic_quotes_soft_hyphens_and_spaces_are_normalised():
    assert claims("De raad\u00a0heeft   be\u00adsloten", T)


def test_labels_positive_side():
    assert has_voorstel_label("Voorstel aan de raad: Sporthal")
    assert has_voorstel_label("raadsvoorstel sporthal")
    assert not has_voorstel_label("Sporthal aan de Haven")
    assert not has_voorstel_label("Voorstellen en besluiten")  # plural is a section name, not a label
    assert has_besluit_label("Besluit: Sporthal")
    assert not has_besluit_label("Voorstel aan de raad: Besluit kwaliteit leefomgeving toepassen")


def test_every_rule_and_allowance_is_documented_in_dutch():
    for regel in labelling.REGELS:
        assert regel.reden and regel.schrijf and regel.code
    for toegestaan in labelling.TOEGESTAAN:
        assert toegestaan.uitleg
    assert {r.code for r in labelling.REGELS} >= {code for _, _, code in MUST_FAIL}


# --- record depth (raadsinfo.guard_records, run by the loader) -------------------


def _load(tmp_path, specs, edit=None):
    content = write_site(tmp_path / "content", specs)
    if edit:
        edit(content)
    return load_site(content, today=date(2026, 11, 27))


def test_voorstel_title_cannot_declare_itself_decided(tmp_path):
    with pytest.raises(RecordsInvalid) as exc:
        _load(tmp_path, [Spec("2026-001", "Besluit: nieuwe sporthal")])
    report = exc.value.problems.report()
    assert "content/voorstellen/2026-001-dossier.md:3: veld 'titel'" in report
    assert "gevonden: 'Besluit:'" in report
    assert "bijvoorbeeld 'nieuwe sporthal'" in report and "'Voorstel aan de raad:'" in report


def test_voorstel_summary_cannot_claim_a_decision(tmp_path):
    spec = Spec("2026-002", "Nieuwe sporthal", samenvatting="De raad heeft besloten een sporthal te bouwen.")
    with pytest.raises(RecordsInvalid) as exc:
        _load(tmp_path, [spec])
    problem = exc.value.problems.errors[0]
    assert problem.field == "samenvatting" and problem.line == 7
    assert "heeft besloten" in problem.found


def test_legitimate_proposal_wording_loads(tmp_path):
    spec = Spec("2026-003", "Regels uit het Besluit kwaliteit leefomgeving toepassen",
                samenvatting="Het college heeft besloten de raad voor te stellen het ontwerpbesluit vast te "
                             "stellen. De raad besluit op 10 december.")
    site = _load(tmp_path, [spec])
    assert site.dossiers[0].label.value == "voorstel"


def test_undecided_outcome_cannot_explain_itself_as_decision(tmp_path):
    def edit(content):
        path = content / "besluiten" / "2026-004.md"
        path.write_text(path.read_text().replace(
            "---\n", "---\n", 1).replace("besluitresultaat: aangehouden\n",
                                         "besluitresultaat: aangehouden\nbesluittoelichting: "
                                         "De raad heeft besloten de sporthal te bouwen.\n"
                                         "bekendmaking: {datum: \"2026-10-15\"}\n"))

    with pytest.raises(RecordsInvalid) as exc:
        _load(tmp_path, [Spec("2026-004", "Sporthal", "aangehouden")], edit)
    fields = {p.field for p in exc.value.problems.errors}
    assert {"besluittoelichting", "bekendmaking"} <= fields


def test_final_result_without_votes_is_not_a_besluit(tmp_path):
    def edit(content):
        path = content / "besluiten" / "2026-005.md"
        text = path.read_text()
        toelichting = "besluittoelichting: De raad vindt een nieuwe sporthal goed voor de stad.\n---\n"
        path.write_text(text[: text.index("stemmingen:")] + toelichting)

    with pytest.raises(RecordsInvalid) as exc:
        _load(tmp_path, [Spec("2026-005", "Sporthal", "aangenomen")], edit)
    assert any("stemmingen" in p.format() for p in exc.value.problems.errors)


def test_site_invariant_catches_a_besluit_without_vote():
    from raadsinfo import guard_records
    from raadsinfo.dossier import Dossier
    from raadsinfo.model import Uitkomst

    class FakeSite:
        pass

    v = _load_sample_voorstel()
    site = FakeSite()
    site.dossiers = [Dossier(v, [Uitkomst(v.id, date(2026, 10, 8), "aangenomen", source="x.md")])]
    problems = guard_records.site_problems(site)
    assert problems and "geen stemming" in problems.report()
    with pytest.raises(RecordsInvalid):
        guard_records.check_site(site)


def _load_sample_voorstel():
    from raadsinfo.model import Voorstel

    return Voorstel("2026-009", "Sporthal", date(2026, 9, 1), "wethouder", ("bestuur",), "Samenvatting.",
                    ("Iets",), ())
