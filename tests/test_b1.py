"""The B1 language check on known easy and hard Dutch texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from raadsinfo import b1
from raadsinfo.b1 import DREMPELS, Drempels, is_lang_woord, meet, tekst_uit_html, zinnen
from raadsinfo.b1_teksten import begrippen_tekst, pagina_teksten, rapport
from raadsinfo.glossary import load_begrippen

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
    teksten = {t.naam: t for t in pagina_teksten(ROOT / "content")}
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
    teksten = alle_teksten(site.dossiers, content, load_begrippen(content))
    assert len(teksten) > 100
    for t in teksten:
        clean = normaliseer(t.tekst)
        assert leesgemak(clean) == pytest.approx(_stats().flesch_reading_ease(clean), abs=1e-9), t.naam
