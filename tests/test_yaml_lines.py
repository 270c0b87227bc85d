"""The shortcuts in yamlsource give the data, lines and duplicate keys of a plain parse.

``load_with_lines`` constructs plain text without PyYAML's per-node calls, walks the
node tree for lines only when a line is asked for, and walks it at once only when a
key may be repeated. These tests compare it with the straightforward way (PyYAML's
own SafeLoader, then a walk of the whole tree) on every record of the sample site
and on YAML that uses the rarer features.
"""

from __future__ import annotations

import pickle

import pytest
import yaml
from conftest import TODAY

import tasks
from raadsinfo import yamlsource
from raadsinfo.yamlsource import load_with_lines


class _PlainLoader(yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader with only the timestamp rule of yamlsource."""


_PlainLoader.yaml_implicit_resolvers = yamlsource._NO_TIMESTAMPS


def _reference(text: str, first_line: int):
    loader = _PlainLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict = {}
    dups: list = []
    if node is not None:
        yamlsource._walk(node, (), lines, first_line - 1, dups)
    return data, lines, dups


def _front_matter(path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    end = lines.index("---", 1)
    return "\n".join(lines[1:end])


def _texts() -> list[str]:
    content = tasks.ROOT / "content"
    records = sorted(content.glob("voorstellen/*.md")) + sorted(content.glob("besluiten/*.md"))
    texts = [_front_matter(p) for p in records]
    return texts + [(content / "raad" / n).read_text(encoding="utf-8") for n in ("raadsperioden.yaml",
                                                                                 "onderwerpen.yaml")]


RARE = [
    "a: 1\nb: 2\na: 3",
    "c:\n  <<: {x: 1, y: 2}\n  x: 3",
    "c:\n  <<: [{x: 1}, {x: 2}]\n  z: 1",
    "? !!str 1\n: a\n1: b",
    "true: a\nTrue: b",
    ".nan: x\n.nan: y",
    "s: !!set {a, b}\nt: !!set {a, a}",
    "o: !!omap [{a: 1}, {b: 2}]",
    "x: !!str 12\ny: !!int '7'\nz: 'quoted'\nw: \"dq\"\nv: |\n  block\n  text\n",
    "l:\n  - {a: 1, a: 2}\n  - {b: 1, b: 2}",
    "a:\n  b:\n    c: 1\n    c: 2\n  b: 3",
    "- a\n- {c: 1}",
    "just text",
    "",
    "e: !!null ''\nf: yes\ng: on\nh: 0o17\ni: 1:30\nj: ~\nk: 2024-02-30",
]


TEXTS = _texts()

#: Anchors and aliases are refused before anything is built (an alias bomb would hang
#: every later step): (text, line of the first one, 0-based; its key path).
ANCHORED = [
    ("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  x: 3", 0, ("base",)),
    ("c:\n  <<: [{x: 1}]\nd: [1, *x]", 2, ("d", 1)),
    ("l:\n  - {a: 1}\n  - &n {b: 1, b: 2}\n  - *n", 2, ("l", 1)),
    ("a: &s hello\nb: *s", 0, ("a",)),
    ("a:\n  b: *undefined", 1, ("a", "b")),
    ("&top\na: 1", 0, ()),
]


@pytest.mark.parametrize("text, line, path", ANCHORED)
def test_anchors_and_aliases_are_refused(text, line, path):
    with pytest.raises(yamlsource.RefusedYAML) as raised:
        load_with_lines(text)
    assert raised.value.reason == "anker"
    assert raised.value.problem_mark.line == line
    assert raised.value.path == path


@pytest.mark.parametrize("text", TEXTS + RARE,
                         ids=[f"sample{i}" for i in range(len(TEXTS))] + [f"rare{i}" for i in range(len(RARE))])
def test_same_data_lines_and_duplicates_as_a_plain_parse(text):
    expected_data, expected_lines, expected_dups = _reference(text, 2)
    dups: list = []
    data, lines = load_with_lines(text, first_line=2, duplicates=dups)
    assert repr(data) == repr(expected_data)  # repr: NaN keys are not equal to themselves
    assert dups == expected_dups
    assert dict(lines) == expected_lines
    assert pickle.loads(pickle.dumps(lines)) == expected_lines  # results come back from workers


def test_lines_of_a_record_without_problems_are_not_worked_out():
    text = _front_matter(next((tasks.ROOT / "content" / "voorstellen").glob("*.md")))
    _, lines = load_with_lines(text, first_line=2)
    assert lines._lines is None
    assert lines[("id",)] == 2 + text.splitlines().index(next(t for t in text.splitlines() if t.startswith("id:")))


def test_loading_a_site_works_out_lines_only_for_its_problems(monkeypatch):
    """A check that looks up a line before it knows of a problem parses every record twice."""
    from raadsinfo.loader import load_site

    worked_out = []
    original = yamlsource.KeyLines._map

    def counting(self):
        if self._lines is None:
            worked_out.append(self._text)
        return original(self)

    monkeypatch.setattr(yamlsource.KeyLines, "_map", counting)
    monkeypatch.setenv("RAADSINFO_PARALLEL_FROM", "1000000")
    site = load_site(tasks.ROOT / "content", today=TODAY)
    assert len(site.dossiers) > 40
    assert len(worked_out) <= len(site.warnings.items)
