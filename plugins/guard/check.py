"""Walk a written site and check every output that can name a dossier.

Plain Python (no Pelican), so that tests and other tools can run the guard on any
folder: ``check_output(folder, dossiers)`` returns a :class:`Report`. The Pelican
glue in ``__init__.py`` runs it on the staged build and fails the build.

Cost is kept low by reading every file as bytes once and skipping, before any
parsing, a page, feed or calendar that cannot present an undecided dossier as
decided: one that names no undecided dossier by marker, URL or title, and whose
markers all name decided dossiers labelled besluit (:mod:`guard.quick`). Data exports
are few and always parsed.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from raadsinfo.parallel import default_jobs

from .data_check import check_csv, check_json
from .feed_check import check_feed
from .html_check import check_html
from .ics_check import check_ics
from .index import DossierIndex, Violation
from .quick import HTML, needs_parse

#: Folders in the output that hold no text a reader sees as a label.
SKIP_DIRS = {"theme", "pagefind", "static", "css", "js", "images", "fonts", "vendor"}
XML = {".xml", ".atom", ".rss"}
CHECKERS = {".json": check_json, ".csv": check_csv}
#: At most this many violations are printed; the count always covers all of them.
MAX_SHOWN = 60


@dataclass
class Report:
    violations: list[Violation] = field(default_factory=list)
    checked: int = 0  # files parsed and checked
    skipped: int = 0  # files that name no dossier (quick check)
    seconds: float = 0.0  # wall clock
    cpu_seconds: float = 0.0  # CPU time, workers included: stable on a busy machine
    jobs: int = 1  # processes that checked files
    #: Checked beside the build while it was still writing (see :mod:`guard.background`),
    #: and unchanged since: files, and the CPU time spent on the index and on them.
    early: int = 0
    background: bool = False
    index_cpu_seconds: float = 0.0
    early_cpu_seconds: float = 0.0

    def __bool__(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        processes = f"{self.jobs} {'proces' if self.jobs == 1 else 'processen'}"
        if self.background:
            return (f"Labelcontrole: {self.checked} bestanden gecontroleerd, {self.skipped} overgeslagen; "
                    f"de bouw wachtte {self.seconds:.2f} s op de controle (CPU {self.cpu_seconds:.2f} s, "
                    f"waarvan {self.index_cpu_seconds + self.early_cpu_seconds:.2f} s naast de bouw; "
                    f"{self.early} bestanden al tijdens het schrijven gecontroleerd; aan het eind "
                    f"{processes}), {len(self.violations)} fouten")
        return (f"Labelcontrole: {self.checked} bestanden gecontroleerd, {self.skipped} overgeslagen "
                f"in {self.seconds:.2f} s (CPU {self.cpu_seconds:.2f} s, {processes}), "
                f"{len(self.violations)} fouten")

    def text(self) -> str:
        n = len(self.violations)
        lines = [
            f"De labelcontrole vond {n} {'fout' if n == 1 else 'fouten'}: een voorstel dat de raad nog niet "
            "heeft besloten, mag nergens als besluit worden getoond (en een besluit niet als voorstel).",
            "De site is NIET gepubliceerd. Verbeter het sjabloon, de feed of het record en bouw opnieuw.",
            "",
        ]
        lines += [v.format() for v in self.violations[:MAX_SHOWN]]
        if n > MAX_SHOWN:
            lines.append(f"... en nog {n - MAX_SHOWN} fouten.")
        return "\n".join(lines)


class LabelRuleBroken(Exception):
    """Raised to fail the build; Pelican exits with ``exitcode``."""

    exitcode = 3

    def __init__(self, report: Report):
        self.report = report
        n = len(report.violations)
        super().__init__(f"De labelcontrole vond {n} {'fout' if n == 1 else 'fouten'}; de lijst staat hierboven. "
                         "De site is niet gepubliceerd.")


def _files(folder: Path) -> Iterable[tuple[str, str]]:
    """(absolute path, path relative to ``folder`` with '/') of every file, sorted."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        rel_dir = os.path.relpath(dirpath, folder).replace(os.sep, "/")
        for name in sorted(filenames):
            yield os.path.join(dirpath, name), name if rel_dir == "." else f"{rel_dir}/{name}"


def _read(path: str) -> bytes:
    """The file's bytes, by ``os.open`` and one ``os.read`` of its size: the guard reads
    every file of the site, and a buffered file object cost half again as much
    (8.5 against 5.9 µs a feed). A short read of a regular file means its end; a
    file that grew since its size was asked is read on to its end."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        data = os.read(fd, size + 1)
        if len(data) <= size:
            return data
        chunks = [data]
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _checker(suffix: str):
    """(checker, may the quick look skip the file?) for a file of this kind, or None
    for a file the guard does not read. Exports are few and always parsed."""
    if suffix in HTML:
        return check_html, True
    if suffix in XML:
        return check_feed, True
    if suffix == ".ics":
        return check_ics, True
    checker = CHECKERS.get(suffix)
    return (checker, False) if checker else None


def check_file(path: str, rel: str, index: DossierIndex, raw: bytes | None = None) -> tuple[list[Violation], str]:
    """Check one output file: (violations, what was done: "checked", "skipped" by the
    quick look, or "" for a file the guard does not read). ``raw`` is its content if
    already read."""
    suffix = os.path.splitext(path)[1].lower()
    kind = _checker(suffix)
    if kind is None:
        return [], ""
    checker, quick = kind
    raw = _read(path) if raw is None else raw
    if quick and not _named_after_open(rel, index) and not needs_parse(raw, suffix, index):
        return [], "skipped"
    return checker(raw, rel, index), "checked"


def _named_after_open(rel: str, index: DossierIndex) -> bool:
    """Is the file named after an undecided dossier (its page, feeds, calendar)? Such a
    file names that dossier, so the quick look would only confirm that it must be
    parsed (it cost 65 ms at N = 2,000). The name only spares the look: a file
    with any other name gets it, and a file is never skipped for its name."""
    dossier = _dossier_of(rel, index)
    return dossier is not None and not index.by_id[dossier].besluit


def is_checked(rel: str) -> bool:
    """Would :func:`check_file` read this file, and does :func:`_files` list it?"""
    if _checker(os.path.splitext(rel)[1].lower()) is None:
        return False
    return not any(part in SKIP_DIRS for part in rel.split("/")[:-1])


def _check_files(files: list[tuple[str, str]], index: DossierIndex) -> Report:
    report = Report()
    for path, rel in files:
        violations, done = check_file(path, rel, index)
        if done == "checked":
            report.checked += 1
            report.violations += violations
        elif done == "skipped":
            report.skipped += 1
    return report


def _dossier_of(rel: str, index: DossierIndex) -> str | None:
    """The dossier a file is named after (``dossiers/<id>.html``,
    ``feeds/dossier/<id>.atom.xml``, ...), if any."""
    stem = rel.rpartition("/")[2].split(".", 1)[0]
    return stem if stem in index.by_id else None


def _chunks(files: list[tuple[str, str]], jobs: int, index: DossierIndex) -> list[list[tuple[str, str]]]:
    """Work for the workers: files that repeat the same texts go to the same worker.

    Most of the guard's cost is judging texts, and each worker caches what it judged
    (a text at a place, the claims in a sentence). A dossier's page, feeds and
    calendar repeat its title and summary, and the list pages and exports repeat the
    cards of every dossier. So the files named after one dossier go in one chunk,
    and the shared files (list pages, exports, other pages) are split over as few
    chunks as keeps the workers busy evenly: one for two workers. Those come first,
    the largest work; the dossiers' chunks, of as many dossiers each, fill in. (Chunks
    by size alone spread a dossier's page, feeds and calendar, and the list pages,
    over both workers, which then judged the same texts twice: two workers did 11 %
    more instructions than one process, against 1.5 % with these chunks; see
    ``docs/guard.md``, "Cost".) The file name is only a hint for scheduling: which
    dossiers a file names is read from its content, as always.
    """
    shared: list[tuple[str, str]] = []
    groups: dict[str, list[tuple[str, str]]] = {}
    for path, rel in files:
        dossier = _dossier_of(rel, index)
        if dossier is None:
            shared.append((path, rel))
        else:
            groups.setdefault(dossier, []).append((path, rel))
    # Few shared files (here 71 of 8,071) but much work: one chunk keeps the cards of
    # every list page in one worker's cache. If most files are shared (a site laid
    # out otherwise), small chunks keep the workers evenly busy instead.
    n_shared = max(1, jobs // 2) if len(shared) * jobs <= len(files) else jobs * 16
    n_shared = min(len(shared), n_shared)
    chunks = [shared[i::n_shared] for i in range(n_shared)]
    ordered = [groups[dossier] for dossier in sorted(groups)]
    per_chunk = max(1, -(-len(ordered) // (jobs * 32)))  # groups per chunk, rounded up
    for i in range(0, len(ordered), per_chunk):
        chunks.append([f for group in ordered[i:i + per_chunk] for f in group])
    return chunks


#: Below this many files the guard runs in one process (tiny sites, tests).
PARALLEL_FROM = 1500
_worker_index: DossierIndex | None = None  # set before forking; inherited by the workers


def _worker(files: list[tuple[str, str]]) -> tuple[list[Violation], int, int]:
    report = _check_files(files, _worker_index)
    return report.violations, report.checked, report.skipped


def jobs_for(jobs: int | None, files: int) -> int:
    """Processes for checking ``files`` files: ``jobs`` if given, else the environment
    variable ``RAADSINFO_GUARD_JOBS``, else one per CPU (as the build's own workers)
    from :data:`PARALLEL_FROM` files on; 1 without ``fork``."""
    if jobs is None:
        env = os.environ.get("RAADSINFO_GUARD_JOBS")
        jobs = int(env) if env else (default_jobs() if files >= PARALLEL_FROM else 1)
    if jobs > 1 and "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, jobs)


def check_output(folder: Path, dossiers, index: DossierIndex | None = None, jobs: int | None = None) -> Report:
    """Check every output file under ``folder`` against the dossiers' labels.

    Files are independent, so a big site is checked by ``jobs`` forked worker
    processes (default: from :data:`PARALLEL_FROM` files on, one per CPU, at most 4;
    the build itself waits meanwhile, so every CPU is free for the guard; the
    environment variable ``RAADSINFO_GUARD_JOBS`` overrides it). The workers inherit the index; only file
    names go out and violations come back.
    """
    global _worker_index
    start, cpu = time.perf_counter(), time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    folder = Path(folder)
    index = index or DossierIndex(dossiers)
    files = list(_files(folder))
    jobs = jobs_for(jobs, len(files))
    if jobs == 1:
        report = _check_files(files, index)
    else:
        chunks = _chunks(files, jobs, index)
        _worker_index = index
        gc.freeze()  # the workers' collector leaves the inherited heap alone (no copy-on-write)
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = pool.map(_worker, chunks, chunksize=1)
        finally:
            gc.unfreeze()
            _worker_index = None
        report = Report()
        for violations, checked, skipped in results:
            report.violations += violations
            report.checked += checked
            report.skipped += skipped
        order = {rel: i for i, (_, rel) in enumerate(files)}
        report.violations.sort(key=lambda v: order.get(v.file, -1))  # as one process reports them
    report.jobs = jobs
    report.seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    report.cpu_seconds = (time.process_time() - cpu + (after.ru_utime - children.ru_utime)
                          + (after.ru_stime - children.ru_stime))
    return report
