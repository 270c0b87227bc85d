"""Parallel Markdown rendering gives exactly what one process gives, in order."""

from dossiers.markdown_render import render_all

SETTINGS = {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"}


def test_parallel_rendering_equals_sequential():
    table = "| a | b |\n|---|---|\n| {i} | x |"
    texts = [f"## Kop {i}\n\nTekst *{i}* met [link](https://voorbeeld.example/{i}).\n\n" + table.format(i=i)
             for i in range(120)] + [""]
    sequential = render_all(texts, SETTINGS, jobs=1)
    assert sequential[0].startswith("<h3>Kop 0</h3>")  # sanitised: a body heading sits under the h2
    assert "<table>" in sequential[5] and sequential[-1] == ""
    assert render_all(texts, SETTINGS, jobs=2) == sequential
