"""Check front matter against the JSON Schema files in ``raadsinfo/schema/``.

The schema files are the single written-down record format: editors use them for
completion and this module uses them for validation. jsonschema's errors are
translated into Dutch problems that name the line of the offending key and, for a
misspelled field or value, the nearest correct one.

Almost every record is valid, and jsonschema spends most of a build's validation
time proving that. So :func:`check` first asks a validator compiled by
fastjsonschema from the same schema (:func:`gate`); only a record it does not pass
goes through jsonschema, which alone decides what is reported. The gate may be
stricter than jsonschema (then jsonschema simply finds nothing), never looser:
tests/test_schema_gate.py holds it to that on every fixture and record.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

from . import placeholders
from .problems import Problems
from .yamlsource import line_for

SCHEMA_DIR = Path(__file__).parent / "schema"

_TYPES_NL = {
    "string": "tekst",
    "integer": "een heel getal",
    "number": "een getal",
    "boolean": "true of false",
    "array": "een lijst (regels die beginnen met '- ')",
    "object": "velden (regels 'veldnaam: waarde')",
    "null": "niets",
}


@cache
def _schema(kind: str) -> dict:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return _inline_local_refs(schema, schema.get("$defs", {}))


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator for one record kind: voorstel, besluit, raad or onderwerpen."""
    return Draft202012Validator(_schema(kind), format_checker=FormatChecker())


@cache
def gate(kind: str):
    """A compiled validator that raises on any record jsonschema might reject.

    Formats are checked by jsonschema's own format checker, so that a date is real
    by exactly the same rule. Defaults are off: the gate must never change a record.
    """
    checker = validator(kind).format_checker
    formats = {name: (lambda value, name=name: checker.conforms(value, name)) for name in checker.checkers}
    return fastjsonschema.compile(_schema(kind), formats=formats, use_default=False, detailed_exceptions=False)


def passes_gate(kind: str, data: object) -> bool:
    """True when the compiled validator accepts ``data`` (then jsonschema does too)."""
    try:
        gate(kind)(data)
    except Exception:  # a rejection, or odd YAML data (a set) the compiled code trips over: let jsonschema say
        return False
    return True


def _inline_local_refs(node, defs: dict):
    """Replace ``{"$ref": "#/$defs/x"}`` by a copy of ``x``.

    Same validation, but jsonschema does not resolve a reference for every vote of
    every record, a large part of validating a big site.
    """
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if len(node) == 1 and ref.startswith("#/$defs/") and ref[8:] in defs:
            return _inline_local_refs(defs[ref[8:]], defs)
        return {k: _inline_local_refs(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_local_refs(v, defs) for v in node]
    return node


def check(kind: str, data: dict, lines: dict, display: str, problems: Problems) -> bool:
    """Add a problem for every schema violation; return True when there were none."""
    if passes_gate(kind, data):
        return True
    found_any = False
    errors = sorted(validator(kind).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    # A date like 2024-4-1 breaks both the pattern and the date format: say it once.
    bad_pattern = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    errors = [e for e in errors if not (e.validator == "format" and tuple(e.absolute_path) in bad_pattern)]
    for error in errors:
        found_any = True
        _translate(error, lines, display, problems, kind)
    return not found_any


def _field_name(path) -> str | None:
    parts = []
    for p in path:
        if isinstance(p, int):
            parts.append(f"[{p + 1}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or None


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return _TYPES_NL["array" if isinstance(value, list) else "object"].split(" (")[0]
    return str(value)


def _show_number(value: object) -> str:
    """A number as found, shortened when it is absurdly long (10**29 trees)."""
    text = _show(value)
    return text if len(text) <= 20 else f"een getal van {len(text)} cijfers"


#: Fields of an outcome that a griffie member may be tempted to put in a voorstel.
#: The status of a dossier follows from its outcome records, never from the voorstel.
_OUTCOME_FIELDS = {"status", "besluitresultaat", "stemmingen", "vergaderdatum", "indicatieHamerstuk",
                   "hamerstuk", "besluittoelichting", "amendementen", "moties", "besluit", "uitslag"}


def _translate(error, lines: dict, display: str, problems: Problems, kind: str = "") -> None:
    path = tuple(error.absolute_path)
    line = line_for(lines, path)
    field = _field_name(path)
    kw = error.validator
    schema = error.schema
    if kw == "required":
        missing = error.message.split("'")[1]
        properties = error.schema.get("properties", {})
        hint = _describe(properties.get(missing))
        hint = f"Wat hier hoort: {hint}" if hint else None
        extras = [k for k in error.instance if isinstance(k, str) and k not in properties] \
            if isinstance(error.instance, dict) else []
        close = difflib.get_close_matches(missing, extras, n=1, cutoff=0.6)
        if close:
            hint = (f"Er staat wel een veld '{close[0]}' op regel {line_for(lines, path + (close[0],))}. "
                    f"Bedoelt u '{missing}'?")
        problems.add(
            display,
            "dit verplichte veld ontbreekt",
            line=line,
            field=_field_name(path + (missing,)),
            expected=f"een regel '{missing}: ...'",
            hint=hint,
        )
    elif kw == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        # Keys may be of any YAML kind (1:, ~:, a date): sort them as they are shown.
        for extra in sorted(set(error.instance) - set(allowed), key=repr):
            close = difflib.get_close_matches(str(extra), allowed, n=1, cutoff=0.6)
            hint = f"Bedoelt u '{close[0]}'?" if close else None
            if kind == "voorstel" and not path and extra in _OUTCOME_FIELDS:
                hint = ("De status en de uitkomst staan niet in het voorstel: zet ze in een apart bestand "
                        "in content/besluiten/ (zie de handleiding). De site leidt de status daaruit af.")
            problems.add(
                display,
                "dit veld bestaat niet",
                line=line_for(lines, path + (extra,)),
                field=_field_name(path + (extra if isinstance(extra, str) else repr(extra),)),
                found=repr(extra),
                expected="een van: " + ", ".join(allowed),
                hint=hint,
            )
    elif kw == "type":
        wanted = schema["type"]
        wanted = wanted if isinstance(wanted, list) else [wanted]
        hint = None
        if "string" in wanted and isinstance(error.instance, (int, float)) and not isinstance(error.instance, bool):
            hint = "Zet de waarde tussen aanhalingstekens, bijvoorbeeld \"2024-017\"."
            if path and path[-1] == "tijd":
                hint = ("Zet de tijd tussen aanhalingstekens, bijvoorbeeld \"19:30\". Zonder aanhalingstekens "
                        "leest YAML 19:30 als een getal.")
        yes_no = {"ja", "nee", "j", "n"}
        if "boolean" in wanted and isinstance(error.instance, str) and error.instance.lower() in yes_no:
            hint = "Schrijf true (ja) of false (nee)."
        problems.add(
            display,
            "de waarde heeft de verkeerde soort",
            line=line,
            field=field,
            found=_show(error.instance),
            expected=" of ".join(_TYPES_NL.get(t, t) for t in wanted),
            hint=hint,
        )
    elif kw == "enum" and isinstance(error.instance, str) and error.instance in placeholders.CHOICES:
        problems.add(display, "hier moet u nog kiezen", line=line, field=field, found=_show(error.instance),
                     expected="een van: " + ", ".join(str(o) for o in schema["enum"]),
                     hint="'invoke new' zette hier een vraag neer: vervang die door de echte uitkomst.")
    elif kw == "enum":
        options = [str(o) for o in schema["enum"]]
        close = difflib.get_close_matches(str(error.instance), options, n=1, cutoff=0.5)
        problems.add(
            display,
            "deze waarde is niet toegestaan",
            line=line,
            field=field,
            found=_show(error.instance),
            expected="een van: " + ", ".join(options),
            hint=f"Bedoelt u '{close[0]}'?" if close else None,
        )
    elif kw == "format" and schema.get("format") == "date":
        problems.add(
            display,
            "deze datum bestaat niet",
            line=line,
            field=field,
            found=_show(error.instance),
            expected="een echte datum als JJJJ-MM-DD, bijvoorbeeld 2024-03-28",
        )
    elif kw == "pattern":
        hint = None
        if len(path) >= 2 and path[-2] == "punten":  # ontwerpbesluit / besluittekst: "1. ..." typed by hand
            hint = "Haal het nummer aan het begin weg: de site nummert de punten zelf, anders staat er '1. 1.'."
        problems.add(
            display,
            "de waarde heeft niet de goede vorm",
            line=line,
            field=field,
            found=_show(error.instance),
            expected=_describe(schema) or f"tekst die past bij {schema['pattern']}",
            hint=hint,
        )
    elif kw in {"minLength", "maxLength"}:
        limit = schema[kw]
        problems.add(
            display,
            "de tekst is te kort" if kw == "minLength" else "de tekst is te lang",
            line=line,
            field=field,
            found=f"{len(error.instance)} tekens",
            expected=f"{'minstens' if kw == 'minLength' else 'hoogstens'} {limit} tekens",
        )
    elif kw in {"minItems", "uniqueItems"}:
        problems.add(
            display,
            "de lijst is leeg" if kw == "minItems" else "de lijst bevat iets dubbel",
            line=line,
            field=field,
            expected=_describe(schema),
        )
    elif kw == "minimum":
        problems.add(
            display,
            "het getal is te klein",
            line=line,
            field=field,
            found=_show(error.instance),
            expected=f"{schema['minimum']} of meer",
        )
    elif kw == "maximum":
        problems.add(
            display,
            "het getal is te groot",
            line=line,
            field=field,
            found=_show_number(error.instance),
            expected=f"hoogstens {schema['maximum']}",
            hint=_describe(schema),
        )
    else:  # pragma: no cover - every keyword in our schemas is handled above
        problems.add(display, "deze waarde past niet in het formaat", line=line, field=field,
                     found=_show(error.instance), expected=_describe(schema) or f"regel '{kw}' uit het schema")


def _describe(schema: dict | None) -> str | None:
    if not schema:
        return None
    return schema.get("description")
