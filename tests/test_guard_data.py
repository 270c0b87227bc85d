"""The guard's export checks against a plain reference, on generated documents.

``guard.data_check`` walks JSON iteratively and reads CSV rows without building a
dict for rows it need not check (both for speed: the exports of a large archive hold
tens of thousands of objects and vote rows). The reference below is the plain
version it replaced: a recursive walk and ``csv.DictReader``. Both must report the
same violations, in the same order, with the same places.
"""

from __future__ import annotations

import csv
import io
import json

from guard.data_check import _IDS, _REFS, _first_id, _record, check_csv, check_json
from hypothesis import given, settings
from hypothesis import strategies as st
from test_guard import INDEX


def _reference_walk(node, rel, index, path, out):
    if isinstance(node, dict):
        own = _first_id(node, _IDS, index.by_id)
        ref = None if own else _first_id(node, _REFS, index.by_id)
        if own or ref:
            where = "".join(f"[{p}]" if isinstance(p, int) else f"/{p}" for p in path) or "/"
            out += _record(node, index.by_id[own or ref], rel, f"JSON {where}", own is not None)
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                _reference_walk(value, rel, index, (*path, key), out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, (dict, list)):
                _reference_walk(value, rel, index, (*path, i), out)


def _reference_csv(text, rel, index):
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    out = []
    for n, row in enumerate(csv.DictReader(io.StringIO(text), dialect=dialect), start=2):
        own = next((row[k] for k in _IDS if row.get(k) in index.by_id), None)
        ref = next((row[k] for k in _REFS if row.get(k) in index.by_id), None)
        if own or ref:
            out += _record(row, index.by_id[own or ref], rel, f"CSV regel {n}", own is not None)
    return out


_IDS_SEEN = st.sampled_from(["2026-040", "2026-041", "2099-001", ""])
_VALUES = st.one_of(_IDS_SEEN, st.sampled_from(["voorstel", "besluit", "aangenomen", "verworpen",
                                                 "Besluit: Nieuwe sporthal aan de Haven", "De raad heeft besloten.",
                                                 "Voorstel aan de raad: Nieuwe sporthal aan de Haven"]),
                    st.none(), st.integers(0, 3))
_KEYS = st.sampled_from(["id", "identificatie", "dossier", "voorstel", "label", "labelTitel", "status",
                         "omschrijving", "besluitresultaat", "besluittoelichting", "stemmingen", "x"])
_JSON = st.recursive(_VALUES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(_KEYS, inner, max_size=6)), max_leaves=25)


def _key(found):
    return [v.format() for v in found]


@given(_JSON)
@settings(max_examples=300, deadline=None)
def test_json_walk_equals_the_recursive_reference(document):
    expected: list = []
    _reference_walk(document, "data/x.json", INDEX, (), expected)
    assert _key(check_json(json.dumps(document).encode(), "data/x.json", INDEX)) == _key(expected)


_CELL = st.one_of(_IDS_SEEN, st.sampled_from(["besluit", "voorstel", "aangenomen", "Besluit: x", "", "in behandeling"]))
_HEADER = st.lists(st.sampled_from(["id", "dossier", "voorstel", "label", "status", "besluitresultaat",
                                    "besluittoelichting", "labelTitel", "fractie"]), min_size=1, max_size=6)


@given(_HEADER, st.lists(st.lists(_CELL, max_size=8), max_size=8))
@settings(max_examples=300, deadline=None)
def test_csv_rows_equal_the_dictreader_reference(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)  # short, long and empty rows and repeated column names included
    text = buffer.getvalue()
    assert _key(check_csv(text.encode(), "data/x.csv", INDEX)) == _key(_reference_csv(text, "data/x.csv", INDEX))
