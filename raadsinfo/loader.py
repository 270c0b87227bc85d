"""Read every record under a content directory, validate it, build the dossiers.

This is the one entry point used by the Pelican plugin, ``invoke check`` and the
tests. It reads all files, collects every problem (never stopping at the first) and
either returns a :class:`Site` or raises :class:`RecordsInvalid` with all of them.

Nothing in ``content/`` is passed over in silence: every file in a records folder
is read as a record, refused with an error (a symbolic link, a folder, a record
saved as ``.MD`` or ``.txt``), or named in a warning (an attachment); a symbolic
link or a device anywhere else in ``content/`` is an error too, since the build
would follow it to a file outside the repository. A file that makes the checks
themselves fail is reported as a problem of that file, so that it cannot hide the
problems of the others.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import characters, glossary, guard_pages, guard_records, labelling, page_files, placeholders, schema
from .dossier import Dossier
from .frontmatter import RecordSource, decode, parse_yaml, read_file, read_record
from .model import Onderwerp, Raadsperiode, Uitkomst, Voorstel
from .parallel import fork_map
from .problems import Problem, Problems, RecordsInvalid, debug_enabled
from .records import onderwerpen_from, perioden_from, uitkomst_from, voorstel_from
from .vergaderingen import Vergadergegevens, gegevens_from
from .votes import check_result, check_stemronde
from .yamlsource import line_for

VOORSTELLEN = "voorstellen"
BESLUITEN = "besluiten"
RAAD = "raad/raadsperioden.yaml"
ONDERWERPEN = "raad/onderwerpen.yaml"
VERGADERINGEN = "raad/vergaderingen.yaml"  # optional: place and livestream of meetings
FINAL_NEEDS_TOELICHTING = {"unaniem aangenomen", "aangenomen", "geamendeerd aangenomen",
                           "onder voorbehoud aangenomen", "verworpen"}


@dataclass
class Site:
    """Everything the outputs need: dossiers, the council, the topics."""

    dossiers: list[Dossier]
    perioden: list[Raadsperiode]
    onderwerpen: list[Onderwerp]
    warnings: Problems = field(default_factory=Problems)
    #: Doubtful sentences that a record confirmed in ``labelcontrole``, with the reason
    #: (:class:`raadsinfo.guard_records.BevestigdeZin`): ``invoke check`` lists them.
    labelcontrole: list = field(default_factory=list)
    #: Place and livestream of meetings (``content/raad/vergaderingen.yaml``; empty without it).
    vergadergegevens: Vergadergegevens = field(default_factory=Vergadergegevens)

    def periode_op(self, day: date) -> Raadsperiode | None:
        return next((p for p in self.perioden if p.covers(day)), None)

    def onderwerp(self, slug: str) -> Onderwerp:
        return next(o for o in self.onderwerpen if o.slug == slug)


@dataclass
class _Loaded:
    record: object
    lines: dict
    display: str
    body_line: int | None = None  # file line of the first non-blank line of the Markdown body


def load_site(content: Path, today: date | None = None, gemeente: str | None = None) -> Site:
    """Load and validate all records; raise :class:`RecordsInvalid` on any error.

    ``gemeente``: the municipality of the site (setting ``GEMEENTE``). The council data
    must name the same one: the wording check reads "de raad van <gemeente>" as this
    council, so another name there would make claims about this council pass."""
    content = Path(content)
    today = today or date.today()
    problems = Problems()
    _check_tree(content, problems)
    # A linked page is reported, and must then not be read by the page checks below.
    odd_pages = any(p.path.startswith(f"content/{PAGES}/") for p in problems.errors)
    raad = _load_data(content, RAAD, "raad", perioden_from, problems)
    perioden = raad[0] if raad else None
    # The names that make "de raad van <gemeente>" this council (the wording check).
    namen = labelling.Namen.uit_raad(raad[2]) if raad else labelling.GEEN_NAMEN
    if raad and gemeente and namen.gemeente != gemeente:
        problems.add(f"content/{RAAD}", f"de gemeente in de gegevens van de raad is niet die van de site ({gemeente})",
                     line=line_for(raad[1], ("gemeente",)), field="gemeente", found=repr(namen.gemeente),
                     expected=repr(gemeente), hint="De naam van de site staat in pelicanconf.py (GEMEENTE).")
    onderwerpen_data = _load_data(content, ONDERWERPEN, "onderwerpen", onderwerpen_from, problems)
    onderwerpen = onderwerpen_data[0] if onderwerpen_data else None
    onderwerpen_lines = onderwerpen_data[1] if onderwerpen_data else {}
    if raad:
        _check_perioden(perioden, raad[1], problems)
    unreadable: set[str] = set()
    voorstellen = _load_voorstellen(content, onderwerpen or [], problems, unreadable)
    uitkomsten = _load_uitkomsten(content, perioden or [], problems)
    dossiers = _build_dossiers(voorstellen, uitkomsten, perioden or [], today, problems, unreadable)
    _check_wijzigingen([*voorstellen, *uitkomsten], today, problems)
    # The labelling rule at record depth: the wording check on everything a reader sees
    # of an undecided dossier, on the built dossiers (their status decides), with the
    # records' lines kept for the messages.
    bronnen = {item.display: guard_records.Bron(item.display, item.lines, item.body_line)
               for item in (*voorstellen, *uitkomsten)}
    bevestigd = guard_records.check_dossiers(dossiers, bronnen, problems, onderwerpen or [], onderwerpen_lines, namen)
    # The same rule on the pages and the glossary where they name an undecided dossier.
    if not odd_pages:
        guard_pages.check_pages(content, dossiers, problems, namen)
        page_files.check_page_files(content, problems)
    _check_glossary(content, problems)
    vergadergegevens = _load_vergadergegevens(content, dossiers, problems)
    if problems:
        raise RecordsInvalid(problems)
    return Site(dossiers, perioden, onderwerpen, warnings=problems, labelcontrole=bevestigd,
                vergadergegevens=vergadergegevens)


def _check_glossary(content: Path, problems: Problems) -> None:
    """The glossary's own problems, reported with all others (and before any page is built)."""
    try:
        glossary.load_begrippen(content)
    except RecordsInvalid as exc:
        problems.extend(exc.problems)


def _body_line(source: RecordSource) -> int:
    """The file line of the body's first non-blank line: records strip the blank lines."""
    body = source.body
    lead = len(body) - len(body.lstrip())
    return source.body_line + body.count("\n", 0, lead)


def _rel(content: Path, path: Path) -> str:
    """The path as messages show it, from content/, with any odd character as a code."""
    try:
        return characters.escape(str(Path("content") / path.relative_to(content)))
    except ValueError:  # pragma: no cover
        return characters.escape(str(path))


def _load_data(content: Path, name: str, kind: str, build, problems: Problems):
    """Read a council data file; return ``(records, key_lines, data)`` or ``None``."""
    path = content / name
    display = _rel(content, path)
    if _through_link(content, path.parent):
        return None  # the linked folder is reported by _check_tree
    if not path.exists() and not path.is_symlink():
        problems.add(display, "dit bestand ontbreekt", hint="Het is nodig om stemmingen en onderwerpen te controleren.")
        return None
    raw = read_file(path, display, problems)
    text = decode(raw, display, problems) if raw is not None else None
    if text is None or not characters.check_line_breaks(text, display, problems):
        return None
    parsed = parse_yaml(text.splitlines(), 1, display, problems)
    if parsed is None:
        return None
    data, lines = parsed
    if not isinstance(data, dict):
        problems.add(display, "dit bestand bevat geen velden", line=1,
                     expected="regels in de vorm 'veldnaam: waarde'")
        return None
    clean = characters.check_fields(kind, data, lines, display, problems)
    if not schema.check(kind, data, lines, display, problems) or not clean:
        return None
    return build(data), lines, data


def _load_vergadergegevens(content: Path, dossiers: list[Dossier], problems: Problems) -> Vergadergegevens:
    """``content/raad/vergaderingen.yaml`` (optional): checked against its schema; a meeting
    named twice is an error, a meeting the records do not know a warning."""
    path = content / VERGADERINGEN
    if not path.exists() and not path.is_symlink():
        return Vergadergegevens()
    loaded = _load_data(content, VERGADERINGEN, "vergaderingen", gegevens_from, problems)
    if loaded is None:
        return Vergadergegevens()
    gegevens, lines, data = loaded
    from .agenda import vergaderingen  # the meetings the records know

    bekend = {(v.gremium, v.datum) for v in vergaderingen(dossiers)}
    display = f"content/{VERGADERINGEN}"
    gezien: dict[tuple, int] = {}
    for i, item in enumerate(data.get("vergaderingen") or ()):
        key = (item["gremium"], date.fromisoformat(str(item["datum"])))
        if key in gezien:
            line = line_for(lines, ("vergaderingen", i, "datum"))  # worked out only for a problem
            problems.add(display, "deze vergadering staat twee keer in het bestand", line=line, field="datum",
                         found=f"{key[0]} op {key[1].isoformat()}",
                         expected="elke vergadering (gremium en datum) één keer",
                         hint=f"Zet alles over deze vergadering bij de eerste keer "
                              f"(regel {line_for(lines, ('vergaderingen', gezien[key], 'datum'))}).")
            continue
        gezien[key] = i
        if key not in bekend:
            line = line_for(lines, ("vergaderingen", i, "datum"))
            problems.warn(display, "geen voorstel staat op de agenda van deze vergadering", line=line,
                          field="datum", found=f"{key[0]} op {key[1].isoformat()}",
                          hint="Klopt de datum? De pagina van de vergadering komt er pas als een voorstel "
                               "deze vergadering noemt (behandeling).")
    return gegevens


def onderwerp_slugs(content: Path) -> list[str] | None:
    """The topic slugs of ``content/raad/onderwerpen.yaml``, or None when it cannot be read.

    For ``invoke new``, which refuses an unknown topic without loading (and so without
    requiring) a valid site.
    """
    loaded = _load_data(Path(content), ONDERWERPEN, "onderwerpen", onderwerpen_from, Problems())
    return [o.slug for o in loaded[0]] if loaded else None


def _check_perioden(perioden: list[Raadsperiode], lines: dict, problems: Problems) -> None:
    display = f"content/{RAAD}"
    for i, p in enumerate(perioden):
        where = ("perioden", i)
        total = sum(f.zetels for f in p.fracties)
        if total != p.zetels:
            problems.add(display, f"de zetels van de fracties tellen niet op tot {p.zetels}",
                         line=line_for(lines, where + ("fracties",)), field=f"perioden[{i + 1}].fracties",
                         found=f"samen {total} zetels", expected=f"samen {p.zetels} (het veld 'zetels' van {p.naam})")
        if p.tot < p.van:
            problems.add(display, "de periode eindigt voor zij begint", line=line_for(lines, where + ("tot",)),
                         field=f"perioden[{i + 1}].tot", found=p.tot.isoformat(),
                         expected=f"een datum na {p.van.isoformat()}")
        seen: set[str] = set()
        for j, f in enumerate(p.fracties):
            if f.naam in seen:
                problems.add(display, "deze fractie staat twee keer in de periode",
                             line=line_for(lines, where + ("fracties", j, "naam")),
                             field=f"perioden[{i + 1}].fracties[{j + 1}].naam", found=repr(f.naam))
            seen.add(f.naam)
    ordered = sorted(enumerate(perioden), key=lambda ip: ip[1].van)
    for (_, a), (j, b) in zip(ordered, ordered[1:], strict=False):
        if b.van <= a.tot:
            problems.add(display, f"de periodes {a.naam} en {b.naam} overlappen",
                         line=line_for(lines, ("perioden", j, "van")), field=f"perioden[{j + 1}].van",
                         found=b.van.isoformat(), expected=f"een datum na {a.tot.isoformat()} (einde van {a.naam})")


#: Extensions (lower case) of files that look like a record but are not read as one:
#: only a name ending in ".md" is. Such a file is an error, not a warning, because the
#: griffie meant it to be published ("x.MD", "x.md.txt" from Notepad, "x.markdown").
RECORD_LIKE = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext", ".txt", ".text",
               ".yaml", ".yml", ""}


def _skipped(name: str) -> bool:
    """Hidden files and editor backups ("x.md~"), which nobody means to publish."""
    return name.startswith(".") or name.endswith("~")


def _as_record_name(name: str) -> str:
    """The name a record-like file should have: "x.MD", "x.md.txt", "x.markdown" -> "x.md"."""
    stem = name.strip().rstrip(".")
    while Path(stem).suffix.lower() in RECORD_LIKE - {""}:
        stem = stem[: -len(Path(stem).suffix)]
    return f"{stem}.md"


def _link_problem(display: str, folder: bool, problems: Problems) -> None:
    """A symbolic link is refused; nothing of its target is named or read."""
    what = "deze map" if folder else "dit bestand"
    problems.add(display, f"{what} is een snelkoppeling (symbolische link); de site leest alleen gewone mappen "
                 "en bestanden in content/", expected="een gewoon bestand of een gewone map",
                 hint=f"Haal de snelkoppeling weg en zet {'de map' if folder else 'het bestand'} zelf op deze plek.")


def _special_problem(display: str, problems: Problems) -> None:
    problems.add(display, "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)",
                 expected="een gewoon tekstbestand", hint="Haal het weg en zet er een gewoon bestand neer.")


def _through_link(content: Path, folder: Path) -> bool:
    """True when ``folder`` (inside ``content``) is, or lies in, a symbolically linked folder."""
    try:
        parts = folder.relative_to(content).parts
    except ValueError:  # pragma: no cover - every caller passes a folder inside content
        return True
    return any((content.joinpath(*parts[: i + 1])).is_symlink() for i in range(len(parts)))


def _check_tree(content: Path, problems: Problems) -> None:
    """Report every symbolic link and device in ``content/`` outside the records folders.

    The records folders and the council data files are checked where they are read
    (:func:`_record_files`, :func:`_load_data`), so each problem is reported once.
    Linked folders are not entered.
    """
    if not content.is_dir():
        return
    own = {content / VOORSTELLEN, content / BESLUITEN, content / RAAD, content / ONDERWERPEN}
    stack = [content]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            problems.add(_rel(content, folder), "deze map kan niet worden gelezen",
                         hint="Geef uzelf leesrecht op de map, of vraag de beheerder.")
            continue
        for entry in entries:
            path = Path(entry.path)
            if path in own:
                continue
            display = _rel(content, path)
            if entry.is_symlink():
                _link_problem(display, entry.is_dir(), problems)
            elif entry.is_dir(follow_symlinks=False):
                stack.append(path)
            elif not entry.is_file(follow_symlinks=False):
                _special_problem(display, problems)
            elif path.relative_to(content).parts[0] == PAGES and path.suffix.lower() in PAGE_SUFFIXES:
                _check_page(path, display, problems)


#: The explainer pages, which Pelican renders as Markdown (or HTML).
PAGES = page_files.PAGINAMAP
PAGE_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown", ".html", ".htm"}


def _check_page(path: Path, display: str, problems: Problems) -> None:
    """A page gets the records' limits on size and (Markdown) on markup that Markdown is slow on."""
    raw = read_file(path, display, problems)
    if raw is not None and path.suffix.lower() not in (".html", ".htm"):
        characters.check_markup(raw.decode("utf-8", "replace"), None, display, problems, None)


def file_problems(content: Path) -> Problems:
    """The errors about files alone (links, folders, devices, wrong names, what a page
    says about itself) in ``content/``.

    The build asks this before Pelican reads a single page (plugins/dossiers), because
    Pelican would follow a linked page to any file on the machine, and wait forever on
    a pipe. :func:`load_site` reports the same problems among all others.
    """
    content = Path(content)
    found = Problems()
    _check_tree(content, found)
    for folder in (VOORSTELLEN, BESLUITEN):
        _record_files(content, folder, found)
    for name in (RAAD, ONDERWERPEN):
        if (content / name).is_symlink() and not _through_link(content, (content / name).parent):
            _link_problem(_rel(content, content / name), False, found)
    if not found.errors:
        # What a page says about itself (title, address, format): Pelican reads pages
        # before the records, and answers a page without a title with a traceback.
        page_files.check_page_files(content, found)
    return Problems(found.errors)


def _record_files(content: Path, folder: str, problems: Problems | None = None) -> list[Path]:
    """The ``.md`` files in ``folder``; every other entry gets an error or a warning.

    A symbolic link, a folder, a device and a record saved under another extension are
    errors; any other file (an attachment, a note) is a warning that it is not read.
    """
    problems = Problems() if problems is None else problems
    directory = content / folder
    if directory.is_symlink():
        _link_problem(_rel(content, directory), True, problems)
        return []
    if not directory.is_dir():
        return []
    found = []
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        name, path = entry.name, Path(entry.path)
        if _skipped(name):
            continue
        display = _rel(content, path)
        if characters.first_bad(name, single_line=True):
            problems.add(display, "de bestandsnaam bevat een onzichtbaar teken of stuurteken",
                         found=display.removeprefix(f"content/{folder}/"), expected="een naam van letters, cijfers "
                         "en streepjes", hint="Geef het bestand een nieuwe naam, bijvoorbeeld <id>-korte-titel.md.")
        elif entry.is_symlink():
            _link_problem(display, False, problems)
        elif entry.is_dir(follow_symlinks=False):
            problems.add(display, f"dit is een map; in content/{folder}/ horen alleen bestanden",
                         expected="een bestand <naam>.md", hint=f"Zet de bestanden uit deze map direct in "
                         f"content/{folder}/, of haal de map weg. Bestanden in een map daarbinnen leest de site niet.")
        elif not stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
            _special_problem(display, problems)
        elif name.endswith(".md"):
            found.append(path)
        elif Path(name.strip().rstrip(".")).suffix.lower() in RECORD_LIKE:
            problems.add(display, "dit bestand wordt niet gelezen: de naam eindigt niet op .md",
                         found=repr(name), expected="een naam die eindigt op .md (kleine letters)",
                         hint=f"Hernoem het bestand naar {_as_record_name(name)}.")
        else:
            problems.warn(display, "dit bestand wordt niet gelezen: het eindigt niet op .md",
                          found=name, expected="een naam die eindigt op .md",
                          hint="Is het een voorstel of uitkomst? Geef het de extensie .md. Anders: haal het weg.")
    return found


_ID_IN_NAME = re.compile(r"^([0-9]{4}-[0-9]{3})(?:-|$)")


def _claimed_id(path: Path, data: object) -> str | None:
    """The voorstel id a broken file was meant to have (from its data or name)."""
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return data["id"]
    match = _ID_IN_NAME.match(path.stem)
    return match.group(1) if match else None


def _read_and_check(job: tuple[Path, str, str]) -> tuple[RecordSource | None, list[Problem], bool]:
    """Read one record file and check it against its schema (in a worker on big sites).

    Also refused here, per field: hidden and control characters, line breaks in a
    single-line field (:mod:`raadsinfo.characters`), and fill-in texts of ``invoke
    new`` (:mod:`raadsinfo.placeholders`). A record with a refused character is not
    used further, so that it can reach no page, feed or calendar.
    """
    path, display, kind = job
    found = Problems()
    try:
        source = read_record(path, display, found)
        if source is None:
            return None, found.items, False
        clean = characters.check_fields(kind, source.data, source.lines, display, found, source.yaml_text)
        clean = characters.check_body(source.body, source.body_line, display, found) and clean
        placeholders.check(source.data, source.lines, source.body, source.body_line, display, found,
                           source.yaml_text)
        valid = schema.check(kind, source.data, source.lines, display, found) and clean
    except Exception as exc:  # one odd file must not hide the problems of all the others
        if debug_enabled():
            raise
        found.add(display, "dit bestand kon niet worden gecontroleerd door een fout in het programma",
                  found=type(exc).__name__, hint="Meld dit aan de beheerder van de site. Met "
                  "'invoke check --debug' ziet die de details.")
        return None, found.items, False
    return source, found.items, valid


def _read_all(content: Path, folder: str, kind: str, problems: Problems):
    """(path, display name, source, schema-valid) for every record file, in file order.

    Reading, YAML parsing and the schema check are independent per file and most of
    the loading time, so a big site does them on every CPU (fork_map)."""
    jobs = [(path, _rel(content, path), kind) for path in _record_files(content, folder, problems)]
    for (path, display, _), (source, found, valid) in zip(jobs, fork_map(_read_and_check, jobs), strict=True):
        problems.items.extend(found)
        yield path, display, source, valid


def _load_voorstellen(content: Path, onderwerpen: list[Onderwerp], problems: Problems,
                      unreadable: set[str] | None = None) -> list[_Loaded]:
    """Load every voorstel; ids of files that could not be loaded go into ``unreadable``.

    An outcome for such a voorstel is then not reported as "no voorstel with this id":
    the real problem is already reported for the voorstel file itself.
    """
    slugs = [o.slug for o in onderwerpen]
    loaded: list[_Loaded] = []
    first_by_id: dict[str, str] = {}
    unreadable = set() if unreadable is None else unreadable
    for path, display, source, valid in _read_all(content, VOORSTELLEN, "voorstel", problems):
        if not valid:
            claimed = _claimed_id(path, source.data if source else None)
            if claimed:
                unreadable.add(claimed)
            continue
        voorstel = voorstel_from(source.data, source.body, display)
        lines = source.lines
        if voorstel.id in first_by_id:
            problems.add(display, "dit id wordt al gebruikt", line=line_for(lines, ("id",)), field="id",
                         found=repr(voorstel.id), expected="een uniek registratienummer",
                         hint=f"Het staat ook in {first_by_id[voorstel.id]}.")
            continue
        first_by_id[voorstel.id] = display
        if not (path.stem == voorstel.id or path.stem.startswith(voorstel.id + "-")):
            problems.add(display, "de bestandsnaam past niet bij het id", line=line_for(lines, ("id",)), field="id",
                         found=path.name, expected=f"een naam die begint met '{voorstel.id}-'",
                         hint=f"Noem het bestand bijvoorbeeld {voorstel.id}-korte-titel.md.")
        if onderwerpen:
            for i, slug in enumerate(voorstel.onderwerpen):
                if slug not in slugs:
                    close = difflib.get_close_matches(slug, slugs, n=1, cutoff=0.5)
                    problems.add(display, "dit onderwerp bestaat niet", line=line_for(lines, ("onderwerpen", i)),
                                 field=f"onderwerpen[{i + 1}]", found=repr(slug),
                                 expected="een van: " + ", ".join(slugs),
                                 hint=f"Bedoelt u '{close[0]}'?" if close
                                 else "Voeg het toe aan content/raad/onderwerpen.yaml.")
        for i, stap in enumerate(voorstel.behandeling):
            if stap.datum < voorstel.datum_ingediend:
                problems.add(display, "deze vergadering is eerder dan de datum waarop het voorstel is ingediend",
                             line=line_for(lines, ("behandeling", i, "datum")), field=f"behandeling[{i + 1}].datum",
                             found=stap.datum.isoformat(),
                             expected=f"op of na datumIngediend {voorstel.datum_ingediend.isoformat()}")
            _check_eerder(stap, i, lines, display, problems, voorstel.datum_ingediend)
        loaded.append(_Loaded(voorstel, lines, display, _body_line(source)))
    return loaded


def _check_eerder(stap, i: int, lines: dict, display: str, problems: Problems, ingediend: date) -> None:
    """A moved meeting (``eerder``) was planned before its current date, never on or after
    it, and not before the proposal was submitted (the feeds announce the move)."""
    if stap.verplaatst_op is not None and not (ingediend <= stap.verplaatst_op <= stap.datum and stap.eerder):
        problems.add(display, "'verplaatstOp' is de dag waarop de verplaatsing bekend werd: na het indienen, voor de "
                     "nieuwe datum, en alleen bij 'eerder'", line=line_for(lines, ("behandeling", i, "verplaatstOp")),
                     field=f"behandeling[{i + 1}].verplaatstOp", found=stap.verplaatst_op.isoformat(),
                     expected=f"een datum van {ingediend.isoformat()} tot {stap.datum.isoformat()}, met 'eerder' erbij")
    for j, day in enumerate(stap.eerder):
        if day < ingediend:
            problems.add(display, "een eerdere datum van deze vergadering ligt voor de dag waarop het voorstel is "
                         "ingediend", line=line_for(lines, ("behandeling", i, "eerder", j)),
                         field=f"behandeling[{i + 1}].eerder[{j + 1}]", found=day.isoformat(),
                         expected=f"op of na datumIngediend {ingediend.isoformat()}")
        if day >= stap.datum:
            problems.add(display, "een eerdere datum van deze vergadering ligt niet voor de huidige datum",
                         line=line_for(lines, ("behandeling", i, "eerder", j)),
                         field=f"behandeling[{i + 1}].eerder[{j + 1}]", found=day.isoformat(),
                         expected=f"een datum voor {stap.datum.isoformat()} (het veld 'datum' van deze stap)",
                         hint="Zet onder 'eerder' alleen de oude datums; de nieuwe datum hoort in 'datum'.")


def _check_wijzigingen(items: list[_Loaded], today: date, problems: Problems) -> None:
    """A correction (``wijzigingen``) is dated after the text it corrects existed, and not in
    the future; nor is the day a move became known (``verplaatstOp``).

    Its date moves ``updated`` in the feeds, so a typo here would date news wrongly.
    """
    for item in items:
        record = item.record
        first = record.datum_ingediend if isinstance(record, Voorstel) else record.vergaderdatum
        what = "datumIngediend" if isinstance(record, Voorstel) else "vergaderdatum"
        for j, wijziging in enumerate(record.wijzigingen):
            if wijziging.datum < first or wijziging.datum > today:
                problems.add(item.display, "de datum van deze wijziging kan niet kloppen",
                             line=line_for(item.lines, ("wijzigingen", j, "datum")),
                             field=f"wijzigingen[{j + 1}].datum", found=wijziging.datum.isoformat(),
                             expected=f"een datum van {first.isoformat()} ({what}) tot en met vandaag "
                                      f"({today.isoformat()})")
        for i, stap in enumerate(record.behandeling if isinstance(record, Voorstel) else ()):
            if stap.verplaatst_op is not None and stap.verplaatst_op > today:  # it dates a news entry
                problems.add(item.display, "de verplaatsing kan niet in de toekomst bekend zijn geworden",
                             line=line_for(item.lines, ("behandeling", i, "verplaatstOp")),
                             field=f"behandeling[{i + 1}].verplaatstOp", found=stap.verplaatst_op.isoformat(),
                             expected=f"uiterlijk vandaag ({today.isoformat()})")


def _load_uitkomsten(content: Path, perioden: list[Raadsperiode], problems: Problems) -> list[_Loaded]:
    loaded: list[_Loaded] = []
    for path, display, source, valid in _read_all(content, BESLUITEN, "besluit", problems):
        if not valid:
            continue
        day = date.fromisoformat(source.data["vergaderdatum"])
        periode = next((p for p in perioden if p.covers(day)), None)

        def seats_of(naam: str, periode=periode) -> int | None:
            fractie = periode.fractie(naam) if periode else None
            return fractie.zetels if fractie else None

        uitkomst = uitkomst_from(source.data, source.body, display, seats_of)
        if not (path.stem == uitkomst.voorstel_id or path.stem.startswith(uitkomst.voorstel_id + "-")):
            # A copied outcome file that was not edited would silently decide another dossier.
            problems.add(display, "de bestandsnaam hoort niet bij het voorstel in het veld 'voorstel'",
                         line=line_for(source.lines, ("voorstel",)), field="voorstel",
                         found=f"bestand {path.name}, voorstel {uitkomst.voorstel_id}",
                         expected=f"besluiten/{uitkomst.voorstel_id}.md (of {uitkomst.voorstel_id}-<datum>.md)",
                         hint="Controleer of u de uitkomst bij het goede voorstel hebt gezet.")
        _check_uitkomst_votes(uitkomst, periode, source.lines, display, problems, perioden)
        loaded.append(_Loaded(uitkomst, source.lines, display, _body_line(source)))
    return loaded


def _check_uitkomst_votes(u: Uitkomst, periode, lines: dict, display: str, problems: Problems, perioden) -> None:
    if u.besluitresultaat in FINAL_NEEDS_TOELICHTING and not u.hamerstuk and not u.besluittoelichting:
        problems.add(display, "de uitleg 'Waarom dit besluit?' ontbreekt", line=line_for(lines, ("besluitresultaat",)),
                     field="besluittoelichting", expected="een korte uitleg in eenvoudige taal (B1)",
                     hint=f"Verplicht bij '{u.besluitresultaat}'.")
    if u.amendementen and not u.final:  # amendementen are voted only when the voorstel itself is voted on
        problems.add(display, f"bij een voorstel dat is {u.besluitresultaat} wordt niet over amendementen gestemd",
                     line=line_for(lines, ("amendementen",)), field="amendementen", found="amendementen",
                     expected="geen 'amendementen' bij aangehouden of ingetrokken",
                     hint="Zet de amendementen in de uitkomst van de vergadering waarin de raad over het voorstel "
                          "stemde.")
    if u.besluittekst is not None and not u.status.info.adopted:  # only adopted text is a decision's text
        problems.add(display, f"een besluittekst hoort alleen bij een aangenomen voorstel, niet bij "
                     f"'{u.besluitresultaat}'", line=line_for(lines, ("besluittekst",)), field="besluittekst",
                     expected="geen 'besluittekst'",
                     hint="Haal 'besluittekst' weg. De site toont dan het ontwerpbesluit uit het voorstel.")

    def report(issues, base: tuple):
        for issue in issues:
            path = base + issue.path
            problems.add(display, issue.message, line=line_for(lines, path),
                         field=_field(path), found=issue.found, expected=issue.expected, hint=issue.hint)

    if periode is None:
        # Without the council of that date the votes cannot be counted: check only
        # what does not need seats, and say once why the rest is not checked.
        if not u.stemronde:
            report(check_result(u.besluitresultaat, u.stemronde, u.hamerstuk), ())
        if not perioden:
            return  # the council data itself is missing or broken; that problem is reported there
    else:
        report(check_result(u.besluitresultaat, u.stemronde, u.hamerstuk), ())
    if periode is None and (u.stemronde or any(n.stemronde for n in u.amendementen + u.moties)):
        known = ", ".join(f"{p.naam} ({p.van.isoformat()} t/m {p.tot.isoformat()})" for p in perioden)
        problems.add(display, "voor deze vergaderdatum is geen samenstelling van de raad bekend",
                     line=line_for(lines, ("vergaderdatum",)), field="vergaderdatum",
                     found=u.vergaderdatum.isoformat(), expected=f"een datum binnen: {known}",
                     hint="Voeg de raadsperiode toe aan content/raad/raadsperioden.yaml.")
        return
    if u.stemronde:
        report(check_stemronde(u.stemronde, periode), ("stemmingen",))
    for key, items in (("amendementen", u.amendementen), ("moties", u.moties)):
        for i, n in enumerate(items):
            if n.stemronde:
                report(check_stemronde(n.stemronde, periode), (key, i, "stemmingen"))
                report(check_result(n.besluitresultaat, n.stemronde), (key, i))
    adopted_amendments = [a for a in u.amendementen if a.aangenomen]
    if u.besluitresultaat == "geamendeerd aangenomen" and not adopted_amendments:
        problems.add(display, "'geamendeerd aangenomen' vraagt om minstens één aangenomen amendement",
                     line=line_for(lines, ("besluitresultaat",)), field="besluitresultaat",
                     hint="Voeg het amendement toe onder 'amendementen', of gebruik 'aangenomen'.")
    if u.besluitresultaat in {"aangenomen", "unaniem aangenomen"} and adopted_amendments:
        problems.add(display, "er is een amendement aangenomen, dus het voorstel is geamendeerd aangenomen",
                     line=line_for(lines, ("besluitresultaat",)), field="besluitresultaat",
                     found=repr(u.besluitresultaat), expected="'geamendeerd aangenomen'")


def _field(path: tuple) -> str | None:
    out = ""
    for p in path:
        out += f"[{p + 1}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out or None


def _build_dossiers(voorstellen: list[_Loaded], uitkomsten: list[_Loaded], perioden, today: date,
                    problems: Problems, unreadable: set[str] = frozenset()) -> list[Dossier]:
    by_id: dict[str, Dossier] = {}
    for item in voorstellen:
        by_id[item.record.id] = Dossier(item.record)
    ids = sorted(by_id)
    for item in sorted(uitkomsten, key=lambda x: (x.record.voorstel_id, x.record.vergaderdatum)):
        u: Uitkomst = item.record
        lines, display = item.lines, item.display
        dossier = by_id.get(u.voorstel_id)
        if dossier is None and u.voorstel_id in unreadable:
            continue  # the voorstel file itself is broken; that problem is already reported
        if dossier is None:
            close = difflib.get_close_matches(u.voorstel_id, ids, n=1, cutoff=0.6)
            problems.add(display, "er is geen voorstel met dit id", line=line_for(lines, ("voorstel",)),
                         field="voorstel", found=repr(u.voorstel_id),
                         expected="het id van een voorstel in content/voorstellen/",
                         hint=f"Bedoelt u '{close[0]}'?" if close else None)
            continue
        v: Voorstel = dossier.voorstel
        datum = ("vergaderdatum",)  # its line is looked up only for a problem: that needs a parse
        if u.vergaderdatum < v.datum_ingediend:
            problems.add(display, "de vergaderdatum is eerder dan de datum waarop het voorstel is ingediend",
                         line=line_for(lines, datum), field="vergaderdatum", found=u.vergaderdatum.isoformat(),
                         expected=f"op of na {v.datum_ingediend.isoformat()} (datumIngediend van {v.id})")
        if u.vergaderdatum > today:
            problems.add(display, "deze vergadering moet nog plaatsvinden; een uitkomst kan pas daarna",
                         line=line_for(lines, datum), field="vergaderdatum", found=u.vergaderdatum.isoformat(),
                         expected=f"een datum op of voor vandaag ({today.isoformat()})")
        raad_dates = [s.datum for s in v.behandeling if s.is_raad]
        if u.vergaderdatum not in raad_dates:
            problems.add(display, "deze raadsvergadering staat niet in de behandeling van het voorstel",
                         line=line_for(lines, datum), field="vergaderdatum", found=u.vergaderdatum.isoformat(),
                         expected="een datum van een stap 'gemeenteraad' in " + v.source,
                         hint="Voeg de vergadering toe aan 'behandeling' in het voorstel.")
        previous = dossier.laatste_uitkomst
        if previous is not None:
            if previous.vergaderdatum == u.vergaderdatum:
                problems.add(display, "er is al een uitkomst van deze vergadering voor dit voorstel",
                             line=line_for(lines, datum), field="vergaderdatum", hint=f"Zie {previous.source}.")
                continue
            if previous.final or previous.besluitresultaat == "ingetrokken":
                what = "een besluit" if previous.final else "ingetrokken"
                problems.add(display, f"dit voorstel heeft al een definitieve uitkomst ({what})",
                             line=line_for(lines, ("besluitresultaat",)), field="besluitresultaat",
                             found=repr(u.besluitresultaat),
                             expected="één definitieve uitkomst per voorstel",
                             hint=f"Zie {previous.source}. Verbeter dat bestand in plaats van "
                                  "een tweede toe te voegen.")
                continue
        dossier.uitkomsten.append(u)
    dossiers = sorted(by_id.values(), key=lambda d: d.id)
    for d in dossiers:
        if d.uitslag_ontbreekt(today):
            stemming = d.geplande_stemming()
            stap = d.voorstel.behandeling.index(stemming)
            lines = next((i.lines for i in voorstellen if i.record.id == d.id), {})
            problems.warn(d.voorstel.source,
                          f"uitslag nog niet verwerkt: de raad vergaderde op {stemming.datum.isoformat()} over "
                          f"voorstel {d.id}, maar er is nog geen uitkomst. De site toont 'uitslag nog niet "
                          "verwerkt' en noemt geen uitkomst",
                          line=line_for(lines, ("behandeling", stap, "datum")), field=f"behandeling[{stap + 1}].datum",
                          found=stemming.datum.isoformat(), expected=f"een uitkomst in content/besluiten/{d.id}.md",
                          hint=f"Zet de uitkomst erin met: invoke new --id {d.id} --besluit. Is de stemming "
                               "verschoven? Zet dan de nieuwe datum in 'datum' en de oude onder 'eerder' "
                               "(zie de handleiding).")
    return dossiers
