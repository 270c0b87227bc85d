"""What the guard knows about the dossiers, and how it reports a violation.

The guard finds dossiers in the written output by data it owns, not by a list of
pages: the ``data-dossier`` markers, the dossier URLs (``dossiers/<id>.html``) and the
dossier titles. :class:`DossierIndex` holds all three, built once per build from the
dossiers that :mod:`raadsinfo` loaded. :class:`Violation` is one finding, with
everything the person who broke the rule needs to fix it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from raadsinfo import labelling
from raadsinfo.dates import datum_lang
from raadsinfo.labelling import Plek
from raadsinfo.trie import trie_regex


@dataclass(frozen=True, eq=False)
class DossierInfo:
    """The facts about one dossier that the guard compares outputs against.

    Compared and hashed by identity (one object per dossier per build): it is a
    cache key on every checked text, so hashing must be cheap.
    """

    id: str
    titel: str
    label: str  # "voorstel" or "besluit"
    status: str  # status name as shown, e.g. "in behandeling", "verworpen"
    label_titel: str
    url: str
    stemming: date | None = None  # planned vote

    @property
    def stemdatum(self) -> str | None:
        """The planned vote as a Dutch date (formatted only for a message: Babel is slow)."""
        return datum_lang(self.stemming) if self.stemming else None

    @property
    def besluit(self) -> bool:
        return self.label == "besluit"

    @classmethod
    def of(cls, d) -> DossierInfo:
        stemming = d.geplande_stemming()
        return cls(d.id, d.titel, d.label.value, d.status.naam, d.label_titel, d.url,
                   stemming.datum if stemming else None)


@dataclass(frozen=True)
class Violation:
    """One place in one output file where the labelling rule is broken."""

    file: str
    element: str
    dossier: str
    text: str
    reason: str
    write: str

    def format(self) -> str:
        shown = self.text if len(self.text) <= 160 else self.text[:157] + "..."
        return (f"{self.file}: {self.element} (dossier {self.dossier}): \"{shown}\"\n"
                f"    Waarom fout: {self.reason}.\n"
                f"    Schrijf in plaats daarvan: {self.write}")


def fingerprint(dossiers) -> int:
    """What the guard knows of the dossiers (every :class:`DossierInfo` field), as one
    number: the guard beside the build checks that the dossiers did not change
    between the moment it built its index and the end of the build."""
    infos = (d if isinstance(d, DossierInfo) else DossierInfo.of(d) for d in dossiers)
    return hash(tuple((i.id, i.titel, i.label, i.status, i.label_titel, i.url, i.stemming) for i in infos))


def _variants(titel: str) -> set[str]:
    """A title as it may appear in text, HTML or XML source."""
    if len(titel) < 4:  # too short to recognise reliably
        return set()
    return {titel, html.escape(titel, quote=False), html.escape(titel)}


#: The quotes a reader may see for a straight quote in a title.
_QUOTES = {"'": "'’‘", '"': '"“”'}
#: How a title may be written in a text a reader sees as that title: any white space
#: (a line break, a non-breaking space) between its words, curly quotes for straight.
_LOOSE = {" ": r"\s+", **{quote: f"[{chars}]" for quote, chars in _QUOTES.items()}}


class TitlePattern:
    """Every title as one trie regex, and a fast way to find where it can match.

    ``re`` looks for a pattern that starts with any of several characters (here the
    first letters of the titles) by calling a function per character of the text:
    about 75 instructions a character, most of the guard's title search on a long
    page. But the pattern can only match where one of those first characters stands,
    and ``bytes.translate`` and ``bytes.find`` find them in C at a few instructions a
    character. So :meth:`finditer` marks those places and tries the pattern at each,
    from left to right, going on after a match where ``re.finditer`` goes on: the
    same matches (a property test compares them), for about two thirds of the time
    (77 against 112 µs on a decided dossier page of the benchmark; encoding and
    marking the text is most of what is left). A short text is searched by ``re``
    as before, and so is a text whose first :data:`SAMPLE` characters hold more
    than one possible start in :data:`DENSE`.
    """

    #: Texts shorter than this are searched by ``re`` directly.
    SCAN_FROM = 512
    #: Marking pays while fewer than one character in this many is a possible start.
    DENSE = 32
    #: How many characters, from where the search starts, decide that.
    SAMPLE = 2048

    def __init__(self, variants: set[str]):
        self.regex = re.compile(trie_regex(sorted(variants), _LOOSE) + r"(?!\w)")
        first: set[str] = set()
        for variant in variants:
            first.update(_QUOTES.get(variant[0], variant[0]))
        # A title never starts with white space (titles are normalised), for which
        # the pattern's \s+ would allow many characters: then no marking at all.
        self.first = None if any(c.isspace() for c in first) else frozenset(first)
        latin1, low = bytearray(256), bytearray(256)
        for c in first:
            if ord(c) < 256:
                latin1[ord(c)] = 1
            low[ord(c) & 0xFF] = 1
        self._latin1, self._low = bytes(latin1), bytes(low)

    def finditer(self, text: str, pos: int = 0):
        """``self.regex.finditer(text, pos)``, by marking where a match can start."""
        if self.first is None or len(text) - pos < self.SCAN_FROM:
            yield from self.regex.finditer(text, pos)
            return
        try:  # one byte a character: a mark's offset is the character's
            data, width, table = text.encode("latin-1"), 1, self._latin1
        except UnicodeEncodeError:  # four bytes a character; the lowest byte comes first
            data, width, table = text.encode("utf-32-le"), 4, self._low
        marks = data.translate(table)
        # Judged on a sample from where the search starts: counting the marks of a
        # whole page cost 2 % of the guard's instructions.
        if marks.count(1, pos * width, (pos + self.SAMPLE) * width) * self.DENSE > self.SAMPLE:
            yield from self.regex.finditer(text, pos)
            return
        match, find, first = self.regex.match, marks.find, self.first
        if width == 1:  # Latin-1 (most pages): a mark is a character, its offset the position
            at = find(1, pos)
            while at != -1:
                m = match(text, at)
                if m:
                    yield m
                    at = find(1, m.end())  # where re.finditer goes on: after the match
                else:
                    at = find(1, at + 1)
            return
        at = find(1, pos * width)
        while at != -1:
            start, off = divmod(at, width)
            if off or text[start] not in first:
                at = find(1, at + 1)  # another byte of a character, or only its lowest byte is alike
                continue
            m = match(text, start)
            if m:
                yield m
                at = find(1, m.end() * width)  # where re.finditer goes on: after the match
            else:
                at = find(1, at + width)


def _compile(variants: set[str]) -> TitlePattern | None:
    """Titles as one trie regex. No lookbehind up front: that would stop ``re`` from
    skipping ahead to a possible first character; the left boundary is checked in
    :func:`_matches` instead. Spaces and quotes match as in :data:`_LOOSE`, so a text
    need not be normalised to be searched (normalising a whole page took twice as
    long as the search); :func:`prepared` does what the pattern cannot."""
    if not variants:
        return None
    return TitlePattern(variants)


def prepared(text: str) -> str:
    """``text`` ready for the title pattern: normalised only if it holds a soft
    hyphen or is not in NFC, which the pattern does not allow for (rare)."""
    if "\u00ad" in text or not _nfc(text):
        return labelling.normalise(text)
    return text


def _nfc(text: str) -> bool:
    """``unicodedata.is_normalized("NFC", text)``, which takes 60 µs on a page: text in
    Latin-1 is in NFC already (no combining mark is among its characters; a test
    checks every pair)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return unicodedata.is_normalized("NFC", text)
    return True


def _matches(pattern: TitlePattern, text: str):
    for m in pattern.finditer(text):
        start = m.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            yield m


def literal_matches(pattern: re.Pattern, start, text):
    """``pattern.finditer(text)`` for a pattern whose every match begins with the
    literal ``start`` (str or bytes, as ``text``): ``re`` looks for a literal start at
    about 1.2-1.4 ns a character, ``find`` at a fraction of that, so the pattern is
    tried only where ``find`` finds it, going on after a match where ``finditer``
    goes on. Used on whole pages, feeds and calendars (tests compare the results)."""
    find, match = text.find, pattern.match
    at = find(start)
    while at != -1:
        m = match(text, at)
        if m is None:
            at = find(start, at + 1)
        else:
            yield m
            at = find(start, m.end())


#: What every dossier URL holds first (see :attr:`DossierIndex.URL`).
_URL_START = "dossiers/"


class DossierIndex:
    """Every dossier by id, URL and title; finds the dossiers a text names."""

    URL = re.compile(re.escape(_URL_START) + r"([0-9A-Za-z_-]+)\.html")

    def __init__(self, dossiers):
        self.by_id: dict[str, DossierInfo] = {}
        for d in dossiers:
            info = d if isinstance(d, DossierInfo) else DossierInfo.of(d)
            self.by_id[info.id] = info
        self.by_title: dict[str, DossierInfo] = {}
        variants: set[str] = set()
        for info in self.by_id.values():
            titel = labelling.normalise(info.titel)
            if len(titel) < 4:  # too short to recognise reliably
                continue
            self.by_title[titel] = info
            variants.update(_variants(titel))
        self._titles = _compile(variants)
        self._open_ids = self.open_ids
        #: As bytes, for the quick check on raw pages (:mod:`guard.quick`).
        self.decided_ids = frozenset(i.encode() for i, d in self.by_id.items() if d.besluit)

    def __len__(self) -> int:
        return len(self.by_id)

    @property
    def open_ids(self) -> set[str]:
        return {i for i, d in self.by_id.items() if not d.besluit}

    def ids_in_urls(self, text: str) -> set[str]:
        return {m for m in self.URL.findall(text) if m in self.by_id}

    def _url_ids(self, text: str):
        """``self.URL.findall(text)`` on a long text (a whole page or feed), found
        from the URLs' literal start (:func:`literal_matches`; a test compares them)."""
        return (m.group(1) for m in literal_matches(self.URL, _URL_START, text))

    def open_title_counts(self, text: str, most: int | None = None) -> dict[DossierInfo, int]:
        """How often each undecided dossier's title occurs in a decoded text, written
        as a reader would read it as that title (see :data:`_LOOSE`), in order.

        With ``most``, the scan stops at the first title beyond ``most`` different
        ones: the counts then say only that there are more (a list page names
        hundreds, and a caller that treats "many" alike need not count them all)."""
        counts: dict[DossierInfo, int] = {}
        if self._titles and text:
            for info in self._open_in_source(prepared(text)):
                if most is not None and info not in counts and len(counts) == most:
                    counts[info] = 1
                    break
                counts[info] = counts.get(info, 0) + 1
        return counts

    def open_ids_in_urls(self, text: str) -> set[str]:
        return {m for m in self._url_ids(text) if m in self._open_ids}

    def _found(self, text: str):
        """(match, dossier) for each title in ``text``, escaped or not, in order."""
        by_title = self.by_title
        for m in _matches(self._titles, text):
            written = m.group(0)
            info = by_title.get(written) or by_title.get(labelling.normalise(html.unescape(written)))
            if info:
                yield m, info

    def titles_in(self, text: str) -> list[DossierInfo]:
        """Dossiers whose exact title occurs in ``text`` (longest match wins)."""
        if not self._titles or not text:
            return []
        found = []
        for _, info in self._found(labelling.normalise(text)):
            if info not in found:
                found.append(info)
        return found

    def titles_in_lines(self, lines: list[str]) -> list[tuple[int, DossierInfo]]:
        """(line number, dossier) for each dossier whose title occurs in a line, in
        order: :meth:`titles_in` on each line, in one scan. A normalised line holds
        no line break and no title does, so a match never spans two lines, and a
        line break is a boundary on both sides, as the start and end of a text are."""
        if not self._titles or not lines:
            return []
        joined = "\n".join(labelling.normalise(line) for line in lines)
        found: list[tuple[int, DossierInfo]] = []
        for m, info in self._found(joined):
            item = (joined.count("\n", 0, m.start()), info)
            if item not in found:
                found.append(item)
        return found

    def _open_in_source(self, raw: str):
        """Each undecided dossier whose title occurs in a text (escaped or not), as
        found. One scan with every title, so that the longest title wins:
        "Regels voor evenementen" (undecided) inside "Regels voor evenementen, tweede
        versie" (decided) is the decided one. (A second pattern of the undecided
        titles alone, as a first look, cost as much to scan and doubled the time to
        build the index.)"""
        if not self._titles:
            return
        for _, info in self._found(raw):
            if not info.besluit:
                yield info

    def mentions_open(self, raw: str) -> bool:
        """Quick check before parsing: does ``raw`` (a file's text, decoded as the full
        check reads it and :func:`prepared`) name an undecided dossier at all?"""
        if self.open_ids_in_urls(raw):
            return True
        return next(self._open_in_source(raw), None) is not None

    def title_hint(self, text: str) -> bool:
        """Cheap test on unnormalised text; :meth:`titles_in` confirms."""
        return bool(self._titles and next(_matches(self._titles, text), None))


def _write(info: DossierInfo, schrijf: str) -> str:
    out = schrijf.replace("Voorstel aan de raad: ...", f'"{labelling.voorstel_titel(info.titel)}"')
    if info.stemdatum:
        out = out.replace("<datum>", info.stemdatum)
    return out


def check_text(info: DossierInfo, text: str, plek: Plek, file: str, element,
               require_label: bool = True) -> list[Violation]:
    """Check one place where a reader sees ``info`` named: the heart of the guard.

    Undecided: the text carries the voorstel label (when ``require_label``) and no
    decision claim. Decided: it carries the besluit label (titles) or the result
    (status badges), and no stale "nog niet besloten". ``element`` describes the
    place, or is a function that does (called only when there is a violation).
    """
    found = _judge(info, text, plek, require_label)
    if not found:
        return []
    shown = labelling.normalise(text)
    where = element() if callable(element) else element
    return [Violation(file, where, info.id, shown, reason, write) for reason, write in found]


@lru_cache(maxsize=1 << 16)
def _judge(info: DossierInfo, text: str, plek: Plek, require_label: bool) -> tuple[tuple[str, str], ...]:
    """(reason, what to write) for each problem; cached, since pages repeat texts."""
    text = labelling.normalise(text)
    out: list[tuple[str, str]] = []

    def bad(reason: str, write: str) -> None:
        out.append((reason, write))

    if not info.besluit:
        if require_label and not labelling.has_voorstel_label(text):
            bad(f"dossier {info.id} is nog niet besloten ({info.status}), maar deze plek noemt het zonder het "
                "label 'Voorstel'", f'"{labelling.voorstel_titel(info.titel)}"' if plek is Plek.LABEL
                else "een tekst met 'Voorstel' of 'Voorstel aan de raad', bijvoorbeeld 'Voorstel, nog niet besloten'")
        for claim in labelling.claims(text, plek):
            soort = "Twijfelgeval: " if claim.regel.twijfel else ""
            bad(f"{soort}dossier {info.id} is nog niet besloten ({info.status}), maar hier staat "
                f"\"{claim.gevonden}\": {claim.regel.reden} [regel {claim.regel.code}]",
                _write(info, claim.regel.schrijf))
        return tuple(out)
    if require_label:
        if plek is Plek.STATUS and info.status.lower() not in text.lower():
            bad(f"dossier {info.id} is een besluit ({info.status}), maar de status noemt de uitslag niet",
                f'"Besluit: {info.status}"')
        elif plek is Plek.LABEL and not labelling.has_besluit_label(text):
            bad(f"dossier {info.id} is een besluit ({info.status}), maar deze plek noemt het niet als besluit",
                f'"{info.label_titel}"')
    stale = labelling.voorstel_titel(info.titel).lower()
    if stale in text.lower() or "nog niet besloten" in text.lower():
        bad(f"dossier {info.id} is een besluit ({info.status}), maar deze plek noemt het nog een voorstel",
            f'"{info.label_titel}"')
    return tuple(out)
