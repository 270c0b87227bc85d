"""Besluitresultaat, dossier status and the label rule ("voorstel, niet besluit").

A dossier is a *besluit* only when a council outcome from a vote (or a hamerstuk) is
recorded for it: aangenomen in any form, or verworpen. Until then it is a
*voorstel*; aangehouden and ingetrokken keep it a voorstel, with that status shown.
This module is the one place that rule is written down.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Label(StrEnum):
    VOORSTEL = "voorstel"
    BESLUIT = "besluit"


@dataclass(frozen=True)
class StatusInfo:
    slug: str
    naam: str  # as shown in a badge, lower case
    ods_code: str | None
    final: bool  # the council decided: the dossier becomes a besluit
    adopted: bool  # the measure now applies (some form of aangenomen)


class Status(Enum):
    """Every state a dossier can be in. What each says to a reader is in :mod:`raadsinfo.labels`."""

    IN_BEHANDELING = StatusInfo("in-behandeling", "in behandeling", None, False, False)
    AANGEHOUDEN = StatusInfo("aangehouden", "aangehouden", "U", False, False)
    INGETROKKEN = StatusInfo("ingetrokken", "ingetrokken", None, False, False)
    UNANIEM_AANGENOMEN = StatusInfo("unaniem-aangenomen", "unaniem aangenomen", "UA", True, True)
    AANGENOMEN = StatusInfo("aangenomen", "aangenomen", "A", True, True)
    GEAMENDEERD_AANGENOMEN = StatusInfo("geamendeerd-aangenomen", "geamendeerd aangenomen", "GA", True, True)
    ONDER_VOORBEHOUD_AANGENOMEN = StatusInfo("onder-voorbehoud-aangenomen", "onder voorbehoud aangenomen", "OA",
                                             True, True)
    VERWORPEN = StatusInfo("verworpen", "verworpen", "V", True, False)

    @property
    def info(self) -> StatusInfo:
        return self.value

    @property
    def slug(self) -> str:
        return self.value.slug

    @property
    def naam(self) -> str:
        return self.value.naam

    @property
    def final(self) -> bool:
        return self.value.final

    @property
    def label(self) -> Label:
        """The labelling rule: only a final council outcome makes a besluit."""
        return Label.BESLUIT if self.value.final else Label.VOORSTEL

    @classmethod
    def from_resultaat(cls, besluitresultaat: str) -> Status:
        return _BY_RESULTAAT[besluitresultaat]


_BY_RESULTAAT = {s.naam: s for s in Status if s is not Status.IN_BEHANDELING}

#: Results that need a vote (or a hamerstuk) and are checked against the votes.
VOTED_RESULTS = {s.naam for s in Status if s.final}
