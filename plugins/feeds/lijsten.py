"""Which feeds the site has and which events go in each (the words are Dutch, for readers).

The main, topic, fractie and gremium feeds carry the most recent FEED_MAX_ITEMS (50)
events (by their latest change, so a correction comes back to the top); a dossier
feed carries all of its own, so a journalist following one proposal misses nothing.
The voorstellen feed has every event labelled voorstel (a new voorstel, a moved
meeting, aangehouden, ingetrokken); the besluiten feed every event labelled besluit
(a final outcome, its publication in the Gemeenteblad).

A fractie's feed has the outcome events in which it voted or filed an amendement or
motie; a gremium's feed the events that are news for that committee or the council
(:attr:`raadsinfo.nieuws.Bericht.gremia`). Every entry is one of the site's events,
the same object as in the main feeds, so the guard knows it by id.
"""

from __future__ import annotations

from raadsinfo import nieuws
from raadsinfo.dossier import slugify
from raadsinfo.loader import Site
from raadsinfo.model import GREMIA
from raadsinfo.status import Label

from .paden import PADEN
from .schrijver import Feed

MAX_ITEMS = 50


def alle_feeds(site: Site, sitenaam: str, authority: str, max_items: int = MAX_ITEMS) -> list[Feed]:
    alle = nieuws.berichten(site.dossiers, authority)
    # An empty feed still needs an 'updated': the newest record of the site, not the clock.
    site_updated = nieuws.laatste_moment(alle)

    def feed(pad_atom, pad_rss, key, titel, beschrijving, html_pad, items, limit=max_items):
        items = items[:limit] if limit else items
        return Feed(pad_atom, pad_rss, nieuws.tag_uri(authority, f"feed/{key}"), titel, beschrijving,
                    html_pad, tuple(items), site_updated)

    out = [
        feed(PADEN.hoofd("alles", "atom"), PADEN.hoofd("alles", "rss"), "alles",
             f"{sitenaam}: voorstellen en besluiten",
             "Elk nieuw voorstel aan de gemeenteraad en elke uitkomst: aangehouden, ingetrokken, "
             "aangenomen of verworpen. Een voorstel is nog niet besloten; een besluit wel.",
             "dossiers/index.html", alle),
        feed(PADEN.hoofd("voorstellen", "atom"), PADEN.hoofd("voorstellen", "rss"), "voorstellen",
             f"{sitenaam}: voorstellen aan de raad",
             "Nieuwe voorstellen van het college aan de gemeenteraad, en voorstellen die zijn "
             "aangehouden of ingetrokken. Over een voorstel heeft de raad nog niet besloten.",
             "status/in-behandeling.html", [b for b in alle if b.label is Label.VOORSTEL]),
        feed(PADEN.hoofd("besluiten", "atom"), PADEN.hoofd("besluiten", "rss"), "besluiten",
             f"{sitenaam}: besluiten van de raad",
             "Besluiten van de gemeenteraad: voorstellen die de raad heeft aangenomen of verworpen, "
             "met de stemmen per fractie.",
             "dossiers/index.html", [b for b in alle if b.label is Label.BESLUIT]),
    ]
    for o in site.onderwerpen:
        out.append(feed(
            PADEN.onderwerp(o.slug, "atom"), PADEN.onderwerp(o.slug, "rss"), f"onderwerp/{o.slug}",
            f"{sitenaam}: {o.naam}",
            f"Voorstellen en besluiten over het onderwerp {o.naam}. {o.omschrijving}".strip(),
            f"onderwerpen/{o.slug}.html", [b for b in alle if o.slug in b.onderwerpen]))
    for naam in fracties(site):
        slug = slugify(naam)
        out.append(feed(
            PADEN.fractie(slug, "atom"), PADEN.fractie(slug, "rss"), f"fractie/{slug}",
            f"{sitenaam}: fractie {naam}",
            f"Hoe de fractie {naam} stemde over voorstellen, amendementen en moties, en de amendementen "
            "en moties die zij indiende.",
            "dossiers/index.html", [b for b in alle if naam in b.fracties]))
    for gremium, naam in GREMIA.items():
        wat = ("Nieuwe voorstellen, verplaatste stemmingen, uitkomsten en bekendmakingen"
               if gremium == "gemeenteraad" else "Voorstellen die hier worden besproken, en verplaatste vergaderingen")
        out.append(feed(
            PADEN.gremium(gremium, "atom"), PADEN.gremium(gremium, "rss"), f"gremium/{gremium}",
            f"{sitenaam}: {naam}", f"{wat} van de {naam}.",
            "dossiers/index.html", [b for b in alle if gremium in b.gremia]))
    # A dossier feed takes its events from ``alle`` (the same objects, so the writer
    # builds each entry once): sorted the same way, a dossier's share of ``alle`` is in
    # the order newest_first(berichten_van(d)) gives.
    per_dossier: dict[int, list] = {}
    for b in alle:
        per_dossier.setdefault(id(b.dossier), []).append(b)
    for d in site.dossiers:
        out.append(feed(
            PADEN.dossier(d.id, "atom"), PADEN.dossier(d.id, "rss"), f"dossier/{d.id}",
            f"{d.label_titel} ({sitenaam})",
            f"Alles over dossier {d.id}: het voorstel en wat de raad ermee doet.",
            d.url, per_dossier.get(id(d), []), limit=None))
    return out


def fracties(site: Site) -> list[str]:
    """Every fractie of every council period, by name: each gets its own feed, also
    one that has not voted yet (its feed is then empty, but its address exists)."""
    return sorted({f.naam for p in site.perioden for f in p.fracties}, key=str.casefold)
