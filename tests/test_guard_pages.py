"""The labelling rule on explainer pages and the glossary (raadsinfo/guard_pages.py).

A page may talk about decisions in general; it may never present a *named* undecided
proposal (by title, number or link) as decided. Checked at load time, so ``invoke
check`` and the build refuse the same page, with its file, line and field.
"""

from __future__ import annotations

import pytest
from conftest import FRACTIES_2022, TinySite

from raadsinfo.loader import load_site

TITEL = "Nieuwe speeltuin in Drielanden"  # the undecided voorstel 2024-010 of the tiny site


def page(body: str, title: str = "Over de raad") -> str:
    return f"Title: {title}\nSlug: uitleg\n\n{body}\n"


def errors_of(tiny_site, body: str = "", title: str = "Over de raad", besluit=False, files=None):
    content = tiny_site(besluit=besluit, files={"pages/uitleg.md": page(body, title), **(files or {})})
    return [p for p in TinySite.errors(content) if "pages/uitleg.md" in str(p.path)]


def warnings_of(tiny_site, body: str):
    content = tiny_site(besluit=False, files={"pages/uitleg.md": page(body)})
    return [p for p in load_site(content, today=TinySite.load.__defaults__[0]).warnings.warnings
            if "pages/uitleg.md" in str(p.path)]


CLAIMS = [
    # in prose, by title
    f"De raad heeft het plan '{TITEL}' aangenomen.",
    f"{TITEL} is aangenomen door de raad.",
    f"Goed nieuws: {TITEL} is erdoor!",
    f"Het voorstel {TITEL} kreeg groen licht.",
    # by number or link, without the title
    "Raadsvoorstel 2024-010 is aangenomen.",
    "De raad heeft [de speeltuin](../dossiers/2024-010.html) unaniem aangenomen.",
    "De raad nam [het plan]({filename}/voorstellen/2024-010-speeltuin-drielanden.md) aan.",
    "Volg [het besluit](../feeds/dossier/2024-010.atom): de raad heeft ja gezegd.",
    "Zet [de vergadering](../agenda/dossier/2024-010.ics) in uw agenda: de raad is akkoord.",
    # an outcome word right next to the title
    f"- {TITEL} (aangenomen)",
    f"{TITEL}: akkoord",
    f"Aangenomen – {TITEL}",
    f"**Besluit**: {TITEL}",
    # hidden characters and markup
    f"{TITEL} is aan\u200bgenomen.",
    f"{TITEL} is **aan**genomen.",
    # a table row: the label and the title in two cells
    f"| Voorstel | Uitslag |\n|---|---|\n| {TITEL} | Aangenomen |",
    # a definition list
    f"{TITEL}\n:   Aangenomen door de raad",
    # an outcome in the block right after the title, or after a heading that is the title
    f"{TITEL}\n\nAangenomen.",
    f"## {TITEL}\n\nAangenomen!",
    # a reference-style link, and a link in raw HTML
    "De raad heeft [het plan][1] aangenomen.\n\n[1]: ../dossiers/2024-010.html",
    'De raad heeft <a href="../dossiers/2024-010.html">het plan</a> aangenomen.',
    # percent-encoded, and the number written with a slash
    "[Het plan](../dossiers/2024%2D010.html) is aangenomen door de raad.",
    "Voorstel 2024/010 is aangenomen door de raad.",
    # what introduces a list or a table above the title
    f"De raad heeft deze plannen goedgekeurd:\n\n- {TITEL}",
    f"De raad heeft op 28 januari ja gezegd tegen dit plan:\n\n{TITEL}.",
    f"| Genomen besluit |\n|---|\n| {TITEL} |",
    f"<h2>Genomen besluiten</h2>\n\n- {TITEL}",
    f"**Genomen besluiten**\n\n- {TITEL}",
    f"## Uitslagen van januari\n\n- {TITEL}",
    f"## Wat de raad koos\n\n- {TITEL}",
    f"{TITEL} \u2705",
    # round 2: a bare title and the block after it, an "in force" heading, "./" in a link
    f"{TITEL}\n\nDe raad stemde voor.",
    f"1. {TITEL}\n\n    Aangenomen op 28 januari.",
    f"## Nieuwe regels die nu gelden\n\n- [{TITEL}](../dossiers/2024-010.html)",
    "[Het plan](../dossiers/./2024-010.html) is aangenomen door de raad.",
]


@pytest.mark.parametrize("body", CLAIMS)
def test_a_page_that_presents_the_named_proposal_as_decided_is_refused(tiny_site, body):
    found = errors_of(tiny_site, body)
    assert found, f"niet geweigerd: {body!r}"
    problem = found[0]
    assert problem.line is not None and problem.field
    assert "2024-010" in problem.message and "besloten" in problem.message


@pytest.mark.parametrize(("title", "body"), [
    ("Genomen besluiten", f"- {TITEL}"),
    ("Aangenomen voorstellen", f"Lees over [{TITEL}](../dossiers/2024-010.html)."),
])
def test_a_page_title_that_calls_a_listed_proposal_a_decision_is_refused(tiny_site, title, body):
    found = errors_of(tiny_site, body, title=title)
    assert found and found[0].field == "kop" and found[0].line == 1


@pytest.mark.parametrize("heading", ["## Genomen besluiten", "## Goedgekeurde plannen", "### Wat besloot de raad?"])
def test_a_heading_above_a_named_proposal_may_not_call_it_decided(tiny_site, heading):
    found = errors_of(tiny_site, f"Inleiding.\n\n{heading}\n\n- [{TITEL}](../dossiers/2024-010.html)\n")
    assert found and found[0].field == "kop"
    assert found[0].line == 6  # the heading's line in the page file


OK = [
    # about decisions in general, no proposal named
    "Na de stemming is een voorstel een besluit. De raad heeft dan besloten.",
    "Een hamerstuk is een voorstel dat de raad zonder stemming aanneemt.",
    # the named proposal, told truthfully
    f"Het college stelt de raad voor: {TITEL}. De raad beslist op 29 februari.",
    f"Lees meer over [{TITEL}](../dossiers/2024-010.html). Het is nog een voorstel.",
    "Vraag naar voorstel 2024-010 bij de griffie.",
    f"Als de raad {TITEL} aanneemt, begint de bouw in de zomer.",
    f"Eerder, in 2019, besloot de raad over speeltuinen. Nu ligt er {TITEL}.",
    f"De bomen bij {TITEL} zijn goedgekeurd door een boomdeskundige.",
    f"## Wat vraagt het college?\n\n- {TITEL}",
    # headings and titles about the process, not about an outcome
    f"## Voorstel of besluit?\n\nEen voorbeeld: [{TITEL}](../dossiers/2024-010.html). De raad stemt er nog over.",
    f"## Hoe komt een besluit tot stand?\n\n- Nog open: {TITEL}",
    f"## Besluiten en voorstellen\n\n- Nog open: {TITEL}",
    # a condition, and a glossary-style definition that says it is not decided
    f"Wordt het voorstel {TITEL} aangenomen, dan begint de bouw in maart.",
    "Besluit\n:   Wat de raad kiest na een stemming. Voorstel 2024-010 is nog geen besluit.",
    # round 2: the college's own step, a heading for upcoming votes, a question heading
    f"Het college heeft besloten [{TITEL}](../dossiers/2024-010.html) aan de raad voor te leggen.",
    f"## Binnenkort besluit de raad over\n\n- [{TITEL}](../dossiers/2024-010.html)",
    f"## Aangenomen of verworpen?\n\nDat weten we bij {TITEL} pas na 29 februari.",
]


@pytest.mark.parametrize("body", OK)
def test_a_page_that_names_the_proposal_truthfully_builds(tiny_site, body):
    assert errors_of(tiny_site, body) == []


def test_once_decided_the_page_may_say_so(tiny_site):
    assert errors_of(tiny_site, f"De raad heeft {TITEL} aangenomen.", besluit=True) == []


def test_the_same_title_for_a_decided_and_an_undecided_dossier_is_named_in_the_message(tiny_site):
    old = TinySite.voorstel(id="2023-010", datumIngediend="2023-01-10",
                            behandeling=[{"gremium": "gemeenteraad", "datum": "2023-02-09", "tijd": "19:30"}])
    done = TinySite.besluit(voorstel="2023-010", vergaderdatum="2023-02-09")
    found = errors_of(tiny_site, f"De raad heeft {TITEL} aangenomen.",
                      files={"voorstellen/2023-010-speeltuin.md": old, "besluiten/2023-010.md": done})
    assert found and "dezelfde titel" in (found[0].hint or "")


def test_the_glossary_may_not_call_a_named_proposal_decided(tiny_site):
    glossary = ("begrippen:\n  - woord: speeltuin\n    uitleg: >-\n      Een plek om te spelen. De raad heeft\n"
                f"      {TITEL} al aangenomen.\n  - woord: unaniem\n    uitleg: Alle raadsleden stemden voor.\n")
    content = tiny_site(besluit=False, files={"raad/begrippen.yaml": glossary})
    found = [p for p in TinySite.errors(content) if "begrippen.yaml" in str(p.path)]
    assert len(found) == 1  # the general definition of "unaniem" is no claim about a proposal
    assert found[0].field == "begrippen[1]" and found[0].line == 3  # its uitleg


def test_a_doubtful_sentence_is_a_warning_not_an_error(tiny_site):
    body = f"{TITEL} is goedgekeurd door de deskundige."
    assert errors_of(tiny_site, body) == []
    assert any("twijfel" in w.message for w in warnings_of(tiny_site, body))


def test_the_sample_pages_pass():
    from pathlib import Path

    from conftest import ROOT
    site = load_site(Path(ROOT / "content"))
    assert not [w for w in site.warnings.warnings if "content/pages" in str(w.path)]


@pytest.mark.parametrize("title", ["Van voorstel naar besluit", "Vragen over besluiten en voorstellen"])
def test_a_page_title_about_the_process_may_stand_over_a_proposal(tiny_site, title):
    assert errors_of(tiny_site, f"- [{TITEL}](../dossiers/2024-010.html)", title=title) == []


def test_a_decided_dossiers_texts_may_not_call_an_undecided_one_decided(tiny_site):
    """A decided dossier's texts are judged as its own claims, which may say "aangenomen";
    where they name another, undecided proposal, that one may not be called decided."""
    other = TinySite.voorstel(id="2026-050", titel="Kastanjes langs de Parkweg vervangen", datumIngediend="2026-10-01",
                              behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28"}])
    besluit = TinySite.besluit(besluittoelichting="In dezelfde vergadering keurde de raad ook het voorstel "
                                                  "Kastanjes langs de Parkweg vervangen goed.")
    content = tiny_site(besluit=besluit, files={"voorstellen/2026-050-kastanjes.md": other})
    [error] = TinySite.errors(content)
    assert (error.path, error.field) == ("content/besluiten/2024-010.md", "besluittoelichting")
    assert error.line == tiny_site.line_of(content / "besluiten/2024-010.md", "besluittoelichting")
    body = "Verslag.\n\nOok voorstel 2026-050 is door de raad goedgekeurd.\n"
    content = tiny_site(files={"voorstellen/2026-050-kastanjes.md": other,
                               "besluiten/2024-010.md": TinySite.record(TinySite.besluit(), body)})
    [error] = TinySite.errors(content)
    assert error.line == tiny_site.line_of(content / "besluiten/2024-010.md", "Ook voorstel")


def test_a_motie_titled_like_another_undecided_proposal_is_refused(tiny_site):
    other = TinySite.voorstel(id="2026-050", titel="Kastanjes langs de Parkweg vervangen", datumIngediend="2026-10-01",
                              behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28"}])
    motie = {"titel": "Kastanjes langs de Parkweg vervangen", "indieners": ["CDA"], "besluitresultaat": "aangenomen",
             "stemmingen": [{"fractie": n, "fractiestemresultaat": "voor"} for n, _ in FRACTIES_2022]}
    content = tiny_site(besluit=TinySite.besluit(moties=[motie]), files={"voorstellen/2026-050-kastanjes.md": other})
    [error] = TinySite.errors(content)
    assert error.field == "moties[1].titel" and "2026-050" in error.message


@pytest.mark.parametrize(("meta", "field"), [
    ("Save_as: index.html", "save_as"), ("URL: index.html", "url"), ("Template: dossier", "template"),
    ("Slug: dossiers/2024-010", "slug"), ("Slug: zoeken", "slug"), ("Slug: over-deze-site", "slug"),
])
def test_a_page_may_not_choose_where_it_is_written(tiny_site, meta, field):
    content = tiny_site(besluit=False, files={"pages/uitleg.md": f"Title: Uitleg\n{meta}\n\nTekst.\n"})
    found = [p for p in TinySite.errors(content) if p.path == "content/pages/uitleg.md"]
    assert [p.field for p in found] == [field] and found[0].line == 2


def test_a_page_title_that_would_replace_a_generated_page_is_refused(tiny_site):
    content = tiny_site(besluit=False, files={"pages/uitleg.md": "Title: Zoeken\n\nTekst.\n"})
    [error] = [p for p in TinySite.errors(content) if p.path == "content/pages/uitleg.md"]
    assert error.field == "title" and "zoeken" in error.message


@pytest.mark.parametrize("name", ["nieuws.rst", "nieuws.html", "nieuws.markdown"])
def test_a_page_in_another_format_is_refused_not_left_unchecked(tiny_site, name):
    content = tiny_site(besluit=False, files={f"pages/{name}": f"Besluit: {TITEL}\n"})
    assert any(p.path == f"content/pages/{name}" for p in TinySite.errors(content))


def test_a_page_without_a_title_gets_a_dutch_error_not_a_pelican_traceback(tiny_site, tmp_path):
    from conftest import run_pelican

    content = tiny_site(besluit=False, files={"pages/uitleg.md": "Slug: uitleg\n\nTekst zonder titel.\n"})
    [error] = [p for p in TinySite.errors(content) if p.path == "content/pages/uitleg.md"]
    assert error.field == "title"
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode != 0 and "Traceback" not in result.output and "content/pages/uitleg.md" in result.output
