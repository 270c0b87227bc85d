"""A dossier: one voorstel with the outcomes recorded for it, and its status.

Everything a page, feed or calendar needs to say about a proposal is derived here,
once, so that no output can compute the label or status differently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .labels import DossierTeksten, voor_dossier
from .model import Stap, Uitkomst, Voorstel
from .status import Label, Status


def slugify(text: str) -> str:
    """ASCII slug for URLs: 'Geld & belastingen' -> 'geld-belastingen'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@dataclass
class Dossier:
    voorstel: Voorstel
    uitkomsten: list[Uitkomst] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.voorstel.id

    @property
    def titel(self) -> str:
        return self.voorstel.titel

    @property
    def slug(self) -> str:
        return self.voorstel.id

    @property
    def url(self) -> str:
        """Site-relative URL; based on the id only, so a title change keeps links."""
        return f"dossiers/{self.id}.html"

    @property
    def laatste_uitkomst(self) -> Uitkomst | None:
        return self.uitkomsten[-1] if self.uitkomsten else None

    @property
    def besluit(self) -> Uitkomst | None:
        """The final outcome (voted or hamerstuk), if the council decided."""
        return next((u for u in self.uitkomsten if u.final), None)

    @property
    def status(self) -> Status:
        last = self.laatste_uitkomst
        return last.status if last else Status.IN_BEHANDELING

    @property
    def label(self) -> Label:
        return self.status.label

    @property
    def is_besluit(self) -> bool:
        return self.label is Label.BESLUIT

    @property
    def teksten(self) -> DossierTeksten:
        """Every label string of this dossier (:mod:`raadsinfo.labels`): what outputs print."""
        return voor_dossier(self)

    @property
    def label_titel(self) -> str:
        """The headline as every output shows it: "Voorstel aan de raad: ...",
        "Verworpen: ...", "Aangenomen zonder stemming: ..."."""
        return self.teksten.kop

    @property
    def stappen(self) -> tuple[Stap, ...]:
        return tuple(sorted(self.voorstel.behandeling, key=lambda s: s.datum))

    @property
    def open(self) -> bool:
        """Still waiting for the council: in behandeling or aangehouden."""
        return self.status in (Status.IN_BEHANDELING, Status.AANGEHOUDEN)

    def geplande_stemming(self) -> Stap | None:
        """The council meeting at which the vote is planned, if still open.

        That is the first gemeenteraad step after the last recorded outcome (an
        aangehouden outcome moves the vote to a later meeting).
        """
        if not self.open:
            return None
        after = self.laatste_uitkomst.vergaderdatum if self.laatste_uitkomst else date.min
        return next((s for s in self.stappen if s.is_raad and s.datum > after), None)

    def uitslag_ontbreekt(self, today: date) -> bool:
        """A planned vote date has passed but no outcome was recorded for it.

        The site then says "uitslag nog niet verwerkt" instead of guessing.
        """
        stemming = self.geplande_stemming()
        return stemming is not None and stemming.datum < today

    @property
    def wijzigingen(self) -> list:
        """Every correction of the dossier's published texts (voorstel and outcomes), oldest
        first: the dossier page lists them, so a reader sees what changed and when."""
        alle = [*self.voorstel.wijzigingen, *(w for u in self.uitkomsten for w in u.wijzigingen)]
        return sorted(alle, key=lambda w: w.datum)

    @property
    def datum(self) -> date:
        """The date that orders the dossier in 'recent' lists: latest event."""
        last = self.laatste_uitkomst
        return last.vergaderdatum if last else self.voorstel.datum_ingediend

    @property
    def jaar(self) -> int:
        return self.voorstel.jaar
