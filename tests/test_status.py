"""The status of a dossier and the labelling rule ("voorstel, niet besluit").

Only a council outcome from a vote or a hamerstuk (aangenomen in any form, or
verworpen) makes a besluit; everything else stays a voorstel.
"""

from __future__ import annotations

import json

import pytest

from raadsinfo.schema import SCHEMA_DIR
from raadsinfo.status import VOTED_RESULTS, Label, Status

BESLUIT = {"unaniem aangenomen", "aangenomen", "geamendeerd aangenomen", "onder voorbehoud aangenomen", "verworpen"}
VOORSTEL = {"aangehouden", "ingetrokken"}


@pytest.mark.parametrize("resultaat", sorted(BESLUIT))
def test_a_voted_outcome_makes_a_besluit(resultaat):
    status = Status.from_resultaat(resultaat)
    assert status.naam == resultaat
    assert status.final
    assert status.label is Label.BESLUIT


@pytest.mark.parametrize("resultaat", sorted(VOORSTEL))
def test_postponed_or_withdrawn_stays_a_voorstel(resultaat):
    status = Status.from_resultaat(resultaat)
    assert not status.final
    assert status.label is Label.VOORSTEL


def test_in_behandeling_is_a_voorstel_and_not_a_recordable_result():
    assert Status.IN_BEHANDELING.label is Label.VOORSTEL
    with pytest.raises(KeyError):
        Status.from_resultaat("in behandeling")


def test_unknown_result_is_not_silently_a_status():
    with pytest.raises(KeyError):
        Status.from_resultaat("besloten")


def test_ods_codes():
    codes = {s.naam: s.info.ods_code for s in Status}
    assert codes == {
        "in behandeling": None, "aangehouden": "U", "ingetrokken": None, "unaniem aangenomen": "UA",
        "aangenomen": "A", "geamendeerd aangenomen": "GA", "onder voorbehoud aangenomen": "OA", "verworpen": "V",
    }


def test_adopted_and_voted_sets():
    assert VOTED_RESULTS == BESLUIT
    assert {s.naam for s in Status if s.info.adopted} == BESLUIT - {"verworpen"}


def test_slugs_are_unique():
    assert len({s.slug for s in Status}) == len(Status)


def test_label_is_a_plain_string_for_templates_and_exports():
    assert Label.BESLUIT == "besluit" and str(Label.VOORSTEL) == "voorstel"


def test_schema_results_match_the_statuses():
    """The JSON Schema (what griffie staff may write) and the status list agree."""
    schema = json.loads((SCHEMA_DIR / "besluit.schema.json").read_text(encoding="utf-8"))
    allowed = set(schema["properties"]["besluitresultaat"]["enum"])
    assert allowed == BESLUIT | VOORSTEL
    assert allowed == {s.naam for s in Status if s is not Status.IN_BEHANDELING}
