"""Read YAML safely while remembering the line of every key.

Two choices here are deliberate:

* Dates stay strings. PyYAML turns ``2026-02-30`` into a crash inside its
  constructor; keeping dates as text lets us report an impossible date as a normal
  problem with its line.
* ``yaml.compose`` gives us the node tree with line marks, from which we build a map
  of key path -> line, so that every later problem (schema, cross-record) can name
  the line of the offending key.
"""

from __future__ import annotations

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (dates are validated by us)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_with_lines(text: str, first_line: int = 1) -> tuple[object, dict[tuple, int]]:
    """Parse ``text``; return the data and a map from key path to 1-based line.

    ``first_line`` is the file line on which ``text`` starts, so that lines point
    into the record file, not into the front matter block. A path is a tuple of keys
    and list indices, e.g. ``("stemmingen", 2, "fractie")``.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines, first_line - 1)
    return data, lines


def _walk(node: yaml.Node, path: tuple, lines: dict[tuple, int], offset: int) -> None:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
            _walk(value_node, path + (key,), lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[path + (i,)] = item.start_mark.line + 1 + offset
            _walk(item, path + (i,), lines, offset)


def line_for(lines: dict[tuple, int], path: tuple) -> int | None:
    """The line of ``path``, or of its nearest ancestor that has one."""
    path = tuple(path)
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]
