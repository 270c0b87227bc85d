"""The Pagefind step of the build: indexes only dossier pages, fails loudly."""

from __future__ import annotations

import json

import pytest

from buildtools import search

DOSSIER = """<!DOCTYPE html><html lang="nl"><head><title>{titel}</title></head><body>
<nav data-pagefind-ignore="all">Hoofdmenu</nav>
<article data-pagefind-body data-pagefind-filter="jaar:{jaar}">
<h1 data-pagefind-meta="title">{titel}</h1>
<p data-pagefind-filter="status">{status}</p>
<a href="x.html" data-pagefind-filter="onderwerp">Groen en bomen</a>
<p>De bomen langs de Stationslaan zijn ziek.</p></article></body></html>"""


def test_indexes_only_pages_marked_as_dossier(tmp_path):
    (tmp_path / "dossiers").mkdir()
    (tmp_path / "dossiers" / "a.html").write_text(
        DOSSIER.format(titel="Voorstel aan de raad: Bomen", jaar=2026, status="Voorstel, nog niet besloten"))
    (tmp_path / "dossiers" / "b.html").write_text(
        DOSSIER.format(titel="Besluit: Fietspad", jaar=2024, status="Besluit: aangenomen"))
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html lang='nl'><body><h1>Home</h1></body></html>")

    bundle = search.index(tmp_path)

    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == 2
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "pagefind-ui.css").is_file()
    assert len(list((bundle / "filter").iterdir())) >= 1


def test_fails_with_a_dutch_message_when_nothing_to_index(tmp_path):
    with pytest.raises(search.SearchIndexError, match="zoekindex"):
        search.index(tmp_path)


def test_build_runs_the_search_step():
    import tasks

    assert search.index in tasks.POST_BUILD_STEPS
