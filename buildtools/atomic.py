"""Replace a built folder (``output/``) only when the new one is complete.

A build writes into a fresh staging folder next to the target. Only when the build
(and every check after it) succeeded is the old folder swapped out. A failed build
therefore never leaves a half-written site where the last good one was.

Why each piece is here:

* **One exchange, no gap.** On Linux the staging folder and the target are swapped
  with one ``renameat2(RENAME_EXCHANGE)`` call, so ``output/`` always exists. Where
  that call is missing (another OS, a file system without it) two renames are used,
  with signals blocked in between so that Ctrl+C cannot land in the gap.
* **World-readable.** ``tempfile.mkdtemp`` makes a 0700 folder and a strict umask
  makes 0600 files; a web server running as another user could then read nothing.
  :func:`make_world_readable` sets 0755 on folders and 0644 on files before the swap.
* **A lock.** Two builds of the same folder (``invoke livereload`` and a manual
  ``invoke build``) would swap over each other and clean up each other's staging
  folder. :func:`locked` serialises them with ``flock`` on the parent folder (no
  lock file is left behind); the second one waits.
* **Leftovers.** A build killed with SIGKILL or a power cut leaves its staging
  folder behind; the next build (holding the lock, so nothing else is using them)
  removes them, and puts the previous site back if a crash hit between two renames.
* **Stopping the build.** :func:`run` starts the build program in its own process
  group and stops the whole group (Pelican's worker processes too) when Ctrl+C or
  SIGTERM interrupts the task, so nothing keeps writing into a folder being removed.

``buildtools/publish.py`` builds on these pieces for the public site, which uses
releases and a symlink instead of swapping folders.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DIR_MODE = 0o755
FILE_MODE = 0o644

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def _new_prefix(target: Path) -> str:
    return f".{target.name}-nieuw-"


def _old_prefix(target: Path) -> str:
    return f".{target.name}-oud-"


def staging_dir(target: Path) -> Path:
    """A new empty folder beside ``target`` to build into."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=_new_prefix(target), dir=target.parent))


def make_world_readable(root: Path) -> None:
    """Folders 0755, files 0644 under ``root`` (itself included), whatever the umask.

    Symlinks are skipped: ``chmod`` would follow them to whatever they point at.
    """
    root = Path(root)
    os.chmod(root, DIR_MODE)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, DIR_MODE)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


@contextmanager
def signals_blocked() -> Iterator[None]:
    """Hold back Ctrl+C, SIGTERM and SIGHUP for a few system calls that must not be split."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False when this system cannot do that."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_into_place(staged: Path, target: Path) -> None:
    """Put ``staged`` where ``target`` is; the previous ``target`` is removed afterwards."""
    staged, target = Path(staged), Path(target).resolve()
    make_world_readable(staged)
    with signals_blocked():
        if target.is_dir() and not target.is_symlink() and exchange(staged, target):
            old = staged  # the exchange left the previous site under the staging name
        else:
            old = None
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=_old_prefix(target), dir=target.parent))
                old.rmdir()
                target.rename(old)
            staged.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """Only one build of ``target`` at a time; a second one waits for the first.

    The lock is ``flock`` on the parent folder itself, so no lock file appears next to
    ``output/``; the lock goes away with the process, even after SIGKILL.
    """
    parent = Path(target).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Er loopt al een bouw van {Path(target).name}/. Even wachten tot die klaar is ...",
                  file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def clean_leftovers(target: Path) -> list[Path]:
    """Remove staging folders of builds that crashed; call this while holding :func:`locked`.

    If a crash hit between the two renames of the fallback swap, ``target`` is missing
    and the last good site is in an ``-oud-`` folder: that one is put back first.
    """
    target = Path(target).resolve()
    if not target.parent.is_dir():
        return []
    pattern = re.compile(re.escape(_new_prefix(target)) + "|" + re.escape(_old_prefix(target)))
    found = [p for p in target.parent.iterdir()
             if pattern.match(p.name) and p.is_dir() and not p.is_symlink()]
    old = sorted((p for p in found if p.name.startswith(_old_prefix(target))), key=lambda p: p.stat().st_mtime)
    if old and not os.path.lexists(target):
        old[-1].rename(target)
        found.remove(old[-1])
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


def run(cmd: list[str], cwd: Path, log: list[str] | None = None) -> int:
    """Run ``cmd`` in its own process group and return its exit code.

    When ``log`` is a list, the program's output is shown as usual and also kept there
    (``invoke livereload`` puts it on its error page). On any exception while waiting
    (Ctrl+C, SIGTERM turned into an exception) the whole group is stopped before the
    exception goes on, so no worker process keeps writing into the staging folder.
    """
    capture = log is not None
    proc = subprocess.Popen(cmd, cwd=cwd, start_new_session=True,
                            stdout=subprocess.PIPE if capture else None,
                            stderr=subprocess.STDOUT if capture else None,
                            text=capture or None, encoding="utf-8" if capture else None,
                            errors="replace" if capture else None)
    try:
        if capture:
            for line in proc.stdout:
                sys.stdout.write(line)
                log.append(line)
            proc.stdout.close()
        return proc.wait()
    except BaseException:
        stop_group(proc)
        raise


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group, SIGKILL after five seconds, then wait for the leader."""
    for sig, grace in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        try:  # the leader is gone; make sure its workers are too
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        break
