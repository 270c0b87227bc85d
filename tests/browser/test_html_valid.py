"""Every HTML page of the built sample site passes the Nu Html Checker (vnu.jar, pinned).

vnu.jar is not in the repository (about 30 MB): ``.ci/run`` installs the pinned version
with ``python -m buildtools.vnu install``. Locally the test skips when it is missing;
under CI=true it fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from buildtools import vnu

from .conftest import missing_tool

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="session")
def vnu_cmd() -> list[str]:
    jar = vnu.locate()
    if jar is None:
        missing_tool(f"vnu.jar {vnu.VERSION} niet gevonden (installeer: python -m buildtools.vnu install)")
    java = shutil.which("java")
    if java is None:
        missing_tool("java niet gevonden (apt-get install default-jre-headless)")
    return [java, "-jar", str(jar), "--errors-only", "--format", "json"]


def _errors(cmd: list[str], files) -> list[dict]:
    """One vnu run over all ``files``; the error messages it reports."""
    done = subprocess.run([*cmd, *map(str, files)], capture_output=True, text=True, timeout=300)
    report = json.loads(done.stderr or done.stdout or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def test_every_page_is_valid_html(vnu_cmd, sample_site, tmp_path):  # checker first: fail fast
    pages = sorted(sample_site.rglob("*.html"))
    assert len(pages) > 10, f"te weinig pagina's gebouwd: {pages}"
    # A canary page without <title>, checked in the same run: proves the checker reports errors.
    canary = tmp_path / "kanarie.html"
    canary.write_text('<!DOCTYPE html><html lang="nl"><head></head><body><p>x</p></body></html>')

    errors = _errors(vnu_cmd, [*pages, canary])
    site_errors = [m for m in errors if not m.get("url", "").endswith("/kanarie.html")]
    assert len(site_errors) < len(errors), "vnu meldde geen fout in een ongeldige pagina: werkt de checker wel?"
    lines = [f"{m.get('url', '?').split(str(sample_site))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
             for m in site_errors]
    assert not site_errors, f"{len(site_errors)} fouten volgens de Nu Html Checker:\n" + "\n".join(lines[:50])
