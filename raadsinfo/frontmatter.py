"""Split a record file into its YAML front matter and its Markdown body.

A record file looks like::

    ---
    id: "2024-017"
    titel: ...
    ---
    Toelichting in Markdown.

Everything that can go wrong before the schema is checked (not a plain file, too
large, not UTF-8, empty, no front matter, unclosed front matter, tab indentation,
invalid YAML, anchors and aliases, too deep nesting, a key written twice, not a
mapping) is reported here as a :class:`~raadsinfo.problems.Problem` with its line.
:func:`parse_yaml` is shared with the council data files in ``content/raad/``, so
those get the same Dutch messages.

Files are opened by :func:`read_file` only: a symbolic link is refused before it is
followed (its target may be any file on the machine, whose text must not reach an
error message or the site), and so is anything that is not a plain file (a folder
named ``x.md``, a pipe that would block the read) or larger than
:data:`MAX_RECORD_BYTES`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import characters
from .problems import Problems
from .yamlsource import (
    MAX_DEPTH,
    TOO_LONG_NUMBER,
    UNREADABLE_VALUE,
    DuplicateKey,
    RefusedYAML,
    load_with_lines,
)

DELIMITER = "---"

#: Largest record or council data file read. The largest sample record is under 3 kB;
#: a record a hundred times as long is still readable, and nothing larger is ever
#: read into memory.
MAX_RECORD_BYTES = 256 * 1024

# PyYAML's English problem texts, translated for griffie staff.
_YAML_PROBLEMS_NL = {
    "mapping values are not allowed here": (
        "er staat een dubbele punt op een plek waar dat niet mag",
        "Staat er een dubbele punt in een tekst? Zet de hele tekst dan tussen aanhalingstekens.",
    ),
    "found duplicate anchor": ("een anker (&) komt twee keer voor", None),
    "could not find expected ':'": (
        "een regel mist de dubbele punt na de veldnaam",
        "Schrijf elk veld als 'veldnaam: waarde'.",
    ),
    "did not find expected key": (
        "de inspringing klopt niet, of een regel hoort niet in deze lijst",
        "Controleer of de regels onder elkaar met evenveel spaties beginnen.",
    ),
    "found unexpected end of stream": (
        "de tekst houdt onverwacht op, bijvoorbeeld door een aanhalingsteken dat niet wordt gesloten",
        None,
    ),
    "found undefined alias": ("een verwijzing (*) naar een onbekend anker", None),
    "expected <block end>": (
        "de inspringing klopt niet: een regel staat verder of minder ver in dan de regels erboven",
        "Controleer of de regels onder elkaar met evenveel spaties beginnen.",
    ),
    "found character '\\t' that cannot start any token": (
        "er staat een tab op een plek waar dat niet mag",
        "Vervang de tab door een spatie.",
    ),
    "found unknown escape character": (
        "er staat een schuine streep (\\) in een tekst tussen dubbele aanhalingstekens",
        "Gebruik enkele aanhalingstekens, of schrijf de schuine streep twee keer (\\\\).",
    ),
    "found unacceptable character": ("er staat een onzichtbaar of ongeldig teken in de tekst", None),
    "found character that cannot start any token": ("er staat een teken op een plek waar dat niet mag", None),
    UNREADABLE_VALUE: (
        "deze waarde past niet bij het YAML-label ervoor (een woord dat begint met !!)",
        "Haal het woord met !! voor de waarde weg.",
    ),
    TOO_LONG_NUMBER: (
        "dit getal heeft veel te veel cijfers",
        "Controleer het getal. Een bedrag staat in hele euro's, zonder punten, bijvoorbeeld 385000.",
    ),
    "could not determine a constructor for the tag": (
        "er staat een YAML-label (een woord dat begint met !) dat de site niet kent",
        "Haal het woord met ! of !! voor de waarde weg. Begint de tekst zelf met !? Zet hem dan tussen "
        "aanhalingstekens.",
    ),
    "expected a comment or a line break": (
        "na een tekst tussen aanhalingstekens staat nog meer op dezelfde regel",
        "Zet de hele waarde tussen aanhalingstekens, of haal de aanhalingstekens weg.",
    ),
}


_OWN_PROBLEMS = {TOO_LONG_NUMBER, UNREADABLE_VALUE}


@dataclass
class RecordSource:
    """A record file split into parts, with the lines needed for error messages."""

    path: Path
    data: object
    lines: Mapping[tuple, int]  # key path -> file line (a lazy KeyLines)
    body: str
    body_line: int
    yaml_text: str | None = None  # the front matter as written: lets later checks skip what cannot be there


def decode(raw: bytes, display: str, problems: Problems) -> str | None:
    """UTF-8 text without a byte order mark, or ``None`` with a problem added."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(
            display,
            "het bestand is niet opgeslagen als UTF-8",
            line=line,
            found=f"byte {raw[exc.start]:#04x} op positie {exc.start}",
            expected="tekst in UTF-8",
            hint="Sla het bestand in uw editor op met codering 'UTF-8'.",
        )
        return None
    return text.removeprefix("\ufeff")


def read_file(path: Path, display: str, problems: Problems, limit: int = MAX_RECORD_BYTES) -> bytes | None:
    """The bytes of a plain file inside the content folder, or ``None`` with a problem.

    Opened without following a symbolic link and without blocking, then checked on the
    open file itself, so that nothing can be swapped in between the check and the
    read. Messages name only the file in ``content/``, never anything of a link's target.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        if Path(path).is_symlink():  # O_NOFOLLOW is missing on some systems: ask first as well
            raise OSError(errno.ELOOP, "symlink")
        fd = os.open(path, flags)
    except OSError as exc:
        _unreadable(exc, display, problems)
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            problems.add(display, "dit is een map, geen bestand", expected="een gewoon tekstbestand",
                         hint="Haal de map weg of geef haar een naam zonder .md. Zet records direct in de map "
                              "voorstellen/ of besluiten/, niet in een map daarbinnen.")
            return None
        if not stat.S_ISREG(info.st_mode):
            problems.add(display, "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)",
                         expected="een gewoon tekstbestand", hint="Haal het weg en zet er een gewoon bestand neer.")
            return None
        if info.st_nlink > 1:  # a hard link is the same file under a second name, possibly outside content/
            problems.add(display, "dit bestand is ook elders opgeslagen (een harde koppeling); de site leest "
                         "alleen gewone bestanden", expected="een gewoon bestand in de map content/",
                         hint="Maak er een gewone kopie van: sla het op onder een nieuwe naam en haal het oude weg.")
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        _unreadable(exc, display, problems)
        return None
    finally:
        os.close(fd)
    if size > limit:
        problems.add(display, "het bestand is te groot", found=f"meer dan {limit // 1024} kB",
                     expected=f"hoogstens {limit // 1024} kB",
                     hint="Een voorstel of uitkomst is een korte tekst. Zet lange stukken in een document en "
                          "noem het onder 'documenten'.")
        return None
    return b"".join(chunks)


def _unreadable(exc: OSError, display: str, problems: Problems) -> None:
    """A Dutch problem for a file that cannot be opened; nothing of the file is quoted."""
    if exc.errno == errno.ELOOP:
        problems.add(display, "dit is een snelkoppeling (symbolische link); de site leest alleen gewone bestanden",
                     expected="een gewoon bestand in de map content/",
                     hint="Haal de snelkoppeling weg en zet het bestand zelf op deze plek.")
    elif exc.errno in (errno.EACCES, errno.EPERM):
        problems.add(display, "het bestand kan niet worden gelezen: geen toegang",
                     hint="Geef uzelf leesrecht op het bestand, of vraag de beheerder.")
    elif exc.errno == errno.ENOENT:
        problems.add(display, "het bestand is verdwenen terwijl de site werd gelezen",
                     hint="Probeer het opnieuw.")
    else:
        problems.add(display, "het bestand kan niet worden gelezen", found=f"systeemmelding {exc.errno}",
                     hint="Probeer het opnieuw; lukt het niet, vraag de beheerder.")


def read_record(path: Path, display: str, problems: Problems) -> RecordSource | None:
    """Read one record file; return ``None`` (with problems added) when unusable."""
    raw = read_file(path, display, problems)
    if raw is None:
        return None
    text = decode(raw, display, problems)
    if text is None or not characters.check_line_breaks(text, display, problems):
        return None
    if not text.strip():
        problems.add(
            display,
            "het bestand is leeg",
            expected="een voorkant tussen twee regels '---' en daarna de toelichting",
            hint="Maak een nieuw bestand met 'invoke new' of kopieer het voorbeeld uit docs/.",
        )
        return None
    lines = text.splitlines()
    if lines[0].strip() != DELIMITER:
        problems.add(
            display,
            "de voorkant (front matter) ontbreekt",
            line=1,
            found=repr(lines[0][:60]),
            expected="de eerste regel is '---'",
            hint="Begin het bestand met een regel '---', dan de velden, dan weer '---'.",
        )
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == DELIMITER)
    except StopIteration:
        problems.add(
            display,
            "de voorkant (front matter) wordt niet afgesloten",
            line=1,
            found=f"geen tweede regel '---' in de {len(lines)} regels van het bestand",
            expected="een tweede regel '---' na de laatste veldregel",
            hint="Zet een regel '---' tussen de velden en de toelichting.",
        )
        return None
    parsed = parse_yaml(lines[1:end], 2, display, problems)
    if parsed is None:
        return None
    data, key_lines = parsed
    if not isinstance(data, dict):
        problems.add(
            display,
            "de voorkant bevat geen velden",
            line=2,
            found=_kind(data),
            expected="regels in de vorm 'veldnaam: waarde'",
            hint="Begin elke regel tussen de twee regels '---' met een veldnaam, bijvoorbeeld 'titel: ...'.",
        )
        return None
    body = "\n".join(lines[end + 1 :])
    return RecordSource(path, data, key_lines, body, end + 2, "\n".join(lines[1:end]))


def parse_yaml(yaml_lines: list[str], first_line: int, display: str,
               problems: Problems) -> tuple[object, Mapping[tuple, int]] | None:
    """Parse YAML lines that start on file line ``first_line``.

    Returns ``(data, key_lines)``, or ``None`` when the text cannot be read at all
    (tab indentation, invalid YAML). A key written twice is reported but does not
    stop the parse, so that the schema and cross-record checks still run.
    """
    text = "\n".join(yaml_lines)
    # Only a text with a tab somewhere can indent with one: most records skip the line loop.
    if "\t" in text and _tab_indents(yaml_lines, first_line, display, problems):
        return None
    duplicates: list[DuplicateKey] = []
    try:
        data, key_lines = load_with_lines(text, first_line=first_line, duplicates=duplicates)
    except RefusedYAML as exc:
        _refused(exc, first_line, display, problems)
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = (exc.problem or "").strip()
        nl, hint = _translate_yaml(problem)
        problems.add(
            display,
            nl,
            line=line,
            # PyYAML's own text helps with a syntax error; ours adds nothing to the Dutch one.
            found=f"YAML-melding '{problem}'" if problem and problem not in _OWN_PROBLEMS else None,
            hint=hint,
        )
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        problems.add(display, "de tekst is geen geldige YAML", line=first_line, found=f"YAML-melding '{exc}'")
        return None
    for dup in duplicates:
        problems.add(
            display,
            "dit veld staat twee keer in hetzelfde blok",
            line=dup.line,
            field=_field_name(dup.path),
            found=f"regel {dup.first_line} en regel {dup.line}",
            expected="elk veld één keer",
            hint=f"Alleen de laatste waarde zou tellen. Haal regel {dup.first_line} of regel {dup.line} weg.",
        )
    return data, key_lines


def _refused(exc: RefusedYAML, first_line: int, display: str, problems: Problems) -> None:
    line = exc.problem_mark.line + first_line if exc.problem_mark else None
    # Of a nesting that is too deep, the field it starts in is enough (not twenty "[1]").
    field = _field_name(exc.path if exc.reason == "anker" else exc.path[:1]) or None
    if exc.reason == "anker":
        problems.add(display, "een anker (&) of verwijzing (*) is hier niet toegestaan", line=line, field=field,
                     expected="elke waarde voluit geschreven",
                     hint="Schrijf de waarde zelf op, in plaats van te verwijzen naar een andere. Begint een "
                          "tekst met & of *? Zet de hele tekst dan tussen aanhalingstekens.")
    else:
        problems.add(display, "de velden zijn te diep in elkaar genest", line=line, field=field,
                     found=f"meer dan {MAX_DEPTH} niveaus", expected=f"hoogstens {MAX_DEPTH} niveaus",
                     hint="Staan er veel haakjes [ of { achter elkaar? Haal ze weg, of zet de tekst tussen "
                          "aanhalingstekens.")


def _tab_indents(yaml_lines: list[str], first_line: int, display: str, problems: Problems) -> bool:
    """Report every line that indents with a tab; True when there was one."""
    tabs = False
    for number, content in enumerate(yaml_lines, start=first_line):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(
                display,
                "de regel springt in met een tab",
                line=number,
                found="een tab aan het begin van de regel",
                expected="inspringen met spaties",
                hint="Vervang de tab door spaties (bijvoorbeeld twee spaties per niveau).",
            )
            tabs = True
    return tabs


def _translate_yaml(problem: str) -> tuple[str, str | None]:
    """Dutch text and hint for a PyYAML problem (matched on its start)."""
    for english, dutch in _YAML_PROBLEMS_NL.items():
        if problem.startswith(english):
            return dutch
    if problem.startswith("found character"):
        return _YAML_PROBLEMS_NL["found character that cannot start any token"]
    return "de velden zijn geen geldige YAML", None


def _field_name(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out


def _kind(value: object) -> str:
    if value is None:
        return "niets"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, str):
        return f"losse tekst {value[:40]!r}"
    return type(value).__name__
