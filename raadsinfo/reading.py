"""Text as a reader sees it, for the wording check of the labelling rule.

A claim that an undecided proposal is decided can be hidden from a check that reads
the source instead of what a reader sees: "be\u200bsloten" with a zero-width space,
"b\u0435sloten" with a Cyrillic "е", "**aan**genomen" split by markup,
"aan<!-- -->genomen" split by a comment, "a&#110;genomen" written with a character
reference. A reader sees "besloten" and "aangenomen" in each. So the check first reads
every text as a reader would:

* :func:`lees`: Unicode NFKC (full-width letters, ligatures and mathematical letters
  become plain letters), invisible characters removed (zero-width spaces and
  joiners, word joiner, soft hyphen, bidi controls, byte order mark, variation
  selectors, tag characters), look-alike letters of other scripts folded to the Latin
  letter they imitate (:func:`vouwtabel`, built once from the data of the
  ``confusable-homoglyphs`` package), typographic quotes made plain, white space
  collapsed. Dutch letters with their own accents (é, ë, ï, ö, ü, è, à, ê, ç, ñ)
  stay themselves; a Latin letter with any other mark ("ḅ", a dot below) is read as
  its plain letter, as a reader does. Letters between a right-to-left override
  (U+202E) and its end are shown in reverse order: "\u202enemoneganaa" shows
  "aangenomen", so it is read reversed.
* :func:`lees_veld`: the same for a field of a record, after inline markup is taken
  out (tags, comments, character references, emphasis and code marks, link syntax).
  A ``title`` of a tag or of a Markdown link is shown as a tooltip (the sanitiser
  keeps it), so it is read too, as a text of its own after the line it is on.
* :class:`VerhuldeWoorden`: a word written apart or with digits for letters
  ("a a n g e n o m e n", "aan-genomen", "aange-" at the end of a line and "nomen"
  on the next, "b.e.s.l.o.t.e.n", "aangen0men") is read as the word, for a list of
  words the caller gives (the words of a decision, in :mod:`raadsinfo.labelling`).
* :func:`blokken`: a Markdown body as a reader sees it, block by block: headings,
  paragraphs, list items, table cells and quotes each become their own text, with
  a map back to the line of the source, so that a message can name the line in the
  file. The body is not rendered with Python-Markdown here: that gives no source
  lines, and the build renders it once already. The reading here errs on the side of
  joining (every markup character between two letters is dropped), so a word split
  by markup is always seen whole.

Plain Python and the standard library, plus the homoglyph data.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

#: Code points a reader does not see (ranges, inclusive): every format character
#: (Unicode category Cf: soft hyphen, zero-width space and joiners, left-to-right and
#: right-to-left marks, embeddings and isolates, word joiner and invisible operators,
#: byte order mark, interlinear annotation, tag characters, and the few prepended
#: signs of other scripts), and the invisible characters of other categories:
#: combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian free
#: variation selectors, variation selectors. A test keeps every Cf character in here.
ONZICHTBAAR: tuple[tuple[int, int], ...] = (
    # Control characters (category Cc) but tab, line feed and carriage return: a YAML
    # escape such as "aan\x07genomen" must not hide a word, and feeds drop them anyway.
    (0x0001, 0x0008), (0x000B, 0x000C), (0x000E, 0x001F), (0x007F, 0x009F),
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F), (0xE0100, 0xE01EF),
)

#: Marks that Dutch (and the loanwords in it) writes on a letter: grave, acute,
#: circumflex, tilde, diaeresis, cedilla. A letter with only these stays itself.
NEDERLANDSE_TEKENS = frozenset("\u0300\u0301\u0302\u0303\u0308\u0327")

#: Blocks of combining marks; a mark left over after NFKC (one that did not combine
#: into a letter of its own) is not read.
_TEKENBLOKKEN = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))

#: Latin letters that may carry marks (Latin-1 Supplement up to Latin Extended-B, and
#: Latin Extended Additional).
_LATIJNSE_BLOKKEN = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))

_AANHALINGSTEKENS = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                     "\u00ab": '"', "\u00bb": '"'}


#: Letters the confusables data does not fold: the small capitals of the phonetic
#: blocks ("ᴀangenomen"), which a reader reads as the letter; and the braille blank,
#: which shows as a space.
_KLEINE_KAPITALEN = dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz", strict=True))
_OOK_GELEZEN = {**_KLEINE_KAPITALEN, "\u2800": " "}


def _latijnse_letter(teken: str, glyphs: list[dict]) -> str | None:
    """The ASCII letter ``teken`` imitates, from its homoglyphs in the data.

    The data puts l, I and 1 in one class, so a Cyrillic "І" is listed as looking like
    "l"; its Unicode name ("... LETTER ... I") settles which of the two a reader sees.
    """
    kandidaten = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalpha()]
    if not kandidaten:
        return None
    naam = unicodedata.name(teken, "").split()
    if "LETTER" in naam and len(naam[-1]) == 1 and naam[-1].isascii() and naam[-1].isalpha():
        letter = naam[-1]
        if letter.lower() in {k.lower() for k in kandidaten} or {k.lower() for k in kandidaten} <= {"l", "i"}:
            return letter.lower() if ("SMALL" in naam or teken.islower()) else letter
    gelijk = [k for k in kandidaten if k.islower() == teken.islower()]
    return (gelijk or kandidaten)[0]


@lru_cache(maxsize=1)
def vouwtabel() -> dict[int, str]:
    """``str.translate`` table: invisible characters out, look-alikes to Latin letters.

    Built once per process from ``confusable_homoglyphs/confusables.json`` (about
    1,200 letters of other scripts that look like a Latin letter) and from the
    decomposition of the Latin letters with marks. A Dutch letter with its accent
    (é, ë, ï ...) is not in the table: it stays itself.
    """
    from confusable_homoglyphs.utils import load

    tabel: dict[int, str] = {}
    for teken, glyphs in load("confusables.json").items():
        if len(teken) != 1 or teken.isascii() or unicodedata.category(teken)[0] in "PZC":
            continue
        if _is_nederlandse_letter(teken):
            continue
        letter = _latijnse_letter(teken, glyphs)
        if letter:
            tabel[ord(teken)] = letter
    for start, end in _LATIJNSE_BLOKKEN:
        for cp in range(start, end + 1):
            ontleed = unicodedata.normalize("NFD", chr(cp))
            basis, tekens = ontleed[:1], ontleed[1:]
            if tekens and basis.isascii() and basis.isalpha() and not set(tekens) <= NEDERLANDSE_TEKENS:
                tabel[cp] = basis
    for start, end in _TEKENBLOKKEN:
        for cp in range(start, end + 1):
            tabel[cp] = ""
    for start, end in ONZICHTBAAR:
        for cp in range(start, end + 1):
            tabel[cp] = ""
    for teken, vervanging in {**_AANHALINGSTEKENS, **_OOK_GELEZEN}.items():
        tabel[ord(teken)] = vervanging
    return tabel


def _is_nederlandse_letter(teken: str) -> bool:
    """A Latin letter with only Dutch accents (é, ë, ï, ...): it stays itself."""
    ontleed = unicodedata.normalize("NFD", teken)
    return (len(ontleed) > 1 and ontleed[0].isascii() and ontleed[0].isalpha()
            and set(ontleed[1:]) <= NEDERLANDSE_TEKENS)


@lru_cache(maxsize=1)
def _vervangingen() -> dict[str, str]:
    """:func:`vouwtabel` by character, for ``str.replace``."""
    return {chr(cp): vervanging for cp, vervanging in vouwtabel().items()}


_ASCII = re.compile(r"[\x00-\x7f]+")
#: Right-to-left override: what follows is shown in reverse order, up to the pop
#: (PDF, U+202C), the end of the paragraph (a blank line, U+2029) or of the text: a
#: single line end inside a paragraph is only a space to a browser.
_RLO = "\u202e"
_OVERRIDE = re.compile("\u202e((?:(?!\n[ \t]*\n)[^\u202c\u2029])*)")


def _zoals_getoond(text: str) -> str:
    """``text`` in the order a browser shows it: each run after a right-to-left
    override reversed. Only U+202E reorders Latin letters (an embedding or isolate
    does not: Latin letters are strongly left-to-right)."""
    return _OVERRIDE.sub(_omgekeerd, text)


def _omgekeerd(m: re.Match) -> str:
    """A run shown in reverse. The signs at its end are shown at its start (".aangenomen"),
    where a reader still reads them as the end of the sentence: they stay at the end."""
    run = m.group(1)
    kaal = run.rstrip(".,;:!?)\"' ")
    return kaal[::-1] + run[len(kaal):]


#: ASCII control characters but tab, line feed and carriage return (also in :data:`ONZICHTBAAR`,
#: but an ASCII text skips the table).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1 << 16)
def lees(text: str) -> str:
    """``text`` as a reader sees it: NFKC, no invisible characters, look-alike letters
    folded to Latin, plain quotes, single spaces, stripped.

    An ASCII text only has its white space collapsed: it cannot hold anything else
    this undoes. Otherwise the few characters of the table that occur are replaced one
    by one (``str.translate`` with a dict and a large character class both go
    character by character in Python's slow path). Cached: the same sentences come
    back on many pages.
    """
    if not text:
        return ""
    if text.isascii() and _ASCII_CONTROL.search(text):
        text = _ASCII_CONTROL.sub("", text)
    if not text.isascii():
        if _RLO in text:
            text = _zoals_getoond(text)
        text = unicodedata.normalize("NFKC", text)
        vervangingen = _vervangingen()
        gevonden = [c for c in set(_ASCII.sub("", text)) if c in vervangingen]
        if gevonden:
            for teken in gevonden:
                text = text.replace(teken, vervangingen[teken])
            text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


# --- inline markup -------------------------------------------------------------------------

_VERBORGEN = re.compile(r"<!--.*?-->|<(script|style|template)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
#: Block-level tags: they end a text block, as a paragraph or cell does.
_BLOKTAG = re.compile(r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|td|th|tr|table|thead|tbody|tfoot|caption|h[1-6]|"
                      r"blockquote|section|article|aside|header|footer|nav|main|figure|figcaption|pre|details|"
                      r"summary)\b[^<>\n]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_LINK = re.compile(r"!?\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
#: A ``title`` attribute in a tag, in any of the three ways HTML quotes it.
_TITEL_ATTR = re.compile(r"""\stitle\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_TAG_MET_TITEL = re.compile(r"<[A-Za-z][^<>\n]*?\stitle\s*=[^<>\n]*>", re.IGNORECASE)
#: The title of a Markdown link or image: ``[tekst](adres "titel")``, also with ' or ().
_LINK_TITEL = re.compile(r"!?\[[^\]\n]*\]\(\s*<?[^\s)>]*>?\s+(?:\"([^\"\n]*)\"|'([^'\n]*)'|\(([^)\n]*)\))\s*\)")
#: The title of a link reference definition: ``[x]: adres "titel"``.
_VERWIJZING_TITEL = re.compile(r"""^ {0,3}\[[^\]^][^\]]*\]:[ \t]*<?\S+>?[ \t]+"""
                               r"""(?:"([^"\n]*)"|'([^'\n]*)'|\(([^)\n]*)\))""")


def _titel(m: re.Match) -> str:
    return next((g for g in m.groups() if g is not None), "")


def _met_titels(regel: str) -> str:
    """One line, with the titles (tooltips) of its tags and links after it as blocks."""
    titels = []
    if "<" in regel:
        for tag in _TAG_MET_TITEL.finditer(regel):
            titels += [_titel(m) for m in _TITEL_ATTR.finditer(tag.group(0))]
    if "[" in regel:
        titels += [_titel(m) for m in _LINK_TITEL.finditer(regel)]
    titels = [t for t in titels if t.strip()]
    if not titels:
        return regel
    return regel + "".join(BLOKGRENS + html.unescape(t) for t in titels)
_VOETNOOT = re.compile(r"\[\^[^\]\n]*\]")
_ATTRIBUTEN = re.compile(r"\{\s*[:#.][^}\n]*\}")
_OPMAAKTEKENS = re.compile(r"[*_`~\\\[\]]")
#: A character that can start inline markup or a character reference.
_OPMAAK_KANS = re.compile(r"[<&*_`~\\\[\]{]")
#: Separates blocks inside one text (a block-level tag): not white space, so that
#: :func:`lees` keeps it, and never in a record.
BLOKGRENS = "\x00"


def _zonder_inline_opmaak(text: str) -> str:
    """Inline markup out, block-level tags as :data:`BLOKGRENS`; keeps every newline.

    The ``title`` of a tag or a link (a tooltip) is put after the line it is on,
    as a block of its own: not in its place, where it would split a word in two
    ("aan<abbr title='x'>genomen</abbr>" still reads "aangenomen")."""
    if not _OPMAAK_KANS.search(text):
        return text
    if "<" in text:
        text = _VERBORGEN.sub("", text)  # a comment is not shown, nor the titles in it
    if ("title" in text or "TITLE" in text or "Title" in text or "(" in text) and ("<" in text or "[" in text):
        text = "\n".join(_met_titels(regel) for regel in text.split("\n"))
    if "<" in text:
        text = _BLOKTAG.sub(BLOKGRENS, text)
        text = _TAG.sub("", text)
    if "[" in text:
        text = _VOETNOOT.sub("", text)
        text = _LINK.sub(r"\1", text)
    if "{" in text:
        text = _ATTRIBUTEN.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return _OPMAAKTEKENS.sub("", text)


@lru_cache(maxsize=1 << 14)
def lees_veld(text: str) -> str:
    """A field of a record as a reader sees it: inline markup out, then :func:`lees`.

    Fields are shown as text or as Markdown depending on the template; read both ways
    a reader takes "**aan**genomen" for "aangenomen", so the markup goes either way.
    Block boundaries inside a field become a full stop.
    """
    plain = _zonder_inline_opmaak(text)
    if BLOKGRENS in plain:
        delen = [p for p in (lees(deel) for deel in plain.split(BLOKGRENS)) if p]
        plain = " ".join(p if p.endswith((".", "!", "?", ":", ";")) else p + "." for p in delen[:-1])
        plain = f"{plain} {delen[-1]}" if delen and plain else (delen[-1] if delen else "")
    return lees(plain)


# --- Markdown bodies -----------------------------------------------------------------------


@dataclass(frozen=True)
class Blok:
    """One block of a Markdown body as a reader sees it: a heading, paragraph, list
    item, table cell or quote, with the source line where each of its lines starts."""

    tekst: str
    kop: bool
    #: (offset in ``tekst``, 0-based line of the body) for each source line of the block.
    regels: tuple[tuple[int, int], ...]

    def regel(self, offset: int) -> int:
        """The 0-based body line that holds character ``offset`` of :attr:`tekst`."""
        i = bisect_right([o for o, _ in self.regels], offset) - 1
        return self.regels[max(i, 0)][1]


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_DEFINITIE = re.compile(r"^[ \t]*:[ \t]+")
_VOETNOOT_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_VERWIJZING = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S")
_TABEL_SCHEIDING = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")  # "|---|" too
_CEL = re.compile(r"(?<!\\)\|")


def _zonder_verborgen(markdown: str) -> tuple[str, list[tuple[int, int]]]:
    """Comments and script/style blocks out; returns the text and (new, old) offsets
    where each kept piece starts, to map a position back to the source."""
    if "<" not in markdown:
        return markdown, [(0, 0)]
    pieces, starts, done, new = [], [(0, 0)], 0, 0
    for m in _VERBORGEN.finditer(markdown):
        pieces.append(markdown[done:m.start()])
        new += m.start() - done
        done = m.end()
        starts.append((new, done))
    pieces.append(markdown[done:])
    return "".join(pieces), starts


def blokken(markdown: str) -> tuple[Blok, ...]:
    """The blocks of a Markdown body as a reader sees them, each with its source lines.

    Headings (ATX and Setext) are marked :attr:`Blok.kop`. Fenced code is read as
    written (a reader sees it). Link reference definitions are not shown, so they are
    left out; footnotes, definitions and quotes are read as text.
    """
    text, starts = _zonder_verborgen(markdown)
    newlines = [m.start() for m in re.finditer("\n", markdown)]
    nieuw = [s for s, _ in starts]

    def bronregel(offset: int) -> int:
        i = bisect_right(nieuw, offset) - 1
        old = starts[i][1] + (offset - starts[i][0])
        return bisect_right(newlines, old - 1) if newlines else 0

    out: list[Blok] = []
    huidig: list[tuple[str, int]] = []
    kop = False
    fence: str | None = None
    tabel = False

    def sluit(als_kop: bool = False) -> None:
        nonlocal huidig, kop
        if huidig:
            out.extend(_maak_blokken(huidig, kop or als_kop))
        huidig, kop = [], False

    offset = 0
    for raw in text.split("\n"):
        regel = bronregel(offset)
        offset += len(raw) + 1
        if fence:
            if raw.strip().startswith(fence):
                fence = None
            elif raw.strip():
                out.extend(_maak_blokken([(raw, regel)], False, opmaak=False))
            continue
        if not raw.strip():
            sluit()
            tabel = False
            continue
        m = _FENCE.match(raw)
        if m:
            sluit()
            fence = m.group(1)[:3]
            continue
        line = _QUOTE.sub("", raw)
        if _SETEXT.match(line) and huidig and not tabel:
            sluit(als_kop=True)
            continue
        if _HR.match(line):
            sluit()
            continue
        m = _ATX.match(line)
        if m:
            sluit()
            out.extend(_maak_blokken([(m.group(1), regel)], True))
            continue
        if _TABEL_SCHEIDING.match(line) and "|" in line:
            kopregel = huidig.pop() if huidig else None
            sluit()
            if kopregel:
                out.extend(_cellen(*kopregel))
            tabel = True
            continue
        if tabel and "|" in line:
            out.extend(_cellen(line, regel))
            continue
        if _VERWIJZING.match(line):
            sluit()
            titel = _VERWIJZING_TITEL.match(line)
            if titel and _titel(titel).strip():  # shown as the tooltip of every link to it
                out.extend(_maak_blokken([(_titel(titel), regel)], False))
            continue
        for marker in (_ITEM, _VOETNOOT_DEF, _DEFINITIE):
            m = marker.match(line)
            if m:
                sluit()
                line = line[m.end():]
                break
        huidig.append((line, regel))
    sluit()
    return tuple(out)


def _cellen(line: str, regel: int) -> list[Blok]:
    out: list[Blok] = []
    for cel in _CEL.split(line.strip().strip("|")):
        out.extend(_maak_blokken([(cel, regel)], False))
    return out


def _maak_blokken(regels: list[tuple[str, int]], kop: bool, opmaak: bool = True) -> list[Blok]:
    """Read the lines of one block; a block-level tag inside splits it."""
    joined = "\n".join(line for line, _ in regels)
    zichtbaar = _zonder_inline_opmaak(joined) if opmaak else joined
    stukken = zichtbaar.split("\n")
    # A construct ate a newline, or a right-to-left override runs on over the line
    # ends of its paragraph: read the block as one line, attributed to its first.
    if len(stukken) != len(regels) or (_RLO in zichtbaar and len(stukken) > 1):
        stukken = [zichtbaar.replace("\n", " ")]
        regels = regels[:1]
    out: list[Blok] = []
    tekst: list[str] = []
    kaart: list[tuple[int, int]] = []
    lengte = 0

    def sluit() -> None:
        nonlocal tekst, kaart, lengte
        if tekst:
            out.append(Blok("".join(tekst), kop, tuple(kaart)))
        tekst, kaart, lengte = [], [], 0

    for stuk, (_, regel) in zip(stukken, regels, strict=True):
        for k, deel in enumerate(stuk.split(BLOKGRENS)):
            if k:
                sluit()
            gelezen = lees(deel)
            if not gelezen:
                continue
            if tekst:
                tekst.append(" ")
                lengte += 1
            kaart.append((lengte, regel))
            tekst.append(gelezen)
            lengte += len(gelezen)
    sluit()
    return out


def ruw(markdown: str) -> str:
    """The whole body read at once, without blocks: a cheap first look.

    Every letter a reader sees is in it, in order, so a word that is not in here is
    not in any block either; most bodies are skipped on this alone.
    """
    return lees(_zonder_inline_opmaak(markdown).replace(BLOKGRENS, " "))


# --- words written apart or with digits ------------------------------------------------------

#: Signs a word can be written apart with: "a a n g e n o m e n", "aan-genomen",
#: "b.e.s.l.o.t.e.n", "aange-" + "nomen" on the next line (read as "aange- nomen").
_SCHEIDING = " \t\n.\\-_·•*/|+~'\",:"
#: Digits and signs that a reader takes for the letter they resemble ("aangen0men").
_CIJFERLETTERS = {"a": "4@", "e": "3", "i": "1!", "l": "1|", "o": "0", "s": "5$", "t": "7"}


@dataclass(frozen=True)
class Herstel:
    """A text with its hidden words read whole, and where each piece came from."""

    tekst: str
    #: Per step of reading, (offset after it, offset before it) where each kept piece
    #: starts: letters standing apart first, then the listed words.
    kaarten: tuple[tuple[tuple[int, int], ...], ...]
    #: (start, end) in :attr:`tekst` of each word read whole, with its spelling in the original.
    woorden: tuple[tuple[int, int, str], ...]

    def bron(self, offset: int) -> int:
        """The offset in the original text of ``offset`` in :attr:`tekst`."""
        for kaart in reversed(self.kaarten):
            offset = _terug(kaart, offset)
        return offset


def _terug(kaart: tuple[tuple[int, int], ...], offset: int) -> int:
    i = bisect_right([n for n, _ in kaart], offset) - 1
    nieuw, oud = kaart[max(i, 0)]
    return oud + (offset - nieuw)


def _heen(kaart: tuple[tuple[int, int], ...], offset: int) -> int:
    i = bisect_right([o for _, o in kaart], offset) - 1
    nieuw, oud = kaart[max(i, 0)]
    return nieuw + (offset - oud)


def _vervang(text: str, vervangingen: list[tuple[int, int, str]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` with each (start, end) replaced by its word, and the map of the pieces."""
    stukken, kaart, klaar, nieuw = [], [(0, 0)], 0, 0
    for start, end, woord in vervangingen:
        stukken += (text[klaar:start], woord)
        nieuw += start - klaar + len(woord)
        klaar = end
        kaart.append((nieuw, klaar))
    stukken.append(text[klaar:])
    return "".join(stukken), tuple(kaart)


def _als_bytes(text: str) -> bytes:
    """``text`` in lower case as UTF-8, with the separators outside ASCII as a dot."""
    if not text.isascii():
        for teken in _SCHEIDING:
            if not teken.isascii() and teken in text:
                text = text.replace(teken, ".")
    return text.lower().encode("utf-8", "replace")


class VerhuldeWoorden:
    """Reads the given words whole where they are written apart or with digits, and
    any word whose letters each stand apart ("g e z e g d", "j.a").

    ``woorden``: the words, in lower case. ``delen``: for some of them the two parts
    a writer may leave a space between ("aan genomen"); such a space joins the parts
    only at the end of a clause ("Het voorstel is aan genomen."), not before a noun
    ("getoetst aan genomen maatregelen").

    Cheap for a text without such a word: the text with every separating sign taken
    out (and digits read as letters) is searched for the words with ``bytes.count``;
    only when it holds more of them than the text itself is the text searched for the
    written-apart forms. Letters standing apart are found in the text with every
    letter written as "a" and every separator as a space: " a a " (``bytes.find``).
    """

    def __init__(self, woorden: tuple[str, ...], delen: tuple[tuple[str, str], ...] = ()):
        self.woorden = tuple(sorted({w.lower() for w in woorden}, key=len, reverse=True))
        self.delen = {a + b: len(a) for a, b in delen}
        gat = f"[{re.escape(_SCHEIDING)}]{{0,4}}"
        vormen = []
        for w in self.woorden:
            letters = [f"[{re.escape(c + _CIJFERLETTERS.get(c, ''))}]" for c in w]
            vormen.append(f"(?P<w{len(vormen)}>" + gat.join(letters) + ")")
        self._patroon = re.compile(r"(?<![^\W_])(?:" + "|".join(vormen) + r")(?![^\W_])", re.IGNORECASE)
        # Separators out and digits read as letters, in one ``bytes.translate`` (in C, and
        # fast for any text: ``str.translate`` is slow once a text holds an "é").
        cijfers = {c: w for w, cs in _CIJFERLETTERS.items() for c in cs if c != "|"}
        self._tabel = bytes.maketrans("".join(cijfers).encode(), "".join(cijfers.values()).encode())
        self._weg = _SCHEIDING.encode()
        self._bwoorden = tuple(w.encode() for w in self.woorden)
        # The shape of a text: every letter "a", every digit (and sign read as a letter)
        # "0", a hyphen "-", another sign that can stand inside a word ".", white space and
        # the other separators " ".
        letters = bytes(range(ord("a"), ord("z") + 1)) + bytes(range(ord("A"), ord("Z") + 1))
        cijfers = b"0123456789@$!"
        binnen = b"._*/|+~"
        buiten = b" \t\n,:'\""
        self._vorm = bytes.maketrans(letters + cijfers + binnen + buiten,
                                     b"a" * len(letters) + b"0" * len(cijfers) + b"." * len(binnen)
                                     + b" " * len(buiten))
        #: Letters standing apart: three or more, each after the same kind of sign.
        self._los_vorm = re.compile(rb" a(?:[ .-] ?a){2}[ .-]")
        #: A word with digits or signs for some of its letters ("gr03n", "4kk00rd").
        cijfertekens = re.escape("".join(c for cs in _CIJFERLETTERS.values() for c in cs if c != "|"))
        self._cijferwoord = re.compile(rf"(?<![\w{cijfertekens}])(?=[\w{cijfertekens}]*[{cijfertekens}])"
                                       rf"(?=(?:[\w{cijfertekens}]*?[^\W\d_]){{2}})[\w{cijfertekens}]{{4,}}"
                                       rf"(?![\w{cijfertekens}])")
        self._als_letter = {c: w for w, cs in _CIJFERLETTERS.items() for c in cs if c not in "|1"} | {"1": "i"}
        #: A word broken off at the end of a line and going on on the next ("ra-" and "ad"),
        #: read with a space: "ra- ad". Not before "en", "of", "tot": "bouw- en woningtoezicht".
        self._afgebroken = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-[ \t\n]+(?!(?:en|of|tot|t/m|en/of)\b)"
                                      r"([a-zà-ÿ][^\W\d_]*)(?![^\W_])")
        #: The parts of :attr:`delen` with a space between them ("aan genomen").
        self._delen_b = re.compile(b" (?:" + b"|".join(re.escape(b.encode()) for b in sorted({b for _, b in delen}))
                                   + b")")
        #: Three or more letters, each standing apart with the same sign between them.
        self._los = re.compile(rf"(?<![^\W_])[^\W\d_](?P<gat>[{re.escape(_SCHEIDING)}]{{1,2}})(?:[^\W\d_](?P=gat))+"
                               rf"[^\W\d_](?![^\W_])")
        self._clause_einde = re.compile(r"\s*(?:[.,;:!?)]|$|(?:door|op|in|met|en|maar|want|zonder|bij|tijdens|na|"
                                        r"van|tot|om)\b)", re.IGNORECASE)

    def nodig(self, text: str) -> bool:
        """Can ``text`` hold a word written apart or with digits? (Letters stand apart,
        or the text without its separators holds more of the words than the text.)"""
        low = _als_bytes(text)
        vorm = b" " + low.translate(self._vorm) + b" "
        if self._los_vorm.search(vorm):
            return True
        # A sign or digit inside a word, or a part of a word after a space: read the text
        # without its separators.
        if b"a-a" in vorm or b"a- a" in vorm or b"a.a" in vorm or b"a0" in vorm or b"0a" in vorm \
                or self._delen_b.search(low):
            return self._verhuld(low)
        return False

    def _verhuld(self, low: bytes) -> bool:
        """Does the text without its separators hold more of the listed words?"""
        kaal = low.translate(self._tabel, self._weg)
        return any(kaal.count(w) > low.count(w) for w in self._bwoorden if w in kaal)

    def herstel(self, text: str) -> Herstel | None:
        """``text`` with the hidden words read whole, or None when it holds none."""
        if not self.nodig(text):
            return None
        origineel, kaarten, stappen = text, [], []
        low = _als_bytes(text)
        vorm = b" " + low.translate(self._vorm) + b" "
        stappen_nodig = []
        if self._los_vorm.search(vorm):
            stappen_nodig.append(self._los_gelezen)
        if b"a- a" in vorm:
            stappen_nodig.append(self._afgebroken_gelezen)
        if b"a0" in vorm or b"0a" in vorm:
            stappen_nodig.append(self._cijfers_gelezen)
        stappen_nodig.append(self._woorden)
        for vind in stappen_nodig:
            vervangingen = vind(text)
            if vervangingen:
                text, kaart = _vervang(text, vervangingen)
                kaarten.append(kaart)
                stappen.append([(kaart, start, end, woord) for start, end, woord in vervangingen])
        if not kaarten:
            return None
        woorden = []
        for i, stap in enumerate(stappen):
            for kaart, start, _end, woord in stap:
                begin = _heen(kaart, start)  # where the word is after this step, then after the later ones
                for later in kaarten[i + 1:]:
                    begin = _heen(later, begin)
                woorden.append((begin, begin + len(woord)))
        herstel = Herstel(text, tuple(kaarten), ())
        spelling = tuple((s, e, origineel[herstel.bron(s):herstel.bron(e)]) for s, e in sorted(woorden))
        return Herstel(text, tuple(kaarten), spelling)

    def _los_gelezen(self, text: str) -> list[tuple[int, int, str]]:
        """Each run of letters standing apart, with the word it spells."""
        out = []
        for m in self._los.finditer(text):
            woord = m.group(0).replace(m.group("gat"), "")
            if "." in m.group("gat") and (len(woord) <= 3 or (len(woord) <= 4 and woord.isupper())):
                continue  # an abbreviation or initials: "d.w.z.", "A. B. C. Jansen"
            out.append((m.start(), m.end(), woord))
        return out

    def _afgebroken_gelezen(self, text: str) -> list[tuple[int, int, str]]:
        """Each word broken off at a line end ("aange-" and "nomen"), read whole."""
        return [(m.start(), m.end(), m.group(1) + m.group(2)) for m in self._afgebroken.finditer(text)]

    def _cijfers_gelezen(self, text: str) -> list[tuple[int, int, str]]:
        """Each word with digits for some of its letters, read with the letters."""
        out = []
        for m in self._cijferwoord.finditer(text):
            woord = "".join(self._als_letter.get(c, c) for c in m.group(0))
            if woord.isalpha():
                out.append((m.start(), m.end(), woord))
        return out

    def _woorden(self, text: str) -> list[tuple[int, int, str]]:
        """Each listed word written apart or with digits, with the word."""
        out = []
        for m in self._patroon.finditer(text):
            woord = self.woorden[int(m.lastgroup[1:])]
            if m.group(0).lower() != woord and self._aanvaard(text, m, woord):
                out.append((m.start(), m.end(), woord))
        return out

    def _aanvaard(self, text: str, m: re.Match, woord: str) -> bool:
        """Is this a way of writing ``woord`` a reader reads as the word?

        Signs between the letters other than white space always are (a hyphen, a
        dot, a digit for a letter). White space is only when every letter stands
        apart ("a a n g e n o m e n"), after a hyphen at the end of a line
        ("aange- nomen"), or between the two parts of a word in :attr:`delen` at the
        end of a clause.
        """
        gevonden = m.group(0)
        gaten = re.split(r"[^" + re.escape(_SCHEIDING) + "]", gevonden)[1:-1]
        if not any(any(c.isspace() for c in g) for g in gaten):
            return True
        if all(gaten):
            return True
        if all(g.strip() == "" or "-" in g for g in gaten if any(c.isspace() for c in g)) and any(
                "-" in g for g in gaten if any(c.isspace() for c in g)):
            return True
        open_ = [i for i, g in enumerate(gaten) if g]
        if len(open_) == 1 and not gaten[open_[0]].strip() and self.delen.get(woord) == open_[0] + 1:
            return bool(self._clause_einde.match(text, m.end()))
        return False
