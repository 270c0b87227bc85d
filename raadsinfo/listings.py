"""Groupings of dossiers for list pages: by status, topic and year; home page sets.

Plain Python so that the same groupings feed pages, feeds and exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import labels
from .dossier import Dossier
from .model import Onderwerp
from .status import Status


@dataclass(frozen=True)
class Lijst:
    """One list page: a title, a slug for the URL, an intro and its dossiers."""

    soort: str  # status / onderwerp / jaar
    slug: str
    titel: str
    intro: str
    dossiers: tuple[Dossier, ...]

    @property
    def url(self) -> str:
        folder = {"status": "status", "onderwerp": "onderwerpen", "jaar": "jaar"}[self.soort]
        return f"{folder}/{self.slug}.html"


def newest_first(dossiers) -> tuple[Dossier, ...]:
    return tuple(sorted(dossiers, key=lambda d: (d.datum, d.id), reverse=True))


def by_status(dossiers: list[Dossier]) -> list[Lijst]:
    return [
        Lijst("status", s.slug, s.naam[:1].upper() + s.naam[1:], labels.lijst_uitleg(s),
              newest_first(d for d in dossiers if d.status is s))
        for s in Status
    ]


def by_onderwerp(dossiers: list[Dossier], onderwerpen: list[Onderwerp]) -> list[Lijst]:
    return [
        Lijst("onderwerp", o.slug, o.naam, o.omschrijving,
              newest_first(d for d in dossiers if o.slug in d.voorstel.onderwerpen))
        for o in onderwerpen
    ]


def by_jaar(dossiers: list[Dossier]) -> list[Lijst]:
    years = sorted({d.jaar for d in dossiers}, reverse=True)
    return [
        Lijst("jaar", str(y), f"Voorstellen uit {y}",
              f"Alle voorstellen die het college in {y} naar de raad stuurde, en wat de raad ermee deed.",
              newest_first(d for d in dossiers if d.jaar == y))
        for y in years
    ]


def komende_stemmingen(dossiers: list[Dossier], today: date) -> list[Dossier]:
    """Open dossiers with a council vote planned today or later, soonest first."""
    upcoming = [d for d in dossiers if (s := d.geplande_stemming()) is not None and s.datum >= today]
    return sorted(upcoming, key=lambda d: (d.geplande_stemming().datum, d.id))


def recente_uitkomsten(dossiers: list[Dossier], limit: int = 10) -> list[Dossier]:
    """Dossiers with an outcome recorded, most recent meeting first."""
    done = [d for d in dossiers if d.laatste_uitkomst is not None]
    return list(newest_first(done))[:limit]


def uitslag_niet_verwerkt(dossiers: list[Dossier], today: date) -> list[Dossier]:
    return [d for d in dossiers if d.uitslag_ontbreekt(today)]
