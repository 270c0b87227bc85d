"""The Pelican generator that writes the feeds and the "Voor de pers" page.

generate_context only publishes the feed paths to the templates (FEEDS, FEED_BASE),
so every page can link its feeds; generate_output reads the dossiers that the
dossiers plugin loaded (context 'raad') and writes the files.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from raadsinfo.dossier import slugify
from raadsinfo.model import GREMIA
from raadsinfo.parallel import fork_map, shared

from .lijsten import MAX_ITEMS, alle_feeds, fracties
from .paden import PADEN, site_base, tag_authority
from .schrijver import Entries, Uitgever, atom_en_rss


def _write_feed(i: int) -> tuple[str, str]:
    """Write feed ``i`` as Atom and RSS (runs in a worker process on big sites); the
    two paths written.

    The folders exist already; ``entries`` is filled per process, so an event shared by
    several feeds is turned into a feedgen entry once per worker.
    """
    feeds, entries, out = shared()
    feed = feeds[i]
    data_atom, data_rss = atom_en_rss(feed, entries.uitgever, entries)
    paths = (out / feed.pad_atom, out / feed.pad_rss)
    for path, data in zip(paths, (data_atom, data_rss), strict=True):
        path.write_bytes(data)
    return str(paths[0]), str(paths[1])


class FeedsGenerator(Generator):
    def generate_context(self):
        self.base = site_base(self.settings)
        self.context.update(FEEDS=PADEN, FEED_BASE=self.base)

    def generate_output(self, writer):
        site = self.context.get("raad")
        if site is None:  # pragma: no cover - the dossiers plugin is not loaded
            raise RuntimeError("feeds: de plugin 'dossiers' moet vóór 'feeds' in PLUGINS staan")
        griffie = self.settings.get("GRIFFIE") or {}
        uitgever = Uitgever(
            base=self.base,
            naam=griffie.get("naam") or self.settings.get("AUTHOR") or self.settings["SITENAME"],
            email=griffie.get("email", ""),
            onderwerp_namen={o.slug: o.naam for o in site.onderwerpen},
        )
        feeds = alle_feeds(site, self.settings["SITENAME"], tag_authority(self.settings),
                           self.settings.get("FEED_MAX_ITEMS") or MAX_ITEMS)
        out = Path(self.output_path)
        for folder in {(out / pad).parent for f in feeds for pad in (f.pad_atom, f.pad_rss)}:
            folder.mkdir(parents=True, exist_ok=True)
        # Thousands of dossier feeds on a big site: serialise them on every CPU.
        written = fork_map(_write_feed, range(len(feeds)), shared=(feeds, Entries(uitgever), out))
        for paths in written:  # written in workers: tell the plugins that follow (the guard) here
            for path in paths:
                signals.content_written.send(path, context=self.context)
        writer.write_file(
            PADEN.pers, self.get_template("pers"), self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False), page_name=PADEN.pers[:-5],
            onderwerp_feeds=[(o, PADEN.onderwerp(o.slug)) for o in site.onderwerpen],
            fractie_feeds=[(naam, slugify(naam)) for naam in fracties(site)],
            gremium_feeds=list(GREMIA.items()),
            voorbeeld_dossier=voorbeeld_dossier(site.dossiers),
            open_data=open_data(self.settings),
        )


def voorbeeld_dossier(dossiers):
    """A current dossier for the examples on the press page: the one with the latest
    news (its last outcome, or its publication), ties by id, so a rebuild picks the same."""
    return max(dossiers, key=lambda d: (d.datum, d.id), default=None)


def open_data(settings) -> list[tuple[str, str]]:
    """(what, path) of the open-data files, at the paths the exports plugin writes them to."""
    get = lambda key, default: (settings.get(key) or default).strip("/")  # noqa: E731
    return [
        ("Alle dossiers (JSON)", get("EXPORT_JSON_SAVE_AS", "data/dossiers.json")),
        ("Alle dossiers (CSV, voor Excel)", get("EXPORT_DOSSIERS_CSV_SAVE_AS", "data/dossiers.csv")),
        ("Alle stemmingen per fractie (CSV, voor Excel)", get("EXPORT_STEMMINGEN_CSV_SAVE_AS", "data/stemmingen.csv")),
    ]
