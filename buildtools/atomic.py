"""Replace a published folder only when the new one is complete.

A build writes into a fresh temporary folder next to the target. Only when the
build (and every check after it) succeeded is the old folder swapped out, with two
renames on the same file system. A failed build therefore never leaves a
half-written site where the last good one was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """A new empty folder beside ``target`` to build into."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-", dir=target.parent))


def swap_into_place(staged: Path, target: Path) -> None:
    """Move ``staged`` to ``target``; the previous ``target`` is removed afterwards."""
    target = Path(target).resolve()
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-oud-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    Path(staged).rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
