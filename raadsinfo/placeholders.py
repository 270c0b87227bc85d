"""The fill-in texts of ``invoke new``, and the check that none is left in a record.

``invoke new`` writes a record with texts for the griffie to replace: "Schrijf hier
...", "wethouder ...", an address that is only "https://". Each is valid by the
schema, so without this check a forgotten one would be published as it stands. The
scaffold (buildtools/scaffold.py) takes its texts from here, so that the check knows
every one of them; tests/test_scaffold.py holds the two together.

The choices (the outcome, each fractie's vote) are written as a question the schema
does not accept (:data:`CHOICES`), so the schema check names them. Of the texts,
three signs, each of which only a fill-in text has:

* "Schrijf hier" anywhere, in a field or in the body;
* puntjes standing alone ("wethouder ...", "... vast te stellen;"): not after a
  word ("enzovoort...") and not between brackets ("(...)", a left-out part of a quote);
* an address with nothing after ``https://``.
"""

from __future__ import annotations

import re

from .characters import BODY_FIELD, field_name
from .problems import Problems
from .yamlsource import line_for

MARKER = "Schrijf hier"

#: The fill-in texts of a new voorstel.
PORTEFEUILLEHOUDER = "wethouder ..."
SAMENVATTING = ("Schrijf hier in korte zinnen wat het college voorstelt en wat het betekent "
                "voor inwoners.")
GEVRAAGD_BESLUIT = "Schrijf hier wat het college de raad vraagt te besluiten."
URL = "https://"
AANHEF_GELET_OP = "gelet op ...;"
PUNT = "... vast te stellen;"
BODY_VOORSTEL = "Schrijf hier de toelichting in gewone taal: wat is er aan de hand, en wat gaat er veranderen?"
#: The fill-in texts of a new outcome.
BESLUITTOELICHTING = "Schrijf hier in korte zinnen waarom de raad zo besloot."
#: Written where the griffie must choose (the outcome, each fractie's vote). No value
#: the schema accepts, so the schema check names each one until it is chosen
#: (:func:`raadsinfo.schema.check` says it is a choice still to be made).
KIES_RESULTAAT = "kies de uitkomst"
KIES_STEM = "voor of tegen"
CHOICES = frozenset({KIES_RESULTAAT, KIES_STEM})

_ALONE = re.compile(r"(?<![\w(\[.…])(?:\.\.\.|…)(?![\w)\].…])")
_EMPTY_URL = re.compile(r"^\s*https?://\s*$")
_MARKER = re.compile(r"schrijf\s+hier", re.IGNORECASE)
#: In the YAML as written, a sign that a value may be a fill-in text; without it (and
#: without a backslash, which could make one by an escape) no value is read.
_MAYBE = re.compile(r"schrijf\s+hier|\.\.\.|…|https?://(?![\w.-])", re.IGNORECASE)


def _found(text: str) -> str | None:
    """Which fill-in sign ``text`` has, in Dutch; None when it has none."""
    if _MARKER.search(text):
        return f"de voorbeeldtekst '{MARKER} ...'"
    if _EMPTY_URL.match(text):
        return f"alleen {text.strip()!r}, zonder de rest van het adres"
    if _ALONE.search(text):
        return "puntjes (...) om in te vullen"
    return None


def check(data: object, lines, body: str, body_line: int | None, display: str, problems: Problems,
          yaml_text: str | None = None) -> bool:
    """Add a problem for every field (and the body) that still holds a fill-in text.

    ``yaml_text``: the YAML the data was parsed from, when known; a record without any
    sign of a fill-in text in it is not walked.
    """
    clean = True
    maybe = yaml_text is None or "\\" in yaml_text or _MAYBE.search(yaml_text) is not None
    stack: list[tuple[tuple, object]] = [((), data)] if maybe else []
    found: list[tuple[tuple, str]] = []
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            sign = _found(value)
            if sign:
                found.append((path, sign))
        elif isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
    for path, sign in sorted(found, key=lambda f: line_for(lines, f[0]) or 0):
        clean = False
        problems.add(display, "hier staat nog een tekst om in te vullen", line=line_for(lines, path),
                     field=field_name(path), found=sign, expected="uw eigen tekst",
                     hint="Vervang de voorbeeldtekst van 'invoke new' door de echte tekst, of haal het veld "
                          "weg als het niet verplicht is.")
    marker = _MARKER.search(body)
    if marker:
        clean = False
        offset = marker.start()
        problems.add(display, "hier staat nog een tekst om in te vullen",
                     line=(body_line or 0) + body.count("\n", 0, offset) or None, field=BODY_FIELD,
                     found=f"de voorbeeldtekst '{MARKER} ...'", expected="uw eigen tekst",
                     hint="Vervang de voorbeeldtekst van 'invoke new' door de toelichting.")
    return clean
