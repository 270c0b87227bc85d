"""The generator that writes the data exports next to the pages.

Files (UTF-8; CSV with a header row):

* ``data/dossiers.json``: every dossier with the ODS field names, see
  :func:`raadsinfo.export.dossiers_document`;
* ``data/dossiers.csv``: one row per dossier;
* ``data/stemmingen.csv``: one row per fractie per vote, decided dossiers only.

Paths are settings (``EXPORT_JSON_SAVE_AS`` ...) so a site can move them; an empty
value switches that file off.
"""

from __future__ import annotations

import os
from datetime import date

from pelican import signals
from pelican.generators import Generator

from raadsinfo import export

DEFAULTS = {
    "EXPORT_JSON_SAVE_AS": "data/dossiers.json",
    "EXPORT_DOSSIERS_CSV_SAVE_AS": "data/dossiers.csv",
    "EXPORT_STEMMINGEN_CSV_SAVE_AS": "data/stemmingen.csv",
}


class ExportGenerator(Generator):
    """Writes the exports from ``context['raad']`` (set by the dossiers generator)."""

    def generate_context(self):
        # Nothing to add: the dossiers generator has loaded and validated the records.
        pass

    def _setting(self, name: str) -> str:
        return self.settings.get(name, DEFAULTS[name])

    def generate_output(self, writer):
        site = self.context.get("raad")
        if site is None:
            raise RuntimeError("De exports hebben de dossiers nodig: zet 'dossiers' vóór 'exports' in PLUGINS.")
        dossiers = site.dossiers
        siteurl = self.settings.get("SITEURL", "") if not self.settings.get("RELATIVE_URLS") else ""
        today = self.context.get("today")
        files = {
            "EXPORT_JSON_SAVE_AS": lambda: export.to_json(export.dossiers_document(
                dossiers, siteurl=siteurl, gemeente=self.settings.get("GEMEENTE", ""),
                gebouwd_op=today if isinstance(today, date) else None)),
            "EXPORT_DOSSIERS_CSV_SAVE_AS": lambda: export.to_csv(
                export.dossier_rows(dossiers, siteurl), export.DOSSIER_COLUMNS),
            "EXPORT_STEMMINGEN_CSV_SAVE_AS": lambda: export.to_csv(
                export.stemming_rows(dossiers), export.STEMMING_COLUMNS),
        }
        for setting, make in files.items():
            save_as = self._setting(setting)
            if not save_as:
                continue
            path = os.path.join(self.output_path, save_as)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(make())
            signals.content_written.send(path, context=self.context)  # as Pelican's writer does
