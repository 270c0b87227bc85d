"""Pelican plugin: the labelling guard ("voorstel, niet besluit").

After the whole site is written (``finalized``), every written page, feed, calendar
and data export that names a dossier is checked (see :mod:`guard.check`); any
violation raises :class:`~guard.check.LabelRuleBroken`, so Pelican exits non-zero and
``invoke build`` keeps the staged site from being published. Before anything is
written (``all_generators_finalized``) the records themselves are checked once more
(:func:`raadsinfo.guard_records.check_site`).

Register it LAST in ``PLUGINS`` so that it runs after plugins that write files in
``finalized`` themselves. The guard prints its cost ("Labelcontrole: ... in X s")
and, when the setting ``GUARD_TIMING_FILE`` (or the environment variable
``RAADSINFO_GUARD_TIMING``) names a file, writes the figures there as JSON, for the
benchmark.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

from pelican import signals

from raadsinfo import guard_records

from .check import LabelRuleBroken, Report, check_output
from .index import DossierIndex

_state: dict = {}


def _capture(generators) -> None:
    """Keep the dossiers the dossiers plugin loaded; check their records once more."""
    site = next((g.context["raad"] for g in generators if "raad" in getattr(g, "context", {})), None)
    _state["site"] = site
    if site is not None:
        guard_records.check_site(site)


def _run(pelican) -> None:
    site = _state.pop("site", None)
    if site is None:
        from dossiers.generator import build_date

        from raadsinfo.loader import load_site  # not built by the dossiers plugin: load it here

        site = load_site(Path(pelican.settings["PATH"]), today=build_date(pelican.settings))
    start, cpu = time.perf_counter(), time.process_time()
    # The build's heap is large (every dossier, template and page context); without
    # this, the cyclic garbage collector re-scans it again and again while the guard
    # allocates. The guard makes no reference cycles worth collecting.
    gc.disable()
    try:
        index = DossierIndex(site.dossiers)
        index_cpu = time.process_time() - cpu
        report: Report = check_output(Path(pelican.output_path), None, index)
    finally:
        gc.enable()
    report.seconds = time.perf_counter() - start  # with building the index
    report.cpu_seconds += index_cpu
    print(report.summary(), file=sys.stderr)
    _write_timing(pelican.settings, report, len(site.dossiers))
    if report.violations:
        print(report.text(), file=sys.stderr)
        raise LabelRuleBroken(report)


def _write_timing(settings, report: Report, dossiers: int) -> None:
    target = settings.get("GUARD_TIMING_FILE") or os.environ.get("RAADSINFO_GUARD_TIMING")
    if not target:
        return
    Path(target).write_text(json.dumps({
        "seconds": round(report.seconds, 4), "cpu_seconds": round(report.cpu_seconds, 4), "jobs": report.jobs,
        "checked": report.checked, "skipped": report.skipped,
        "violations": len(report.violations), "dossiers": dossiers,
    }), encoding="utf-8")


def register() -> None:
    signals.all_generators_finalized.connect(_capture)
    signals.finalized.connect(_run)
