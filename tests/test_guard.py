"""The labelling guard on written outputs: unit cases per output kind, and real builds.

Unit cases feed hand-written pages, feeds, calendars and exports to the checkers;
build tests run Pelican like ``invoke build`` (a subprocess) on tiny sites, with the
project theme or a deliberately broken copy of it, and assert the exit code and the
message.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from guard import check_output, html_check
from guard.data_check import check_csv, check_json
from guard.feed_check import check_feed
from guard.html_check import check_html
from guard.ics_check import check_ics, events
from guard.index import DossierIndex, DossierInfo
from guard_helpers import Spec, build, copy_theme, settings_file, write_site
from hypothesis import given, settings
from hypothesis import strategies as st

OPEN = DossierInfo("2026-040", "Nieuwe sporthal aan de Haven", "voorstel", "in behandeling",
                   "Voorstel aan de raad: Nieuwe sporthal aan de Haven", "dossiers/2026-040.html",
                   date(2026, 12, 10))
DONE = DossierInfo("2026-041", "Bomen langs de Stationslaan vervangen", "besluit", "verworpen",
                   "Besluit: Bomen langs de Stationslaan vervangen", "dossiers/2026-041.html")
INDEX = DossierIndex([OPEN, DONE])


def page(*, dossier=OPEN, title=None, desc=None, og=None, h1=None, badge=None, crumb=None, body="",
         label=None) -> bytes:
    d = dossier
    label = label or d.label
    title = d.label_titel if title is None else title
    desc = ("Voorstel aan de gemeenteraad, nog niet besloten: Een sporthal." if not d.besluit
            else "Besluit van de gemeenteraad (verworpen): Bomen.") if desc is None else desc
    badge = ("Voorstel, nog niet besloten" if not d.besluit else f"Besluit: {d.status}") if badge is None else badge
    mark = f'data-dossier="{d.id}" data-label="{label}"'
    return f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>{title} | Raadsinformatie Harderwijk</title>
<meta name="description" content="{desc}">
<meta property="og:title" content="{og if og is not None else title}">
<meta property="og:description" content="{desc}">
</head><body {mark}>
<nav><ol><li><a href="../index.html">Home</a></li>
<li {mark} data-role="breadcrumb">{crumb if crumb is not None else d.label_titel}</li></ol></nav>
<article {mark}><h1 {mark}>{h1 if h1 is not None else d.label_titel}</h1>
<div {mark} data-role="status"><p><span {mark} data-role="badge">{badge}</span></p>
<p>Dit is een voorstel. De gemeenteraad heeft er nog niet over besloten.</p></div>
{body}
</article></body></html>""".encode()


def card(d: DossierInfo, titel=None, extra="", label=None) -> str:
    mark = f'data-dossier="{d.id}" data-label="{label or d.label}"'
    badge = "Voorstel, nog niet besloten" if not d.besluit else f"Besluit: {d.status}"
    return (f'<li class="card" {mark} data-role="entry"><h3><a href="../{d.url}">{titel or d.label_titel}</a></h3>'
            f'<p><span {mark} data-role="badge">{badge}</span> {extra}</p></li>')


def listing(*cards: str, extra: str = "") -> bytes:
    return (f"<html><head><title>Alle voorstellen en besluiten</title></head><body><main><h1>Lijst</h1>"
            f"<ul>{''.join(cards)}</ul>{extra}</main></body></html>").encode()


def problems(raw: bytes, checker=check_html, rel="x.html"):
    return checker(raw, rel, INDEX)


# ---------------------------------------------------------------- HTML must-pass


def test_correct_voorstel_page_passes():
    assert problems(page()) == []


def test_correct_besluit_page_passes():
    assert problems(page(dossier=DONE)) == []


def test_list_with_both_passes():
    assert problems(listing(card(OPEN, extra="De raad stemt naar verwachting op 10 december."), card(DONE))) == []


def test_voorstel_with_regulation_in_title_passes():
    reg = DossierInfo("2026-050", "Regels uit het Besluit bouwwerken leefomgeving", "voorstel", "in behandeling",
                      "Voorstel aan de raad: Regels uit het Besluit bouwwerken leefomgeving",
                      "dossiers/2026-050.html")
    assert check_html(page(dossier=reg), "x.html", DossierIndex([reg])) == []


def test_allowed_words_in_description_pass():
    desc = ("Voorstel aan de gemeenteraad, nog niet besloten: het college heeft besloten de raad voor te "
            "stellen het ontwerpbesluit vast te stellen. De raad neemt een besluit op 10 december.")
    assert problems(page(desc=desc)) == []


# ---------------------------------------------------------------- HTML must-fail


def _one(found, element_part, text_part):
    assert found, "expected a violation"
    joined = "\n".join(v.format() for v in found)
    assert element_part in joined and text_part in joined, joined
    return joined


def test_claim_hidden_in_meta_description():
    msg = _one(problems(page(desc="Voorstel aan de gemeenteraad: de raad heeft besloten een sporthal te bouwen.")),
               "meta description", "heeft besloten")
    assert "dossier 2026-040" in msg and "Schrijf in plaats daarvan" in msg


def test_decision_label_in_og_title():
    _one(problems(page(og="Besluit: Nieuwe sporthal aan de Haven")), "meta og:title", "Besluit:")


def test_decision_label_in_html_title():
    msg = _one(problems(page(title="Besluit: Nieuwe sporthal aan de Haven")), "<title>", "Besluit:")
    assert '"Voorstel aan de raad: Nieuwe sporthal aan de Haven"' in msg


def test_h1_without_voorstel_label():
    _one(problems(page(h1="Nieuwe sporthal aan de Haven")), "<h1>", "zonder het label 'Voorstel'")


def test_page_with_a_byte_that_is_not_utf8_is_still_checked():
    """The parser gets valid UTF-8 as bytes and anything else as replaced text: both
    are checked alike (the text with U+FFFD where the bad byte was)."""
    bad = page(h1="Besluit: Nieuwe sporthal aan de Haven \xff".replace("\xff", "\ufffd")).replace(
        "\ufffd".encode(), b"\xff")
    assert b"\xff" in bad
    _one(problems(bad), "<h1>", "Besluit:")
    assert problems(page().replace(b"<article", b"<p>\xff</p><article")) == []


def test_claim_in_breadcrumb():
    _one(problems(page(crumb="Besloten: Nieuwe sporthal aan de Haven")), "(breadcrumb)", "Besloten:")


def test_status_badge_saying_aangenomen():
    _one(problems(page(badge="Voorstel, aangenomen")), "(badge)", "aangenomen")


def test_badge_without_voorstel():
    _one(problems(page(badge="In behandeling")), "(badge)", "zonder het label 'Voorstel'")


def test_marker_with_wrong_label():
    _one(problems(page(label="besluit")), "data-label", 'data-label="besluit"')


def test_claim_in_list_entry():
    raw = listing(card(OPEN, extra="Vastgesteld door de raad: de raad heeft het plan goedgekeurd."))
    _one(problems(raw), "(entry)", "goedgekeurd")


def test_list_entry_title_without_label():
    _one(problems(listing(card(OPEN, titel="Nieuwe sporthal aan de Haven"))), "<h3>", "zonder het label")


def test_a_card_repeated_on_list_pages_is_judged_alike_on_each():
    """Cards found right are remembered by their markup; a card with a violation is
    reported on every page it is on, and a remembered card counts for its own
    dossier's facts only (a new build's index makes new keys)."""
    good, bad = card(OPEN), card(OPEN, extra="De raad heeft besloten.")
    for rel in ("a.html", "b.html"):
        assert problems(listing(good, bad), rel=rel) == problems(listing(bad), rel=rel)
        assert [v.file for v in problems(listing(good, bad), rel=rel)] == [rel]
    decided_now = DossierInfo(OPEN.id, OPEN.titel, "besluit", "aangenomen", f"Besluit: {OPEN.titel}", OPEN.url)
    found = check_html(listing(good), "x.html", DossierIndex([decided_now, DONE]))
    assert any("data-label" in v.element for v in found), found


def test_decided_dossier_badge_must_carry_result():
    raw = page(dossier=DONE, badge="Besluit")
    _one(problems(raw), "(badge)", "noemt de uitslag niet")


def test_decided_dossier_still_labelled_voorstel():
    raw = page(dossier=DONE, title=DONE.label_titel, h1="Voorstel aan de raad: Bomen langs de Stationslaan vervangen")
    _one(problems(raw), "<h1>", "noemt het nog een voorstel")


def test_unmarked_link_on_another_page_without_label():
    raw = listing(extra='<p>Lees ook over <a href="dossiers/2026-040.html">de sporthal</a>.</p>')
    _one(problems(raw), "zonder merkteken", "zonder het label")


def test_unmarked_link_with_label_passes():
    raw = listing(extra='<p>Lees het <a href="dossiers/2026-040.html">voorstel over de sporthal</a>.</p>')
    assert problems(raw) == []


def test_title_mentioned_in_an_unmarked_heading_of_a_new_page():
    raw = b"<html><body><h2>Besluit: Nieuwe sporthal aan de Haven</h2></body></html>"
    msg = _one(problems(raw), "<h2>", "Besluit:")
    assert "zonder merkteken" in msg


def test_title_in_head_of_an_unmarked_page():
    raw = b"<html><head><title>Aangenomen: Nieuwe sporthal aan de Haven</title></head><body></body></html>"
    _one(problems(raw), "<title>", "Aangenomen:")


def test_pagefind_meta_title_and_status_filter():
    body = ('<span data-pagefind-meta="title:Besluit: Nieuwe sporthal aan de Haven"></span>'
            '<span data-pagefind-filter="status:aangenomen"></span>')
    msg = _one(problems(page(body=body)), "data-pagefind-meta", "Besluit:")
    assert "data-pagefind-filter" in msg and "aangenomen" in msg


def test_element_with_marker_and_pagefind_attributes_reported_once_each():
    """One query finds markers and Pagefind inputs; an element that is both is
    judged once as a marker and once per Pagefind attribute, not once per selector."""
    body = (f'<p data-dossier="{OPEN.id}" data-label="besluit" data-pagefind-meta="title:Besluit: x" '
            'data-pagefind-filter="label:besluit">Voorstel</p>')
    found = problems(page(body=body))
    assert [v.element for v in found] == ["<p> data-label", '<p data-pagefind-meta="title">',  # no label,
                                          '<p data-pagefind-meta="title">',  # and a claim
                                          '<p data-pagefind-filter="label">'], found


@pytest.mark.parametrize("href", ["../dossiers&#47;2026-040.html", "../dossiers/2026&#45;040.html",
                                  "../dossiers&sol;2026-040.html", "../dossiers/2026-040&period;html"])
def test_unmarked_link_written_with_character_references(href):
    """The parser decodes the link; so does the guard (it once looked for the URL in
    the source as written, and let such a link to an undecided dossier pass)."""
    raw = listing(extra=f'<p><a href="{href}">Besluit: aangenomen</a></p>')
    _one(problems(raw)[:1], "zonder merkteken", "Besluit")


def test_unknown_dossier_marker():
    raw = listing('<li data-dossier="2099-999" data-label="voorstel" data-role="entry">Voorstel: x</li>')
    _one(problems(raw), "<li>", "dossier dat niet bestaat")


# ---------------------------------------------------------------- feeds


def atom(entry_title: str, summary: str, href="https://example.org/dossiers/2026-040.html") -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Alles</title><id>tag:x,2026:alles</id><updated>2026-11-27T00:00:00Z</updated>
<entry><title>{entry_title}</title><id>tag:x,2026:2026-040</id><updated>2026-11-27T00:00:00Z</updated>
<link href="{href}"/><summary type="html">{summary}</summary></entry></feed>""".encode()


def test_feed_with_voorstel_label_passes():
    assert problems(atom("Voorstel aan de raad: Nieuwe sporthal aan de Haven",
                         "Het college vraagt de raad om geld. De raad stemt naar verwachting op 10 december."),
                    check_feed, "feeds/alles.atom.xml") == []


def test_claim_in_feed_summary_after_a_comment():
    """A summary with a child node (here a comment) is read whole, not only up to it."""
    raw = atom("Voorstel aan de raad: Nieuwe sporthal aan de Haven",
               "Het college vraagt geld.<!-- x --> De raad heeft besloten: bouwen.")
    _one(problems(raw, check_feed), "samenvatting van item 1", "besloten")


def test_claim_in_feed_summary():
    raw = atom("Voorstel aan de raad: Nieuwe sporthal aan de Haven", "&lt;p&gt;De raad besloot: bouwen.&lt;/p&gt;")
    _one(problems(raw, check_feed), "samenvatting van item 1", "besloot")


def test_feed_entry_title_as_besluit():
    _one(problems(atom("Besluit: Nieuwe sporthal aan de Haven", "Tekst."), check_feed), "titel van item 1", "Besluit:")


def test_feed_entry_found_by_title_without_link():
    raw = atom("Raadsbesluit Nieuwe sporthal aan de Haven", "Tekst.", href="https://example.org/x")
    _one(problems(raw, check_feed), "titel van item 1", "zonder het label")


def test_rss_item():
    raw = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Alles</title><link>https://x</link>
<description>x</description><item><title>Nieuwe sporthal aan de Haven: aangenomen</title>
<link>https://example.org/dossiers/2026-040.html</link><description>Tekst</description></item></channel></rss>"""
    _one(problems(raw, check_feed), "RSS-feed: titel van item 1", "aangenomen")


def test_feed_of_decided_dossier_may_keep_its_historic_voorstel_entry():
    raw = atom("Voorstel aan de raad: Bomen langs de Stationslaan vervangen", "Tekst.",
               href="https://example.org/dossiers/2026-041.html")
    assert problems(raw, check_feed) == []


# ---------------------------------------------------------------- calendar


def ics(summary: str, description: str = "", url="https://example.org/dossiers/2026-040.html") -> bytes:
    desc = description.replace(",", "\\,").replace("\n", "\\n")
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//NL\r\nBEGIN:VEVENT\r\nUID:stemming-2026-040@x\r\n"
            f"DTSTART:20261210T193000\r\nSUMMARY:{summary}\r\nDESCRIPTION:{desc}\r\nURL:{url}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()


def test_ics_reader_unfolds_and_unescapes():
    raw = (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY;LANGUAGE=nl:Voorstel aan de raad: Nieuwe sp\r\n orthal\\, "
           b"Haven\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert events(raw) == [{"SUMMARY": "Voorstel aan de raad: Nieuwe sporthal, Haven"}]


def test_unfold_is_the_rfc_5545_pattern_in_two_steps():
    """``unfold`` is ``re.sub(r"\\r?\\n[ \\t]", "", text)`` on every text of up to 7
    characters of CR, LF, space, tab and a letter (the two-step version is faster)."""
    import itertools
    import re

    from guard.ics_check import unfold

    reference = re.compile(r"\r?\n[ \t]")
    for n in range(1, 8):
        for chars in itertools.product("\r\n \ta", repeat=n):
            text = "".join(chars)
            assert unfold(text) == reference.sub("", text), repr(text)


def test_unescape_is_the_rfc_5545_regex():
    """``unescape`` by ``str.replace`` equals one pass of the escape regex on every text
    of up to 6 characters of backslash, n, N, ;, comma, a letter and NUL."""
    import itertools
    import re

    from guard.ics_check import unescape

    reference = re.compile(r"\\([\\;,nN])")
    for n in range(1, 7):
        for chars in itertools.product("\\nN;,x\0", repeat=n):
            text = "".join(chars)
            assert unescape(text) == reference.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text), (
                repr(text))


def test_ics_reader_with_only_some_properties_reads_them_alike():
    """The guard reads four properties of an event; the others are not unescaped."""
    from guard.ics_check import _READ

    raw = (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:Eerste\\, samen\r\nSUMMARY:Tweede\r\n"
           b"LOCATION:Stadhuis\\, Havendam\r\nDESCRIPTION;LANGUAGE=nl:Regel 1\\nRegel\r\n 2\r\nBEGIN:VALARM\r\n"
           b"DESCRIPTION:herinnering\r\nEND:VALARM\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nURL:https://x/dossiers/"
           b"2026-040.html\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert events(raw, _READ) == [{k: v for k, v in e.items() if k in _READ} for e in events(raw)]
    assert events(raw, _READ)[0] == {"UID": "a@x", "SUMMARY": "Eerste, samen", "DESCRIPTION": "Regel 1\nRegel2"}


def test_ics_with_label_passes():
    assert problems(ics("Stemming over voorstel: Nieuwe sporthal aan de Haven", "De raad stemt."), check_ics) == []


def test_ics_summary_without_label():
    _one(problems(ics("Stemming: Nieuwe sporthal aan de Haven"), check_ics), "SUMMARY", "zonder het label")


def test_ics_description_claim():
    _one(problems(ics("Voorstel: Nieuwe sporthal aan de Haven", "De raad heeft besloten."), check_ics),
         "DESCRIPTION", "heeft besloten")


def test_ics_meeting_agenda_line_without_label():
    raw = ics("Raadsvergadering", "Agenda:\n- Nieuwe sporthal aan de Haven\n- Iets anders", url="https://x/agenda")
    _one(problems(raw, check_ics), "regel in DESCRIPTION", "zonder het label")


# ---------------------------------------------------------------- data exports


def test_json_export_label_and_result():
    data = {"dossiers": [{"id": "2026-040", "label": "besluit", "status": "aangenomen",
                          "labelTitel": "Voorstel aan de raad: Nieuwe sporthal aan de Haven",
                          "besluitresultaat": "aangenomen", "besluittoelichting": "Omdat."}]}
    msg = _one(problems(json.dumps(data).encode(), check_json), "veld 'label'", "besluit")
    assert "veld 'besluitresultaat'" in msg and "veld 'status'" in msg and "besluittoelichting" in msg


def test_json_export_without_label_field():
    raw = json.dumps([{"id": "2026-040", "titel": "Nieuwe sporthal aan de Haven"}]).encode()
    _one(problems(raw, check_json), "veld 'label'", "(ontbreekt)")


def test_json_export_correct_passes():
    raw = json.dumps([{"id": "2026-040", "label": "voorstel", "status": "in behandeling",
                       "besluitresultaat": None},
                      {"id": "2026-041", "label": "besluit", "status": "verworpen",
                       "besluitresultaat": "verworpen"}]).encode()
    assert problems(raw, check_json) == []


def test_csv_vote_row_for_undecided_dossier():
    raw = b"dossier,besluitresultaat,fractie\n2026-040,aangenomen,VVD\n2026-041,verworpen,VVD\n"
    _one(problems(raw, check_csv), "CSV regel 2", "geen uitslag")


def test_csv_row_label():
    raw = b"id;label;status\n2026-040;besluit;aangenomen\n"
    _one(problems(raw, check_csv), "veld 'label'", "besluit")


# ---------------------------------------------------------------- real builds

ROOT = Path(__file__).resolve().parents[1]
SPECS = [
    Spec("2026-101", "Nieuwe sporthal aan de Haven", onderwerpen=("cultuur", "wonen")),
    Spec("2026-102", "Bomen langs de Stationslaan vervangen", "verworpen", onderwerpen=("groen",)),
    Spec("2026-103", "Regels uit het Besluit bouwwerken leefomgeving", "aangehouden",
         samenvatting="Het college heeft besloten de raad voor te stellen het ontwerpbesluit vast te stellen."),
    Spec("2026-104", "Parkeren in Hierden", "hamerstuk", onderwerpen=("verkeer",)),
    Spec("2026-105", "Zwembad De Sypel", "ingetrokken"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("guardsite")
    content = write_site(tmp / "content", SPECS)
    result = build(content, tmp / "out", settings_file(tmp))
    return tmp, content, result


def test_build_of_correct_site_passes_and_reports_cost(built):
    tmp, _, result = built
    assert result.returncode == 0, result.stderr[-3000:]
    m = re.search(r"Labelcontrole: (\d+) bestanden gecontroleerd, (\d+) overgeslagen in ([\d.]+) s "
                  r"\(CPU [\d.]+ s, 1 proces\), 0 fouten", result.stderr)
    assert m and int(m.group(1)) > 5, result.stderr[-2000:]


def test_build_output_has_clear_labels_for_residents(built):
    tmp, _, _ = built
    html = (tmp / "out" / "dossiers" / "2026-101.html").read_text()
    assert "Voorstel, nog niet besloten" in html  # the badge reads right without colour
    assert "<h1" in html and "Voorstel aan de raad: Nieuwe sporthal aan de Haven</h1>" in html
    assert "10 december 2026" in html  # the planned vote
    assert "Besluit: verworpen" in (tmp / "out" / "dossiers" / "2026-102.html").read_text()


def _broken_theme(tmp: Path, template: str, old: str, new: str) -> Path:
    theme = copy_theme(tmp)
    path = theme / "templates" / template
    text = path.read_text()
    assert old in text, f"{old!r} not in {template}: update this test to the template"
    path.write_text(text.replace(old, new, 1))
    return theme


BREAKS = [
    # (template, old, new, expected element, expected text)
    ("dossier.html", "{% block title %}{{ dossier.label_titel }}", "{% block title %}Besluit: {{ dossier.titel }}",
     "<title>", "Besluit:"),
    ("dossier.html", "{% else %}Voorstel aan de gemeenteraad, nog niet besloten: {% endif %}",
     "{% else %}De raad heeft besloten: {% endif %}", "meta description", "heeft besloten"),
    ("_macros.html", "Voorstel, nog niet besloten", "Besloten", "(badge)", "Besloten"),
]


@pytest.mark.parametrize(("template", "old", "new", "element", "text"), BREAKS, ids=["title", "meta", "badge"])
def test_broken_template_fails_the_build(tmp_path, built, template, old, new, element, text):
    _, content, _ = built
    theme = _broken_theme(tmp_path, template, old, new)
    result = build(content, tmp_path / "out", settings_file(tmp_path, theme))
    assert result.returncode != 0
    err = result.stderr
    assert "De labelcontrole vond" in err and "NIET gepubliceerd" in err
    assert f"dossiers/2026-101.html: {element}" in err or (element == "(badge)" and element in err), err[-3000:]
    assert text in err and "dossier 2026-101" in err and "Schrijf in plaats daarvan" in err


def test_invoke_style_staging_is_not_published(tmp_path, built):
    """A failing build leaves the previous site untouched (the staging folder is discarded)."""
    _, content, _ = built
    theme = _broken_theme(tmp_path, "dossier.html", "{% block title %}{{ dossier.label_titel }}",
                          "{% block title %}Aangenomen: {{ dossier.titel }}")
    result = build(content, tmp_path / "staged", settings_file(tmp_path, theme))
    assert result.returncode == 3  # LabelRuleBroken.exitcode


def test_record_claim_fails_the_build_with_file_and_line(tmp_path):
    content = write_site(tmp_path / "content", [Spec("2026-201", "Sporthal",
                                                     samenvatting="Het college heeft besloten de sporthal te bouwen.")])
    result = build(content, tmp_path / "out", settings_file(tmp_path))
    assert result.returncode != 0
    assert "content/voorstellen/2026-201-dossier.md:7" in result.stderr
    assert "samenvatting" in result.stderr


# ---------------------------------------------------------------- the flip


def _mentions(folder: Path, dossier_id: str, titel: str) -> dict[str, str]:
    """Every output file that names the dossier, with its text."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".ics", ".json", ".csv"} and "theme" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            if f"dossiers/{dossier_id}.html" in text or titel in text or f'"{dossier_id}"' in text:
                found[path.relative_to(folder).as_posix()] = text
    return found


def test_recording_the_outcome_flips_every_output(tmp_path):
    titel = "Nieuwe sporthal aan de Haven"
    specs = [Spec("2026-301", titel, onderwerpen=("cultuur", "wonen")), Spec("2026-302", "Iets anders", "aangenomen")]
    content = write_site(tmp_path / "content", specs)
    before = build(content, tmp_path / "voor", settings_file(tmp_path))
    assert before.returncode == 0, before.stderr[-2000:]
    pages_before = _mentions(tmp_path / "voor", "2026-301", titel)
    must = {"index.html", "dossiers/index.html", "dossiers/2026-301.html", "status/in-behandeling.html",
            "onderwerpen/cultuur.html", "onderwerpen/wonen.html"}
    assert must <= set(pages_before), sorted(pages_before)
    for name, text in pages_before.items():
        if name.endswith(".html"):
            assert f"Voorstel aan de raad: {titel}" in text, name

    # Record the outcome: the vote of 2026-10-08 -> aangenomen. One build later:
    flipped = Spec("2026-301", titel, "aangenomen", onderwerpen=("cultuur", "wonen"))
    shutil.rmtree(content)
    write_site(content, [flipped, specs[1]])
    after = build(content, tmp_path / "na", settings_file(tmp_path))
    assert after.returncode == 0, after.stderr[-2000:]
    pages_after = _mentions(tmp_path / "na", "2026-301", titel)
    assert "status/aangenomen.html" in pages_after and "status/in-behandeling.html" not in pages_after
    html_pages = [n for n in pages_after if n.endswith(".html")]
    assert len(html_pages) >= 6
    for name in html_pages:
        text = pages_after[name]
        assert f"Besluit: {titel}" in text, name
        assert f"Voorstel aan de raad: {titel}" not in text, name
    dossier_page = pages_after["dossiers/2026-301.html"]
    assert "Besluit: aangenomen" in dossier_page and "Voorstel, nog niet besloten" not in dossier_page
    for name, text in pages_after.items():
        if name.endswith(".json"):
            records = [r for r in _json_records(json.loads(text)) if r.get("id") == "2026-301"]
            for r in records:
                assert r.get("label") == "besluit" and r.get("status") == "aangenomen", name
        if name.endswith(".ics"):
            assert "Voorstel aan de raad: " + titel not in text.replace("\r\n ", ""), name


def _json_records(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _json_records(v)
    elif isinstance(node, list):
        for v in node:
            yield from _json_records(v)


def test_check_output_api_on_a_folder(tmp_path):
    (tmp_path / "a.html").write_bytes(page(og="Besluit: Nieuwe sporthal aan de Haven"))
    (tmp_path / "b.html").write_bytes(b"<html><body><p>Niets over dossiers.</p></body></html>")
    report = check_output(tmp_path, [OPEN, DONE])
    assert report.checked == 1 and report.skipped == 1
    assert not report and "meta og:title" in report.text()


def test_title_that_is_a_prefix_of_another_dossiers_title_is_not_confused():
    """Undecided "Regels voor evenementen" inside decided "Regels voor evenementen, tweede versie"."""
    first = DossierInfo("2023-053", "Nieuwe regels voor evenementen", "voorstel", "ingetrokken",
                        "Voorstel aan de raad: Nieuwe regels voor evenementen", "dossiers/2023-053.html")
    second = DossierInfo("2026-018", "Nieuwe regels voor evenementen, tweede versie", "besluit", "aangenomen",
                         "Besluit: Nieuwe regels voor evenementen, tweede versie", "dossiers/2026-018.html")
    index = DossierIndex([first, second])
    raw = page(dossier=second, body="<h2>Besluit: Nieuwe regels voor evenementen, tweede versie</h2>")
    assert check_html(raw, "x.html", index) == []
    raw = page(dossier=second, body="<h2>Besluit: Nieuwe regels voor evenementen</h2>")
    assert [v.dossier for v in check_html(raw, "x.html", index)] == ["2023-053", "2023-053"]


def test_unmarked_title_wrapped_or_with_a_non_breaking_space_is_a_mention():
    """A title in running text as a reader sees it: wrapped over two lines (Markdown
    source keeps its line breaks), or with &nbsp; or a double space."""
    for written in (OPEN.titel.replace(" ", "\n", 1), OPEN.titel.replace(" ", "&nbsp;", 2),
                    OPEN.titel.replace(" ", "  ", 1)):
        raw = page(dossier=DONE, body=f"<p>Het voorstel {written} is aangenomen.</p>")
        found = check_html(raw, "x.html", INDEX)
        assert [(v.dossier, v.element) for v in found] == [(OPEN.id, "<p> zonder merkteken")], written
        # ... also next to an exact mention elsewhere on the page
        raw = page(dossier=DONE, body=f"<h2>Zie ook</h2><p>{OPEN.titel}: voorstel</p><p>{written} is aangenomen.</p>")
        assert any("aangenomen" in v.text for v in check_html(raw, "x.html", INDEX)), written


def test_parallel_check_gives_the_same_report(tmp_path):
    for i in range(30):
        (tmp_path / f"p{i}.html").write_bytes(page(og="Besluit: x" if i % 10 == 0 else None))
    one = check_output(tmp_path, [OPEN, DONE], jobs=1)
    two = check_output(tmp_path, [OPEN, DONE], jobs=2)
    assert two.jobs == 2 and one.jobs == 1
    assert [v.format() for v in one.violations] == [v.format() for v in two.violations]  # same order too
    assert len(one.violations) == 6 and one.checked == two.checked == 30  # 3 pages x (no label + claim)


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 3 * 1024 * 1024 + 7])
def test_files_are_read_whole(tmp_path, size):
    from guard import check
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path = tmp_path / "f.html"
    path.write_bytes(data)
    assert check._read(str(path)) == data


def test_a_file_that_grew_after_its_size_was_asked_is_read_to_its_end(tmp_path, monkeypatch):
    from guard import check
    data = b"<p>" + b"a" * 100_000 + b"</p>"
    path = tmp_path / "f.html"
    path.write_bytes(data)
    real = check.os.fstat

    class Smaller:
        def __init__(self, st):
            self.st_size = st.st_size // 3

    monkeypatch.setattr(check.os, "fstat", lambda fd: Smaller(real(fd)))
    assert check._read(str(path)) == data


def test_files_of_one_dossier_are_checked_by_one_worker():
    """Scheduling for the workers' caches: a dossier's page, feeds and calendar in one
    chunk, the shared files first; every file exactly once."""
    from guard.check import _chunks

    files = [(f"/o/{rel}", rel) for rel in (
        "agenda/dossier/2026-040.ics", "agenda/vergaderingen.ics", "data/dossiers.json", "dossiers/2026-040.html",
        "dossiers/2026-041.html", "dossiers/index.html", "feeds/dossier/2026-040.atom.xml",
        "feeds/dossier/2026-040.rss.xml", "feeds/dossier/2026-041.rss.xml", "index.html", "status/2026-040.html")]
    for jobs in (2, 3, 4):
        chunks = _chunks(files, jobs, INDEX)
        assert sorted(f for chunk in chunks for f in chunk) == sorted(files)
        owner = {rel: n for n, chunk in enumerate(chunks) for _, rel in chunk}
        assert len({owner[rel] for rel in owner if "2026-040" in rel}) == 1
        assert owner["feeds/dossier/2026-041.rss.xml"] == owner["dossiers/2026-041.html"]
        assert owner["index.html"] < owner["dossiers/2026-040.html"]  # shared files first
    # A site whose files are mostly not named after a dossier still keeps both workers busy.
    others = [(f"/o/p{i}.html", f"p{i}.html") for i in range(100)]
    assert len(_chunks(others, 2, INDEX)) == 32
    assert sorted(f for chunk in _chunks(others, 2, INDEX) for f in chunk) == sorted(others)


def test_title_with_curly_quotes_in_running_text_is_a_mention():
    cameras = DossierInfo("2026-050", "Camera's bij de haven", "voorstel", "in behandeling",
                          "Voorstel aan de raad: Camera's bij de haven", "dossiers/2026-050.html")
    index = DossierIndex([cameras, DONE])
    raw = page(dossier=DONE, body="<p>Het plan Camera’s bij de haven is aangenomen.</p>")
    assert {v.dossier for v in check_html(raw, "x.html", index)} == {cameras.id}


# ------------------------------------- titles left out because marked elements hold them

_HOLDERS = [
    f'<p>De raad heeft besloten: {OPEN.titel}.</p>',
    f'<p>{OPEN.titel}</p>',
    f'<div data-dossier="{OPEN.id}" data-label="voorstel" data-role="status"><span data-dossier="{OPEN.id}" '
    f'data-label="voorstel" data-role="badge">{OPEN.titel}</span> is aangenomen</div>',
    f'<span data-dossier="{OPEN.id}" data-label="voorstel" data-role="badge">Voorstel: {OPEN.titel}</span>',
    f'<h2 data-dossier="{DONE.id}" data-label="besluit">{OPEN.titel} is aangenomen</h2>',
    f'<h2 data-dossier="{OPEN.id}" data-label="voorstel">Voorstel aan de raad: {OPEN.titel}</h2>',
    f'<section data-dossier="{OPEN.id}" data-label="voorstel"><p>{OPEN.titel} is vastgesteld</p></section>',
    f'<ul><li data-dossier="{DONE.id}" data-label="besluit" data-role="entry">{OPEN.titel}</li></ul>',
    f"<p>{OPEN.titel.replace(' ', chr(10), 1)} is aangenomen.</p>",
    "<p>Iets anders.</p>",
]


def _without_leaving_out(monkeypatch, raw):
    monkeypatch.setattr(html_check, "_unaccounted", lambda counts, *args: counts)
    return [v.format() for v in problems(raw)]


@given(st.lists(st.sampled_from(_HOLDERS), max_size=5), st.sampled_from([OPEN, DONE]))
@settings(max_examples=300, deadline=None)
def test_leaving_out_titles_held_by_marked_elements_finds_the_same(snippets, dossier):
    """Skipping the search for a title whose every occurrence is in a role-marked
    element or a heading marked for its dossier reports exactly what the search
    reports, also with nested holders, other dossiers' headings and unmarked text."""
    raw = page(dossier=dossier, body="".join(snippets))
    found = [v.format() for v in problems(raw)]
    with pytest.MonkeyPatch.context() as mp:
        assert found == _without_leaving_out(mp, raw)


def test_a_title_in_an_unmarked_paragraph_of_its_own_page_is_still_checked():
    raw = page(body=f"<p>De raad heeft besloten: {OPEN.titel}.</p>")
    assert any("zonder merkteken" in v.element for v in problems(raw))
    # nested holders count the badge's title twice: nothing is left out, so found too
    nested = (f'<div data-dossier="{OPEN.id}" data-label="voorstel" data-role="status"><span data-dossier="{OPEN.id}"'
              f' data-label="voorstel" data-role="badge">Voorstel: {OPEN.titel}</span></div>')
    raw = page(body=nested + f"<p>{OPEN.titel} is aangenomen.</p>")
    assert any("zonder merkteken" in v.element for v in problems(raw))


def test_a_dossier_page_whose_title_is_only_in_marked_places_skips_the_search(monkeypatch):
    calls = []
    real = html_check._title_nodes
    monkeypatch.setattr(html_check, "_title_nodes", lambda *a: calls.append(a[1]) or real(*a))
    assert problems(page()) == []
    assert calls == []  # breadcrumb and h1 hold every occurrence
    problems(page(body=f"<p>Meer over {OPEN.titel}.</p>"))
    assert calls and OPEN in calls[0]


def test_clean_cards_are_remembered_for_one_index_only():
    """The cache of cards found right holds one build's dossiers: checking a page
    against another index (the next build) empties it first, so an earlier build is
    not kept in memory, and a flipped dossier's card is judged anew."""
    raw = listing(card(OPEN), card(DONE))
    assert problems(raw) == []
    assert html_check._CLEAN and {info for info, _ in html_check._CLEAN} <= {OPEN, DONE}
    flipped = DossierInfo(OPEN.id, OPEN.titel, "besluit", "aangenomen", "Besluit: " + OPEN.titel, OPEN.url)
    other = DossierIndex([flipped, DONE])
    found = check_html(raw, "x.html", other)  # the same markup, now of a decided dossier labelled voorstel
    assert any(v.dossier == OPEN.id for v in found)
    assert {info for info, _ in html_check._CLEAN} <= {flipped, DONE}
    assert not any(info is OPEN for info, _ in html_check._CLEAN)
