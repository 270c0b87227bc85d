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


def _pelican(settings: str, output: Path, extra: list[str] | None = None, log: list[str] | None = None) -> int:
    """Run Pelican in its own process group (stopped as a whole on Ctrl+C or SIGTERM)."""
    cmd = [PY, "-m", "pelican", str(CONTENT), "-s", str(ROOT / settings), "-o", str(output),
           "--fatal", "errors", *(extra or [])]
    return atomic.run(cmd, cwd=ROOT, log=log)


def _build_staged(staged: Path, settings: str, failed: str, log: list[str] | None = None) -> None:
    """Pelican and the post-build steps into the empty folder ``staged``; Exit(failed) if any fails."""
    if _pelican(settings, staged, log=log) != 0:
        raise Exit(failed, code=1)
    for step in POST_BUILD_STEPS:
        try:
            step(staged)
        except search.SearchIndexError as exc:  # its message is Dutch already
            if log is not None:
                log.append(f"{exc}\n")
            raise Exit(f"{exc}\n{failed}", code=1) from None


def _build_into(target: Path, settings: str, log: list[str] | None = None) -> None:
    """Build in a staging folder; replace ``target`` only if everything succeeded.

    One build of ``target`` at a time (a second waits); leftovers of a crashed build are
    removed first; the new site is world-readable (0755/0644) and swapped in atomically
    (buildtools/atomic.py). ``log`` collects the build output (for livereload's error page).
    """
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    with atomic.locked(target):
        if atomic.clean_leftovers(target):
            print(f"Opgeruimd: onafgemaakte bouwmappen van een eerder afgebroken bouw naast {shown}/.")
        staged = atomic.staging_dir(target)
        try:
            _build_staged(staged, settings, "De bouw is mislukt. De vorige versie van de site is niet aangeraakt.",
                          log=log)
            atomic.swap_into_place(staged, target)
        finally:
            atomic.discard(staged)  # after the swap: already gone, or it holds the previous site
    print(f"Klaar: de site staat in {shown}/")


#: Steps run on the freshly built site before it replaces the old one (e.g. search index).
POST_BUILD_STEPS: list = [search.index]


@task(help={"b1": "toon de taalniveau-score (B1) van elke tekst, niet alleen van de te moeilijke",
            "debug": "toon bij een fout in het programma de technische details (voor de beheerder)"})
def check(c, b1=False, debug=False):
    """Controleer alle voorstellen en uitkomsten, zonder de site te bouwen."""
    from buildtools.failures import dutch_failures, enable_debug

    enable_debug(debug)
    with dutch_failures("check"):
        _check(b1)


def _check(b1: bool) -> None:
    import pelicanconf
    from raadsinfo.loader import load_site

    site = load_site(CONTENT, today=_today(), gemeente=pelicanconf.GEMEENTE)  # errors: dutch_failures
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
    from buildtools import publish as pub
    from buildtools.failures import dutch_failures

    with dutch_failures("build", "De vorige versie van output/ is niet aangeraakt."), pub.as_task(
            Exit, lambda: "De bouw is afgebroken. De vorige versie van output/ is niet aangeraakt.",
            unchanged="De vorige versie van output/ is niet aangeraakt."):
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

    from buildtools import preview
    from buildtools import publish as pub

    os.environ["RAADSINFO_LIVERELOAD"] = "1"  # the CSP lets livereload's inline script run (pelicanconf)
    status = preview.BuildStatus()

    def rebuild():
        # A failed rebuild keeps the last good output/ and puts the error on every page
        # the browser asks for, until a rebuild succeeds (buildtools/preview.py).
        preview.rebuild(lambda log: _build_into(OUTPUT, "pelicanconf.py", log=log), status)

    with pub.signals_as_interrupts():  # SIGTERM stops the preview like Ctrl+C, staging removed
        rebuild()
        server = Server()
        server.SFH = preview.handler_for(status)
        for folder in (CONTENT, ROOT / "theme", ROOT / "plugins", ROOT / "raadsinfo"):
            server.watch(str(folder), rebuild)
        server.serve(root=str(OUTPUT), port=int(port), host="127.0.0.1")


@task
def publish(c):
    """Bouw de site met de productie-instellingen en zet haar veilig op de publicatieplek.

    Layout, refusals, lock and rollback: buildtools/publish.py and docs/publiceren.md.
    """
    import publishconf
    from buildtools import publish as pub

    state: dict = {}

    def interrupted() -> str:
        done = state.get("publication") and state["publication"].release
        if done:
            return (f"Afgebroken na het publiceren: de nieuwe versie {done.name} staat online. "
                    "Oude versies zijn deze keer niet opgeruimd; dat gebeurt bij de volgende publicatie.")
        return "Publiceren is afgebroken. De site die de webserver toont, is niet veranderd."

    from buildtools.failures import dutch_failures

    with dutch_failures("publish", "De site die de webserver toont, is niet veranderd."), pub.as_task(
            Exit, interrupted):
        target = pub.resolve_target(publishconf.PUBLISH_TARGET, root=ROOT, content=CONTENT, output=OUTPUT)
        keep = pub.keep_count(publishconf.PUBLISH_RELEASES_KEPT)
        with pub.Publication(target, keep) as publication:
            state["publication"] = publication
            if publication.cleaned:
                print(f"Opgeruimd: {len(publication.cleaned)} onafgemaakte map(pen) van een eerder "
                      "afgebroken publicatie.")
            _build_staged(publication.staging(), "publishconf.py",
                          "De bouw is mislukt. Er is niets gepubliceerd: de site die de webserver toont, "
                          "is niet veranderd.")
            release = publication.commit()
    print(f"Gepubliceerd: versie {pub.describe(release)}.\n"
          f"De webserver moet de map {target / pub.CURRENT} tonen. "
          f"Bewaard: {len(pub.releases(target))} versie(s); terug naar de vorige: invoke rollback")
    if publication.prune_problem:
        print(f"Let op: oude versies konden niet worden opgeruimd ({publication.prune_problem}). "
              "De nieuwe versie staat wel online.", file=sys.stderr)
    if warning := pub.warn_unreadable(target):
        print(warning, file=sys.stderr)


@task
def rollback(c):
    """Zet de vorige gepubliceerde versie terug (na een publicatie met een fout)."""
    import publishconf
    from buildtools import publish as pub
    from buildtools.failures import dutch_failures

    with dutch_failures("rollback", "De site is niet veranderd."), pub.as_task(
            Exit, lambda: "Terugzetten is afgebroken. De site is niet veranderd.",
            unchanged="De site is niet veranderd."):
        target = pub.resolve_target(publishconf.PUBLISH_TARGET, root=ROOT, content=CONTENT, output=OUTPUT)
        before, after = pub.rollback(target)
    print(f"Teruggezet: de webserver toont nu versie {pub.describe(after)}.\n"
          f"De versie die ervoor online stond ({before.name}) is bewaard. "
          "Publiceer opnieuw met 'invoke publish' zodra de fout is opgelost.")


@task(help={"id": "registratienummer, bijvoorbeeld 2026-050", "titel": "korte titel", "onderwerp": "onderwerp (slug)",
            "besluit": "maak een uitkomst van een vergadering in plaats van een voorstel",
            "datum": "bij --besluit: datum van de raadsvergadering, JJJJ-MM-DD (anders de geplande)",
            "debug": "toon bij een fout in het programma de technische details (voor de beheerder)"})
def new(c, id="", titel="", onderwerp="bestuur", besluit=False, datum="", debug=False):
    """Maak een nieuw voorstel (of met --besluit: een nieuwe uitkomst) om in te vullen."""
    from buildtools.failures import dutch_failures, enable_debug

    enable_debug(debug)
    with dutch_failures("new", "Er is niets geschreven."):
        path = _new_besluit(id, datum) if besluit else _new_voorstel(id, titel, onderwerp)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"Nieuw bestand: {shown}. Vul het in en draai daarna 'invoke check': die noemt alles wat nog "
          "moet worden ingevuld.")


def _new_voorstel(id: str, titel: str, onderwerp: str) -> Path:
    from buildtools import scaffold
    from raadsinfo.loader import onderwerp_slugs

    scaffold.check_id(id)
    scaffold.check_titel(titel)
    return scaffold.new_voorstel(CONTENT, id, titel, onderwerp, today=_today(), onderwerpen=onderwerp_slugs(CONTENT))


def _new_besluit(id: str, datum: str) -> Path:
    """Check the voorstel, the meeting and the council on the loaded site, then write."""
    from buildtools import scaffold
    from buildtools.scaffold import Refused
    from raadsinfo.loader import load_site
    from raadsinfo.problems import RecordsInvalid

    id = scaffold.check_id(id)
    vergaderdatum = scaffold.check_datum(datum) if datum else None
    try:
        site = load_site(CONTENT, today=_today())
    except RecordsInvalid as exc:  # the fracties come from valid council data
        print(exc.problems.report(), file=sys.stderr)
        raise Exit("Los eerst de fouten hierboven op; daarna kan 'invoke new --besluit'. "
                   "Er is niets geschreven.", code=1) from None
    dossier = next((d for d in site.dossiers if d.id == id), None)
    if dossier is None:
        raise Refused(f"Er is geen voorstel met id {id} in content/voorstellen/. Maak eerst het voorstel, of "
                      "controleer het nummer. Er is niets geschreven.")
    if not dossier.open:
        laatste = dossier.laatste_uitkomst
        raise Refused(f"Voorstel {id} heeft al een definitieve uitkomst ({laatste.besluitresultaat}) in "
                      f"{laatste.source}. Verbeter dat bestand. Er is niets geschreven.")
    raad = [s.datum for s in dossier.voorstel.behandeling if s.is_raad]
    if vergaderdatum is None:
        stap = dossier.geplande_stemming()
        if stap is None:
            raise Refused("Geef de datum van de raadsvergadering mee, bijvoorbeeld: "
                          f"invoke new --id {id} --besluit --datum 2026-12-17. Er is niets geschreven.")
        vergaderdatum = stap.datum
        print(f"Vergaderdatum: {vergaderdatum.isoformat()} (de geplande raadsvergadering; een andere geeft u "
              "mee met --datum).")
    if vergaderdatum not in raad:
        bekend = ", ".join(d.isoformat() for d in raad) or "geen"
        raise Refused(f"Op {vergaderdatum.isoformat()} staat geen raadsvergadering in de behandeling van voorstel "
                      f"{id} ({dossier.voorstel.source}; raadsvergaderingen: {bekend}). Zet de vergadering eerst "
                      "in 'behandeling'. Er is niets geschreven.")
    eerder = next((u for u in dossier.uitkomsten if u.vergaderdatum == vergaderdatum), None)
    if eerder is not None:
        raise Refused(f"Er is al een uitkomst van die vergadering: {eerder.source}. Open dat bestand. "
                      "Er is niets geschreven.")
    periode = site.periode_op(vergaderdatum)
    if periode is None:
        raise Refused(f"Voor {vergaderdatum.isoformat()} is geen samenstelling van de raad bekend. Voeg de "
                      "raadsperiode toe aan content/raad/raadsperioden.yaml. Er is niets geschreven.")
    path = scaffold.new_besluit(CONTENT, id, vergaderdatum, [f.naam for f in periode.fracties],
                                first=not dossier.uitkomsten)
    if vergaderdatum > _today():
        print(f"Let op: de vergadering van {vergaderdatum.isoformat()} moet nog plaatsvinden. 'invoke check' "
              "meldt een fout tot die dag; zet het bestand pas daarna in git.")
    return path


@task(help={"fast": "alleen de snelle tests: geen browser, geen bouw van een hele site",
            "browser": "met --no-browser: zonder de tests in Chromium"})
def test(c, browser=True, fast=False):
    """Draai alle tests (met --fast: de snelle lus tijdens het werk)."""
    args = [PY, "-m", "pytest", "-q", "-n", "auto"]  # one worker per core (pytest-xdist)
    if fast:
        args += ["-m", "not browser and not slow"]
    elif not browser:
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
