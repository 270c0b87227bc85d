"""Tiny sites for the labelling guard's tests: dossiers in any state, built by Pelican.

``write_site(content, dossiers)`` writes a valid content folder (council data copied
from the sample site, one voorstel per dossier and an outcome file per state);
``build(content, out)`` runs Pelican in a subprocess and returns the exit code and
output, exactly like ``invoke build`` does. Dates are fixed around TODAY.

``built_site()`` builds :data:`GUARD_SITE` once per test run, without the guard, and
returns the output folder and what the guard compares it with; ``violations(rel,
raw)`` runs the guard's check for one file on its (mutated) bytes.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-27"

#: Every state a dossier can be in. "hamerstuk" is aangenomen without a vote.
STATES = (
    "in behandeling", "aangehouden", "ingetrokken", "unaniem aangenomen", "aangenomen",
    "geamendeerd aangenomen", "onder voorbehoud aangenomen", "verworpen", "hamerstuk",
)
UNDECIDED = {"in behandeling", "aangehouden", "ingetrokken"}

FRACTIES = [("Harderwijk Anders", 9), ("ChristenUnie", 4), ("VVD", 4), ("CDA", 2), ("Gemeentebelang", 3),
            ("D66", 2), ("PvdA", 2), ("GroenLinks", 2), ("SGP", 1)]
MEERDERHEID = {"Harderwijk Anders", "ChristenUnie", "VVD"}  # 17 of 29 seats


@dataclass
class Spec:
    id: str
    titel: str
    state: str = "in behandeling"
    samenvatting: str = "Het college wil iets regelen. De raad stemt erover."
    onderwerpen: tuple = ("bestuur",)

    @property
    def result(self) -> str:
        return "aangenomen" if self.state == "hamerstuk" else self.state

    @property
    def decided(self) -> bool:
        return self.state not in UNDECIDED


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _stemmingen(voor: set[str], indent: str = "  ") -> str:
    lines = []
    for naam, _ in FRACTIES:
        uitslag = "voor" if naam in voor else "tegen"
        lines.append(f"{indent}- {{fractie: {naam}, fractiestemresultaat: {uitslag}}}")
    return "\n".join(lines)


def voorstel_text(s: Spec) -> str:
    open_vote = s.state in {"in behandeling", "aangehouden"}
    stappen = [
        '  - {gremium: commissie-ruimte, datum: "2026-09-17", tijd: "19:30"}',
        '  - {gremium: gemeenteraad, datum: "2026-10-08", tijd: "19:30"}',
    ]
    if open_vote:
        stappen.append('  - {gremium: gemeenteraad, datum: "2026-12-10", tijd: "19:30"}')
    if s.state == "in behandeling":
        stappen = [stappen[0], stappen[2]]
    onderwerpen = ", ".join(s.onderwerpen)
    return (
        "---\n"
        f'id: "{s.id}"\n'
        f"titel: {_q(s.titel)}\n"
        'datumIngediend: "2026-09-01"\n'
        "portefeuillehouder: wethouder A. Jansen\n"
        f"onderwerpen: [{onderwerpen}]\n"
        f"samenvatting: {_q(s.samenvatting)}\n"
        "gevraagdBesluit:\n"
        "  - Een krediet van 100.000 euro beschikbaar stellen.\n"
        "behandeling:\n" + "\n".join(stappen) + "\n"
        "---\n"
        "Toelichting bij het voorstel.\n"
    )


def uitkomst_text(s: Spec) -> str | None:
    if s.state == "in behandeling":
        return None
    head = f'---\nvoorstel: "{s.id}"\nvergaderdatum: "2026-10-08"\n'
    toel = "besluittoelichting: De raad vindt dit belangrijk voor de stad.\n"
    alle = {n for n, _ in FRACTIES}
    if s.state in {"aangehouden", "ingetrokken"}:
        return head + f"besluitresultaat: {s.state}\n---\n"
    if s.state == "hamerstuk":
        return head + "besluitresultaat: aangenomen\nindicatieHamerstuk: true\n---\n"
    voor = {"unaniem aangenomen": alle, "verworpen": alle - MEERDERHEID}.get(s.state, MEERDERHEID)
    body = head + f"besluitresultaat: {s.state}\nstemmingen:\n{_stemmingen(voor)}\n" + toel
    if s.state == "geamendeerd aangenomen":
        body += ("amendementen:\n  - titel: Meer groen\n    besluitresultaat: aangenomen\n    stemmingen:\n"
                 + _stemmingen(MEERDERHEID, "      ") + "\n")
    return body + "---\n"


def write_site(content: Path, specs: list[Spec], pages: dict[str, str] | None = None) -> Path:
    """Write a complete, valid content folder for ``specs``."""
    content = Path(content)
    (content / "raad").mkdir(parents=True, exist_ok=True)
    for name in ("raadsperioden.yaml", "onderwerpen.yaml"):
        shutil.copy(ROOT / "content" / "raad" / name, content / "raad" / name)
    (content / "voorstellen").mkdir(exist_ok=True)
    (content / "besluiten").mkdir(exist_ok=True)
    (content / "pages").mkdir(exist_ok=True)
    for s in specs:
        (content / "voorstellen" / f"{s.id}-dossier.md").write_text(voorstel_text(s), encoding="utf-8")
        uitkomst = uitkomst_text(s)
        if uitkomst:
            (content / "besluiten" / f"{s.id}.md").write_text(uitkomst, encoding="utf-8")
    for name, text in (pages or {}).items():
        (content / "pages" / name).write_text(text, encoding="utf-8")
    return content


def settings_file(tmp: Path, theme: Path | None = None, extra: str = "") -> Path:
    """A settings file on top of pelicanconf.py (optionally with another theme)."""
    path = Path(tmp) / "testconf.py"
    lines = [f"import sys; sys.path.insert(0, {str(ROOT)!r})", "from pelicanconf import *  # noqa",
             f"RAADSINFO_TODAY = {TODAY!r}"]
    if theme:
        lines.append(f"THEME = {str(theme)!r}")
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def build(content: Path, out: Path, settings: Path | None = None) -> subprocess.CompletedProcess:
    """Run Pelican like ``invoke build`` does; return the finished process."""
    settings = settings or settings_file(Path(out).parent)
    env = {**os.environ, "RAADSINFO_TODAY": TODAY}
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(out), "--fatal", "errors"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )


def copy_theme(dest: Path) -> Path:
    """A copy of the project theme that a test may break on purpose."""
    target = Path(dest) / "theme"
    shutil.copytree(ROOT / "theme", target)
    return target


#: The guard's tiny site: every state, a decided and an undecided dossier with the same
#: title (a plan resubmitted after it was rejected), an undecided title inside a decided
#: one, and an undecided title with "Besluit" in it (the name of a regulation).
GUARD_SITE = [
    Spec("2026-040", "Nieuwe sporthal aan de Haven"),
    Spec("2026-041", "Bomen langs de Stationslaan vervangen", "verworpen"),
    Spec("2026-042", "Parkeerbeleid binnenstad", "verworpen"),
    Spec("2026-043", "Parkeerbeleid binnenstad"),
    Spec("2026-044", "Regels uit het Besluit bouwwerken leefomgeving", "aangehouden"),
    Spec("2026-045", "Nieuwe sporthal aan de Haven, tweede fase", "hamerstuk"),
    Spec("2026-046", "Fietspad langs de Parkweg", "ingetrokken"),
    Spec("2026-047", "Zwembad De Sypel vernieuwen", "geamendeerd aangenomen"),
]
OPEN, DECIDED = "2026-040", "2026-041"
SETTINGS = {"SITENAME": "Raadsinformatie Harderwijk", "FEED_TAG_AUTHORITY": "raadsinformatie.harderwijk.example,2024"}


@functools.cache
def built_site():
    """(output folder, loaded site) of :data:`GUARD_SITE`, built once, without the guard."""
    from raadsinfo.loader import load_site

    tmp = Path(tempfile.mkdtemp(prefix="guard-site-"))
    atexit.register(shutil.rmtree, tmp, True)
    content = write_site(tmp / "content", GUARD_SITE)
    conf = settings_file(tmp, extra="PLUGINS = [p for p in PLUGINS if p != 'guard']\n")
    result = build(content, tmp / "out", conf)
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "out", load_site(content, today=date.fromisoformat(TODAY))


@functools.cache
def expected():
    from guard.domain import Expected

    _, site = built_site()
    return Expected(site.dossiers, SETTINGS["SITENAME"], SETTINGS["FEED_TAG_AUTHORITY"], date.fromisoformat(TODAY))


def output(rel: str) -> bytes:
    return (built_site()[0] / rel).read_bytes()


def changed(rel: str, old: str, new: str, count: int = 1) -> bytes:
    """The file's bytes with ``old`` replaced by ``new`` (``count`` times; 0: all)."""
    text = output(rel).decode()
    assert old in text, f"{old!r} staat niet in {rel}"
    return text.replace(old, new, count or -1).encode()


def violations(rel: str, raw: bytes, exp=None) -> list:
    """What the guard finds in ``raw`` (the file ``rel``, changed) and not in the file as
    built: so each test sees the effect of its own change only."""
    from guard.check import checker_for

    check = checker_for(rel)
    before = check(output(rel), rel, exp or expected()) if (built_site()[0] / rel).exists() else []
    return [v for v in check(raw, rel, exp or expected()) if v not in before]
