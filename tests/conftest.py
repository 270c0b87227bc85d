"""Shared fixtures: tiny, valid content folders to build and break in tests.

``tiny_site`` writes a minimal valid content folder into ``tmp_path`` and returns
its path. Without arguments the folder holds:

* ``raad/raadsperioden.yaml``: the 2022-2026 council of Harderwijk (29 seats, nine
  fracties) and an assumed 2026-2030 council that adds "Partij voor de Dieren";
* ``raad/onderwerpen.yaml``: the topics wonen, verkeer, groen, onderwijs, bestuur;
* ``voorstellen/2024-010-speeltuin-drielanden.md``: one voorstel (id 2024-010),
  submitted 2024-01-16, commissie 2024-02-08, raad 2024-02-29;
* ``besluiten/2024-010.md``: its outcome, "aangenomen" with votes per fractie;
* ``pages/over-deze-site.md``: one plain Pelican page.

Change it per test with keyword arguments::

    content = tiny_site()                                  # the valid default
    content = tiny_site(voorstel={"titel": None, "title": "Speeltuin"})  # None removes a key
    content = tiny_site(besluit=False)                     # no outcome: still a voorstel
    content = tiny_site(besluit={"besluitresultaat": "verworpen"})
    content = tiny_site(files={"besluiten/2024-011.md": "---\\nvoorstel: ...\\n---\\n",
                               "voorstellen/2024-011-x.md": tiny_site.voorstel(id="2024-011"),
                               "voorstellen/kapot.md": b"\\xff\\xfe"})

``files`` maps a path inside the content folder to raw text, raw bytes, a dict (written
as a record: front matter plus a short body) or ``None`` (removes the file). The same
object offers helpers: ``tiny_site.voorstel(**changes)`` / ``tiny_site.besluit(**changes)``
return front-matter dicts, ``tiny_site.record(data, body)`` the file text,
``tiny_site.line_of(path, needle)`` the 1-based line holding ``needle``,
``tiny_site.load(content)`` the validated Site and ``tiny_site.errors(content)`` the
list of error Problems (empty when valid). ``TODAY`` is the fixed day of the tests.

``pelican_build(content, output)`` runs the real build command
(``python -m pelican <content> -s pelicanconf.py -o <output> --fatal errors``) with
``RAADSINFO_TODAY`` fixed, and returns the finished process (``returncode``,
``stdout``, ``stderr``, and ``output`` = both streams together).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)

FRACTIES_2022 = [
    ("Harderwijk Anders", 10), ("ChristenUnie", 4), ("VVD", 3), ("CDA", 3), ("Gemeentebelang", 3),
    ("D66", 2), ("PvdA", 2), ("GroenLinks", 1), ("SGP", 1),
]
FRACTIES_2026 = [
    ("Harderwijk Anders", 9), ("ChristenUnie", 4), ("VVD", 3), ("CDA", 2), ("Gemeentebelang", 3),
    ("D66", 2), ("PvdA", 2), ("GroenLinks", 2), ("SGP", 1), ("Partij voor de Dieren", 1),
]

RAADSPERIODEN = {
    "gemeente": "Harderwijk",
    "perioden": [
        {"naam": "2022-2026", "van": "2022-03-30", "tot": "2026-04-01", "zetels": 29,
         "fracties": [{"naam": n, "zetels": z} for n, z in FRACTIES_2022]},
        {"naam": "2026-2030", "van": "2026-04-02", "tot": "2030-03-27", "zetels": 29, "voorbeelddata": True,
         "fracties": [{"naam": n, "zetels": z} for n, z in FRACTIES_2026]},
    ],
}

ONDERWERPEN = {
    "onderwerpen": [
        {"slug": "wonen", "naam": "Wonen"},
        {"slug": "verkeer", "naam": "Verkeer en vervoer"},
        {"slug": "groen", "naam": "Groen en bomen"},
        {"slug": "onderwijs", "naam": "Onderwijs en jeugd"},
        {"slug": "bestuur", "naam": "Bestuur en organisatie"},
    ],
}

VOORSTEL = {
    "id": "2024-010",
    "titel": "Nieuwe speeltuin in Drielanden",
    "datumIngediend": "2024-01-16",
    "portefeuillehouder": "wethouder A. Jansen",
    "onderwerpen": ["onderwijs"],
    "samenvatting": "Het college wil een nieuwe speeltuin maken in Drielanden. Kinderen en ouders "
                    "hebben meegedacht over het ontwerp.",
    "gevraagdBesluit": ["Een krediet van 120.000 euro beschikbaar stellen voor de speeltuin."],
    "behandeling": [
        {"gremium": "commissie-samenleving", "datum": "2024-02-08", "tijd": "19:30"},
        {"gremium": "gemeenteraad", "datum": "2024-02-29", "tijd": "19:30"},
    ],
}
VOORSTEL_PATH = "voorstellen/2024-010-speeltuin-drielanden.md"

BESLUIT = {
    "voorstel": "2024-010",
    "vergaderdatum": "2024-02-29",
    "besluitresultaat": "aangenomen",
    "stemmingen": [
        {"fractie": n, "fractiestemresultaat": "tegen" if n == "Gemeentebelang" else "voor"}
        for n, _ in FRACTIES_2022
    ],
    "besluittoelichting": "De raad vindt dat kinderen in Drielanden een veilige plek nodig hebben om "
                          "buiten te spelen.",
}
BESLUIT_PATH = "besluiten/2024-010.md"

PAGE = "Title: Over deze site\nSlug: over-deze-site\n\nDit is een testsite met verzonnen gegevens.\n"


def _merge(base: dict, changes: dict | None) -> dict:
    data = copy.deepcopy(base)
    for key, value in (changes or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def dump_yaml(data: object) -> str:
    """YAML as a person would write it: keys in order, Unicode kept, long lines."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


class TinySite:
    """Factory for tiny content folders; see the module docstring."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.count = 0

    # -- record helpers ------------------------------------------------------------
    @staticmethod
    def voorstel(**changes) -> dict:
        return _merge(VOORSTEL, changes)

    @staticmethod
    def besluit(**changes) -> dict:
        return _merge(BESLUIT, changes)

    @staticmethod
    def record(data: dict, body: str = "Toelichting in gewone taal.\n") -> str:
        return "---\n" + dump_yaml(data) + "---\n" + body

    @staticmethod
    def line_of(path: Path | str, needle: str) -> int:
        """1-based number of the first line of ``path`` that contains ``needle``."""
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} staat niet in {path}")

    @staticmethod
    def load(content: Path, today: date = TODAY):
        from raadsinfo.loader import load_site

        return load_site(content, today=today)

    @staticmethod
    def errors(content: Path, today: date = TODAY) -> list:
        """Every error Problem of a content folder (empty when it is valid)."""
        from raadsinfo.loader import load_site
        from raadsinfo.problems import RecordsInvalid

        try:
            load_site(content, today=today)
        except RecordsInvalid as exc:
            return exc.problems.errors
        return []

    # -- the factory -----------------------------------------------------------------
    def __call__(self, voorstel: dict | bool | None = None, besluit: dict | bool | None = None,
                 files: dict | None = None, name: str | None = None) -> Path:
        self.count += 1
        content = self.tmp_path / (name or f"site{self.count}") / "content"
        content.mkdir(parents=True)
        for folder in ("raad", "voorstellen", "besluiten", "pages"):
            (content / folder).mkdir()
        (content / "raad" / "raadsperioden.yaml").write_text(dump_yaml(RAADSPERIODEN), encoding="utf-8")
        (content / "raad" / "onderwerpen.yaml").write_text(dump_yaml(ONDERWERPEN), encoding="utf-8")
        (content / "pages" / "over-deze-site.md").write_text(PAGE, encoding="utf-8")
        if voorstel is not False:
            data = self.voorstel(**(voorstel if isinstance(voorstel, dict) else {}))
            (content / VOORSTEL_PATH).write_text(self.record(data), encoding="utf-8")
        if besluit is not False:
            data = self.besluit(**(besluit if isinstance(besluit, dict) else {}))
            (content / BESLUIT_PATH).write_text(self.record(data, "Verslag van de vergadering.\n"),
                                                encoding="utf-8")
        for rel, value in (files or {}).items():
            path = content / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if value is None:
                path.unlink(missing_ok=True)
            elif isinstance(value, bytes):
                path.write_bytes(value)
            elif isinstance(value, dict):
                path.write_text(self.record(value), encoding="utf-8")
            else:
                path.write_text(value, encoding="utf-8")
        return content


@pytest.fixture
def tiny_site(tmp_path) -> TinySite:
    """Factory: ``tiny_site(**changes)`` -> path of a fresh content folder."""
    return TinySite(tmp_path)


def run_pelican(content: Path, output: Path, settings: str = "pelicanconf.py", today: date = TODAY,
                extra_settings: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the real build command on ``content``; never raises on a failed build."""
    overrides = {"RAADSINFO_TODAY": today.isoformat(), **(extra_settings or {})}
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / settings), "-o", str(output),
           "--fatal", "errors", "-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    result.output = result.stdout + result.stderr
    return result


@pytest.fixture
def pelican_build():
    """``pelican_build(content, output, **kw)`` runs ``python -m pelican`` (see :func:`run_pelican`)."""
    return run_pelican


# -- the fast loop ------------------------------------------------------------------------

#: What makes a test slow: it runs Pelican, a task, or another process, or builds a site
#: (directly or through a fixture). Such a test is marked ``slow``; ``invoke test --fast``
#: leaves out ``slow`` and ``browser``.
_SLOW = ("run_pelican(", "pelican_build(", "built_site(", "_build_into(", "subprocess.", "forkbuild",
         "build(", "check_output(", "load_site(ROOT", 'ROOT / "content"', "tasks.ROOT")


def _slow_source(func, seen: dict) -> bool:
    import inspect

    if func not in seen:
        try:
            seen[func] = any(marker in inspect.getsource(func) for marker in _SLOW)
        except (OSError, TypeError):
            seen[func] = False
    return seen[func]


#: Modules whose tests build through helpers of their own (a site built once per session,
#: publishes, nginx, the catalogue of bad input, fuzzing): slow as a whole.
_SLOW_MODULES = {"test_guard", "test_guard_data", "test_guard_property", "test_guard_titles", "test_publish",
                 "test_nginx", "test_fuzz_records", "test_bad_input_catalogue", "test_scaffold", "test_build_errors"}


def pytest_collection_modifyitems(config, items):
    seen: dict = {}
    for item in items:
        if item.get_closest_marker("slow") or item.get_closest_marker("browser"):
            continue
        if item.module.__name__.rpartition(".")[2] in _SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
            continue
        funcs = [getattr(item, "function", None)]
        info = getattr(item, "_fixtureinfo", None)
        for defs in (info.name2fixturedefs.values() if info else ()):
            funcs += [d.func for d in defs]
        if any(f is not None and _slow_source(f, seen) for f in funcs):
            item.add_marker(pytest.mark.slow)
