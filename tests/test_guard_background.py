"""The guard beside the build (guard.background): the same verdict as the check after
the build, on the finished files, however far it got while the build was writing.

Unit tests drive :class:`guard.background.Background` on a folder of hand-written
outputs and compare its report with :func:`guard.check_output` on the same folder;
build tests run Pelican with the guard beside the build forced on, including a plugin
that rewrites a checked page after the guard saw it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from guard import background, check_output
from guard.background import Background, GuardProcessFailed
from guard_helpers import Spec, build, settings_file, write_site
from test_guard import DONE, INDEX, OPEN, atom, card, ics, listing, page

GOOD_PAGE = page()
BAD_PAGE = page(title="Besluit: Nieuwe sporthal aan de Haven")

FILES = {
    "dossiers/2026-040.html": GOOD_PAGE,
    "dossiers/2026-041.html": page(dossier=DONE),
    "onderwerpen/sport.html": listing(card(OPEN, extra="De raad heeft besloten: bouwen."), card(DONE)),
    "index.html": listing(card(OPEN), card(DONE)),
    "feeds/alles.atom.xml": atom("Besluit: Nieuwe sporthal aan de Haven", "Tekst."),
    "agenda/dossier/2026-040.ics": ics("Voorstel aan de raad: Nieuwe sporthal aan de Haven"),
    "agenda/vergaderingen.ics": ics("Nieuwe sporthal aan de Haven"),
    "theme/voorbeeld.html": BAD_PAGE,  # a folder the guard skips, as check_output does
    "leesmij.txt": b"Besluit: Nieuwe sporthal aan de Haven",
}


def _site(folder: Path, files: dict[str, bytes] = FILES) -> Path:
    for rel, raw in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    return folder


def _key(report):
    return ([(v.file, v.element, v.dossier, v.text, v.reason) for v in report.violations],
            report.checked, report.skipped)


@pytest.fixture()
def started():
    """Start guard processes; any a test leaves running is stopped at its end."""
    made: list[Background] = []

    def start(folder: Path, jobs: int = 1, dossiers=None) -> Background:
        made.append(Background(dossiers or [OPEN, DONE], folder, jobs))
        return made[-1]

    yield start
    for bg in made:
        bg.close()


def _until_checked(bg: Background, n: int, timeout: float = 30.0) -> None:
    """Wait until the guard process has checked ``n`` files beside the "build"."""
    bg.flush()  # paths go out in batches
    end = time.monotonic() + timeout
    while bg.checked_so_far < n:
        assert time.monotonic() < end, f"the guard process checked {bg.checked_so_far} of {n} files"
        time.sleep(0.01)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("signalled", ["none", "some", "all"])
def test_same_report_as_the_check_after_the_build(tmp_path, jobs, signalled, started):
    folder = _site(tmp_path / "out")
    expected = check_output(folder, None, INDEX, jobs=1)
    assert len(expected.violations) >= 3  # the listing, the feed, the meeting calendar
    bg = started(folder, jobs)
    names = {"none": [], "some": ["dossiers/2026-040.html", "feeds/alles.atom.xml"], "all": list(FILES)}[signalled]
    for rel in names:
        bg.written(folder / rel)
    checkable = [rel for rel in names if not rel.startswith("theme/") and rel.endswith((".html", ".xml", ".ics"))]
    _until_checked(bg, len(checkable))
    report = bg.finish()
    assert _key(report) == _key(expected)
    assert report.background and report.early == len(checkable)
    assert report.jobs == min(jobs, 2) and report.cpu_seconds > 0
    assert "al tijdens het schrijven gecontroleerd" in report.summary()


def test_a_page_changed_after_it_was_checked_is_checked_again(tmp_path, started):
    """A plugin may rewrite a page after the build reported it: only final bytes count."""
    folder = _site(tmp_path / "out")
    bg = started(folder, 2)
    bg.written(folder / "dossiers/2026-040.html")
    _until_checked(bg, 1)
    (folder / "dossiers/2026-040.html").write_bytes(BAD_PAGE)  # no signal, as a post-processor would
    report = bg.finish()
    assert any(v.file == "dossiers/2026-040.html" and v.element == "<title>" for v in report.violations)
    assert report.early == 0
    assert _key(report) == _key(check_output(folder, None, INDEX, jobs=1))


def test_a_page_fixed_after_it_was_checked_passes(tmp_path, started):
    folder = _site(tmp_path / "out", {**FILES, "dossiers/2026-040.html": BAD_PAGE})
    bg = started(folder, 1)
    bg.written(folder / "dossiers/2026-040.html")
    _until_checked(bg, 1)
    (folder / "dossiers/2026-040.html").write_bytes(GOOD_PAGE)
    report = bg.finish()
    assert not [v for v in report.violations if v.file == "dossiers/2026-040.html"]


def test_removed_files_do_not_count_and_unreported_files_are_checked(tmp_path, started):
    folder = _site(tmp_path / "out", {**FILES, "oud.html": BAD_PAGE})
    bg = started(folder, 2)
    bg.written(folder / "oud.html")
    _until_checked(bg, 1)
    (folder / "oud.html").unlink()
    (folder / "nieuw.html").write_bytes(BAD_PAGE)  # written without a signal
    report = bg.finish()
    files = {v.file for v in report.violations}
    assert "oud.html" not in files and "nieuw.html" in files
    assert _key(report) == _key(check_output(folder, None, INDEX, jobs=1))


def test_paths_outside_the_site_or_in_skipped_folders_are_not_sent(tmp_path, started):
    folder = _site(tmp_path / "out")
    elsewhere = _site(tmp_path / "elders", {"x.html": BAD_PAGE})
    bg = started(folder, 1)
    bg.written(elsewhere / "x.html")
    bg.written(folder / "theme" / "voorbeeld.html")
    bg.written(folder / "leesmij.txt")
    assert bg.sent == 0
    report = bg.finish()
    assert _key(report) == _key(check_output(folder, None, INDEX, jobs=1))


def test_many_paths_never_block_the_build(tmp_path, started):
    """More paths than the pipe holds wait in the build; all of them are checked."""
    folder = _site(tmp_path / "out")
    bg = started(folder, 1)
    start = time.perf_counter()
    for _ in range(40_000):  # about 1 MB of paths, while the guard process is busy
        bg.written(folder / "dossiers/2026-040.html")
    assert time.perf_counter() - start < 20
    report = bg.finish()
    assert _key(report) == _key(check_output(folder, None, INDEX, jobs=1))


def test_a_guard_process_that_died_fails_the_build(tmp_path, started):
    folder = _site(tmp_path / "out")
    bg = started(folder, 1)
    bg._proc.kill()
    bg._proc.join()
    with pytest.raises(GuardProcessFailed, match="niet gepubliceerd"):
        bg.finish()


def test_an_error_in_the_guard_process_fails_the_build_with_its_cause(tmp_path, monkeypatch, started):
    folder = _site(tmp_path / "out")

    def broken(*args, **kwargs):
        raise ValueError("kapotte controle")

    monkeypatch.setattr(background, "check_file", broken)  # inherited by the forked process
    bg = started(folder, 2)
    with pytest.raises(GuardProcessFailed, match="kapotte controle"):
        bg.finish()


def test_close_stops_the_guard_process_of_a_build_that_failed(tmp_path, started):
    bg = started(_site(tmp_path / "out"), 2)
    bg.close()
    assert not bg._proc.is_alive() and bg._proc.exitcode is not None


# ---------------------------------------------------------------- real builds

SPECS = [
    Spec("2026-201", "Nieuwe sporthal aan de Haven"),
    Spec("2026-202", "Bomen langs de Stationslaan vervangen", "verworpen", onderwerpen=("groen",)),
    Spec("2026-203", "Parkeren in Hierden", "hamerstuk", onderwerpen=("verkeer",)),
]

REWRITER = '''
"""A plugin that rewrites a written page after the build reported it (as a minifier
or a post-processor might), without telling anyone."""
from pathlib import Path
from pelican import signals

def _rewrite(pelican):
    page = Path(pelican.output_path) / "dossiers" / "2026-201.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<title>Voorstel aan de raad: ", "<title>Besluit: ", 1), encoding="utf-8")

def register():
    signals.finalized.connect(_rewrite)
'''


@pytest.fixture()
def beside_the_build(monkeypatch):
    monkeypatch.setenv("RAADSINFO_GUARD_BACKGROUND", "1")
    monkeypatch.setenv("RAADSINFO_GUARD_JOBS", "2")


def test_build_with_the_guard_beside_it(tmp_path, beside_the_build):
    content = write_site(tmp_path / "content", SPECS)
    result = build(content, tmp_path / "out", settings_file(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    m = re.search(r"Labelcontrole: (\d+) bestanden gecontroleerd, \d+ overgeslagen; de bouw wachtte [\d.]+ s "
                  r"op de controle \(CPU [\d.]+ s, waarvan [\d.]+ s naast de bouw; (\d+) bestanden al tijdens "
                  r"het schrijven gecontroleerd; aan het eind 2 processen\), 0 fouten", result.stderr)
    assert m, result.stderr[-2000:]
    assert int(m.group(1)) > 5


def test_a_page_rewritten_after_the_guard_saw_it_fails_the_build(tmp_path, beside_the_build):
    content = write_site(tmp_path / "content", SPECS)
    plugins = tmp_path / "extra_plugins"
    (plugins / "rewriter").mkdir(parents=True)
    (plugins / "rewriter" / "__init__.py").write_text(REWRITER, encoding="utf-8")
    extra = (f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]\n"
             "PLUGINS = [p for p in PLUGINS if p != 'guard'] + ['rewriter', 'guard']\n")
    result = build(content, tmp_path / "out", settings_file(tmp_path, extra=extra))
    assert result.returncode != 0
    assert "naast de bouw" in result.stderr  # it was the guard beside the build
    assert "dossiers/2026-201.html: <title>" in result.stderr and "Besluit:" in result.stderr
    assert "NIET gepubliceerd" in result.stderr


def test_small_sites_check_after_the_build_unless_asked(tmp_path, monkeypatch):
    from guard import _background_jobs

    monkeypatch.delenv("RAADSINFO_GUARD_BACKGROUND", raising=False)
    assert _background_jobs({}, 10) == 0
    assert _background_jobs({"GUARD_BACKGROUND_FROM": 5}, 10) >= 1
    monkeypatch.setenv("RAADSINFO_GUARD_BACKGROUND", "0")
    assert _background_jobs({}, 5000) == 0
    monkeypatch.setenv("RAADSINFO_GUARD_BACKGROUND", "1")
    assert _background_jobs({}, 10) >= 1


def test_dossiers_changed_during_the_build_are_checked_again_with_what_they_are_now(tmp_path, started):
    """The guard process built its index when the dossiers were loaded; a plugin that
    changes a dossier later must not make it judge by the old facts."""
    import dataclasses

    dossiers = [OPEN, DONE]
    folder = _site(tmp_path / "out", {"dossiers/2026-041.html": page(dossier=DONE)})
    bg = started(folder, 1, dossiers)
    bg.written(folder / "dossiers/2026-041.html")
    _until_checked(bg, 1)
    assert bg.finish().violations == []
    bg = started(folder, 1, dossiers)
    bg.written(folder / "dossiers/2026-041.html")
    _until_checked(bg, 1)
    # Now "decided" is no longer true: the page that called it a besluit is wrong.
    dossiers[1] = dataclasses.replace(DONE, label="voorstel", status="in behandeling",
                                      label_titel="Voorstel aan de raad: Bomen langs de Stationslaan vervangen")
    report = bg.finish()
    assert report.violations and all(v.dossier == "2026-041" for v in report.violations)
