"""Tasks for griffie staff and developers (run with ``invoke <taak>``).

Messages are in Dutch: griffie staff read them. ``make site`` and ``make test`` call
``build`` and ``test`` after setting up the virtual environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from buildtools import atomic, search  # noqa: E402

# RAADSINFO_CONTENT points the tasks at another content folder (tests use a tiny site).
CONTENT = Path(os.environ.get("RAADSINFO_CONTENT") or ROOT / "content").resolve()
OUTPUT = ROOT / "output"
PY = sys.executable


def _pelican(settings: str, output: Path, extra: list[str] | None = None) -> int:
    cmd = [PY, "-m", "pelican", str(CONTENT), "-s", str(ROOT / settings), "-o", str(output),
           "--fatal", "errors", *(extra or [])]
    return subprocess.call(cmd, cwd=ROOT)


def _build_into(target: Path, settings: str) -> None:
    """Build in a staging folder; replace ``target`` only if everything succeeded."""
    staged = atomic.staging_dir(target)
    try:
        if _pelican(settings, staged) != 0:
            raise Exit("De bouw is mislukt. De vorige versie van de site is niet aangeraakt.", code=1)
        for step in POST_BUILD_STEPS:
            step(staged)
    except BaseException:
        atomic.discard(staged)
        raise
    atomic.swap_into_place(staged, target)
    print(f"Klaar: de site staat in {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}/")


#: Steps run on the freshly built site before it replaces the old one (e.g. search index).
POST_BUILD_STEPS: list = [search.index]


@task(help={"b1": "toon de taalniveau-score (B1) van elke tekst, niet alleen van de te moeilijke"})
def check(c, b1=False):
    """Controleer alle voorstellen en uitkomsten, zonder de site te bouwen."""
    from raadsinfo.loader import load_site
    from raadsinfo.problems import RecordsInvalid

    try:
        site = load_site(CONTENT, today=_today())
    except RecordsInvalid as exc:
        print(exc.problems.report(), file=sys.stderr)
        raise Exit(code=1) from None
    if site.warnings.warnings:
        print(site.warnings.report())
    if site.labelcontrole:  # sentences a record confirmed in 'labelcontrole': always in sight
        from raadsinfo.guard_records import rapport_bevestigd

        print(rapport_bevestigd(site.labelcontrole))
    if _check_b1(site, alles=b1):
        raise Exit(code=1)
    besluiten = sum(d.is_besluit for d in site.dossiers)
    print(f"Alles in orde: {len(site.dossiers)} dossiers ({besluiten} besluiten, "
          f"{len(site.dossiers) - besluiten} voorstellen).")


def _check_b1(site, alles: bool) -> bool:
    """Print the B1 report; True when texts are too hard and B1_STRICT is on."""
    import pelicanconf
    from raadsinfo import b1_teksten
    from raadsinfo.glossary import load_begrippen

    metingen = b1_teksten.meet_alles(
        b1_teksten.alle_teksten(site.dossiers, CONTENT, load_begrippen(CONTENT), pelicanconf.MARKDOWN))
    print(b1_teksten.rapport(metingen, alles=alles))
    return getattr(pelicanconf, "B1_STRICT", False) and not all(m.voldoet for m in metingen)


def _today() -> date:
    fixed = os.environ.get("RAADSINFO_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


@task
def build(c):
    """Bouw de site in output/ (alleen als alles klopt)."""
    _build_into(OUTPUT, "pelicanconf.py")


@task
def clean(c):
    """Verwijder de gebouwde site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task(pre=[clean], post=[])
def rebuild(c):
    """Verwijder de oude site en bouw alles opnieuw."""
    build(c)


@task
def serve(c, port=8000):
    """Bekijk de gebouwde site op http://localhost:8000."""
    import functools
    import http.server

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(OUTPUT))
    with http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler) as httpd:
        print(f"De site staat op http://localhost:{port}/ (stoppen: Ctrl+C)")
        httpd.serve_forever()


@task
def livereload(c, port=8000):
    """Bouw opnieuw zodra u iets wijzigt, en ververs de browser vanzelf."""
    from livereload import Server

    os.environ["RAADSINFO_LIVERELOAD"] = "1"  # the CSP lets livereload's inline script run (pelicanconf)

    def rebuild_quietly():
        try:
            build(c)
        except Exit as exc:
            print(exc.message or "De bouw is mislukt.", file=sys.stderr)

    rebuild_quietly()
    server = Server()
    for folder in ("content", "theme", "plugins", "raadsinfo"):
        server.watch(str(ROOT / folder), rebuild_quietly)
    server.serve(root=str(OUTPUT), port=int(port), host="127.0.0.1")


@task
def publish(c):
    """Bouw de site met de productie-instellingen en zet haar op de publicatieplek."""
    import publishconf

    target = Path(publishconf.PUBLISH_TARGET)
    target = target if target.is_absolute() else ROOT / target
    _build_into(target, "publishconf.py")


@task(help={"id": "registratienummer, bijvoorbeeld 2026-050", "titel": "korte titel", "onderwerp": "onderwerp (slug)"})
def new(c, id, titel="", onderwerp="bestuur", besluit=False):
    """Maak een nieuw voorstel (of met --besluit: een nieuwe uitkomst) om in te vullen."""
    from buildtools import scaffold
    from raadsinfo.loader import load_site

    if besluit:
        from raadsinfo.problems import RecordsInvalid

        try:
            site = load_site(CONTENT, today=_today())
        except RecordsInvalid as exc:  # the fracties come from valid council data
            print(exc.problems.report(), file=sys.stderr)
            raise Exit("Los eerst de fouten hierboven op; daarna kan 'invoke new --besluit'.", code=1) from None
        periode = site.periode_op(_today()) or site.perioden[-1]
        path = scaffold.new_besluit(CONTENT, id, [f.naam for f in periode.fracties])
    else:
        if not titel:
            raise Exit("Geef een titel mee, bijvoorbeeld: "
                       "invoke new --id 2026-050 --titel \"Nieuwe speeltuin\"", code=2)
        path = scaffold.new_voorstel(CONTENT, id, titel, onderwerp)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"Nieuw bestand: {shown}. Vul het in en draai daarna 'invoke check'.")


@task
def test(c, browser=True):
    """Draai alle tests."""
    args = [PY, "-m", "pytest", "-q"]
    if not browser:
        args += ["-m", "not browser"]
    code = subprocess.call(args, cwd=ROOT)
    if code == 5:  # pytest: no tests collected; never a success
        raise Exit("Er zijn geen tests gedraaid (pytest vond er geen).", code=1)
    if code:
        raise Exit(code=code)


@task
def screenshots(c):
    """Maak schermafbeeldingen (1280 en 375 pixels breed) voor de README in docs/screenshots/."""
    import tempfile

    from buildtools import screenshots as shots
    from raadsinfo import listings
    from raadsinfo.loader import load_site

    site = load_site(CONTENT, today=_today())
    dossier = next((d for d in site.dossiers if d.is_besluit and d.besluit.stemronde), site.dossiers[0])
    lijst = max(listings.by_onderwerp(site.dossiers, site.onderwerpen), key=lambda lijst: len(lijst.dossiers))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "site"
        _build_into(target, "pelicanconf.py")
        pages = shots.shots(dossier.url, lijst.url, dossier.titel.split()[-1])
        written = shots.render(target, ROOT / "docs" / "screenshots", pages)
    for path in written:
        print(f"{path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


@task
def lint(c):
    """Controleer de code met ruff."""
    c.run(f"{PY} -m ruff check .")


@task(help={"n": "aantal dossiers"})
def bench(c, n=2000):
    """Meet de bouwtijd tegenover gewone Pelican (zie bench/)."""
    code = subprocess.call([PY, str(ROOT / "bench" / "build_bench.py"), "--n", str(n)], cwd=ROOT)
    if code:
        raise Exit(code=code)
