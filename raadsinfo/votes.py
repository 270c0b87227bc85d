"""Vote rules: a recorded result must follow from the recorded votes.

Pure functions over a :class:`~raadsinfo.model.Stemronde` and the council period of
the meeting. Each returns a list of ``(path, message, found, expected, hint)``
tuples relative to the votes' location, so that the caller can attach file and line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Raadsperiode, Stemronde


@dataclass(frozen=True)
class VoteIssue:
    path: tuple
    message: str
    found: str | None = None
    expected: str | None = None
    hint: str | None = None


def check_stemronde(ronde: Stemronde, periode: Raadsperiode, require_all: bool = True) -> list[VoteIssue]:
    """Check fracties and counts against the council of the meeting date."""
    issues: list[VoteIssue] = []
    names = [f.naam for f in periode.fracties]
    seen: set[str] = set()
    for i, s in enumerate(ronde.stemmingen):
        fractie = periode.fractie(s.fractie)
        if fractie is None:
            close = difflib.get_close_matches(s.fractie, names, n=1, cutoff=0.6)
            issues.append(VoteIssue(
                (i, "fractie"),
                f"deze fractie zat niet in de raad van periode {periode.naam}",
                found=repr(s.fractie),
                expected="een van: " + ", ".join(names),
                hint=f"Bedoelt u '{close[0]}'?" if close else None,
            ))
            continue
        if s.fractie in seen:
            issues.append(VoteIssue((i, "fractie"), "deze fractie staat twee keer in de stemming", found=repr(s.fractie)))
        seen.add(s.fractie)
        counted = s.voor + s.tegen + s.afwezig
        if counted > fractie.zetels:
            issues.append(VoteIssue(
                (i,),
                f"meer stemmen dan zetels voor {s.fractie}",
                found=f"{s.voor} voor, {s.tegen} tegen, {s.afwezig} afwezig (samen {counted})",
                expected=f"samen hoogstens {fractie.zetels} (de zetels van {s.fractie})",
            ))
        if s.fractiestemresultaat == "verdeeld" and (s.voor == 0 or s.tegen == 0):
            issues.append(VoteIssue(
                (i, "fractiestemresultaat"),
                "een verdeelde fractie heeft leden voor én tegen",
                found=f"{s.voor} voor, {s.tegen} tegen",
                expected="bij 'verdeeld' minstens 1 voor en 1 tegen",
                hint="Vul 'voor' en 'tegen' in, of kies 'voor' of 'tegen' als de hele fractie gelijk stemde.",
            ))
        if s.fractiestemresultaat == "voor" and s.tegen:
            issues.append(VoteIssue((i, "tegen"), "de fractie stemde 'voor' maar er staan tegenstemmen",
                                    found=str(s.tegen), hint="Gebruik 'verdeeld' als de fractie niet gelijk stemde."))
        if s.fractiestemresultaat == "tegen" and s.voor:
            issues.append(VoteIssue((i, "voor"), "de fractie stemde 'tegen' maar er staan voorstemmen",
                                    found=str(s.voor), hint="Gebruik 'verdeeld' als de fractie niet gelijk stemde."))
    if require_all:
        missing = [n for n in names if n not in seen]
        if missing and len(seen) > 0:
            issues.append(VoteIssue(
                (),
                "niet elke fractie staat in de stemming",
                found="ontbreekt: " + ", ".join(missing),
                expected=f"alle fracties van periode {periode.naam}",
                hint="Zet een fractie die helemaal afwezig was erbij met 'afwezig' gelijk aan haar zetels.",
            ))
    total = ronde.voor + ronde.tegen
    if total > periode.zetels:
        issues.append(VoteIssue((), "meer stemmen dan zetels in de raad", found=str(total),
                                expected=f"hoogstens {periode.zetels}"))
    return issues


def check_result(resultaat: str, ronde: Stemronde, hamerstuk: bool = False) -> list[VoteIssue]:
    """The recorded result must follow from the votes (or from a hamerstuk)."""
    issues: list[VoteIssue] = []
    voted = {"unaniem aangenomen", "aangenomen", "geamendeerd aangenomen", "onder voorbehoud aangenomen", "verworpen"}
    counts = f"{ronde.voor} voor, {ronde.tegen} tegen"
    if hamerstuk:
        if ronde:
            issues.append(VoteIssue(("stemmingen",), "een hamerstuk heeft geen stemming",
                                    hint="Haal 'stemmingen' weg, of zet indicatieHamerstuk op false."))
        if resultaat not in {"aangenomen", "unaniem aangenomen"}:
            issues.append(VoteIssue(("besluitresultaat",), "een hamerstuk is altijd aangenomen zonder stemming",
                                    found=repr(resultaat), expected="'aangenomen' of 'unaniem aangenomen'"))
        return issues
    if resultaat not in voted:
        if ronde:
            issues.append(VoteIssue(("stemmingen",), f"bij '{resultaat}' is er niet gestemd",
                                    hint="Haal 'stemmingen' weg."))
        return issues
    if not ronde:
        issues.append(VoteIssue(("besluitresultaat",), f"bij '{resultaat}' horen de stemmingen per fractie",
                                expected="een lijst 'stemmingen', of indicatieHamerstuk: true",
                                hint="Vul per fractie in hoe zij stemde."))
        return issues
    if resultaat == "unaniem aangenomen" and (ronde.tegen > 0 or ronde.voor == 0):
        issues.append(VoteIssue(("besluitresultaat",), "'unaniem aangenomen' kan niet: er waren tegenstemmen",
                                found=counts, expected="0 tegen", hint="Gebruik 'aangenomen'."))
    elif resultaat in {"aangenomen", "geamendeerd aangenomen", "onder voorbehoud aangenomen"} and ronde.voor <= ronde.tegen:
        issues.append(VoteIssue(("besluitresultaat",), f"'{resultaat}' volgt niet uit de stemmen: er is geen meerderheid voor",
                                found=counts, expected="meer stemmen voor dan tegen",
                                hint="Controleer de stemmingen, of gebruik 'verworpen'."))
    elif resultaat == "verworpen" and ronde.voor > ronde.tegen:
        issues.append(VoteIssue(("besluitresultaat",), "'verworpen' volgt niet uit de stemmen: er is een meerderheid voor",
                                found=counts, expected="niet meer stemmen voor dan tegen",
                                hint="Controleer de stemmingen, of gebruik 'aangenomen'."))
    return issues
