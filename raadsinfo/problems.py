"""Problems found in records, reported in Dutch for griffie staff.

Validation never stops at the first problem: every check appends to a
:class:`Problems` collection, and the caller reports them all in one run. Each
problem names the file, the line where known, the field, what was found and what was
expected, so that the person who committed the record can fix it without help.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def debug_enabled() -> bool:
    """True when RAADSINFO_DEBUG asks for the details of a failure (a traceback).

    Griffie staff see a Dutch message instead; a developer sets RAADSINFO_DEBUG=1
    (or passes ``--debug`` to a task, which sets it) to see where the program failed.
    """
    return os.environ.get("RAADSINFO_DEBUG", "").strip() not in ("", "0")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one record, with everything needed to fix it."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None
    found: str | None = None
    expected: str | None = None
    hint: str | None = None
    warning: bool = False

    def format(self) -> str:
        """Render as ``file:line: veld 'x': message (gevonden ..., verwacht ...). hint``.

        Hidden and control characters (from a file name, a field name or a quoted
        value) are shown as a code such as ``\\u202e``: a bidi override would otherwise
        rearrange the line in the terminal, and a lone surrogate could not be printed.
        """
        from .characters import escape_hidden

        return escape_hidden(self._format())

    def _format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        parts = [f"{where}: "]
        if self.warning:
            parts.append("waarschuwing: ")
        if self.field:
            parts.append(f"veld '{self.field}': ")
        parts.append(self.message)
        details = []
        if self.found is not None:
            details.append(f"gevonden: {self.found}")
        if self.expected is not None:
            details.append(f"verwacht: {self.expected}")
        if details:
            parts.append(" (" + "; ".join(details) + ")")
        if self.hint:
            parts.append(f" {self.hint}")
        return "".join(parts)


@dataclass
class Problems:
    """An ordered collection of problems and warnings from one validation run."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str | Path, message: str, **kwargs) -> None:
        self.items.append(Problem(str(path), message, **kwargs))

    def warn(self, path: str | Path, message: str, **kwargs) -> None:
        self.items.append(Problem(str(path), message, warning=True, **kwargs))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def __bool__(self) -> bool:
        return bool(self.errors)

    def report(self) -> str:
        """All errors, then all warnings, each on its own line, with a Dutch count.

        Sorted by file and line (stable for problems without a line), so that
        everything wrong in one file is read together, top to bottom.
        """
        lines = [p.format() for p in _sorted(self.errors)] + [p.format() for p in _sorted(self.warnings)]
        n = len(self.errors)
        if n:
            lines.append(f"{n} {'fout' if n == 1 else 'fouten'} gevonden. Los ze op en probeer het opnieuw.")
        return "\n".join(lines)


def _sorted(items: list[Problem]) -> list[Problem]:
    return sorted(items, key=lambda p: (p.path, p.line or 0))


class RecordsInvalid(Exception):
    """Raised when records contain errors; carries every problem found."""

    exitcode = 2

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__("De gegevens bevatten fouten:\n" + problems.report())
