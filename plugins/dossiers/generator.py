"""The Pelican generator that turns the validated dossiers into pages.

It only glues :mod:`raadsinfo` to Pelican's templates and writer: which template is
written where, with which context. Anything a page says about a dossier comes from
the domain objects.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

from pelican.generators import Generator

from raadsinfo import listings
from raadsinfo.loader import load_site
from raadsinfo.problems import RecordsInvalid

from .kaarten import kaart_eenmaal
from .markdown_render import render_all
from .parallel_pages import Page, write_pages


def build_date(settings) -> date:
    """The day the site describes: a setting in tests, otherwise today."""
    fixed = settings.get("RAADSINFO_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


logger = logging.getLogger(__name__)


class RecordsRejected(SystemExit):
    """Stops the build after the Dutch report was printed.

    Pelican logs any ``Exception`` from a generator with a full traceback, which
    griffie staff would read as a crash of the program. The report already says
    everything they need, so the build stops with a ``SystemExit`` carrying the
    exit status of :class:`RecordsInvalid` (non-zero) and no traceback.
    """


def refuse_odd_files(pelican_object) -> None:
    """Stop the build before anything is read when ``content/`` holds a file it must not read.

    Pelican reads the pages before this plugin's generator runs; it would follow a
    symbolic link to any file on the machine, hang on a pipe, and take minutes over a
    page full of unclosed links. :func:`raadsinfo.loader.file_problems` finds those
    (and misnamed records) first; ``invoke check`` reports the same problems.
    """
    from raadsinfo.loader import file_problems

    problems = file_problems(Path(pelican_object.settings["PATH"]))
    if problems:
        print("De site is niet gebouwd: de gegevens bevatten fouten.\n" + problems.report(),
              file=sys.stderr, flush=True)
        raise RecordsRejected(RecordsInvalid.exitcode)


def load_or_stop(content: Path, today: date, gemeente: str | None = None):
    """Load the site; on invalid records print the report and stop the build."""
    try:
        site = load_site(content, today=today, gemeente=gemeente)
    except RecordsInvalid as exc:
        print("De site is niet gebouwd: de gegevens bevatten fouten.\n" + exc.problems.report(),
              file=sys.stderr, flush=True)
        raise RecordsRejected(RecordsInvalid.exitcode) from None
    for problem in site.warnings.warnings:
        logger.warning(problem.format())
    return site


class DossierGenerator(Generator):
    """Loads the records once and writes home, dossier and list pages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.globals["kaart_eenmaal"] = kaart_eenmaal

    def generate_context(self):
        today = build_date(self.settings)
        site = load_or_stop(Path(self.path), today, self.settings.get("GEMEENTE"))
        self.site = site
        keys = [(d.id, "toelichting", d.voorstel.toelichting) for d in site.dossiers]
        keys += [(d.id, u.source, u.toelichting) for d in site.dossiers for u in d.uitkomsten]
        rendered = render_all([text for _, _, text in keys], self.settings.get("MARKDOWN", {}))
        self.html = {d.id: {} for d in site.dossiers}
        for (dossier_id, key, _), html in zip(keys, rendered, strict=True):
            self.html[dossier_id][key] = html
        self.lists = {
            "status": listings.by_status(site.dossiers),
            "onderwerp": listings.by_onderwerp(site.dossiers, site.onderwerpen),
            "jaar": listings.by_jaar(site.dossiers),
        }
        self.context.update(
            raad=site,
            dossiers=site.dossiers,
            dossier_html=self.html,
            today=today,
            lijsten=self.lists,
            komende_stemmingen=listings.komende_stemmingen(site.dossiers, today),
            recente_uitkomsten=listings.recente_uitkomsten(site.dossiers),
            uitslag_niet_verwerkt=listings.uitslag_niet_verwerkt(site.dossiers, today),
            kaartcache={},
        )

    def generate_output(self, writer):
        rel = self.settings.get("RELATIVE_URLS", False)
        pages = [Page("index.html", self.get_template("home"), {"relative_urls": rel, "page_name": "index"})]
        dossier = self.get_template("dossier")
        pages += [Page(f"dossiers/{d.id}.html", dossier, {"relative_urls": rel, "dossier": d, "html": self.html[d.id],
                                                         "page_name": f"dossiers/{d.id}"})
                  for d in self.site.dossiers]
        pages.append(Page("dossiers/index.html", self.get_template("dossiers"),
                          {"relative_urls": rel, "page_name": "dossiers/index"}))
        for soort, lijsten in self.lists.items():
            folder = lijsten[0].url.split("/")[0] if lijsten else soort
            pages.append(Page(f"{folder}/index.html", self.get_template("lijsten"),
                              {"relative_urls": rel, "soort": soort, "alle_lijsten": lijsten,
                               "page_name": f"{folder}/index"}))
            pages += [Page(lijst.url, self.get_template("lijst"),
                           {"relative_urls": rel, "lijst": lijst, "page_name": lijst.url[:-5]})
                      for lijst in lijsten]
        write_pages(writer, self.context, pages)
