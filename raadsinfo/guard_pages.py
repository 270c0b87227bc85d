"""The labelling rule on texts that are not about the proposal they stand with, where
they name an undecided one: explainer pages (``content/pages``), the glossary
(``content/raad/begrippen.yaml``) and the texts of decided dossiers.

These texts talk about decisions ("Na de stemming is het voorstel een besluit", "De
raad heeft dit plan aangenomen" in a decided dossier's own record), so they are not
judged as claims about one undecided proposal, as its own texts are
(:mod:`raadsinfo.guard_records`). What they may never do is present one *named*
undecided proposal as decided. So a text is judged where it names one: by its title,
its number, or a link to its page, feed or calendar (written out, by reference or
percent-encoded). Judged then, with the words a reader sees (:mod:`raadsinfo.reading`):

* the unit that names it: a paragraph, list item, table row (its cells together, so a
  label and a title in two cells are read as one line) or definition, by the wording
  check (:func:`raadsinfo.labelling.beoordeel`), with the proposal read as "het
  voorstel";
* an outcome word or a check mark right next to the title ("Parkweg (aangenomen)",
  "Parkweg ✅"), or alone in the block next to it ("Aangenomen.");
* what stands above it: every heading (Markdown, HTML or a paragraph in bold), the
  page's title, a table's header row, a definition's term, and the paragraph that
  introduces it ("De raad heeft deze plannen goedgekeurd:").

A motie or amendement titled like an undecided proposal is refused outright: the site
prints its own result ("Aangenomen") right under that title.

Called when the records load, so ``invoke check`` and the build report the same
problems, with file, line and field. Plain Python, no Pelican.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from . import labelling, reading
from .labelling import Plek
from .page_files import PAGINAMAP
from .problems import Problems
from .trie import trie_regex
from .yamlsource import line_for, load_with_lines

BEGRIPPEN = "raad/begrippen.yaml"
#: Pelican's metadata lines at the top of a Markdown page ("Title: ...").
_META = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
#: Metadata a reader sees: the page's h1 and <title>, and its description.
_META_VELDEN = {"title": True, "summary": False, "description": False}  # field: shown as a heading
#: An address that points at a dossier's page, record, feed or calendar: "dossiers/2026-046.html",
#: "{filename}/voorstellen/2026-046-parkweg.md", "feeds/dossier/2026-046.atom.xml", "agenda/dossier/2026-046.ics".
_ADRES = re.compile(r"(?:dossiers?|voorstellen|besluiten)/([\w.-]+?)(?:-\d{4}-\d{2}-\d{2})?(?:\.\w+)*"
                    r"(?=[/?#)\s\"'>]|$)")
#: Reference-style links: "[het plan][1]" ... "[1]: dossiers/2026-046.html".
_VERWIJZING = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(\S+)", re.MULTILINE)
_GEBRUIK = re.compile(r"\[([^\]]+)\](?:\s?\[([^\]]*)\])?")
_TABEL_SCHEIDING = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
#: What a reader sees as a heading besides Markdown's own: an HTML heading, a paragraph all in bold.
_HTML_KOP = re.compile(r"^\s*<h([1-6])\b", re.IGNORECASE)
_VET = re.compile(r"^\s*(\*\*|__)[^*_\n]+\1\s*:?\s*$")
#: A check mark next to a title says "done" as plainly as a word.
_VINK = re.compile("[\u2705\u2714\u2611\u2713\U0001f44d]")
#: A sentence that opens with a condition: "Wordt het voorstel ... aangenomen, dan ...".
_VOORWAARDE = re.compile(r"(?:^|[.!?]\s+)(?:als|indien|wanneer|zodra|mocht(?:en)?|wordt|worden|stemt|neemt|keurt)\b"
                         r"[^.!?]*$", re.IGNORECASE)
#: In a heading: the outcome words, and a few ways of saying the council chose.
_KOPWOORD = re.compile(labelling.UITSLAGWOORD.pattern
                       + r"|(?<!\w)(?:koos|kozen|gekozen|klaar|gelden|geldt|ingevoerd|van kracht)(?!\w)")
#: What the wording check reads for the named proposal: its number is then no year of an
#: earlier decision, and its title no sentence of its own.
_MASKER = "het voorstel"
#: At most this many spaces or signs between a title and an outcome word "next to" it.
_GAT = 3


@dataclass(frozen=True)
class _Eenheid:
    """What a reader reads as one line: a block, or the cells of one table row."""

    tekst: str
    plaats: object  # the 1-based file line, or a function that looks it up (only for a problem)
    kop: bool = False  # a heading, a page title, a table's header row or a definition's term
    bron: str = ""  # the source as written (for the addresses of links)
    vervolg: str = ""  # a definition's term: the definition that follows it
    streng: bool = True  # a heading: "besluit" in it counts (not in a table header or a term)

    @property
    def regel(self) -> int | None:
        return self.plaats() if callable(self.plaats) else self.plaats


class _Voorstellen:
    """The undecided dossiers, found in a text by title, number or address."""

    def __init__(self, dossiers):
        self.open = {d.id: d for d in dossiers if not d.is_besluit}
        self.besloten_titels = {reading.lees_veld(d.titel).casefold() for d in dossiers if d.is_besluit}
        self.titels: dict[str, list] = {}
        for d in self.open.values():
            self.titels.setdefault(reading.lees_veld(d.titel).casefold(), []).append(d)
        woorden = [t for t in self.titels if t]
        self._titel = re.compile(r"(?<!\w)(?:" + trie_regex(woorden) + r")(?!\w)") if woorden else None
        # "2026-046", also written "2026/046"
        self._nummer = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(i).replace(r"\-", "[-/]") for i in self.open)
                                  + r")(?![\w/-])") if self.open else None

    def misschien_genoemd(self, tekst: str, behalve: str = "") -> bool:
        """A quick look at a whole text: could it name an undecided dossier (but ``behalve``)?
        Only then is it read block by block."""
        eenheid = _Eenheid(reading.lees(tekst), None, bron=tekst)
        return bool(self.genoemd(eenheid, behalve))

    def _van_naam(self, naam: str):
        """The undecided dossier of a page or file name: "2026-046" or "2026-046-parkweg"."""
        delen = naam.replace("/", "-").split("-")
        return next((self.open[i] for n in range(len(delen), 0, -1) if (i := "-".join(delen[:n])) in self.open), None)

    def genoemd(self, eenheid: _Eenheid, behalve: str = "") -> list[tuple[object, re.Match | None]]:
        """(dossier, where its title stands in the text or None) of every undecided dossier the unit names."""
        found: dict[str, tuple] = {}
        if self._titel is not None:
            for m in self._titel.finditer(eenheid.tekst.casefold()):
                for d in self.titels[m.group()]:
                    found.setdefault(d.id, (d, m))
        for bron in (re.sub(r"/(?:\./)+", "/", unquote(eenheid.bron)), eenheid.tekst):
            for m in _ADRES.finditer(bron):
                d = self._van_naam(m.group(1))
                if d is not None:
                    found.setdefault(d.id, (d, None))
            if self._nummer is not None:
                for m in self._nummer.finditer(bron):
                    d = self._van_naam(m.group(1))
                    found.setdefault(d.id, (d, None))
        return [v for i, v in found.items() if i != behalve]


def check_pages(content: Path, dossiers, problems: Problems, namen: labelling.Namen = labelling.GEEN_NAMEN) -> None:
    """Judge every explainer page and the glossary where they name an undecided dossier."""
    voorstellen = voorstellen_van(dossiers)
    if voorstellen is None:
        return
    content = Path(content)
    folder = content / PAGINAMAP
    if folder.is_dir():
        for path in sorted(folder.rglob("*.md")):
            if path.is_file() and not path.is_symlink():
                display = f"content/{path.relative_to(content).as_posix()}"
                _check(display, _pagina(path.read_text(encoding="utf-8", errors="replace")), voorstellen, problems,
                       namen)
    begrippen = content / BEGRIPPEN
    if begrippen.is_file() and not begrippen.is_symlink():
        _check(f"content/{BEGRIPPEN}", _begrippen(begrippen.read_text(encoding="utf-8", errors="replace")),
               voorstellen, problems, namen)


def voorstellen_van(dossiers) -> _Voorstellen | None:
    """What the checks look for, made once for all dossiers (None: nothing is undecided).
    The last one is kept: the pages and the records of one load ask for the same."""
    sleutel = tuple((d.id, d.titel, d.is_besluit) for d in dossiers)
    if _LAATSTE.get("sleutel") != sleutel:
        voorstellen = _Voorstellen(dossiers)
        _LAATSTE.update(sleutel=sleutel, voorstellen=voorstellen if voorstellen.open else None)
    return _LAATSTE["voorstellen"]


_LAATSTE: dict = {}


def check_besloten(d, voorstellen: _Voorstellen | None, bronnen, problems: Problems,
                   namen: labelling.Namen = labelling.GEEN_NAMEN) -> None:
    """Judge the texts of dossier ``d`` if it is decided, where they name an undecided
    one, and refuse a motie or amendement of ``d`` titled like an undecided proposal.

    ``voorstellen``: :func:`voorstellen_van` of all dossiers; ``bronnen``:
    :class:`raadsinfo.guard_records.Bron` per record source (lines)."""
    if voorstellen is None:
        return
    for record in (d.voorstel, *d.uitkomsten):
        bron = bronnen.get(record.source)
        lines = bron.lines if bron is not None else {}  # KeyLines: worked out only for a problem
        display = getattr(bron, "display", record.source)
        for pad, veld, tekst in tekstvelden(record):
            if len(pad) == 3 and pad[0] in ("moties", "amendementen") and pad[2] == "titel":
                _check_zaak_titel(display, lines, pad, veld, tekst, d, voorstellen, problems)
            if not d.is_besluit or not voorstellen.misschien_genoemd(tekst, d.id):
                continue  # an undecided dossier's own texts were judged as its own claims
            if pad == ("toelichting",):
                begin = getattr(bron, "body_line", None) or 1
                eenheden = _body(tekst.split("\n"), 0, (), begin)
            else:
                def regel(pad: tuple = pad, lines=lines) -> int | None:
                    return line_for(lines, pad)

                eenheden = [(veld, (), _Eenheid(reading.lees_veld(tekst), regel, bron=tekst))]
            _check(display, [(veld if v == "tekst" else v, k, e) for v, k, e in eenheden], voorstellen,
                   problems, namen, behalve=d.id)


def _check_zaak_titel(display: str, lines, pad: tuple, veld: str, titel: str, d, voorstellen: _Voorstellen,
                      problems: Problems) -> None:
    gelijk = [o for o in voorstellen.titels.get(reading.lees_veld(titel).casefold(), ()) if o.id != d.id]
    if gelijk:
        o = gelijk[0]
        problems.add(display, f"de titel is gelijk aan die van het voorstel '{o.titel}' ({o.id}), dat de raad nog "
                     "niet heeft besloten. De site zet de uitslag van de motie of het amendement eronder; dan leest "
                     "het alsof dat voorstel al besloten is", line=line_for(lines, pad), field=veld, found=repr(titel),
                     expected="een eigen titel, die zegt wat de motie of het amendement vraagt")


#: Fields of a record that hold no text a reader reads as a sentence: ids, addresses,
#: dates, slugs, votes (fractie names and results), and the wording check's own notes.
_GEEN_TEKST = frozenset({"id", "source", "voorstel_id", "url", "stemmingen", "stemronde", "behandeling",
                         "onderwerpen", "labelcontrole", "datum_ingediend", "vergaderdatum", "gremium"})


def tekstvelden(waarde, pad: tuple = (), overslaan: frozenset = _GEEN_TEKST) -> Iterator[tuple[tuple, str, str]]:
    """(key path as the record file writes it, field name, text) of every non-blank text
    in a record or part of one, leaving out the fields named in ``overslaan``.

    The key path is what :func:`raadsinfo.yamlsource.line_for` looks up ("moties", 0,
    "titel"); the field name is what a message shows ("moties[1].titel")."""
    if isinstance(waarde, str):
        if waarde.strip():
            veld = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in pad).lstrip(".")
            yield pad, veld, waarde
    elif dataclasses.is_dataclass(waarde):
        for f in dataclasses.fields(waarde):
            if f.name not in overslaan:
                naam = re.sub(r"_(\w)", lambda m: m.group(1).upper(), f.name)
                yield from tekstvelden(getattr(waarde, f.name), pad + (naam,), overslaan)
    elif isinstance(waarde, (tuple, list)):
        for n, item in enumerate(waarde):
            yield from tekstvelden(item, pad + (n,), overslaan)


# -- reading a page into units, with what stands above each ---------------------------------

def _pagina(tekst: str) -> list[tuple[str, tuple, _Eenheid]]:
    """(field, what stands above it, unit) of every unit a reader sees on a Markdown page."""
    regels = tekst.split("\n")
    boven: tuple = ()
    out = []
    body_start = 0
    for n, regel in enumerate(regels):
        m = _META.match(regel)
        if not regel.strip() or m is None:
            body_start = n + 1 if not regel.strip() else 0  # no metadata block: the page is all body
            break
        veld = m.group(1).lower()
        if veld in _META_VELDEN and m.group(2).strip():
            eenheid = _Eenheid(reading.lees_veld(m.group(2)), n + 1, _META_VELDEN[veld], m.group(2))
            boven = (eenheid,) if veld == "title" else boven
            out.append((veld, (), eenheid))
    else:
        body_start = len(regels)
    return out + _body(regels, body_start, boven)


def _body(regels: list[str], eerste: int, boven: tuple, eerste_regel: int = 1) -> list[tuple[str, tuple, _Eenheid]]:
    """The units of a Markdown body: ``regels[eerste:]``; the first of them is file line
    ``eerste + eerste_regel``."""
    markdown = "\n".join(regels[eerste:])
    verwijzingen = {m.group(1).casefold(): m.group(2) for m in _VERWIJZING.finditer(markdown)}
    blokken = reading.blokken(markdown)
    koppen: list[tuple[int, _Eenheid]] = []  # (level, heading) above the current block
    inleiding = tabelkop = term = None
    out: list[tuple[str, tuple, _Eenheid]] = []

    def bronregel(r: int) -> str:
        return regels[eerste + r] if 0 <= eerste + r < len(regels) else ""

    i = 0
    while i < len(blokken):
        blok = blokken[i]
        r = blok.regels[0][1]
        bron, regelnr = bronregel(r), eerste + r + eerste_regel
        html_kop = _HTML_KOP.match(bron)
        if blok.kop or html_kop or _VET.match(bron):
            niveau = (len(bron.lstrip()) - len(bron.lstrip().lstrip("#")) if bron.lstrip().startswith("#")
                      else int(html_kop.group(1)) if html_kop else 2 if blok.kop else 7)
            koppen = [(n, k) for n, k in koppen if n < niveau]
            eenheid = _Eenheid(blok.tekst, regelnr, True, bron)
            out.append(("kop", boven + tuple(k for _, k in koppen), eenheid))
            koppen.append((niveau, eenheid))
            inleiding = tabelkop = term = None
            i += 1
            continue
        # The cells of one table row (one source line) are read together: a label in one
        # cell and a title in the next are one line to a reader.
        rij = [blok]
        if "|" in bron:
            while i + len(rij) < len(blokken) and blokken[i + len(rij)].regels[0][1] == r:
                rij.append(blokken[i + len(rij)])
        laatste = max(x for b in rij for _, x in b.regels)
        bronregels = "\n".join(bronregel(x) for x in range(r, laatste + 1))
        bronregels += "".join(f" {verwijzingen.get((m.group(2) or m.group(1)).casefold(), '')}"
                              for m in _GEBRUIK.finditer(bronregels))
        tekst = " | ".join(b.tekst for b in rij)
        volgende = bronregel(laatste + 1)
        boven_dit = boven + tuple(k for _, k in koppen) + tuple(x for x in (tabelkop, term, inleiding) if x)
        if "|" in bron and _TABEL_SCHEIDING.match(volgende) and "-" in volgende:
            tabelkop = _Eenheid(tekst, regelnr, True, bronregels, streng=False)  # a table's header row
            out.append(("kop", boven_dit, tabelkop))
        elif volgende.lstrip().startswith(":") and i + len(rij) < len(blokken):
            term = _Eenheid(tekst, regelnr, True, bronregels, vervolg=blokken[i + len(rij)].tekst, streng=False)
            out.append(("tekst", boven_dit, term))
        else:
            if "|" not in bron:
                tabelkop = None
            if not bron.lstrip().startswith(":"):
                term = None
            eenheid = _Eenheid(tekst, regelnr, False, bronregels)
            out.append(("tekst", boven_dit, eenheid))
            if tekst.rstrip().endswith(":"):
                inleiding = eenheid  # introduces what follows, up to the next heading
        i += len(rij)
    return out


def _begrippen(tekst: str) -> list[tuple[str, tuple, _Eenheid]]:
    """Each word of the glossary and its explanation (one unit: they are shown together)."""
    try:
        data, lines = load_with_lines(tekst)
    except Exception:  # noqa: BLE001 - the glossary's own loader reports a file it cannot read
        return []
    items = data.get("begrippen") if isinstance(data, dict) else None
    out = []
    for n, item in enumerate(items if isinstance(items, list) else [], start=1):
        if not isinstance(item, dict):
            continue
        woord, uitleg = str(item.get("woord") or ""), str(item.get("uitleg") or "")
        vormen = " ".join(str(v) for v in item.get("vormen") or [] if isinstance(v, str))

        def regel(n: int = n) -> int | None:  # the lines of a YAML file are worked out only for a problem
            return line_for(lines, ("begrippen", n - 1, "uitleg")) or line_for(lines, ("begrippen", n - 1))

        out.append((f"begrippen[{n}]", (), _Eenheid(reading.lees_veld(f"{woord}: {uitleg}"), regel,
                                                     bron=f"{woord} {vormen} {uitleg}")))
    return out


# -- judging ---------------------------------------------------------------------------------

def _check(display: str, eenheden: list, voorstellen: _Voorstellen, problems: Problems, namen: labelling.Namen,
           behalve: str = "") -> None:
    gemeld: set[tuple] = set()
    for n, (veld, boven, eenheid) in enumerate(eenheden):
        buren = [e for _, _, e in eenheden[max(n - 1, 0):n + 2] if e is not eenheid and not e.kop]
        for d, waar in voorstellen.genoemd(eenheid, behalve):
            # One message per line and dossier: the error if there is one, else the doubt.
            eerste: dict[int | None, tuple] = {}
            for plek, tekst, regel, fout, reden in _bevindingen(eenheid, boven, d, waar, namen, buren):
                if regel not in eerste or (fout and not eerste[regel][3]):
                    eerste[regel] = (plek, tekst, regel, fout, reden)
            for plek, tekst, regel, fout, reden in eerste.values():
                if (regel, d.id) not in gemeld:
                    gemeld.add((regel, d.id))
                    _meld(problems, display, veld if plek == "zelf" else plek, regel, d, tekst, reden, fout,
                          gedeeld=reading.lees_veld(d.titel).casefold() in voorstellen.besloten_titels)


def _bevindingen(eenheid: _Eenheid, boven: tuple, d, waar, namen, buren=()) -> Iterator[tuple]:
    """(field, text, line, is_error, why) of every way the unit, what stands above it or
    the blocks next to it present ``d`` as decided."""
    # "het voorstel <titel>", "raadsvoorstel 2026-046": the words before the name are part of it
    naam = re.compile(r"(?:\b(?:(?:het|dit|dat|een)\s+)?(?:raads)?voorstel\s*:?\s+)?(?:"
                      + re.escape(reading.lees_veld(d.titel)) + "|" + re.escape(d.id).replace(r"\-", "[-/]") + ")",
                      re.IGNORECASE)
    teksten = [eenheid.tekst] + ([f"{eenheid.tekst}: {eenheid.vervolg}"] if eenheid.vervolg else [])
    for tekst in teksten:
        genoemd = naam.search(tekst)
        for claim in labelling.beoordeel(naam.sub(_MASKER, tekst), Plek.LABEL if eenheid.kop else Plek.TEKST,
                                         kop=eenheid.kop and not eenheid.vervolg,
                                         ingediend=d.voorstel.datum_ingediend, namen=namen, gelezen=True):
            zin = claim.zin.replace(_MASKER, genoemd.group()) if genoemd else claim.zin  # as the clerk wrote it
            yield "zelf", zin, eenheid.regel, claim.fout, claim.regel.reden
    if waar is not None and not _VOORWAARDE.search(eenheid.tekst[:waar.start()]):
        tekst = teksten[-1]
        for m in [*labelling.UITSLAGWOORD.finditer(tekst.casefold()), *_VINK.finditer(tekst)]:
            na = m.start() >= waar.end()  # "<titel> (aangenomen)", "<titel>: akkoord"
            tussen = tekst[waar.end():m.start()] if na else tekst[m.end():waar.start()] if m.end() <= waar.start() \
                else "x"
            # Before the title only as a label: "Aangenomen – <titel>", not "Het college heeft
            # besloten <titel> aan de raad voor te leggen".
            als_label = na or tussen.strip() or not tekst[:m.start()].strip(" -*•>")
            if len(tussen) <= _GAT and not any(c.isalnum() for c in tussen) and als_label:
                yield "zelf", tekst, eenheid.regel, True, f"'{m.group()}' staat direct naast de titel"
    # A block that is only the title: the block next to it reads as being about it
    # ("<titel>" then "De raad stemde voor.", or "Aangenomen op 28 januari.").
    alleen_titel = waar is not None and not re.sub(r"[\W\d_]+", "", naam.sub("", eenheid.tekst))
    for buur in buren:
        kaal = buur.tekst.strip(" .!:;-–—()|").casefold()
        if labelling.UITSLAGWOORD.fullmatch(kaal) or (kaal and not _VINK.sub("", kaal).strip()):
            yield "zelf", f"{eenheid.tekst} / {buur.tekst}", buur.regel, True, (
                f"'{buur.tekst.strip()}' staat los naast de titel")
        elif alleen_titel:
            for claim in labelling.beoordeel(buur.tekst, Plek.TEKST, ingediend=d.voorstel.datum_ingediend,
                                             namen=namen, gelezen=True):
                yield "zelf", f"{eenheid.tekst} / {claim.zin}", buur.regel, claim.fout, (
                    f"het blok naast de titel: {claim.regel.reden}")
    for boven_dit in boven:
        if not boven_dit.kop:  # a paragraph that introduces it: "De raad heeft deze plannen goedgekeurd:"
            for claim in labelling.beoordeel(boven_dit.tekst, Plek.TEKST, namen=namen, gelezen=True):
                yield "inleiding", boven_dit.tekst, boven_dit.regel, claim.fout, (
                    f"de zin die de opsomming inleidt: {claim.regel.reden}")
            continue
        # "Aangenomen of verworpen?" asks; "Wat besloot de raad?" still says that it decided
        vraag = boven_dit.tekst.rstrip().endswith("?")
        for claim in (labelling.beoordeel(boven_dit.tekst, Plek.LABEL, kop=True, namen=namen, gelezen=True)
                      if boven_dit.streng else ()):  # a table header or a term: only the outcome words below
            fout = claim.fout and not (vraag and claim.regel.soort == "label")
            yield "kop", boven_dit.tekst, boven_dit.regel, fout, f"de kop erboven: {claim.regel.reden}"
        for m in _KOPWOORD.finditer(boven_dit.tekst.casefold()):
            if vraag or (m.group() in ("besluit", "besluiten") and (
                    not boven_dit.streng or "voorstel" in boven_dit.tekst.lower() or m.start() > 0)):
                continue  # "Van voorstel naar besluit", "Binnenkort besluit de raad over": about the process
            yield "kop", boven_dit.tekst, boven_dit.regel, True, (
                f"de kop erboven noemt een uitslag of besluit ('{m.group()}')")
            break


def _meld(problems: Problems, display: str, veld: str, regel, d, tekst: str, reden: str, fout: bool,
          gedeeld: bool) -> None:
    wat = f"het voorstel '{d.titel}' ({d.id})"
    kort = tekst if len(tekst) <= 160 else tekst[:159] + "…"
    hint = (f"Het dossier {d.id} is nog een voorstel: alleen een uitslag van de raad maakt er een besluit van. "
            "Schrijf bijvoorbeeld 'Het college stelt de raad voor ...' of 'De raad beslist hierover op ...'.")
    if gedeeld:
        hint += (" Een besloten dossier heeft dezelfde titel: link dan naar de pagina van het dossier dat u bedoelt "
                 "(dossiers/<nummer>.html), zodat de lezer ziet welk het is.")
    if fout:
        problems.add(display, f"deze tekst noemt {wat} en leest alsof het al besloten is: {reden}", line=regel,
                     field=veld, found=f"'{kort}'", expected="een tekst die het voorstel niet als besluit toont",
                     hint=hint)
    else:
        problems.warn(display, f"twijfelgeval: deze tekst noemt {wat} en kan lezen alsof het al besloten is: "
                      f"{reden}", line=regel, field=veld, found=f"'{kort}'",
                      expected="een tekst die laat zien dat het over iets anders gaat", hint=hint)
