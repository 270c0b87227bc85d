"""Locate (and if asked, install) the pinned Nu Html Checker, ``vnu.jar``.

The checker comes from the npm package ``vnu-jar`` (about 30 MB), so it is not kept in
the repository: ``.ci/run`` installs it into a cache folder with
``python -m buildtools.vnu install``; the tests find it with :func:`locate`.
``VNU_JAR`` (a path to vnu.jar) overrides the cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "26.9.27"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "raadsinfo" / f"vnu-jar-{VERSION}"


def locate() -> Path | None:
    """The vnu.jar to use, or None when it is not installed."""
    override = os.environ.get("VNU_JAR")
    if override:
        return Path(override) if Path(override).is_file() else None
    jar = cache_dir() / "vnu.jar"
    return jar if jar.is_file() else None


def install() -> Path:
    """Fetch ``vnu-jar@VERSION`` with ``npm pack`` and unpack vnu.jar into the cache."""
    jar = cache_dir() / "vnu.jar"
    if jar.is_file():
        return jar
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is nodig om vnu.jar te installeren (apt-get install npm).")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([npm, "pack", "--silent", f"vnu-jar@{VERSION}"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        with tarfile.open(Path(tmp) / f"vnu-jar-{VERSION}.tgz") as tgz:
            member = tgz.extractfile("package/build/dist/vnu.jar")
            if member is None:
                raise SystemExit(f"vnu-jar@{VERSION} bevat geen vnu.jar.")
            jar.parent.mkdir(parents=True, exist_ok=True)
            partial = jar.with_suffix(".part")
            partial.write_bytes(member.read())
            partial.rename(jar)
    return jar


if __name__ == "__main__":
    if sys.argv[1:] == ["install"]:
        print(install())
    elif sys.argv[1:] == ["locate"]:
        found = locate()
        print(found or "vnu.jar niet gevonden")
        sys.exit(0 if found else 1)
    else:
        raise SystemExit("gebruik: python -m buildtools.vnu install|locate")
