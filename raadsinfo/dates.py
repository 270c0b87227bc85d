"""Dutch dates for people, via Babel ("24 februari 2022", "donderdag 6 juni 2024").

Dates are formatted tens of thousands of times in a large build and Babel is slow,
so the results are cached per date.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache

from babel.dates import format_date, format_time

LOCALE = "nl_NL"


@lru_cache(maxsize=4096)
def datum(day: date | datetime | None) -> str:
    """'6 juni 2024'."""
    if day is None:
        return ""
    return format_date(day, format="d MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def datum_lang(day: date | None) -> str:
    """'donderdag 6 juni 2024'."""
    if day is None:
        return ""
    return format_date(day, format="EEEE d MMMM y", locale=LOCALE)


@lru_cache(maxsize=1024)
def tijd(moment: time | None) -> str:
    """'19.30 uur', as Dutch government sites write times."""
    if moment is None:
        return ""
    return format_time(moment, format="HH.mm", locale=LOCALE) + " uur"


def bedrag(euros: int | None) -> str:
    """'€ 385.000'."""
    if euros is None:
        return ""
    return "€ " + f"{euros:,}".replace(",", ".")
