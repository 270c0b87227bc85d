"""Serialise news events (raadsinfo.nieuws) as Atom 1.0 and RSS 2.0 with feedgen.

No Pelican here: a :class:`Feed` says what goes in one feed, :func:`atom` and
:func:`rss` (or :func:`atom_en_rss`, both at once) turn it into bytes. Every date comes
from the records; feedgen's own default ("now") is always overwritten, so a rebuild
gives the same bytes.

Each entry links to the dossier page and carries categories that the labelling guard
(plugins/guard) and readers can use:

- ``term="voorstel|besluit"`` with scheme ``<site>/feeds/label``: the event's label;
- ``term="<dossier id>"`` with scheme ``<site>/feeds/dossier``;
- ``term="<onderwerp slug>"`` with scheme ``<site>/feeds/onderwerp``.

The documents of a voorstel are attachments (:class:`raadsinfo.nieuws.Bijlage`): in
Atom one ``link rel="enclosure"`` each, with its media type, and ``rel="related"`` for
one of unknown type; RSS 2.0 allows one ``enclosure`` per item, so it gets the first,
with ``length="0"``, the RSS convention for a size that is not known (the records do
not hold it). The HTML body links all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from raadsinfo.nieuws import Bericht, Bijlage

from .paden import absolute

#: Characters XML 1.0 cannot carry (control characters); lxml refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Used for the 'updated' of a feed of a site without any record at all.
_LEEG = datetime(2024, 1, 1, tzinfo=ZoneInfo("Europe/Amsterdam"))
_MIME = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


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


class BijlagenExtensie(BaseEntryExtension):
    """Writes the attachments of one entry (feedgen's own entry links cannot: version
    1.0.0 drops ``rel`` and ``type`` of every entry link)."""

    def __init__(self):
        self.bijlagen: tuple[Bijlage, ...] = ()

    def extend_atom(self, entry):
        for b in self.bijlagen:
            link = etree.SubElement(entry, "link", href=b.url, rel="enclosure" if b.type else "related")
            if b.type:
                link.set("type", b.type)
            if b.lengte is not None:
                link.set("length", str(b.lengte))
            link.set("title", xml_tekst(b.titel))
        return entry

    def extend_rss(self, item):
        first = next((b for b in self.bijlagen if b.type), None)
        if first is not None:
            etree.SubElement(item, "enclosure", url=first.url,
                             length=str(first.lengte if first.lengte is not None else 0), type=first.type)
        return item


class Entries:
    """One feedgen entry per news event, shared by every feed that carries the event.

    An event is in its dossier's feed, in a topic feed and in the main feeds, each as
    Atom and as RSS. A feedgen entry holds no state of the feed it is in (no extension
    is loaded), and both formats read it, so it is filled in once per event instead of
    once per feed and format: the same event then has the same entry bytes everywhere.
    Keyed by the identity of the :class:`Bericht` (kept alive here): two events that
    happen to share an id still get their own entry.
    """

    def __init__(self, uitgever: Uitgever):
        self.uitgever = uitgever
        self._namen = uitgever.onderwerp_namen or {}
        self._label = absolute(uitgever.base, "feeds/label")
        self._dossier = absolute(uitgever.base, "feeds/dossier")
        self._onderwerp = absolute(uitgever.base, "feeds/onderwerp")
        self._made: dict[int, tuple[Bericht, FeedEntry]] = {}

    def __call__(self, b: Bericht) -> FeedEntry:
        made = self._made.get(id(b))
        if made is None:
            made = self._made[id(b)] = (b, self._entry(b))
        return made[1]

    def _entry(self, b: Bericht) -> FeedEntry:
        fe = FeedEntry()
        fe.id(b.id)  # also the RSS guid, isPermaLink="false"
        fe.title(xml_tekst(b.titel))
        fe.link(href=absolute(self.uitgever.base, b.url), rel="alternate", type="text/html")
        fe.summary(xml_tekst(b.samenvatting))
        fe.content(xml_tekst(b.inhoud), type="html")
        fe.published(b.published)
        fe.updated(b.updated)
        # No 'label' on these two: feedgen would put the label, not the term, in RSS.
        fe.category([
            {"term": b.label.value, "scheme": self._label},
            {"term": b.dossier_id, "scheme": self._dossier},
        ] + [
            {"term": slug, "scheme": self._onderwerp, "label": xml_tekst(self._namen.get(slug, slug))}
            for slug in b.onderwerpen
        ])
        if b.bijlagen:
            fe.register_extension("bijlagen", BijlagenExtensie)
            fe.bijlagen.bijlagen = b.bijlagen
        return fe


def _generator(feed: Feed, uitgever: Uitgever, entries: Entries) -> FeedGenerator:
    """Everything of a feed but its links, which differ per format (see :func:`_links`)."""
    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(xml_tekst(feed.titel))
    fg.subtitle(xml_tekst(feed.beschrijving))  # RSS: description
    author = {"name": uitgever.naam}
    if uitgever.email:
        author["email"] = uitgever.email
    fg.author(author)
    fg.language("nl")
    updated = feed.updated
    fg.updated(updated)  # also RSS lastBuildDate; never the build time
    fg.pubDate(updated)
    fg.generator("python-feedgen (Raadsinformatie)")
    for b in feed.berichten:
        fg.add_entry(entries(b), order="append")
    return fg


def _links(fg: FeedGenerator, feed: Feed, uitgever: Uitgever, fmt: str) -> FeedGenerator:
    # feedgen takes the LAST link as the RSS <link>, so the page (alternate) comes after
    # self; self also gives the RSS feed its atom:link rel="self".
    fg.link([
        {"href": absolute(uitgever.base, feed.pad_atom if fmt == "atom" else feed.pad_rss),
         "rel": "self", "type": _MIME[fmt]},
        {"href": absolute(uitgever.base, feed.html_pad), "rel": "alternate", "type": "text/html"},
    ], replace=True)
    return fg


def _entries_for(uitgever: Uitgever, entries: Entries | None) -> Entries:
    """Entries filled for another publisher carry its links and labels: refuse them."""
    if entries is None:
        return Entries(uitgever)
    if entries.uitgever != uitgever:
        raise ValueError("feeds: de gedeelde entries horen bij een andere uitgever")
    return entries


def atom_en_rss(feed: Feed, uitgever: Uitgever, entries: Entries | None = None) -> tuple[bytes, bytes]:
    """Both formats of one feed from one generator; pass ``entries`` to share them between feeds."""
    fg = _generator(feed, uitgever, _entries_for(uitgever, entries))
    return (_links(fg, feed, uitgever, "atom").atom_str(pretty=True, encoding="UTF-8"),
            _links(fg, feed, uitgever, "rss").rss_str(pretty=True, encoding="UTF-8"))


def atom(feed: Feed, uitgever: Uitgever, entries: Entries | None = None) -> bytes:
    fg = _generator(feed, uitgever, _entries_for(uitgever, entries))
    return _links(fg, feed, uitgever, "atom").atom_str(pretty=True, encoding="UTF-8")


def rss(feed: Feed, uitgever: Uitgever, entries: Entries | None = None) -> bytes:
    fg = _generator(feed, uitgever, _entries_for(uitgever, entries))
    return _links(fg, feed, uitgever, "rss").rss_str(pretty=True, encoding="UTF-8")
