"""Bad records stop the real commands with a readable Dutch report and a non-zero exit.

These run the real programs as a griffie member would: ``python -m pelican`` with
``--fatal errors`` and ``invoke check`` (pointed at a tiny site with
RAADSINFO_CONTENT). They also prove that a failed build never replaces the last
good site (tasks._build_into with buildtools/atomic.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tasks

ROOT = Path(__file__).resolve().parent.parent
INVOKE = Path(sys.executable).parent / "invoke"

VOORSTEL = "voorstellen/2024-010-speeltuin-drielanden.md"


def broken_sites(tiny):
    """A representative subset of the bad inputs: (name, content folder, expected texts)."""
    good = tiny.record(tiny.voorstel())
    return [
        ("geen voorkant", tiny(files={VOORSTEL: good.removeprefix("---\n")}),
         ["content/voorstellen/2024-010-speeltuin-drielanden.md:1: de voorkant (front matter) ontbreekt"]),
        ("title in plaats van titel", tiny(voorstel={"titel": None, "title": "Nieuwe speeltuin in Drielanden"}),
         ["veld 'title': dit veld bestaat niet", "Bedoelt u 'titel'?"]),
        ("datum bestaat niet", tiny(voorstel={"datumIngediend": "2026-02-30"}),
         ["veld 'datumIngediend': deze datum bestaat niet (gevonden: '2026-02-30'"]),
        ("unaniem met tegenstemmen", tiny(besluit={"besluitresultaat": "unaniem aangenomen"}),
         ["content/besluiten/2024-010.md:4: veld 'besluitresultaat': 'unaniem aangenomen' kan niet"]),
        ("niet UTF-8", tiny(files={VOORSTEL: good.replace("Drielanden", "Drielanden café").encode("latin-1")}),
         ["het bestand is niet opgeslagen als UTF-8"]),
        ("twee bestanden, drie fouten", tiny(
            voorstel={"onderwerpen": ["speeltuinen"]},
            besluit={"besluitresultaat": "goedgekeurd", "vergaderdatum": "2024-01-01"},
        ), ["veld 'onderwerpen[1]': dit onderwerp bestaat niet", "veld 'besluitresultaat': deze waarde is niet",
            "2 fouten gevonden"]),
    ]


def test_pelican_build_fails_with_the_dutch_report(tiny_site, pelican_build, tmp_path):
    for name, content, expected in broken_sites(tiny_site):
        out = tmp_path / f"out-{name.replace(' ', '-')}"
        result = pelican_build(content, out)
        assert result.returncode != 0, name
        for text in expected:
            assert text in result.output, f"{name}: {text!r} niet in\n{result.output}"
        assert "De site is niet gebouwd: de gegevens bevatten fouten." in result.output
        assert "Traceback" not in result.output, result.output
        assert not (out / "index.html").exists()


def test_pelican_build_of_a_valid_tiny_site_succeeds(tiny_site, pelican_build, tmp_path):
    result = pelican_build(tiny_site(), tmp_path / "out")
    assert result.returncode == 0, result.output
    assert (tmp_path / "out" / "dossiers" / "2024-010.html").is_file()


def test_pelican_build_shows_warnings_but_succeeds(tiny_site, pelican_build, tmp_path):
    result = pelican_build(tiny_site(besluit=False), tmp_path / "out")
    assert result.returncode == 0, result.output
    assert "uitslag nog niet verwerkt" in " ".join(result.output.split())


def _invoke(*args: str, content: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27"}
    return subprocess.run([str(INVOKE), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_invoke_check_on_a_valid_site(tiny_site):
    result = _invoke("check", content=tiny_site())
    assert result.returncode == 0, result.stderr
    assert "Alles in orde: 1 dossiers (1 besluiten, 0 voorstellen)." in result.stdout


@pytest.mark.parametrize("index", range(6))
def test_invoke_check_fails_with_the_dutch_report(tiny_site, index):
    name, content, expected = broken_sites(tiny_site)[index]
    result = _invoke("check", content=content)
    assert result.returncode != 0, name
    for text in expected:
        assert text in result.stderr, f"{name}: {text!r} niet in\n{result.stderr}"
    assert "Traceback" not in result.stderr
    assert "Alles in orde" not in result.stdout


# -- a failed build leaves the last good site untouched ---------------------------------------

def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built_site(tiny_site, tmp_path, monkeypatch):
    """A good site built with tasks._build_into into tmp_path/site/output."""
    content = tiny_site(name="site")
    target = tmp_path / "site" / "output"
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setattr(tasks, "POST_BUILD_STEPS", [])
    tasks._build_into(target, "pelicanconf.py")
    assert (target / "dossiers" / "2024-010.html").is_file()
    return content, target


def test_failed_build_keeps_the_previous_site(built_site, tiny_site, capfd):
    content, target = built_site
    before = snapshot(target)
    (content / "besluiten" / "2024-010.md").write_text(
        tiny_site.record(tiny_site.besluit(besluitresultaat="unaniem aangenomen")), encoding="utf-8")
    with pytest.raises(tasks.Exit) as raised:
        tasks._build_into(target, "pelicanconf.py")
    assert raised.value.code != 0
    assert "De vorige versie van de site is niet aangeraakt" in raised.value.message
    assert "'unaniem aangenomen' kan niet" in capfd.readouterr().err
    assert snapshot(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["content", "output"]  # no staging left


def test_failed_post_build_step_keeps_the_previous_site(built_site, monkeypatch):
    content, target = built_site
    before = snapshot(target)
    (content / "voorstellen" / "2024-010-speeltuin-drielanden.md").write_text(
        (content / "voorstellen" / "2024-010-speeltuin-drielanden.md").read_text(encoding="utf-8")
        .replace("Nieuwe speeltuin", "Andere speeltuin"), encoding="utf-8")
    seen = []

    def failing_step(staged: Path):
        seen.append(staged)
        assert "Andere speeltuin" in (staged / "dossiers" / "2024-010.html").read_text(encoding="utf-8")
        raise RuntimeError("zoekindex mislukt")

    monkeypatch.setattr(tasks, "POST_BUILD_STEPS", [failing_step])
    with pytest.raises(RuntimeError):
        tasks._build_into(target, "pelicanconf.py")
    assert seen and not seen[0].exists()
    assert snapshot(target) == before


def test_successful_rebuild_replaces_the_site(built_site):
    content, target = built_site
    path = content / "voorstellen" / "2024-010-speeltuin-drielanden.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Nieuwe speeltuin", "Andere speeltuin"),
                    encoding="utf-8")
    tasks._build_into(target, "pelicanconf.py")
    assert "Andere speeltuin" in (target / "dossiers" / "2024-010.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["content", "output"]


def test_a_program_fault_ends_the_build_with_a_dutch_message_not_a_traceback(tmp_path, monkeypatch):
    """A template that fails while the site is written (a fault of the program, not of
    the records): Pelican's last message is Dutch and has no traceback, unless asked for."""
    from guard_helpers import GUARD_SITE, build, copy_theme, settings_file, write_site

    monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)  # asked for, the details are shown
    theme = copy_theme(tmp_path)
    template = theme / "templates" / "dossier.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ 1 // 0 }}", 1), encoding="utf-8")
    content = write_site(tmp_path / "content", GUARD_SITE)
    result = build(content, tmp_path / "out", settings_file(tmp_path, theme))
    output = " ".join((result.stdout + result.stderr).split())  # the log wraps long lines
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "De bouw is mislukt door een fout" in output and "ZeroDivisionError" in output
