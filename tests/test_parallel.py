"""fork_map gives what a plain loop gives, in order, in workers or not."""

import os

from raadsinfo.parallel import fork_imap, fork_map, shared


def _square_plus_shared(i: int) -> tuple[int, int]:
    return i * i + shared(), os.getpid()


def test_fork_map_equals_a_loop_and_really_forks():
    items = list(range(40))
    in_process = fork_map(_square_plus_shared, items, shared=3, min_items=1000)
    forked = fork_map(_square_plus_shared, items, shared=3, min_items=1, jobs=2)
    assert [r for r, _ in in_process] == [i * i + 3 for i in items]
    assert [r for r, _ in forked] == [r for r, _ in in_process]
    assert {pid for _, pid in in_process} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in forked}
    assert shared() is None


def test_fork_imap_yields_in_order_while_the_workers_run():
    items = list(range(200))
    it = fork_imap(_square_plus_shared, items, shared=5, min_items=1, jobs=2)
    first = next(it)  # available before the rest is computed, and from a worker
    assert first[0] == 5 and first[1] != os.getpid()
    assert shared() == 5  # still running
    assert [first[0]] + [r for r, _ in it] == [i * i + 5 for i in items]
    assert shared() is None


def test_a_build_with_forked_workers_writes_exactly_the_same_site(tmp_path):
    """Force every fork_map of the build into workers; the output must not change."""
    import filecmp
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]

    def build(out: Path, parallel_from: str) -> None:
        env = {**os.environ, "RAADSINFO_TODAY": "2026-11-27", "RAADSINFO_PARALLEL_FROM": parallel_from}
        result = subprocess.run([sys.executable, "-m", "pelican", str(root / "content"), "-s",
                                 str(root / "pelicanconf.py"), "-o", str(out), "--fatal", "errors"],
                                cwd=root, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr

    build(tmp_path / "serial", "1000000")
    build(tmp_path / "forked", "1")
    files = sorted(str(p.relative_to(tmp_path / "serial")) for p in (tmp_path / "serial").rglob("*") if p.is_file())
    assert len(files) > 200
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "serial", tmp_path / "forked", files, shallow=False)
    assert not mismatch and not errors, (mismatch, errors)


def test_loader_reports_the_same_problems_with_forked_workers(tiny_site, monkeypatch):
    from raadsinfo.loader import load_site
    from raadsinfo.problems import RecordsInvalid

    content = tiny_site(voorstel={"title": "x"}, files={
        "besluiten/2024-099.md": tiny_site.besluit(voorstel="2024-099"),
        "voorstellen/2024-011-leeg.md": "",
        "voorstellen/2024-012-tab.md": "---\nid: \"2024-012\"\n\ttitel: x\n---\n",
    })

    def report(parallel_from: str) -> str:
        monkeypatch.setenv("RAADSINFO_PARALLEL_FROM", parallel_from)
        try:
            load_site(content, today=__import__("datetime").date(2026, 11, 27))
        except RecordsInvalid as exc:
            return exc.problems.report()
        raise AssertionError("the site has errors")

    serial = report("1000000")
    assert serial.count("\n") >= 3
    assert report("1") == serial


class _Writer:
    """Stands in for Pelican's writer: renders with the page's context, records where."""

    def __init__(self):
        self.written = []

    def write_file(self, name, template, context, **kwargs):
        self.written.append((name, template.render({**context, **kwargs}), os.getpid()))


class _Template:
    def render(self, context):
        return f"{context['x']}-{os.getpid()}"


class _Broken:
    def render(self, context):
        raise ValueError("sjabloon kapot")


def test_pages_are_rendered_in_workers_and_written_in_order_by_the_main_process():
    from dossiers.parallel_pages import Page, write_pages

    writer = _Writer()
    pages = [Page(f"p{i}.html", _Template(), {"x": i}) for i in range(60)]
    write_pages(writer, {}, pages, min_items=1)
    assert [name for name, _, _ in writer.written] == [p.name for p in pages]
    assert [html.split("-")[0] for _, html, _ in writer.written] == [str(i) for i in range(60)]
    assert all(html.split("-")[1] != str(os.getpid()) for _, html, _ in writer.written)  # rendered in a worker
    assert {pid for _, _, pid in writer.written} == {os.getpid()}  # written here, through the writer


def test_an_error_while_rendering_in_a_worker_fails_the_build():
    import pytest
    from dossiers.parallel_pages import Page, write_pages

    with pytest.raises(ValueError, match="sjabloon kapot"):
        write_pages(_Writer(), {}, [Page(f"p{i}.html", _Broken()) for i in range(60)], min_items=1)
    assert shared() is None
