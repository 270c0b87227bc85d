"""Open-data exports: ODS field names, the labelling rule, CSV columns, and the files.

Unit tests build dossiers from the domain dataclasses directly (milliseconds); one
build test runs Pelican on a small synthetic site and reads data/*.json and *.csv.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from raadsinfo import export
from raadsinfo.dossier import Dossier
from raadsinfo.model import Nevenvoorstel, Stap, Stemming, Stemronde, Uitkomst, Voorstel

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-27"


def _voorstel(id_: str = "2026-010", **changes) -> Voorstel:
    base = dict(
        id=id_, titel="Nieuwe speeltuin in Hierden", datum_ingediend=date(2026, 9, 1),
        portefeuillehouder="wethouder M. Bakker", onderwerpen=("onderwijs", "groen"),
        samenvatting="Het college wil een speeltuin bouwen. De raad beslist.",
        gevraagd_besluit=("Een krediet van 80.000 euro beschikbaar stellen.",),
        behandeling=(Stap("commissie-samenleving", date(2026, 10, 1)), Stap("gemeenteraad", date(2026, 10, 22)),
                     Stap("gemeenteraad", date(2026, 12, 17))),
        toelichting="Kinderen in Hierden hebben weinig plek om te spelen.",
    )
    base.update(changes)
    return Voorstel(**base)


def _ronde(voor: int, tegen: int) -> Stemronde:
    return Stemronde((Stemming("Harderwijk Anders", "voor", voor, 0), Stemming("VVD", "tegen", 0, tegen)))


def _uitkomst(resultaat: str, day: date = date(2026, 10, 22), **changes) -> Uitkomst:
    return Uitkomst(voorstel_id="2026-010", vergaderdatum=day, besluitresultaat=resultaat, **changes)


AANGENOMEN = _uitkomst("aangenomen", stemronde=_ronde(10, 3), besluittoelichting="Kinderen hebben ruimte nodig.")
AANGEHOUDEN = _uitkomst("aangehouden")
INGETROKKEN = _uitkomst("ingetrokken")


# --- ODS mapping ---------------------------------------------------------------------------


def test_decided_dossier_carries_the_ods_fields():
    rec = export.dossier_record(Dossier(_voorstel(), [AANGENOMEN]))
    assert rec["label"] == "besluit"
    assert rec["status"] == "aangenomen"
    assert rec["titel"] == "Nieuwe speeltuin in Hierden"
    assert rec["omschrijving"] == "Het college wil een speeltuin bouwen. De raad beslist."
    assert rec["informatieobjecttype"] == "raadsvoorstel"
    assert rec["datumIngediend"] == "2026-09-01"
    assert rec["portefeuillehouder"] == "wethouder M. Bakker"
    assert rec["besluitresultaat"] == "aangenomen"
    assert rec["besluitresultaatCode"] == "A"
    assert rec["besluittoelichting"] == "Kinderen hebben ruimte nodig."
    assert rec["vergaderdatum"] == "2026-10-22"
    assert rec["gremium"] == "Gemeenteraad"
    assert rec["indicatieHamerstuk"] is False
    assert rec["stemmingen"] == [
        {"fractie": "Harderwijk Anders", "fractiestemresultaat": "voor", "voor": 10, "tegen": 0, "afwezig": 0},
        {"fractie": "VVD", "fractiestemresultaat": "tegen", "voor": 0, "tegen": 3, "afwezig": 0},
    ]
    assert rec["labelTitel"] == "Aangenomen: Nieuwe speeltuin in Hierden"
    assert rec["statusLabel"] == "Besluit: aangenomen"


@pytest.mark.parametrize(("resultaat", "code"), [
    ("unaniem aangenomen", "UA"), ("aangenomen", "A"), ("geamendeerd aangenomen", "GA"),
    ("onder voorbehoud aangenomen", "OA"), ("verworpen", "V"), ("aangehouden", "U"), ("ingetrokken", None),
])
def test_every_besluitresultaat_has_its_ods_code(resultaat, code):
    fields = export.resultaat_velden(resultaat)
    assert fields["besluitresultaatCode"] == code
    # ODS has no code for ingetrokken: it is our extension, and the export says so.
    assert fields["besluitresultaatExtensie"] is (resultaat == "ingetrokken")


def test_hamerstuk_is_exported_as_indicatie_hamerstuk_without_votes():
    hamer = _uitkomst("aangenomen", hamerstuk=True)
    rec = export.dossier_record(Dossier(_voorstel(), [hamer]))
    assert rec["indicatieHamerstuk"] is True
    assert rec["besluitresultaatCode"] == "A"
    assert rec["stemmingen"] == []
    assert rec["label"] == "besluit"


def test_amendementen_and_moties_keep_their_own_outcome():
    amendement = Nevenvoorstel("amendement", "Meer bankjes", "aangenomen", ("D66",), stemronde=_ronde(10, 3))
    motie = Nevenvoorstel("motie", "Jaarlijks verslag", "verworpen", ("PvdA",), stemronde=_ronde(2, 11))
    besluit = _uitkomst("geamendeerd aangenomen", stemronde=_ronde(10, 3), amendementen=(amendement,),
                        moties=(motie,), besluittoelichting="Met meer bankjes.")
    rec = export.dossier_record(Dossier(_voorstel(), [besluit]))
    assert rec["besluitresultaatCode"] == "GA"
    assert [(a["titel"], a["besluitresultaatCode"]) for a in rec["amendementen"]] == [("Meer bankjes", "A")]
    assert [(m["titel"], m["besluitresultaatCode"]) for m in rec["moties"]] == [("Jaarlijks verslag", "V")]


def test_absolute_url_when_siteurl_is_given():
    d = Dossier(_voorstel(), [])
    assert export.dossier_record(d)["url"] == "dossiers/2026-010.html"
    assert export.dossier_record(d, "https://raad.example/")["url"] == "https://raad.example/dossiers/2026-010.html"


# --- The labelling rule in exports ---------------------------------------------------------

DECISION_FIELDS = ("besluitresultaat", "besluitresultaatCode", "besluittoelichting", "vergaderdatum",
                   "gremium", "indicatieHamerstuk")


@pytest.mark.parametrize(("uitkomsten", "status"), [
    ([], "in behandeling"),
    ([AANGEHOUDEN], "aangehouden"),
    ([INGETROKKEN], "ingetrokken"),
])
def test_undecided_dossier_is_a_voorstel_without_a_result_of_its_own(uitkomsten, status):
    rec = export.dossier_record(Dossier(_voorstel(), list(uitkomsten)))
    assert rec["label"] == "voorstel"
    assert rec["status"] == status
    assert rec["labelTitel"].startswith("Voorstel") and rec["labelTitel"].endswith(": Nieuwe speeltuin in Hierden")
    for name in DECISION_FIELDS:
        assert rec[name] is None, name
    assert rec["stemmingen"] == rec["amendementen"] == rec["moties"] == []
    # What did happen is history, never a decision.
    assert [h["besluitresultaat"] for h in rec["historie"]] == [u.besluitresultaat for u in uitkomsten]
    assert all(h["maaktBesluit"] is False for h in rec["historie"])


def test_aangehouden_history_has_code_u_and_ingetrokken_is_marked_as_extension():
    aangehouden = export.dossier_record(Dossier(_voorstel(), [AANGEHOUDEN]))["historie"][0]
    assert (aangehouden["besluitresultaatCode"], aangehouden["besluitresultaatExtensie"]) == ("U", False)
    ingetrokken = export.dossier_record(Dossier(_voorstel(), [INGETROKKEN]))["historie"][0]
    assert (ingetrokken["besluitresultaatCode"], ingetrokken["besluitresultaatExtensie"]) == (None, True)


def test_open_voorstel_exports_its_planned_vote():
    rec = export.dossier_record(Dossier(_voorstel(), [AANGEHOUDEN]))
    assert rec["geplandeStemming"] == "2026-12-17"  # the meeting after the aangehouden one


def test_flip_aangehouden_then_voted_becomes_besluit_with_full_history():
    later = _uitkomst("verworpen", date(2026, 12, 17), stemronde=_ronde(3, 10), besluittoelichting="Te duur.")
    rec = export.dossier_record(Dossier(_voorstel(), [AANGEHOUDEN, later]))
    assert rec["label"] == "besluit"
    assert (rec["besluitresultaat"], rec["besluitresultaatCode"]) == ("verworpen", "V")
    assert rec["vergaderdatum"] == "2026-12-17"
    assert [(h["besluitresultaat"], h["maaktBesluit"]) for h in rec["historie"]] == [
        ("aangehouden", False), ("verworpen", True)]
    assert rec["geplandeStemming"] is None


def test_undecided_dossier_has_no_vote_rows_and_empty_decision_cells():
    open_ = Dossier(_voorstel("2026-011"), [AANGEHOUDEN])
    decided = Dossier(_voorstel("2026-010"), [AANGENOMEN])
    rows = {r["id"]: r for r in export.dossier_rows([open_, decided])}
    assert rows["2026-011"]["label"] == "voorstel"
    for name in DECISION_FIELDS + ("stemmenVoor", "stemmenTegen"):
        assert rows["2026-011"][name] == "", name
    assert rows["2026-010"]["besluitresultaatCode"] == "A"
    assert (rows["2026-010"]["stemmenVoor"], rows["2026-010"]["stemmenTegen"]) == ("10", "3")
    votes = export.stemming_rows([open_, decided])
    assert {r["dossier"] for r in votes} == {"2026-010"}


# --- CSV ---------------------------------------------------------------------------------


def test_dossiers_csv_has_header_and_the_ods_columns():
    text = export.to_csv(export.dossier_rows([Dossier(_voorstel(), [AANGENOMEN])]), export.DOSSIER_COLUMNS)
    reader = csv.reader(io.StringIO(text.removeprefix(export.BOM)), dialect=export.CSV_DIALECT)
    header = next(reader)
    assert header == export.DOSSIER_COLUMNS
    for name in ("titel", "omschrijving", "informatieobjecttype", "datumIngediend", "portefeuillehouder",
                 "besluitresultaat", "besluittoelichting", "indicatieHamerstuk", "vergaderdatum", "gremium",
                 "label", "status"):
        assert name in header
    row = dict(zip(header, next(reader), strict=True))
    assert row["onderwerpen"] == "onderwijs; groen"
    assert row["indicatieHamerstuk"] == "nee"


def test_stemmingen_csv_has_one_row_per_fractie_per_vote():
    amendement = Nevenvoorstel("amendement", "Meer bankjes", "aangenomen", stemronde=_ronde(10, 3))
    besluit = _uitkomst("geamendeerd aangenomen", stemronde=_ronde(10, 3), amendementen=(amendement,))
    rows = export.stemming_rows([Dossier(_voorstel(), [besluit])])
    assert len(rows) == 4
    assert [r["onderwerpStemming"] for r in rows] == ["voorstel", "voorstel", "amendement", "amendement"]
    text = export.to_csv(rows, export.STEMMING_COLUMNS)
    assert text.removeprefix(export.BOM).splitlines()[0].split(";") == export.STEMMING_COLUMNS
    assert "fractiestemresultaat" in export.STEMMING_COLUMNS


def test_csv_opens_in_dutch_excel_and_reads_back_in_python():
    """Dutch Excel splits on ';' (its list separator) and reads UTF-8 only after a byte
    order mark; Python's csv module reads the same file with the export's dialect."""
    voorstel = _voorstel(titel="Café ‘De Kroon’; terras, 2e fase", samenvatting='Zij zei: "ja".\nNieuwe regel.')
    rows = export.dossier_rows([Dossier(voorstel, [AANGENOMEN])])
    data = export.to_csv(rows, export.DOSSIER_COLUMNS).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf" + b"id;label;status;")
    assert b"\r\n" in data  # Excel's own line ends (RFC 4180)
    back = export.read_csv(data.decode("utf-8"))
    assert back == rows
    assert back[0]["titel"] == "Café ‘De Kroon’; terras, 2e fase"  # a ';' in a cell is quoted, not split
    with_bom = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), dialect=export.CSV_DIALECT))
    assert with_bom == rows and list(with_bom[0]) == export.DOSSIER_COLUMNS


def test_a_formula_stays_neutralised_in_the_excel_dialect():
    rows = export.dossier_rows([Dossier(_voorstel(titel="=HYPERLINK(\"http://x\";\"klik\")"), [])])
    [row] = export.read_csv(export.to_csv(rows, export.DOSSIER_COLUMNS))
    assert row["titel"] == "'=HYPERLINK(\"http://x\";\"klik\")"


# --- The files, written by a real build ----------------------------------------------------


@pytest.mark.slow
def test_build_writes_json_and_csv_that_match_the_dossiers(tmp_path):
    from bench import synth
    from raadsinfo.loader import load_site

    content = tmp_path / "content"
    synth.generate(16, 7, content)
    out = tmp_path / "output"
    env = {**os.environ, "RAADSINFO_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
         "--fatal", "errors", "-e", f'RAADSINFO_TODAY="{TODAY}"'],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = load_site(content, today=date.fromisoformat(TODAY))
    expected = {d.id: d for d in site.dossiers}

    doc = json.loads((out / "data" / "dossiers.json").read_text(encoding="utf-8"))
    assert doc["aantal"] == len(expected) == 16
    for rec in doc["dossiers"]:
        d = expected[rec["id"]]
        assert rec["label"] == d.label.value
        assert rec["status"] == d.status.naam
        if d.is_besluit:
            assert rec["besluitresultaat"] == d.besluit.besluitresultaat
        else:
            assert rec["besluitresultaat"] is None
            assert rec["labelTitel"] == d.teksten.kop and rec["labelTitel"].startswith("Voorstel")

    raw = (out / "data" / "dossiers.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;")  # UTF-8 with a byte order mark, ';' between columns
    rows = export.read_csv(raw.decode("utf-8"))
    assert list(rows[0]) == export.DOSSIER_COLUMNS
    assert {r["id"]: r["label"] for r in rows} == {i: d.label.value for i, d in expected.items()}

    votes = export.read_csv((out / "data" / "stemmingen.csv").read_text(encoding="utf-8"))
    assert list(votes[0]) == export.STEMMING_COLUMNS
    assert {r["dossier"] for r in votes} <= {i for i, d in expected.items() if d.is_besluit}
    assert all(expected[r["dossier"]].is_besluit for r in votes)


@pytest.mark.parametrize("document", [
    {"gemeente": "Harderwijk", "dossiers": [{"id": "1", "titel": "Café & <b>\"x\"</b> 😀"}, {"id": "2"}]},
    {"gemeente": "Harderwijk", "dossiers": []},
    {"dossiers": [{"id": "1"}]},
])
def test_json_one_dossier_per_line(document):
    text = export.to_json(document)
    assert json.loads(text) == document
    assert text.endswith("\n")
    assert len(text.splitlines()) == (len(document["dossiers"]) + 2 if document["dossiers"] else 1)
