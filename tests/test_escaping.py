"""Record texts are text, never markup: titles with <, & and quotes survive intact.

Jinja autoescaping is on (pelicanconf.JINJA_ENVIRONMENT). Without it a title such as
'Geluid < 60 dB & "stilte"' would become markup and break the meta attributes.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

TITEL = 'Geluid <b>onder</b> 60 dB & "stilte" op de Boulevard'


def test_title_with_markup_characters_is_escaped_everywhere(tiny_site, pelican_build, tmp_path):
    content = tiny_site(voorstel={"titel": TITEL}, besluit=False)
    out = tmp_path / "out"
    result = pelican_build(content, out)
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((out / "dossiers" / "2024-010.html").read_text(encoding="utf-8"), "lxml")
    assert soup.h1.get_text(" ", strip=True) == f"Voorstel aan de raad: {TITEL}"
    assert soup.h1.find("b") is None, "the title must not become markup"
    og = soup.find("meta", attrs={"property": "og:title"})["content"]
    assert og.startswith(f"Voorstel aan de raad: {TITEL}")
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "lxml")
    entry = home.select_one('[data-dossier="2024-010"][data-role="entry"]')
    assert TITEL in entry.get_text(" ", strip=False)
    assert entry.find("b") is None
