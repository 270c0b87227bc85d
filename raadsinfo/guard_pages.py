"""The labelling rule on what the griffie writes beside the records: explainer pages
(``content/pages``) and the glossary (``content/raad/begrippen.yaml``).

These texts talk about decisions in general ("Na de stemming is het voorstel een
besluit"), so they are not judged as claims about one proposal, as a record's texts
are (:mod:`raadsinfo.guard_records`). What they may never do is present one *named*
undecided proposal as decided. So a text is judged where it names one: by its title,
its number, or a link to its page, feed or calendar. Judged then, with the words a
reader sees (:mod:`raadsinfo.reading`):

* the unit that names it: a paragraph, list item, table row (its cells together, so a
  label and a title in two cells are read as one line) or definition, by the wording
  check (:func:`raadsinfo.labelling.beoordeel`);
* an outcome word right next to the title ("Parkweg (aangenomen)", "Parkweg: akkoord"),
  where no sentence around it can say it is about something else
  (:data:`raadsinfo.labelling.UITSLAGWOORD`);
* every heading above it, and the page's title: a list of proposals under "Genomen
  besluiten" calls each of them a decision.

Called by :func:`raadsinfo.loader.load_site`, so ``invoke check`` and the build report
the same problems, with file, line and field. Plain Python, no Pelican.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import labelling, reading
from .labelling import Plek
from .problems import Problems
from .trie import trie_regex
from .yamlsource import line_for, load_with_lines

PAGINAMAP = "pages"
BEGRIPPEN = "raad/begrippen.yaml"
#: The files Pelican reads as pages (the Markdown and HTML readers of pelicanconf).
PAGINA_SOORTEN = (".md", ".markdown", ".mkd", ".mdown", ".html", ".htm")
#: Pelican's metadata lines at the top of a Markdown page ("Title: ...").
_META = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
#: Metadata a reader sees: the page's h1 and <title>, and its description.
_META_VELDEN = {"title": (Plek.LABEL, True), "summary": (Plek.TEKST, False), "description": (Plek.TEKST, False)}
#: An address that points at a dossier's page, record, feed or calendar: "dossiers/2026-046.html",
#: "{filename}/voorstellen/2026-046.md", "feeds/dossier/2026-046.atom", "agenda/dossier/2026-046.ics".
_ADRES = re.compile(r"(?:dossiers?|voorstellen|besluiten)/([\w.-]+?)(?:-\d{4}-\d{2}-\d{2})?(?:\.\w+)?"
                    r"(?=[/?#)\s\"'>]|$)")
_VERWIJZING = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(\S+)", re.MULTILINE)
_GEBRUIK = re.compile(r"\[([^\]]+)\](?:\s?\[([^\]]*)\])?")
_HTML_TITEL = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
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
    kop: bool
    bron: str  # the source lines as written (for the addresses of links)

    @property
    def regel(self) -> int | None:
        return self.plaats() if callable(self.plaats) else self.plaats


class _Voorstellen:
    """The undecided dossiers, found in a text by title, number or address."""

    def __init__(self, dossiers):
        self.open = {d.id: d for d in dossiers if not d.is_besluit}
        self.besloten_titels = {reading.lees_veld(d.titel).casefold() for d in dossiers if d.is_besluit}
        titels: dict[str, list] = {}
        for d in self.open.values():
            titels.setdefault(reading.lees_veld(d.titel).casefold(), []).append(d)
        self.titels = titels
        woorden = [t for t in titels if t]
        self._titel = re.compile(r"(?<!\w)(?:" + trie_regex(woorden) + r")(?!\w)") if woorden else None
        self._nummer = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, self.open)) + r")(?![\w-])") \
            if self.open else None

    def _van_naam(self, naam: str):
        """The undecided dossier of a page or file name: "2026-046" or "2026-046-parkweg"."""
        delen = naam.split("-")
        return next((self.open[i] for n in range(len(delen), 0, -1) if (i := "-".join(delen[:n])) in self.open), None)

    def genoemd(self, eenheid: _Eenheid) -> list[tuple[object, re.Match | None]]:
        """(dossier, where its title stands in the text or None) of every undecided dossier the unit names."""
        found: dict[str, tuple] = {}
        tekst = eenheid.tekst.casefold()
        if self._titel is not None:
            for m in self._titel.finditer(tekst):
                for d in self.titels[m.group()]:
                    found.setdefault(d.id, (d, m))
        for bron in (eenheid.bron, eenheid.tekst):
            for m in _ADRES.finditer(bron):
                d = self._van_naam(m.group(1))
                if d is not None:
                    found.setdefault(d.id, (d, None))
            if self._nummer is not None:
                for m in self._nummer.finditer(bron):
                    found.setdefault(m.group(1), (self.open[m.group(1)], None))
        return list(found.values())


def check_pages(content: Path, dossiers, problems: Problems, namen: labelling.Namen = labelling.GEEN_NAMEN) -> None:
    """Judge every explainer page and the glossary where they name an undecided dossier."""
    voorstellen = _Voorstellen(dossiers)
    if not voorstellen.open:
        return
    content = Path(content)
    folder = content / PAGINAMAP
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in PAGINA_SOORTEN and path.is_file() and not path.is_symlink():
                display = f"content/{path.relative_to(content).as_posix()}"
                tekst = path.read_text(encoding="utf-8", errors="replace")
                _check_tekst(display, _pagina(tekst, path.suffix.lower()), voorstellen, problems, namen)
    begrippen = content / BEGRIPPEN
    if begrippen.is_file() and not begrippen.is_symlink():
        _check_tekst(f"content/{BEGRIPPEN}", _begrippen(begrippen.read_text(encoding="utf-8", errors="replace")),
                     voorstellen, problems, namen)


# -- reading a page into units, with the headings above each ---------------------------------

def _pagina(tekst: str, soort: str) -> Iterator[tuple[str, list[_Eenheid], _Eenheid]]:
    """(field, headings above it, unit) of every unit a reader sees on the page."""
    regels = tekst.split("\n")
    koppen: list[_Eenheid] = []
    if soort in (".html", ".htm"):
        m = _HTML_TITEL.search(tekst)
        if m:
            titel = _Eenheid(reading.lees_veld(re.sub(r"<[^>]+>", "", m.group(1))), tekst.count("\n", 0, m.start()) + 1,
                             True, m.group(1))
            yield "titel", [], titel
            koppen = [titel]
        body_start = 0
    else:
        body_start = 0
        for n, regel in enumerate(regels):
            if not regel.strip():
                body_start = n + 1
                break
            m = _META.match(regel)
            if m is None:  # no metadata block: the page is all body
                body_start = 0
                break
            veld = m.group(1).lower()
            if veld in _META_VELDEN and m.group(2).strip():
                plek, kop = _META_VELDEN[veld]
                eenheid = _Eenheid(reading.lees_veld(m.group(2)), n + 1, kop, m.group(2))
                if veld == "title":
                    koppen = [eenheid]
                yield veld, [], eenheid
        else:
            body_start = len(regels)
    yield from _body("\n".join(regels[body_start:]), body_start, regels, koppen)


def _body(markdown: str, eerste: int, regels: list[str], boven: list[_Eenheid]) -> Iterator:
    """The units of a Markdown (or HTML) body; ``eerste``: its first line in the file (0-based)."""
    koppen: list[tuple[int, _Eenheid]] = []  # (level, heading) above the current block
    # Reference-style links ("[het plan][1]" ... "[1]: dossiers/2026-046.html"): a unit's
    # source is read with the addresses of the references it uses.
    verwijzingen = {m.group(1).casefold(): m.group(2) for m in _VERWIJZING.finditer(markdown)}
    blokken = reading.blokken(markdown)
    i = 0
    while i < len(blokken):
        blok = blokken[i]
        regel = blok.regels[0][1]
        bron = regels[eerste + regel] if eerste + regel < len(regels) else ""
        if blok.kop:
            niveau = len(bron) - len(bron.lstrip("#")) if bron.lstrip().startswith("#") else 2
            koppen = [(n, k) for n, k in koppen if n < niveau]
            eenheid = _Eenheid(blok.tekst, eerste + regel + 1, True, bron)
            yield "kop", boven + [k for _, k in koppen], eenheid
            koppen.append((niveau, eenheid))
            i += 1
            continue
        # The cells of one table row (one source line) are read together: a label in one
        # cell and a title in the next are one line to a reader.
        rij = [blok]
        if "|" in bron:
            while i + len(rij) < len(blokken) and blokken[i + len(rij)].regels[0][1] == regel \
                    and not blokken[i + len(rij)].kop:
                rij.append(blokken[i + len(rij)])
        laatste = max(r for b in rij for _, r in b.regels)
        bronregels = "\n".join(regels[eerste + regel:eerste + laatste + 1])
        bronregels += "".join(f" {verwijzingen.get((m.group(2) or m.group(1)).casefold(), '')}"
                              for m in _GEBRUIK.finditer(bronregels))
        tekst = " | ".join(b.tekst for b in rij) if len(rij) > 1 else blok.tekst
        # A term of a definition list with its definition (the next line starts with ":").
        volgende = regels[eerste + laatste + 1] if eerste + laatste + 1 < len(regels) else ""
        if len(rij) == 1 and volgende.lstrip().startswith(":") and i + 1 < len(blokken):
            rij.append(blokken[i + 1])
            tekst = f"{blok.tekst}: {blokken[i + 1].tekst}"
            bronregels += "\n" + volgende
        yield "tekst", boven + [k for _, k in koppen], _Eenheid(tekst, eerste + regel + 1, False, bronregels)
        i += len(rij)


def _begrippen(tekst: str) -> Iterator[tuple[str, list[_Eenheid], _Eenheid]]:
    """Each word of the glossary and its explanation (one unit: they are shown together)."""
    try:
        data, lines = load_with_lines(tekst)
    except Exception:  # noqa: BLE001 - the glossary's own loader reports a file it cannot read
        return
    items = data.get("begrippen") if isinstance(data, dict) else None
    for n, item in enumerate(items if isinstance(items, list) else [], start=1):
        if not isinstance(item, dict):
            continue
        woord, uitleg = str(item.get("woord") or ""), str(item.get("uitleg") or "")
        vormen = " ".join(str(v) for v in item.get("vormen") or [] if isinstance(v, str))
        def regel(n: int = n) -> int | None:  # the lines of a YAML file are worked out only for a problem
            return line_for(lines, ("begrippen", n - 1, "uitleg")) or line_for(lines, ("begrippen", n - 1))

        eenheid = _Eenheid(reading.lees_veld(f"{woord}: {uitleg}"), regel, False, f"{woord} {vormen} {uitleg}")
        yield f"begrippen[{n}]", [], eenheid


# -- judging ---------------------------------------------------------------------------------

def _check_tekst(display: str, eenheden, voorstellen: _Voorstellen, problems: Problems,
                 namen: labelling.Namen) -> None:
    gemeld: set[tuple] = set()
    eenheden = list(eenheden)
    for n, (veld, koppen, eenheid) in enumerate(eenheden):
        buren = [e for _, _, e in eenheden[max(n - 1, 0):n + 2] if e is not eenheid]
        for d, waar in voorstellen.genoemd(eenheid):
            # One message per line and dossier: the error if there is one, else the doubt.
            eerste: dict[int | None, tuple] = {}
            for plek, tekst, regel, fout, reden in _bevindingen(eenheid, koppen, d, waar, namen, buren):
                if regel not in eerste or (fout and not eerste[regel][3]):
                    eerste[regel] = (plek, tekst, regel, fout, reden)
            for plek, tekst, regel, fout, reden in eerste.values():
                if (regel, d.id) in gemeld:
                    continue
                gemeld.add((regel, d.id))
                _meld(problems, display, veld if plek == "zelf" else "kop", regel, d, tekst, reden, fout,
                      gedeeld=reading.lees_veld(d.titel).casefold() in voorstellen.besloten_titels)


def _bevindingen(eenheid: _Eenheid, koppen: list[_Eenheid], d, waar, namen, buren=()) -> Iterator[tuple]:
    """(where, text, line, is_error, why) of every way the unit or a heading above it
    presents ``d`` as decided; ``buren``: the units just before and after it, where a
    bare outcome ("Aangenomen.") reads as the title's."""
    plek = Plek.LABEL if eenheid.kop else Plek.TEKST
    naam = re.compile(re.escape(reading.lees_veld(d.titel)) + "|" + re.escape(d.id), re.IGNORECASE)
    genoemd = naam.search(eenheid.tekst)
    tekst = naam.sub(_MASKER, eenheid.tekst)
    for claim in labelling.beoordeel(tekst, plek, kop=eenheid.kop, ingediend=d.voorstel.datum_ingediend,
                                     namen=namen, gelezen=True):
        zin = claim.zin.replace(_MASKER, genoemd.group()) if genoemd else claim.zin  # as the clerk wrote it
        yield "zelf", zin, eenheid.regel, claim.fout, claim.regel.reden
    if waar is not None:
        for m in labelling.UITSLAGWOORD.finditer(eenheid.tekst.casefold()):
            tussen = (eenheid.tekst[waar.end():m.start()] if m.start() >= waar.end()
                      else eenheid.tekst[m.end():waar.start()] if m.end() <= waar.start() else "x")
            if len(tussen) <= _GAT and not any(c.isalnum() for c in tussen):
                yield "zelf", eenheid.tekst, eenheid.regel, True, f"'{m.group()}' staat direct naast de titel"
    for buur in buren:
        if labelling.UITSLAGWOORD.fullmatch(buur.tekst.strip(" .!:;-–—()|").casefold()):
            yield "zelf", f"{eenheid.tekst} / {buur.tekst}", buur.regel, True, (
                f"'{buur.tekst.strip()}' staat los naast de titel")
    for kop in koppen:
        for claim in labelling.beoordeel(kop.tekst, Plek.LABEL, kop=True, namen=namen, gelezen=True):
            yield "kop", kop.tekst, kop.regel, claim.fout, f"de kop erboven: {claim.regel.reden}"
        m = labelling.UITSLAGWOORD.search(kop.tekst.casefold())
        if m:
            yield "kop", kop.tekst, kop.regel, True, f"de kop erboven noemt een uitslag of besluit ('{m.group()}')"


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
