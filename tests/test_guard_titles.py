"""Decided label strings and dossier titles: what "next to" means, and dossiers told
apart by id, never by title.

A resubmitted plan with the same title as an old rejected one, an undecided title
inside a decided one, a title that names a regulation: none may give a false alarm,
and an unmarked "Verworpen: <titel>" must still be caught for the undecided one.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from guard.domain import DECIDED_WORDS, Expected
from guard.html_check import check_html
from guard_helpers import OPEN, SETTINGS, TODAY, built_site, changed, expected, violations

from raadsinfo import labels
from raadsinfo.status import Label

SPORTHAL = "Nieuwe sporthal aan de Haven"  # undecided; "..., tweede fase" is decided
PARKEREN = "Parkeerbeleid binnenstad"  # 2026-042 rejected, 2026-043 undecided


def page(body: str) -> list:
    """What the guard finds on a new kind of page (no dossier's own) with this body."""
    raw = f"<html><head><title>Nieuws</title></head><body><main>{body}</main></body></html>"
    return check_html(raw.encode(), "nieuws.html", expected())


def test_the_decided_words_come_from_the_table():
    for (status, _), row in labels.TABEL.items():
        if status.label is Label.BESLUIT:
            assert f"{row.kop}:" in DECIDED_WORDS and row.badge in DECIDED_WORDS
    assert {"Besluit:", "Besluit van de gemeenteraad"} <= set(DECIDED_WORDS)


def test_no_string_of_an_undecided_row_holds_a_decided_word():
    """Otherwise the guard would refuse correct output."""
    for (status, _), row in labels.TABEL.items():
        if status.label is Label.VOORSTEL:
            for text in (f"{row.kop}: {SPORTHAL}", row.badge, row.zin, row.soort, row.meta, row.kaart,
                         row.ontwerp_kop, row.ontwerp_uitleg):
                assert list(expected().decided_words(text)) == [], text


@pytest.mark.parametrize("body", [
    f"<ul><li>Besluit: {SPORTHAL}</li></ul>",
    f"<p>{SPORTHAL} (Besluit: aangenomen)</p>",
    f"<p><b>Besluit</b>: <a>{SPORTHAL}</a></p>",
    f"<div><span>Besluit: verworpen</span> · <span>{SPORTHAL}</span></div>",
    f"<h2>Aangenomen met wijzigingen: {SPORTHAL}</h2>",
    f"<p>Besluit van de gemeenteraad: {SPORTHAL}</p>",
    f"<p>Verworpen:\n  {SPORTHAL.replace(' ', '&nbsp;')}</p>",
])
def test_a_decided_label_next_to_an_undecided_title(body):
    found = page(body)
    assert [v.dossier for v in found] == [OPEN], found
    assert "Voorstel aan de raad: " + SPORTHAL in found[0].expected


@pytest.mark.parametrize("body", [
    f"<ul><li>Voorstel aan de raad: {SPORTHAL}</li><li>Aangenomen: Zwembad De Sypel vernieuwen</li></ul>",
    f"<p>Besluit: aangenomen. Meer over het plan {SPORTHAL} leest u hier.</p>",
    f"<p>Het ontwerpbesluit: {SPORTHAL}</p>",
    f"<p>Aangenomen zonder stemming: {SPORTHAL}, tweede fase</p>",  # the longest title is the decided one
    f"<p>{SPORTHAL}</p><p>Besluit: verworpen</p>",
    "<p>Besluit: Bomen langs de Stationslaan vervangen</p>",  # a decided dossier
])
def test_no_false_alarm(body):
    assert page(body) == []


def test_same_title_told_apart_by_the_marker():
    unmarked = page(f"<p>Verworpen: {PARKEREN}</p>")
    assert [v.dossier for v in unmarked] == ["2026-043"]
    marked_old = f'<div data-dossier="2026-042" data-role="route"><p>Verworpen: {PARKEREN}</p></div>'
    assert page(marked_old) == []
    marked_other = f'<div data-dossier="2026-041" data-role="route"><p>Verworpen: {PARKEREN}</p></div>'
    assert [v.dossier for v in page(marked_other)] == ["2026-043"]


def test_the_old_decided_page_may_name_its_outcome():
    rel = "dossiers/2026-042.html"
    raw = changed(rel, "</article>", f"<p>Verworpen: {PARKEREN}</p><p>Besluit van de gemeenteraad: verworpen</p>"
                  "</article>")
    assert violations(rel, raw) == []


def test_a_title_that_names_a_regulation_is_no_label():
    """The decided words inside a dossier's title are the title's (the load-time
    wording check judges titles); the same words elsewhere on its page are a label."""
    _, site = built_site()
    dossiers = [dataclasses.replace(d) for d in site.dossiers]
    d = next(d for d in dossiers if d.id == OPEN)
    titel = "Wijziging van het Besluit van de gemeenteraad over parkeren"
    d.voorstel = dataclasses.replace(d.voorstel, titel=titel)
    exp = Expected(dossiers, SETTINGS["SITENAME"], today=date.fromisoformat(TODAY))
    rel = f"dossiers/{OPEN}.html"
    assert violations(rel, changed(rel, "</article>", f"<p>Over: {titel}.</p></article>"), exp) == []
    raw = changed(rel, "</article>", f"<p>{titel}.</p><p>Besluit van de gemeenteraad: ja</p></article>")
    assert [v.dossier for v in violations(rel, raw, exp)] == [OPEN]
