"""Check iCalendar files.

The files are read with a small RFC 5545 reader (unfold lines, split name,
parameters and value, unescape text) instead of the ``icalendar`` library: the
guard only needs four text properties, and the library took 20 ms a file, which
at one calendar per dossier would eat the guard's whole budget.

A VEVENT names a dossier when its URL points to ``dossiers/<id>.html`` or its
SUMMARY holds the dossier's exact title. For an undecided dossier the SUMMARY must
carry the voorstel label and neither SUMMARY nor DESCRIPTION may claim a decision.
An event for a whole meeting may list dossiers in its DESCRIPTION, one per line:
each line that names an undecided dossier must carry the voorstel label too.
"""

from __future__ import annotations

import re

from raadsinfo.labelling import Plek

from .index import DossierIndex, Violation, check_text

_FOLD = re.compile(r"\n[ \t]")
_ESCAPES = re.compile(r"\\([\\;,nN])")


def unfold(text: str) -> str:
    r"""Content lines as RFC 5545 folds them back: a line break followed by a space or
    a tab continues the line. (The guard's quick look unfolds with this too.)

    That is ``re.sub(r"\r?\n[ \t]", "", text)`` (a test compares them on every short
    text of these characters), in two steps: the CR of a fold first, then the fold
    itself, with a pattern that starts with a literal line feed, which ``re`` looks
    for fast, instead of trying an optional CR at every character (21 µs against
    6 µs for a calendar of one dossier).
    """
    if "\r\n " in text or "\r\n\t" in text:
        text = text.replace("\r\n ", "\n ").replace("\r\n\t", "\n\t")
    return _FOLD.sub("", text)


def unescape(value: str) -> str:
    r"""A text value as RFC 5545 escapes it back: ``\\`` ``\;`` ``\,`` ``\n`` ``\N``.

    By ``str.replace`` (twice as fast as a regex with a function per escape; a test
    compares the two on every short text): escaped backslashes first, held as a NUL
    so that their second backslash cannot start another escape; a text that holds a
    NUL itself takes the regex."""
    if "\\" not in value:
        return value
    if "\0" in value:
        return _ESCAPES.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
    return (value.replace("\\\\", "\0").replace("\\n", "\n").replace("\\N", "\n").replace("\\;", ";")
            .replace("\\,", ",").replace("\0", "\\"))


_NESTED = re.compile(r"BEGIN:(\w+).*?END:\1", re.DOTALL)
_PROPERTY = re.compile(r"^([A-Za-z-]+)((?:;[^:\r\n\"]*(?:\"[^\"]*\"[^:\r\n\"]*)*)*):(.*)$", re.MULTILINE)


#: The properties the guard reads; the others are not unescaped.
_READ = frozenset({"SUMMARY", "DESCRIPTION", "URL", "UID"})


def events(raw: bytes, only: frozenset[str] | None = None) -> list[dict[str, str]]:
    """The VEVENTs of a calendar as {property: unescaped text} (first value wins);
    with ``only``, just those properties.

    Components nested in an event (VALARM) are skipped.
    """
    text = unfold(raw.decode("utf-8", "replace"))
    found: list[dict[str, str]] = []
    for block in text.split("BEGIN:VEVENT")[1:]:
        block = block.split("END:VEVENT", 1)[0]
        if "BEGIN:" in block:
            block = _NESTED.sub("", block)  # nested components
        event: dict[str, str] = {}
        for m in _PROPERTY.finditer(block):
            name = m.group(1).upper()
            if name not in event and (only is None or name in only):
                event[name] = unescape(m.group(3).rstrip("\r"))
        found.append(event)
    return found


def check_ics(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    out: list[Violation] = []
    for n, event in enumerate(events(raw, _READ), start=1):
        summary = str(event.get("SUMMARY", ""))
        description = str(event.get("DESCRIPTION", ""))
        url = " ".join(str(event.get(k, "")) for k in ("URL", "UID"))
        where = f"agenda-item {n} ({str(event.get('UID', '?'))})"
        named = index.ids_in_urls(url) | {i.id for i in index.titles_in(summary)}
        for dossier_id in sorted(named):
            info = index.by_id[dossier_id]
            if info.besluit:
                continue
            out += check_text(info, summary, Plek.LABEL, rel, f"{where}: SUMMARY")
            if description:
                out += check_text(info, description, Plek.TEKST, rel, f"{where}: DESCRIPTION", require_label=False)
        lines = description.splitlines()
        for n_line, info in index.titles_in_lines(lines):
            if not info.besluit and info.id not in named:
                out += check_text(info, lines[n_line], Plek.TEKST, rel, f"{where}: regel in DESCRIPTION")
    return out
