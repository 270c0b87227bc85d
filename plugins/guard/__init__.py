"""Pelican plugin: the labelling guard ("voorstel, niet besluit").

After the whole site is written (``finalized``), every written page, feed, calendar
and data export that names a dossier is checked (see :mod:`guard.check`); any
violation raises :class:`~guard.check.LabelRuleBroken`, so Pelican exits non-zero and
``invoke build`` keeps the staged site from being published. Before anything is
written (``all_generators_finalized``) the records themselves are checked once more
(:func:`raadsinfo.guard_records.check_site`).

On a big site (from ``GUARD_BACKGROUND_FROM`` dossiers, default
:data:`BACKGROUND_FROM`) the check starts beside the build: a guard process, started
when the dossiers are loaded, checks each file as the build reports it written, on
CPU time the build leaves idle, and at the end confirms or checks every file of the
finished site (:mod:`guard.background`). The result is the same; the build waits
less. The environment variable ``RAADSINFO_GUARD_BACKGROUND`` (``1`` or ``0``)
overrides the setting.

Register it LAST in ``PLUGINS`` so that it runs after plugins that write files in
``finalized`` themselves. The guard prints its cost ("Labelcontrole: ... in X s", or
"... de bouw wachtte X s op de controle ..." beside the build) and, when the setting
``GUARD_TIMING_FILE`` (or the environment variable ``RAADSINFO_GUARD_TIMING``) names a
file, writes the figures there as JSON, for the benchmark.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import sys
import time
from pathlib import Path

from pelican import signals

from raadsinfo import guard_records

from .background import Background
from .check import LabelRuleBroken, Report, check_output, jobs_for
from .index import DossierIndex

_state: dict = {}
logger = logging.getLogger(__name__)
#: From this many dossiers on, the guard checks beside the build (about 1,600 files,
#: where the check after the build also starts to use several processes).
BACKGROUND_FROM = 400
FILES_PER_DOSSIER = 4  # its page, two feeds and its calendar


def _background_jobs(settings, dossiers: int) -> int:
    """Processes for a guard beside the build, or 0 for the guard after the build."""
    forced = os.environ.get("RAADSINFO_GUARD_BACKGROUND")
    wanted = forced == "1" if forced in ("0", "1") else dossiers >= settings.get("GUARD_BACKGROUND_FROM",
                                                                                  BACKGROUND_FROM)
    if not wanted or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return jobs_for(None, FILES_PER_DOSSIER * dossiers)


def _start(generator, site=None, **_) -> None:
    """The dossiers are loaded: on a big site, start the guard beside the build."""
    _stop_background()  # of an earlier build in this process that failed before its end
    jobs = _background_jobs(generator.settings, len(site.dossiers)) if site is not None else 0
    if jobs:
        try:
            _state["background"] = Background(site.dossiers, generator.output_path, jobs)
        except OSError as exc:  # no process to spare: the guard checks after the build instead
            logger.warning("Labelcontrole: kan niet naast de bouw starten (%s); controle na de bouw.", exc)


def _stop_background() -> None:
    background = _state.pop("background", None)
    if background is not None:
        background.close()


def _written(path, **_) -> None:
    background = _state.get("background")
    if background is not None:
        background.written(path)


def _capture(generators) -> None:
    """Keep the dossiers the dossiers plugin loaded; check their records once more."""
    site = next((g.context["raad"] for g in generators if "raad" in getattr(g, "context", {})), None)
    _state["site"] = site
    if site is not None:
        guard_records.check_site(site)


def _run(pelican) -> None:
    background = _state.pop("background", None)
    site = _state.pop("site", None)
    if background is not None and background.folder == os.path.abspath(pelican.output_path):
        report = background.finish()
        _finish(pelican.settings, report, len(site.dossiers) if site is not None else 0)
        return
    if background is not None:
        background.close()
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
    report.index_cpu_seconds = index_cpu
    _finish(pelican.settings, report, len(site.dossiers))


def _finish(settings, report: Report, dossiers: int) -> None:
    print(report.summary(), file=sys.stderr)
    _write_timing(settings, report, dossiers)
    if report.violations:
        print(report.text(), file=sys.stderr)
        raise LabelRuleBroken(report)


def _write_timing(settings, report: Report, dossiers: int) -> None:
    target = settings.get("GUARD_TIMING_FILE") or os.environ.get("RAADSINFO_GUARD_TIMING")
    if not target:
        return
    Path(target).write_text(json.dumps({
        "seconds": round(report.seconds, 4), "cpu_seconds": round(report.cpu_seconds, 4), "jobs": report.jobs,
        "checked": report.checked, "skipped": report.skipped, "background": report.background,
        "early": report.early, "early_cpu_seconds": round(report.early_cpu_seconds, 4),
        "index_cpu_seconds": round(report.index_cpu_seconds, 4),
        "violations": len(report.violations), "dossiers": dossiers,
    }), encoding="utf-8")


def register() -> None:
    try:
        from dossiers.dossier_signals import dossiers_loaded
    except ImportError:  # without the dossiers plugin: the guard after the build
        pass
    else:
        dossiers_loaded.connect(_start)
    signals.all_generators_finalized.connect(_capture)
    signals.content_written.connect(_written)
    signals.feed_written.connect(_written)
    signals.finalized.connect(_run)
