"""The Pelican generator that writes the calendars.

agenda/vergaderingen.ics: one event per meeting (gremium and day) with the dossiers on
its agenda, past meetings of the current and previous council period included, so a
subscribed calendar keeps its history; agenda/dossier/<id>.ics: every council meeting
about one dossier (its planned vote, and what happened at earlier ones). The domain
work is in :mod:`raadsinfo.agenda`, the bytes in :mod:`agenda.ical`.

Settings: ``VERGADERDUUR`` (minutes per gremium, for each event's end) and
``AGENDA_LOCATIE`` (else the griffie's address). Templates get ``WEBCAL_BASE``, the
site's address with ``webcal://``, for subscribe links beside the https ones.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from raadsinfo import agenda
from raadsinfo.parallel import fork_map, shared

from .ical import kalender


def _paden():
    # The feeds plugin owns the list of subscriber addresses; fall back if it is absent.
    try:
        from feeds.paden import PADEN, site_base, tag_authority
    except ImportError:  # pragma: no cover
        raise RuntimeError("agenda: de plugin 'feeds' is nodig (voor de adressen)") from None
    return PADEN, site_base, tag_authority


def _write_dossier_agenda(i: int) -> str:
    """agenda/dossier/<id>.ics for dossier ``i`` (runs in a worker process on big
    sites); the path written."""
    dossiers, paden, out, base, host, locatie, duur = shared()
    d = dossiers[i]
    target = out / paden.dossier_agenda(d.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(kalender(
        d.label_titel,
        f"De vergaderingen van de gemeenteraad over dossier {d.id}: de geplande stemming, en de uitkomst als "
        "die er is.",
        agenda.dossier_agenda(d), base, host, locatie, duur, bron=f"{base}/{paden.dossier_agenda(d.id)}"))
    return str(target)


def webcal(base: str) -> str:
    """The site's address for calendar apps: ``webcal://`` asks them to subscribe (and
    fetch again) instead of importing a copy once."""
    return "webcal://" + base.split("://", 1)[-1]


class AgendaGenerator(Generator):
    def generate_context(self):
        _, site_base, _ = _paden()
        self.context["WEBCAL_BASE"] = webcal(site_base(self.settings))

    def generate_output(self, writer):
        site = self.context.get("raad")
        today = self.context.get("today")
        if site is None or today is None:  # pragma: no cover
            raise RuntimeError("agenda: de plugin 'dossiers' moet vóór 'agenda' in PLUGINS staan")
        paden, site_base, tag_authority = _paden()
        base = site_base(self.settings)
        host = tag_authority(self.settings).split(",")[0]
        gemeente = self.settings.get("GEMEENTE", "")
        locatie = self.settings.get("AGENDA_LOCATIE") or (self.settings.get("GRIFFIE") or {}).get("adres", "")
        duur = agenda.vergaderduur(self.settings.get("VERGADERDUUR"))
        out = Path(self.output_path)

        def write(pad: str, data: bytes) -> None:
            target = out / pad
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            signals.content_written.send(str(target), context=self.context)

        write(paden.vergaderingen, kalender(
            f"Vergaderingen gemeenteraad {gemeente}".strip(),
            "De vergaderingen van de gemeenteraad en de commissies, met de voorstellen op de agenda: de komende, "
            "en die van deze en de vorige raadsperiode. Een voorstel is nog niet besloten.",
            agenda.vergaderingen(site.dossiers, vanaf=agenda.historie_vanaf(site.perioden, today)),
            base, host, locatie, duur, bron=f"{base}/{paden.vergaderingen}"))
        # One calendar per dossier: thousands on a big site, serialised on every CPU.
        written = fork_map(_write_dossier_agenda, range(len(site.dossiers)),
                           shared=(site.dossiers, paden, out, base, host, locatie, duur))
        for path in written:  # written in workers: tell the plugins that follow (the guard) here
            signals.content_written.send(path, context=self.context)
