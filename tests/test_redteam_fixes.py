"""Holes an outside red team found in the label promise, each kept closed by a test."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import FRACTIES_2022, TinySite, run_pelican


@pytest.mark.parametrize("hidden", ["\x07", "\x1b", "\x7f", "\x9f"])
def test_a_control_character_cannot_hide_a_claim(tiny_site, hidden):
    """Feeds drop control characters, so "aan\\x07genomen" would read as a clean claim there."""
    content = tiny_site(voorstel={"samenvatting": f"De raad heeft dit voorstel aan{hidden}genomen."}, besluit=False)
    assert any(p.field == "samenvatting" for p in tiny_site.errors(content))


def test_an_outcome_file_must_be_named_after_its_voorstel(tiny_site):
    content = tiny_site(besluit=False, files={"besluiten/2024-099.md": TinySite.besluit()})
    errors = tiny_site.errors(content)
    assert any(p.field == "voorstel" and "bestandsnaam" in p.format() for p in errors), errors


def test_a_dated_outcome_file_name_is_fine(tiny_site):
    content = tiny_site(besluit=False, files={"besluiten/2024-010-2024-02-29.md": TinySite.besluit()})
    assert tiny_site.errors(content) == []


@pytest.mark.parametrize("resultaat", ["ingetrokken", "aangehouden"])
def test_no_amendement_is_voted_on_a_voorstel_that_was_not_voted_on(tiny_site, resultaat):
    amendement = {"titel": "Garage met 450 plekken bouwen", "indieners": ["CDA"],
                  "besluitresultaat": "unaniem aangenomen",
                  "stemmingen": [{"fractie": n, "fractiestemresultaat": "voor"} for n, _ in FRACTIES_2022]}
    content = tiny_site(besluit={"besluitresultaat": resultaat, "stemmingen": None, "amendementen": [amendement],
                                 "besluittoelichting": "De raad wil eerst meer weten over de kosten. "
                                                       "Het voorstel komt later terug."})
    assert any(p.field == "amendementen" for p in tiny_site.errors(content))


@pytest.mark.parametrize("save_as", ["theme/nieuws.html", "pagefind/nieuws.html", "nieuws.shtml"])
def test_a_page_saved_where_the_guard_did_not_look_is_still_checked(tiny_site, tmp_path, save_as):
    page = (f"Title: Nieuws\nSlug: nieuws\nSave_as: {save_as}\n\n"
            "Besluit: Nieuwe speeltuin in Drielanden\n")
    content = tiny_site(besluit=False, files={"pages/nieuws.md": page})
    result = run_pelican(content, tmp_path / "out")
    # The wording check on pages refuses it when the records load, naming the page's file.
    assert result.returncode != 0 and "content/pages/nieuws.md" in result.output, result.output[-2000:]


@pytest.mark.parametrize("save_as", ["theme/nieuws.html", "pagefind/nieuws.html", "nieuws.shtml"])
def test_the_guard_reads_a_page_wherever_it_is_saved(tmp_path, save_as):
    """The backstop for a template or plugin that writes a page in a folder of styles or
    of the search index, or with another suffix a web server serves as HTML."""
    from guard import check_output
    from guard_helpers import SETTINGS, TODAY, built_site

    _, site = built_site()
    out = tmp_path / "out"
    (out / save_as).parent.mkdir(parents=True, exist_ok=True)
    title = next(d.titel for d in site.dossiers if not d.is_besluit)
    (out / save_as).write_text(f"<html><body><p>Besluit: {title}</p></body></html>", encoding="utf-8")
    report = check_output(out, site.dossiers, SETTINGS, date.fromisoformat(TODAY))
    assert [v.file for v in report.violations] == [save_as]


@pytest.mark.parametrize("label", ["Besluit\uff1a", "\u0412\u0435sluit:", "\u202e:tiulseB\u202c"])
def test_the_guard_reads_a_page_as_a_reader_does(tiny_site, tmp_path, label):
    """A fullwidth colon, Cyrillic look-alikes or a right-to-left override show "Besluit:"."""
    page = f"Title: Nieuws\nSlug: nieuws\n\n{label} Nieuwe speeltuin in Drielanden\n"
    content = tiny_site(besluit=False, files={"pages/nieuws.md": page})
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode != 0 and "content/pages/nieuws.md" in result.output, result.output[-2000:]


def test_a_decided_dossiers_title_cannot_claim_another_plan(tiny_site):
    """The site puts the outcome in front of a title; a title with its own label would
    present another, undecided plan as decided on every page, feed and calendar."""
    content = tiny_site(voorstel={"titel": "Speeltuin, en ook besloten: Kastanjes langs de Parkweg vervangen"})
    assert any(p.field == "titel" for p in tiny_site.errors(content))
    assert tiny_site.errors(tiny_site(voorstel={"titel": "Besluit kwaliteit leefomgeving toepassen"})) == []


@pytest.mark.parametrize(("zin", "refused"), [
    ("De raad nam ook [het plan voor de Parkweg](2026-050.html) aan.", True),
    ("Het college legt een [nieuw voorstel](2026-050.html) aan de raad voor.", False),
])
def test_a_decided_dossiers_text_cannot_claim_a_linked_undecided_one(tiny_site, tmp_path, zin, refused):
    """An outcome's body is judged as the claims of its own, decided dossier; where it
    names (links) another, undecided dossier, that one may not be called decided: refused
    when the records load, with the record's file."""
    open_ = TinySite.voorstel(id="2026-050", titel="Kastanjes langs de Parkweg vervangen", datumIngediend="2026-10-01",
                              behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28"}])
    content = tiny_site(files={"voorstellen/2026-050-kastanjes.md": open_})
    besluit = content / "besluiten" / "2024-010.md"
    besluit.write_text(besluit.read_text(encoding="utf-8") + f"\n{zin}\n", encoding="utf-8")
    result = run_pelican(content, tmp_path / "out")
    assert (result.returncode != 0) == refused, result.output[-3000:]
    if refused:
        assert "content/besluiten/2024-010.md" in result.output and "2026-050" in result.output


def test_a_decided_dossiers_text_cannot_label_an_undecided_one(tiny_site, tmp_path):
    open_ = TinySite.voorstel(id="2026-050", titel="Kastanjes langs de Parkweg vervangen", datumIngediend="2026-10-01",
                              behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28"}])
    content = tiny_site(files={"voorstellen/2026-050-kastanjes.md": open_})
    besluit = content / "besluiten" / "2024-010.md"
    besluit.write_text(besluit.read_text(encoding="utf-8") + "\nBesluit: Kastanjes langs de Parkweg vervangen\n",
                       encoding="utf-8")
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode != 0 and "2026-050" in result.output, result.output[-3000:]
