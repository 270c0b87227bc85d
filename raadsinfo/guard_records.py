"""The labelling rule at record depth: a record cannot declare itself decided.

Two checks, both reported as Dutch problems with file, line, field, the offending
text and what to write instead:

* :func:`check_loaded` (called by :mod:`raadsinfo.loader` while loading): the texts of
  a voorstel that are shown where its label is (``titel``, ``samenvatting``,
  ``gevraagdBesluit``) may not present the measure as decided ("De raad heeft
  besloten", "Besluit:", "vastgesteld" in the title...); an outcome that does not
  decide (aangehouden, ingetrokken) may not explain itself as a decision or carry a
  bekendmaking (publication in the Gemeenteblad is only for decisions).
* :func:`check_site` (called by the guard plugin before anything is written): every
  dossier labelled besluit has a final outcome with a recorded vote or a hamerstuk.
  The loader's vote rules already demand that; this is the guard's own, independent
  assertion of the labelling rule, so a regression elsewhere cannot slip through.

The language itself lives in :mod:`raadsinfo.labelling`.
"""

from __future__ import annotations

from . import labelling
from .labelling import Plek
from .problems import Problems, RecordsInvalid
from .yamlsource import line_for

#: Voorstel fields shown where the label is, with the kind of place they are shown.
VOORSTEL_VELDEN = (("titel", Plek.LABEL), ("samenvatting", Plek.TEKST))


def _report(problems: Problems, display: str, lines: dict, path: tuple, field: str, text: str, plek: Plek,
            wat: str) -> None:
    for claim in labelling.claims(text, plek):
        twijfel = "twijfelgeval: " if claim.regel.twijfel else ""
        expected = claim.regel.schrijf
        if field == "titel":
            kaal = labelling.normalise(text).replace(claim.gevonden, " ").strip(" :-|–—")
            expected = (f"een titel zonder uitslag of label, bijvoorbeeld {kaal!r}; de site zet er zelf "
                        "'Voorstel aan de raad:' (of na de stemming 'Besluit:') voor")
        problems.add(
            display,
            f"{twijfel}{wat} presenteert het voorstel als besluit, maar alleen een uitkomst van de raad maakt "
            f"er een besluit van ({claim.regel.reden})",
            line=line_for(lines, path), field=field, found=repr(claim.gevonden),
            expected=expected,
        )


def check_voorstel(voorstel, lines: dict, display: str, problems: Problems) -> None:
    for key, plek in VOORSTEL_VELDEN:
        _report(problems, display, lines, (key,), key, getattr(voorstel, key), plek, f"de {key}")
    for i, punt in enumerate(voorstel.gevraagd_besluit):
        _report(problems, display, lines, ("gevraagdBesluit", i), f"gevraagdBesluit[{i + 1}]", punt, Plek.TEKST,
                "dit punt van het gevraagde besluit")


def check_uitkomst(uitkomst, lines: dict, display: str, problems: Problems) -> None:
    if uitkomst.final:
        return
    if uitkomst.besluittoelichting:
        _report(problems, display, lines, ("besluittoelichting",), "besluittoelichting",
                uitkomst.besluittoelichting, Plek.TEKST, f"de uitleg bij '{uitkomst.besluitresultaat}'")
    if uitkomst.bekendmaking_datum or uitkomst.bekendmaking_url:
        problems.add(
            display, f"een voorstel dat is {uitkomst.besluitresultaat} is geen besluit en wordt niet bekendgemaakt",
            line=line_for(lines, ("bekendmaking",)), field="bekendmaking", found="een bekendmaking",
            expected="geen 'bekendmaking' bij aangehouden of ingetrokken",
            hint="Haal 'bekendmaking' weg; zet die in de uitkomst die het besluit vastlegt.",
        )


def check_loaded(voorstellen, uitkomsten, problems: Problems) -> None:
    """Check loaded records; items have ``record``, ``lines`` and ``display``."""
    for item in voorstellen:
        check_voorstel(item.record, item.lines, item.display, problems)
    for item in uitkomsten:
        check_uitkomst(item.record, item.lines, item.display, problems)


def site_problems(site) -> Problems:
    """Dossiers labelled besluit without a voted or hamerstuk outcome."""
    problems = Problems()
    for d in site.dossiers:
        if not d.is_besluit:
            continue
        besluit = d.besluit
        if besluit is None or not (besluit.hamerstuk or besluit.stemronde):
            source = besluit.source if besluit else d.voorstel.source
            problems.add(source, "dit dossier staat als besluit, maar er is geen stemming en het is geen hamerstuk",
                         field="stemmingen", expected="de stemmingen per fractie, of indicatieHamerstuk: true",
                         hint="Alleen een uitkomst met een stemming of een hamerstuk maakt een voorstel tot besluit.")
    return problems


def check_site(site) -> None:
    problems = site_problems(site)
    if problems:
        raise RecordsInvalid(problems)
