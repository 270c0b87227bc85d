"""Author markup never reaches a reader unchecked (DESIGN.md, "How the rule is kept", 2).

Three layers, cheapest first: the sanitiser on single attacks and on legitimate
Markdown; a property test that throws mixes of both at it and reads the result with
an HTML5 parser (Lexbor, as a browser parses); and one tiny site, built with hostile
record bodies, a hostile Markdown page and a hostile HTML page, whose output is read
back. The browser proof (no script runs, no CSP violation) is in
``tests/browser/test_csp.py``, on the site :func:`build_hostile_site` makes.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import TinySite, run_pelican
from dossiers.markdown_render import BOVENSTE_KOP, render_all
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import pelicanconf
from raadsinfo.sanitise import ID_PREFIX, PAGINA, TOELICHTING, sanitise

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN = pelicanconf.MARKDOWN

#: Every payload sets this flag or writes this label when it runs or shows.
FLAG = "__gehackt"
CLAIM = "Besluit: aangenomen"

ATTACKS = {
    "script": f'<script>window.{FLAG}=1;document.title="{CLAIM}";'
              f'document.querySelector("h1").textContent="{CLAIM}"</script>',
    "style": f'<style>.status-box{{display:none}} h1::after{{content:"{CLAIM}"}}</style>',
    "img onerror": f'<img src="x" onerror="window.{FLAG}=1">',
    "svg onload": f'<svg onload="window.{FLAG}=1"><text>{CLAIM}</text></svg>',
    "javascript link": f'<a href="javascript:window.{FLAG}=1">Lees meer</a>',
    "javascript link, mixed case": f'<a href="JaVaScRiPt:window.{FLAG}=1">Lees meer</a>',
    "javascript link, entities": f'<a href="&#106;avascript&colon;window.{FLAG}=1">Lees meer</a>',
    "javascript link, tab and space": f'<a href=" java\tscript:window.{FLAG}=1">Lees meer</a>',
    "vbscript link": f'<a href="vbscript:{FLAG}">Lees meer</a>',
    "data link": f'<a href="data:text/html,&lt;script&gt;{FLAG}=1&lt;/script&gt;">Lees meer</a>',
    "protocol-relative link": f'<a href="//evil.example/{FLAG}">Lees meer</a>',
    "backslash link": f'<a href="\\\\evil.example\\{FLAG}">Lees meer</a>',
    "pagefind meta": f'<span data-pagefind-meta="title[data-t]" data-t="{CLAIM}">tekst</span>',
    "pagefind filter": f'<span data-pagefind-filter="status:{CLAIM}">tekst</span>',
    "event handler and style": f'<p onclick="window.{FLAG}=1" onmouseover="window.{FLAG}=1" '
                               f'style="position:fixed;inset:0">tekst</p>',
    "site class and id": f'<p class="status-box status-box--besluit" id="inhoud">{FLAG}</p>',
    "iframe": f'<iframe src="javascript:parent.{FLAG}=1">{FLAG}</iframe>',
    "iframe srcdoc": f'<iframe srcdoc="&lt;script&gt;parent.{FLAG}=1&lt;/script&gt;"></iframe>',
    "object and embed": f'<object data="x.swf">{FLAG}</object><embed src="x.swf">',
    "form": f'<form action="https://evil.example/{FLAG}"><input name="a"><button formaction="x">Stuur</button></form>',
    "base": f'<base href="https://evil.example/{FLAG}/">',
    "meta refresh": f'<meta http-equiv="refresh" content="0;url=https://evil.example/{FLAG}">',
    "stylesheet link": f'<link rel="stylesheet" href="https://evil.example/{FLAG}.css">',
    "template": f"<template><script>{FLAG}=1</script></template>",
    "noscript mxss": f'<noscript><p title="</noscript><img src=x onerror=window.{FLAG}=1>"></noscript>',
    "svg style": f"<svg><style>h1{{display:none}}</style><p>{FLAG}</p></svg>",
    "math": f'<math><mtext><table><mglyph><style><img src=x onerror="window.{FLAG}=1">'
            "</style></mglyph></table></mtext></math>",
    "nested script": f"<scr<script>ipt>window.{FLAG}=1</scr</script>ipt>",
    "comment": f"<!-- <script>window.{FLAG}=1</script> -->",
    "title": f"<title>{CLAIM}</title>",
}

#: What may never be in a sanitised body, whatever went in.
FORBIDDEN_TAGS = {"script", "style", "iframe", "frame", "object", "embed", "img", "svg", "math", "form", "input",
                  "button", "base", "meta", "link", "template", "noscript", "title", "textarea", "select",
                  "image", "use", "foreignobject", "animate", "set", "h1", "h2"}
ALLOWED_SCHEMES = ("http://", "https://", "mailto:")


def parse(html: str):
    """The body of ``html`` as Chromium would parse it (Lexbor implements the HTML5 parser)."""
    return LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>").body


def problems(html: str, forbidden_tags=FORBIDDEN_TAGS, allowed_attributes=None) -> list[str]:
    """Everything in ``html`` that a record body must not give a reader."""
    found = []
    for node in parse(html).traverse(include_text=False):
        if node.tag in ("body", "-text"):
            continue
        if node.tag in forbidden_tags:
            found.append(f"<{node.tag}>")
        for name, value in node.attributes.items():
            if allowed_attributes is not None and name not in allowed_attributes:
                found.append(f"{node.tag}[{name}]")
            if name.startswith("on") or name in ("style", "class", "id", "srcdoc", "formaction", "action") \
                    or name.startswith("data-"):
                found.append(f"{node.tag}[{name}]")
            if name in ("href", "src") and value and ":" in value.split("/")[0] \
                    and not value.lower().startswith(ALLOWED_SCHEMES):
                found.append(f"{node.tag}[{name}={value}]")
            if name in ("href", "src") and value and value.startswith(("//", "\\")):
                found.append(f"{node.tag}[{name}={value}]")
    return found


def headings(html: str) -> list[int]:
    return [int(n.tag[1]) for n in parse(html).traverse() if n.tag in {f"h{i}" for i in range(1, 7)}]


# -- single attacks -----------------------------------------------------------------


@pytest.mark.parametrize("name", ATTACKS)
def test_attack_is_removed_from_a_record_body(name):
    html = sanitise(f"<p>Voor</p>{ATTACKS[name]}<p>Na</p>")
    assert problems(html) == [], html
    assert CLAIM not in parse(html).text(), html
    assert "<p>Voor</p>" in html and "<p>Na</p>" in html


@pytest.mark.parametrize("name", ATTACKS)
def test_attack_is_removed_from_a_page(name):
    html = sanitise(ATTACKS[name], 2, PAGINA)
    page_tags = FORBIDDEN_TAGS - {"svg", "title"}  # a page may draw a static SVG diagram
    assert problems(html, page_tags) == [] or _only_svg_ids(html), html
    assert FLAG not in "".join(n.attributes.get("href") or "" for n in parse(html).css("a")), html


def _only_svg_ids(html: str) -> bool:
    """Problems on a page are only the prefixed ids of SVG internals."""
    return all(n.attributes.get("id", ID_PREFIX).startswith(ID_PREFIX) for n in parse(html).css("[id]"))


def test_text_inside_script_and_style_is_dropped_not_shown():
    html = sanitise("<p>a</p><script>var geheim = 1;</script><style>p{color:red}</style><p>b</p>")
    assert html == "<p>a</p><p>b</p>"


def test_links_keep_http_https_mailto_and_relative_addresses_with_rel():
    html = sanitise('<a href="https://a.example/x">1</a> <a href="http://a.example">2</a> '
                    '<a href="mailto:griffie@voorbeeld.example">3</a> <a href="vragen.html#kop">4</a> '
                    '<a href="ftp://a.example">5</a> <a href="tel:0341">6</a>')
    links = {a.text(): a.attributes for a in parse(html).css("a")}
    assert links["1"] == {"href": "https://a.example/x", "rel": "noopener noreferrer"}
    assert links["2"]["href"] == "http://a.example" and links["3"]["href"] == "mailto:griffie@voorbeeld.example"
    assert links["4"]["href"] == "vragen.html#kop"
    assert "5" not in links and "6" not in links and html.endswith(" 5 6")


def test_a_link_that_lost_its_address_becomes_plain_text():
    """An <a> without href looks like a link but goes nowhere; its text stays, unlinked."""
    html = sanitise(f'<p><a href="javascript:window.{FLAG}=1">Lees <em>meer</em></a> of '
                    '<a href="https://a.example">dit</a></p>')
    assert html == '<p>Lees <em>meer</em> of <a href="https://a.example" rel="noopener noreferrer">dit</a></p>'
    html = render_all([f"[Klik](javascript:window.{FLAG}=1) en [stuk](https://a.example/s.pdf)"], MARKDOWN)[0]
    assert html == '<p>Klik en <a href="https://a.example/s.pdf" rel="noopener noreferrer">stuk</a></p>'


def test_table_cells_keep_scope_colspan_rowspan_only():
    html = sanitise('<table><thead><tr><th scope="col" style="text-align: right;" class="x" '
                    'colspan="2">Kop</th></tr></thead><tbody><tr><td rowspan="2" align="left" '
                    'headers="a">1</td></tr></tbody></table>')
    assert html == ('<table><thead><tr><th scope="col" colspan="2">Kop</th></tr></thead>'
                    '<tbody><tr><td rowspan="2">1</td></tr></tbody></table>')


def test_images_are_not_kept():
    """A record links to its documents; an image from elsewhere would tell that server who reads."""
    assert sanitise('<p>Kaart: <img src="https://a.example/kaart.png" alt="kaart"></p>') == "<p>Kaart: </p>"


# -- legitimate Markdown through the record renderer ----------------------------------

LEGIT = """\
Het college wil een **nieuwe speeltuin** maken. Dat is *belangrijk* voor de OZB.
Een nieuwe regel,<br>
na een harde regelovergang.

## Wat komt er?

- een schommel
- een zandbak

3. derde punt
4. vierde punt

| Onderdeel | Kosten |
|:---|---:|
| Schommel | 10.000 |

Lees het [raadsvoorstel](https://voorbeeld.example/stuk.pdf) of mail [de griffie](mailto:griffie@voorbeeld.example).

> Een citaat van een inwoner.

Speeltoestel
: Iets om op te spelen.

```
code <met> & tekens
```

---

*[OZB]: onroerendezaakbelasting
"""


def test_legitimate_markdown_still_renders():
    html = render_all([LEGIT], MARKDOWN)[0]
    body = parse(html)
    assert problems(html) == []
    assert [n.text() for n in body.css("h3")] == ["Wat komt er?"]
    assert body.css_first("strong").text() == "nieuwe speeltuin" and body.css_first("em").text() == "belangrijk"
    assert body.css_first("br") is not None and body.css_first("hr") is not None
    assert [li.text() for li in body.css("ul li")] == ["een schommel", "een zandbak"]
    assert body.css_first("ol").attributes == {"start": "3"}
    assert [c.text() for c in body.css("table th")] == ["Onderdeel", "Kosten"]
    assert [c.text() for c in body.css("table tbody td")] == ["Schommel", "10.000"]
    links = {a.text(): a.attributes.get("href") for a in body.css("a")}
    assert links == {"raadsvoorstel": "https://voorbeeld.example/stuk.pdf",
                     "de griffie": "mailto:griffie@voorbeeld.example"}
    assert body.css_first("blockquote").text(strip=True) == "Een citaat van een inwoner."
    assert body.css_first("dt").text() == "Speeltoestel" and body.css_first("dd").text() == "Iets om op te spelen."
    assert body.css_first("pre code").text() == "code <met> & tekens\n"
    assert body.css_first("abbr").attributes == {"title": "onroerendezaakbelasting"}


# -- headings ---------------------------------------------------------------------------


def test_besluit_heading_in_a_record_body_never_becomes_h1_or_h2():
    for body in ("# Besluit van de gemeenteraad\n\nTekst.",
                 "Besluit van de gemeenteraad\n===========================\n\nTekst.",
                 "<h1>Besluit van de gemeenteraad</h1>\n\nTekst.",
                 '<div markdown="1">\n# Besluit van de gemeenteraad\n</div>',
                 "## Besluit van de gemeenteraad\n\n# Besluit van de gemeenteraad"):
        html = render_all([body], MARKDOWN)[0]
        levels = headings(html)
        assert levels and min(levels) == BOVENSTE_KOP == 3, (body, html)
        assert "Besluit van de gemeenteraad" in parse(html).css_first("h3").text()


def test_record_headings_shift_below_the_toelichting_h2_clamped_at_h6():
    html = render_all(["# Een\n\n## Twee\n\n### Drie\n\n#### Vier\n\n##### Vijf\n\n###### Zes"], MARKDOWN)[0]
    assert headings(html) == [3, 4, 5, 6, 6, 6]


def test_the_highest_heading_of_a_body_sits_right_under_the_page():
    """A body that starts at ## (as every sample record does) does not skip a level."""
    assert headings(render_all(["## Wat komt er?\n\n### Details"], MARKDOWN)[0]) == [3, 4]
    assert headings(sanitise("<h4>a</h4><h5>b</h5>", 3)) == [3, 4]


def test_page_headings_start_at_h2():
    assert headings(sanitise("<h1>a</h1><h2>b</h2>", 2, PAGINA)) == [2, 3]
    assert headings(sanitise("<h2>a</h2><h3>b</h3>", 2, PAGINA)) == [2, 3]


def test_heading_text_inside_attributes_is_not_a_heading():
    html = sanitise('<abbr title="<h1>x</h1>">a</abbr><h2>Kop</h2>', 3)
    assert html == '<abbr title="&lt;h1&gt;x&lt;/h1&gt;">a</abbr><h3>Kop</h3>'


def test_a_body_can_never_ask_for_an_h1():
    with pytest.raises(ValueError):
        sanitise("<p>x</p>", 1)


# -- property: any mix of attacks, headings and text -----------------------------------

PIECES = [*ATTACKS.values(),
          "<h1>Een</h1>", "<h2>Twee</h2>", "<h3>Drie</h3>", "<h6>Zes</h6>", "<h2 id=x class=y>Kop</h2>",
          '<abbr title="<h1>">a</abbr>', '<p title="</p><h1>">p</p>', "<p>", "</p>", "<table><td>",
          "<ul><li>een", "</h1>", "<h1", '"', "'", "<", ">", "&", "tekst", "\n\n",
          '<a href="https://a.example">link</a>', "<pre><code><h1>code</h1></code></pre>"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=12),
       st.sampled_from([2, 3, 4]))
def test_any_mix_is_clean_and_its_headings_start_at_the_given_level(pieces, top):
    source = "".join(pieces)
    html = sanitise(source, top)
    assert problems(html, FORBIDDEN_TAGS - {"h1", "h2"} if top == 2 else FORBIDDEN_TAGS) == [], (source, html)
    unshifted = headings(TOELICHTING.cleaner.clean(source))
    levels = headings(html)
    if unshifted:
        assert levels == [min(level - min(unshifted) + top, 6) for level in unshifted], (source, html)
        assert min(levels) == top
    else:
        assert levels == []
    assert all("href" in a.attributes for a in parse(html).css("a")), (source, html)
    assert sanitise(html, top) == html  # a second pass changes nothing


# -- explainer pages: figures and a static SVG ----------------------------------------------


def _diagram() -> str:
    text = (ROOT / "content" / "pages" / "hoe-werkt-de-raad.md").read_text(encoding="utf-8")
    return text[text.index("<figure"):text.index("</figure>") + len("</figure>")]


def test_page_keeps_its_svg_diagram_with_prefixed_ids_and_no_style():
    html = sanitise(_diagram(), 2, PAGINA)
    body = parse(html)
    svg = body.css_first("figure.schema svg.grafiek")
    assert svg is not None and "style" not in svg.attributes
    ids = {n.attributes["id"] for n in body.css("[id]")}
    assert ids == {f"{ID_PREFIX}schema-titel", f"{ID_PREFIX}schema-desc", f"{ID_PREFIX}schema-pijl"}
    assert set(svg.attributes["aria-labelledby"].split()) <= ids
    assert {n.attributes["marker-end"] for n in body.css("line")} == {f"url(#{ID_PREFIX}schema-pijl)"}
    assert len(body.css("rect")) == 5 and "Het college stelt voor" in body.text()


@pytest.mark.parametrize("svg", [
    f'<svg><a href="javascript:window.{FLAG}=1"><text>x</text></a></svg>',
    f'<svg><use href="https://evil.example/{FLAG}.svg#a"></use></svg>',
    f'<svg><image href="https://evil.example/{FLAG}.png"></image></svg>',
    f'<svg><foreignObject><p onclick="{FLAG}">x</p></foreignObject></svg>',
    f'<svg><animate attributeName="href" to="javascript:{FLAG}"></animate></svg>',
    f'<svg><set attributeName="onmouseover" to="{FLAG}"></set></svg>',
    f'<svg><rect fill="url(https://evil.example/{FLAG}.svg#p)" width="1" height="1"></rect></svg>',
    f'<svg><script>{FLAG}=1</script><style>h1{{display:none}}</style></svg>',
    f'<svg onload="{FLAG}=1"><rect onclick="{FLAG}=1" style="fill:red" class="status-box"></rect></svg>',
])
def test_page_svg_cannot_link_load_or_run(svg):
    html = sanitise(svg, 2, PAGINA)
    assert FLAG not in html, html
    tags = {n.tag for n in parse(html).traverse(include_text=False)}
    assert not tags & {"use", "image", "foreignobject", "animate", "set", "script", "style"}
    assert all("href" not in a.attributes for a in parse(html).css("a")), html  # the link text may stay


def test_page_classes_are_limited_to_the_notice_and_figure_classes():
    html = sanitise('<p class="alert alert--warning status-box">Let op</p><figure class="schema badge"></figure>'
                    '<p class="status-box--besluit">x</p>', 2, PAGINA)
    assert html == '<p class="alert alert--warning">Let op</p><figure class="schema"></figure><p>x</p>'


# -- a tiny site with hostile bodies, built and read back -------------------------------------------

HOSTILE_BODY = f"""\
# Besluit van de gemeenteraad

Gewone uitleg over de speeltuin in de wijk.

{ATTACKS["script"]}

{ATTACKS["style"]}

<p>Een foto: {ATTACKS["img onerror"]}</p>

{ATTACKS["svg onload"]}

<p>{ATTACKS["javascript link"]} en {ATTACKS["pagefind meta"]}</p>

<p><a href="https://voorbeeld.example/stuk.pdf" onclick="window.{FLAG}=1" class="status-box" id="inhoud"
style="position:fixed;inset:0;background:white">Het raadsvoorstel</a></p>

{ATTACKS["iframe"]}

{ATTACKS["base"]}

{ATTACKS["meta refresh"]}

## Wat komt er?

| Onderdeel | Kosten |
|---|---:|
| Schommel | 10.000 |
"""

HOSTILE_PAGE_MD = f"""\
Title: Over inspreken
Slug: kwaad
Summary: Korte uitleg.<script>window.{FLAG}=1</script>

# Besluit van de gemeenteraad

Gewone uitleg over inspreken.

{ATTACKS["script"]}

{ATTACKS["style"]}

<p>{ATTACKS["img onerror"]} {ATTACKS["javascript link"]} {ATTACKS["pagefind meta"]}</p>

{ATTACKS["svg onload"]}

## Hoe gaat het?

Lees [de uitleg](inspreken.html).
"""

#: Record fields are printed with Jinja's autoescaping; these must stay text.
HOSTILE_FIELD = f'Speeltuin <script>window.{FLAG}=1</script><img src=x onerror="window.{FLAG}=1">'

UNDECIDED = "2024-010"  # a voorstel with a hostile body: the attacks try to make it look decided
DECIDED = "2024-011"  # a besluit whose outcome body is hostile


#: An undecided voorstel's body with the same attacks, but without words that claim a
#: decision: those the wording check refuses before anything is built (tested below),
#: and this build is about what the sanitiser lets through.
HOSTILE_BODY_UNDECIDED = HOSTILE_BODY.replace(CLAIM, "Gekaapt").replace("# Besluit van de gemeenteraad", "# Uitleg")


def test_the_wording_check_refuses_the_claims_before_the_sanitiser_is_needed(tmp_path):
    tiny = TinySite(tmp_path)
    content = tiny(besluit=False, files={"voorstellen/2024-010-speeltuin-drielanden.md": tiny.record(
        tiny.voorstel(), HOSTILE_BODY)})
    assert any("Besluit" in p.format() for p in tiny.errors(content))


def build_hostile_site(tmp_path: Path, index: bool = True) -> Path:
    """Build the hostile tiny site into ``tmp_path/out`` (and index it with Pagefind).

    The build leaves out the labelling guard: it has its own tests, and this build is
    about what the sanitiser and the templates let through. (While this was written,
    the guard was being reworked and stopped even the plain tiny site.)
    """
    tiny = TinySite(tmp_path)
    content = tiny(
        voorstel=False,
        besluit=False,
        files={
            "voorstellen/2024-010-speeltuin-drielanden.md": tiny.record(
                tiny.voorstel(samenvatting=HOSTILE_FIELD, portefeuillehouder=HOSTILE_FIELD,
                              gevraagdBesluit=[HOSTILE_FIELD]), HOSTILE_BODY_UNDECIDED),
            "voorstellen/2024-011-fietspad.md": tiny.record(
                tiny.voorstel(id=DECIDED, titel="Fietspad langs de Hierderweg"), "Uitleg over het fietspad.\n"),
            f"besluiten/{DECIDED}.md": tiny.record(tiny.besluit(voorstel=DECIDED), HOSTILE_BODY),
            "pages/kwaad.md": HOSTILE_PAGE_MD,
        },
    )
    out = tmp_path / "out"
    plugins = [p for p in pelicanconf.PLUGINS if p != "guard"]
    result = run_pelican(content, out, extra_settings={"PLUGINS": plugins})
    assert result.returncode == 0, result.output
    if index:
        from buildtools import search

        search.index(out)
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("kwaad"))


def _html_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)


def _read(path: Path):
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [f"dossiers/{UNDECIDED}.html", f"dossiers/{DECIDED}.html", "kwaad.html"])
def test_built_page_has_no_author_markup(hostile, name):
    page = _read(hostile / name)
    assert page.css("script") == [], "no page but the search page has a script element"
    assert page.css("style, [style], iframe, object, embed, img, base, form") == []
    assert page.css("head meta[http-equiv=refresh]") == [] and len(page.css("body meta")) == 0
    assert not [n for n in page.body.traverse(include_text=False) if any(a.startswith("on") for a in n.attributes)]
    assert not [a for a in page.css("a[href]") if a.attributes["href"].lower().lstrip().startswith("javascript")]
    assert not [n for n in page.css("[data-t], [data-pagefind-filter*='Besluit']")]
    assert len(page.css("h1")) == 1
    # Record fields stay visible as text (see test_record_fields_are_escaped_text); the bodies
    # show nothing of a payload. A page may draw an SVG with text, so only a dossier is held
    # to the claim.
    bodies = " ".join(b.text() for b in page.css(".toelichting") or page.css("article.page"))
    assert FLAG not in bodies
    assert CLAIM not in bodies or not name.startswith("dossiers/")
    assert len(page.css("#inhoud")) == 1 and page.css("#inhoud")[0].tag == "main"


def test_record_body_headings_sit_under_the_dossier_headings(hostile):
    page = _read(hostile / f"dossiers/{UNDECIDED}.html")
    assert page.css_first("h1").text(strip=True) == "Voorstel aan de raad: Nieuwe speeltuin in Drielanden"
    toelichting = page.css_first(".toelichting")
    assert [n.tag for n in toelichting.css("h1, h2, h3, h4, h5, h6")] == ["h3", "h4"]
    assert toelichting.css_first("h3").text() == "Uitleg"  # a "#" heading: h3, never the page title
    assert [c.text() for c in toelichting.css("td")] == ["Schommel", "10.000"]
    link = toelichting.css_first('a[href="https://voorbeeld.example/stuk.pdf"]')
    assert link.attributes == {"href": "https://voorbeeld.example/stuk.pdf", "rel": "noopener noreferrer"}
    assert "status-box--voorstel" in page.css_first(".status-box").attributes["class"].split()


def test_besluit_body_headings_sit_under_its_section(hostile):
    page = _read(hostile / f"dossiers/{DECIDED}.html")
    bodies = page.css(".toelichting")
    assert bodies and all(n.tag in ("h3", "h4") for b in bodies for n in b.css("h1, h2, h3, h4, h5, h6"))


def test_record_fields_are_escaped_text(hostile):
    """Samenvatting, portefeuillehouder and gevraagd besluit hold markup: it shows as text."""
    page = _read(hostile / f"dossiers/{UNDECIDED}.html")
    assert page.body.text().count(HOSTILE_FIELD) >= 2
    assert page.css("script, img") == []
    assert HOSTILE_FIELD in page.css_first("meta[name=description]").attributes["content"]


def test_page_headings_start_at_h2_and_summary_is_clean(hostile):
    page = _read(hostile / "kwaad.html")
    assert [n.tag for n in page.css("article h1, article h2, article h3")] == ["h1", "h2", "h3"]
    assert page.css_first("article h1").text() == "Over inspreken"
    description = page.css_first("meta[name=description]").attributes["content"]
    assert "script" not in description and FLAG not in description


def test_every_page_carries_the_csp_first_in_its_head(hostile):
    for path in _html_files(hostile):
        page = _read(path)
        head = [n for n in page.head.iter(include_text=False)]
        assert head[0].attributes == {"charset": "utf-8"}, path
        csp = head[1].attributes.get("content", "")
        assert head[1].attributes.get("http-equiv") == "Content-Security-Policy", path
        rules = dict(part.strip().split(" ", 1) for part in csp.split(";"))
        assert rules["default-src"] == "'self'" and rules["style-src"] == "'self'", path
        assert rules["object-src"] == "'none'" and rules["base-uri"] == "'none'", path
        expected = "'self' 'wasm-unsafe-eval'" if path.name == "zoeken.html" else "'none'"
        assert rules["script-src"] == expected, path
        assert "unsafe-inline" not in csp, path
        assert [s for s in page.css("script") if not s.attributes.get("src")] == [], f"inline script in {path}"
        assert page.css("style, [style]") == [], f"inline style in {path}"


def test_search_index_titles_come_from_the_h1_not_from_a_body(hostile):
    """Pagefind reads data-pagefind-meta; a span from the body must not set the result title."""
    titles = {}
    for fragment in (hostile / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).decode("utf-8").removeprefix("pagefind_dcd"))
        titles[data["url"].rsplit("/", 1)[-1]] = data["meta"]["title"]
    assert titles[f"{UNDECIDED}.html"] == "Voorstel aan de raad: Nieuwe speeltuin in Drielanden"
    assert CLAIM not in json.dumps(titles)


def test_no_tooltip_or_language_attribute_except_on_abbr():
    html = sanitise('<p title="Besluit: aangenomen" lang="en">x <a href="https://a.nl" title="Besluit">y</a> '
                    '<abbr title="Onroerendezaakbelasting">OZB</abbr></p>')
    assert 'title="Besluit' not in html and "lang=" not in html
    assert '<abbr title="Onroerendezaakbelasting">OZB</abbr>' in html
