"""The ODS export (data/ods/<Schema>.json): valid against the VNG specification, linked,
and faithful to the domain, above all to "voorstel, niet besluit".

The specification is the file in ``tests/data/ods/`` (EUPL-1.2, see its README). Every
object is validated with ``openapi-schema-validator`` (OpenAPI 3.0: ``nullable``,
``readOnly``, formats) against the schema its file is named after, with the spec's own
``$ref``s resolved within the file. The mapping is unit-tested on dossiers built from
the domain dataclasses (milliseconds); the sample site is built once to check the
files themselves.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
import yaml
from openapi_schema_validator import OAS30ReadValidator, oas30_format_checker

from raadsinfo import ods
from raadsinfo.dossier import Dossier
from raadsinfo.loader import load_site
from raadsinfo.model import (
    Document,
    Fractie,
    Nevenvoorstel,
    Raadsperiode,
    Stap,
    Stemming,
    Stemronde,
    Uitkomst,
    Voorstel,
)
from raadsinfo.status import VOTED_RESULTS

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tests" / "data" / "ods" / "openapi.yaml"
TODAY = "2026-11-27"
BASE = "https://raad.example/data/ods"


@functools.cache
def spec() -> dict:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


@functools.cache
def validator(schema: str) -> OAS30ReadValidator:
    """A validator for one schema of ``components/schemas``; the spec's ``components`` ride
    along so that its local ``$ref``s ("#/components/schemas/...") resolve."""
    assert schema in spec()["components"]["schemas"], f"{schema} is geen schema van de specificatie"
    root = {"$ref": f"#/components/schemas/{schema}", "components": spec()["components"]}
    OAS30ReadValidator.check_schema(root)
    return OAS30ReadValidator(root, format_checker=oas30_format_checker)


def test_the_specification_is_the_one_the_export_follows():
    assert spec()["openapi"].startswith("3.0")
    assert spec()["info"]["version"] == ods.SPEC_VERSION
    assert "EUPL-1.2" in spec()["info"]["license"]["name"]
    assert "EUPL-1.2" in (SPEC.parent / "README.md").read_text(encoding="utf-8")
    assert set(ods.SCHEMAS) <= set(spec()["components"]["schemas"])


def invalid(schema: str, objects: list[dict]) -> list[str]:
    return [f"{o.get('id')}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
            for o in objects for e in validator(schema).iter_errors(o)]


# --- dossiers to map ---------------------------------------------------------------------

FRACTIES = (Fractie("Harderwijk Anders", 10), Fractie("VVD", 3), Fractie("D66", 2))
PERIODE = Raadsperiode("2026-2030", date(2026, 4, 2), date(2030, 3, 27), 15, FRACTIES)


def _voorstel(id_: str = "2026-010", **changes) -> Voorstel:
    base = dict(
        id=id_, titel="Nieuwe speeltuin in Hierden", datum_ingediend=date(2026, 9, 1),
        portefeuillehouder="wethouder M. Bakker", onderwerpen=("groen",),
        samenvatting="Het college wil een speeltuin bouwen. De raad beslist.",
        gevraagd_besluit=("Een krediet van 80.000 euro beschikbaar stellen.",),
        behandeling=(Stap("commissie-samenleving", date(2026, 10, 1), time(19, 30)),
                     Stap("gemeenteraad", date(2026, 10, 22), time(19, 30)),
                     Stap("gemeenteraad", date(2026, 12, 17))),
        documenten=(Document("Raadsvoorstel speeltuin", "https://stukken.example/2026-010.pdf"),),
    )
    base.update(changes)
    return Voorstel(**base)


def _ronde(*votes: tuple[str, str, int, int, int]) -> Stemronde:
    return Stemronde(tuple(Stemming(f, r, v, t, a) for f, r, v, t, a in votes))


MEERDERHEID = _ronde(("Harderwijk Anders", "voor", 10, 0, 0), ("VVD", "tegen", 0, 3, 0), ("D66", "tegen", 0, 2, 0))
MINDERHEID = _ronde(("Harderwijk Anders", "tegen", 0, 10, 0), ("VVD", "voor", 3, 0, 0), ("D66", "voor", 2, 0, 0))
UNANIEM = _ronde(("Harderwijk Anders", "voor", 10, 0, 0), ("VVD", "voor", 3, 0, 0), ("D66", "voor", 2, 0, 0))
RAAD = date(2026, 10, 22)


def _uitkomst(resultaat: str, day: date = RAAD, **changes) -> Uitkomst:
    return Uitkomst(voorstel_id="2026-010", vergaderdatum=day, besluitresultaat=resultaat, **changes)


def _export(*dossiers: Dossier, today: date = date(2026, 11, 27)) -> dict[str, list[dict]]:
    made = ods.resources(list(dossiers), [PERIODE], base_url=BASE, site_url="https://raad.example", today=today,
                         gemeente=ods.gemeente("Harderwijk", "0243"))
    for schema, objects in made.items():
        assert invalid(schema, objects) == [], schema
    return made


def _by_id(objects: list[dict]) -> dict[str, dict]:
    return {o["id"]: o for o in objects}


#: Every state of a dossier, as (outcomes, hamerstuk?) and whether it is decided.
UNDECIDED = {
    "in behandeling": [],
    "aangehouden": [_uitkomst("aangehouden")],
    "ingetrokken": [_uitkomst("ingetrokken")],
}
DECIDED = {
    "unaniem aangenomen": _uitkomst("unaniem aangenomen", stemronde=UNANIEM),
    "aangenomen": _uitkomst("aangenomen", stemronde=MEERDERHEID),
    "geamendeerd aangenomen": _uitkomst(
        "geamendeerd aangenomen", stemronde=MEERDERHEID,
        amendementen=(Nevenvoorstel("amendement", "Meer bankjes", "aangenomen", ("D66",), "Zes bankjes erbij.",
                                    MEERDERHEID),)),
    "onder voorbehoud aangenomen": _uitkomst("onder voorbehoud aangenomen", stemronde=MEERDERHEID),
    "verworpen": _uitkomst("verworpen", stemronde=MINDERHEID),
    "hamerstuk": _uitkomst("aangenomen", hamerstuk=True),
}


# --- the labelling rule, for every status --------------------------------------------------


@pytest.mark.parametrize("state", list(UNDECIDED))
def test_an_undecided_dossier_has_no_besluit_and_no_vote(state):
    made = _export(Dossier(_voorstel(), list(UNDECIDED[state])))
    for schema in ods.BESLISSEND:
        assert made[schema] == [], schema
    assert all("besluitresultaat" not in o for objs in made.values() for o in objs)
    io = _by_id(made["InformatieObject"])["2026-010"]
    assert (io["informatieobjecttype"], io["label"], io["status"]) == ("voorstel", "voorstel", state)
    assert io["labelTitel"].startswith("Voorstel") and io["statusLabel"].startswith("Voorstel")
    for punt in made["Agendapunt"]:
        assert punt["agendapuntOmschrijving"].startswith("Voorstel"), punt
        assert punt["label"] == "voorstel"
        assert "stemmingen" not in punt and "indicatieHamerstuk" not in punt


def test_aangehouden_and_ingetrokken_say_so_on_the_agenda_item_of_that_meeting():
    for state, kop in (("aangehouden", "Voorstel uitgesteld: "), ("ingetrokken", "Voorstel ingetrokken: ")):
        made = _export(Dossier(_voorstel(), list(UNDECIDED[state])))
        punt = _by_id(made["Agendapunt"])["2026-010-raad-2026-10-22"]
        assert punt["agendapuntOmschrijving"] == f"{kop}Nieuwe speeltuin in Hierden (Gemeenteraad)"
        assert punt["indicatorBehandeld"] is False  # the vote did not take place


def test_an_open_voorstel_is_on_the_agenda_of_its_planned_meetings():
    made = _export(Dossier(_voorstel(), [_uitkomst("aangehouden")]))
    assert [p["id"] for p in made["Agendapunt"]] == [
        "2026-010-samenlev-2026-10-01", "2026-010-raad-2026-10-22", "2026-010-raad-2026-12-17"]
    later = _by_id(made["Agendapunt"])["2026-010-raad-2026-12-17"]
    assert later["agendapuntOmschrijving"] == ("Voorstel aan de raad: Nieuwe speeltuin in Hierden "
                                               "(Gemeenteraad, bespreking en stemming)")
    assert "indicatorBehandeld" not in later  # not known yet


def test_a_withdrawn_or_decided_dossier_is_on_no_later_agenda():
    for uitkomst in (_uitkomst("ingetrokken"), DECIDED["aangenomen"]):
        made = _export(Dossier(_voorstel(), [uitkomst]))
        assert "2026-010-raad-2026-12-17" not in _by_id(made["Agendapunt"])
        assert "raad-2026-12-17" not in _by_id(made["Vergadering"])


@pytest.mark.parametrize("state", list(DECIDED))
def test_a_decided_dossier_has_its_besluit(state):
    u = DECIDED[state]
    made = _export(Dossier(_voorstel(), [u]))
    [besluit] = made["Besluit"]
    assert besluit["id"] == "2026-010"  # named after the dossier: a corrected date keeps it
    assert besluit["besluitresultaat"] == u.besluitresultaat
    assert besluit["besluitresultaatCode"] == {"unaniem aangenomen": "UA", "aangenomen": "A",
                                               "geamendeerd aangenomen": "GA", "onder voorbehoud aangenomen": "OA",
                                               "verworpen": "V"}[u.besluitresultaat]
    assert besluit["indicatieHamerstuk"] is u.hamerstuk
    assert besluit["agendapunt"]["id"] == "2026-010-raad-2026-10-22"
    punt = _by_id(made["Agendapunt"])["2026-010-raad-2026-10-22"]
    assert punt["indicatieHamerstuk"] is u.hamerstuk and punt["indicatorBehandeld"] is True
    assert punt["label"] == "besluit"
    io = _by_id(made["InformatieObject"])["2026-010"]
    assert io["label"] == "besluit" and not io["labelTitel"].startswith("Voorstel")


def test_a_hamerstuk_is_a_besluit_without_a_stemming():
    made = _export(Dossier(_voorstel(), [DECIDED["hamerstuk"]]))
    assert made["Stemming"] == made["StemresultaatPerFractie"] == []
    [besluit] = made["Besluit"]
    assert besluit["stemmingen"] == []
    punt = _by_id(made["Agendapunt"])["2026-010-raad-2026-10-22"]
    assert punt["indicatieHamerstuk"] is True and "stemmingen" not in punt
    assert punt["agendapuntOmschrijving"].startswith("Aangenomen zonder stemming: ")


def test_a_vote_and_its_result_per_fractie_in_the_values_of_the_standard():
    made = _export(Dossier(_voorstel(), [DECIDED["verworpen"]]))
    [stemming] = made["Stemming"]
    assert stemming["id"] == "2026-010-voorstel"
    assert stemming["besluit"]["id"] == "2026-010"
    assert stemming["informatieobject"]["id"] == "2026-010"
    assert stemming["resultaatMondelingeStemming"] == "tegen"
    assert (stemming["aantalVoor"], stemming["aantalTegen"], stemming["besluitresultaat"]) == (5, 10, "verworpen")
    assert {s["fractie"]["id"]: s["fractiestemresultaat"] for s in made["StemresultaatPerFractie"]} == {
        "harderwijk-anders": "verworpen", "vvd": "aangenomen", "d66": "aangenomen"}
    assert _by_id(made["Besluit"])["2026-010"]["stemmingen"] == [f"{BASE}/Stemming.json#2026-010-voorstel"]


def test_a_split_fractie_is_verdeeld_with_its_counts_and_an_absent_one_has_no_result():
    ronde = _ronde(("Harderwijk Anders", "verdeeld", 6, 3, 1), ("VVD", "voor", 0, 0, 3), ("D66", "tegen", 0, 2, 0))
    made = _export(Dossier(_voorstel(), [_uitkomst("aangenomen", stemronde=ronde)]))
    per = {s["fractie"]["id"]: s for s in made["StemresultaatPerFractie"]}
    assert per["harderwijk-anders"]["fractiestemresultaat"] == "verdeeld"
    assert (per["harderwijk-anders"]["aantalVoor"], per["harderwijk-anders"]["aantalTegen"],
            per["harderwijk-anders"]["aantalAfwezig"]) == (6, 3, 1)
    assert "fractiestemresultaat" not in per["vvd"]  # all absent: the fractie did not vote
    assert per["vvd"]["aantalAfwezig"] == 3
    assert _by_id(made["Stemming"])["2026-010-voorstel"]["aantalAfwezig"] == 4


def test_amendementen_and_moties_with_their_votes_and_who_filed_them():
    motie = Nevenvoorstel("motie", "Jaarlijks verslag", "verworpen", ("VVD", "Burgerinitiatief"), "Elk jaar een brief.",
                          MINDERHEID)
    zonder_stemming = Nevenvoorstel("motie", "Bankjes schilderen", "aangenomen", ("D66",))
    u = DECIDED["geamendeerd aangenomen"]
    u = Uitkomst(**{**u.__dict__, "moties": (motie, zonder_stemming)})
    made = _export(Dossier(_voorstel(), [u]))
    io = _by_id(made["InformatieObject"])
    assert io["2026-010-amendement-1"]["informatieobjecttype"] == "amendement"
    assert io["2026-010-motie-1"]["informatieobjecttype"] == "motie"
    assert io["2026-010-motie-1"]["gerelateerdInformatieobject"] == {
        "informatieobject": {"id": "2026-010", "url": f"{BASE}/InformatieObject.json#2026-010"}, "rol": "voorstel"}
    assert io["2026-010-motie-2"]["besluitresultaat"] == "aangenomen"  # its result, also without a recorded vote
    stemmingen = _by_id(made["Stemming"])
    assert set(stemmingen) == {"2026-010-voorstel", "2026-010-amendement-1", "2026-010-motie-1"}
    assert stemmingen["2026-010-motie-1"]["onderwerpStemming"] == "motie"
    assert stemmingen["2026-010-motie-1"]["besluitresultaat"] == "verworpen"
    assert "besluit" not in stemmingen["2026-010-motie-1"]  # a motie's vote is not the dossier's Besluit
    assert stemmingen["2026-010-amendement-1"]["besluitresultaatCode"] == "A"
    punt = _by_id(made["Agendapunt"])["2026-010-raad-2026-10-22"]
    assert len(punt["stemmingen"]) == 3
    assert f"{BASE}/InformatieObject.json#2026-010-motie-2" in punt["informatieobjecten"]
    indieners = {(i["informatieobject"]["id"], i["naam"]): i for i in made["Indiener"]}
    assert indieners[("2026-010-motie-1", "VVD")]["fractie"]["id"] == "vvd"
    assert "fractie" not in indieners[("2026-010-motie-1", "Burgerinitiatief")]  # no fractie of the council


def test_aangehouden_then_decided_keeps_the_postponed_meeting_as_history():
    later = _uitkomst("aangenomen", date(2026, 12, 17), stemronde=MEERDERHEID)
    made = _export(Dossier(_voorstel(), [_uitkomst("aangehouden"), later]), today=date(2026, 12, 20))
    punten = _by_id(made["Agendapunt"])
    assert punten["2026-010-raad-2026-10-22"]["agendapuntOmschrijving"].startswith("Voorstel uitgesteld: ")
    assert punten["2026-010-raad-2026-10-22"]["indicatorBehandeld"] is False
    assert punten["2026-010-raad-2026-12-17"]["agendapuntOmschrijving"].startswith("Aangenomen: ")
    assert _by_id(made["Besluit"])["2026-010"]["vergaderdatum"] == "2026-12-17"
    assert _by_id(made["Stemming"])["2026-010-voorstel"]["agendapunt"]["id"] == "2026-010-raad-2026-12-17"


# --- meetings, fracties, ids ------------------------------------------------------------------


def test_meetings_are_planned_or_held_by_the_day_and_have_their_type_and_start():
    made = _export(Dossier(_voorstel(), []), today=date(2026, 10, 22))
    meetings = _by_id(made["Vergadering"])
    commissie, raad, later = (meetings["samenlev-2026-10-01"], meetings["raad-2026-10-22"],
                              meetings["raad-2026-12-17"])
    assert (commissie["status"], commissie["vergaderdatum"]) == ("gehouden", "2026-10-01")
    assert commissie["vergaderingstype"] == "commissievergadering"
    assert commissie["georganiseerdDoorGremium"] == {"gremiumidentificatie": "samenlev",
                                                     "gremiumnaam": "Commissie Samenleving"}
    assert (raad["status"], raad["vergaderingstype"]) == ("gepland", "raadsvergadering")
    assert "vergaderdatum" not in raad
    assert raad["geplandeAanvangVergadering"] == "2026-10-22T19:30:00+02:00"  # summer time
    assert "geplandeAanvangVergadering" not in later  # no time recorded: nothing guessed
    assert raad["agendapunten"] == [f"{BASE}/Agendapunt.json#2026-010-raad-2026-10-22"]
    assert raad["gemeente"] == {"gemeentecode": "0243", "gemeentenaam": "Harderwijk"}


def test_two_dossiers_on_one_meeting_share_the_vergadering():
    made = _export(Dossier(_voorstel("2026-010"), []), Dossier(_voorstel("2026-011"), []))
    assert len(_by_id(made["Vergadering"])["raad-2026-10-22"]["agendapunten"]) == 2


def test_fracties_of_every_council_period_with_their_seats():
    made = _export(Dossier(_voorstel(), []))
    assert [f["fractienaam"] for f in made["Fractie"]] == ["D66", "Harderwijk Anders", "VVD"]
    assert _by_id(made["Fractie"])["vvd"]["zetels"] == [
        {"raadsperiode": "2026-2030", "van": "2026-04-02", "tot": "2030-03-27", "zetels": 3}]


def test_ids_fit_the_standard_and_long_titles_are_cut_after_a_word():
    assert ods.resource_id("2026-010", "voorstel") == "2026-010-voorstel"
    long_id = ods.resource_id("2026-010-amendement-12", "christen-democratisch-appel-harderwijk")
    assert len(long_id) <= 40 and long_id == ods.resource_id("2026-010-amendement-12",
                                                             "christen-democratisch-appel-harderwijk")
    assert long_id != ods.resource_id("2026-010-amendement-12", "christen-democratisch-appel-hierden")
    titel = "Nieuwe speeltuin " * 8  # 136 characters
    made = _export(Dossier(_voorstel(titel=titel.strip()), []))
    punt = made["Agendapunt"][0]
    kort = punt["agendapuntTitel"]
    assert len(kort) <= 100 and kort.endswith("…") and titel.startswith(kort[:-1] + " ")  # after a whole word
    assert _by_id(made["InformatieObject"])["2026-010"]["titel"] == titel.strip()  # whole where it fits


def test_without_a_gemeentecode_the_gemeente_is_left_out():
    made = ods.resources([Dossier(_voorstel(), [])], base_url=BASE, today=date(2026, 11, 27))
    assert all("gemeente" not in o for objs in made.values() for o in objs)
    assert invalid("Vergadering", made["Vergadering"]) == []


def test_one_object_per_line():
    text = ods.to_json([{"id": "a"}, {"id": "b", "titel": "Café"}])
    assert json.loads(text) == [{"id": "a"}, {"id": "b", "titel": "Café"}]
    assert text.splitlines() == ["[", '{"id":"a"},', '{"id":"b","titel":"Café"}', "]"]
    assert ods.to_json([]) == "[]\n"


def test_the_site_address_for_the_links():
    from exports.generator import absolute_base

    assert absolute_base({"FEED_SITEURL": "http://localhost:8000", "SITEURL": ""}) == "http://localhost:8000"
    assert absolute_base({"SITEURL": "https://raad.example/"}) == "https://raad.example"
    with pytest.raises(ValueError, match="volledig webadres"):
        absolute_base({"SITEURL": "", "RELATIVE_URLS": True})


# --- the files of the sample site -------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """(output folder, loaded site) of the sample site, built as `invoke build` does."""
    out = tmp_path_factory.mktemp("ods") / "output"
    env = {**os.environ, "RAADSINFO_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
         "--fatal", "errors"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, load_site(ROOT / "content", today=date.fromisoformat(TODAY))


def _files(out: Path) -> dict[str, list[dict]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "data" / "ods").glob("*.json"))}


@pytest.mark.slow
def test_every_exported_object_of_the_sample_site_validates_against_its_schema(sample):
    files = _files(sample[0])
    assert set(files) == set(ods.SCHEMAS)
    for schema, objects in files.items():
        assert objects, f"{schema}.json is leeg"
        assert invalid(schema, objects) == [], schema
        assert len({o["id"] for o in objects}) == len(objects), f"dubbele ids in {schema}.json"


def _references(value, path=""):
    """(where, url, id or None) of every address in a resource: references and URL lists."""
    if isinstance(value, dict):
        if set(value) >= {"id", "url"} and path:
            yield path, value["url"], value["id"]
        for key, item in value.items():
            if key != "url":
                yield from _references(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield path, item, None
            else:
                yield from _references(item, path)


@pytest.mark.slow
def test_every_link_is_absolute_and_finds_its_object(sample):
    files = _files(sample[0])
    base = "http://localhost:8000/data/ods/"
    known = {f"{base}{schema}.json#{o['id']}" for schema, objects in files.items() for o in objects}
    for schema, objects in files.items():
        for o in objects:
            assert o["url"] == f"{base}{schema}.json#{o['id']}"
            for where, url, id_ in _references(o):
                assert url in known, f"{schema} {o['id']}: {where} -> {url}"
                assert id_ is None or url.endswith(f"#{id_}")
    for io in files["InformatieObject"]:
        if io.get("informatieobjecttype") in ("voorstel", None):  # the voorstel's page, or the document itself
            assert io["link"].startswith(("http://localhost:8000/dossiers/", "https://")), io


@pytest.mark.slow
def test_no_undecided_dossier_of_the_sample_site_appears_decided(sample):
    """The attack: look for any way an ODS file could present an undecided dossier as
    decided, by its own field or through a link."""
    files = _files(sample[0])
    dossiers = {d.id: d for d in sample[1].dossiers}
    open_ = {i for i, d in dossiers.items() if not d.is_besluit}
    assert {d.status.naam for d in dossiers.values() if not d.is_besluit} == {"in behandeling", "aangehouden",
                                                                             "ingetrokken"}
    punten = _by_id(files["Agendapunt"])
    for schema in ods.BESLISSEND:
        for o in files[schema]:
            assert o["dossier"] not in open_, (schema, o["id"])
    for s in files["Stemming"]:
        assert punten[s["agendapunt"]["id"]]["dossier"] not in open_
        assert s["informatieobject"]["id"].split("-")[:2] == s["dossier"].split("-")
    for b in files["Besluit"]:
        d = dossiers[b["id"]]
        assert d.is_besluit and b["besluitresultaat"] == d.besluit.besluitresultaat
    assert {b["id"] for b in files["Besluit"]} == {i for i, d in dossiers.items() if d.is_besluit}
    for schema, objects in files.items():
        for o in objects:
            if o.get("dossier") in open_:
                assert o.get("besluitresultaat") not in VOTED_RESULTS, (schema, o["id"])
                assert not o.get("stemmingen") and not o.get("indicatieHamerstuk"), (schema, o["id"])
                assert o.get("label", "voorstel") == "voorstel"
    for p in files["Agendapunt"]:
        if p["dossier"] in open_:
            assert p["agendapuntOmschrijving"].startswith("Voorstel"), p
    for io in files["InformatieObject"]:
        if io["id"] in open_:
            assert io["labelTitel"].startswith("Voorstel") and io["statusLabel"].startswith("Voorstel")


@pytest.mark.slow
def test_the_sample_site_uses_the_enumerations_of_the_standard(sample):
    files = _files(sample[0])
    assert {s.get("fractiestemresultaat") for s in files["StemresultaatPerFractie"]} == {
        "aangenomen", "verworpen", "verdeeld", None}  # None: every member absent
    for s in files["StemresultaatPerFractie"]:
        assert ("fractiestemresultaat" in s) == bool(s["aantalVoor"] or s["aantalTegen"])
    assert {io.get("informatieobjecttype") for io in files["InformatieObject"]} == {
        "voorstel", "motie", "amendement", None}
    assert {v["vergaderingstype"] for v in files["Vergadering"]} == {"raadsvergadering", "commissievergadering"}
    assert {v["status"] for v in files["Vergadering"]} == {"gepland", "gehouden"}
    assert any(b["indicatieHamerstuk"] for b in files["Besluit"])
