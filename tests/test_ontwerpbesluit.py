"""The draft decision (ontwerpbesluit) as a part of a voorstel, and the text as adopted.

A raadsvoorstel ends with the formal draft decision: the standard opening formula up
to and including "besluit:", then numbered points. The griffie types it in the
voorstel's ``ontwerpbesluit`` field; an outcome may hold ``besluittekst``, the points
as adopted after amendments. These tests hold the record format (schema, Dutch
problems with file, line and field), the model, the export, and the page: before the
vote the box says it is a draft and shows the formula exactly; after an adopting vote
it is "Het besluit van de raad".

The wording check (``raadsinfo.labelling``) is being rewritten to accept the standard
formula; these tests state the desired behaviour, so they also hold that rewrite to it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import VOORSTEL_PATH, TinySite

from raadsinfo import export
from raadsinfo.labels import tekst
from raadsinfo.model import Ontwerpbesluit
from raadsinfo.records import aanhef_regels
from raadsinfo.schema import SCHEMA_DIR
from raadsinfo.status import Status

AANHEF = (
    "De raad van de gemeente Harderwijk;",
    "gelezen het voorstel van burgemeester en wethouders van 16 januari 2024;",
    "gelet op artikel 189 van de Gemeentewet;",
    "besluit:",
)
PUNTEN = (
    "een krediet van € 120.000 beschikbaar te stellen voor een speeltuin in Drielanden;",
    "de kapitaallasten te verwerken in de begroting 2024.",
)
ONTWERP = {"aanhef": "\n".join(AANHEF) + "\n", "punten": list(PUNTEN)}
VOORSTEL = f"content/{VOORSTEL_PATH}"
BESLUIT = "content/besluiten/2024-010.md"


def _record_text(tiny_site: TinySite, ontwerp_yaml: str) -> str:
    """The default voorstel with an ``ontwerpbesluit`` block written by hand, as a clerk would."""
    text = tiny_site.record(tiny_site.voorstel())
    return text.replace("behandeling:\n", ontwerp_yaml + "behandeling:\n", 1)


# --- record format -------------------------------------------------------------------


def test_a_valid_ontwerpbesluit_is_accepted_and_built_into_the_model(tiny_site):
    content = tiny_site(voorstel={"ontwerpbesluit": ONTWERP}, besluit=False)
    assert tiny_site.errors(content) == []
    (dossier,) = tiny_site.load(content).dossiers
    assert dossier.voorstel.ontwerpbesluit == Ontwerpbesluit(aanhef=AANHEF, punten=PUNTEN)


def test_without_ontwerpbesluit_the_field_is_none(tiny_site):
    (dossier,) = tiny_site.load(tiny_site(besluit=False)).dossiers
    assert dossier.voorstel.ontwerpbesluit is None


@pytest.mark.parametrize("aanhef_yaml", [
    "  aanhef: |\n" + "".join(f"    {r}\n" for r in AANHEF),  # the documented way
    "  aanhef: >-\n" + "".join(f"    {r}\n" for r in AANHEF),  # folded, as other long texts are typed
    "  aanhef:\n" + "".join(f"    - \"{r}\"\n" for r in AANHEF),  # a list of lines
], ids=["letterlijk", "gevouwen", "lijst"])
def test_the_aanhef_keeps_one_line_per_part_however_it_is_typed(tiny_site, aanhef_yaml):
    block = "ontwerpbesluit:\n" + aanhef_yaml + "  punten:\n" + "".join(f"    - {p}\n" for p in PUNTEN)
    content = tiny_site(besluit=False, files={VOORSTEL_PATH: _record_text(tiny_site, block)})
    assert tiny_site.errors(content) == []
    (dossier,) = tiny_site.load(content).dossiers
    assert dossier.voorstel.ontwerpbesluit.aanhef == AANHEF


def test_aanhef_regels():
    assert aanhef_regels(None) == ()
    assert aanhef_regels("De raad van de gemeente Harderwijk; gelet op artikel 147 van de Gemeentewet; besluit:") == (
        "De raad van de gemeente Harderwijk;", "gelet op artikel 147 van de Gemeentewet;", "besluit:")
    assert aanhef_regels(["  De raad;  ", "", "besluit:"]) == ("De raad;", "besluit:")


@pytest.mark.parametrize("block, message, field, line_text, hint", [
    ("ontwerpbesluit:\n  aanhef: |\n    De raad van de gemeente Harderwijk;\n    besluit:\n"
     "  punten: de speeltuin aan te leggen;\n",
     "de waarde heeft de verkeerde soort", "ontwerpbesluit.punten", "punten:", None),
    ("ontwerpbesluit:\n  aanhef: |\n    De raad van de gemeente Harderwijk;\n    besluit:\n"
     "  punten:\n    - 1. de speeltuin aan te leggen;\n",
     "de waarde heeft niet de goede vorm", "ontwerpbesluit.punten[1]", "- 1. de speeltuin", "nummer"),
    ("ontwerpbesluit:\n  punten:\n    - de speeltuin aan te leggen;\n",
     "dit verplichte veld ontbreekt", "ontwerpbesluit.aanhef", "ontwerpbesluit:", "besluit:"),
    ("ontwerpbesluit:\n  aanhef: \"De raad van de gemeente Harderwijk; besluit:\"\n  punten: []\n",
     "de lijst is leeg", "ontwerpbesluit.punten", "punten:", None),
    ("ontwerpbesluit:\n  aanhef: \"De raad van de gemeente Harderwijk; besluit:\"\n"
     "  punten:\n    - de speeltuin aan te leggen;\n  slot: Aldus vastgesteld.\n",
     "dit veld bestaat niet", "ontwerpbesluit.slot", "slot:", None),
    ("ontwerpbesluit:\n  - De raad van de gemeente Harderwijk;\n  - besluit:\n",
     "de waarde heeft de verkeerde soort", "ontwerpbesluit", "ontwerpbesluit:", None),
], ids=["punten-als-tekst", "punt-met-nummer", "aanhef-ontbreekt", "geen-punten", "onbekend-veld",
        "lijst-in-plaats-van-velden"])
def test_a_wrong_shape_gives_a_dutch_problem_with_file_line_and_field(tiny_site, block, message, field,
                                                                      line_text, hint):
    content = tiny_site(besluit=False, files={VOORSTEL_PATH: _record_text(tiny_site, block)})
    errors = tiny_site.errors(content)
    assert len(errors) == 1, "\n".join(p.format() for p in errors)
    (problem,) = errors
    assert message in problem.message
    assert problem.path == VOORSTEL
    assert problem.field == field
    assert problem.line == tiny_site.line_of(content / VOORSTEL_PATH, line_text)
    if hint:
        assert hint in (problem.hint or ""), problem.format()
    formatted = problem.format()
    assert formatted.startswith(f"{VOORSTEL}:{problem.line}: veld '{field}': "), formatted


def test_besluittekst_belongs_to_an_adopted_outcome_only(tiny_site):
    tegen = [{**s, "fractiestemresultaat": "tegen"} for s in tiny_site.besluit()["stemmingen"]]
    content = tiny_site(voorstel={"ontwerpbesluit": ONTWERP},
                        besluit={"besluitresultaat": "verworpen", "stemmingen": tegen,
                                 "besluittekst": {"punten": ["de speeltuin aan te leggen;"]}})
    (problem,) = tiny_site.errors(content)
    assert problem.path == BESLUIT
    assert problem.field == "besluittekst"
    assert "alleen bij een aangenomen voorstel" in problem.message
    assert problem.line == tiny_site.line_of(content / "besluiten" / "2024-010.md", "besluittekst:")


def test_ontwerpbesluit_and_besluittekst_have_the_same_shape_in_both_schemas():
    """A clerk copies the ontwerpbesluit block into the outcome and edits the points:
    that only works while both fields are defined alike (only aanhef is optional there)."""
    voorstel = json.loads((SCHEMA_DIR / "voorstel.schema.json").read_text(encoding="utf-8"))
    besluit = json.loads((SCHEMA_DIR / "besluit.schema.json").read_text(encoding="utf-8"))
    ontwerp, aangenomen = voorstel["properties"]["ontwerpbesluit"], besluit["properties"]["besluittekst"]
    assert ontwerp["properties"] == aangenomen["properties"]
    assert ontwerp["required"] == ["aanhef", "punten"] and aangenomen["required"] == ["punten"]


# --- export --------------------------------------------------------------------------


def test_the_export_carries_the_ontwerpbesluit_and_the_adopted_text(tiny_site):
    content = tiny_site(voorstel={"ontwerpbesluit": ONTWERP},
                        besluit={"besluittekst": {"punten": ["een krediet van € 150.000 beschikbaar te stellen;"]}})
    (dossier,) = tiny_site.load(content).dossiers
    record = export.dossier_record(dossier)
    assert record["ontwerpbesluit"] == {"aanhef": list(AANHEF), "punten": list(PUNTEN)}
    assert record["besluittekst"] == {"aanhef": [], "punten": ["een krediet van € 150.000 beschikbaar te stellen;"]}
    open_record = export.dossier_record(tiny_site.load(tiny_site(besluit=False)).dossiers[0])
    assert open_record["ontwerpbesluit"] is None and open_record["besluittekst"] is None


# --- the page ------------------------------------------------------------------------

OPEN_ID = "2024-011"
PLAIN_ID = "2024-012"
GEAMENDEERD = ("een krediet van € 150.000 beschikbaar te stellen voor een speeltuin in Drielanden;",
               "het college op te dragen kinderen te laten meekiezen over de speeltoestellen;",
               "de kapitaallasten te verwerken in de begroting 2024.")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """One build: 2024-010 adopted with an amendment and its adopted text; 2024-011 still
    open, with a point that holds markup characters; 2024-012 open, without ontwerpbesluit."""
    from conftest import run_pelican

    site = TinySite(tmp_path_factory.mktemp("ontwerpbesluit"))
    votes = site.besluit()["stemmingen"]
    open_ontwerp = {"aanhef": ONTWERP["aanhef"].replace("16 januari 2024", "6 februari 2024"),
                    "punten": ['de regeling "Spelen <b>&</b> bewegen" vast te stellen;', PUNTEN[1]]}
    content = site(
        voorstel={"ontwerpbesluit": ONTWERP},
        besluit={"besluitresultaat": "geamendeerd aangenomen",
                 "amendementen": [{"titel": "Kinderen kiezen mee", "besluitresultaat": "aangenomen",
                                   "stemmingen": votes}],
                 "besluittekst": {"punten": list(GEAMENDEERD)}},
        files={f"voorstellen/{OPEN_ID}-bankjes.md": site.voorstel(
            id=OPEN_ID, titel="Nieuwe bankjes in het Stadspark", datumIngediend="2024-02-06",
            behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28"}], ontwerpbesluit=open_ontwerp),
               f"voorstellen/{PLAIN_ID}-fietsrekken.md": site.voorstel(
            id=PLAIN_ID, titel="Meer fietsrekken bij het station",
            behandeling=[{"gremium": "gemeenteraad", "datum": "2027-01-28"}])},
    )
    out = content.parent / "out"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.output
    return out


def _box(out: Path, dossier_id: str):
    page = BeautifulSoup((out / "dossiers" / f"{dossier_id}.html").read_text(encoding="utf-8"), "html.parser")
    boxes = page.select(f'section[data-role="ontwerp"][data-dossier="{dossier_id}"]')
    assert len(boxes) == 1, f"{dossier_id}: precies één ontwerpbesluit verwacht"
    return boxes[0]


def _aanhef_lines(box) -> list[str]:
    return [r.strip() for r in box.select_one(".ontwerpbesluit__aanhef").get_text().splitlines() if r.strip()]


def test_an_open_voorstel_shows_the_draft_with_the_exact_formula(built):
    box = _box(built, OPEN_ID)
    rij = tekst(Status.IN_BEHANDELING)
    assert "ontwerpbesluit--voorstel" in box["class"]
    heading = box.find("h2")
    assert heading.get_text(strip=True) == rij.ontwerp_kop
    assert box["aria-labelledby"] == heading["id"]
    assert box.select_one(".ontwerpbesluit__uitleg").get_text(strip=True) == rij.ontwerp_uitleg
    assert "ontwerp" in rij.ontwerp_uitleg.lower()  # it says it is a draft
    assert _aanhef_lines(box) == [AANHEF[0], AANHEF[1].replace("16 januari", "6 februari"), *AANHEF[2:]]
    assert _aanhef_lines(box)[-1] == "besluit:"
    punten = box.select("ol.ontwerpbesluit__punten > li")
    assert [li.get_text(strip=True) for li in punten] == ['de regeling "Spelen <b>&</b> bewegen" vast te stellen;',
                                                          PUNTEN[1]]
    assert punten[0].find("b") is None, "record text is text, never markup"


def test_the_box_follows_what_the_college_asks(built):
    box = _box(built, OPEN_ID)
    previous = box.find_previous_sibling("section")
    assert previous is not None and previous.get("aria-labelledby") == "gevraagd"


def test_an_adopted_dossier_shows_the_decision_with_the_adopted_text(built):
    box = _box(built, "2024-010")
    assert "ontwerpbesluit--besluit" in box["class"]
    assert box.find("h2").get_text(strip=True) == "Het besluit van de raad"
    assert box.find("h2").get_text(strip=True) == tekst(Status.GEAMENDEERD_AANGENOMEN).ontwerp_kop
    assert box.select_one(".ontwerpbesluit__uitleg").get_text(strip=True) == \
        tekst(Status.GEAMENDEERD_AANGENOMEN).ontwerp_uitleg
    assert _aanhef_lines(box) == list(AANHEF)  # the voorstel's aanhef: the outcome left it out
    assert [li.get_text(strip=True) for li in box.select("ol.ontwerpbesluit__punten > li")] == list(GEAMENDEERD)


def test_a_dossier_without_ontwerpbesluit_has_no_box(built):
    page = (built / "dossiers" / f"{PLAIN_ID}.html").read_text(encoding="utf-8")
    assert 'data-role="ontwerp"' not in page
    assert 'class="ontwerpbesluit' not in page
