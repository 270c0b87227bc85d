"""Light pages: a dossier page with everything it loads is at most 50 KB gzip, all from the site itself.

Measured in Chromium: every request the page makes is recorded, must go to the local
test server (no third parties), and the files are gzip-compressed (level 6, what web
servers use by default) to get the transferred size. The figure is always printed.
"""

from __future__ import annotations

import gzip
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LIMIT = 50 * 1024


def _gzip_size(path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def test_dossier_pages_are_light_and_first_party(page, sample, sample_site, site_url, capsys):
    heaviest = (0, "", {})
    for d in sample.dossiers:
        page.requested.clear()
        page.goto(f"/{d.url}", wait_until="load")  # after the load event: CSS, fonts and images are in
        foreign = [u for u in page.requested if not u.startswith(site_url + "/")]
        assert not foreign, f"verzoeken buiten de site op {d.url}: {foreign}"
        sizes = {}
        for url in dict.fromkeys(page.requested):
            path = sample_site / urlsplit(url).path.lstrip("/")
            sizes[urlsplit(url).path] = _gzip_size(path)
        total = sum(sizes.values())
        if total > heaviest[0]:
            heaviest = (total, d.url, sizes)

    total, url, sizes = heaviest
    detail = ", ".join(f"{p} {s / 1024:.1f} KB" for p, s in sizes.items())
    with capsys.disabled():  # always shown, also in a quiet `make test`
        print(f"\nZwaarste dossierpagina: {url}: {total / 1024:.1f} KB gzip ({detail}); grens 50 KB")
    assert set(sizes) >= {f"/{url}"} and any(p.endswith(".css") for p in sizes), sizes
    assert total <= LIMIT, f"{url} weegt {total / 1024:.1f} KB gzip, meer dan 50 KB: {detail}"
