"""What the domain says every output should show: the guard's side of the comparison.

The labels are made in one place (:mod:`raadsinfo.labels`); feed entries, calendar
events and export records are computed by :mod:`raadsinfo.nieuws`,
:mod:`raadsinfo.agenda` and :mod:`raadsinfo.export`. :class:`Expected` asks those same
functions, so that a check compares an output with the strings it should have printed
instead of judging its wording. Plain Python, no Pelican.

Besides exact strings, one thing needs a little search: :data:`DECIDED_WORDS`, the
label strings of a decided dossier, which may never stand in what is shown as an
undecided dossier, nor next to its title. A title is looked up where such a word
stands, by its first or last characters; a title shared by a decided and an undecided
dossier maps to both, since dossiers are told apart by id (markers, links), never by
title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from raadsinfo import agenda, guard_pages, labels, nieuws, reading
from raadsinfo.status import Label
from raadsinfo.trie import trie_regex

#: Between a decided word and a title "next to" it: at most this many spaces or
#: punctuation marks, no word.
GAP = 3
KEY = 4  # titles are looked up by this many characters at their start or end


def shown(text: str) -> str:
    """``text`` as a reader reads it, by the same reading as the wording check
    (:func:`raadsinfo.reading.lees`): NFKC, hidden characters gone, look-alike letters
    folded, right-to-left overrides as shown, white space collapsed."""
    return reading.lees(text)


#: An outcome as a bare label: a word with a capital, as on a badge or a column of a table
#: ("Aangenomen"), or in brackets after a title ("(aangenomen)"). The domain never prints
#: these for an undecided dossier; a template that does presents it as decided.
BARE_OUTCOMES = ("Aangenomen", "Verworpen", "Vastgesteld", "Goedgekeurd", "Besloten", "Afgehamerd")


def _decided_words() -> tuple[str, ...]:
    """Each decided row's headline prefix ("Verworpen:") and badge (raadsinfo/labels.py),
    the two words every decided label starts with, and the bare outcomes."""
    words = {"Besluit:", "Besluit van de gemeenteraad", "Besluit van de raad", *BARE_OUTCOMES,
             *(f"({word.lower()})" for word in BARE_OUTCOMES)}
    for (status, _), row in labels.TABEL.items():
        if status.label is Label.BESLUIT:
            words.update((f"{row.kop}:", row.badge))
    return tuple(sorted(words))


DECIDED_WORDS = _decided_words()
# Longest first (a trie), case as the domain writes them; any white space between the
# words and before a colon ("<b>Besluit</b>: ..." reads "Besluit : ..." in text joined
# per node), so that a page's text can be searched before it is normalised.
_DECIDED = re.compile(trie_regex(list(DECIDED_WORDS), {" ": r"\s+", ":": r"\s*:"}) + r"(?!\w)")
#: The first words of the decided words: ``str.find`` finds them many times faster
#: than ``re`` looks for the pattern at every position of a long page.
_FIRST = sorted({word.split()[0].rstrip(":") for word in DECIDED_WORDS})


def _boundary(text: str, at: int) -> bool:
    """Is ``at`` not inside a word?"""
    return at <= 0 or at >= len(text) or not (text[at - 1].isalnum() and text[at].isalnum())


def decided_matches(text: str) -> list[re.Match]:
    """Every decided label string in ``text``, as whole words, in order."""
    found = []
    for first in _FIRST:
        at = text.find(first)
        while at != -1:
            m = _DECIDED.match(text, at)
            if m and _boundary(text, at):
                found.append(m)
            at = text.find(first, at + 1)
    return sorted(found, key=lambda m: m.start())


#: A dossier's page (with or without ".html": a host with pretty URLs serves it at both),
#: its feeds and its calendar (plugins/feeds/paden.py).
_DOSSIER_URL = re.compile(r"(?:^|/)(?:dossiers|feeds/dossier|agenda/dossier)/([^/?#]+?)"
                          r"(?:\.html?|\.(?:atom|rss)\.xml|\.xml|\.ics)?/?(?:[?#]|$)")
#: The last part of an address, without what makes it a page, feed or calendar.
DOSSIER_STEM = re.compile(r"(?:\.html?|\.(?:atom|rss)\.xml|\.xml|\.ics|\.atom|\.rss)$")


#: A record's fields that hold no text the guard could find on a page.
_NO_TEXT = frozenset({"id", "source", "voorstel_id"})


class Expected:
    """Every string the outputs should show, per dossier id, asked of the domain."""

    def __init__(self, dossiers, sitename: str = "", authority: str = nieuws.DEFAULT_TAG_AUTHORITY,
                 today: date | None = None):
        self.sitename, self.authority, self.today = sitename, authority, today or date.today()
        self.dossiers = {d.id: d for d in dossiers}
        self.by_url = {d.url: i for i, d in self.dossiers.items()}  # each dossier's own page
        self.teksten = {i: d.teksten for i, d in self.dossiers.items()}
        self.open = frozenset(i for i, t in self.teksten.items() if t.label is Label.VOORSTEL)
        self.by_title: dict[str, list[str]] = {}
        for i, t in self.teksten.items():
            self.by_title.setdefault(shown(t.titel), []).append(i)
        self._starts: dict[str, list[str]] = {}
        self._ends: dict[str, list[str]] = {}
        self._holding: dict[str, list[tuple[str, int]]] = {}  # decided word -> (title, where in it)
        for title in sorted(self.by_title, key=len, reverse=True):  # the longest title wins
            self._starts.setdefault(title[:KEY], []).append(title)
            self._ends.setdefault(title[-KEY:], []).append(title)
            for m in _DECIDED.finditer(title):
                self._holding.setdefault(m.group(), []).append((title, m.start()))
        self._entries: dict[str, dict] = {}
        self._agenda: dict[str, dict] = {}
        self._vergaderingen: dict[str, agenda.Vergadering] | None = None

    def entries(self, dossier_id: str) -> dict[str, nieuws.Bericht]:
        """The dossier's news events (:func:`raadsinfo.nieuws.berichten_van`) by entry id;
        asked when a feed names the dossier."""
        if dossier_id not in self._entries:
            events = nieuws.berichten_van(self.dossiers[dossier_id], self.authority)
            self._entries[dossier_id] = {b.id: b for b in events}
        return self._entries[dossier_id]

    def agenda(self, dossier_id: str) -> dict[str, agenda.Agendapunt]:
        """The dossier's calendar events (every meeting it is or was on), by key."""
        if dossier_id not in self._agenda:
            self._agenda[dossier_id] = {p.sleutel: p for p in agenda.agendapunten(self.dossiers[dossier_id])}
        return self._agenda[dossier_id]

    def vergadering(self, key: str) -> agenda.Vergadering | None:
        """A meeting with its agenda (:func:`raadsinfo.agenda.vergaderingen`) by key, or None;
        every meeting the domain knows, whatever the calendar keeps of its history."""
        if self._vergaderingen is None:
            self._vergaderingen = {v.sleutel: v for v in agenda.vergaderingen(self.dossiers.values())}
        return self._vergaderingen.get(key)

    def linked(self, url: str) -> str | None:
        """The dossier whose page, feed or calendar ``url`` (absolute or from the site root)
        points to: a link to any of them names the dossier to a reader."""
        m = _DOSSIER_URL.search(url or "")
        return m.group(1) if m and m.group(1) in self.dossiers else None

    def decided_words(self, text: str) -> Iterator[re.Match]:
        """The decided label strings in ``text`` (already :func:`shown`), except those that
        are part of a dossier's title (a title may name "het Besluit van de gemeenteraad
        over ..."; the load-time wording check judges titles)."""
        for m in decided_matches(text):
            if not any(text.startswith(title, m.start() - at) for title, at in self._holding.get(m.group(), ())):
                yield m

    def open_titles_next_to(self, text: str, word: re.Match) -> list[tuple[str, str]]:
        """(title, id) of every undecided dossier whose title stands right after or before
        ``word`` in ``text``, with at most :data:`GAP` spaces or punctuation marks between.
        Where titles overlap, the longest is the one a reader reads."""
        found = []
        for gap in range(GAP + 1):
            after, before = word.end() + gap, word.start() - gap
            if not any(c.isalnum() for c in text[word.end():after]):
                found.append(self._title(text, after, self._starts))
            if before >= 0 and not any(c.isalnum() for c in text[before:word.start()]):
                found.append(self._title(text, before, self._ends))
        return list(dict.fromkeys((t, i) for t in found if t for i in self.by_title[t] if i in self.open))

    def _title(self, text: str, at: int, index: dict) -> str | None:
        """The longest title that starts (``_starts``) or ends (``_ends``) at ``at`` as whole words."""
        ends = index is self._ends
        for n in range(KEY, 0, -1):
            for title in index.get(text[max(0, at - n):at] if ends else text[at:at + n], ()):
                start = at - len(title) if ends else at
                if start >= 0 and text.startswith(title, start) and _boundary(text, start) and _boundary(
                        text, start + len(title)):
                    return title
        return None

    def record_field(self, ids, text: str, start: int, end: int) -> str:
        """"<record file>, veld '<field>'" of the first record of these dossiers whose text
        holds ``text[start:end]`` with some of what stands around it, or "" (then the
        words came from a template or plugin, not from a record)."""
        if end <= start:
            return ""
        pieces = [text[max(0, start - 20):end + 20], text[start:end + 20], text[max(0, start - 20):end]]
        for i in dict.fromkeys(ids):
            d = self.dossiers.get(i)
            for record in (d.voorstel, *d.uitkomsten) if d else ():
                for _, field, value in guard_pages.tekstvelden(record, overslaan=_NO_TEXT):
                    value = shown(re.sub(r"[*_`]", "", value))  # Markdown emphasis is not shown as such
                    if any(piece in value for piece in pieces):
                        return f"{record.source}, veld '{field}'"
        return ""


