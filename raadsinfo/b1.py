"""The B1 language check: is a text easy enough for most residents?

The municipality promised to write at language level B1. No formula can prove that a
text is B1, but three numbers catch most texts that are clearly too hard:

* **Flesch-Douma leesgemak** (reading ease, Dutch version of Flesch), computed by
  ``textstat`` with its Dutch setting (``nl``: 206.835 - 0.93 x words per sentence
  - 77 x syllables per word) and syllables from ``pyphen``'s Dutch dictionary.
  Higher is easier; 60-70 is "plain" Dutch, under 50 is hard.
* **average sentence length** in words (textstat's count; see the miscounts below).
* **share of long words**: words of four or more syllables (pyphen), or of 13 or more
  letters. Long words in Dutch are mostly compound words and nominalisations
  ("beleidsuitgangspunten", "herinrichting"), which are exactly what makes official
  texts hard.

Thresholds (:data:`DREMPELS`), chosen from the B1 guidance used by Dutch government
("korte zinnen, gemiddeld hooguit 15 woorden; veelgebruikte woorden"):

* Flesch-Douma at least 60;
* at most 15 words per sentence on average;
* at most 15 % long words (plain B1 texts stay well under 10 %; official prose is
  often at 15-25 %); two long words are always allowed, so that a one-line text such
  as "Nieuwe installaties, isolatie, zonnepanelen en nieuwe kleedkamers." does not
  fail on two common compound words.

Known miscounts (why a score can be off; read the hardest sentences, not only the
number):

* **Syllables** come from hyphenation points. Dutch hyphenation never splits off a
  single vowel at the edge of a word, so "idee" and "ideeën" count one syllable too
  few, and "adaptatie" counts "adap" as one. Scores are then a little too kind.
* **Numbers** have no syllables in the dictionary: "385000" and "2026" count as one
  syllable, although a reader says many. Dots inside numbers ("385.000", "19.30 uur")
  are removed first, so they do not end a sentence.
* **Abbreviations** such as "bijv.", "o.a.", "d.w.z." would end a sentence at every
  dot; the check removes those dots first (:data:`AFKORTINGEN`). Unknown
  abbreviations still cut sentences short and make the text look easier.
* **Compound words** are counted as one long word even when every part is common
  ("gemeenteraad", "fietspad" is fine, "raadsvergadering" is long). A few such words
  in a text are fine; the threshold on the share allows for that.
* **Headings and list items** are treated as sentences. textstat does not count a
  "sentence" of one or two words (such as the heading "Waarom nu?") as a sentence but
  does count its words, which makes the average sentence length slightly higher.
* Very short texts give unstable scores: in one sentence of ten words, one extra
  syllable moves the score by 8 points ("Bewoners van de Stationslaan mogen meekiezen
  uit drie soorten bomen." scores 44). So a text of fewer than 25 words is not judged
  on its Flesch-Douma score (it is still reported); sentence length and long words are
  judged for every text, which still catches a short text in officialese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser

import pyphen
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_lang_cfg import get_lang_cfg
from textstat.textstat import textstatistics

LANG = "nl"


@dataclass(frozen=True)
class Drempels:
    """The documented B1 thresholds; a text fails when it misses any of them."""

    min_leesgemak: float = 60.0
    max_woorden_per_zin: float = 15.0
    max_aandeel_lange_woorden: float = 0.15
    lang_woord_lettergrepen: int = 4
    lang_woord_letters: int = 13
    min_woorden_voor_leesgemak: int = 25
    altijd_toegestane_lange_woorden: int = 2


DREMPELS = Drempels()

#: Abbreviations whose dots must not end a sentence (lower case, with dots).
AFKORTINGEN = (
    "bijv.", "bv.", "o.a.", "d.w.z.", "enz.", "etc.", "ca.", "nr.", "mr.", "dhr.", "mevr.",
    "e.d.", "i.p.v.", "m.b.t.", "t.a.v.", "z.s.m.", "incl.", "excl.", "max.", "min.", "o.b.v.",
    "e.a.", "vs.", "jl.", "a.s.", "t/m", "m.i.v.", "evt.",
)


@lru_cache(maxsize=1)
def _stats() -> textstatistics:
    """A private textstat instance set to Dutch (the module-level one is shared)."""
    stats = textstatistics()
    stats.set_lang(LANG)
    return stats


@lru_cache(maxsize=1)
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANG)


@lru_cache(maxsize=65536)
def _pyphen_lettergrepen(word: str) -> int:
    return len(_pyphen().positions(word)) + 1


def leesgemak(clean: str) -> float:
    """Flesch-Douma reading ease, exactly as textstat computes it for Dutch.

    textstat hyphenates every word of every text anew (about a million pyphen calls
    for 2,000 dossiers); here the syllables of each distinct word are counted once.
    The words, sentence length and formula are textstat's own, and a test checks the
    result equals ``textstat.flesch_reading_ease`` on the sample texts.
    """
    stats = _stats()
    words = list_words(clean, lowercase=True)
    if not words:
        return 0.0
    per_zin = stats.words_per_sentence(clean)
    per_woord = sum(_pyphen_lettergrepen(w) for w in words) / len(words)
    if per_zin == 0 or per_woord == 0:
        return 0.0
    return (get_lang_cfg(LANG, "fre_base") - get_lang_cfg(LANG, "fre_sentence_length") * per_zin
            - get_lang_cfg(LANG, "fre_syll_per_word") * per_woord)


@lru_cache(maxsize=65536)
def lettergrepen(word: str) -> int:
    """Syllables of one word, from the Dutch hyphenation dictionary (see miscounts)."""
    word = re.sub(r"[^\w]", "", word.lower())
    if not word:
        return 0
    return len(_pyphen().positions(word)) + 1


def is_lang_woord(word: str, drempels: Drempels = DREMPELS) -> bool:
    return _is_lang(word, drempels.lang_woord_lettergrepen, drempels.lang_woord_letters)


@lru_cache(maxsize=65536)
def _is_lang(word: str, min_lettergrepen: int, min_letters: int) -> bool:
    letters = re.sub(r"[^\w]", "", word)
    if not letters or letters.isdigit():
        return False
    return lettergrepen(letters) >= min_lettergrepen or len(letters) >= min_letters


_ADRES = re.compile(r"\b(?:https?://\S*[^\s.,;:!?)]|www\.\S*[^\s.,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_GETAL_PUNT = re.compile(r"(?<=\d)[.,](?=\d)")
_AFKORTING = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(AFKORTINGEN, key=len, reverse=True)) + ")",
    re.IGNORECASE,
)
_SPATIES = re.compile(r"\s+")


def normaliseer(text: str) -> str:
    """Remove dots that do not end a sentence (numbers, abbreviations, e-mail and web
    addresses, which count as one word); tidy spaces."""
    if "@" in text or "http" in text or "www." in text:
        text = _ADRES.sub("adres", text)
    text = _GETAL_PUNT.sub("", text)
    text = _AFKORTING.sub(lambda m: m.group(1).replace(".", "").replace("/", ""), text)
    return _SPATIES.sub(" ", text).strip()


def zinnen(text: str) -> list[str]:
    """Split a text into sentences (at . ! ? followed by a space), after normalising."""
    return _zinnen(normaliseer(text))


def _zinnen(clean: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+", clean)
    return [p.strip() for p in parts if re.search(r"\w", p)]


def woorden(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-'’]\w+)*", text)


@dataclass(frozen=True)
class Zin:
    """One sentence with its own numbers, to show the griffie where a text is hard."""

    tekst: str
    woorden: int
    leesgemak: float
    lange_woorden: tuple[str, ...]


@dataclass(frozen=True)
class Meting:
    """The B1 measurement of one text."""

    naam: str  # where the text is, e.g. "content/voorstellen/x.md: samenvatting"
    leesgemak: float
    woorden_per_zin: float
    aandeel_lange_woorden: float
    aantal_woorden: int
    aantal_zinnen: int
    zinnen: tuple[Zin, ...]
    drempels: Drempels = field(default=DREMPELS)

    @property
    def redenen(self) -> list[str]:
        """Why the text fails, in Dutch; empty when it passes."""
        d = self.drempels
        out = []
        if self.leesgemak < d.min_leesgemak and self.aantal_woorden >= d.min_woorden_voor_leesgemak:
            out.append(f"leesgemak (Flesch-Douma) {self.leesgemak:.0f}, moet minstens {d.min_leesgemak:.0f} zijn")
        if self.woorden_per_zin > d.max_woorden_per_zin:
            out.append(f"gemiddeld {self.woorden_per_zin:.1f} woorden per zin, "
                       f"moet hooguit {d.max_woorden_per_zin:.0f} zijn")
        lang = round(self.aandeel_lange_woorden * self.aantal_woorden)
        if self.aandeel_lange_woorden > d.max_aandeel_lange_woorden and lang > d.altijd_toegestane_lange_woorden:
            out.append(f"{self.aandeel_lange_woorden:.0%} lange woorden, "
                       f"moet hooguit {d.max_aandeel_lange_woorden:.0%} zijn")
        return out

    @property
    def voldoet(self) -> bool:
        return not self.redenen

    def moeilijkste_zinnen(self, n: int = 3) -> list[Zin]:
        """The sentences with the lowest reading ease (longest first on a tie)."""
        return sorted(self.zinnen, key=lambda z: (z.leesgemak, -z.woorden))[:n]

    def samenvatting(self) -> str:
        """One line: the three numbers."""
        return (f"leesgemak {self.leesgemak:.0f}, {self.woorden_per_zin:.1f} woorden per zin, "
                f"{self.aandeel_lange_woorden:.0%} lange woorden")

    def samenvatting_regel(self) -> str:
        return f"{self.naam}: {'voldoet aan B1' if self.voldoet else 'te moeilijk voor B1'} ({self.samenvatting()})"

    def rapport(self, n: int = 3) -> str:
        """A Dutch report for ``invoke check``: the numbers, why it fails, the hardest sentences."""
        lines = [self.samenvatting_regel()]
        for reden in self.redenen:
            lines.append(f"  - {reden}")
        if not self.voldoet:
            lines.append("  Moeilijkste zinnen:")
            for z in self.moeilijkste_zinnen(n):
                lang = f"; lange woorden: {', '.join(z.lange_woorden)}" if z.lange_woorden else ""
                lines.append(f"    * \"{z.tekst}\" (leesgemak {z.leesgemak:.0f}, {z.woorden} woorden{lang})")
        return "\n".join(lines)


def meet(text: str, naam: str = "", drempels: Drempels = DREMPELS) -> Meting:
    """Measure one plain text (use :func:`tekst_uit_html` first for HTML)."""
    stats = _stats()
    clean = normaliseer(text)
    alle_woorden = woorden(clean)
    lang = [w for w in alle_woorden if is_lang_woord(w, drempels)]
    delen = _zinnen(clean)
    meting = Meting(
        naam=naam,
        leesgemak=leesgemak(clean) if alle_woorden else 100.0,
        woorden_per_zin=stats.words_per_sentence(clean) if alle_woorden else 0.0,
        aandeel_lange_woorden=len(lang) / len(alle_woorden) if alle_woorden else 0.0,
        aantal_woorden=len(alle_woorden),
        aantal_zinnen=len(delen),
        zinnen=(),
        drempels=drempels,
    )
    if meting.voldoet:
        # Per-sentence scores only serve the report of the hardest sentences, and
        # cost as much again as the whole measurement: skip them for passing texts.
        return meting
    per_zin = []
    for zin in delen:
        zin_woorden = woorden(zin)
        per_zin.append(Zin(zin, len(zin_woorden), leesgemak(zin),
                           tuple(w for w in zin_woorden if is_lang_woord(w, drempels))))
    return replace(meting, zinnen=tuple(per_zin))


class _TextExtractor(HTMLParser):
    """HTML to text where every block (paragraph, heading, list item) ends a sentence.

    The content of ``<svg>``, ``<script>``, ``<style>``, ``<pre>`` and ``<code>`` is
    skipped: chart labels and code are not prose.
    """

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption",
              "blockquote", "figcaption", "div", "section", "tr", "summary"}
    SKIP = {"svg", "script", "style", "pre", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _end_block(self):
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if text:
            if not re.search(r"[.!?:;]$", text):
                text += "."
            self.blocks.append(text)
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


def tekst_uit_html(html: str) -> str:
    """The readable prose of an HTML fragment, one sentence-ending per block."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return " ".join(parser.blocks)
