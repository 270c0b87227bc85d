"""Pelican plugin: the labelling guard ("voorstel, niet besluit"), the build's backstop.

The labels are made in one place (:mod:`raadsinfo.labels`) and the records' wording is
checked when they load; what can still go wrong is a template or plugin that prints
the wrong string, or prints a dossier without saying which one it is. So:

* ``all_generators_finalized``: the records are checked once more
  (:func:`raadsinfo.guard_records.check_site`), before anything is written;
* ``finalized``: every written page, feed, calendar and export is compared with the
  domain's strings (:func:`guard.check.check_output`). A violation prints a Dutch
  report and raises :class:`~guard.report.LabelRuleBroken` (a ``SystemExit``), so Pelican exits with code 3
  and ``invoke build`` does not publish the staged site.

Register it LAST in ``PLUGINS``, so that it sees what every other plugin wrote.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pelican import signals

from raadsinfo import guard_records

from .check import check_output
from .report import LabelRuleBroken, Report, Violation

__all__ = ["LabelRuleBroken", "Report", "Violation", "check_output", "register"]

_state: dict = {}


def _capture(generators) -> None:
    """Keep the dossiers and the day the dossiers plugin loaded; check the records once more."""
    context = next((g.context for g in generators if "raad" in getattr(g, "context", {})), {})
    _state["site"], _state["today"] = context.get("raad"), context.get("today")
    if _state["site"] is not None:
        guard_records.check_site(_state["site"])


def _run(pelican) -> None:
    site, today = _state.pop("site", None), _state.pop("today", None)
    if site is None:
        raise RuntimeError("De labelcontrole heeft de dossiers nodig: zet de plugin 'dossiers' in PLUGINS, vóór "
                           "'guard'.")
    report = check_output(Path(pelican.output_path), site.dossiers, pelican.settings, today)
    print(report.summary(), file=sys.stderr)
    if report.violations:
        broken = LabelRuleBroken(report)
        print(report.text(), broken.message, sep="\n", file=sys.stderr, flush=True)
        raise broken


def register() -> None:
    signals.all_generators_finalized.connect(_capture)
    signals.finalized.connect(_run)
