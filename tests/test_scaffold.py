"""``invoke new`` writes records that read back as given, and refuses everything else.

Issue 17: a title with ``#`` lost its end, titles with ``:`` or ``'t`` wrote YAML
that did not parse, ``--id ../../../x`` wrote outside the repository, an existing file
gave a traceback, ``--besluit`` named the file after today, and the fill-in texts
passed ``invoke check``. Each of these is a test here; so is the promise that a
refusal writes nothing at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import BESLUIT_PATH, TODAY, VOORSTEL_PATH, dump_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invoke import Context, Exit

import tasks
from buildtools import scaffold
from buildtools.scaffold import Refused
from raadsinfo import placeholders
from raadsinfo.frontmatter import read_record
from raadsinfo.problems import Problems

ROOT = Path(__file__).resolve().parent.parent
INVOKE = Path(sys.executable).parent / "invoke"
ONDERWERPEN = ["wonen", "verkeer", "groen", "onderwijs", "bestuur"]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to prove that a refusal wrote nothing."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def new(content: Path, monkeypatch, **kwargs) -> Path:
    """Run ``invoke new`` in-process on ``content``; return the path it printed."""
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setenv("RAADSINFO_TODAY", TODAY.isoformat())
    before = set(tree(content))
    tasks.new(Context(), **kwargs)
    [added] = set(tree(content)) - before
    return content / added


def refused(content: Path, monkeypatch, capsys, **kwargs) -> str:
    """Run ``invoke new`` expecting a refusal; return what it said. Nothing may be written."""
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setenv("RAADSINFO_TODAY", TODAY.isoformat())
    monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
    before = tree(content.parent.parent)
    with pytest.raises(Exit) as raised:
        tasks.new(Context(), **kwargs)
    assert raised.value.code == 1
    assert tree(content.parent.parent) == before
    out = capsys.readouterr()
    said = (raised.value.message or "") + out.err
    assert "Traceback" not in said
    return said


# -- a new voorstel: any title reads back as given ------------------------------------------

TITLES = ["Speeltuin #2 in Drielanden", "Plan: 't Hoogstraatje", "\"Aanhalingstekens\" en 'enkele'",
          "yes no", "~ Null", "- een lijst?", "[haakjes] en {accolades}", "&anker *ster !tag %procent @apestaart",
          "`backtick` | pijp > groter", "Café ‘De Kroon’ – 2e fase", "12345", "1e3 bomen", "Nee: 2026-01-01",
          "een # midden", "schuine \\ streep", "Ærø 日本語 🌳", "  spaties rondom  ", "#hashtag vooraan",
          "...puntjes aan het begin", "--- ---", "a: b: c", "\" x \"", "''' x '''", "x" * scaffold.TITEL_MAX]


@pytest.mark.parametrize("titel", TITLES)
def test_every_title_reads_back_as_given(tiny_site, monkeypatch, titel):
    content = tiny_site()
    path = new(content, monkeypatch, id="2024-011", titel=titel, onderwerp="wonen")
    assert path.parent == content / "voorstellen" and path.name.startswith("2024-011")
    source = read_record(path, "x", Problems())
    assert source.data["titel"] == titel.strip()
    assert source.data["id"] == "2024-011" and source.data["onderwerpen"] == ["wonen"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titel=st.text(st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn")),
                     min_size=scaffold.TITEL_MIN, max_size=scaffold.TITEL_MAX)
       .filter(lambda t: len(t.strip()) >= scaffold.TITEL_MIN and "\u3164" not in t and "\uffa0" not in t
               and "\u115f" not in t and "\u1160" not in t))
def test_any_visible_title_reads_back_as_given(tmp_path_factory, titel):
    content = tmp_path_factory.mktemp("s") / "content"
    (content / "voorstellen").mkdir(parents=True)
    path = scaffold.new_voorstel(content, "2024-011", titel, "wonen", today=TODAY, onderwerpen=ONDERWERPEN)
    assert read_record(path, "x", Problems()).data["titel"] == titel.strip()
    assert path.parent == content / "voorstellen"


# -- what the scaffold refuses, before it writes anything -------------------------------------

@pytest.mark.parametrize("bad_id", ["../../../x", "2026-50", "2026-0500", "abc", "2026-050/../../x", "/etc/passwd",
                                    "2026-050\n", "2026-050.md", "２０２６-０５０", "2026_050"])
def test_a_bad_id_is_refused_and_nothing_is_written(tiny_site, monkeypatch, capsys, bad_id):
    said = refused(tiny_site(), monkeypatch, capsys, id=bad_id, titel="Nieuwe speeltuin")
    assert "heeft niet de goede vorm" in said and "2026-050" in said


def test_no_id_or_no_title_is_a_dutch_message(tiny_site, monkeypatch, capsys):
    content = tiny_site()
    assert "Geef een id mee" in refused(content, monkeypatch, capsys, titel="Nieuwe speeltuin")
    assert "Geef een titel mee" in refused(content, monkeypatch, capsys, id="2024-011")


@pytest.mark.parametrize("titel, said", [
    ("Nieuwe\nspeeltuin", "regeleinde"), ("Nieuwe \u202espeeltuin", "leesrichting"), ("Nieuwe\0speeltuin", "NUL"),
    ("Nieuwe\tspeeltuin", "tab"), ("Spel", "5 tot 140 tekens"), ("x" * 141, "5 tot 140 tekens"),
    ("Speel\u200btuin", "zonder breedte"),
])
def test_a_title_that_cannot_be_one_visible_line_is_refused(tiny_site, monkeypatch, capsys, titel, said):
    assert said in refused(tiny_site(), monkeypatch, capsys, id="2024-011", titel=titel)


@pytest.mark.parametrize("onderwerp, said", [("speeltuinen", "bestaat niet"), ("Wonen", "niet de goede vorm"),
                                              ("../x", "niet de goede vorm")])
def test_an_unknown_topic_is_refused(tiny_site, monkeypatch, capsys, onderwerp, said):
    assert said in refused(tiny_site(), monkeypatch, capsys, id="2024-011", titel="Nieuwe speeltuin",
                           onderwerp=onderwerp)


def test_an_existing_file_is_refused_not_overwritten(tiny_site, monkeypatch, capsys):
    content = tiny_site()
    said = refused(content, monkeypatch, capsys, id="2024-010", titel="Nieuwe speeltuin in Drielanden")
    assert "Er is al een voorstel met id 2024-010" in said and VOORSTEL_PATH in said


def test_an_existing_file_is_refused_by_the_scaffold_itself(tiny_site):
    """Even when the folder check is raced: O_EXCL refuses, the file stays as it was."""
    content = tiny_site()
    path = content / "voorstellen" / "2024-011-nieuw.md"
    path.write_text("van iemand anders", encoding="utf-8")
    with pytest.raises(Refused, match="bestaat al"):
        scaffold._write_new(content, content / "voorstellen", path.name,
                            "---\nid: \"2024-011\"\n---\n", "voorstel", {})
    assert path.read_text(encoding="utf-8") == "van iemand anders"


def test_a_linked_or_missing_records_folder_is_refused(tiny_site, monkeypatch, capsys, tmp_path):
    content = tiny_site()
    elsewhere = tmp_path / "elders"
    (content / "voorstellen").rename(elsewhere)
    (content / "voorstellen").symlink_to(elsewhere, target_is_directory=True)
    said = refused(content, monkeypatch, capsys, id="2024-011", titel="Nieuwe speeltuin")
    assert "content/voorstellen/ ontbreekt of is geen gewone map" in said
    assert not list(elsewhere.glob("2024-011*"))


def test_a_write_that_fails_halfway_leaves_nothing(tiny_site, monkeypatch):
    content = tiny_site()

    def failing_fdopen(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scaffold.os, "fdopen", failing_fdopen)
    before = tree(content)
    with pytest.raises(OSError):
        scaffold.new_voorstel(content, "2024-011", "Nieuwe speeltuin", "wonen", today=TODAY)
    assert tree(content) == before


def test_a_write_that_fails_is_a_dutch_message(tiny_site, monkeypatch, capsys):
    monkeypatch.setattr(scaffold.os, "fdopen", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "vol")))
    said = refused(tiny_site(), monkeypatch, capsys, id="2024-011", titel="Nieuwe speeltuin")
    assert "fout in het programma" in said and "Er is niets geschreven" in said


# -- invoke check names every fill-in text until it is replaced ---------------------------------

VOORSTEL_FILL_INS = {"portefeuillehouder", "samenvatting", "gevraagdBesluit[1]", "documenten[1].url",
                     "toelichting (tekst onder de voorkant)", "behandeling[1].datum", "behandeling[2].datum"}


def test_every_fill_in_text_of_a_new_voorstel_is_an_error(tiny_site, monkeypatch):
    content = tiny_site()
    path = new(content, monkeypatch, id="2024-011", titel="Nieuwe fietsenstalling", onderwerp="verkeer")
    errors = [p for p in tiny_site.errors(content) if p.path.endswith(path.name)]
    assert {p.field for p in errors} == VOORSTEL_FILL_INS, "\n".join(p.format() for p in errors)
    assert all(p.line for p in errors)


def _filled_in(text: str) -> str:
    text = text.replace(f'"{placeholders.PORTEFEUILLEHOUDER}"', "wethouder B. de Vries")
    text = text.replace(placeholders.SAMENVATTING, "Het college wil een fietsenstalling bij het station. Er "
                                                   "komen tweehonderd plekken bij.")
    text = text.replace(placeholders.GEVRAAGD_BESLUIT, "Geld geven voor de stalling.")
    text = text.replace('datum: "JJJJ-MM-DD"', 'datum: "2024-02-08"', 1).replace('datum: "JJJJ-MM-DD"',
                                                                                 'datum: "2024-02-29"')
    text = text.replace('"https://"', "https://example.org/stalling.pdf")
    return text.replace(placeholders.BODY_VOORSTEL, "Bij het station is te weinig plek voor fietsen.")


def test_a_filled_in_new_voorstel_is_valid(tiny_site, monkeypatch):
    content = tiny_site()
    path = new(content, monkeypatch, id="2024-011", titel="Nieuwe fietsenstalling", onderwerp="verkeer")
    text = path.read_text(encoding="utf-8").replace("datumIngediend: \"2026-11-27\"", "datumIngediend: \"2024-01-10\"")
    path.write_text(_filled_in(text), encoding="utf-8")
    assert tiny_site.errors(content) == []


def test_the_ontwerpbesluit_uncommented_but_not_filled_in_is_an_error(tiny_site, monkeypatch):
    content = tiny_site()
    path = new(content, monkeypatch, id="2024-011", titel="Nieuwe fietsenstalling", onderwerp="verkeer")
    text = "\n".join(line[2:] if line.startswith(("# ontwerpbesluit", "#   ", "#     ")) else line
                     for line in path.read_text(encoding="utf-8").splitlines()) + "\n"
    path.write_text(text, encoding="utf-8")
    fields = {p.field for p in tiny_site.errors(content) if p.path.endswith(path.name)}
    assert {"ontwerpbesluit.aanhef", "ontwerpbesluit.punten[1]"} <= fields


# -- a new outcome: named after its meeting, every choice still to be made ----------------------

def test_a_new_outcome_takes_the_planned_meeting_and_names_every_choice(tiny_site, monkeypatch, capsys):
    content = tiny_site(besluit=False)
    path = new(content, monkeypatch, id="2024-010", besluit=True)
    assert path == content / BESLUIT_PATH
    data = read_record(path, "x", Problems()).data
    assert data["vergaderdatum"] == "2024-02-29" and data["voorstel"] == "2024-010"
    assert "2024-02-29" in capsys.readouterr().out
    errors = [p for p in tiny_site.errors(content) if p.path == "content/" + BESLUIT_PATH]
    fields = {p.field for p in errors}
    votes = {f"stemmingen[{i}].fractiestemresultaat" for i in range(1, 10)}
    assert fields == {"besluitresultaat", "besluittoelichting"} | votes, "\n".join(p.format() for p in errors)
    assert all(p.message in ("hier moet u nog kiezen", "hier staat nog een tekst om in te vullen") for p in errors)


def test_a_filled_in_new_outcome_is_valid(tiny_site, monkeypatch):
    content = tiny_site(besluit=False)
    path = new(content, monkeypatch, id="2024-010", besluit=True)
    text = path.read_text(encoding="utf-8").replace(f'"{placeholders.KIES_RESULTAAT}"', "aangenomen")
    text = text.replace(f'"{placeholders.KIES_STEM}"', "voor").replace(
        placeholders.BESLUITTOELICHTING, "De raad vindt een speeltuin in Drielanden belangrijk voor de kinderen.")
    path.write_text(text, encoding="utf-8")
    assert tiny_site.errors(content) == []


def _aangehouden_site(tiny_site):
    behandeling = [{"gremium": "gemeenteraad", "datum": "2024-02-29"},
                   {"gremium": "gemeenteraad", "datum": "2024-03-21"}]
    return tiny_site(voorstel={"behandeling": behandeling},
                     besluit={"besluitresultaat": "aangehouden", "stemmingen": None, "besluittoelichting": None})


def test_a_later_outcome_is_named_after_its_meeting_not_after_today(tiny_site, monkeypatch):
    content = _aangehouden_site(tiny_site)
    path = new(content, monkeypatch, id="2024-010", besluit=True, datum="2024-03-21")
    assert path.name == "2024-010-2024-03-21.md"
    assert read_record(path, "x", Problems()).data["vergaderdatum"] == "2024-03-21"
    # the loader's naming rule accepts it: no problem about the file name
    assert not [p for p in tiny_site.errors(content) if "bestandsnaam" in p.message]


@pytest.mark.parametrize("kwargs, said", [
    ({"id": "2024-099", "datum": "2024-03-21"}, "Er is geen voorstel met id 2024-099"),
    ({"id": "2024-010", "datum": "2024-03-22"}, "staat geen raadsvergadering in de behandeling"),
    ({"id": "2024-010", "datum": "2024-02-29"}, "Er is al een uitkomst van die vergadering"),
    ({"id": "2024-010", "datum": "2024-02-30"}, "is geen echte datum"),
    ({"id": "2024-010", "datum": "21-03-2024"}, "is geen echte datum"),
    ({"id": "../x", "datum": "2024-03-21"}, "heeft niet de goede vorm"),
])
def test_a_new_outcome_is_refused_before_anything_is_written(tiny_site, monkeypatch, capsys, kwargs, said):
    content = _aangehouden_site(tiny_site)
    assert said in refused(content, monkeypatch, capsys, besluit=True, **kwargs)


def test_no_new_outcome_for_a_decided_voorstel(tiny_site, monkeypatch, capsys):
    said = refused(tiny_site(), monkeypatch, capsys, id="2024-010", besluit=True, datum="2024-02-29")
    assert "heeft al een definitieve uitkomst" in said and "content/besluiten/2024-010.md" in said


def test_a_fractie_name_with_yaml_signs_reads_back(tiny_site, monkeypatch):
    from conftest import RAADSPERIODEN

    perioden = yaml.safe_load(dump_yaml(RAADSPERIODEN))
    perioden["perioden"][0]["fracties"][0]["naam"] = "Lijst #1: 't Anders"
    content = tiny_site(besluit=False, files={"raad/raadsperioden.yaml": dump_yaml(perioden)})
    path = new(content, monkeypatch, id="2024-010", besluit=True)
    assert read_record(path, "x", Problems()).data["stemmingen"][0]["fractie"] == "Lijst #1: 't Anders"


# -- the real command ---------------------------------------------------------------------------

def test_the_real_command(tiny_site):
    content = tiny_site()
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": TODAY.isoformat()}
    env.pop("RAADSINFO_DEBUG", None)
    ok = subprocess.run([str(INVOKE), "new", "--id", "2024-011", "--titel", "Speeltuin #2 in Drielanden",
                         "--onderwerp", "wonen"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    path = content / "voorstellen" / "2024-011-speeltuin-2-in-drielanden.md"
    assert read_record(path, "x", Problems()).data["titel"] == "Speeltuin #2 in Drielanden"
    for args in (["--id", "../../../x", "--titel", "Kwaad"], ["--id", "2024-011", "--titel", "Nog eens iets"]):
        bad = subprocess.run([str(INVOKE), "new", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=60)
        assert bad.returncode == 1 and "Traceback" not in bad.stderr and "Er is niets geschreven" in bad.stderr
    assert not (content.parent.parent.parent / "x.md").exists()


def test_today_is_not_the_meeting_date(tiny_site, monkeypatch):
    """The outcome is dated by the meeting, even when it is written much later."""
    content = tiny_site(besluit=False)
    monkeypatch.setattr(tasks, "_today", lambda: date(2026, 11, 27))
    path = new(content, monkeypatch, id="2024-010", besluit=True)
    assert "2026-11-27" not in path.read_text(encoding="utf-8")
