"""The generator that writes the data exports next to the pages.

Files (UTF-8; CSV with a header row):

* ``data/dossiers.json``: every dossier with the ODS field names, see
  :func:`raadsinfo.export.dossiers_document`;
* ``data/dossiers.csv``: one row per dossier;
* ``data/stemmingen.csv``: one row per fractie per vote, decided dossiers only;
* ``data/ods/<Schema>.json``: the same facts as VNG Open Raadsinformatie (ODS 2.0)
  resources, one file per schema, see :mod:`raadsinfo.ods`.

The CSV files are written for Dutch Excel (:data:`raadsinfo.export.CSV_DIALECT`).
Paths are settings (``EXPORT_JSON_SAVE_AS`` ..., ``EXPORT_ODS_PATH`` for the ODS
folder) so a site can move them; an empty value switches that file off. ODS links
its resources with absolute addresses: ``FEED_SITEURL`` (the address feeds use, so a
local build points at ``invoke serve``), else an absolute ``SITEURL``.
``ODS_GEMEENTECODE`` (the CBS code, "0243" for Harderwijk) with ``GEMEENTE`` fills the
standard's ``gemeente``; without it that field is left out.
"""

from __future__ import annotations

import os
from datetime import date

from pelican import signals
from pelican.generators import Generator

from raadsinfo import export, ods

DEFAULTS = {
    "EXPORT_JSON_SAVE_AS": "data/dossiers.json",
    "EXPORT_DOSSIERS_CSV_SAVE_AS": "data/dossiers.csv",
    "EXPORT_STEMMINGEN_CSV_SAVE_AS": "data/stemmingen.csv",
    "EXPORT_ODS_PATH": "data/ods",
}


def absolute_base(settings) -> str:
    """The site's absolute address for the ODS links (as the feeds choose it)."""
    base = settings.get("FEED_SITEURL") or settings.get("SITEURL") or ""
    if not base.startswith(("http://", "https://")):
        raise ValueError(
            "exports: de ODS-bestanden hebben een volledig webadres nodig. "
            f"Gevonden: FEED_SITEURL={settings.get('FEED_SITEURL')!r}, SITEURL={settings.get('SITEURL')!r}. "
            "Verwacht: een adres dat begint met http:// of https:// (zet FEED_SITEURL in pelicanconf.py).")
    return base.rstrip("/")


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
        written = [(self._setting(setting), make) for setting, make in files.items()]
        folder = self._setting("EXPORT_ODS_PATH").strip("/")
        if folder:
            written += self._ods(site, folder, today if isinstance(today, date) else date.today())
        for save_as, make in written:
            if not save_as:
                continue
            path = os.path.join(self.output_path, save_as)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(make())
            signals.content_written.send(path, context=self.context)  # as Pelican's writer does

    def _ods(self, site, folder: str, today: date) -> list[tuple[str, object]]:
        """(path, maker) of each ODS file: all made in one pass, since they refer to each other."""
        base = absolute_base(self.settings)
        resources = ods.resources(
            site.dossiers, site.perioden, base_url=f"{base}/{folder}", site_url=base, today=today,
            gemeente=ods.gemeente(self.settings.get("GEMEENTE", ""), self.settings.get("ODS_GEMEENTECODE", "")))
        return [(f"{folder}/{schema}.json", lambda objs=objs: ods.to_json(objs)) for schema, objs in resources.items()]
