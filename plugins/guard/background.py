"""The guard beside the build: check pages while the rest of the site is written.

Why. On a big site the guard's check of the written site cost about 13 % of the build
(N = 2,000, issue 3 allows 10 %), all of it after Pelican had finished, while the
build waited. Yet during the build a core is often idle: the serial parts of loading,
and the feed, calendar and export writers (which leave about 0.8 core-seconds
unused at N = 2,000; see ``docs/guard.md``, "Cost"). Most of the guard's work (the
dossier pages and the list pages) is on disk long before the build ends.

How.

* :class:`Background` forks one guard process as soon as the dossiers are loaded.
  At the lowest CPU priority (``nice`` :data:`NICE`) it builds the index, so the build
  no longer waits for that, and then checks every file the build reports as written
  (Pelican's ``content_written`` and ``feed_written`` signals), remembering a digest
  of the bytes it checked. It is meant to take only CPU time the build leaves
  unused; on a machine whose cores share their resources (the development VM: two
  busy processes each run about 1.6x slower than one alone) it still slows the
  build somewhat, by less than it saves (``docs/guard.md``, "Cost").
* :meth:`Background.written` hands it a path without ever making the build wait: the
  pipe is non-blocking, and what does not fit waits in a buffer in the build.
* :meth:`Background.finish` keeps the guard's promise unchanged. After the whole
  site is written, the guard process walks the output folder exactly as
  :func:`guard.check.check_output` does, and every file counts only with its final
  bytes: a file checked early counts when its bytes still have the digest that was
  checked; any other file (written by a plugin that sends no signal, changed after
  its signal, not reached yet) is checked now, by the guard process and ``jobs - 1``
  helpers forked from it, which inherit its index and its caches. So the result is
  the result of ``check_output`` on the finished site; only the timing differs.

Plain Python (no Pelican): the glue in ``__init__.py`` connects it to the signals.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import time
import traceback
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows, where there is no fork and so no guard beside the build
    fcntl = None

from .check import Report, _chunks, _files, _read, check_file, check_output, is_checked
from .index import DossierIndex, fingerprint

#: The guard process's CPU priority while the build runs: the lowest, so that it only
#: uses what the build leaves idle. At the end the build itself waits and leaves
#: every core to the guard.
NICE = 19
#: The pipe's size: paths are sent relative to the output folder, about 30 bytes each,
#: so 1 MB holds the paths of a site of 8,000 dossiers. Beyond it, paths wait in the
#: build and go out with the next one written.
PIPE_SIZE = 1 << 20
#: Paths go out in batches of about this many bytes (some 100 paths), or when the last
#: batch left this many seconds ago: one system call per path cost the build more
#: than the path itself, and a path waiting long in the build is work left to the end.
SEND_FROM = 2048
SEND_AFTER = 0.02
_SEP = b"\0"  # after each path; no path holds a NUL byte, and an empty path ends the list


class GuardProcessFailed(RuntimeError):
    """The guard process stopped without a result: the site must not be published."""


def _digest(raw: bytes) -> bytes:
    """SHA-256: a change to a file cannot go unnoticed, and with the CPU's SHA
    instructions it is twice as fast as BLAKE2 here (1.3 GB/s)."""
    return hashlib.sha256(raw).digest()


class Background:
    """One build's guard process; see the module docstring."""

    def __init__(self, dossiers, folder: Path | str, jobs: int):
        start = time.perf_counter()
        self.folder = os.path.abspath(folder)
        self.jobs = max(1, jobs)
        self._dossiers = dossiers
        ctx = multiprocessing.get_context("fork")
        self._stop = ctx.RawValue("b", 0)  # set by finish(): stop checking early, sweep
        self._progress = ctx.RawValue("i", 0)  # files checked beside the build so far
        read_fd, self._fd = os.pipe()
        self._results, result_w = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_serve, name="labelcontrole", daemon=True,
                                 args=(dossiers, self.folder, self.jobs, read_fd, self._fd, self._stop,
                                       self._progress, result_w))
        gc.freeze()  # the guard process's collector leaves the inherited heap alone
        try:
            self._proc.start()
        finally:
            gc.unfreeze()
        os.close(read_fd)
        result_w.close()
        os.set_blocking(self._fd, False)
        try:  # room for every path of a big site (Linux lets anyone have 1 MB)
            fcntl.fcntl(self._fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        except (AttributeError, OSError):  # not Linux: paths wait in the build a little more
            pass
        self._prefix = os.path.join(self.folder, "")  # Pelican reports absolute paths below it
        self._pending = bytearray()
        self._last_send = 0.0
        self.sent = 0
        #: Wall time the build spent in the guard: starting it, handing it paths, and
        #: waiting for its result. This is what the guard adds to the build.
        self.waited = time.perf_counter() - start

    def written(self, path) -> None:
        """The build wrote ``path``: check it as soon as the guard process is free.

        Called for every file of the site, on the build's own time: a few µs."""
        start = time.perf_counter()
        path = os.fspath(path)
        rel = path[len(self._prefix):] if path.startswith(self._prefix) else _relative(path, self.folder)
        if rel is None or not is_checked(rel):
            return
        self._pending += os.fsencode(rel.replace(os.sep, "/")) + _SEP
        self.sent += 1
        if len(self._pending) >= SEND_FROM or start - self._last_send > SEND_AFTER:
            self._send()
            self._last_send = start
        self.waited += time.perf_counter() - start

    def flush(self) -> None:
        """Send the paths that wait in the build now (tests; the build need not)."""
        self._send()
        self._last_send = time.perf_counter()

    def _send(self) -> None:
        try:
            del self._pending[:os.write(self._fd, self._pending)]
        except (BlockingIOError, BrokenPipeError):
            pass  # full: sent with the next paths; gone: finish() reports it

    @property
    def checked_so_far(self) -> int:
        """Files the guard process has checked beside the build until now."""
        return self._progress.value

    def finish(self) -> Report:
        """The whole site is written: the guard's report on every file of it."""
        start = time.perf_counter()
        self._stop.value = 1
        try:
            os.set_blocking(self._fd, True)
            self._pending += _SEP  # the empty path: nothing more will be written
            while self._pending:
                del self._pending[:os.write(self._fd, self._pending)]
            os.close(self._fd)
            self._fd = -1
            while not self._results.poll(0.2):
                if not self._proc.is_alive() and not self._results.poll(0):  # it may just have sent
                    raise EOFError
            status, result, basis = self._results.recv()
        except (EOFError, OSError) as exc:
            raise GuardProcessFailed("De labelcontrole is onverwacht gestopt; de site is daarom niet "
                                     f"gepubliceerd. Bouw opnieuw. ({type(exc).__name__})") from exc
        finally:
            self.close(wait=True)
        if status != "ok":
            raise GuardProcessFailed("De labelcontrole is onverwacht gestopt; de site is daarom niet "
                                     f"gepubliceerd. Technische melding:\n{result}")
        if basis != fingerprint(self._dossiers):
            # A plugin changed a dossier after the guard process built its index: its
            # verdicts may be stale, so check the finished site again, as after a build.
            result = check_output(Path(self.folder), self._dossiers, jobs=self.jobs)
        result.seconds = self.waited + time.perf_counter() - start
        return result

    def close(self, wait: bool = False) -> None:
        """Free everything; without ``wait`` (a build that failed before its end) the
        guard process is stopped at once."""
        if self._fd != -1:
            os.close(self._fd)
            self._fd = -1
        self._results.close()
        if wait:
            self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()


def _serve(dossiers, folder: str, jobs: int, read_fd: int, write_fd: int, stop, progress, results) -> None:
    """The guard process: check written files until the build ends, then sweep."""
    os.close(write_fd)  # else the pipe never reports its end
    try:
        os.nice(NICE)
    except OSError:
        pass
    gc.disable()  # the guard makes no reference cycles worth collecting
    try:
        message = ("ok", *_work(dossiers, folder, jobs, read_fd, stop, progress))
    except BaseException:  # noqa: BLE001 - reported to the build, which fails
        message = ("error", traceback.format_exc(), None)
    try:
        results.send(message)
        results.close()
    except OSError:
        pass  # the build stopped waiting (it failed elsewhere)


def _relative(path: str, folder: str) -> str | None:
    rel = os.path.relpath(os.path.abspath(path), folder)
    if rel.startswith(".." + os.sep) or rel == ".." or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def _work(dossiers, folder: str, jobs: int, read_fd: int, stop, progress) -> tuple[Report, int]:
    """(the report on the finished site, the fingerprint of the dossiers it used)."""
    index = DossierIndex(dossiers)
    basis = fingerprint(index.by_id.values())
    index_cpu = time.process_time()
    done: dict[str, tuple[bytes, list, str]] = {}  # rel -> (digest, violations, "checked"/"skipped")
    rest, ended = b"", False
    with os.fdopen(read_fd, "rb", buffering=0) as pipe:
        while not ended:
            data = pipe.read(1 << 16)
            if not data:
                raise RuntimeError("de bouw stopte zonder het einde te melden")
            *paths, rest = (rest + data).split(_SEP)
            for raw_rel in paths:
                if not raw_rel:
                    ended = True
                    break
                if stop.value:
                    continue  # the build is done: the sweep checks these, on every core
                rel = os.fsdecode(raw_rel)
                path = os.path.join(folder, rel)
                try:
                    raw = _read(path)
                except OSError:
                    continue  # removed again: the sweep goes by what is there at the end
                violations, status = check_file(path, rel, index, raw)
                done[rel] = (_digest(raw), violations, status)
                progress.value += 1
    early_cpu = time.process_time()
    report = _sweep(Path(folder), index, done, jobs)
    report.index_cpu_seconds = index_cpu
    report.early_cpu_seconds = early_cpu - index_cpu
    return report, basis


def _sweep(folder: Path, index: DossierIndex, done: dict, jobs: int) -> Report:
    """Every file of the finished site, by this process and ``jobs - 1`` helpers."""
    files = list(_files(folder))
    chunks = _chunks(files, jobs, index) if jobs > 1 else [files]
    counter = multiprocessing.get_context("fork").Value("i", 0)  # next chunk to take
    helpers = []
    for _ in range(min(jobs, len(chunks)) - 1):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # a helper: inherits the index, the caches and what was checked early
            try:
                os.close(read_fd)
                try:
                    out = ("ok", _take(chunks, counter, index, done), time.process_time())
                except BaseException:  # noqa: BLE001
                    out = ("error", traceback.format_exc(), 0.0)
                with os.fdopen(write_fd, "wb") as f:
                    pickle.dump(out, f)
            finally:
                os._exit(0)  # never run the guard process's own code on
        os.close(write_fd)
        helpers.append((pid, read_fd))
    parts = [_take(chunks, counter, index, done)]
    cpu = time.process_time()
    for pid, read_fd in helpers:
        with os.fdopen(read_fd, "rb") as f:
            data = f.read()
        os.waitpid(pid, 0)
        status, part, helper_cpu = pickle.loads(data) if data else ("error", "hulpproces gestopt", 0.0)
        if status != "ok":
            raise RuntimeError(part)
        parts.append(part)
        cpu += helper_cpu
    found = {rel: result for part in parts for rel, result in part.items()}
    report = Report(jobs=len(helpers) + 1, cpu_seconds=cpu, background=True)
    for _, rel in files:
        violations, status, early = found.get(rel, ([], "", False))
        report.violations += violations
        report.checked += status == "checked"
        report.skipped += status == "skipped"
        report.early += early
    return report


def _take(chunks: list, counter, index: DossierIndex, done: dict) -> dict[str, tuple[list, str, bool]]:
    """Check chunks until none is left: rel -> (violations, status, checked early)."""
    out: dict[str, tuple[list, str, bool]] = {}
    while True:
        with counter.get_lock():
            number = counter.value
            counter.value += 1
        if number >= len(chunks):
            return out
        for path, rel in chunks[number]:
            known, raw = done.get(rel), None
            if known is not None:
                raw = _read(path)
                if _digest(raw) == known[0]:
                    out[rel] = (known[1], known[2], True)
                    continue
            # Not checked early, or changed since; a file the guard does not read is not read here.
            violations, status = check_file(path, rel, index, raw)
            if status:
                out[rel] = (violations, status, False)
