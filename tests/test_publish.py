"""Publishing cannot destroy, readers never see a gap, and a failed livereload build shows itself.

Tried as a careless or hostile clerk would (issue 17): every refused target (empty,
``/``, ``.``, ``..``, the checkout and folders above it, home folders, a folder with
other files, a file, symlinks to all of these, odd characters), files made under
umask 077, two publishes at once, SIGTERM and Ctrl+C in the middle of a build,
leftovers of a crash, planted symlinks inside the target, rollback, and a reader that
keeps opening the site during many switches. The real ``invoke publish`` runs as a
subprocess with RAADSINFO_PUBLISH_TARGET in a temp folder and RAADSINFO_CONTENT on a
tiny site; no test touches a folder outside /tmp (the refusal tests check that the
checkout and its parent stay as they were).
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest
from conftest import PAGE, TinySite

import tasks
from buildtools import atomic, preview
from buildtools import publish as pub

ROOT = Path(__file__).resolve().parent.parent
INVOKE = Path(sys.executable).parent / "invoke"
VOORSTEL = "voorstellen/2024-010-speeltuin-drielanden.md"


# -- helpers -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return TinySite(tmp_path_factory.mktemp("publish-content"))()


def invoke(task: str, target: str | Path | None, content: Path, umask: int | None = None,
           **env: str) -> subprocess.CompletedProcess:
    """The real ``invoke <task>`` with RAADSINFO_PUBLISH_TARGET set (None: not set at all)."""
    full = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27", **env}
    full.pop("RAADSINFO_PUBLISH_TARGET", None)
    if target is not None:
        full["RAADSINFO_PUBLISH_TARGET"] = str(target)
    result = subprocess.run([str(INVOKE), task], cwd=ROOT, env=full, capture_output=True, text=True, timeout=300,
                            preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    result.output = result.stdout + result.stderr
    return result


def start(task: str, target: Path, content: Path) -> subprocess.Popen:
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27",
           "RAADSINFO_PUBLISH_TARGET": str(target)}
    return subprocess.Popen([str(INVOKE), task], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def tree(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder`` with its kind, mode and content (or link target)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            found[rel] = ("link", os.readlink(path))
        elif path.is_dir():
            found[rel] = ("dir", stat.S_IMODE(path.stat().st_mode))
        else:
            found[rel] = ("file", stat.S_IMODE(path.stat().st_mode), path.read_bytes())
    return found


def leftovers(target: Path) -> list[str]:
    names = [p.name for p in target.iterdir() if p.name.startswith(pub.LINK_PREFIX)]
    if (target / pub.RELEASES).is_dir():
        names += [p.name for p in (target / pub.RELEASES).iterdir()
                  if p.name.startswith((pub.STAGING_PREFIX, pub.GONE_PREFIX))]
    return names


def served(target: Path, page: str = "over-deze-site.html") -> str:
    return (target / pub.CURRENT / page).read_text(encoding="utf-8")


def assert_dutch_refusal(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert ("niets gepubliceerd" in result.output or "niets gedaan" in result.output
            or "niets veranderd" in result.output), result.output


ROOT_NAMES = set(os.listdir(ROOT))


def assert_checkout_untouched() -> None:
    """No publish files in the checkout, its parent or /; the checkout's entries are all still there."""
    for folder in (ROOT, ROOT.parent, Path("/"), Path.home()):
        for name in (pub.MARKER, pub.RELEASES, pub.CURRENT, pub.LOCK):
            assert not os.path.lexists(folder / name), folder / name
    assert {"tasks.py", "content", "raadsinfo", "pelicanconf.py"} <= set(os.listdir(ROOT))


# -- refusals: the rules (fast, no build) ------------------------------------------------------


@pytest.fixture
def layout(tmp_path):
    """A fake checkout with records, a home folder, and resolve(raw) with those as the rules' input."""
    root = tmp_path / "werk" / "checkout"
    for folder in ("content/voorstellen", "docs", "output"):
        (root / folder).mkdir(parents=True)
    (root / "tasks.py").write_text("# project\n")
    home = tmp_path / "home" / "anna"
    (home / "documenten").mkdir(parents=True)
    foreign = tmp_path / "andere-site"
    (foreign / ".well-known").mkdir(parents=True)
    (foreign / "index.html").write_text("een andere site\n")
    (tmp_path / "een-bestand").write_text("niet overschrijven\n")
    (tmp_path / "naar-root").symlink_to("/")
    (tmp_path / "naar-checkout").symlink_to(root)
    (tmp_path / "lus").symlink_to(tmp_path / "lus")
    marked = tmp_path / "al-gepubliceerd"
    marked.mkdir()
    (marked / pub.MARKER).write_text(pub.MARKER_TEXT)

    def resolve(raw):
        return pub.resolve_target(raw, root=root, content=root / "content", output=root / "output",
                                  homes=[("anna", home)])

    resolve.root, resolve.home, resolve.tmp = root, home, tmp_path
    return resolve


REFUSED = {
    "leeg": ("", "leeg"),
    "spaties": ("   ", "leeg"),
    "root": ("/", "hoofdmap van de computer"),
    "punt": (".", "projectmap zelf"),
    "punt-punt": ("..", "projectmap zelf of een map daarboven"),
    "twee hoger": ("../..", "projectmap zelf of een map daarboven"),
    "checkout absoluut": ("{root}", "projectmap zelf"),
    "checkout met slash": ("{root}/", "projectmap zelf"),
    "checkout via omweg": ("{root}/docs/../", "projectmap zelf"),
    "boven checkout": ("{root}/..", "daarboven"),
    "thuismap": ("{home}", "thuismap van gebruiker anna"),
    "boven thuismap": ("{home}/..", "thuismap van gebruiker anna"),
    "records": ("content", "map met de records"),
    "in records": ("content/site", "map met de records"),
    "output": ("output", "output/ van 'invoke build'"),
    "in output": ("output/site", "output/ van 'invoke build'"),
    "diep in checkout": ("docs/site", "diep in de projectmap"),
    "bestand in checkout": ("tasks.py", "een bestand, geen map"),
    "vreemde map": ("{tmp}/andere-site", "bevat bestanden die niet door 'invoke publish'"),
    "bestand": ("{tmp}/een-bestand", "een bestand, geen map"),
    "link naar root": ("{tmp}/naar-root", "hoofdmap van de computer"),
    "link naar checkout": ("{tmp}/naar-checkout", "projectmap zelf"),
    "kringverwijzing": ("{tmp}/lus", "kringverwijzing"),
    "in andere publicatiemap": ("{tmp}/al-gepubliceerd/releases/x", "binnen een andere publicatiemap"),
    "regeleinde": ("{tmp}/site\n", "onzichtbaar teken"),
    "nul-teken": ("{tmp}/si\x00te", "onzichtbaar teken"),
    "tekenrichting omgedraaid": ("{tmp}/\u202eetis", "onzichtbaar teken"),
    "onzichtbare spatie": ("{tmp}/si\u200bte", "onzichtbaar teken"),
    "spatie vooraan": (" {tmp}/site", "spatie"),
    "spatie achteraan": ("{tmp}/site ", "spatie"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_refused_targets(layout, case):
    raw, expected = REFUSED[case]
    raw = raw.format(root=layout.root, home=layout.home, tmp=layout.tmp)
    before = tree(layout.tmp)
    with pytest.raises(pub.PublishError) as refused:
        layout(raw)
    message = str(refused.value)
    assert expected in message
    assert "niets gepubliceerd" in message or "niets gedaan" in message or "niet aangeraakt" in message
    assert tree(layout.tmp) == before


def test_tilde_means_the_home_folder_and_is_refused(layout, monkeypatch):
    monkeypatch.setenv("HOME", str(layout.home))
    with pytest.raises(pub.PublishError, match="thuismap"):
        layout("~")
    assert layout("~/website") == layout.home / "website"


def test_none_is_refused(layout):
    with pytest.raises(pub.PublishError, match="leeg"):
        layout(None)


def test_accepted_targets(layout):
    empty = layout.tmp / "leeg"
    empty.mkdir()
    assert layout("public") == layout.root / "public"
    assert layout("../elders") == layout.root.parent / "elders"
    assert layout(str(layout.tmp / "nieuw" / "diep")) == layout.tmp / "nieuw" / "diep"
    assert layout(str(empty)) == empty
    assert layout(str(layout.tmp / "al-gepubliceerd")) == layout.tmp / "al-gepubliceerd"
    assert layout(str(layout.home / "website")) == layout.home / "website"
    assert not (layout.root / "public").exists()  # resolving never creates anything


def test_every_users_home_folder_is_protected():
    homes = dict(pub._homes())
    assert "root" in homes or os.geteuid() != 0
    assert Path.home() in homes.values()


def test_the_default_target_is_public_in_the_checkout(monkeypatch):
    import importlib

    import publishconf

    monkeypatch.delenv("RAADSINFO_PUBLISH_TARGET", raising=False)
    monkeypatch.delenv("RAADSINFO_PUBLISH_KEEP", raising=False)
    conf = importlib.reload(publishconf)
    try:
        assert conf.PUBLISH_TARGET == "public"
        assert pub.keep_count(conf.PUBLISH_RELEASES_KEPT) == 5
        assert conf.DELETE_OUTPUT_DIRECTORY is False
        assert pub.resolve_target(conf.PUBLISH_TARGET, root=ROOT, content=ROOT / "content",
                                  output=ROOT / "output") == ROOT / "public"
    finally:
        monkeypatch.undo()
        importlib.reload(publishconf)


@pytest.mark.parametrize("value", ["", "0", "1", "nul", "-3", "2.5", "100000"])
def test_keep_must_be_at_least_two(value):
    with pytest.raises(pub.PublishError, match="RAADSINFO_PUBLISH_KEEP"):
        pub.keep_count(value)


# -- refusals: the real command ----------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "/", ".", "..", "../..", str(ROOT), str(ROOT) + "/content", "output",
                                 "tasks.py", "~"])
def test_invoke_publish_refuses_and_touches_nothing(content, raw):
    result = invoke("publish", raw, content)
    assert_dutch_refusal(result)
    assert_checkout_untouched()


def test_invoke_publish_refuses_a_home_folder(content, tmp_path):
    home = tmp_path / "thuis"
    (home / "brieven").mkdir(parents=True)
    result = invoke("publish", home, content, HOME=str(home))
    assert_dutch_refusal(result)
    assert "thuismap" in result.output
    assert sorted(os.listdir(home)) == ["brieven"]


def test_invoke_publish_refuses_a_folder_with_other_files(content, tmp_path):
    foreign = tmp_path / "www"
    (foreign / ".well-known").mkdir(parents=True)
    (foreign / "index.html").write_text("de site van iemand anders\n")
    before = tree(foreign)
    result = invoke("publish", foreign, content)
    assert_dutch_refusal(result)
    assert "bevat bestanden die niet door 'invoke publish' zijn gemaakt" in result.output
    assert tree(foreign) == before


def test_invoke_publish_refuses_a_file(content, tmp_path):
    file = tmp_path / "site.html"
    file.write_text("inhoud\n")
    result = invoke("publish", file, content)
    assert_dutch_refusal(result)
    assert "een bestand, geen map" in result.output
    assert file.read_text() == "inhoud\n"


def test_invoke_rollback_refuses_the_same_targets(content, tmp_path):
    for raw in ("", "/", "..", str(ROOT)):
        result = invoke("rollback", raw, content)
        assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert_checkout_untouched()


def test_the_pages_workflows_publish_to_an_accepted_place_and_are_not_active():
    """deploy/*.yml run `invoke check` and `invoke publish` into a folder publish accepts."""
    import yaml

    github = yaml.safe_load((ROOT / "deploy" / "github-pages.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "invoke check" in runs and "invoke publish" in runs
    [publish_step] = [step for step in steps if "invoke publish" in step.get("run", "")]
    assert publish_step["env"]["RAADSINFO_PUBLISH_TARGET"] == "${{ runner.temp }}/site"
    [upload] = [step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "${{ runner.temp }}/site/current/"

    gitlab = yaml.safe_load((ROOT / "deploy" / "gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    target = gitlab["variables"]["RAADSINFO_PUBLISH_TARGET"]
    assert target == "$CI_PROJECT_DIR/publicatie"
    assert pub.resolve_target(target.replace("$CI_PROJECT_DIR", str(ROOT)), root=ROOT, content=ROOT / "content",
                              output=ROOT / "output") == ROOT / "publicatie"
    assert any("invoke publish" in line for line in gitlab["script"])
    assert gitlab["artifacts"]["paths"] == ["public"]
    assert not (ROOT / ".github" / "workflows" / "pages.yml").exists()
    assert not (ROOT / ".gitlab-ci.yml").exists()


# -- a publish: layout, permissions, foreign files, keep -----------------------------------------


def test_publish_layout_and_world_readable_files_under_umask_077(content, tmp_path):
    target = tmp_path / "nieuw" / "site"
    result = invoke("publish", target, content, umask=0o077)
    assert result.returncode == 0, result.output
    assert "Gepubliceerd: versie" in result.stdout and str(target / "current") in result.stdout
    [release] = pub.releases(target)
    assert os.readlink(target / "current") == f"releases/{release.name}"
    assert (target / "current" / "index.html").is_file()
    assert (target / "current" / "pagefind" / "pagefind.js").is_file()
    assert (target / pub.MARKER).read_text(encoding="utf-8") == pub.MARKER_TEXT
    for path in [target.parent, target, *target.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))
    assert leftovers(target) == []


def test_a_second_publish_keeps_foreign_files_and_the_target_folder_itself(content, tmp_path):
    """Other files in the target survive; the target is never renamed (it may be a mount point)."""
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    (target / ".well-known").mkdir()
    (target / ".well-known" / "security.txt").write_text("Contact: mailto:ict@example.org\n")
    (target / "releases" / "notities.txt").write_text("van de beheerder\n")
    inode = target.stat().st_ino
    first = pub.current_release(target)
    result = invoke("publish", target, content)
    assert result.returncode == 0, result.output
    assert target.stat().st_ino == inode
    assert (target / ".well-known" / "security.txt").read_text() == "Contact: mailto:ict@example.org\n"
    assert (target / "releases" / "notities.txt").is_file()
    second = pub.current_release(target)
    assert second != first and pub.releases(target) == [first, second]


def test_only_the_last_releases_are_kept_and_foreign_entries_stay(content, tmp_path):
    target = tmp_path / "site"
    for _ in range(4):
        result = invoke("publish", target, content, RAADSINFO_PUBLISH_KEEP="2")
        assert result.returncode == 0, result.output
    (target / "releases" / "backup").mkdir()
    assert invoke("publish", target, content, RAADSINFO_PUBLISH_KEEP="2").returncode == 0
    kept = pub.releases(target)
    assert len(kept) == 2 and pub.current_release(target) == kept[-1]
    assert (target / "releases" / "backup").is_dir()
    assert leftovers(target) == []


def test_an_invalid_keep_setting_is_refused_before_building(content, tmp_path):
    result = invoke("publish", tmp_path / "site", content, RAADSINFO_PUBLISH_KEEP="1")
    assert_dutch_refusal(result)
    assert "RAADSINFO_PUBLISH_KEEP" in result.output


def test_a_failed_build_changes_nothing(content, tmp_site_factory, tmp_path):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    before = tree(target)
    broken = tmp_site_factory(voorstel={"titel": None, "title": "Speeltuin"})
    result = invoke("publish", target, broken)
    assert result.returncode != 0
    assert "De bouw is mislukt. Er is niets gepubliceerd" in result.output
    assert "veld 'titel'" in result.output
    assert "Traceback" not in result.output
    assert tree(target) == {**before, pub.LOCK: tree(target)[pub.LOCK]}


@pytest.fixture
def tmp_site_factory(tmp_path):
    return TinySite(tmp_path / "andere-sites")


# -- rollback --------------------------------------------------------------------------------------


def test_rollback_goes_back_one_version_at_a_time(tmp_site_factory, tmp_path):
    target = tmp_path / "site"
    versions = []
    for number in (1, 2, 3):
        site = tmp_site_factory(files={"pages/over-deze-site.md": PAGE + f"\nVersie {number}.\n"})
        assert invoke("publish", target, site).returncode == 0
        versions.append(pub.current_release(target))
    assert "Versie 3." in served(target)

    result = invoke("rollback", target, site)
    assert result.returncode == 0, result.output
    assert "Teruggezet" in result.stdout and versions[1].name in result.stdout
    assert "Versie 2." in served(target)
    assert invoke("rollback", target, site).returncode == 0
    assert "Versie 1." in served(target)

    result = invoke("rollback", target, site)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "geen eerdere versie" in result.output
    assert "Versie 1." in served(target)
    assert pub.releases(target) == versions  # rollback removes nothing

    assert invoke("publish", target, site).returncode == 0  # the next publish is the newest again
    assert pub.current_release(target) == pub.releases(target)[-1] not in versions


def test_rollback_without_a_publication(content, tmp_path):
    result = invoke("rollback", tmp_path / "niets", content)
    assert result.returncode != 0 and "nog nooit gepubliceerd" in result.output
    assert not (tmp_path / "niets").exists()


def test_rollback_when_current_points_elsewhere(content, tmp_path):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    (target / "current").unlink()
    (target / "current").symlink_to("/etc")
    result = invoke("rollback", target, content)
    assert result.returncode != 0 and "wijst 'current' niet naar een gepubliceerde versie" in result.output


# -- lock --------------------------------------------------------------------------------------------


def test_a_second_publish_or_rollback_is_stopped_by_the_lock(content, tmp_path):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    before = os.readlink(target / "current")
    with open(target / pub.LOCK, "r+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held.write("4242 2026-11-27T05:15:00\n")
        held.flush()
        for task in ("publish", "rollback"):
            result = invoke(task, target, content)
            assert result.returncode != 0
            assert "Er loopt al een publicatie" in result.output and "proces 4242" in result.output
            assert "Traceback" not in result.output
    assert os.readlink(target / "current") == before
    assert leftovers(target) == []
    assert invoke("publish", target, content).returncode == 0  # the lock is gone with its holder


def test_two_publishes_at_once(content, tmp_path):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    procs = [start("publish", target, content) for _ in range(3)]
    results = [(p.wait(timeout=300), p.stdout.read() + p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert any(code == 0 for code, _ in results), results
    assert any("Er loopt al een publicatie" in output for _, output in results), results  # they did overlap
    for code, output in results:
        assert code == 0 or "Er loopt al een publicatie" in output, output
        assert "Traceback" not in output
    assert len(pub.releases(target)) == 1 + sum(code == 0 for code, _ in results)
    assert leftovers(target) == []


# -- interrupted and crashed ---------------------------------------------------------------------


def _staging_folders(target: Path) -> list[Path]:
    return [p for p in (target / "releases").iterdir() if p.name.startswith(pub.STAGING_PREFIX)]


def _processes_writing_into(folder: str) -> list[str]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if folder in text:
            found.append(text)
    return found


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_mid_build_removes_the_staging_folder(content, tmp_path, sig):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    before = tree(target)
    proc = start("publish", target, content)
    deadline = time.monotonic() + 60
    while not _staging_folders(target):
        assert proc.poll() is None and time.monotonic() < deadline, "de bouw begon niet"
        time.sleep(0.01)
    [staging] = _staging_folders(target)
    while not _processes_writing_into(staging.name):  # Pelican has started
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.1)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, out + err
    assert "Publiceren is afgebroken. De site die de webserver toont, is niet veranderd." in err
    assert "Traceback" not in out + err
    assert leftovers(target) == []
    assert tree(target) == {**before, pub.LOCK: tree(target)[pub.LOCK]}
    time.sleep(0.2)
    assert _processes_writing_into(staging.name) == []  # Pelican and its workers are stopped too


def test_leftovers_of_a_crash_are_cleaned_by_the_next_run(content, tmp_path):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    crashed = target / "releases" / ".bouw-afgebroken"
    (crashed / "dossiers").mkdir(parents=True)
    (crashed / "dossiers" / "half.html").write_text("<p>half")
    (target / "releases" / ".weg-20200101T000000Z").mkdir()
    (target / ".current-nieuw-4242").symlink_to("releases/.bouw-afgebroken")
    result = invoke("publish", target, content)
    assert result.returncode == 0, result.output
    assert "Opgeruimd: 3 onafgemaakte map(pen)" in result.stdout
    assert leftovers(target) == []


@pytest.mark.parametrize("plant, expected", [
    ("releases-link", "'releases' geen gewone map"),
    ("current-dir", "'current' een gewone map"),
    ("lock-link", "snelkoppeling"),
])
def test_planted_entries_in_the_target_are_refused(content, tmp_path, plant, expected):
    target = tmp_path / "site"
    assert invoke("publish", target, content).returncode == 0
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "belangrijk.txt").write_text("niet weggooien\n")
    if plant == "releases-link":
        (target / "releases").rename(tmp_path / "oude-releases")
        (target / "releases").symlink_to(elsewhere)
    elif plant == "current-dir":
        (target / "current").unlink()
        (target / "current").mkdir()
    else:
        (target / pub.LOCK).unlink()
        (target / pub.LOCK).symlink_to(elsewhere / "belangrijk.txt")
    before = tree(tmp_path / "elders")
    result = invoke("publish", target, content)
    assert_dutch_refusal(result)
    assert expected in result.output
    assert tree(tmp_path / "elders") == before


# -- the switch is atomic -------------------------------------------------------------------------


def _fake_build(staged: Path, number: int) -> None:
    (staged / "dossiers").mkdir()
    for name in ("index.html", "dossiers/2024-010.html"):
        (staged / name).write_text(f"<p>versie {number}</p>\n" + "x" * 20000, encoding="utf-8")


def test_a_reader_never_fails_during_many_switches(tmp_path):
    """A reader opens the site without pause while it is published 40 times and rolled back."""
    target = tmp_path / "site"
    failures, reads, stop = [], [0], threading.Event()

    def reader():
        while not stop.is_set():
            for name in ("index.html", "dossiers/2024-010.html"):
                try:
                    text = (target / "current" / name).read_text(encoding="utf-8")
                except OSError as exc:
                    failures.append(repr(exc))
                    continue
                if not (text.startswith("<p>versie ") and len(text) > 20000):
                    failures.append(text[:40])
                reads[0] += 1

    with pub.Publication(target, keep=3) as publication:
        _fake_build(publication.staging(), 0)
        publication.commit()
    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for number in range(1, 41):
            with pub.Publication(target, keep=3) as publication:
                _fake_build(publication.staging(), number)
                publication.commit()
            if number % 10 == 0:
                pub.rollback(target)
    finally:
        stop.set()
        thread.join()
    assert failures == [] and reads[0] > 100
    assert len(pub.releases(target)) == 3 and leftovers(target) == []


def test_release_names_keep_their_order_when_the_clock_goes_back(tmp_path, monkeypatch):
    target = tmp_path / "site"
    for _ in range(3):
        with pub.Publication(target) as publication:
            _fake_build(publication.staging(), 1)
            publication.commit()
        monkeypatch.setattr(pub.time, "gmtime", lambda: time.struct_time((2001, 1, 1, 0, 0, 0, 0, 1, 0)))
    names = [r.name for r in pub.releases(target)]
    assert len(names) == 3 and names[1].endswith("-1") and names[2].endswith("-2")
    assert pub.current_release(target).name == names[-1]
    assert pub.rollback(target)[1].name == names[1]


def test_a_failure_inside_a_publication_removes_its_staging_folder(tmp_path):
    target = tmp_path / "site"
    with pytest.raises(RuntimeError):
        with pub.Publication(target) as publication:
            _fake_build(publication.staging(), 1)
            raise RuntimeError("bouw mislukt")
    assert leftovers(target) == [] and pub.current_release(target) is None


def test_an_os_error_becomes_a_dutch_message(tmp_path):
    class Exit(Exception):
        def __init__(self, message, code):
            super().__init__(message)
            self.code = code

    with pytest.raises(Exit) as raised:
        with pub.as_task(Exit, lambda: "afgebroken"):
            raise OSError(28, "No space left on device", str(tmp_path / "x"))
    assert raised.value.code == 1 and "de schijf is vol" in str(raised.value)
    assert "De site die de webserver toont, is niet veranderd." in str(raised.value)


def test_a_problem_while_removing_old_releases_does_not_undo_the_publish(tmp_path, monkeypatch):
    target = tmp_path / "site"
    for number in range(3):
        with pub.Publication(target, keep=2) as publication:
            _fake_build(publication.staging(), number)
            if number == 2:
                monkeypatch.setattr(pub.Path, "rename", lambda *a: (_ for _ in ()).throw(OSError(13, "x", "oud")))
            publication.commit()
    assert "geen toestemming" in publication.prune_problem
    assert pub.current_release(target) == pub.releases(target)[-1] == publication.release


def test_an_unreadable_parent_folder_gives_a_warning():
    """The web server (another user) must be able to reach the target: say so when it cannot."""
    base = Path(tempfile.mkdtemp(prefix="raadsinfo-publish-", dir="/tmp"))  # pytest's tmp_path is 0700
    try:
        os.chmod(base, 0o755)
        (base / "dicht" / "site").mkdir(parents=True, mode=0o755)
        os.chmod(base / "dicht", 0o700)
        warning = pub.warn_unreadable(base / "dicht" / "site")
        assert "niet toegankelijk voor andere gebruikers" in warning and f"chmod o+rx {base / 'dicht'}" in warning
        os.chmod(base / "dicht", 0o755)
        assert pub.warn_unreadable(base / "dicht" / "site") is None
    finally:
        shutil.rmtree(base)


# -- invoke build (output/) -------------------------------------------------------------------------


def test_build_output_is_world_readable_under_umask_077(tiny_site, tmp_path, monkeypatch):
    monkeypatch.setattr(tasks, "CONTENT", tiny_site())
    monkeypatch.setattr(tasks, "POST_BUILD_STEPS", [])
    target = tmp_path / "output"
    old = os.umask(0o077)
    try:
        tasks._build_into(target, "pelicanconf.py")
        tasks._build_into(target, "pelicanconf.py")  # the swap path too
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    for path in target.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == []


BUILD_INTO = """
import sys
from pathlib import Path
import invoke
import tasks
tasks.OUTPUT = Path(sys.argv[1])
try:
    tasks.build(invoke.Context())
except tasks.Exit as exc:
    print(exc.message, file=sys.stderr)
    sys.exit(exc.code)
"""


def test_a_signal_mid_invoke_build_keeps_output_and_leaves_nothing(tiny_site, tmp_path):
    """The `build` task (pointed at a temp output/) stopped with SIGTERM while Pelican runs."""
    env = {**os.environ, "RAADSINFO_CONTENT": str(tiny_site()), "RAADSINFO_TODAY": "2026-11-27"}
    target = tmp_path / "output"
    cmd = [sys.executable, "-c", BUILD_INTO, str(target)]
    assert subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=300).returncode == 0
    before = tree(target)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not any(_processes_writing_into(p.name) for p in tmp_path.glob(".output-nieuw-*")):
        assert proc.poll() is None and time.monotonic() < deadline, "de bouw begon niet"
        time.sleep(0.01)
    time.sleep(0.2)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, out + err
    assert "De bouw is afgebroken. De vorige versie van output/ is niet aangeraakt." in err
    assert "Traceback" not in out + err
    assert tree(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "site1"]


def test_build_leftovers_are_removed_and_a_lost_site_is_put_back(tmp_path):
    target = tmp_path / "output"
    (tmp_path / ".output-nieuw-abc").mkdir()
    (tmp_path / ".output-oud-def").mkdir()
    (tmp_path / ".output-oud-def" / "index.html").write_text("de goede site")
    (tmp_path / ".output-nieuw-link").symlink_to(tmp_path / "elders")
    (tmp_path / "elders").mkdir()
    with atomic.locked(target):
        atomic.clean_leftovers(target)
    assert (target / "index.html").read_text() == "de goede site"  # output/ was missing: restored
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output-nieuw-link", "elders", "output"]


def test_swap_exchanges_in_one_step(tmp_path):
    staged, target = tmp_path / "nieuw", tmp_path / "output"
    staged.mkdir()
    target.mkdir()
    (staged / "a").write_text("nieuw")
    (target / "a").write_text("oud")
    inode = staged.stat().st_ino
    atomic.swap_into_place(staged, target)
    assert (target / "a").read_text() == "nieuw" and target.stat().st_ino == inode
    assert not staged.exists()


def test_a_second_build_waits_for_the_first(tmp_path):
    target = tmp_path / "output"
    order = []

    def second():
        with atomic.locked(target):
            order.append("tweede")

    with atomic.locked(target):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        order.append("eerste klaar")
    thread.join(timeout=10)
    assert order == ["eerste klaar", "tweede"]


def test_run_stops_the_whole_process_group_on_an_interrupt(tmp_path):
    marker = f"{time.time_ns() % 1000}.123"

    def alarm(signum, frame):
        raise pub.Interrupted(signum)

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        with pytest.raises(pub.Interrupted):
            atomic.run(["sh", "-c", f"sleep 3{marker} & sleep 4{marker}; wait"], cwd=tmp_path)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    time.sleep(0.2)
    assert _processes_writing_into(marker) == []


# -- livereload: a failed rebuild shows in the browser ------------------------------------------------


def test_error_page_is_dutch_and_escaped():
    failure = preview.Failure("De bouw is mislukt.", "\x1b[31mcontent/x.md:3: veld 'titel' <script>\x1b[0m\n",
                              when=datetime(2026, 11, 27, 9, 5, 1))
    page = preview.error_page(failure)
    assert "De site kon niet opnieuw worden gebouwd" in page and "De bouw is mislukt." in page
    assert "content/x.md:3: veld &#x27;titel&#x27; &lt;script&gt;" in page
    assert "<script>" not in page and "\x1b" not in page
    assert "</head>" in page  # livereload puts its reload script there
    assert "09:05:01" in page


def test_rebuild_records_failure_and_success():
    status = preview.BuildStatus()

    def failing(log):
        log.append("content/voorstellen/x.md:2: veld 'titel': dit verplichte veld ontbreekt\n")
        raise tasks.Exit("De bouw is mislukt.", code=1)

    assert preview.rebuild(failing, status) is False
    assert status.failure.message == "De bouw is mislukt." and "veld 'titel'" in status.failure.details
    assert preview.rebuild(lambda log: None, status) is True and status.failure is None

    def interrupted(log):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # Ctrl+C still stops livereload
        preview.rebuild(interrupted, status)


def test_a_real_failed_rebuild_keeps_output_and_reports_the_record(tiny_site, tmp_path, monkeypatch):
    target = tmp_path / "output"
    content = tiny_site()
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setattr(tasks, "POST_BUILD_STEPS", [])
    status = preview.BuildStatus()
    build = lambda log: tasks._build_into(target, "pelicanconf.py", log=log)  # noqa: E731
    assert preview.rebuild(build, status)
    before = tree(target)
    path = content / VOORSTEL
    path.write_text(path.read_text(encoding="utf-8").replace("titel:", "title:"), encoding="utf-8")
    assert not preview.rebuild(build, status)
    assert "veld 'titel'" in status.failure.details and "2024-010" in status.failure.details
    assert tree(target) == before


def _serve_preview(root: Path, status: preview.BuildStatus) -> tuple[str, callable]:
    """livereload's own web application (with its script injection) on a free port, in a thread."""
    from livereload import Server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ready, loop_box = threading.Event(), {}

    def run():
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        server = Server()
        server.SFH = preview.handler_for(status)
        server.root, server.default_filename = str(root), "index.html"
        server.application(port, "127.0.0.1")
        loop_box["loop"] = loop
        ready.set()
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    assert ready.wait(10)
    return f"http://127.0.0.1:{port}", lambda: loop_box["loop"].call_soon_threadsafe(loop_box["loop"].stop)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_the_preview_serves_the_error_page_until_a_rebuild_works(tmp_path):
    (tmp_path / "dossiers").mkdir()
    (tmp_path / "index.html").write_text("<html><head></head><body>goede site</body></html>")
    (tmp_path / "dossiers" / "2024-010.html").write_text("<html><head></head><body>dossier</body></html>")
    (tmp_path / "site.css").write_text("body { color: black }")
    status = preview.BuildStatus()
    url, stop = _serve_preview(tmp_path, status)
    try:
        assert _get(url + "/") == (200, _get(url + "/index.html")[1])
        assert "goede site" in _get(url + "/")[1]
        status.failed("De bouw is mislukt.", "content/voorstellen/x.md:2: veld 'titel'\n")
        for path in ("/", "/index.html", "/dossiers/2024-010.html", "/dossiers/"):
            code, body = _get(url + path)
            assert code == 500 and "veld &#x27;titel&#x27;" in body, path
            assert "livereload.js" in body, path  # the browser reloads by itself after the next rebuild
        assert _get(url + "/site.css") == (200, "body { color: black }")
        status.succeeded()
        code, body = _get(url + "/dossiers/2024-010.html")
        assert code == 200 and "dossier" in body
    finally:
        stop()


LIVERELOAD = """
import sys
from pathlib import Path
import invoke
import tasks
tasks.OUTPUT = Path(sys.argv[1])
tasks.livereload(invoke.Context(), port=int(sys.argv[2]))
"""


def test_invoke_livereload_shows_a_failed_rebuild_and_recovers(tiny_site, tmp_path):
    """The real `livereload` task (pointed at a temp output/): break a record, see the error, fix it."""
    content = tiny_site()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27"}
    proc = subprocess.Popen([sys.executable, "-c", LIVERELOAD, str(tmp_path / "output"), str(port)], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/dossiers/2024-010.html"

    def wait_for(code: int) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert proc.poll() is None, "livereload stopte"
            try:
                got, body = _get(url)
            except OSError:
                got, body = None, ""
            if got == code:
                return body
            time.sleep(0.2)
        raise AssertionError(f"geen {code} van {url}")

    try:
        assert "Nieuwe speeltuin" in wait_for(200)
        path = content / VOORSTEL
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("titel:", "title:"), encoding="utf-8")
        body = wait_for(500)
        assert "De site kon niet opnieuw worden gebouwd" in body and "veld &#x27;titel&#x27;" in body
        assert "livereload.js" in body
        assert "Nieuwe speeltuin" in (tmp_path / "output" / "dossiers" / "2024-010.html").read_text(encoding="utf-8")
        path.write_text(good, encoding="utf-8")
        assert "Nieuwe speeltuin" in wait_for(200)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "site1"]
