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

import pyphen
from lxml import etree
from textstat.backend.selections._list_words import list_words
from textstat.backend.utils._get_lang_cfg import get_lang_cfg
from textstat.textstat import textstatistics

from .trie import trie_regex

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

    textstat hyphenates every word of every text anew, and a site repeats the same
    words in every text; here the syllables of each distinct word are counted once.
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
# A dot or comma between digits. The lookbehind comes after the [.,] so that ``re``
# can jump from one dot or comma to the next instead of trying every position.
_GETAL_PUNT = re.compile(r"[.,](?<=\d[.,])(?=\d)")
_AFKORTING = re.compile(r"(?<!\w)(" + trie_regex(sorted(AFKORTINGEN)) + ")", re.IGNORECASE)


def _afkorting_kans() -> re.Pattern:
    """A quick test whether a text can hold an abbreviation at all; most hold none.

    :data:`_AFKORTING` must try every word start of every text. This pattern looks
    only at each dot or slash (every abbreviation has one), which ``re`` finds fast,
    and then checks the letters before it with one lookbehind per number of letters:
    "bijv." is found at its dot after "bijv", "d.w.z." at its first dot after "d". It finds
    a place for every match of :data:`_AFKORTING` (with the same word boundary and
    case rule), and sometimes a place that is none ("a." at the end of a sentence),
    which only costs the full search.
    """
    groepen: dict[tuple[str, int], set[str]] = {}
    for a in AFKORTINGEN:
        k = min(k for k, ch in enumerate(a) if ch in "./")
        groepen.setdefault((a[k], k), set()).add(a[:k])
    delen = [re.escape(teken) + r"(?<=(?<!\w)(?:" + "|".join(map(re.escape, sorted(begin))) + ")"
             + re.escape(teken) + ")" for (teken, _), begin in sorted(groepen.items())]
    return re.compile("|".join(delen), re.IGNORECASE)


_AFKORTING_KANS = _afkorting_kans()


def _zonder_punten(m: re.Match) -> str:
    return m.group(1).replace(".", "").replace("/", "")


def normaliseer(text: str) -> str:
    """Remove dots that do not end a sentence (numbers, abbreviations, e-mail and web
    addresses, which count as one word); tidy spaces.

    ``str.split()`` splits at exactly the characters that ``\\s`` matches, so joining
    the parts with one space is the same as replacing ``\\s+`` and stripping.
    """
    if "@" in text or "http" in text or "www." in text:
        text = _ADRES.sub("adres", text)
    text = _GETAL_PUNT.sub("", text)
    if _AFKORTING_KANS.search(text):
        text = _AFKORTING.sub(_zonder_punten, text)
    return " ".join(text.split())


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


#: Elements whose start and end end a sentence (as does ``<br>``).
BLOKKEN = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption",
                     "blockquote", "figcaption", "div", "section", "tr", "summary"})
#: Elements whose content is not prose (chart labels, code); the text after them is.
OVERSLAAN = frozenset({"svg", "script", "style", "pre", "code"})
_GRENS = "\0"  # marks a block boundary; lxml never gives a NUL in a text


def tekst_uit_html(html: str) -> str:
    """The readable prose of an HTML fragment, one sentence-ending per block.

    Every block (paragraph, heading, list item, table cell; :data:`BLOKKEN`) and
    every ``<br>`` ends a sentence: a block that does not end in . ! ? : or ; gets a
    full stop. The content of :data:`OVERSLAAN` is skipped, entities are decoded,
    comments dropped and runs of white space become one space.

    lxml (libxml2) parses the fragment, several times faster than ``html.parser``; a
    test compares the result with the old ``html.parser`` version on every text of
    the sample and benchmark sites. Only broken HTML that libxml2 repairs (a ``<pre>``
    inside a ``<p>``, an unclosed ``<code>``) or raw-text elements such as
    ``<textarea>`` give a different text; Markdown does not write those.
    """
    if not html or html.isspace():
        return ""
    root = etree.fromstring(html, etree.HTMLParser(remove_comments=True, remove_pis=True))
    if root is None:
        return ""
    delen: list[str] = []
    overslaan = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag in OVERSLAAN:
                overslaan += 1
            elif tag in BLOKKEN or tag == "br":
                delen.append(_GRENS)
            if not overslaan and el.text:
                delen.append(el.text)
        else:
            if tag in OVERSLAAN:
                overslaan -= 1
            elif tag in BLOKKEN:
                delen.append(_GRENS)
            if not overslaan and el.tail:
                delen.append(el.tail)
    blokken = []
    for blok in "".join(delen).split(_GRENS):
        blok = " ".join(blok.split())
        if blok:
            blokken.append(blok if blok.endswith((".", "!", "?", ":", ";")) else blok + ".")
    return " ".join(blokken)
