"""Vote rules: a recorded result must follow from the recorded votes.

Pure functions over a :class:`~raadsinfo.model.Stemronde` and the council period of
the meeting. Each returns a list of :class:`VoteIssue` whose ``path`` is relative to
the votes' location in the record, so that the caller can attach file and line.

The rules, each tested with an input that breaks it (tests/test_votes.py):

* every fractie that voted sat in the council on the meeting date;
* a fractie is listed once, and all fracties of that council are listed;
* a fractie's voor + tegen + afwezig equals its seats (no more, and none missing);
* 'verdeeld' has members on both sides; 'voor' has no tegen, 'tegen' has no voor;
* the total number of votes is at most the seats of the council;
* the besluitresultaat follows from the totals (unaniem: nobody against; aangenomen:
  more voor than tegen; verworpen: not more voor than tegen);
* a hamerstuk has no votes and is always adopted; aangehouden and ingetrokken have
  no votes; a voted result needs votes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Raadsperiode, Stemronde

#: Results that come from a vote (or a hamerstuk) and are checked against the votes.
VOTED = {"unaniem aangenomen", "aangenomen", "geamendeerd aangenomen", "onder voorbehoud aangenomen", "verworpen"}
ADOPTED = {"aangenomen", "geamendeerd aangenomen", "onder voorbehoud aangenomen"}


@dataclass(frozen=True)
class VoteIssue:
    path: tuple
    message: str
    found: str | None = None
    expected: str | None = None
    hint: str | None = None


def _counts(s) -> str:
    return f"{s.voor} voor, {s.tegen} tegen, {s.afwezig} afwezig (samen {s.voor + s.tegen + s.afwezig})"


def check_stemronde(ronde: Stemronde, periode: Raadsperiode, require_all: bool = True) -> list[VoteIssue]:
    """Check fracties and counts against the council of the meeting date."""
    issues: list[VoteIssue] = []
    names = [f.naam for f in periode.fracties]
    seen: set[str] = set()
    suggested: set[str] = set()
    for i, s in enumerate(ronde.stemmingen):
        fractie = periode.fractie(s.fractie)
        if fractie is None:
            close = difflib.get_close_matches(s.fractie, names, n=1, cutoff=0.6)
            suggested.update(close)
            issues.append(VoteIssue(
                (i, "fractie"),
                f"deze fractie zat niet in de raad van periode {periode.naam}",
                found=repr(s.fractie),
                expected="een van: " + ", ".join(names),
                hint=f"Bedoelt u '{close[0]}'?" if close else
                "Controleer de naam en de vergaderdatum: elke raadsperiode heeft haar eigen fracties.",
            ))
            continue
        if s.fractie in seen:
            issues.append(VoteIssue((i, "fractie"), "deze fractie staat twee keer in de stemming",
                                    found=repr(s.fractie), expected="elke fractie één keer"))
            continue
        seen.add(s.fractie)
        counted = s.voor + s.tegen + s.afwezig
        if counted > fractie.zetels:
            issues.append(VoteIssue(
                (i,),
                f"meer stemmen dan zetels voor {s.fractie}",
                found=_counts(s),
                expected=f"samen precies {fractie.zetels} (de zetels van {s.fractie})",
                hint="Controleer 'voor', 'tegen' en 'afwezig'.",
            ))
        elif counted < fractie.zetels:
            issues.append(VoteIssue(
                (i,),
                f"de stemmen van {s.fractie} tellen niet op tot haar zetels",
                found=_counts(s),
                expected=f"samen precies {fractie.zetels} (de zetels van {s.fractie})",
                hint="Zet leden die niet meestemden bij 'afwezig'.",
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
                                    found=str(s.tegen), expected="0",
                                    hint="Gebruik 'verdeeld' als de fractie niet gelijk stemde."))
        if s.fractiestemresultaat == "tegen" and s.voor:
            issues.append(VoteIssue((i, "voor"), "de fractie stemde 'tegen' maar er staan voorstemmen",
                                    found=str(s.voor), expected="0",
                                    hint="Gebruik 'verdeeld' als de fractie niet gelijk stemde."))
    if require_all and seen:
        # A misspelled fractie is already reported above; do not report it as missing too.
        missing = [n for n in names if n not in seen and n not in suggested]
        if missing:
            issues.append(VoteIssue(
                (),
                "niet elke fractie staat in de stemming",
                found="ontbreekt: " + ", ".join(missing),
                expected=f"alle fracties van periode {periode.naam}",
                hint="Zet een fractie die helemaal afwezig was erbij met 'afwezig' gelijk aan haar zetels.",
            ))
    total = ronde.voor + ronde.tegen
    # Per-fractie counts within seats that add up to the council's seats cannot
    # exceed the council: only report the total when nothing above explains it.
    if total > periode.zetels and not issues:
        issues.append(VoteIssue((), "meer stemmen dan zetels in de raad", found=f"{total} stemmen",
                                expected=f"hoogstens {periode.zetels}"))
    return issues


def check_result(resultaat: str, ronde: Stemronde, hamerstuk: bool = False) -> list[VoteIssue]:
    """The recorded result must follow from the votes (or from a hamerstuk)."""
    issues: list[VoteIssue] = []
    counts = f"{ronde.voor} voor, {ronde.tegen} tegen"
    if hamerstuk:
        if ronde:
            issues.append(VoteIssue(("stemmingen",), "een hamerstuk heeft geen stemming",
                                    found=f"{len(ronde.stemmingen)} regels onder 'stemmingen'",
                                    expected="geen 'stemmingen'",
                                    hint="Haal 'stemmingen' weg, of zet indicatieHamerstuk op false."))
        if resultaat not in {"aangenomen", "unaniem aangenomen"}:
            issues.append(VoteIssue(("besluitresultaat",), "een hamerstuk is altijd aangenomen zonder stemming",
                                    found=repr(resultaat), expected="'aangenomen' of 'unaniem aangenomen'",
                                    hint="Was het geen hamerstuk? Zet indicatieHamerstuk dan op false."))
        return issues
    if resultaat not in VOTED:
        if ronde:
            issues.append(VoteIssue(("stemmingen",), f"bij '{resultaat}' is er niet gestemd",
                                    found=f"{len(ronde.stemmingen)} regels onder 'stemmingen'",
                                    expected="geen 'stemmingen'", hint="Haal 'stemmingen' weg."))
        return issues
    if not ronde:
        issues.append(VoteIssue(("besluitresultaat",), f"bij '{resultaat}' horen de stemmingen per fractie",
                                found="geen 'stemmingen'",
                                expected="een lijst 'stemmingen', of indicatieHamerstuk: true",
                                hint="Vul per fractie in hoe zij stemde."))
        return issues
    if resultaat == "unaniem aangenomen":
        if ronde.tegen > 0:
            issues.append(VoteIssue(("besluitresultaat",), "'unaniem aangenomen' kan niet: er waren tegenstemmen",
                                    found=counts, expected="0 tegen", hint="Gebruik 'aangenomen'."))
        elif ronde.voor == 0:
            issues.append(VoteIssue(("besluitresultaat",), "'unaniem aangenomen' kan niet: niemand stemde voor",
                                    found=counts, expected="minstens 1 voor en 0 tegen",
                                    hint="Controleer de stemmingen."))
    elif resultaat in ADOPTED and ronde.voor <= ronde.tegen:
        issues.append(VoteIssue(("besluitresultaat",),
                                f"'{resultaat}' volgt niet uit de stemmen: er is geen meerderheid voor",
                                found=counts, expected="meer stemmen voor dan tegen",
                                hint="Controleer de stemmingen, of gebruik 'verworpen'."))
    elif resultaat == "verworpen" and ronde.voor > ronde.tegen:
        issues.append(VoteIssue(("besluitresultaat",),
                                "'verworpen' volgt niet uit de stemmen: er is een meerderheid voor",
                                found=counts, expected="niet meer stemmen voor dan tegen",
                                hint="Controleer de stemmingen, of gebruik 'aangenomen'."))
    return issues
