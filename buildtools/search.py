"""Build the Pagefind search index on a freshly built site.

Runs as a post-build step (see ``POST_BUILD_STEPS`` in ``tasks.py``) on the staged
folder, so a failed indexing run leaves the published site untouched. Pagefind comes
from PyPI (``pagefind[bin]``), which ships the binary; no npm or CDN is needed.
Only dossier pages are indexed: ``dossier.html`` marks its article with
``data-pagefind-body`` and the filters (status, onderwerp, jaar).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: Folder (inside the site) that holds the index and Pagefind's own UI files.
BUNDLE_DIR = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is in Dutch for griffie staff."""


def index(site: Path) -> Path:
    """Index ``site`` in place and return the bundle folder."""
    site = Path(site)
    cmd = [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-subdir", BUNDLE_DIR,
        "--force-language", "nl",
        # The site links to ".../index.html" so that it also works from disk.
        "--keep-index-url",
        "--quiet",
    ]
    result = subprocess.run(cmd, capture_output=True, text=True)
    bundle = site / BUNDLE_DIR
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"De zoekindex (Pagefind) kon niet worden gemaakt.\n{detail}")
    return bundle
