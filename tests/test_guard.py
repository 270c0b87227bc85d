"""The labelling guard on HTML pages: a template mistake anywhere fails the build.

A tiny site with every state (``guard_helpers.GUARD_SITE``) is built once by Pelican,
without the guard; the guard must find nothing in it. Then its pages are changed the
way a template bug would change them, and the guard must name the file, the element,
the dossier and what it expected. Two real builds check the Pelican glue: the site
passes with the guard on, and a broken copy of the theme fails with a Dutch report.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from guard import check_output
from guard.html_check import check_html
from guard_helpers import (
    DECIDED,
    GUARD_SITE,
    OPEN,
    SETTINGS,
    TODAY,
    build,
    built_site,
    changed,
    copy_theme,
    expected,
    settings_file,
    violations,
    write_site,
)

PAGE = f"dossiers/{OPEN}.html"
LIST = "dossiers/index.html"


def teksten(i: str = OPEN):
    return expected().teksten[i]


def one(found, dossier: str, element: str, want: str = "") -> None:
    """A violation about ``dossier`` in an element described with ``element``, expecting
    ``want``; and nothing about another dossier."""
    shown = "\n".join(v.format() for v in found) or "geen fout gevonden"
    assert any(v.dossier == dossier and element in v.element and want in v.expected for v in found), shown
    assert {v.dossier for v in found} == {dossier}, shown


# --------------------------------------------------------------- correct output passes


def test_the_built_site_passes():
    out, site = built_site()
    report = check_output(out, site.dossiers, SETTINGS, date.fromisoformat(TODAY))
    assert report.files > 80
    assert report.violations == [], report.text()


def test_the_build_with_the_guard_passes_and_says_so(tmp_path):
    result = build(write_site(tmp_path / "content", GUARD_SITE), tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Labelcontrole: \d+ bestanden gecontroleerd in [\d.]+ s, 0 fouten", result.stderr)


def test_a_template_mistake_fails_the_build_with_a_dutch_report(tmp_path):
    """A dossier template that prints "Besluit: <titel>" without a marker."""
    theme = copy_theme(tmp_path)
    template = theme / "templates" / "dossier.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block content %}", "{% block content %}<p>Besluit: {{ dossier.titel }}</p>",
                                     1), encoding="utf-8")
    result = build(write_site(tmp_path / "content", GUARD_SITE), tmp_path / "out", settings_file(tmp_path, theme))
    assert result.returncode == 3, result.stdout + result.stderr
    report = result.stderr
    assert "De labelcontrole vond" in report and "De site is NIET gepubliceerd" in report
    assert f"{PAGE}: <p> (dossier {OPEN})" in report
    assert '"Besluit: Nieuwe sporthal aan de Haven' in report and "verwacht:" in report
    assert f"dossiers/{DECIDED}.html: <p>" not in report  # a decided dossier may say so on its own page
    assert "Traceback" not in result.stdout + result.stderr  # a report, not what reads as a crash


# --------------------------------------------------------------- 1. markers


def test_a_wrong_badge():
    raw = changed(PAGE, f'data-role="badge">{teksten().badge}<', 'data-role="badge">Besluit: aangenomen<')
    one(violations(PAGE, raw), OPEN, 'data-role="badge"', teksten().badge)
    assert violations(PAGE, raw)[0].found == '"Besluit: aangenomen"'


def test_the_kop_of_a_decided_row_on_an_undecided_dossier():
    raw = changed(PAGE, f">{teksten().kop}</h1>", ">Aangenomen: Nieuwe sporthal aan de Haven</h1>")
    one(violations(PAGE, raw), OPEN, "<h1", teksten().kop)


def test_a_decided_kop_on_a_card_of_a_list():
    raw = changed(LIST, f'data-dossier="{OPEN}" data-role="kop">{teksten().kop}<',
                  f'data-dossier="{OPEN}" data-role="kop">Verworpen: {teksten().titel}<')
    one(violations(LIST, raw), OPEN, '<a data-role="kop">', teksten().kop)


def test_a_decided_dossier_shown_as_voorstel():
    t = teksten(DECIDED)
    rel = f"dossiers/{DECIDED}.html"
    raw = changed(rel, f">{t.kop}</h1>", f">Voorstel aan de raad: {t.titel}</h1>")
    one(violations(rel, raw), DECIDED, "<h1", t.kop)


@pytest.mark.parametrize(("role", "wrong"), [("status", "De gemeenteraad heeft dit voorstel aangenomen."),
                                             ("soort", "Besluit van de gemeenteraad: aangenomen")])
def test_a_status_or_soort_that_does_not_start_right(role, wrong):
    want = teksten().zin if role == "status" else teksten().soort
    raw = changed(PAGE, f'data-role="{role}">{want}', f'data-role="{role}">{wrong}')
    found = violations(PAGE, raw)
    assert any(v.dossier == OPEN and f'data-role="{role}"' in v.element and want in v.expected for v in found)


def test_a_card_line_on_a_dossier_without_an_outcome_and_a_wrong_one():
    raw = changed(LIST, f'<span class="card__nummer">Nummer {OPEN}',
                  f'<span data-dossier="{OPEN}" data-role="kaart">Aangenomen op 3 juli 2026.</span> '
                  f'<span class="card__nummer">Nummer {OPEN}')
    found = violations(LIST, raw)
    assert any(v.dossier == OPEN and "kaart" in v.element and v.expected == "geen kaartregel" for v in found)
    t = teksten(DECIDED)
    raw = changed(LIST, f'data-role="kaart">{t.kaart}<', 'data-role="kaart">Aangenomen op 8 oktober 2026.<')
    one(violations(LIST, raw), DECIDED, 'data-role="kaart"', t.kaart)


def test_a_wrong_data_label():
    raw = changed(PAGE, f'data-dossier="{OPEN}" data-label="voorstel" data-role="kop"',
                  f'data-dossier="{OPEN}" data-label="besluit" data-role="kop"')
    one(violations(PAGE, raw), OPEN, 'data-role="kop"', 'data-label="voorstel"')


def test_an_entry_without_its_kop_and_markers_unknown_to_the_contract():
    raw = changed(LIST, f'<a href="../{PAGE}" data-dossier="{OPEN}" data-role="kop">', f'<a href="../{PAGE}">')
    found = violations(LIST, raw)
    assert [v.dossier for v in found] == [OPEN] and "entry" in found[0].element
    raw = changed(PAGE, 'data-role="soort"', 'data-role="status-soort"')
    assert any("data-role met een van" in v.expected for v in violations(PAGE, raw))
    raw = changed(PAGE, f'data-dossier="{OPEN}" data-role="soort"', 'data-dossier="2099-999" data-role="soort"')
    one(violations(PAGE, raw), "2099-999", "soort", "bestaand dossier")


def test_an_aria_label_on_a_kop_reads_as_the_kop():
    raw = changed(PAGE, 'data-role="kop" data-pagefind-meta', 'data-role="kop" aria-label="Besluit: sporthal" '
                  'data-pagefind-meta')
    one(violations(PAGE, raw), OPEN, "<h1", teksten().kop)


def test_the_draft_decision_box_starts_with_its_heading():
    box = (f'<section data-dossier="{OPEN}" data-role="ontwerp"><h2>{{}}</h2>'
           f'<div data-dossier="{OPEN}" data-role="bron">1. Het krediet.</div></section>')
    good = changed(PAGE, "</article>", box.format(teksten().ontwerp_kop) + "</article>")
    assert violations(PAGE, good) == []
    bad = changed(PAGE, "</article>", box.format("Het besluit van de raad") + "</article>")
    one(violations(PAGE, bad), OPEN, "<h2>", teksten().ontwerp_kop)


# --------------------------------------------------------------- 2. the dossier's own page


def test_a_wrong_title_and_social_title():
    t = teksten()
    raw = changed(PAGE, f"<title>{t.kop} | ", f"<title>Besluit: {t.titel} | ")
    one(violations(PAGE, raw), OPEN, "<title>", f"{t.kop} | Raadsinformatie Harderwijk")
    raw = changed(PAGE, f'property="og:title" content="{t.kop}', f'property="og:title" content="{t.titel}')
    one(violations(PAGE, raw), OPEN, "og:title", t.kop)


def test_a_description_that_does_not_start_with_the_label():
    start = f'name="description" content="{teksten().rij.meta}:'
    raw = changed(PAGE, start, 'name="description" content="Besluit van de gemeenteraad:')
    one(violations(PAGE, raw), OPEN, "<meta description>", teksten().rij.meta)


def test_one_h1_and_the_body_marker_on_a_dossier_page():
    raw = changed(PAGE, '<section aria-labelledby="samenvatting">', "<h1>Besluit</h1><section>")
    one(violations(PAGE, raw), OPEN, "<h1>", "precies één")
    raw = changed(PAGE, f'<body data-dossier="{OPEN}"', "<body")
    one(violations(PAGE, raw), OPEN, "<body>", f'data-dossier="{OPEN}"')


# --------------------------------------------------------------- 3. search inputs


def test_pagefind_values_are_the_domain_strings():
    raw = changed(PAGE, 'data-role="kop" data-pagefind-meta="title"',
                  'data-role="kop" data-pagefind-meta="title:Besluit: sporthal"')
    one(violations(PAGE, raw), OPEN, "<h1", teksten().kop)
    raw = changed(PAGE, 'data-pagefind-filter="status"', 'data-pagefind-filter="status:Besluit: aangenomen"')
    one(violations(PAGE, raw), OPEN, "<p", teksten().badge)
    raw = changed(PAGE, 'data-pagefind-filter="status"', 'data-pagefind-filter="label:besluit"')
    one(violations(PAGE, raw), OPEN, "<p", '"voorstel"')


def test_a_pagefind_value_on_another_page_is_judged_as_text():
    raw = changed(LIST, "</main>", f'<p data-pagefind-meta="title:Besluit: {teksten().titel}">x</p></main>')
    one(violations(LIST, raw), OPEN, "<p>", teksten().kop)


def test_pagefind_and_markers_in_the_clerks_text_are_refused():
    raw = changed(PAGE, "<p>Toelichting bij het voorstel.</p>",
                  '<p><span data-pagefind-meta="title[data-t]" data-t="Besluit: sporthal">x</span></p>')
    one(violations(PAGE, raw), OPEN, "<span>", "geen data-attributen")
    raw = changed(PAGE, "<p>Toelichting bij het voorstel.</p>",
                  f'<p data-dossier="{OPEN}" data-role="neven">Besluit: aangenomen</p>')
    one(violations(PAGE, raw), OPEN, "<p", "geen data-attributen")


# --------------------------------------------------------------- 4. links


@pytest.mark.parametrize("href", [f"../{PAGE}", f"http://localhost:8000/{PAGE}", "../dossiers&#47;2026-040.html",
                                  "../dossiers/2026%2D040.html", f"/{PAGE}?x=1#kop", "../dossiers/2026-040",
                                  "/dossiers/2026-040/"])
def test_an_unmarked_link_to_an_undecided_dossier(href):
    raw = changed(LIST, "</main>", f'<p>Lees ook <a href="{href}">dit</a>.</p></main>')
    one(violations(LIST, raw), OPEN, "<a>", "data-dossier")


def test_a_link_from_another_dossier_page_and_the_marker_missing_on_a_card():
    rel = f"dossiers/{DECIDED}.html"
    raw = changed(rel, "</article>", '<p><a href="2026-040.html">Ook</a></p></article>')
    one(violations(rel, raw), OPEN, "<a>")
    raw = changed(LIST, f'data-dossier="{OPEN}"', "", count=0)  # the card lost all its markers
    one(violations(LIST, raw), OPEN, "<a ", teksten().kop)


def test_links_that_are_fine():
    rel = f"dossiers/{DECIDED}.html"
    raw = changed(rel, "</article>", f'<p><a href="{DECIDED}.html">Deze pagina</a></p></article>')
    assert violations(rel, raw) == []
    raw = changed(PAGE, "</article>", f'<p><a href="{OPEN}.html#kop">Naar boven</a></p></article>')
    assert violations(PAGE, raw) == []
    raw = changed(rel, "</article>", f'<div data-dossier="{DECIDED}" data-role="bron"><p>Zie het '
                  f'<a href="{OPEN}.html">nieuwe voorstel</a>.</p></div></article>')
    assert violations(rel, raw) == []  # the clerk's text: judged by the wording check


def _explainer(body: str) -> bytes:
    return (f'<html><body><main><article class="page" data-bron="content/pages/uitleg.md"><h1>Uitleg</h1>'
            f"{body}</article></main></body></html>").encode()


def test_an_explainer_page_may_link_to_a_proposal_in_a_truthful_sentence():
    raw = _explainer(f'<p>Lees over <a href="dossiers/{OPEN}.html">de sporthal</a>. Het is nog een voorstel.</p>')
    assert check_html(raw, "uitleg.html", expected()) == []


def test_an_explainer_page_that_calls_a_linked_proposal_decided_names_the_page_file():
    raw = _explainer(f'<p>De raad heeft <a href="dossiers/{OPEN}">de sporthal</a> aangenomen.</p>')
    [v] = check_html(raw, "uitleg.html", expected())
    assert v.dossier == OPEN and v.record == "content/pages/uitleg.md"
    raw = _explainer(f"<p>Besluit: {teksten().titel}</p>")
    [v] = check_html(raw, "uitleg.html", expected())
    assert v.dossier == OPEN and v.record == "content/pages/uitleg.md"


def test_a_link_to_a_proposals_feed_or_calendar_is_a_link_to_the_proposal():
    for href in (f"feeds/dossier/{OPEN}.atom.xml", f"feeds/dossier/{OPEN}.rss.xml", f"agenda/dossier/{OPEN}.ics",
                 f"dossiers/{OPEN}/"):
        raw = f'<html><body><main><p><a href="{href}">Besluit: aangenomen</a></p></main></body></html>'.encode()
        assert [v.dossier for v in check_html(raw, "nieuws.html", expected())] == [OPEN], href


# --------------------------------------------------------------- 5. text


def test_a_new_page_type_that_prints_besluit_and_a_title_without_markers():
    raw = f"<html><body><main><ul><li>Besluit: {teksten().titel}</li></ul></main></body></html>".encode()
    one(check_html(raw, "nieuws.html", expected()), OPEN, "<li>", teksten().kop)


def test_a_decided_label_anywhere_on_an_undecided_dossiers_page():
    for text in ("Besluit van de gemeenteraad: aangenomen", "Besluit: verworpen", "Aangenomen met wijzigingen:"):
        raw = changed(PAGE, '<section aria-labelledby="samenvatting">', f"<p>{text}</p><section>")
        one(violations(PAGE, raw), OPEN, "<p>", teksten().badge)


def test_a_bare_outcome_on_an_undecided_dossiers_page_or_card():
    """A badge-like "Aangenomen", an h2 "Besluit van de raad", "(aangenomen)" after a title."""
    for text in ("<span>Aangenomen</span>", "<h2>Besluit van de raad</h2>", "<p>Vastgesteld.</p>"):
        raw = changed(PAGE, '<section aria-labelledby="samenvatting">', f"{text}<section>")
        one(violations(PAGE, raw), OPEN, "<", teksten().badge)
    raw = changed(LIST, f'<span class="card__nummer">Nummer {OPEN}', f'<b>Goedgekeurd</b> '
                  f'<span class="card__nummer">Nummer {OPEN}')
    one(violations(LIST, raw), OPEN, '<p class="card__meta">', teksten().badge)
    raw = f"<html><body><main><ul><li>{teksten().titel} (aangenomen)</li></ul></main></body></html>".encode()
    one(check_html(raw, "nieuws.html", expected()), OPEN, "<li>", teksten().kop)


def test_the_clerks_text_and_motion_results_may_say_aangenomen():
    for role in ("bron", "neven"):
        raw = changed(PAGE, '<section aria-labelledby="samenvatting">',
                      f'<div data-dossier="{OPEN}" data-role="{role}"><p>Besluit: aangenomen</p></div><section>')
        assert violations(PAGE, raw) == []


def test_a_decided_label_inside_an_undecided_dossiers_card():
    raw = changed(LIST, f'<span class="card__nummer">Nummer {OPEN}', f'<b>Besluit: aangenomen</b> '
                  f'<span class="card__nummer">Nummer {OPEN}')
    one(violations(LIST, raw), OPEN, '<p class="card__meta">', teksten().badge)


def test_a_record_text_that_causes_a_violation_names_the_record_and_field():
    """A template that prints a decided dossier's summary without a bron marker, where
    that summary puts a decided label next to an undecided title."""
    _, site = built_site()
    dossiers = [dataclasses.replace(d) for d in site.dossiers]
    d = next(d for d in dossiers if d.id == DECIDED)
    d.voorstel = dataclasses.replace(d.voorstel, samenvatting=f"Eerder al: Besluit: {teksten().titel}.")
    from guard.domain import Expected

    exp = Expected(dossiers, SETTINGS["SITENAME"], today=date.fromisoformat(TODAY))
    rel = f"dossiers/{DECIDED}.html"
    raw = changed(rel, "</article>", f"<p>{d.voorstel.samenvatting}</p></article>")
    [v] = violations(rel, raw, exp)
    assert v.dossier == OPEN and v.record == f"{d.voorstel.source}, veld 'samenvatting'"
    assert "bron:" in v.format() and d.voorstel.source in v.format()


def test_an_undecided_title_with_besluit_in_it_is_no_decided_label():
    rel = "dossiers/2026-044.html"
    raw = changed(rel, "</article>", f"<p>Zie {expected().teksten['2026-044'].titel}.</p></article>")
    assert violations(rel, raw) == []
