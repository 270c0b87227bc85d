"""The B1 language check on known easy and hard Dutch texts."""

from __future__ import annotations

import random
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown import Markdown

from pelicanconf import MARKDOWN
from raadsinfo import b1
from raadsinfo.b1 import DREMPELS, Drempels, is_lang_woord, meet, tekst_uit_html, zinnen
from raadsinfo.b1_teksten import _split_pelican_page, alle_teksten, begrippen_tekst, pagina_teksten, rapport
from raadsinfo.glossary import load_begrippen
from raadsinfo.loader import load_site

ROOT = Path(__file__).resolve().parent.parent

EASY = ("De bomen langs de Stationslaan zijn ziek. Sommige kunnen omvallen. Het college wil 14 bomen kappen "
        "en 20 nieuwe bomen planten. De nieuwe bomen kunnen beter tegen droogte. Het fietspad wordt daarna "
        "ook breder.")

# Officialese: long sentences, nominalisations, compound words.
HARD = ("Het college stelt voor om een krediet beschikbaar te stellen ten behoeve van de herinrichting van de "
        "openbare ruimte, waarbij de gemeentelijke beleidsuitgangspunten ten aanzien van duurzaamheid en "
        "klimaatadaptatie integraal worden meegenomen. Teneinde de uitvoering van de werkzaamheden te "
        "bespoedigen wordt voorgesteld de aanbestedingsprocedure te starten.")


def test_easy_text_meets_every_threshold():
    m = meet(EASY, "makkelijk")
    assert m.voldoet, m.rapport()
    assert m.leesgemak >= 60
    assert m.woorden_per_zin <= 15
    assert m.aandeel_lange_woorden <= 0.15
    assert m.aantal_zinnen == 5


def test_hard_text_fails_on_all_three_measures_with_reasons_in_dutch():
    m = meet(HARD, "moeilijk")
    assert not m.voldoet
    assert m.leesgemak < 40
    assert m.woorden_per_zin > 15
    assert m.aandeel_lange_woorden > 0.15
    redenen = " ".join(m.redenen)
    assert "leesgemak (Flesch-Douma)" in redenen
    assert "woorden per zin" in redenen
    assert "lange woorden" in redenen


def test_report_shows_score_and_hardest_sentences_first():
    m = meet(HARD, "content/voorstellen/x.md: samenvatting")
    hardest = m.moeilijkste_zinnen()
    assert hardest[0].tekst.startswith("Teneinde")  # lowest Flesch-Douma of the two
    assert hardest[0].leesgemak <= hardest[1].leesgemak
    report = m.rapport()
    assert report.startswith("content/voorstellen/x.md: samenvatting: te moeilijk voor B1 (leesgemak ")
    assert "Moeilijkste zinnen:" in report
    assert "aanbestedingsprocedure" in report  # the long words of the sentence are named


def test_flesch_douma_is_computed_by_textstat_with_the_dutch_setting():
    # Flesch-Douma: 206.835 - 0.93 * words per sentence - 77 * syllables per word.
    text = "De raad stemt. Het plan gaat door."
    m = meet(text)
    words, sentences = 7, 2
    syllables = sum(b1.lettergrepen(w) for w in text.replace(".", "").split())
    expected = 206.835 - 0.93 * words / sentences - 77 * syllables / words
    assert m.leesgemak == pytest.approx(expected)


def test_numbers_abbreviations_and_addresses_do_not_end_a_sentence():
    assert len(zinnen("Het kost € 385.000, bijv. voor 12 bomen. De raad vergadert om 19.30 uur.")) == 2
    assert len(zinnen("Mail naar griffie@voorbeeld.harderwijk.example of kijk op www.harderwijk.nl. Dank u.")) == 2
    assert len(zinnen("Dit gaat o.a. over geld, d.w.z. over belasting.")) == 1


@pytest.mark.parametrize(("woord", "lang"), [
    ("beleidsuitgangspunten", True), ("klimaatadaptatie", True), ("aanbestedingsprocedure", True),
    ("gemeenteraad", True),  # four syllables: a known "miscount" for a common compound word
    ("fietspad", False), ("bomen", False), ("2026", False), ("385000", False),
])
def test_long_words(woord, lang):
    assert is_lang_woord(woord) is lang


def test_short_text_is_not_judged_on_its_unstable_score_but_still_on_long_words():
    short_ok = meet("Bewoners van de Stationslaan mogen meekiezen uit drie soorten bomen.")
    assert short_ok.leesgemak < 60 and short_ok.voldoet
    short_hard = meet("Teneinde de uitvoering van de werkzaamheden te bespoedigen wordt voorgesteld de "
                      "aanbestedingsprocedure te starten.")
    assert not short_hard.voldoet
    assert any("lange woorden" in r for r in short_hard.redenen)


def test_thresholds_are_settings():
    strict = Drempels(min_leesgemak=95, min_woorden_voor_leesgemak=1)
    assert meet(EASY).voldoet
    assert not meet(EASY, drempels=strict).voldoet
    assert DREMPELS.min_leesgemak == 60 and DREMPELS.max_woorden_per_zin == 15


def test_html_blocks_end_sentences_and_charts_are_skipped():
    html = ("<h2>Waarom nu</h2><p>De schimmel wordt erger</p><ul><li>Eerst kappen</li><li>Dan planten</li></ul>"
            "<figure><svg><title>Grafiek</title><text>14</text></svg></figure><pre>code</pre>")
    assert tekst_uit_html(html) == "Waarom nu. De schimmel wordt erger. Eerst kappen. Dan planten."


def test_rapport_lists_failures_and_with_alles_every_text():
    metingen = [meet(EASY, "a.md: samenvatting"), meet(HARD, "b.md: samenvatting")]
    short = rapport(metingen)
    assert "b.md" in short and "a.md" not in short
    assert "1 van 2 teksten voldoen" in short
    full = rapport(metingen, alles=True)
    assert "a.md: samenvatting: voldoet aan B1" in full


@pytest.mark.parametrize("name", ["hoe-werkt-de-raad.md", "inspreken.md", "vragen.md"])
def test_our_explainer_pages_meet_b1(name):
    teksten = {t.naam: t for t in pagina_teksten(ROOT / "content", MARKDOWN)}
    tekst = teksten[f"content/pages/{name}"]
    m = meet(tekst.tekst, tekst.naam)
    assert m.aantal_woorden > 150
    assert m.voldoet, m.rapport()


def test_glossary_meets_b1():
    [tekst] = begrippen_tekst(load_begrippen(ROOT / "content"))
    assert meet(tekst.tekst, tekst.naam).voldoet


def test_fast_leesgemak_equals_textstat_on_the_sample_texts():
    """leesgemak() counts syllables once per word; it must give textstat's own score."""
    from datetime import date
    from pathlib import Path

    from raadsinfo.b1 import _stats, leesgemak, normaliseer
    from raadsinfo.b1_teksten import alle_teksten
    from raadsinfo.glossary import load_begrippen
    from raadsinfo.loader import load_site

    content = Path(__file__).resolve().parents[1] / "content"
    site = load_site(content, today=date(2026, 11, 27))
    teksten = alle_teksten(site.dossiers, content, load_begrippen(content), MARKDOWN)
    assert len(teksten) > 100
    for t in teksten:
        clean = normaliseer(t.tekst)
        assert leesgemak(clean) == pytest.approx(_stats().flesch_reading_ease(clean), abs=1e-9), t.naam


# --- The fast paths give the same text as the simple versions they replaced ----------


class _ReferenceExtractor(HTMLParser):
    """The html.parser version of :func:`tekst_uit_html` that lxml replaced (reference)."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption",
              "blockquote", "figcaption", "div", "section", "tr", "summary"}
    SKIP = {"svg", "script", "style", "pre", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.skipping = [], [], 0

    def _end_block(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text if re.search(r"[.!?:;]$", text) else text + ".")
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS or tag == "br":
            self._end_block()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)

    def close(self):
        super().close()
        self._end_block()


def _reference_tekst_uit_html(html: str) -> str:
    parser = _ReferenceExtractor()
    parser.feed(html)
    parser.close()
    return " ".join(parser.blocks)


_AFKORTING_REFERENCE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(b1.AFKORTINGEN, key=len, reverse=True)) + ")", re.IGNORECASE)


def _reference_normaliseer(text: str) -> str:
    """normaliseer() before the pre-filter, the trie and str.split() (reference)."""
    if "@" in text or "http" in text or "www." in text:
        text = b1._ADRES.sub("adres", text)
    text = re.sub(r"(?<=\d)[.,](?=\d)", "", text)
    text = _AFKORTING_REFERENCE.sub(lambda m: m.group(1).replace(".", "").replace("/", ""), text)
    return re.sub(r"\s+", " ", text).strip()


def _sample_bodies() -> list[str]:
    """Every Markdown body of the sample site: toelichtingen and pages."""
    site = load_site(ROOT / "content", today=date(2026, 11, 27))
    bodies = [v.toelichting for d in site.dossiers for v in [d.voorstel, *d.uitkomsten] if v.toelichting.strip()]
    pages = sorted((ROOT / "content" / "pages").glob("*.md"))
    bodies += [_split_pelican_page(p.read_text(encoding="utf-8")) for p in pages]
    return bodies


HTML_EDGE_CASES = [
    "", "   \n ", "Losse tekst zonder tags", "tekst <b>vet</b> en meer<p>alinea</p>staart",
    "<ul><li>een<ul><li>twee</li><li>drie<ol><li>vier</li></ol></li></ul></li><li>vijf</li></ul>",
    "<table><thead><tr><th>Kop</th><th>Bedrag</th></tr></thead>"
    "<tbody><tr><td>a</td><td>€ 1.000</td></tr></tbody></table>",
    "<table><caption>Titel</caption><tr><td>x<td>y</table>",
    "<p>Voor <svg><title>Grafiek</title><text>14</text><g><rect/></g></svg> na</p>",
    "<figure><svg viewBox='0 0 1 1'><path d='M0 0'/><text>1</text></svg><figcaption>Bijschrift</figcaption></figure>",
    "<p>Tom &amp; Jerry &lt;b&gt; &quot;x&quot; &euro; 5&nbsp;000 &hellip; &#8364; &#x20AC; &amp zonder</p>",
    "<p>a<!-- opmerking -->b</p><!-- los -->c", "<p>regel een<br>regel twee<br/>regel drie<br />vier</p>",
    "<h2>Waarom?</h2><p>Omdat:</p><p>Zo;</p><p>Klaar!</p>",
    "<pre><code>x = 1\n</code></pre><p>Na code</p><p>inline <code>code</code> hier</p>",
    "<script>var a = '<p>';</script><style>p { x: 1 }</style><p>zichtbaar</p>",
    "<div>buiten<div>binnen</div>weer buiten</div>", "<dl><dt>term</dt><dd>uitleg</dd></dl>",
    "<blockquote><p>citaat</p></blockquote>", "<details><summary>Meer</summary><p>inhoud</p></details>",
    "<section><h3>S</h3>tekst</section>", "<p>  veel    spaties\n\n en\t tabs  </p>",
    "<p><strong>vet</strong> <em>schuin</em></p>", "<p>Onbekende &foo; entiteit &amp;amp;</p>",
    "<p>Afbeelding <img src='x' alt='alt'> tekst</p>", "<hr><p>na lijn</p>", "<P>HOOFDLETTERS</P><LI>item</LI>",
    "<svg><foreignObject><p>in svg</p></foreignObject></svg>staart", "<p>voor<svg><p>blok in svg</p></svg>na</p>",
    "tekst<pre>code</pre>meer", "<p>\u00a0</p><p>x\u2003y</p>", "<p>a</p>\n\n<p>b</p>\n", "<li>los item",
    "<p>eindigt op punt.</p><p>eindigt op spatie punt . </p>", "<![CDATA[verborgen]]><p>x</p>",
    "<!DOCTYPE html><p>z</p>", "a</br>b", "<svg/>tail", "</svg>na", "<li>a<li>b", "<p>x\ry</p>",
    "<pre><code>a</code>nog code</pre>daarna", "<svg><svg>binnen</svg>nog svg</svg>daarna",
    "<p>x<code>a<code>b</code>c</code>y</p>",
]


@pytest.mark.parametrize("html", HTML_EDGE_CASES)
def test_tekst_uit_html_equals_the_html_parser_version_on_edge_cases(html):
    assert tekst_uit_html(html) == _reference_tekst_uit_html(html)


def test_tekst_uit_html_equals_the_html_parser_version_on_every_sample_text():
    """The sample site's Markdown, rendered as the B1 check (XHTML) and the build (HTML5) do."""
    bodies = _sample_bodies()
    assert len(bodies) > 50
    for output_format in ("xhtml", "html5"):
        md = Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
                      output_format=output_format)
        for body in bodies:
            md.reset()
            html = md.convert(body)
            assert tekst_uit_html(html) == _reference_tekst_uit_html(html), html[:200]


def test_normaliseer_equals_the_plain_regex_version():
    """On every sample text, and on random texts full of abbreviations, numbers and
    characters that match letters only without regard to case (ſ, K, İ)."""
    content = ROOT / "content"
    site = load_site(content, today=date(2026, 11, 27))
    teksten = [t.tekst for t in alle_teksten(site.dossiers, content, load_begrippen(content), MARKDOWN)]
    rnd = random.Random(7)
    stukjes = [*b1.AFKORTINGEN, *(a.upper() for a in b1.AFKORTINGEN), *(a.title() for a in b1.AFKORTINGEN),
               " ", "  ", "\n", "\t", "\xa0", "\u2003", ".", ",", "/", "x", "_", "e", "a", "t", "m", "s", "ſ", "\u212a",
               "ı", "İ", "1", "3.5", "385.000", "19,30", "bijv", "d.w", "z.", "(", '"', "www.ex.nl", "x@y.nl", "é",
               "de raad. ", "Dat is o.a. zo", "t/M", "mevr", "e.d", "i.p", "v."]
    teksten += ["".join(rnd.choice(stukjes) for _ in range(rnd.randint(1, 30))) for _ in range(20000)]
    assert sum(1 for t in teksten if _AFKORTING_REFERENCE.search(t)) > 15000
    for tekst in teksten:
        assert b1.normaliseer(tekst) == _reference_normaliseer(tekst), repr(tekst)


def test_explainer_pages_are_read_with_the_sites_markdown_setting(tmp_path):
    """The B1 check reads pages as the build renders them (pelicanconf.MARKDOWN), not
    with a list of extensions of its own: a table is prose only when the setting
    switches tables on."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "x.md").write_text(
        "Title: X\n\nDe raad vergadert.\n\n| Dag | Tijd |\n|---|---|\n| maandag | 19.30 uur |\n", encoding="utf-8")
    [met_tabellen] = pagina_teksten(tmp_path, MARKDOWN)
    [zonder] = pagina_teksten(tmp_path, {"extensions": []})
    assert "|" not in met_tabellen.tekst and "maandag" in met_tabellen.tekst
    assert "| maandag |" in zonder.tekst
