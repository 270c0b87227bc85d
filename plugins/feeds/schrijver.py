"""Serialise news events (raadsinfo.nieuws) as Atom 1.0 and RSS 2.0 with feedgen.

No Pelican here: a :class:`Feed` says what goes in one feed, :func:`atom` and
:func:`rss` turn it into bytes. Every date comes from the records; feedgen's own
default ("now") is always overwritten, so a rebuild gives the same bytes.

Each entry links to the dossier page and carries categories that the labelling guard
(plugins/guard) and readers can use:

- ``term="voorstel|besluit"`` with scheme ``<site>/feeds/label``: the event's label;
- ``term="<dossier id>"`` with scheme ``<site>/feeds/dossier``;
- ``term="<onderwerp slug>"`` with scheme ``<site>/feeds/onderwerp``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from raadsinfo.nieuws import Bericht

from .paden import absolute

#: Characters XML 1.0 cannot carry (control characters); lxml refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Used for the 'updated' of a feed of a site without any record at all.
_LEEG = datetime(2024, 1, 1, tzinfo=ZoneInfo("Europe/Amsterdam"))


def xml_tekst(text: str) -> str:
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Feed:
    """One feed: its path, its words, its entries (newest first) and its fallback date."""

    pad_atom: str
    pad_rss: str
    id: str  # tag URI of the feed itself
    titel: str
    beschrijving: str
    html_pad: str  # the page that shows the same list
    berichten: tuple[Bericht, ...]
    leeg_updated: datetime | None = None  # 'updated' when the feed has no entries

    @property
    def updated(self) -> datetime:
        dates = [b.updated for b in self.berichten]
        return max(dates) if dates else (self.leeg_updated or _LEEG)


@dataclass(frozen=True)
class Uitgever:
    """Who publishes the feeds: the site's name and base address, the griffie."""

    base: str  # absolute, no trailing slash
    naam: str
    email: str = ""
    onderwerp_namen: dict | None = None  # slug -> naam, for category labels


def _generator(feed: Feed, uitgever: Uitgever, self_pad: str, fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(xml_tekst(feed.titel))
    fg.subtitle(xml_tekst(feed.beschrijving))  # RSS: description
    author = {"name": uitgever.naam}
    if uitgever.email:
        author["email"] = uitgever.email
    fg.author(author)
    # feedgen takes the LAST link as the RSS <link>, so the page (alternate) comes after
    # self; self also gives the RSS feed its atom:link rel="self".
    fg.link(href=absolute(uitgever.base, self_pad), rel="self",
            type="application/atom+xml" if fmt == "atom" else "application/rss+xml")
    fg.link(href=absolute(uitgever.base, feed.html_pad), rel="alternate", type="text/html")
    fg.language("nl")
    fg.updated(feed.updated)  # also RSS lastBuildDate; never the build time
    fg.pubDate(feed.updated)
    fg.generator("python-feedgen (Raadsinformatie)")
    namen = uitgever.onderwerp_namen or {}
    for b in feed.berichten:
        fe = fg.add_entry(order="append")
        fe.id(b.id)  # also the RSS guid, isPermaLink="false"
        fe.title(xml_tekst(b.titel))
        fe.link(href=absolute(uitgever.base, b.url), rel="alternate", type="text/html")
        fe.summary(xml_tekst(b.samenvatting))
        fe.content(xml_tekst(b.inhoud), type="html")
        fe.published(b.published)
        fe.updated(b.updated)
        # No 'label' on these two: feedgen would put the label, not the term, in RSS.
        categories = [
            {"term": b.label.value, "scheme": absolute(uitgever.base, "feeds/label")},
            {"term": b.dossier_id, "scheme": absolute(uitgever.base, "feeds/dossier")},
        ] + [
            {"term": slug, "scheme": absolute(uitgever.base, "feeds/onderwerp"),
             "label": xml_tekst(namen.get(slug, slug))}
            for slug in b.onderwerpen
        ]
        fe.category(categories)
    return fg


def atom(feed: Feed, uitgever: Uitgever) -> bytes:
    return _generator(feed, uitgever, feed.pad_atom, "atom").atom_str(pretty=True, encoding="UTF-8")


def rss(feed: Feed, uitgever: Uitgever) -> bytes:
    return _generator(feed, uitgever, feed.pad_rss, "rss").rss_str(pretty=True, encoding="UTF-8")
