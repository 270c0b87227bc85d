"""The compiled schema gate never lets through a record that jsonschema rejects.

:func:`raadsinfo.schema.check` skips jsonschema for every record the validator
compiled by fastjsonschema accepts. That is only right while the gate is at least
as strict as jsonschema, so these tests hold it to that on every record of the
sample site, every broken input of the validation tests, and a grid of odd values
in every field; and they check that :func:`~raadsinfo.schema.check` reports exactly
what jsonschema alone reports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_build_errors import broken_sites
from test_validation import CASES, make

import tasks
from raadsinfo import schema
from raadsinfo.frontmatter import parse_yaml, read_record
from raadsinfo.problems import Problems

KINDS = {"voorstellen": "voorstel", "besluiten": "besluit"}
DATA_FILES = {"raad/raadsperioden.yaml": "raad", "raad/onderwerpen.yaml": "onderwerpen"}


def _jsonschema_valid(kind: str, data: object) -> bool:
    return not list(schema.validator(kind).iter_errors(data))


def _records(content: Path) -> list[tuple[str, object]]:
    """(kind, data) of every record and council data file that parses as a mapping."""
    found = []
    for folder, kind in KINDS.items():
        for path in sorted((content / folder).glob("*.md")):
            source = read_record(path, path.name, Problems())
            if source is not None:
                found.append((kind, source.data))
    for name, kind in DATA_FILES.items():
        path = content / name
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        parsed = parse_yaml(text.splitlines(), 1, name, Problems())
        if parsed is not None and isinstance(parsed[0], dict):
            found.append((kind, parsed[0]))
    return found


def _reference_check(kind: str, data: object, monkeypatch) -> tuple[bool, list]:
    """What check() says with the gate switched off: jsonschema alone."""
    problems = Problems()
    with monkeypatch.context() as m:
        m.setattr(schema, "passes_gate", lambda kind, data: False)
        valid = schema.check(kind, data, {}, "x.md", problems)
    return valid, problems.items


def _assert_same_as_jsonschema(kind: str, data: object, monkeypatch, exact: bool = True) -> None:
    """The gate's verdict equals jsonschema's (or, not ``exact``, is never looser), and
    check() reports what jsonschema alone reports."""
    expected = _jsonschema_valid(kind, data)
    gate = schema.passes_gate(kind, data)
    if exact:
        assert gate == expected, (kind, data)
    else:
        assert expected or not gate, (kind, data)
        return
    problems = Problems()
    valid = schema.check(kind, data, {}, "x.md", problems)
    assert (valid, problems.items) == _reference_check(kind, data, monkeypatch)


def test_gate_agrees_on_the_sample_site_and_the_docs_examples(monkeypatch):
    records = _records(tasks.ROOT / "content")
    assert len(records) > 50
    for example, kind in (("voorbeeld-voorstel.md", "voorstel"), ("voorbeeld-besluit.md", "besluit")):
        records.append((kind, read_record(tasks.ROOT / "docs" / example, example, Problems()).data))
    for kind, data in records:
        _assert_same_as_jsonschema(kind, data, monkeypatch)


def test_gate_agrees_on_every_broken_input_of_the_tests(tiny_site, monkeypatch):
    contents = [make(tiny_site, case) for case in CASES] + [content for _, content, _ in broken_sites(tiny_site)]
    seen_invalid = 0
    for content in contents:
        for kind, data in _records(content):
            _assert_same_as_jsonschema(kind, data, monkeypatch)
            seen_invalid += not _jsonschema_valid(kind, data)
    assert seen_invalid >= 10  # the schema cases really reached the gate


ODD_VALUES = [None, "", "x", "abc", "a" * 200, 0, -1, 5, 5.0, 2.5, True, False, [], ["a"], ["a", "a"], [1],
              [True, 1], {}, {"a": 1}, "2024-017", "2024-017\n", "24-017", "2024-02-30", "2024-02-29",
              "2023-02-29", "2024-1-5", "2024-01-05\n", "19:30", "24:00", "19:30\n", "https://x", "ftp://x",
              "wonen", "Wonen", "voor", "gemeenteraad", "aangenomen", "aangenomen ", float("nan")]


def _paths(node: object, path: tuple = ()):
    """Every key path in ``node``, with the path itself; of a list only its first item."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list) and node:
        yield from _paths(node[0], path + (0,))


def _replaced(data: object, path: tuple, value: object) -> object:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


def _without(data: dict, path: tuple) -> dict:
    if len(path) == 1:
        return {k: v for k, v in data.items() if k != path[0]}
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _without(data[path[0]], path[1:])
    return copy


def _full_records() -> list[tuple[str, dict]]:
    """The docs examples (they use every field) and the council data of the sample site."""
    docs = tasks.ROOT / "docs"
    records = [("voorstel", read_record(docs / "voorbeeld-voorstel.md", "v", Problems()).data),
               ("besluit", read_record(docs / "voorbeeld-besluit.md", "b", Problems()).data)]
    return records + [r for r in _records(tasks.ROOT / "content") if r[0] in DATA_FILES.values()]


@pytest.mark.parametrize("kind, data", _full_records(), ids=lambda v: v if isinstance(v, str) else "")
def test_gate_is_never_looser_on_odd_values_in_every_field(kind, data, monkeypatch):
    """Every field (and the record itself) replaced by odd values, and every field left out."""
    assert _jsonschema_valid(kind, data)
    for path in list(_paths(data)):
        if path and isinstance(path[-1], str):
            _assert_same_as_jsonschema(kind, _without(data, path), monkeypatch)
        for value in ODD_VALUES:
            _assert_same_as_jsonschema(kind, _replaced(data, path, value), monkeypatch, exact=False)
    for extra in ({"titel ": "x"}, {1: "x"}, {None: "x"}, {"status": "aangenomen"}):
        _assert_same_as_jsonschema(kind, {**data, **extra}, monkeypatch)


def test_gate_survives_data_its_compiled_code_cannot_handle():
    """A YAML set inside a list makes the compiled uniqueItems check fail; jsonschema then decides."""
    record = read_record(tasks.ROOT / "docs" / "voorbeeld-voorstel.md", "v", Problems()).data
    odd = {**record, "onderwerpen": [{"a", "b"}]}
    assert not schema.passes_gate("voorstel", odd)
    assert not schema.check("voorstel", odd, {}, "x.md", Problems())


#: Keywords both jsonschema and fastjsonschema handle the same way for the value forms
#: used in our schemas (annotations are ignored by both). A new keyword needs a look at
#: fastjsonschema's generated code before it is added here.
SAFE_KEYWORDS = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
                 "additionalProperties", "items", "enum", "pattern", "format", "minLength", "maxLength",
                 "minItems", "uniqueItems", "minimum", "maximum"}


def _keywords(node: object, under_properties: bool = False) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not under_properties:
                found.add(key)
            found |= _keywords(value, under_properties=key in ("properties", "$defs") and not under_properties)
    elif isinstance(node, list):
        for value in node:
            found |= _keywords(value)
    return found


def test_the_schemas_use_only_keywords_the_gate_is_checked_for():
    for path in sorted(schema.SCHEMA_DIR.glob("*.schema.json")):
        used = _keywords(json.loads(path.read_text(encoding="utf-8")))
        assert used <= SAFE_KEYWORDS, (path.name, used - SAFE_KEYWORDS)
        formats = set(re.findall(r'"format":\s*"([^"]*)"', path.read_text(encoding="utf-8")))
        assert formats <= {"date"}, path.name  # checked by jsonschema's own checker in both
