"""The labelling guard on feeds, calendars and data exports of the tiny built site.

Each output is changed the way a plugin bug would change it (a wrong title, an entry
the domain does not know, a label in an export) and the guard must name the file,
the item and the dossier, and say what the domain computes for it.
"""

from __future__ import annotations

import csv
import io
import json

from guard.data_check import calendar
from guard_helpers import DECIDED, OPEN, changed, expected, output, violations

from raadsinfo import export, ods


def teksten(i: str = OPEN):
    return expected().teksten[i]


def one(found, dossier: str, where: str, want: str = "") -> None:
    shown = "\n".join(v.format() for v in found) or "geen fout gevonden"
    assert any(v.dossier == dossier and where in v.element and want in v.expected for v in found), shown


def unfolded(rel: str) -> str:
    return output(rel).decode().replace("\r\n ", "")


# --------------------------------------------------------------- Atom and RSS


def test_a_wrong_entry_title_in_both_formats():
    for fmt in ("atom", "rss"):
        rel = f"feeds/dossier/{OPEN}.{fmt}.xml"
        raw = changed(rel, f"<title>{teksten().kop}</title>", f"<title>Besluit: {teksten().titel}</title>")
        one(violations(rel, raw), OPEN, "item 1", teksten().kop)
        assert violations(rel, raw)[0].found == f'"Besluit: {teksten().titel}"'


def test_an_entry_title_in_a_shared_feed_and_a_label_category():
    rel = "feeds/alles.atom.xml"
    raw = changed(rel, f"<title>{teksten().kop}</title>", f"<title>Verworpen: {teksten().titel}</title>")
    one(violations(rel, raw), OPEN, "titel", teksten().kop)
    rel = f"feeds/dossier/{OPEN}.rss.xml"
    raw = changed(rel, '/feeds/label">voorstel<', '/feeds/label">besluit<')
    one(violations(rel, raw), OPEN, "categorie label", '"voorstel"')


def test_a_changed_summary_and_an_unknown_entry():
    rel = f"feeds/dossier/{OPEN}.atom.xml"
    raw = changed(rel, "<summary>Het college vraagt", "<summary>De raad heeft besloten. Het college vraagt")
    one(violations(rel, raw), OPEN, "samenvatting", "Het college vraagt")
    raw = changed(rel, f"dossier/{OPEN}/voorstel</id>", f"dossier/{OPEN}/besluit</id>")
    [v] = violations(rel, raw)
    assert "item 1" in v.element and "raadsinfo/nieuws.py" in v.expected


def test_extra_text_in_an_entrys_full_text_in_both_formats():
    """A feed plugin that adds a line to the HTML body of an undecided dossier's entry."""
    for rel, tag in ((f"feeds/dossier/{OPEN}.atom.xml", '<content type="html">'),
                     (f"feeds/dossier/{OPEN}.rss.xml", "<content:encoded>")):
        raw = changed(rel, f"{tag}&lt;p&gt;Het college vraagt",
                      f"{tag}&lt;p&gt;&lt;b&gt;Besluit: aangenomen&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Het college vraagt")
        one(violations(rel, raw), OPEN, "tekst", "Het college vraagt")


def test_the_title_of_a_dossiers_own_feed():
    rel = f"feeds/dossier/{OPEN}.atom.xml"
    raw = changed(rel, f"<title>{teksten().kop} (", f"<title>Aangenomen: {teksten().titel} (")
    one(violations(rel, raw), OPEN, "Atom-feed: titel", teksten().kop)
    raw = changed(rel, "<subtitle>", "<subtitle>Besluit van de gemeenteraad. ")
    one(violations(rel, raw), OPEN, "beschrijving", teksten().badge)
    rel = f"feeds/dossier/{DECIDED}.atom.xml"  # a decided dossier's feed may say so
    assert violations(rel, changed(rel, "<subtitle>", "<subtitle>Besluit van de gemeenteraad. ")) == []


def test_a_feed_that_is_no_xml():
    rel = "feeds/alles.rss.xml"
    [v] = violations(rel, output(rel)[:-40])
    assert v.element == "XML" and "geen geldige XML" in v.why


# --------------------------------------------------------------- iCalendar


def test_the_calendar_reader_unfolds_and_unescapes():
    own, *events = calendar(b"BEGIN:VCALENDAR\r\nNAME:Agenda\r\nBEGIN:VEVENT\r\n"
                            b"SUMMARY:Voorstel aan de raad: A\\, B \r\n (commissie)\r\nBEGIN:VALARM\r\n"
                            b"SUMMARY:Herinnering\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert own == {"NAME": "Agenda"}
    assert events == [{"SUMMARY": "Voorstel aan de raad: A, B (commissie)"}]


def test_a_wrong_summary_and_label_in_a_dossiers_calendar():
    rel = f"agenda/dossier/{OPEN}.ics"
    raw = unfolded(rel).replace(f"SUMMARY:{teksten().kop}", f"SUMMARY:Besluit: {teksten().titel}").encode()
    one(violations(rel, raw), OPEN, "SUMMARY", teksten().kop)
    raw = unfolded(rel).replace("X-RAADSINFO-LABEL:voorstel", "X-RAADSINFO-LABEL:besluit").encode()
    one(violations(rel, raw), OPEN, "X-RAADSINFO-LABEL", '"voorstel"')


def test_a_wrong_label_in_the_meetings_calendar_and_an_unknown_meeting():
    """One event per meeting: its agenda lists each dossier with its label (more in test_agenda_kalenders.py)."""
    rel = "agenda/vergaderingen.ics"
    raw = unfolded(rel).replace(f"{teksten().kop} (bespreking", f"Aangenomen: {teksten().titel} (bespreking").encode()
    one(violations(rel, raw), OPEN, "DESCRIPTION", teksten().kop)
    raw = unfolded(rel).replace("UID:vergadering-gemeenteraad-", "UID:vergadering-commissie-ruimte-").encode()
    one(violations(rel, raw), "", "agenda-item", "raadsinfo/agenda.py")


def test_a_calendar_name_and_a_description_of_an_undecided_dossier():
    rel = f"agenda/dossier/{OPEN}.ics"
    raw = unfolded(rel).replace("X-WR-CALNAME:Voorstel aan de raad:", "X-WR-CALNAME:Besluit:").encode()
    one(violations(rel, raw), OPEN, "X-WR-CALNAME", teksten().kop)
    raw = unfolded(rel).replace("DESCRIPTION:Dit is een voorstel.", "DESCRIPTION:Besluit: verworpen.").encode()
    one(violations(rel, raw), OPEN, "DESCRIPTION", teksten().badge)


# --------------------------------------------------------------- JSON and CSV


def _json_with(i: str, **fields) -> bytes:
    data = json.loads(output("data/dossiers.json"))
    record = next(d for d in data["dossiers"] if d["id"] == i)
    for key, value in fields.items():
        if value is None:
            record.pop(key)
        else:
            record[key] = value
    return json.dumps(data, ensure_ascii=False).encode()


def test_a_wrong_label_and_label_title_in_the_json_export():
    rel = "data/dossiers.json"
    one(violations(rel, _json_with(OPEN, label="besluit")), OPEN, "veld 'label'", '"voorstel"')
    one(violations(rel, _json_with(OPEN, labelTitel=f"Besluit: {teksten().titel}")), OPEN, "veld 'labelTitel'",
        teksten().kop)
    one(violations(rel, _json_with(OPEN, statusLabel="Besluit: aangenomen")), OPEN, "statusLabel", teksten().badge)
    found = violations(rel, _json_with(OPEN, label=None))
    assert [v.found for v in found] == ["(ontbreekt)"]


def test_decision_fields_of_an_undecided_dossier_stay_empty():
    rel = "data/dossiers.json"
    found = violations(rel, _json_with(OPEN, besluitresultaat="aangenomen", besluittoelichting="Goed plan."))
    assert {v.element.split("'")[1] for v in found} == {"besluitresultaat", "besluittoelichting"}
    assert all(v.dossier == OPEN and "nog niet besloten" in v.why for v in found)


def test_a_label_field_the_domain_does_not_know():
    rel = "data/dossiers.json"
    [v] = violations(rel, _json_with(OPEN, statusTekst="Besloten"))
    assert v.dossier == OPEN and "statusTekst" in v.element and "export.py" in v.expected


def test_the_csv_exports():
    rel = "data/dossiers.csv"
    raw = changed(rel, f"{OPEN};voorstel;", f"{OPEN};besluit;")
    one(violations(rel, raw), OPEN, "CSV regel", '"voorstel"')
    rel = "data/stemmingen.csv"
    raw = changed(rel, f"{DECIDED};", f"{OPEN};")  # a vote row for a dossier that was never voted on
    one(violations(rel, raw), OPEN, "besluitresultaat", "geen uitslag")


def test_a_csv_with_commas_is_read_too():
    """The exports use ';' (Dutch Excel); a file written with commas is still read column
    by column, not as one column that names no dossier and so passes unread."""
    rel = "data/dossiers.csv"
    rows = export.read_csv(output(rel).decode("utf-8"))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=export.DOSSIER_COLUMNS)
    writer.writeheader()
    writer.writerows([{**r, "label": "besluit"} if r["id"] == OPEN else r for r in rows])
    one(violations(rel, buf.getvalue().encode()), OPEN, "CSV regel", '"voorstel"')


# --------------------------------------------------------------- ODS (data/ods/<Schema>.json)


def _ods(schema: str) -> list[dict]:
    return json.loads(output(f"data/ods/{schema}.json"))


def _ods_bytes(objects: list[dict]) -> bytes:
    return json.dumps(objects, ensure_ascii=False).encode()


def test_the_ods_files_pass_as_built():
    from guard.check import checker_for

    for schema in ods.SCHEMAS:
        rel = f"data/ods/{schema}.json"
        assert checker_for(rel)(output(rel), rel, expected()) == [], schema


def test_a_besluit_and_a_vote_for_an_undecided_dossier():
    """A mapping bug that gives an undecided dossier the Besluit and the vote of a decided
    one: the guard refuses them from the dossier's label alone."""
    rel = "data/ods/Besluit.json"
    besluiten = _ods("Besluit")
    fake = {**next(b for b in besluiten if b["dossier"] == DECIDED), "id": OPEN, "dossier": OPEN}
    found = violations(rel, _ods_bytes([*besluiten, fake]))
    one(found, OPEN, f"Besluit met id {OPEN}", teksten().badge)
    assert all("nog niet besloten" in v.why for v in found)
    rel = "data/ods/Stemming.json"
    stemmingen = _ods("Stemming")
    fake = {**next(s for s in stemmingen if s["dossier"] == DECIDED), "id": f"{OPEN}-voorstel", "dossier": OPEN}
    one(violations(rel, _ods_bytes([*stemmingen, fake])), OPEN, "Stemming met id", teksten().badge)


def test_a_wrong_result_or_label_in_the_ods_files():
    rel = "data/ods/Besluit.json"
    besluiten = [{**b, "besluitresultaat": "aangenomen", "besluitresultaatCode": "A"} if b["dossier"] == DECIDED
                 else b for b in _ods("Besluit")]
    found = violations(rel, _ods_bytes(besluiten))
    one(found, DECIDED, "veld 'besluitresultaat'", '"verworpen"')
    one(found, DECIDED, "veld 'besluitresultaatCode'", '"V"')
    rel = "data/ods/StemresultaatPerFractie.json"
    per = _ods("StemresultaatPerFractie")
    per[0] = {**per[0], "fractiestemresultaat": "verdeeld" if per[0]["fractiestemresultaat"] != "verdeeld"
              else "aangenomen"}
    one(violations(rel, _ods_bytes(per)), per[0]["dossier"], "veld 'fractiestemresultaat'")
    rel = "data/ods/Agendapunt.json"
    punten = [{**p, "indicatieHamerstuk": True, "label": "besluit"} if p["dossier"] == OPEN else p
              for p in _ods("Agendapunt")]
    found = violations(rel, _ods_bytes(punten))
    one(found, OPEN, "veld 'indicatieHamerstuk'", "voorstel")
    one(found, OPEN, "veld 'label'", '"voorstel"')
    rel = "data/ods/InformatieObject.json"
    objs = [{**o, "labelTitel": f"Aangenomen: {teksten().titel}"} if o["id"] == OPEN else o
            for o in _ods("InformatieObject")]
    one(violations(rel, _ods_bytes(objs)), OPEN, "veld 'labelTitel'", teksten().kop)


def test_a_decided_label_in_an_undecided_dossiers_agenda_line():
    rel = "data/ods/Agendapunt.json"
    punten = _ods("Agendapunt")
    punt = next(p for p in punten if p["dossier"] == OPEN)
    punt["agendapuntOmschrijving"] = punt["agendapuntOmschrijving"].replace("Voorstel aan de raad:", "Aangenomen:")
    found = violations(rel, _ods_bytes(punten))
    one(found, OPEN, "veld 'agendapuntOmschrijving'", "geen besluitlabel")
    one(found, OPEN, "veld 'agendapuntOmschrijving'", "Voorstel aan de raad")


def test_an_ods_object_the_domain_does_not_know():
    rel = "data/ods/Stemming.json"
    stemmingen = _ods("Stemming")
    extra = {**stemmingen[0], "id": "9999-001-voorstel", "dossier": "9999-001"}
    [v] = violations(rel, _ods_bytes([*stemmingen, extra]))
    assert "9999-001-voorstel" in v.found and "ods.py" in v.expected
