"""Split a record file into its YAML front matter and its Markdown body.

A record file looks like::

    ---
    id: "2024-017"
    titel: ...
    ---
    Toelichting in Markdown.

Everything that can go wrong before the schema is checked (not UTF-8, empty, no
front matter, unclosed front matter, tab indentation, invalid YAML, not a mapping)
is reported here as a :class:`~raadsinfo.problems.Problem` with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problems
from .yamlsource import load_with_lines

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
}


@dataclass
class RecordSource:
    """A record file split into parts, with the lines needed for error messages."""

    path: Path
    data: object
    lines: dict
    body: str
    body_line: int


def read_record(path: Path, display: str, problems: Problems) -> RecordSource | None:
    """Read one record file; return ``None`` (with problems added) when unusable."""
    raw = path.read_bytes()
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
    text = text.removeprefix("\ufeff")
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
            expected="een tweede regel '---' na de laatste veldregel",
            hint="Zet een regel '---' tussen de velden en de toelichting.",
        )
        return None
    yaml_lines = lines[1:end]
    ok = True
    for number, content in enumerate(yaml_lines, start=2):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(
                display,
                "de regel springt in met een tab",
                line=number,
                expected="inspringen met spaties",
                hint="Vervang de tab door spaties (bijvoorbeeld twee spaties per niveau).",
            )
            ok = False
    if not ok:
        return None
    try:
        data, key_lines = load_with_lines("\n".join(yaml_lines), first_line=2)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else None
        problem = (exc.problem or "").strip()
        nl, hint = _YAML_PROBLEMS_NL.get(problem, ("de voorkant is geen geldige YAML", None))
        problems.add(
            display,
            nl,
            line=line,
            found=f"YAML-melding '{problem}'" if problem else None,
            hint=hint,
        )
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        problems.add(display, f"de voorkant is geen geldige YAML ({exc})", line=2)
        return None
    if not isinstance(data, dict):
        problems.add(
            display,
            "de voorkant bevat geen velden",
            line=2,
            found=_kind(data),
            expected="regels in de vorm 'veldnaam: waarde'",
        )
        return None
    body = "\n".join(lines[end + 1 :])
    return RecordSource(path, data, key_lines, body, end + 2)


def _kind(value: object) -> str:
    if value is None:
        return "niets"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, str):
        return f"losse tekst {value[:40]!r}"
    return type(value).__name__
