"""Check data exports: JSON and CSV files that name a dossier by its id.

A JSON object (or CSV row) with ``id``/``identificatie`` equal to a dossier id is that
dossier's record: its ``label`` must be the dossier's label, ``labelTitel`` is a
label, ``status`` a status, and ``omschrijving``/``samenvatting``/``statusUitleg``
running text. For an undecided dossier ``besluitresultaat`` must be empty or not a
final result, and there may be no ``besluittoelichting``. An object that only refers
to a dossier (``dossier``/``voorstel`` field, e.g. a vote row) of an undecided
dossier may not carry a final ``besluitresultaat`` either.
"""

from __future__ import annotations

import csv
import io
import json

from raadsinfo.labelling import Plek
from raadsinfo.status import VOTED_RESULTS

from .index import DossierIndex, DossierInfo, Violation, check_text

_IDS = ("id", "identificatie")
_REFS = ("dossier", "voorstel", "dossierId", "voorstelId")
_FIELDS = {"labelTitel": Plek.LABEL, "status": Plek.STATUS, "omschrijving": Plek.TEKST,
           "samenvatting": Plek.TEKST, "statusUitleg": Plek.TEKST}


def _record(obj: dict, info: DossierInfo, rel: str, where: str, own: bool) -> list[Violation]:
    out: list[Violation] = []
    if own:
        label = obj.get("label")
        if label is None:
            out.append(Violation(rel, f"{where}: veld 'label'", info.id, "(ontbreekt)",
                                 "een export die een dossier noemt, zegt of het een voorstel of een besluit is",
                                 f'"label": "{info.label}"'))
        elif str(label).strip().lower() != info.label:
            out.append(Violation(rel, f"{where}: veld 'label'", info.id, str(label),
                                 f"het dossier is een {info.label} ({info.status})", f'"label": "{info.label}"'))
        for key, plek in _FIELDS.items():
            value = obj.get(key)
            if isinstance(value, str) and value:
                out += check_text(info, value, plek, rel, f"{where}: veld '{key}'",
                                  require_label=(key == "labelTitel"))
    if info.besluit:
        return out
    resultaat = obj.get("besluitresultaat")
    if isinstance(resultaat, str) and resultaat.strip().lower() in VOTED_RESULTS:
        out.append(Violation(rel, f"{where}: veld 'besluitresultaat'", info.id, resultaat,
                             f"dossier {info.id} is nog niet besloten ({info.status}); er is geen uitslag",
                             "laat besluitresultaat leeg"))
    if own and obj.get("besluittoelichting"):
        out.append(Violation(rel, f"{where}: veld 'besluittoelichting'", info.id, str(obj["besluittoelichting"]),
                             f"dossier {info.id} is nog niet besloten ({info.status}); er is geen besluit om "
                             "toe te lichten", "laat besluittoelichting leeg"))
    return out


def _first_id(obj: dict, keys: tuple, known: dict) -> str | None:
    for key in keys:
        value = obj.get(key)
        if value.__class__ is str and value in known:
            return value
    return None


def _walk(node, rel: str, index: DossierIndex, path: tuple, out: list) -> None:
    if isinstance(node, dict):
        own = _first_id(node, _IDS, index.by_id)
        ref = None if own else _first_id(node, _REFS, index.by_id)
        if own or ref:
            where = "".join(f"[{p}]" if isinstance(p, int) else f"/{p}" for p in path) or "/"
            out += _record(node, index.by_id[own or ref], rel, f"JSON {where}", own is not None)
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                _walk(value, rel, index, (*path, key), out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, (dict, list)):
                _walk(value, rel, index, (*path, i), out)


def check_json(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return []
    out: list[Violation] = []
    _walk(data, rel, index, (), out)
    return out


def check_csv(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    out: list[Violation] = []
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    for n, row in enumerate(reader, start=2):
        own = next((row[k] for k in _IDS if row.get(k) in index.by_id), None)
        ref = next((row[k] for k in _REFS if row.get(k) in index.by_id), None)
        if own or ref:
            out += _record(row, index.by_id[own or ref], rel, f"CSV regel {n}", own is not None)
    return out
