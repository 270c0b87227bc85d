"""Split a record file into its YAML front matter and its Markdown body.

A record file looks like::

    ---
    id: "2024-017"
    titel: ...
    ---
    Toelichting in Markdown.

Everything that can go wrong before the schema is checked (not UTF-8, empty, no
front matter, unclosed front matter, tab indentation, invalid YAML, a key written
twice, not a mapping) is reported here as a :class:`~raadsinfo.problems.Problem`
with its line. :func:`parse_yaml` is shared with the council data files in
``content/raad/``, so those get the same Dutch messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problems
from .yamlsource import DuplicateKey, load_with_lines

DELIMITER = "---"

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
    "expected a comment or a line break": (
        "na een tekst tussen aanhalingstekens staat nog meer op dezelfde regel",
        "Zet de hele waarde tussen aanhalingstekens, of haal de aanhalingstekens weg.",
    ),
}


@dataclass
class RecordSource:
    """A record file split into parts, with the lines needed for error messages."""

    path: Path
    data: object
    lines: Mapping[tuple, int]  # key path -> file line (a lazy KeyLines)
    body: str
    body_line: int


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


def read_record(path: Path, display: str, problems: Problems) -> RecordSource | None:
    """Read one record file; return ``None`` (with problems added) when unusable."""
    text = decode(Path(path).read_bytes(), display, problems)
    if text is None:
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
    return RecordSource(path, data, key_lines, body, end + 2)


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
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = (exc.problem or "").strip()
        nl, hint = _translate_yaml(problem)
        problems.add(
            display,
            nl,
            line=line,
            found=f"YAML-melding '{problem}'" if problem else None,
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
