"""Dossiers as open data, with the field names of VNG Open Raadsinformatie (ODS 2.0.0).

Re-users (journalists, researchers, other portals) get the same facts as the pages,
in JSON and CSV, mapped onto the ODS names so that tools built for that standard
can read them: ``titel``, ``omschrijving``, ``informatieobjecttype``,
``datumIngediend``, ``portefeuillehouder``, ``besluitresultaat`` (+ its ODS code),
``besluittoelichting``, ``stemmingen`` with ``fractiestemresultaat``,
``indicatieHamerstuk``, ``vergaderdatum`` and ``gremium``.

Two fields are our own, because the labelling rule applies to exports too:

* ``label``: ``"voorstel"`` or ``"besluit"``, computed by :mod:`raadsinfo.status`;
* ``status``: the dossier status as shown on the site.

An undecided dossier (label ``voorstel``) has NO ``besluitresultaat``,
``besluittoelichting``, ``vergaderdatum`` or ``stemmingen`` of its own: those
fields are empty, so that no re-user can mistake it for a decision. What did
happen to it (aangehouden, ingetrokken) is in ``historie``, one entry per meeting,
and in ``status``. ODS has no code for *ingetrokken*; we export it with
``besluitresultaatCode`` empty and ``besluitresultaatExtensie: true``.

Plain Python, no Pelican: the plugin in ``plugins/exports`` only writes the files.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from functools import partial

from .dossier import Dossier
from .model import GREMIA, Nevenvoorstel, Ontwerpbesluit, Stemronde, Uitkomst
from .status import Label, Status

#: Version of the export format; raise it when a field changes meaning or goes away.
FORMAAT_VERSIE = "1.0"

#: ODS 2.0.0 model the field names follow.
ODS_MODEL = "VNG Open Raadsinformatie 2.0.0"

#: The besluitresultaat values with their ODS code. Ingetrokken has none in ODS.
ODS_CODES = {s.naam: s.info.ods_code for s in Status if s is not Status.IN_BEHANDELING}

#: Columns of ``dossiers.csv``, in order. One row per dossier.
DOSSIER_COLUMNS = [
    "id",
    "label",
    "status",
    "labelTitel",
    "titel",
    "omschrijving",
    "informatieobjecttype",
    "datumIngediend",
    "portefeuillehouder",
    "onderwerpen",
    "geplandeStemming",
    "besluitresultaat",
    "besluitresultaatCode",
    "indicatieHamerstuk",
    "vergaderdatum",
    "gremium",
    "besluittoelichting",
    "stemmenVoor",
    "stemmenTegen",
    "url",
]

#: Columns of ``stemmingen.csv``: one row per fractie per vote, decided dossiers only.
STEMMING_COLUMNS = [
    "dossier",
    "vergaderdatum",
    "onderwerpStemming",  # voorstel / amendement / motie
    "titelStemming",
    "besluitresultaat",
    "besluitresultaatCode",
    "fractie",
    "fractiestemresultaat",
    "voor",
    "tegen",
    "afwezig",
]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _stemmingen(ronde: Stemronde) -> list[dict]:
    return [
        {
            "fractie": s.fractie,
            "fractiestemresultaat": s.fractiestemresultaat,
            "voor": s.voor,
            "tegen": s.tegen,
            "afwezig": s.afwezig,
        }
        for s in ronde.stemmingen
    ]


def resultaat_velden(besluitresultaat: str) -> dict:
    """``besluitresultaat`` with its ODS code, and whether the value is our extension."""
    code = ODS_CODES[besluitresultaat]
    return {
        "besluitresultaat": besluitresultaat,
        "besluitresultaatCode": code,
        "besluitresultaatExtensie": code is None,
    }


def _nevenvoorstel(n: Nevenvoorstel) -> dict:
    return {
        "soort": n.soort,
        "titel": n.titel,
        "omschrijving": n.omschrijving,
        "indieners": list(n.indieners),
        **resultaat_velden(n.besluitresultaat),
        "stemmingen": _stemmingen(n.stemronde),
    }


def _besluittekst(tekst: Ontwerpbesluit | None) -> dict | None:
    """An ontwerpbesluit (or an outcome's adopted text) as {"aanhef": [lines], "punten": [...]}."""
    return {"aanhef": list(tekst.aanhef), "punten": list(tekst.punten)} if tekst else None


def _historie(u: Uitkomst) -> dict:
    """One meeting's outcome, as ODS records it for an agendapunt."""
    return {
        "vergaderdatum": u.vergaderdatum.isoformat(),
        "gremium": GREMIA["gemeenteraad"],
        **resultaat_velden(u.besluitresultaat),
        "maaktBesluit": u.final,
    }


def dossier_record(d: Dossier, siteurl: str = "") -> dict:
    """One dossier as an ODS-named mapping (the JSON export's entry).

    The decision fields are filled only when the dossier is a besluit; that is the
    labelling rule, applied here and tested in ``tests/test_export.py``.
    """
    v = d.voorstel
    besluit = d.besluit if d.is_besluit else None
    stemming = d.geplande_stemming()
    record = {
        "id": d.id,
        "label": d.label.value,
        "status": d.status.naam,
        "statusLabel": d.teksten.badge,
        "statusUitleg": d.teksten.zin,
        "labelTitel": d.teksten.kop,
        "titel": v.titel,
        "omschrijving": v.samenvatting,
        "informatieobjecttype": "raadsvoorstel",
        "datumIngediend": v.datum_ingediend.isoformat(),
        "portefeuillehouder": v.portefeuillehouder,
        "onderwerpen": list(v.onderwerpen),
        "gevraagdBesluit": list(v.gevraagd_besluit),
        "ontwerpbesluit": _besluittekst(v.ontwerpbesluit),
        "behandeling": [
            {"gremium": s.gremium_naam, "vergaderdatum": s.datum.isoformat(),
             "tijd": s.tijd.strftime("%H:%M") if s.tijd else None}
            for s in d.stappen
        ],
        "geplandeStemming": _iso(stemming.datum) if stemming else None,
        "documenten": [{"titel": doc.titel, "url": doc.url} for doc in v.documenten],
        # Facts in the tense of the status (raadsinfo.labels): "stand" says whether the
        # numbers are a plan, decided, or will not happen; "uitleg" says it in words.
        "kosten": v.kosten.bedrag if v.kosten else None,
        "kostenUitleg": d.teksten.kosten_zin(v.kosten.bedrag) if v.kosten else None,
        "bomen": (
            {"kappen": v.bomen.gekapt, "planten": v.bomen.herplant, "stand": d.teksten.feit.value,
             "uitleg": d.teksten.bomen_zin(v.bomen.gekapt, v.bomen.herplant), "toelichting": v.bomen.toelichting}
            if v.bomen else None
        ),
        # Decision fields: empty for a voorstel (labelling rule).
        "besluitresultaat": None,
        "besluitresultaatCode": None,
        "besluitresultaatExtensie": False,
        "indicatieHamerstuk": None,
        "vergaderdatum": None,
        "gremium": None,
        "besluittoelichting": None,
        "besluittekst": None,
        "stemmingen": [],
        "amendementen": [],
        "moties": [],
        "historie": [_historie(u) for u in d.uitkomsten],
        "url": _absolute(siteurl, d.url),
    }
    if besluit is not None:
        record.update(
            resultaat_velden(besluit.besluitresultaat),
            indicatieHamerstuk=besluit.hamerstuk,
            vergaderdatum=besluit.vergaderdatum.isoformat(),
            gremium=GREMIA["gemeenteraad"],
            besluittoelichting=besluit.besluittoelichting or None,
            besluittekst=_besluittekst(besluit.besluittekst),
            stemmingen=_stemmingen(besluit.stemronde),
            amendementen=[_nevenvoorstel(a) for a in besluit.amendementen],
            moties=[_nevenvoorstel(m) for m in besluit.moties],
        )
    return record


def _absolute(siteurl: str, path: str) -> str:
    return f"{siteurl.rstrip('/')}/{path}" if siteurl else path


def dossiers_document(dossiers: list[Dossier], siteurl: str = "", gemeente: str = "",
                      gebouwd_op: date | None = None) -> dict:
    """The whole JSON export: a small header and one entry per dossier."""
    return {
        "formaat": {
            "versie": FORMAAT_VERSIE,
            "model": ODS_MODEL,
            "uitleg": ("Velden volgen VNG Open Raadsinformatie (ODS 2.0.0). Eigen velden: label "
                       "(voorstel of besluit), status en historie. Een voorstel heeft geen eigen "
                       "besluitresultaat; aangehouden en ingetrokken staan in historie."),
        },
        "gemeente": gemeente,
        "datum": _iso(gebouwd_op),
        "aantal": len(dossiers),
        "dossiers": [dossier_record(d, siteurl) for d in dossiers],
    }


def to_json(document: dict) -> str:
    """The document as JSON with one dossier per line: readable and diffable, and
    written by json's C encoder (``indent`` makes json fall back to its much slower
    pure-Python encoder, which was most of the export's cost on a big site)."""
    dump = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    head = {k: v for k, v in document.items() if k != "dossiers"}
    if "dossiers" not in document:
        return dump(head) + "\n"
    dossiers = document["dossiers"]
    lijst = "[\n" + ",\n".join(dump(d) for d in dossiers) + "\n]" if dossiers else "[]"
    return dump(head)[:-1] + ("," if head else "") + '"dossiers":' + lijst + "}\n"


#: A cell a spreadsheet would read as a formula: it starts with one of these (OWASP,
#: "CSV injection"). "=HYPERLINK(...)" in a title would otherwise run in Excel.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def neutralise(text: str) -> str:
    """A text cell that no spreadsheet runs as a formula: a quote before a risky start.

    The standard OWASP approach: a cell that starts with ``=``, ``+``, ``-``, ``@``, a
    tab or a carriage return gets a single quote in front, which spreadsheets show
    as text. A plain number ("-5", "+3,5") stays as it is, so that it still adds up.
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return neutralise("; ".join(str(v) for v in value))
    return neutralise(str(value))


def dossier_rows(dossiers: list[Dossier], siteurl: str = "") -> list[dict]:
    """Flat rows for ``dossiers.csv`` (lists joined with '; ', booleans as ja/nee)."""
    rows = []
    for d in dossiers:
        rec = dossier_record(d, siteurl)
        besluit = d.besluit if d.is_besluit else None
        ronde = besluit.stemronde if besluit else None
        rec["stemmenVoor"] = ronde.voor if ronde else None
        rec["stemmenTegen"] = ronde.tegen if ronde else None
        rows.append({col: _cell(rec[col]) for col in DOSSIER_COLUMNS})
    return rows


def stemming_rows(dossiers: list[Dossier]) -> list[dict]:
    """One row per fractie per vote (voorstel, amendement, motie), besluiten only.

    Undecided dossiers have no rows: an aangehouden or ingetrokken outcome has no
    votes, and a voorstel never appears here as if it were voted on.
    """
    rows = []
    for d in dossiers:
        if d.label is not Label.BESLUIT:
            continue
        b = d.besluit
        rounds = [("voorstel", d.titel, b.besluitresultaat, b.stemronde)]
        rounds += [(n.soort, n.titel, n.besluitresultaat, n.stemronde) for n in b.amendementen + b.moties]
        for soort, titel, resultaat, ronde in rounds:
            for s in ronde.stemmingen:
                rows.append({
                    "dossier": d.id,
                    "vergaderdatum": b.vergaderdatum.isoformat(),
                    "onderwerpStemming": soort,
                    "titelStemming": neutralise(titel),
                    "besluitresultaat": resultaat,
                    "besluitresultaatCode": ODS_CODES[resultaat] or "",
                    "fractie": neutralise(s.fractie),
                    "fractiestemresultaat": s.fractiestemresultaat,
                    "voor": str(s.voor),
                    "tegen": str(s.tegen),
                    "afwezig": str(s.afwezig),
                })
    return rows


class ExcelNL(csv.excel):
    """The CSV dialect of the exports: what Dutch Excel opens by a double click.

    Excel splits a CSV file on the list separator of the computer's region, which is
    ``;`` in the Netherlands (the comma is the decimal sign there), and reads it as
    UTF-8 only when the file starts with a byte order mark (:data:`BOM`); otherwise
    every column lands in one and "Café" shows as "CafÃ©". Quoting and line ends are
    Excel's own (RFC 4180), so LibreOffice, R and Python read it too:
    ``csv.DictReader(open(path, encoding="utf-8-sig"), dialect=CSV_DIALECT)``.
    """

    delimiter = ";"


CSV_DIALECT = ExcelNL

#: The byte order mark that tells Excel the file is UTF-8.
BOM = "\ufeff"


def to_csv(rows: list[dict], columns: list[str]) -> str:
    """CSV text for Dutch Excel (:class:`CSV_DIALECT`, starting with :data:`BOM`) with a
    header row; the caller writes it as UTF-8.

    The rows come from :func:`dossier_rows` and :func:`stemming_rows`, whose text
    cells are already neutralised (:func:`neutralise`): the output scan compares the
    file with those rows, so the rows hold exactly what the file says.
    """
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.DictWriter(buf, fieldnames=columns, dialect=CSV_DIALECT)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def read_csv(text: str) -> list[dict]:
    """The rows of a CSV export as dicts (the BOM dropped), read as a re-user's program
    reads them; the tests use it to show that the file round-trips."""
    return list(csv.DictReader(io.StringIO(text.removeprefix(BOM)), dialect=CSV_DIALECT))
