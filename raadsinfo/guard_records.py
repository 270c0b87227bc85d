"""The labelling rule at record depth: no record may present an undecided dossier as decided.

Two checks, both reported as Dutch problems with file, line, field, what was found
and what to write instead:

* :func:`check_dossiers` (called by :func:`raadsinfo.loader.load_site`, so by
  ``invoke check`` and by the build alike): the wording check. Everything a reader
  sees of a dossier that is not a besluit is read as a reader sees it
  (:mod:`raadsinfo.reading`) and judged by :mod:`raadsinfo.labelling`: the title,
  summary, portefeuillehouder, asked decision, ontwerpbesluit, the Markdown body (with
  the line of the sentence in the file; tooltips too), document titles, the
  explanations of costs and trees, and of each outcome that did not decide
  (aangehouden, ingetrokken) its explanation, body, and the titles, descriptions,
  indieners and voting fracties of its moties and amendementen; and the names and
  descriptions of the topics such a dossier is filed under (once each). The asked
  decision and the ontwerpbesluit (and a body's section under a heading such as
  "Gevraagd besluit") are the question to the council: there "De raad stelt het plan
  vast." is the question, not an outcome (:attr:`Plek.VRAAG`). Claims are judged with
  the names of this municipality (:class:`labelling.Namen`) and the day the proposal
  was submitted (a decision dated before it is an earlier one). A claim is an error;
  a doubtful sentence a warning, which the record can confirm with a reason in
  ``labelcontrole`` (never in a title or heading: those must be clear). Every
  confirmed sentence is listed by ``invoke check``; a confirmation that no longer
  matches a doubtful sentence is itself a warning, so that confirmations do not rot.
  An undecided outcome may not carry a bekendmaking either (publication in the
  Gemeenteblad is only for decisions).
* :func:`check_site` (called by the guard plugin before anything is written): every
  dossier labelled besluit has a final outcome with a recorded vote or a hamerstuk.
  The loader's vote rules already demand that; this is the guard's own, independent
  assertion of the labelling rule, so a regression elsewhere cannot slip through.

The language itself lives in :mod:`raadsinfo.labelling`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from . import guard_pages, labelling, reading
from .dates import datum
from .labelling import Claim, Plek
from .parallel import fork_map, shared
from .problems import Problems, RecordsInvalid
from .yamlsource import line_for

ONDERWERPEN_BESTAND = "content/raad/onderwerpen.yaml"
#: A heading in a body over what the council is asked: the text under it is the question.
_VRAAG_KOP = re.compile(r"\b(?:gevraagde?|beslispunten?|ontwerp-?besluit|voorgestelde?|voorstel\s+aan\s+de\s+raad|"
                        r"wat\s+(?:vraagt|vragen|stelt|wordt)\b[^?]*\b(?:gevraagd|voor)|het\s+voorstel)\b",
                        re.IGNORECASE)
#: The formula's "besluit:" on a line of its own, before the points of a draft decision.
_BESLUIT_REGEL = re.compile(r"\W*besluit\s*:\W*", re.IGNORECASE)
#: Words for an outcome that does not decide: the site shows them itself, next to the title.
_UITKOMSTWOORD = re.compile(r"\b(?:aangehouden|ingetrokken|uitgesteld|teruggenomen)\b", re.IGNORECASE)
_ZIN_MAX = 160


@dataclass(frozen=True)
class Bron:
    """Where one record's texts are in its file: its key lines, and the file line of
    the first line of its Markdown body (after the blank lines that are stripped)."""

    display: str
    lines: Mapping = field(default_factory=dict)
    body_line: int | None = None


@dataclass(frozen=True)
class BevestigdeZin:
    """A doubtful sentence that a record confirmed, with the reason: ``invoke check`` lists them."""

    path: str
    line: int | None
    field: str
    zin: str
    reden: str

    def format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: veld '{self.field}': \"{self.zin}\" (reden: {self.reden})"


@dataclass(frozen=True)
class _Tekst:
    """One text a reader sees: where it is, how it is shown."""

    record: object
    pad: tuple  # key path in the front matter, for its line
    veld: str  # field name as shown in a message
    wat: str  # Dutch: what it is, for the message ("de samenvatting")
    tekst: str
    plek: Plek = Plek.TEKST
    kop: bool = False
    body: bool = False


@dataclass
class _Bevestiging:
    zin: str
    reden: str
    index: int
    sleutel: str
    gebruikt: bool = False
    bij_fout: bool = False


def _sleutel(text: str) -> str:
    """A confirmation and a sentence are compared as read, in lower case, without signs."""
    return " ".join(re.sub(r"[^\w\s]", " ", reading.lees_veld(text).lower()).split())


def _teksten(dossier) -> Iterator[_Tekst]:
    """Every text a reader sees of ``dossier`` (an undecided one), with its place."""
    v = dossier.voorstel
    yield _Tekst(v, ("titel",), "titel", "de titel", v.titel, Plek.LABEL)
    yield _Tekst(v, ("samenvatting",), "samenvatting", "de samenvatting", v.samenvatting)
    yield _Tekst(v, ("portefeuillehouder",), "portefeuillehouder", "de portefeuillehouder", v.portefeuillehouder,
                 kop=True)
    for i, punt in enumerate(v.gevraagd_besluit):
        yield _Tekst(v, ("gevraagdBesluit", i), f"gevraagdBesluit[{i + 1}]",
                     f"punt {i + 1} van het gevraagde besluit", punt, Plek.VRAAG)
    yield from _ontwerpbesluit(v, getattr(v, "ontwerpbesluit", None))
    if v.toelichting:
        yield _Tekst(v, (), "toelichting (tekst onder de voorkant)", "de tekst onder de voorkant", v.toelichting,
                     body=True)
    for i, doc in enumerate(v.documenten):
        yield _Tekst(v, ("documenten", i, "titel"), f"documenten[{i + 1}].titel",
                     f"de titel van document {i + 1}", doc.titel, kop=True)
    if v.kosten and v.kosten.toelichting:
        yield _Tekst(v, ("kosten", "toelichting"), "kosten.toelichting", "de uitleg bij de kosten",
                     v.kosten.toelichting)
    if v.bomen and v.bomen.toelichting:
        yield _Tekst(v, ("bomen", "toelichting"), "bomen.toelichting", "de uitleg bij de bomen", v.bomen.toelichting)
    # Corrections are listed on the dossier page ("Wijzigingen") and in the feeds.
    for record in (v, *dossier.uitkomsten):
        for i, w in enumerate(getattr(record, "wijzigingen", ())):
            yield _Tekst(record, ("wijzigingen", i, "omschrijving"), f"wijzigingen[{i + 1}].omschrijving",
                         f"de omschrijving van wijziging {i + 1}", w.omschrijving)
    for u in dossier.uitkomsten:
        soort = f"'{u.besluitresultaat}'"
        if u.besluittoelichting:
            yield _Tekst(u, ("besluittoelichting",), "besluittoelichting", f"de uitleg bij {soort}",
                         u.besluittoelichting)
        if u.toelichting:
            yield _Tekst(u, (), "toelichting (tekst onder de voorkant)",
                         f"de tekst onder de voorkant van de uitkomst {soort}", u.toelichting, body=True)
        for key, items in (("amendementen", u.amendementen), ("moties", u.moties)):
            for i, n in enumerate(items):
                # A label: shown as a heading next to its own outcome, which the site writes.
                yield _Tekst(u, (key, i, "titel"), f"{key}[{i + 1}].titel", f"de titel van {n.soort} {i + 1}",
                             n.titel, Plek.LABEL)
                if n.omschrijving:
                    yield _Tekst(u, (key, i, "omschrijving"), f"{key}[{i + 1}].omschrijving",
                                 f"de omschrijving van {n.soort} {i + 1}", n.omschrijving)
                # Shown as "Ingediend door ..." and in the open data: names, read as labels.
                for j, indiener in enumerate(n.indieners):
                    yield _Tekst(u, (key, i, "indieners", j), f"{key}[{i + 1}].indieners[{j + 1}]",
                                 f"indiener {j + 1} van {n.soort} {i + 1}", indiener, Plek.LABEL)
                for j, stemming in enumerate(n.stemronde.stemmingen):
                    yield _Tekst(u, (key, i, "stemmingen", j, "fractie"), f"{key}[{i + 1}].stemmingen[{j + 1}].fractie",
                                 f"de naam van een fractie bij {n.soort} {i + 1}", stemming.fractie, Plek.LABEL)


#: The last words of an aanhef: the formula itself, never a claim there.
_FORMULE_EINDE = re.compile(r"\bbesluit\s*:\s*$", re.IGNORECASE)


def _ontwerpbesluit(v, ontwerp) -> Iterator[_Tekst]:
    """The texts of the ontwerpbesluit: the aanhef as one text (its lines are the parts
    of one formula, "De raad ...; gelezen ...; gelet op ...; besluit:", and its closing
    "besluit:" is the formula itself), then each point."""
    if ontwerp is None:
        return
    aanhef = getattr(ontwerp, "aanhef", None)
    if aanhef is not None:
        tekst = aanhef if isinstance(aanhef, str) else " ".join(aanhef)
        tekst = _FORMULE_EINDE.sub("", tekst.strip())
        if tekst.strip():
            yield _Tekst(v, ("ontwerpbesluit", "aanhef"), "ontwerpbesluit.aanhef",
                         "de aanhef van het ontwerpbesluit", tekst, Plek.VRAAG)
    for pad, veld, tekst in guard_pages.tekstvelden(ontwerp, ("ontwerpbesluit",), frozenset()):
        if pad[:2] != ("ontwerpbesluit", "aanhef"):
            nummer = next((p + 1 for p in reversed(pad) if isinstance(p, int)), None)
            wat = f"punt {nummer} van het ontwerpbesluit" if nummer else "het ontwerpbesluit"
            yield _Tekst(v, pad, veld, wat, tekst, Plek.VRAAG)


def _vondsten(t: _Tekst, ingediend, body_line: int | None,
              namen: labelling.Namen) -> Iterator[tuple[Claim, int | None]]:
    """The findings in one text, with the file line of each (the key's line for a
    field, the sentence's own line in a body)."""
    if not t.body:
        for claim in labelling.beoordeel(t.tekst, t.plek, kop=t.kop, ingediend=ingediend, namen=namen):
            yield claim, None
        return
    ruw = reading.ruw(t.tekst)
    if not labelling.has_trigger(ruw) and not labelling.VERHULD.nodig(ruw):
        return  # the cheap look: no stem of any rule anywhere in the body
    blokken = reading.blokken(t.tekst)
    plek = Plek.TEKST
    overslaan = False
    for i, blok in enumerate(blokken):
        if overslaan:
            overslaan = False
            continue
        if blok.kop:  # the section under a heading such as "Gevraagd besluit" is the question
            plek = Plek.VRAAG if _VRAAG_KOP.search(blok.tekst) else Plek.TEKST
        delen = [(blok, 0)]
        tekst = blok.tekst
        volgende = blokken[i + 1] if i + 1 < len(blokken) else None
        if _BESLUIT_REGEL.fullmatch(blok.tekst) and volgende is not None and not volgende.kop:
            # "besluit:" on its own line, then the points: one formula ("besluit: ... vast te stellen")
            tekst = "besluit: " + volgende.tekst
            delen = [(blok, 0), (volgende, len("besluit: "))]
            overslaan = True
        for claim in labelling.beoordeel(tekst, Plek.VRAAG if overslaan else plek, kop=blok.kop, gelezen=True,
                                         ingediend=ingediend, namen=namen):
            deel, begin = next((d, b) for d, b in reversed(delen) if claim.begin >= b)
            yield claim, (body_line + deel.regel(claim.begin - begin) if body_line is not None else None)


def _punt(zin: str) -> str:
    """A sentence for a message, ending in one sign."""
    return zin if zin.endswith((".", "?", "!")) else zin + "."


def _kort(zin: str) -> str:
    return zin if len(zin) <= _ZIN_MAX else zin[:_ZIN_MAX - 1].rstrip() + "…"


def _schrijf(claim: Claim, dossier) -> str:
    stemming = dossier.geplande_stemming()
    schrijf = claim.regel.schrijf
    return schrijf.replace("<datum>", datum(stemming.datum)) if stemming else schrijf


def _gevonden(claim: Claim) -> str:
    if claim.gevonden == claim.zin:
        return f"'{_kort(claim.zin)}'"
    return f"'{claim.gevonden}' in de zin '{_kort(claim.zin)}'"


def check_dossiers(dossiers, bronnen: Mapping[str, Bron], problems: Problems, onderwerpen=(),
                   onderwerpen_lines: Mapping | None = None,
                   namen: labelling.Namen = labelling.GEEN_NAMEN) -> list[BevestigdeZin]:
    """The wording check on every dossier that is not a besluit; returns the confirmed sentences.

    ``bronnen``: the :class:`Bron` of each record, by its ``source`` (the path shown
    in messages). ``onderwerpen`` and their key lines: the topic names and
    descriptions, checked once. ``namen``: the municipality's names, from the council
    data (:meth:`labelling.Namen.uit_raad`).
    """
    bevestigd: list[BevestigdeZin] = []
    dossiers = list(dossiers)
    gebruikte_onderwerpen = {o for d in dossiers if not d.is_besluit for o in d.voorstel.onderwerpen}
    # Each dossier apart, in the worker pool on a big site: it is the slowest check of the load.
    shared_ = (dossiers, bronnen, namen, guard_pages.voorstellen_van(dossiers))
    for gevonden, zinnen in fork_map(_check_een, range(len(dossiers)), shared=shared_):
        problems.extend(gevonden)
        bevestigd += zinnen
    for i, o in enumerate(onderwerpen):
        if o.slug not in gebruikte_onderwerpen:
            continue
        def line(veld: str = "naam", i: int = i) -> int | None:  # looked up only for a problem
            return line_for(onderwerpen_lines or {}, ("onderwerpen", i, veld))

        claims = [c for c in labelling.beoordeel(o.naam, Plek.LABEL, namen=namen) if c.fout]
        for claim in claims:
            if claim.fout:
                problems.add(ONDERWERPEN_BESTAND, f"de naam van het onderwerp '{o.slug}' leest als een besluit: "
                             f"{claim.regel.reden}. Er staan voorstellen onder die nog niet besloten zijn", line=line(),
                             field=f"onderwerpen[{i + 1}].naam", found=_gevonden(claim),
                             expected="een naam voor het onderwerp zelf, zonder uitslag, bijvoorbeeld 'Groen en bomen'")
        naam = reading.lees_veld(o.naam)
        if _UITKOMSTWOORD.search(naam) or (not claims and labelling.UITSLAGWOORD.search(naam.casefold())):
            # A topic name is a label over a list of proposals ("Goedgekeurde plannen"): no sentence
            # around it can say that the word is about something else.
            problems.add(ONDERWERPEN_BESTAND, f"de naam van het onderwerp '{o.slug}' noemt een uitkomst of besluit. "
                         "Er staan voorstellen onder die nog niet besloten zijn", line=line(),
                         field=f"onderwerpen[{i + 1}].naam", found=repr(o.naam),
                         expected="een naam voor het onderwerp zelf, zonder uitkomst")
        # The description is the introduction of the topic's list and feed, above undecided proposals.
        for claim in labelling.beoordeel(o.omschrijving, Plek.TEKST, namen=namen):
            if claim.fout:
                problems.add(ONDERWERPEN_BESTAND, f"de omschrijving van het onderwerp '{o.slug}' leest als een "
                             f"besluit: {claim.regel.reden}. Er staan voorstellen onder die nog niet besloten zijn",
                             line=line("omschrijving"),
                             field=f"onderwerpen[{i + 1}].omschrijving", found=_gevonden(claim),
                             expected="een omschrijving van het onderwerp zelf, zonder uitslag")
    return bevestigd


def _check_titel_besluit(d, bron: Bron, problems: Problems, namen: labelling.Namen) -> None:
    """A decided dossier's title is still the voorstel's title: the site puts the outcome
    in front of it. A label or claim in it ("Populieren weg, en ook besloten: <the title
    of an undecided plan>") would present another, undecided dossier as decided."""
    fouten = [c for c in labelling.beoordeel(d.voorstel.titel, Plek.LABEL, jaar=d.voorstel.datum_ingediend.year,
                                             kop=True, namen=namen) if c.fout]
    if fouten or _UITKOMSTWOORD.search(reading.lees_veld(d.voorstel.titel)):
        problems.add(bron.display, "de titel bevat een uitslag of label; de site zet de uitkomst er zelf voor",
                     line=line_for(bron.lines, ("titel",)), field="titel",
                     found=_gevonden(fouten[0]) if fouten else repr(d.voorstel.titel),
                     expected=f"de titel van het voorstel zelf; de site toont '{d.teksten.kop}' zonder de uitslag "
                              "in de titel")


def _check_een(i: int) -> tuple[Problems, list[BevestigdeZin]]:
    """The checks of dossier ``i`` of :func:`check_dossiers` (in a worker, or in-process)."""
    dossiers, bronnen, namen, voorstellen = shared()
    d, problems, bevestigd = dossiers[i], Problems(), []
    for u in d.uitkomsten:
        _check_bekendmaking(u, bronnen.get(u.source, Bron(u.source)), problems)
    if d.is_besluit:
        _check_titel_besluit(d, bronnen.get(d.voorstel.source, Bron(d.voorstel.source)), problems, namen)
    else:
        bevestigd = _check_dossier(d, bronnen, problems, namen)
    # Texts that are not about the proposal they stand with: where they name an undecided one.
    guard_pages.check_besloten(d, voorstellen, bronnen, problems, namen)
    return problems, bevestigd


def _check_dossier(d, bronnen: Mapping[str, Bron], problems: Problems,
                   namen: labelling.Namen = labelling.GEEN_NAMEN) -> list[BevestigdeZin]:
    v = d.voorstel
    status = d.status.naam
    bevestigingen: dict[int, list[_Bevestiging]] = {}
    for record in (v, *d.uitkomsten):
        bevestigingen[id(record)] = [
            _Bevestiging(b.zin, b.reden, i, _sleutel(b.zin))
            for i, b in enumerate(getattr(record, "labelcontrole", ()) or ())]
    bevestigd: list[BevestigdeZin] = []
    for t in _teksten(d):
        bron = bronnen.get(t.record.source, Bron(t.record.source))
        if t.pad == ("titel",) and _UITKOMSTWOORD.search(reading.lees_veld(t.tekst)):
            problems.add(bron.display, "de titel noemt een uitkomst; de site zet de status er zelf bij",
                         line=line_for(bron.lines, t.pad), field=t.veld, found=repr(t.tekst),
                         expected="een titel zonder uitkomst")
        if (len(t.pad) == 3 and t.pad[0] in ("moties", "amendementen") and t.pad[2] == "titel"
                and _sleutel(t.tekst) == _sleutel(v.titel)):
            # Shown with its own result ("aangenomen") beside it, a motie titled like the
            # proposal reads as the proposal adopted.
            problems.add(bron.display, f"{t.wat} is gelijk aan de titel van het voorstel. Met de eigen uitslag "
                         "ernaast ('aangenomen') leest dat alsof het voorstel zelf al besloten is",
                         line=line_for(bron.lines, t.pad), field=t.veld, found=repr(t.tekst),
                         expected="een eigen titel, die zegt wat de motie of het amendement vraagt")
        vondsten = list(_vondsten(t, v.datum_ingediend, bron.body_line, namen))
        if (t.pad == ("portefeuillehouder",) or "indieners" in t.pad or "fractie" in t.pad) and not any(
                c.fout for c, _ in vondsten) and labelling.UITSLAGWOORD.search(reading.lees_veld(t.tekst).casefold()):
            # A name is shown as a name ("Portefeuillehouder: ..."): no room for a clause about a decision.
            problems.add(bron.display, f"{t.wat} is een naam, maar noemt een besluit of uitslag",
                         line=line_for(bron.lines, t.pad), field=t.veld, found=repr(t.tekst),
                         expected="alleen de naam, bijvoorbeeld 'wethouder L. Smit'")
        for claim, regel in vondsten:
            line = regel if regel is not None else line_for(bron.lines, t.pad)
            eigen = bevestigingen[id(t.record)]
            passend = _bevestiging_voor(claim, eigen)
            if claim.fout:
                _fout(problems, bron, line, t, claim, d, status, passend)
                if passend is not None:
                    passend.bij_fout = True
            elif passend is not None:
                passend.gebruikt = True
                bevestigd.append(BevestigdeZin(bron.display, line, t.veld, _kort(claim.zin), passend.reden))
            else:
                _twijfel(problems, bron, line, t, claim, d)
    for record in (v, *d.uitkomsten):
        bron = bronnen.get(record.source, Bron(record.source))
        for b in bevestigingen[id(record)]:
            if not b.gebruikt and not b.bij_fout:
                problems.warn(bron.display, "deze bevestiging in 'labelcontrole' past bij geen enkele twijfelzin "
                              "(meer)", line=line_for(bron.lines, ("labelcontrole", b.index, "zin")),
                              field=f"labelcontrole[{b.index + 1}].zin", found=repr(b.zin),
                              expected="een deel van een zin waarover 'invoke check' twijfelt",
                              hint="Is de zin veranderd of weg? Haal de bevestiging dan weg, of neem het stuk van de "
                                   "zin over zoals het nu in de tekst staat.")
    return bevestigd


def _bevestiging_voor(claim: Claim, bevestigingen: list[_Bevestiging]) -> _Bevestiging | None:
    zin = _sleutel(claim.zin)
    return next((b for b in bevestigingen if b.sleutel and (b.sleutel in zin or zin in b.sleutel)), None)


def _fout(problems: Problems, bron: Bron, line, t: _Tekst, claim: Claim, d, status: str, passend) -> None:
    expected = _schrijf(claim, d)
    if expected.startswith("Voorstel aan de raad") and t.pad != ("titel",):
        expected = ("een tekst zonder 'Besluit' als label en zonder uitslag; voor een kop bijvoorbeeld "
                    "'Ontwerpbesluit' of 'Wat stelt het college voor?'")
    if "indieners" in t.pad or "fractie" in t.pad:
        expected = "de naam van een fractie of raadslid, zonder uitslag"
    if t.plek is Plek.LABEL and t.pad == ("titel",):
        kaal = t.tekst.replace(claim.gevonden, " ").strip(" :-|–—")
        kaal = " ".join(kaal.split())
        expected = (f"een titel zonder uitslag of label, bijvoorbeeld {kaal!r}; de site zet er zelf "
                    "'Voorstel aan de raad:' (of na de stemming de uitslag) voor")
    hint = f"Waarom: {_punt(claim.waarom)} " if claim.waarom else ""
    if t.plek is Plek.TEKST and not t.kop and claim.regel.soort != "label":
        hint += ("Gaat de zin over een andere overheid, een eerder besluit of een voorwaarde? Zeg dat dan in de zin "
                 "zelf, bijvoorbeeld 'De provincie heeft ... besloten', 'Eerder (in 2019) besloot de raad ...' of "
                 "'Als de raad ja zegt, ...'.")
    elif t.kop or t.plek is not Plek.TEKST:
        hint += "Een titel of kop moet zonder twijfel zeggen dat het om een voorstel gaat."
    if passend is not None:
        hint += (f" De bevestiging in 'labelcontrole[{passend.index + 1}]' helpt hier niet: een bevestiging geldt "
                 "alleen voor een twijfelgeval, niet voor een zin die het voorstel als besluit presenteert.")
    problems.add(bron.display,
                 f"{t.wat} leest alsof dit voorstel al besloten is: {claim.regel.reden}. Het dossier is nog een "
                 f"voorstel ({status}); alleen een uitslag van de raad (aangenomen of verworpen) maakt er een "
                 "besluit van",
                 line=line, field=t.veld, found=_gevonden(claim), expected=expected, hint=hint.strip() or None)


def _twijfel(problems: Problems, bron: Bron, line, t: _Tekst, claim: Claim, d) -> None:
    voorbeeld = _kort(claim.zin)[:60].rstrip(" .…").replace('"', "'")
    problems.warn(bron.display,
                  f"twijfelgeval: {t.wat} kan lezen alsof dit voorstel al besloten is ({claim.regel.reden})",
                  line=line, field=t.veld, found=_gevonden(claim),
                  expected=f"een zin die laat zien dat het over iets anders gaat; anders: {_schrijf(claim, d)}",
                  hint=(f"Waarom twijfel: {_punt(claim.waarom)} " if claim.waarom else "")
                  + "Gaat de zin echt over iets anders dan dit voorstel? Bevestig dat dan in de voorkant van "
                    f"{bron.display}: labelcontrole: [{{zin: \"{voorbeeld}\", reden: \"<waarom het niet over "
                    "dit voorstel gaat>\"}]")


def _check_bekendmaking(uitkomst, bron: Bron, problems: Problems) -> None:
    if uitkomst.final or not (uitkomst.bekendmaking_datum or uitkomst.bekendmaking_url):
        return
    problems.add(
        bron.display, f"een voorstel dat is {uitkomst.besluitresultaat} is geen besluit en wordt niet bekendgemaakt",
        line=line_for(bron.lines, ("bekendmaking",)), field="bekendmaking", found="een bekendmaking",
        expected="geen 'bekendmaking' bij aangehouden of ingetrokken",
        hint="Haal 'bekendmaking' weg; zet die in de uitkomst die het besluit vastlegt.",
    )


def rapport_bevestigd(bevestigd: list[BevestigdeZin]) -> str:
    """The listing for ``invoke check``: every sentence a record confirmed, with its reason."""
    if not bevestigd:
        return ""
    lines = [f"Bevestigd in 'labelcontrole' ({len(bevestigd)}): deze zinnen lijken op een besluit, maar gaan volgens "
             "de griffie over iets anders dan het voorstel zelf."]
    lines += ["  " + b.format() for b in sorted(bevestigd, key=lambda b: (b.path, b.line or 0))]
    return "\n".join(lines)


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
