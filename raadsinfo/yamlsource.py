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

Records come from anyone who can commit, so a text is screened before it is built
(:func:`screen`): anchors (``&``) and aliases (``*``) are refused, because ten lines
of them expand to billions of values (an "alias bomb") that hang every later step,
and nesting deeper than :data:`MAX_DEPTH` is refused, because the builder recurses
once per level and a few thousand ``[`` end in a RecursionError. Both are raised as
:class:`RefusedYAML` with the line and key path, for a Dutch message.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import yaml

_STR = "tag:yaml.org,2002:str"


class _RecordConstructor:
    """Constructor mixin: a shortcut for plain text, and a note of repeated keys.

    * Most nodes of a record are plain text, which SafeConstructor turns into
      ``node.value`` through several calls per node; the shortcut returns it at once,
      and plain text is most of what a large site parses.
    * ``repeated_keys`` is set when a mapping repeats a key text: the condition
      :func:`_walk` reports on (equal texts of scalar keys in one mapping, after merge
      keys are flattened), checked on each mapping once.
    """

    repeated_keys = False

    current_mark = None  # where the node being built starts, for an error without a mark

    def construct_object(self, node, deep=False):
        if node.tag == _STR and node.__class__ is yaml.ScalarNode:
            return node.value  # what construct_yaml_str returns for it
        self.current_mark = node.start_mark
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep)
        if not self.repeated_keys:
            keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
            self.repeated_keys = len(set(keys)) != len(keys)
        return mapping

    def construct_yaml_int(self, node):
        """An integer, unless it is written with more digits than any number in a record.

        Python refuses to convert more than 4,300 digits with a ValueError, which is no
        YAML error; long before that a number is a mistake (10**29 trees).
        """
        if len(node.value) > MAX_NUMBER_TEXT:
            raise yaml.constructor.ConstructorError(None, None, TOO_LONG_NUMBER, node.start_mark)
        return yaml.SafeLoader.construct_yaml_int(self, node)


#: Most characters an integer may be written with (a billion euros has ten digits).
MAX_NUMBER_TEXT = 40
TOO_LONG_NUMBER = "found a number written with too many digits"
#: PyYAML's constructors raise plain Python errors for some explicitly tagged values
#: ("!!int abc", "!!bool maybe", "!!timestamp x"); they are reported as this YAML error.
UNREADABLE_VALUE = "found a value that its tag cannot make"


class _Loader(_RecordConstructor, yaml.SafeLoader):
    """SafeLoader without implicit timestamps (dates are validated by us)."""


# LibYAML (C) parses much faster than the pure-Python parser, which matters with
# thousands of records. Its error texts differ, so invalid YAML is parsed a
# second time with the pure-Python loader, whose messages frontmatter.py translates.
_FastLoader = (type("_FastLoader", (_RecordConstructor, yaml.CSafeLoader), {})
               if hasattr(yaml, "CSafeLoader") else _Loader)

_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _NO_TIMESTAMPS
_FastLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
for _loader in {_Loader, _FastLoader}:
    _loader.add_constructor("tag:yaml.org,2002:int", _RecordConstructor.construct_yaml_int)


#: Deepest nesting of lists and blocks a record may have. The deepest real record
#: (an amendement's vote: amendementen, item, stemmingen, item) is five levels deep.
MAX_DEPTH = 20


class RefusedYAML(yaml.MarkedYAMLError):
    """A text refused before it is built: an anchor or alias, or too deep nesting.

    ``reason`` is ``"anker"`` or ``"diepte"``; ``path`` the key path of the node
    where it was found (as far as known); ``problem_mark`` its place in the text.
    """

    def __init__(self, reason: str, mark, path: tuple):
        super().__init__(problem=reason, problem_mark=mark)
        self.reason = reason
        self.path = path


class _Frame:
    """One open collection while the event stream is read: its path and next key."""

    __slots__ = ("path", "is_map", "expect_key", "key", "index")

    def __init__(self, path: tuple, is_map: bool):
        self.path, self.is_map = path, is_map
        self.expect_key, self.key, self.index = True, None, -1

    def child(self, event) -> tuple:
        """The path of the node that ``event`` starts inside this collection."""
        if not self.is_map:
            self.index += 1
            return self.path + (self.index,)
        if self.expect_key:
            return self.path + (event.value if isinstance(event, yaml.ScalarEvent) else "?",)
        return self.path + (self.key,)

    def done(self, event) -> None:
        """A child node ended: in a mapping, keys and values alternate."""
        if self.is_map:
            if self.expect_key:
                self.key = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            self.expect_key = not self.expect_key


def _may_be_deep(text: str) -> bool:
    """False when ``text`` cannot nest deeper than :data:`MAX_DEPTH` (cheap, no parse).

    Every flow collection opens with ``[`` or ``{``. A block collection starts at the
    first character of its line after spaces and the indicators ``-``, ``?`` and ``:``,
    and one nested inside another starts further right, or (a list under a key) at the
    same column as its key: at most two levels per column of that prefix. A tag (``!``)
    could stand between indicators, so a text with one is always screened.
    """
    flow = text.count("[") + text.count("{")
    if flow > MAX_DEPTH or "!" in text:
        return True
    prefix = max((len(line) - len(line.lstrip(" \t-?:")) for line in text.splitlines()), default=0)
    return 2 * (prefix + 1) + flow > MAX_DEPTH


def screen(text: str) -> None:
    """Raise :class:`RefusedYAML` for an anchor, an alias or too deep nesting.

    Most records hold no ``&`` or ``*`` and are shallow by :func:`_may_be_deep`; only
    the others are read as an event stream (linear in the text, nothing is built).
    LibYAML's scanner reads a flow collection ahead and gives up at its own depth
    limit, so a text it cannot read is read again by PyYAML's parser, which does not
    recurse. A plain syntax error is left to the parse that follows, which reports it.
    """
    if ("&" in text or "*" in text or _may_be_deep(text)) and not _screen_with(_EventLoader, text):
        _screen_with(yaml.SafeLoader, text)


def _screen_with(loader_class, text: str) -> bool:
    """Screen with one parser; False when it could not read the text."""
    loader = loader_class(text)
    stack: list[_Frame] = []
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                path = stack[-1].child(event) if stack else ()
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    raise RefusedYAML("anker", event.start_mark, path)
                if isinstance(event, yaml.CollectionStartEvent):
                    stack.append(_Frame(path, isinstance(event, yaml.MappingStartEvent)))
                    if len(stack) > MAX_DEPTH:
                        raise RefusedYAML("diepte", event.start_mark, path)
                elif stack:
                    stack[-1].done(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                if stack:
                    stack[-1].done(event)
    except RefusedYAML:
        raise
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return True


_EventLoader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader


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
    list is given, every repeated key in a mapping is appended to it. Raises
    :class:`RefusedYAML` for anchors, aliases and too deep nesting (:func:`screen`).
    """
    screen(text)
    node, data, repeated_keys = _parse_node(text)
    if node is None:
        return data, KeyLines(text, first_line, {})
    if not repeated_keys:
        return data, KeyLines(text, first_line)
    lines: dict[tuple, int] = {}
    found: list[DuplicateKey] = [] if duplicates is None else duplicates
    _walk(node, (), lines, first_line - 1, found)
    return data, KeyLines(text, first_line, lines)


def _parse_node(text: str):
    """``(node, data, repeated_keys)``; the node after construction (merge keys flattened).

    :func:`screen` has bounded the depth, so the builder's recursion cannot run out;
    should it still, that is reported as too deep nesting, never as a crash.
    """
    try:
        try:
            return _parse(_FastLoader, text)
        except yaml.YAMLError:
            return _parse(_Loader, text)  # raises with the messages we translate
    except RecursionError:
        raise RefusedYAML("diepte", None, ()) from None


def _parse(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return node, data, loader.repeated_keys
    except (yaml.YAMLError, RecursionError):
        raise
    except Exception:
        raise yaml.constructor.ConstructorError(None, None, UNREADABLE_VALUE, loader.current_mark) from None
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
