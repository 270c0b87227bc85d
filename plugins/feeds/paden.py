"""Where every feed and calendar lives: one place, so templates and writers agree.

These addresses are promised to subscribers (journalists paste them into a reader):
never change them. Paths are relative to the site root, without a leading slash.

=============================================  ============================================
feeds/alles.atom.xml, feeds/alles.rss.xml      every event: voorstellen and besluiten
feeds/voorstellen.atom.xml, .rss.xml           events labelled voorstel (new, aangehouden,
                                               ingetrokken)
feeds/besluiten.atom.xml, .rss.xml             events labelled besluit (final outcomes)
feeds/onderwerp/<slug>.atom.xml, .rss.xml      every event of the dossiers on one topic
feeds/dossier/<id>.atom.xml, .rss.xml          every event of one dossier
feeds/fractie/<slug>.atom.xml, .rss.xml        the votes of one fractie and the moties and
                                               amendementen it filed (the outcome events)
feeds/gremium/<gremium>.atom.xml, .rss.xml     the events of one committee or the council
agenda/vergaderingen.ics                       upcoming meetings and their dossiers
agenda/dossier/<id>.ics                        the planned vote of one dossier
pers.html                                      the "Voor de pers" page listing them all
=============================================  ============================================
"""

from __future__ import annotations

FORMATEN = ("atom", "rss")
HOOFDFEEDS = ("alles", "voorstellen", "besluiten")
PERS_PAGINA = "pers.html"


class Paden:
    """Feed and calendar paths; an instance is put in the template context as FEEDS."""

    pers = PERS_PAGINA
    vergaderingen = "agenda/vergaderingen.ics"

    @staticmethod
    def hoofd(naam: str, fmt: str = "atom") -> str:
        if naam not in HOOFDFEEDS or fmt not in FORMATEN:
            raise ValueError(f"onbekende feed {naam!r} / {fmt!r}")
        return f"feeds/{naam}.{fmt}.xml"

    @staticmethod
    def onderwerp(slug: str, fmt: str = "atom") -> str:
        return f"feeds/onderwerp/{slug}.{fmt}.xml"

    @staticmethod
    def dossier(dossier_id: str, fmt: str = "atom") -> str:
        return f"feeds/dossier/{dossier_id}.{fmt}.xml"

    @staticmethod
    def fractie(slug: str, fmt: str = "atom") -> str:
        return f"feeds/fractie/{slug}.{fmt}.xml"

    @staticmethod
    def gremium(gremium: str, fmt: str = "atom") -> str:
        return f"feeds/gremium/{gremium}.{fmt}.xml"

    @staticmethod
    def dossier_agenda(dossier_id: str) -> str:
        return f"agenda/dossier/{dossier_id}.ics"


PADEN = Paden()


def absolute(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path}"


def site_base(settings) -> str:
    """The absolute address the feeds and calendars point to.

    FEED_SITEURL wins (pelicanconf sets http://localhost:8000 so that a local build has
    valid feeds; publishconf sets it to SITEURL); otherwise an absolute SITEURL.
    """
    base = settings.get("FEED_SITEURL") or settings.get("SITEURL") or ""
    if not base.startswith(("http://", "https://")):
        raise ValueError(
            "feeds: een feed heeft een volledig webadres nodig. "
            f"Gevonden: FEED_SITEURL={settings.get('FEED_SITEURL')!r}, SITEURL={settings.get('SITEURL')!r}. "
            "Verwacht: een adres dat begint met http:// of https:// (zet FEED_SITEURL in pelicanconf.py)."
        )
    return base.rstrip("/")


def tag_authority(settings) -> str:
    from raadsinfo.nieuws import DEFAULT_TAG_AUTHORITY

    return settings.get("FEED_TAG_AUTHORITY") or DEFAULT_TAG_AUTHORITY
