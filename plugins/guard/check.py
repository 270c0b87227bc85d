"""Check every written file against the domain: the core of the labelling guard.

``check_output(folder, dossiers, settings)`` lists the files under ``folder`` and
checks each once, in the project's forked worker pool (:func:`raadsinfo.parallel.
fork_map`) on a big site. Plain Python, no Pelican: tests and tools can run the guard
on any folder; ``__init__.py`` fails the build on a violation.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from raadsinfo.nieuws import DEFAULT_TAG_AUTHORITY
from raadsinfo.parallel import fork_map, shared

from . import data_check
from .data_check import check_csv, check_feed, check_ics, check_json
from .domain import Expected
from .html_check import check_html
from .report import Report, Violation

#: Every suffix a web server may serve as a page is read as one (nginx serves .shtml as HTML).
PAGES = (".html", ".htm", ".shtml", ".xhtml")
CHECKS = {**dict.fromkeys(PAGES, check_html), ".xml": check_feed, ".ics": check_ics,
          ".json": check_json, ".csv": check_csv}

#: Folders of the output that hold no text of the build's own (styles, the search index);
#: a page written there (a content page can be saved anywhere) is still read.
SKIP_DIRS = {"theme", "pagefind"}


def output_files(folder: Path) -> list[str]:
    """Every file under ``folder`` that the guard reads, relative with '/', sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, folder).replace(os.sep, "/")
        skipped = not SKIP_DIRS.isdisjoint(rel_dir.split("/"))
        for name in sorted(filenames):
            if checker_for(name) is not None and (not skipped or name.lower().endswith(PAGES)):
                found.append(name if rel_dir == "." else f"{rel_dir}/{name}")
    return found


def checker_for(name: str):
    """The check for a file of this name, or None for a file that shows no label."""
    return CHECKS.get(os.path.splitext(name)[1].lower())


def check_file(folder: Path, rel: str, expected: Expected) -> list[Violation]:
    return checker_for(rel)((Path(folder) / rel).read_bytes(), rel, expected)


def _check_in_worker(rel: str) -> list[Violation]:
    folder, expected = shared()
    return check_file(folder, rel, expected)


def check_output(folder: Path, dossiers, settings=None, today: date | None = None) -> Report:
    """Check every output file under ``folder`` against the dossiers' labels.

    ``settings`` is any mapping with ``SITENAME`` and ``FEED_TAG_AUTHORITY`` (Pelican's
    settings will do); ``today`` is the day the site describes (the calendar of
    upcoming meetings depends on it).
    """
    start = time.perf_counter()
    settings = settings or {}
    expected = Expected(dossiers, settings.get("SITENAME", ""),
                        settings.get("FEED_TAG_AUTHORITY") or DEFAULT_TAG_AUTHORITY, today)
    files = output_files(Path(folder))
    if any(data_check.ods_schema(rel) for rel in files):
        data_check.ods_expected(expected)  # once, before the workers fork: each would make it again
    # The largest files first: the workers take the next files as they come free, so a
    # list of all dossiers left to the end would keep one of them busy alone.
    order = sorted(files, key=lambda rel: -os.path.getsize(Path(folder) / rel))
    results = dict(zip(order, fork_map(_check_in_worker, order, shared=(Path(folder), expected)), strict=True))
    report = Report([v for rel in files for v in results[rel]], len(files))
    report.seconds = time.perf_counter() - start
    return report
