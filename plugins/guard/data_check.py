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
_ANY_ID = frozenset(_IDS + _REFS)
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


def _named(obj: dict, by_id: dict) -> tuple[DossierInfo, bool] | None:
    """(the dossier an object names, is it that dossier's own record?), or None. Most
    objects (meetings, documents, votes per fractie) hold no id key at all."""
    if _ANY_ID.isdisjoint(obj):
        return None
    own = _first_id(obj, _IDS, by_id)
    ref = None if own else _first_id(obj, _REFS, by_id)
    return (by_id[own or ref], own is not None) if own or ref else None


def _where(link) -> str:
    """The JSON path of a node from its chain of (parent chain, key) links."""
    keys = []
    while link is not None:
        link, key = link
        keys.append(key)
    return "".join(f"[{k}]" if isinstance(k, int) else f"/{k}" for k in reversed(keys)) or "/"


def _walk(data, rel: str, index: DossierIndex, out: list) -> None:
    """Every object in the document, depth first, in document order; the path to it
    is kept as a chain of links and spelled out only for an object that names a
    dossier (an export holds tens of thousands of objects, few of them records)."""
    by_id = index.by_id
    stack = [(data, None)]
    while stack:
        node, link = stack.pop()
        if isinstance(node, dict):
            named = _named(node, by_id)
            if named:
                out += _record(node, named[0], rel, f"JSON {_where(link)}", named[1])
            children = [(value, (link, key)) for key, value in node.items()
                        if isinstance(value, (dict, list))]
        else:
            children = [(value, (link, i)) for i, value in enumerate(node) if isinstance(value, (dict, list))]
        stack += reversed(children)


def check_json(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    """Every object that names a dossier is judged as the parser makes it (few of
    the export's tens of thousands of objects do); only if one of them breaks the
    rule is the document walked, for each violation's path and in document order.
    (Walking every export on every build cost twice the parse: 0.2 s at N = 2,000.)"""
    by_id = index.by_id
    naming: list[dict] = []

    def collect(obj: dict) -> dict:
        if not _ANY_ID.isdisjoint(obj):
            naming.append(obj)
        return obj

    try:
        data = json.loads(raw.decode("utf-8-sig"), object_hook=collect)
    except (ValueError, UnicodeDecodeError):
        return []
    for obj in naming:
        named = _named(obj, by_id)
        if named and _record(obj, named[0], rel, "", named[1]):
            out: list[Violation] = []
            _walk(data, rel, index, out)
            return out
    return []


def _column(header: list[str], key: str) -> int | None:
    """Where csv.DictReader takes ``key`` from: the last column of that name."""
    found = [i for i, name in enumerate(header) if name == key]
    return found[-1] if found else None


def check_csv(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    """Rows as ``csv.DictReader`` reads them (blank rows skipped, short rows padded
    with None, the same row numbers), but a row becomes a dict only when it names a
    dossier that it could misrepresent: a vote row of a decided dossier cannot."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    out: list[Violation] = []
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    header = next(reader, None)
    if header is None:
        return out
    by_id = index.by_id
    ids = [c for c in (_column(header, k) for k in _IDS) if c is not None]
    refs = [c for c in (_column(header, k) for k in _REFS) if c is not None]
    width = len(header)
    n = 1
    for row in reader:
        if row == []:
            continue
        n += 1
        length = len(row)
        own = next((row[c] for c in ids if c < length and row[c] in by_id), None)
        ref = None if own else next((row[c] for c in refs if c < length and row[c] in by_id), None)
        if own is None and ref is None:
            continue
        info = by_id[own or ref]
        if own is None and info.besluit:
            continue  # _record checks nothing else for a row that only refers to a besluit
        record = dict(zip(header, row, strict=False))
        if width < length:
            record[None] = row[width:]
        elif width > length:
            for key in header[length:]:
                record[key] = None
        out += _record(record, info, rel, f"CSV regel {n}", own is not None)
    return out
