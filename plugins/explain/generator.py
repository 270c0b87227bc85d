"""Template helpers, the bomenbalans and glossary pages, and the B1 check in the build."""

from __future__ import annotations

import logging
import multiprocessing
from datetime import datetime, time
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from pelican.generators import Generator

from raadsinfo import charts, tracker
from raadsinfo.b1_teksten import alle_teksten, meet_alles
from raadsinfo.bomenbalans import bomen_zin, bomenbalans, saldo_zin
from raadsinfo.glossary import Koppelaar, load_begrippen
from raadsinfo.loader import load_site

logger = logging.getLogger(__name__)


class B1TeMoeilijk(Exception):
    """Raised with B1_STRICT = True when resident texts miss the B1 thresholds."""

    exitcode = 1


def bouwmoment(settings) -> datetime:
    """The moment the site describes: RAADSINFO_NOW, else the start of RAADSINFO_TODAY, else now."""
    if settings.get("RAADSINFO_NOW"):
        moment = datetime.fromisoformat(settings["RAADSINFO_NOW"])
        return moment if moment.tzinfo else moment.replace(tzinfo=tracker.AMSTERDAM)
    if settings.get("RAADSINFO_TODAY"):
        day = datetime.fromisoformat(settings["RAADSINFO_TODAY"]).date()
        return datetime.combine(day, time(0, 0), tzinfo=tracker.AMSTERDAM)
    return datetime.now(tracker.AMSTERDAM)


@pass_context
def _route(ctx, dossier):
    return tracker.route(dossier, ctx["bouwmoment"].date())


@pass_context
def _wat_kunt_u_doen(ctx, dossier):
    return tracker.wat_kunt_u_doen(dossier, ctx["bouwmoment"])


@pass_context
def _begrippen_koppelaar(ctx, uitsluiten=()):
    """A fresh linker for one page: first uses link to ../begrippen.html#woord."""
    siteurl = ctx.get("SITEURL", "")
    return _Koppelaar(Koppelaar(ctx.get("begrippen", []), f"{siteurl}/begrippen.html", set(uitsluiten)))


class _Koppelaar:
    """Wraps :class:`Koppelaar` so that templates get Markup back."""

    def __init__(self, inner: Koppelaar):
        self.inner = inner

    def tekst(self, text):
        return Markup(self.inner.tekst(text))

    def html(self, fragment):
        return Markup(self.inner.html(str(fragment or "")))


def _stemming_grafiek(stemronde, titel, uid="stemming"):
    return Markup(charts.stemming_svg(stemronde, titel, uid))


def _bomenbalans_grafiek(balans, uid="bomenbalans"):
    return Markup(charts.bomenbalans_svg(balans, uid=uid))


def add_template_helpers(generator):
    """generator_init: make the helpers available in every template."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    env.globals.update(
        route=_route,
        wat_kunt_u_doen=_wat_kunt_u_doen,
        begrippen_koppelaar=_begrippen_koppelaar,
        stemming_grafiek=_stemming_grafiek,
        bomenbalans_grafiek=_bomenbalans_grafiek,
    )
    env.filters.update(bomen_zin=bomen_zin, saldo_zin=saldo_zin, moment=tracker.moment)


#: From this many texts on (setting B1_BACKGROUND_FROM), the B1 check runs in a
#: forked process beside the build.
B1_BACKGROUND_FROM = 500
_b1_job = None  # the texts, set just before forking; inherited by the worker


def _uitslag(teksten) -> tuple[int, list[str]]:
    """(number of texts, the Dutch report of every text that is too hard)."""
    metingen = meet_alles(teksten)
    return len(metingen), [m.rapport() for m in metingen if not m.voldoet]


def _b1_uitslag() -> tuple[int, list[str]]:
    return _uitslag(_b1_job)


class ExplainGenerator(Generator):
    """Adds the explain data to the shared context and writes its two pages."""

    def generate_context(self):
        content = Path(self.path)
        moment = bouwmoment(self.settings)
        site = self.context.get("raad") or load_site(content, today=moment.date())
        begrippen = load_begrippen(content)
        self.balans = bomenbalans(site.dossiers)
        self.context.update(bouwmoment=moment, begrippen=begrippen, bomenbalans=self.balans)
        self._b1 = None
        if self.settings.get("B1_CHECK", True):
            self._check_b1(site, content, begrippen)

    def _check_b1(self, site, content, begrippen):
        """Measure every resident text; on a big site in a forked process.

        The measurement is pure CPU work that nothing else in the build waits for,
        so from :data:`B1_BACKGROUND_FROM` texts on it runs on another core while
        the other generators write their pages; :meth:`generate_output` (which runs
        after them) collects the result.
        """
        global _b1_job
        teksten = alle_teksten(site.dossiers, content, begrippen, self.settings.get("MARKDOWN", {}),
                               self.context.get("dossier_html"))
        vanaf = self.settings.get("B1_BACKGROUND_FROM", B1_BACKGROUND_FROM)
        if len(teksten) >= vanaf and "fork" in multiprocessing.get_all_start_methods():
            _b1_job = teksten
            self._pool = multiprocessing.get_context("fork").Pool(1)
            self._b1 = self._pool.apply_async(_b1_uitslag)
            _b1_job = None
        else:
            self._pool, self._b1 = None, _uitslag(teksten)

    def _report_b1(self):
        if self._b1 is None:
            return
        if self._pool is not None:
            try:
                aantal, te_moeilijk = self._b1.get()
            finally:
                self._pool.close()
                self._pool.join()
        else:
            aantal, te_moeilijk = self._b1
        if not te_moeilijk:
            return
        rapport = "\n".join(te_moeilijk)
        kop = (f"{len(te_moeilijk)} van {aantal} teksten voor inwoners zijn te moeilijk voor taalniveau B1 "
               "(details: invoke check):")
        if self.settings.get("B1_STRICT", False):
            raise B1TeMoeilijk(f"{kop}\n{rapport}\nDe bouw stopt, want B1_STRICT staat aan.")
        logger.warning("%s\n%s", kop, rapport)

    def generate_output(self, writer):
        self._report_b1()
        rel = self.settings.get("RELATIVE_URLS", False)
        writer.write_file("bomenbalans.html", self.get_template("bomenbalans"), self.context,
                          relative_urls=rel, balans=self.balans, page_name="bomenbalans")
        writer.write_file("begrippen.html", self.get_template("begrippen"), self.context,
                          relative_urls=rel, page_name="begrippen")
