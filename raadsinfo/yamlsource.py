"""Read YAML safely while remembering the line of every key.

Two choices here are deliberate:

* Dates stay strings. PyYAML turns ``2026-02-30`` into a crash inside its
  constructor; keeping dates as text lets us report an impossible date as a normal
  problem with its line.
* ``yaml.compose`` gives us the node tree with line marks, from which we build a map
  of key path -> line, so that every later problem (schema, cross-record) can name
  the line of the offending key.
* PyYAML silently keeps the last of two equal keys in one mapping. A griffie
  member who writes ``titel:`` twice would never learn which one is published, so
  the same walk collects duplicate keys for the caller to report.

The map of lines is only read when a problem is reported, which is rare, so it is
worked out on first use (:class:`KeyLines`) by parsing the text again. Duplicate
keys must be found on every parse: the constructor notes each mapping whose key
texts repeat, and only then is the tree walked at once, as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import yaml

_STR = "tag:yaml.org,2002:str"


class _RecordConstructor:
    """Constructor mixin: a shortcut for plain text, and a note of repeated keys.

    * Most nodes of a record are plain text, which SafeConstructor turns into
      ``node.value`` through several calls per node; the shortcut returns it at once
      (a quarter of the parse time of a large site).
    * ``repeated_keys`` is set when a mapping repeats a key text: the condition
      :func:`_walk` reports on (equal texts of scalar keys in one mapping, after merge
      keys are flattened), checked on each mapping once.
    """

    repeated_keys = False

    def construct_object(self, node, deep=False):
        if node.tag == _STR and node.__class__ is yaml.ScalarNode:
            return node.value  # what construct_yaml_str returns for it
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep)
        if not self.repeated_keys:
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            self.repeated_keys = len(set(keys)) != len(keys)
        return mapping


class _Loader(_RecordConstructor, yaml.SafeLoader):
    """SafeLoader without implicit timestamps (dates are validated by us)."""


# LibYAML parses about four times faster than the pure-Python parser, which matters
# with thousands of records. Its error texts differ, so invalid YAML is parsed a
# second time with the pure-Python loader, whose messages frontmatter.py translates.
_FastLoader = (type("_FastLoader", (_RecordConstructor, yaml.CSafeLoader), {})
               if hasattr(yaml, "CSafeLoader") else _Loader)

_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _NO_TIMESTAMPS
_FastLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS


@dataclass(frozen=True)
class DuplicateKey:
    """A key that occurs twice in one mapping; the later value wins in the data."""

    path: tuple  # path of the key, e.g. ("behandeling", 0, "datum")
    line: int  # line of the second (winning) occurrence
    first_line: int  # line of the first occurrence


class KeyLines(Mapping):
    """Key path -> 1-based file line of one YAML text, worked out on first use.

    Holds only the text until a line is asked for, so the lines of the thousands of
    records without a problem are never computed (nor sent back from a worker).
    """

    def __init__(self, text: str, first_line: int, lines: dict[tuple, int] | None = None):
        self._text = text
        self._first_line = first_line
        self._lines = lines

    def _map(self) -> dict[tuple, int]:
        if self._lines is None:
            node = _parse_node(self._text)[0]
            self._lines = {}
            if node is not None:
                _walk(node, (), self._lines, self._first_line - 1, [])
        return self._lines

    def __getitem__(self, path: tuple) -> int:
        return self._map()[path]

    def __contains__(self, path: object) -> bool:
        return path in self._map()

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())

    def __repr__(self) -> str:
        return f"KeyLines({self._map()!r})"


def load_with_lines(
    text: str, first_line: int = 1, duplicates: list[DuplicateKey] | None = None
) -> tuple[object, KeyLines]:
    """Parse ``text``; return the data and a map from key path to 1-based line.

    ``first_line`` is the file line on which ``text`` starts, so that lines point
    into the record file, not into the front matter block. A path is a tuple of keys
    and list indices, e.g. ``("stemmingen", 2, "fractie")``. When a ``duplicates``
    list is given, every repeated key in a mapping is appended to it.
    """
    node, data, repeated_keys = _parse_node(text)
    if node is None:
        return data, KeyLines(text, first_line, {})
    # An anchor (&) can make a node its own descendant, on which the walk fails
    # (RecursionError): such a text is walked at once, so it fails where it always did.
    if not repeated_keys and "&" not in text:
        return data, KeyLines(text, first_line)
    lines: dict[tuple, int] = {}
    found: list[DuplicateKey] = [] if duplicates is None else duplicates
    _walk(node, (), lines, first_line - 1, found)
    return data, KeyLines(text, first_line, lines)


def _parse_node(text: str):
    """``(node, data, repeated_keys)``; the node after construction (merge keys flattened)."""
    try:
        return _parse(_FastLoader, text)
    except yaml.YAMLError:
        return _parse(_Loader, text)  # raises with the messages we translate


def _parse(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return node, data, loader.repeated_keys
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: tuple, lines: dict[tuple, int], offset: int, dups: list[DuplicateKey]) -> None:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                dups.append(DuplicateKey(path + (key,), line, seen[key]))
            seen[key] = line
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, offset, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1 + offset
            _walk(item, path + (i,), lines, offset, dups)


def line_for(lines: dict[tuple, int], path: tuple) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one."""
    path = tuple(path)
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]
