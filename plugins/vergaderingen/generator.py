"""The Pelican generator that writes vergaderingen/index.html and one page per meeting.

Glue only: which template is written where, with which context. What a page says
comes from :mod:`raadsinfo.agenda` (the meetings and their items) and
:mod:`raadsinfo.vergaderingen` (deadline, outcomes, place).
"""

from __future__ import annotations

from datetime import datetime, time

from dossiers.parallel_pages import Page, write_pages
from pelican.generators import Generator

from raadsinfo import agenda, tracker, vergaderingen


def _moment(settings, today) -> datetime:
    """The moment the site describes (as the explain plugin's ``bouwmoment``)."""
    if settings.get("RAADSINFO_NOW"):
        moment = datetime.fromisoformat(settings["RAADSINFO_NOW"])
        return moment if moment.tzinfo else moment.replace(tzinfo=tracker.AMSTERDAM)
    return datetime.combine(today, time(0, 0), tzinfo=tracker.AMSTERDAM)


class VergaderingenGenerator(Generator):
    def generate_context(self):
        site = self.context.get("raad")
        today = self.context.get("today")
        if site is None or today is None:  # pragma: no cover
            raise RuntimeError("vergaderingen: de plugin 'dossiers' moet vóór 'vergaderingen' in PLUGINS staan")
        self.vergaderingen = agenda.vergaderingen(site.dossiers)
        volgende = vergaderingen.volgende_raad(self.vergaderingen, today)
        self.context.update(
            volgende_raad=volgende,
            volgende_raad_url=vergaderingen.pad(volgende.gremium, volgende.datum) if volgende else None,
        )

    def generate_output(self, writer):
        site = self.context["raad"]
        today = self.context["today"]
        nu = self.context.get("bouwmoment") or _moment(self.settings, today)
        rel = self.settings.get("RELATIVE_URLS", False)
        paden = {(v.gremium, v.datum): vergaderingen.pad(v.gremium, v.datum) for v in self.vergaderingen}
        gemeen = {"relative_urls": rel, "vergaderpad": paden, "vg": vergaderingen}
        pages = [Page(f"{vergaderingen.MAP}/index.html", self.get_template("vergaderingen"),
                      {**gemeen, "overzicht": vergaderingen.overzicht(self.vergaderingen, today),
                       "page_name": f"{vergaderingen.MAP}/index"})]
        template = self.get_template("vergadering")
        for v in self.vergaderingen:
            pad = paden[(v.gremium, v.datum)]
            pages.append(Page(pad, template, {
                **gemeen, "vergadering": v, "voorbij": vergaderingen.is_voorbij(v, today),
                "info": site.vergadergegevens.voor(v.gremium, v.datum),
                "inspreken": vergaderingen.inspreken(v, nu), "page_name": pad[:-5]}))
        write_pages(writer, self.context, pages)
