"""What the guard found, and how it is told: one :class:`Violation` per place, a
:class:`Report` for the build log, and :class:`LabelRuleBroken` to fail the build.

Every message is Dutch and names the output file, the element, the dossier, what the
domain says should be there and what was found; where a record's text caused it, also
the record file and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: At most this many violations are printed; the count covers all of them.
MAX_SHOWN = 60


@dataclass(frozen=True)
class Violation:
    """One place in one output that does not show what the domain says."""

    file: str  # relative to the output folder
    element: str  # where in the file: an HTML element, a feed entry, a JSON field
    dossier: str  # the dossier id, or "" when the file names none
    expected: str
    found: str
    why: str  # Dutch: what is wrong and what to change
    record: str = ""  # "<record file>, veld '<field>'" when a record's text caused it

    def format(self) -> str:
        found = self.found if len(self.found) <= 200 else self.found[:197] + "..."
        lines = [f"{self.file}: {self.element}" + (f" (dossier {self.dossier})" if self.dossier else ""),
                 f"    gevonden: {found}", f"    verwacht: {self.expected}", f"    waarom:   {self.why}"]
        if self.record:
            lines.append(f"    bron:     {self.record}: deze tekst komt uit dat bestand; pas hem daar aan.")
        return "\n".join(lines)


def quoted(text: str) -> str:
    return f'"{text}"'


@dataclass
class Report:
    violations: list[Violation] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the build log (``bench/build_bench.py`` reads its time)."""
        return (f"Labelcontrole: {self.files} bestanden gecontroleerd in {self.seconds:.2f} s, "
                f"{len(self.violations)} fouten")

    def text(self) -> str:
        n = len(self.violations)
        lines = [
            f"De labelcontrole vond {n} {'fout' if n == 1 else 'fouten'} in de gebouwde site: een uitvoer toont "
            "iets anders dan de labels van het dossier (raadsinfo/labels.py). Een voorstel dat de raad nog niet "
            "heeft besloten, mag nergens als besluit worden getoond.",
            "Meestal zit de fout in een sjabloon (theme/templates) of een plugin. Staat er 'bron:' bij, dan "
            "komt de tekst uit dat bestand (een record of een pagina). De site is NIET gepubliceerd.",
            "",
        ]
        lines += [v.format() for v in self.violations[:MAX_SHOWN]]
        if n > MAX_SHOWN:
            lines.append(f"... en nog {n - MAX_SHOWN} fouten.")
        return "\n".join(lines)


class LabelRuleBroken(SystemExit):
    """Raised to fail the build. A ``SystemExit`` (code 3): Pelican lets it through
    without logging a traceback, which a griffie would read as a crash; the Dutch
    report is printed before it."""

    def __init__(self, report: Report):
        super().__init__(3)
        self.report = report
        n = len(report.violations)
        self.message = (f"De labelcontrole vond {n} {'fout' if n == 1 else 'fouten'}; de lijst staat hierboven. "
                        "De site is niet gepubliceerd.")

    def __str__(self) -> str:
        return self.message
