"""Decide from a file's bytes, before any parsing, whether the guard must parse it.

The guard's promise is about undecided dossiers: wherever one is named, it must be
shown as a voorstel. Parsing is the guard's largest cost, so a file is parsed only
when it can break that promise:

* a page, feed or calendar that names an undecided dossier: a marker with its id, a
  link to its page (``dossiers/<id>.html``), or its title, in the text decoded (and
  a calendar unfolded) and normalised as the full check reads it;
* a page with a marker that is not plainly "a decided dossier, labelled besluit": an
  unknown id, a ``data-label`` other than ``besluit``, or a marker this quick reader
  cannot read for certain (odd quoting, ``data-dossier`` outside a tag);
* a page with the words of a stale voorstel label ("Voorstel aan de raad", "nog niet
  besloten"), or a Pagefind ``label`` or ``soort`` value: the full check then
  decides whether a decided dossier is shown as a proposal there.

Any doubt means "parse": this module never reports a violation itself, it only lets
through pages that name decided dossiers and nothing else, correctly marked. What
such a page is not checked for on every build is the positive side (a besluit's
badge names its result, its title says "Besluit"); the build tests and the
property-based test check that (see ``docs/guard.md``). Most dossiers of a council's
archive are decided (about half in the benchmark), so this saves much of the
guard's largest cost: parsing dossier pages.
"""

from __future__ import annotations

import html
import re

from .ics_check import unescape, unfold
from .index import DossierIndex, literal_matches, prepared

HTML = {".html", ".htm"}
#: A ``data-dossier`` or ``data-label`` attribute with its value, where the character
#: before it is white space or a quote (:data:`_BEFORE`, checked apart: a pattern
#: that starts with a character class makes ``re`` test every character of the tag,
#: one that starts with "data-" is looked for fast).
_ATTR = re.compile(rb"""data-(dossier|label)\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`]+))""")
_SPACE = frozenset(b" \t\n\r\x0b\x0c")
_BEFORE = _SPACE | frozenset(b"\"'")
#: What follows a decided dossier's id in the markers the templates write: the
#: attribute's name (compared lower-cased) and its value (compared as written).
_LABEL_NAME = b'" data-label="'
_BESLUIT_VALUE = b'besluit"'
#: Wording that belongs to a voorstel; on a page of decided dossiers only, the full
#: check decides whether it presents one of them as still a proposal. Searched in the
#: lower-cased page (ASCII only, as ``(?i)`` on bytes), one literal start per pattern:
#: ``re`` is much slower on a case-insensitive alternation. Separators: white space,
#: a non-breaking space (raw or as an entity), a soft hyphen.
_SEP = rb"(?:\s|\xc2\xa0|&nbsp;|&#160;|&#xa0;|\xc2\xad|&shy;)+"
_STALE = ((b"voorstel", re.compile(rb"voorstel" + _SEP + rb"aan" + _SEP + rb"de" + _SEP + rb"(?:gemeente)?raad")),
          (b"nog", re.compile(rb"nog" + _SEP + rb"niet" + _SEP + rb"besloten")))
_PAGEFIND_LABEL = (b"data-pagefind-",
                   re.compile(rb"data-pagefind-(?:filter|meta)\s*=\s*[\"']?[^\"'>]*\b(?:label|soort)\b"))


def needs_parse(raw: bytes, suffix: str, index: DossierIndex) -> bool:
    """Must the guard parse this page, feed or calendar? (Exports are always parsed.)"""
    if suffix in HTML:
        # HTML attribute names are case-insensitive (the parser lowers them), so they
        # are looked for in the lower-cased page; values are read from ``raw``.
        lower = raw.lower()
        if b"data-dossier" in lower and (not _only_decided_markers(raw, lower, index) or _stale(lower)
                                         or _found(*_PAGEFIND_LABEL, lower)):
            return True
    text = raw.decode("utf-8", "replace")
    if suffix == ".ics":
        # As the calendar reader sees its values: unfolded and unescaped alike (with a
        # fold or an escape of its own, the quick look once missed titles it sees).
        text = unescape(unfold(text))
    elif suffix in HTML:
        text = html.unescape(text)  # as the parser decodes text and attribute values
    elif "&#" in text or "&apos;" in text or "&amp;" in text:
        # The feed reader decodes character references, and the HTML of an html-typed
        # summary once more; the titles are looked for as written and with &amp; &lt;
        # &gt; &quot; &#x27;, but not in every spelling. (Feeds without any of these,
        # most of them, are not decoded at all: decoding is slow on escaped HTML.)
        text = html.unescape(text)
        if "&" in text:
            text = html.unescape(text)
    # The full check reads titles as a reader does (wrapped over two lines, with a
    # non-breaking space, curly quotes): the title pattern allows for that itself.
    return index.mentions_open(prepared(text))


def _stale(lower: bytes) -> bool:
    return any(_found(start, pattern, lower) for start, pattern in _STALE)


def _found(start: bytes, pattern: re.Pattern, data: bytes) -> bool:
    """``pattern.search(data) is not None`` for a pattern whose every match begins
    with the literal ``start`` (:func:`guard.index.literal_matches`): these patterns
    are searched in every page of decided dossiers (a test compares both ways)."""
    return next(literal_matches(pattern, start, data), None) is not None


def _only_decided_markers(raw: bytes, lower: bytes, index: DossierIndex) -> bool:
    """Does every ``data-dossier`` in ``raw`` sit in a tag that marks a decided dossier
    as ``besluit`` (or carries no ``data-label``)? False at the least doubt.

    ``lower`` is ``raw.lower()``: attribute names are found there, in any case, as the
    parser finds them; values (ids and labels, which the full check compares as
    written) are read from ``raw`` at the same offsets."""
    decided = index.decided_ids
    pos = lower.find(b"data-dossier")
    while pos != -1:
        start, end = raw.rfind(b"<", 0, pos), raw.find(b">", pos)
        if start == -1 or end == -1 or raw.find(b">", start, pos) != -1:
            return False  # not inside a tag: let the parser decide
        if raw[pos - 1] in _SPACE and lower.startswith(b'data-dossier="', pos):
            # The form the templates write, read without a regex: data-dossier="<id>"
            # data-label="besluit", each name once in the tag; the reading below
            # would find just these two (a test compares both).
            value = pos + 14
            close = raw.find(b'"', value, end)
            if (close != -1 and raw[value:close] in decided and lower.startswith(_LABEL_NAME, close)
                    and raw.startswith(_BESLUIT_VALUE, close + len(_LABEL_NAME))
                    and lower.count(b"data-dossier", start, end) == 1
                    and lower.count(b"data-label", start, end) == 1):
                pos = lower.find(b"data-dossier", end)
                continue
        attrs: dict[bytes, list[bytes]] = {}
        # As ``re.finditer(rb"[\s\"'](data-dossier|data-label)...", lower, start, end + 1)``
        # would find them (a test compares the two): the character before a match
        # belongs to it, so the next one starts one further on.
        at = start + 1
        while (m := _ATTR.search(lower, at, end + 1)) is not None:
            if raw[m.start() - 1] not in _BEFORE:
                at = m.start() + 1
                continue
            group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
            attrs.setdefault(m.group(1), []).append(raw[m.start(group):m.end(group)])
            at = m.end() + 1
        ids, labels = attrs.get(b"dossier", []), attrs.get(b"label", [b"besluit"])
        if len(ids) != 1 or ids[0] not in decided or labels != [b"besluit"]:
            return False
        pos = lower.find(b"data-dossier", end)
    return True
