"""Refuse hidden and control characters, and line breaks where a text is one line.

A record's texts reach pages, feeds, calendars and exports. Characters a reader
cannot see do harm there: a bidi override (U+202E) turns "Nieuwe speeltuin" into
text that reads differently from what was checked, a zero-width space splits a word
so that no check finds it, NUL and other control characters break feeds and
calendars, and a line break in a title broke the calendar writer. Such characters
almost always arrive by copying text from Word, a PDF or a website, so they are
refused with a Dutch message that says which character and where, instead of being
removed silently (the clerk would never learn the text is not what it seems).

* Single-line fields (titles, names, ids, dates, addresses; every field not named
  in :data:`MULTILINE`): no control character at all, not even a tab or line break.
* Multi-line fields and the Markdown body: line breaks and tabs are allowed, other
  control and hidden characters are not.

The characters refused are the Unicode categories Cc (controls), Cf (format
characters: bidi controls, zero-width characters, the soft hyphen, tag characters),
Zl and Zp (line and paragraph separators), Cs (lone surrogates, which no page can
be written with), and the Hangul fillers, letters that show as nothing.
tests/test_bad_input_catalogue.py holds the list to the Unicode database of the
running Python.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from .problems import Problems
from .yamlsource import line_for

_HIDDEN = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 controls except tab and line feed; DEL; C1 controls
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\ud800-\udfff"  # lone surrogates: YAML's "\\ud800" makes one, and no UTF-8 file can hold it
)
#: What a multi-line text (and the body) may not contain.
IN_MULTILINE = re.compile(f"[{_HIDDEN}]")
#: What a single-line text may not contain: the same, and tab and line feed.
IN_SINGLE_LINE = re.compile(f"[\t\n{_HIDDEN}]")

_ANY = "*"

#: Fields that may hold more than one line, per record kind ("*" = any list index).
#: Every other text field is a single line.
MULTILINE: dict[str, frozenset[tuple]] = {
    "voorstel": frozenset({
        ("samenvatting",), ("gevraagdBesluit", _ANY), ("ontwerpbesluit", "aanhef"),
        ("ontwerpbesluit", "punten", _ANY), ("kosten", "toelichting"), ("bomen", "toelichting"),
        ("labelcontrole", _ANY, "zin"), ("labelcontrole", _ANY, "reden"),
    }),
    "besluit": frozenset({
        ("besluittoelichting",), ("amendementen", _ANY, "omschrijving"), ("moties", _ANY, "omschrijving"),
        ("besluittekst", "aanhef"), ("besluittekst", "punten", _ANY),
        ("labelcontrole", _ANY, "zin"), ("labelcontrole", _ANY, "reden"),
    }),
    "raad": frozenset({("perioden", _ANY, "bron"), ("perioden", _ANY, "opmerking")}),
    "onderwerpen": frozenset({("onderwerpen", _ANY, "omschrijving")}),
}

#: The field name the messages use for the Markdown body under the front matter.
BODY_FIELD = "toelichting (tekst onder de voorkant)"

_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")


def describe(char: str) -> str:
    """The character in words a griffie member understands, with its code."""
    code = f"U+{ord(char):04X}"
    if char == "\n":
        return "een regeleinde"
    if char == "\r":
        return "een regeleinde van Windows of een oude Mac (U+000D)"
    if char == "\t":
        return "een tab"
    if char == "\x00":
        return "een NUL-teken (U+0000)"
    if char in _BIDI:
        return f"een onzichtbaar teken dat de leesrichting verandert ({code})"
    if char in _ZERO_WIDTH:
        return f"een onzichtbaar teken zonder breedte ({code})"
    if char in "\u2028\u2029\x85":
        return f"een onzichtbare regelscheiding ({code})"
    if char == "\u00ad":
        return f"een onzichtbaar afbreekstreepje ({code})"
    if unicodedata.category(char) == "Cc":
        return f"een stuurteken ({code})"
    return f"een onzichtbaar teken ({code})"


def escape(text: str) -> str:
    """``text`` with every refused character written as a code (``\\u202e``): safe to print.

    For file names in messages: a name with a bidi override or a line break would
    rearrange the report in the terminal, and one that is not UTF-8 cannot be printed.
    """
    return IN_SINGLE_LINE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def escape_hidden(text: str) -> str:
    """:func:`escape`, but line breaks and tabs stay: for a whole report."""
    return IN_MULTILINE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def first_bad(text: str, single_line: bool) -> re.Match | None:
    """The first refused character of ``text``, or None."""
    return (IN_SINGLE_LINE if single_line else IN_MULTILINE).search(text)


def single_line_problem(text: str) -> str | None:
    """Why ``text`` cannot be a single-line field, in Dutch; None when it can (for ``invoke new``)."""
    match = first_bad(text, single_line=True)
    if match is None:
        return None
    return f"er staat {describe(match.group())} in, {_where(text, match.start())}"


def _where(text: str, pos: int) -> str:
    """'na "…"' with up to 20 characters before ``pos``, or 'aan het begin'."""
    if pos == 0:
        return "aan het begin"
    before = text[max(0, pos - 20):pos].replace("\n", " ")
    before = IN_MULTILINE.sub("", before)
    return f"na '{'…' if pos > 20 else ''}{before}'"


def _shape(path: tuple) -> tuple:
    return tuple(_ANY if isinstance(p, int) else p for p in path)


def _texts(data: object) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every text in the data, without recursion."""
    stack: list[tuple[tuple, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(value))))


def field_name(path: tuple) -> str | None:
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out or None


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _possible(yaml_text: str | None) -> tuple[bool, bool]:
    """(a hidden character, a line break) can be in a value parsed from ``yaml_text``.

    Either is in the text as written, or made by an escape ("\\u202e", "\\n"), which
    needs a backslash. A line break also comes from a block scalar (``|``, ``>``) or a
    blank line inside a text. Most records have neither, so their values are not read.
    """
    if yaml_text is None or "\\" in yaml_text:
        return True, True
    hidden = "\t" in yaml_text or IN_MULTILINE.search(yaml_text) is not None
    breaks = hidden or "|" in yaml_text or ">" in yaml_text or _BLANK_LINE.search(yaml_text) is not None
    return hidden, breaks


def check_fields(kind: str, data: object, lines, display: str, problems: Problems,
                 yaml_text: str | None = None) -> bool:
    """Add a problem for every text field with a refused character; True when none.

    ``yaml_text``: the YAML the data was parsed from, when known, to skip what cannot
    be in it (:func:`_possible`).
    """
    hidden, breaks = _possible(yaml_text)
    if not breaks:
        return True
    multiline = MULTILINE.get(kind, frozenset())
    clean = True
    for path, text in _texts(data):
        if not hidden and "\n" not in text:
            continue
        single = _shape(path) not in multiline
        match = first_bad(text, single)
        if match is None:
            continue
        clean = False
        char = match.group()
        if single and char == "\n":
            problems.add(display, "deze tekst moet op één regel staan", line=line_for(lines, path),
                         field=field_name(path), found=f"{describe(char)} {_where(text, match.start())}",
                         expected="de hele tekst op één regel",
                         hint="Zet de tekst direct na de dubbele punt, op één regel. Gebruik hier geen '|' of "
                              "'>' en geen lege regel in de tekst.")
        else:
            problems.add(display, "er staat een onzichtbaar teken of stuurteken in de tekst",
                         line=line_for(lines, path), field=field_name(path),
                         found=f"{describe(char)} {_where(text, match.start())}", expected="gewone tekst",
                         hint=_HINT)
    return clean


_HINT = ("Haal het teken weg. Het komt vaak mee als u tekst kopieert uit Word, een pdf of een website: "
         "typ dat stuk opnieuw, of plak het als platte tekst (zonder opmaak).")


#: Characters Python's ``splitlines`` (which splits a record into lines) takes for a line
#: break, but an editor shows as one line: a lone CR, vertical tab, form feed, the
#: separators U+001C-001E, NEL, and U+2028/2029. A Windows line end (CR LF) is fine.
_ODD_BREAK = re.compile("\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def check_line_breaks(text: str, display: str, problems: Problems) -> bool:
    """Refuse a file with an odd line break; True when there is none.

    Checked on the whole text before it is split into lines, where such a character
    would silently become a line break and every later line number would be off.
    """
    match = _ODD_BREAK.search(text)
    if match is None:
        return True
    problems.add(display, "er staat een onzichtbaar teken of stuurteken in het bestand",
                 line=text.count("\n", 0, match.start()) + 1,
                 found=f"{describe(match.group())} {_where(text, match.start())}", expected="gewone tekst",
                 hint=_HINT)
    return False


#: Most openings of a link or an HTML tag ("[", "<a") a Markdown text may have. Python-
#: Markdown takes time quadratic in their number when they are not closed, so a text
#: full of them can hang the build; a real text has a few dozen at most.
MAX_MARKUP = 1000
_MARKUP = re.compile(r"\[|<[A-Za-z!/?]")


def markup_count(text: str) -> int:
    """How many link or tag openings ``text`` has (see :data:`MAX_MARKUP`)."""
    return sum(1 for _ in _MARKUP.finditer(text))


def check_markup(text: str, first_line: int, display: str, problems: Problems, field: str | None) -> bool:
    """Refuse a Markdown text with more than :data:`MAX_MARKUP` link or tag openings."""
    if text.count("[") + text.count("<") <= MAX_MARKUP or markup_count(text) <= MAX_MARKUP:
        return True
    problems.add(display, "de tekst heeft te veel haken [ of <", line=first_line, field=field,
                 found=f"{markup_count(text)} keer", expected=f"hoogstens {MAX_MARKUP} keer",
                 hint="Zoveel links of HTML-codes staan nooit in een gewone tekst. Haal ze weg; zet een lange "
                      "lijst in een document en noem dat onder 'documenten'.")
    return False


def check_body(body: str, body_line: int, display: str, problems: Problems) -> bool:
    """Add a problem for the first refused character of the Markdown body; True when none.

    Also refused: more link or tag openings than Markdown can handle in time.
    """
    clean = check_markup(body, body_line, display, problems, BODY_FIELD)
    match = first_bad(body, single_line=False)
    if match is None:
        return clean
    line = body_line + body.count("\n", 0, match.start())
    problems.add(display, "er staat een onzichtbaar teken of stuurteken in de tekst", line=line,
                 field=BODY_FIELD, found=f"{describe(match.group())} {_where(body, match.start())}",
                 expected="gewone tekst", hint=_HINT)
    return False
