"""Spread independent, CPU-bound work over every core with forked worker processes.

Pelican builds in one process, but several steps of this build are thousands of
independent pieces of work: render a Markdown body, serialise a dossier's feeds or
calendar. On Linux a worker forked after the site is loaded inherits everything it
needs (passed as ``shared``), so only small items (usually indices) travel to it and
small results come back. Below ``min_items`` the work stays in-process: tests and
small sites gain nothing from a fork (the environment variable
``RAADSINFO_PARALLEL_FROM`` overrides ``min_items``, so tests can force either way).
Results are in the order of ``items``, the same as a plain loop gives.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence

_shared: object = None


def shared() -> object:
    """The ``shared`` object of the running :func:`fork_map` (in a worker too)."""
    return _shared


def _run_chunk(job: tuple[Callable, Sequence]) -> list:
    func, chunk = job
    return [func(item) for item in chunk]


def default_jobs() -> int:
    return min(os.cpu_count() or 1, 4)


def fork_map(func: Callable, items: Sequence, *, shared: object = None, min_items: int = 500,
             jobs: int | None = None) -> list:
    """``[func(item) for item in items]``, in forked workers when there are many items.

    ``func`` must be a module-level function (it is sent to the workers by name); it
    can read :func:`shared`.
    """
    return list(fork_imap(func, items, shared=shared, min_items=min_items, jobs=jobs))


def fork_imap(func: Callable, items: Sequence, *, shared: object = None, min_items: int = 500,
              jobs: int | None = None) -> Iterator:
    """:func:`fork_map`, yielding each result (in order) as soon as its chunk is done.

    For results that are large and used once, such as rendered pages: the caller
    writes each and lets it go, so memory holds a few chunks instead of every result
    (the rendered pages of a big site). Do not start another
    ``fork_map`` while iterating: :func:`shared` holds this one's object until the end.
    """
    global _shared
    _shared = shared
    min_items = int(os.environ.get("RAADSINFO_PARALLEL_FROM", min_items))
    try:
        jobs = default_jobs() if jobs is None else jobs
        if len(items) < min_items or jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            for item in items:
                yield func(item)
            return
        # Small chunks, handed out as workers come free: items differ a lot in cost
        # (a long body, an empty one), and a big last chunk would leave a core idle.
        size = max(1, len(items) // (jobs * 16))
        chunks = [(func, items[i:i + size]) for i in range(0, len(items), size)]
        gc.freeze()  # the workers' collector leaves the inherited heap alone (no copy-on-write)
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                for part in pool.imap(_run_chunk, chunks, chunksize=1):
                    yield from part
        finally:
            gc.unfreeze()
    finally:
        _shared = None
