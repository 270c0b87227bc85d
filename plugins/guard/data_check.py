"""Check feeds, calendars and data exports against what the domain computes for them.

Each item is matched with the domain's own by identity, never by title: a feed entry
(``plugins/feeds``, :mod:`raadsinfo.nieuws`) by its ``id``/``guid`` among the events of
the dossier it links to; a calendar event (``plugins/agenda``, :mod:`raadsinfo.agenda`)
by its UID; an export record (``plugins/exports``, :mod:`raadsinfo.export`) by its
``id``, compared in every label field (a name with "label" or "status") and every
field of the council's decision; an ODS resource (``data/ods/<Schema>.json``,
:mod:`raadsinfo.ods`) by its schema and ``id``, and a Besluit, Stemming or
StemresultaatPerFractie of an undecided dossier is refused outright. The feed and calendar of one dossier
(``.../dossier/<id>.*``) carry its kop; for an undecided dossier no decided label
string stands in their titles and descriptions. Other titles and descriptions may not
put one next to an undecided dossier's title.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re

from lxml import etree
from lxml import html as lxml_html

from raadsinfo import export, ods
from raadsinfo.status import VOTED_RESULTS, Label

from .domain import Expected, shown
from .report import Violation, quoted

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"  # RSS's full text of an item
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
#: Export fields that say what the council decided (:func:`raadsinfo.export.dossier_record`).
DECISION_FIELDS = ("besluitresultaat", "besluitresultaatCode", "besluitresultaatExtensie", "indicatieHamerstuk",
                   "vergaderdatum", "gremium", "besluittoelichting", "besluittekst", "stemmingen", "amendementen",
                   "moties")
_LABEL_FIELD = re.compile("label|status", re.IGNORECASE)
_PROPERTY = re.compile(r"^([A-Za-z0-9-]+)((?:;[^:\"]*(?:\"[^\"]*\"[^:\"]*)*)*):(.*)$")
#: The calendar properties the guard reads (BEGIN and END give the structure). The
#: writer spells them in capitals; one spelt otherwise is not read, so found missing.
_READ = ("BEGIN", "END", "NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION", "UID", "URL", "X-RAADSINFO-DOSSIER",
         "X-RAADSINFO-LABEL")


def own_dossier(rel: str, exp: Expected) -> str | None:
    """The dossier a feed or calendar belongs to by its place: ``.../dossier/<id>.*``."""
    folder, _, name = rel.rpartition("/")
    stem = name.split(".")[0]
    return stem if folder.endswith("dossier") and stem in exp.teksten else None


def _title(rel: str, exp: Expected, where: str, found: str, exact: bool) -> list[Violation]:
    """The title of a feed or calendar: a dossier's own carries its kop."""
    i = own_dossier(rel, exp)
    if i is None:
        return _free_text(rel, exp, where, found)
    t = exp.teksten[i]
    out = _free_text(rel, exp, where, found, i)
    kop = shown(t.kop)  # read as the output is read
    if not (found == kop if exact else found.startswith(kop)):
        out.append(Violation(rel, where, i, quoted(kop) + ("" if exact else " ..."), quoted(found),
                             "de feed of agenda van één dossier draagt de kop van dat dossier (raadsinfo/labels.py)"))
    return out


def _free_text(rel: str, exp: Expected, where: str, text: str, shows: str | None = None) -> list[Violation]:
    """A text the domain does not write whole, in the feed or calendar of the dossier it
    ``shows`` (if any): no decided label string if that one is undecided, nor next to the
    title of another undecided dossier (a decided one's own title is its own)."""
    out = []
    t = exp.teksten[shows] if shows in exp.open else None
    own_title = shown(exp.teksten[shows].titel) if shows in exp.teksten else None
    for word in exp.decided_words(text):
        if t is not None:
            out.append(Violation(rel, where, t.id, f"geen besluitlabel: het dossier is een voorstel "
                                 f"({quoted(t.badge)})", quoted(text), f"'{word.group()}' is een label van een "
                                 "besluit", exp.record_field([t.id], text, *word.span())))
        for _, i in (pair for pair in exp.open_titles_next_to(text, word) if pair[0] != own_title):
            out.append(Violation(rel, where, i, f"het label van een voorstel ({quoted(exp.teksten[i].kop)})",
                                 quoted(text), f"'{word.group()}' staat naast de titel van een voorstel dat de raad "
                                 "nog niet heeft besloten", exp.record_field([i], text, *word.span())))
    return out


def _unknown(rel: str, where: str, i: str | None, what: str, found: str) -> Violation:
    return Violation(rel, where, i or "", f"{what}, met de link naar de pagina van zijn dossier", quoted(found),
                     "de controle kent dit item niet, dus ook niet wat het mag zeggen")


# --- Atom and RSS -------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)  # an event stands in its dossier's feeds, its topics' and the main ones
def _html_text(markup: str) -> str:
    """The text a feed reader shows of an HTML fragment, as :func:`_xml_text` reads it."""
    return shown(lxml_html.fromstring(markup).text_content()) if markup.strip() else ""


def _xml_text(el) -> str:
    if el is None:
        return ""
    value = " ".join(el.itertext()) if el.get("type") == "xhtml" else "".join(el.itertext())
    if el.get("type") == "html" and value.strip():
        value = lxml_html.fromstring(value).text_content()
    return shown(value)


def _feed(root):
    """(kind, title, subtitle, entries) of an Atom or RSS feed, or None for other XML; each
    entry as (id, title, summary, its label categories, its link, its full text)."""
    if root.tag == f"{ATOM}feed":
        return "Atom-feed", root.find(f"{ATOM}title"), root.find(f"{ATOM}subtitle"), [(
            e.findtext(f"{ATOM}id"), e.find(f"{ATOM}title"), e.find(f"{ATOM}summary"),
            [c.get("term") for c in e.iter(f"{ATOM}category") if (c.get("scheme") or "").endswith("/label")],
            next((a.get("href") for a in e.iter(f"{ATOM}link") if a.get("rel", "alternate") == "alternate"), ""),
            e.find(f"{ATOM}content"),
        ) for e in root.iter(f"{ATOM}entry")]
    if root.tag == "rss":
        return "RSS-feed", root.find("channel/title"), root.find("channel/description"), [(
            e.findtext("guid"), e.find("title"), e.find("description"),
            [c.text for c in e.iter("category") if (c.get("domain") or "").endswith("/label")], e.findtext("link"),
            e.find(CONTENT),
        ) for e in root.iter("item")]
    return None


def check_feed(raw: bytes, rel: str, exp: Expected) -> list[Violation]:
    try:
        feed = _feed(etree.fromstring(raw, _PARSER))
    except etree.XMLSyntaxError as exc:
        return [Violation(rel, "XML", "", "een leesbare feed", str(exc), "de feed is geen geldige XML")]
    if feed is None:
        return []  # another kind of XML (a sitemap): no labels
    kind, title, subtitle, entries = feed
    out = _title(rel, exp, f"{kind}: titel", _xml_text(title), exact=False)
    out += _free_text(rel, exp, f"{kind}: beschrijving", _xml_text(subtitle), own_dossier(rel, exp))
    for n, (entry_id, entry_title, summary, label_terms, link, content) in enumerate(entries, start=1):
        where = f"{kind}: item {n} ({entry_id})"
        i = exp.linked(link)
        event = exp.entries(i).get((entry_id or "").strip()) if i else None
        if event is None:
            out.append(_unknown(rel, where, i, "het id van een bericht uit raadsinfo/nieuws.py", entry_id or ""))
            continue
        found = [("titel", _xml_text(entry_title), shown(event.titel)), *(
            [("samenvatting", _xml_text(summary), shown(event.samenvatting))] if summary is not None else []),
            *(("categorie label", term or "", event.label.value) for term in label_terms)]
        if content is not None:  # the full text: a reader shows it below the title
            found.append(("tekst", _html_text("".join(content.itertext())), _html_text(event.inhoud)))
        out += [Violation(rel, f"{where}: {part}", i, quoted(want), quoted(value), f"de {part} van een bericht is "
                          "die uit raadsinfo/nieuws.py") for part, value, want in found if value != want]
    return out


# --- iCalendar ----------------------------------------------------------------------


def calendar(raw: bytes) -> list[dict[str, str]]:
    """The components of a calendar as {property: text}: the calendar itself first, then
    each VEVENT (RFC 5545: lines unfolded, text unescaped; first value wins)."""
    text = raw.decode("utf-8", "replace").replace("\r\n", "\n")
    text = text.replace("\n ", "").replace("\n\t", "")  # a line break and a space or tab continue the line
    found: list[dict[str, str]] = [{}]
    depth = 0
    for line in text.split("\n"):
        m = _PROPERTY.match(line) if line.startswith(_READ) else None
        if not m or m.group(1) not in _READ:
            continue
        name, value = m.group(1), m.group(3)
        if name in ("BEGIN", "END"):
            depth += 1 if name == "BEGIN" else -1
            if name == "BEGIN" and value.upper() == "VEVENT":
                found.append({})
        elif depth == 1 or (depth == 2 and len(found) > 1):  # the calendar's own, or an event's
            value = re.sub(r"\\([\\;,nN])", lambda e: "\n" if e.group(1) in "nN" else e.group(1), value)
            found[-1 if depth == 2 else 0].setdefault(name, value)
    return found


def check_ics(raw: bytes, rel: str, exp: Expected) -> list[Violation]:
    """Each event by its UID: a dossier's (the dossier its URL names) against its
    agenda item, a meeting's against the domain's meeting (:func:`_check_meeting`)."""
    own, *events = calendar(raw)
    out = [v for name in ("NAME", "X-WR-CALNAME") if name in own
           for v in _title(rel, exp, f"agenda: {name}", shown(own[name]), exact=True)]
    for n, event in enumerate(events, start=1):
        uid = event.get("UID", "")
        where = f"agenda-item {n} ({uid})"
        meeting = exp.vergadering(uid.split("@")[0])
        if meeting is not None:
            out += _check_meeting(rel, where, event, meeting, exp)
            continue
        i = exp.linked(event.get("URL", "")) or exp.linked(f"dossiers/{event.get('X-RAADSINFO-DOSSIER')}.html")
        item = exp.agenda(i).get(uid.split("@")[0]) if i else None
        if item is None:
            out.append(_unknown(rel, where, i, "de UID van een agendapunt of vergadering uit raadsinfo/agenda.py",
                                uid))
            continue
        found = [("SUMMARY", shown(event.get("SUMMARY", "")), shown(item.titel)),
                 ("X-RAADSINFO-DOSSIER", event.get("X-RAADSINFO-DOSSIER", i), i),
                 ("X-RAADSINFO-LABEL", event.get("X-RAADSINFO-LABEL", item.label.value), item.label.value)]
        if "DESCRIPTION" in event:
            found.append(("DESCRIPTION", shown(event["DESCRIPTION"]), shown(item.beschrijving(event.get("URL", "")))))
        out += [Violation(rel, f"{where}: {name}", i, quoted(want), quoted(value), "dit hoort bij het agendapunt "
                          "met deze UID (raadsinfo/agenda.py)") for name, value, want in found if value != want]
        if item.label is Label.VOORSTEL:
            out += _free_text(rel, exp, f"{where}: DESCRIPTION", shown(event.get("DESCRIPTION", "")), i)
    return out


#: The address a meeting's description puts before each dossier's page.
_BASE_IN_TEXT = re.compile(r"(https?://\S*?)/dossiers/")


def _check_meeting(rel: str, where: str, event: dict, meeting, exp: Expected) -> list[Violation]:
    """A meeting's event (one per gremium and day) holds several dossiers: its SUMMARY and
    DESCRIPTION are the domain's (:class:`raadsinfo.agenda.Vergadering`), each dossier
    with the label of that meeting; and no undecided dossier stands in it as decided."""
    text = event.get("DESCRIPTION", "")
    m = _BASE_IN_TEXT.search(text)
    regels = meeting.regels(m.group(1) if m else "")
    lines = text.split("\n")
    # The dossier of the first line that differs, for the report (None: a line of the meeting's own).
    i = next((want_i for n, (want_i, want) in enumerate(regels)
              if n >= len(lines) or shown(lines[n]) != shown(want)), None)
    found = [("SUMMARY", shown(event.get("SUMMARY", "")), shown(meeting.titel), ""),
             ("DESCRIPTION", shown(text), shown("\n".join(line for _, line in regels)), i or "")]
    out = [Violation(rel, f"{where}: {name}", dossier, quoted(want), quoted(value), "dit hoort bij de vergadering "
                     "met deze UID (raadsinfo/agenda.py): elk voorstel met het label van die vergadering")
           for name, value, want, dossier in found if value != want]
    # Does it show an undecided dossier as decided? Line by line, each line read as about the
    # dossier the domain has there (so that a shared title is told apart); the whole text
    # when its lines are not the domain's lines.
    if len(lines) != len(regels):
        return out + _free_text(rel, exp, f"{where}: DESCRIPTION", shown(text))
    for (i, _), line in zip(regels, lines, strict=True):
        out += _free_text(rel, exp, f"{where}: DESCRIPTION", shown(line), i)
    return out


# --- JSON and CSV -------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _compared(keys: tuple) -> tuple:
    """The label and decision fields among these keys (every record has the same keys)."""
    return tuple(k for k in dict.fromkeys(keys) if _LABEL_FIELD.search(k) or k in DECISION_FIELDS)


def _compare(rel: str, where: str, found: dict, want: dict, i: str, exp: Expected) -> list[Violation]:
    out = []
    why = "labels en uitkomst in een export zijn die uit raadsinfo/export.py"
    if i in exp.open:
        why += "; de raad heeft over dit voorstel nog niet besloten"
    for key in _compared((*found, *want)):
        value = list(want[key]) if isinstance(want.get(key), tuple) else want.get(key)  # as JSON reads it back
        field = f"{where}, veld '{key}'"
        if key not in want:
            out.append(Violation(rel, field, i, "alleen de velden van raadsinfo/export.py", quoted(str(found[key])),
                                 "dit veld lijkt een label, maar de domeinlaag kent het niet"))
        elif key not in found and _LABEL_FIELD.search(key):
            out.append(Violation(rel, field, i, json.dumps(value, ensure_ascii=False), "(ontbreekt)", why))
        elif key in found and found[key] != value:
            out.append(Violation(rel, field, i, json.dumps(value, ensure_ascii=False),
                                 json.dumps(found[key], ensure_ascii=False), why))
    return out


def _reference(rel: str, where: str, row: dict, exp: Expected) -> list[Violation]:
    """A row about a dossier (a vote) may not give an undecided one a council result."""
    i, result = row.get("dossier") or row.get("voorstel"), row.get("besluitresultaat")
    if i in exp.open and isinstance(result, str) and result in VOTED_RESULTS:
        return [Violation(rel, f"{where}, veld 'besluitresultaat'", i, "geen uitslag", quoted(result),
                          "de raad heeft over dit voorstel nog niet besloten")]
    return []


def check_json(raw: bytes, rel: str, exp: Expected) -> list[Violation]:
    """Every object with an ``id`` (a dossier's record) or a ``dossier``/``voorstel`` (a row
    about one), collected as the parser makes them; an ODS file by :func:`check_ods`."""
    if ods_schema(rel) is not None:
        return check_ods(raw, rel, exp)
    objects: list[dict] = []

    def keep(obj: dict) -> dict:
        if "id" in obj or "dossier" in obj or "voorstel" in obj:
            objects.append(obj)
        return obj

    try:
        json.loads(raw.decode("utf-8-sig"), object_hook=keep)
    except (ValueError, UnicodeDecodeError) as exc:
        return [Violation(rel, "JSON", "", "geldige JSON", str(exc), "de export is niet te lezen")]
    out: list[Violation] = []
    for obj in objects:
        d = exp.dossiers.get(obj["id"]) if isinstance(obj.get("id"), str) else None
        if d is None:
            out += _reference(rel, "JSON-object", obj, exp)
        else:
            out += _compare(rel, f"JSON-object met id {d.id}", obj, export.dossier_record(d), d.id, exp)
    return out


def check_csv(raw: bytes, rel: str, exp: Expected) -> list[Violation]:
    """Every row, in the separator its header uses: the exports' ``;`` (Dutch Excel,
    :data:`raadsinfo.export.CSV_DIALECT`) or a comma, so that no file is read as one column."""
    text = raw.decode("utf-8-sig", "replace")
    dialect = export.CSV_DIALECT if ";" in text.partition("\n")[0] else csv.excel
    out: list[Violation] = []
    for n, row in enumerate(csv.DictReader(io.StringIO(text), dialect=dialect), start=2):
        d = exp.dossiers.get(row.get("id") or "")
        if d is None:
            out += _reference(rel, f"CSV regel {n}", row, exp)
        else:
            out += _compare(rel, f"CSV regel {n}", row, export.dossier_rows([d])[0], d.id, exp)
    return out


# --- ODS resources --------------------------------------------------------------------

#: Fields of an ODS resource that say what a dossier is or what the council did with it,
#: compared with the domain's mapping (:mod:`raadsinfo.ods`), as is every field whose
#: name holds "label" or "status".
ODS_FIELDS = ("dossier", "besluitresultaat", "besluitresultaatCode", "indicatieHamerstuk", "indicatorBehandeld",
              "fractiestemresultaat", "resultaatMondelingeStemming", "onderwerpStemming", "informatieobjecttype",
              "agendapuntOmschrijving", "vergaderdatum", "aantalVoor", "aantalTegen", "aantalAfwezig")
#: Fields that, filled in, say the council dealt with a dossier: a hamerstuk, or votes.
_ODS_DECIDED = ("indicatieHamerstuk", "stemmingen")


def ods_schema(rel: str) -> str | None:
    """The ODS schema a file holds, by its name (``.../Besluit.json``), or None."""
    stem, _, ext = rel.rpartition("/")[2].rpartition(".")
    return stem if ext.lower() == "json" and stem in ods.SCHEMAS else None


@functools.lru_cache(maxsize=2)
def ods_expected(exp: Expected) -> dict[str, dict[str, dict]]:
    """The domain's ODS resources per schema and id (addresses are not compared): those
    the export made in this build, if it did, else made here."""
    dossiers = list(exp.dossiers.values())
    made = ods.gemaakt(dossiers, exp.today) or ods.resources(dossiers, base_url="https://controle.invalid/data/ods",
                                                            today=exp.today)
    return {schema: {o["id"]: o for o in objs} for schema, objs in made.items()}


def check_ods(raw: bytes, rel: str, exp: Expected) -> list[Violation]:
    """One ODS file: a list of resources of one schema.

    First the rule itself, from the dossier's label and nothing else: no Besluit,
    Stemming or StemresultaatPerFractie about an undecided dossier, no council result,
    hamerstuk or vote on any of its resources, its label, and no decided label string in
    its agenda line. Then each resource of
    a dossier (the Vergaderingen and Fracties name none) against the domain's mapping,
    by id: its label, status and result fields."""
    schema = ods_schema(rel)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        return [Violation(rel, "JSON", "", "geldige JSON", str(exc), "de export is niet te lezen")]
    if not isinstance(data, list):
        return [Violation(rel, "JSON", "", "een lijst met objecten", type(data).__name__,
                          "een ODS-bestand is een lijst van objecten van één soort (raadsinfo/ods.py)")]
    want_all = None if schema in ("Vergadering", "Fractie") else ods_expected(exp)[schema]
    out: list[Violation] = []
    for obj in (o for o in data if isinstance(o, dict)):
        oid, i = obj.get("id"), obj.get("dossier")
        i = i if isinstance(i, str) else (oid if isinstance(oid, str) and oid in exp.dossiers else None)
        where = f"{schema} met id {oid}"
        if i in exp.open:
            t = exp.teksten[i]
            if schema in ods.BESLISSEND:
                out.append(Violation(rel, where, i, f"geen {schema}: het dossier is een voorstel ({quoted(t.badge)})",
                                     quoted(str(obj.get("besluitresultaat") or obj.get("fractiestemresultaat")
                                                or schema)), "de raad heeft over dit voorstel nog niet besloten "
                                     "of gestemd; alleen een besluit heeft een Besluit en stemmingen"))
                continue
            out += _reference(rel, where, {"dossier": i, "besluitresultaat": obj.get("besluitresultaat")}, exp)
            out += [Violation(rel, f"{where}, veld '{key}'", i, "leeg: het dossier is een voorstel "
                              f"({quoted(t.badge)})", json.dumps(obj[key], ensure_ascii=False),
                              "de raad heeft over dit voorstel nog niet besloten of gestemd")
                    for key in _ODS_DECIDED if obj.get(key)]
            if obj.get("label", t.label.value) != t.label.value:
                out.append(Violation(rel, f"{where}, veld 'label'", i, quoted(t.label.value),
                                     json.dumps(obj["label"], ensure_ascii=False),
                                     "de raad heeft over dit voorstel nog niet besloten"))
            # The agenda line is the domain's (compared below); a decided label string in it
            # is refused here too, whatever the mapping says. Record texts (titles,
            # summaries) are judged when the records load, as on the pages.
            if isinstance(obj.get("agendapuntOmschrijving"), str):
                out += _free_text(rel, exp, f"{where}, veld 'agendapuntOmschrijving'",
                                  shown(obj["agendapuntOmschrijving"]), i)
        if want_all is None:
            continue
        want = want_all.get(oid) if isinstance(oid, str) else None
        if want is None:
            out.append(Violation(rel, where, i or "", f"een {schema} uit raadsinfo/ods.py", quoted(str(oid)),
                                 "de controle kent dit object niet, dus ook niet wat het mag zeggen"))
            continue
        why = "labels en uitkomst in de ODS-bestanden zijn die van raadsinfo/ods.py"
        for key in dict.fromkeys((*obj, *want)):
            if (key in ODS_FIELDS or _LABEL_FIELD.search(key)) and obj.get(key) != want.get(key):
                out.append(Violation(rel, f"{where}, veld '{key}'", want.get("dossier", i or ""),
                                     json.dumps(want.get(key), ensure_ascii=False) if key in want else "(geen)",
                                     json.dumps(obj[key], ensure_ascii=False) if key in obj else "(ontbreekt)", why))
    return out
