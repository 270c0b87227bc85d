"""Read every record under a content directory, validate it, build the dossiers.

This is the one entry point used by the Pelican plugin, ``invoke check`` and the
tests. It reads all files, collects every problem (never stopping at the first) and
either returns a :class:`Site` or raises :class:`RecordsInvalid` with all of them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import guard_pages, guard_records, labelling, schema
from .dossier import Dossier
from .frontmatter import RecordSource, decode, parse_yaml, read_record
from .model import Onderwerp, Raadsperiode, Uitkomst, Voorstel
from .parallel import fork_map
from .problems import Problem, Problems, RecordsInvalid
from .records import onderwerpen_from, perioden_from, uitkomst_from, voorstel_from
from .votes import check_result, check_stemronde
from .yamlsource import line_for

VOORSTELLEN = "voorstellen"
BESLUITEN = "besluiten"
RAAD = "raad/raadsperioden.yaml"
ONDERWERPEN = "raad/onderwerpen.yaml"
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


def load_site(content: Path, today: date | None = None) -> Site:
    """Load and validate all records; raise :class:`RecordsInvalid` on any error."""
    content = Path(content)
    today = today or date.today()
    problems = Problems()
    raad = _load_data(content, RAAD, "raad", perioden_from, problems)
    perioden = raad[0] if raad else None
    # The names that make "de raad van <gemeente>" this council (the wording check).
    namen = labelling.Namen.uit_raad(raad[2]) if raad else labelling.GEEN_NAMEN
    onderwerpen_data = _load_data(content, ONDERWERPEN, "onderwerpen", onderwerpen_from, problems)
    onderwerpen = onderwerpen_data[0] if onderwerpen_data else None
    onderwerpen_lines = onderwerpen_data[1] if onderwerpen_data else {}
    if raad:
        _check_perioden(perioden, raad[1], problems)
    unreadable: set[str] = set()
    voorstellen = _load_voorstellen(content, onderwerpen or [], problems, unreadable)
    uitkomsten = _load_uitkomsten(content, perioden or [], problems)
    dossiers = _build_dossiers(voorstellen, uitkomsten, perioden or [], today, problems, unreadable)
    # The labelling rule at record depth: the wording check on everything a reader sees
    # of an undecided dossier, on the built dossiers (their status decides), with the
    # records' lines kept for the messages.
    bronnen = {item.display: guard_records.Bron(item.display, item.lines, item.body_line)
               for item in (*voorstellen, *uitkomsten)}
    bevestigd = guard_records.check_dossiers(dossiers, bronnen, problems, onderwerpen or [], onderwerpen_lines, namen)
    # The same rule on the pages and the glossary where they name an undecided dossier.
    guard_pages.check_pages(content, dossiers, problems, namen)
    if problems:
        raise RecordsInvalid(problems)
    return Site(dossiers, perioden, onderwerpen, warnings=problems, labelcontrole=bevestigd)


def _body_line(source: RecordSource) -> int:
    """The file line of the body's first non-blank line: records strip the blank lines."""
    body = source.body
    lead = len(body) - len(body.lstrip())
    return source.body_line + body.count("\n", 0, lead)


def _rel(content: Path, path: Path) -> str:
    try:
        return str(Path("content") / path.relative_to(content))
    except ValueError:  # pragma: no cover
        return str(path)


def _load_data(content: Path, name: str, kind: str, build, problems: Problems):
    """Read a council data file; return ``(records, key_lines, data)`` or ``None``."""
    path = content / name
    display = _rel(content, path)
    if not path.exists():
        problems.add(display, "dit bestand ontbreekt", hint="Het is nodig om stemmingen en onderwerpen te controleren.")
        return None
    text = decode(path.read_bytes(), display, problems)
    if text is None:
        return None
    parsed = parse_yaml(text.splitlines(), 1, display, problems)
    if parsed is None:
        return None
    data, lines = parsed
    if not isinstance(data, dict):
        problems.add(display, "dit bestand bevat geen velden", line=1,
                     expected="regels in de vorm 'veldnaam: waarde'")
        return None
    if not schema.check(kind, data, lines, display, problems):
        return None
    return build(data), lines, data


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


def _record_files(content: Path, folder: str, problems: Problems | None = None) -> list[Path]:
    """The ``.md`` files in ``folder``; warn about other files that would be skipped silently."""
    directory = content / folder
    if problems is not None and directory.is_dir():
        for other in sorted(directory.iterdir()):
            if other.suffix == ".md" or other.name.startswith(".") or other.name.endswith("~"):
                continue
            problems.warn(_rel(content, other), "dit bestand wordt niet gelezen: het eindigt niet op .md",
                          found=other.name, expected="een naam die eindigt op .md",
                          hint="Geef het bestand de extensie .md, of haal het weg.")
    return sorted(directory.glob("*.md"))


_ID_IN_NAME = re.compile(r"^([0-9]{4}-[0-9]{3})(?:-|$)")


def _claimed_id(path: Path, data: object) -> str | None:
    """The voorstel id a broken file was meant to have (from its data or name)."""
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return data["id"]
    match = _ID_IN_NAME.match(path.stem)
    return match.group(1) if match else None


def _read_and_check(job: tuple[Path, str, str]) -> tuple[RecordSource | None, list[Problem], bool]:
    """Read one record file and check it against its schema (in a worker on big sites)."""
    path, display, kind = job
    found = Problems()
    source = read_record(path, display, found)
    valid = source is not None and schema.check(kind, source.data, source.lines, display, found)
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
        loaded.append(_Loaded(voorstel, lines, display, _body_line(source)))
    return loaded


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
                               "verschoven? Zet dan de nieuwe datum in 'behandeling'.")
    return dossiers
