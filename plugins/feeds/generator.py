"""The Pelican generator that writes the feeds and the "Voor de pers" page.

generate_context only publishes the feed paths to the templates (FEEDS, FEED_BASE),
so every page can link its feeds; generate_output reads the dossiers that the
dossiers plugin loaded (context 'raad') and writes the files.
"""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from raadsinfo.parallel import fork_map, shared

from .lijsten import MAX_ITEMS, alle_feeds
from .paden import PADEN, site_base, tag_authority
from .schrijver import Uitgever, atom, rss


def _write_feed(i: int) -> None:
    """Write feed ``i`` as Atom and RSS (runs in a worker process on big sites)."""
    feeds, uitgever, out = shared()
    feed = feeds[i]
    for pad, data in ((feed.pad_atom, atom(feed, uitgever)), (feed.pad_rss, rss(feed, uitgever))):
        target = out / pad
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


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
        # Thousands of dossier feeds on a big site: serialise them on every CPU.
        fork_map(_write_feed, range(len(feeds)), shared=(feeds, uitgever, Path(self.output_path)))
        writer.write_file(
            PADEN.pers, self.get_template("pers"), self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False), page_name=PADEN.pers[:-5],
            onderwerp_feeds=[(o, PADEN.onderwerp(o.slug)) for o in site.onderwerpen],
            voorbeeld_dossier=site.dossiers[0] if site.dossiers else None,
        )
