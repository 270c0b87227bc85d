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
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (dates are validated by us)."""


# LibYAML parses about four times faster than the pure-Python parser, which matters
# with thousands of records. Its error texts differ, so invalid YAML is parsed a
# second time with the pure-Python loader, whose messages frontmatter.py translates.
_FastLoader = type("_FastLoader", (yaml.CSafeLoader,), {}) if hasattr(yaml, "CSafeLoader") else _Loader

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


def load_with_lines(
    text: str, first_line: int = 1, duplicates: list[DuplicateKey] | None = None
) -> tuple[object, dict[tuple, int]]:
    """Parse ``text``; return the data and a map from key path to 1-based line.

    ``first_line`` is the file line on which ``text`` starts, so that lines point
    into the record file, not into the front matter block. A path is a tuple of keys
    and list indices, e.g. ``("stemmingen", 2, "fractie")``. When a ``duplicates``
    list is given, every repeated key in a mapping is appended to it.
    """
    try:
        node, data = _parse(_FastLoader, text)
    except yaml.YAMLError:
        node, data = _parse(_Loader, text)  # raises with the messages we translate
    lines: dict[tuple, int] = {}
    found: list[DuplicateKey] = [] if duplicates is None else duplicates
    if node is not None:
        _walk(node, (), lines, first_line - 1, found)
    return data, lines


def _parse(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
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
