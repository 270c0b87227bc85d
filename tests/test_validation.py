"""Every bad input from issue 2 gives one clear Dutch problem naming file, line and field.

Each case writes a tiny site with one thing broken, loads it with the real loader and
checks the problem: the Dutch message, the file, the line and the field. Each case is
also run through ``invoke check`` in-process to prove the exit status is non-zero and
the report shows the message. The real command line (``pelican``, ``invoke check`` as
a process) is covered in test_build_errors.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from invoke import Context, Exit

import tasks

VOORSTEL = "content/voorstellen/2024-010-speeltuin-drielanden.md"
BESLUIT = "content/besluiten/2024-010.md"
NIEUW = "content/voorstellen/2024-011-nieuw.md"


@dataclass
class Case:
    """One broken input and the problem it must produce."""

    name: str
    message: str  # a part of the Dutch message
    file: str  # path as shown in the report
    line: int | str | None  # a line number, or a text on the expected line, or None
    field: str | None
    voorstel: dict | bool | None = None
    besluit: dict | bool | None = None
    files: dict = field(default_factory=dict)
    hint: str | None = None  # a part of the hint, when one is expected
    found: str | None = None  # a part of 'gevonden'


def _text(tiny, **changes) -> str:
    return tiny.record(tiny.voorstel(**changes))


#: The 2022-2026 council of the tiny site (see conftest.py), in the order of its votes.
FRACTIES_2022 = ["Harderwijk Anders", "ChristenUnie", "VVD", "CDA", "Gemeentebelang", "D66", "PvdA",
                 "GroenLinks", "SGP"]


def _base_votes(changes: dict | None = None) -> list[dict]:
    """The tiny site's default votes (only Gemeentebelang against), with some entries changed."""
    votes = [{"fractie": n, "fractiestemresultaat": "tegen" if n == "Gemeentebelang" else "voor"}
             for n in FRACTIES_2022]
    for v in votes:
        v.update((changes or {}).get(v["fractie"], {}))
    return votes


ALL_TEGEN = {n: {"fractiestemresultaat": "tegen"} for n in
             ("Harderwijk Anders", "ChristenUnie", "VVD", "CDA", "D66", "PvdA", "GroenLinks", "SGP")}

CASES = [
    Case("geen voorkant", "de voorkant (front matter) ontbreekt", NIEUW, 1, None,
         files={"voorstellen/2024-011-nieuw.md": "id: \"2024-011\"\ntitel: Zonder streepjes\n\nTekst.\n"},
         hint="'---'"),
    Case("voorkant niet afgesloten", "de voorkant (front matter) wordt niet afgesloten", NIEUW, 1, None,
         files={"voorstellen/2024-011-nieuw.md": "---\nid: \"2024-011\"\ntitel: Niet afgesloten\n\nTekst.\n"}),
    Case("voorkant is een lijst", "de voorkant bevat geen velden", NIEUW, 2, None,
         files={"voorstellen/2024-011-nieuw.md": "---\n- id\n- titel\n---\nTekst.\n"}, found="een lijst"),
    Case("voorkant is losse tekst", "de voorkant bevat geen velden", NIEUW, 2, None,
         files={"voorstellen/2024-011-nieuw.md": "---\nzomaar wat tekst\n---\nTekst.\n"}, found="losse tekst"),
    Case("inspringen met een tab", "de regel springt in met een tab", VOORSTEL, "\tdatum: '2024-02-08'", None,
         files={"voorstellen/2024-010-speeltuin-drielanden.md": "TAB"}, hint="spaties"),
    Case("verplicht veld ontbreekt", "dit verplichte veld ontbreekt", VOORSTEL, 2, "samenvatting",
         voorstel={"samenvatting": None}, hint="Wat hier hoort"),
    Case("onbekend veld (title)", "dit veld bestaat niet", VOORSTEL, "title:", "title",
         voorstel={"titel": None, "title": "Nieuwe speeltuin in Drielanden"}, hint="'titel'"),
    Case("titel ontbreekt, title gevonden", "dit verplichte veld ontbreekt", VOORSTEL, 2, "titel",
         voorstel={"titel": None, "title": "Nieuwe speeltuin in Drielanden"}, hint="'title'"),
    Case("verkeerde soort: tekst in plaats van lijst", "de waarde heeft de verkeerde soort", VOORSTEL,
         "onderwerpen:", "onderwerpen", voorstel={"onderwerpen": "onderwijs"}, found="'onderwijs'"),
    Case("verkeerde soort: genest", "de waarde heeft de verkeerde soort", VOORSTEL, "bedrag:", "kosten.bedrag",
         voorstel={"kosten": {"bedrag": "veel geld"}}, found="'veel geld'"),
    Case("tijd zonder aanhalingstekens", "de waarde heeft de verkeerde soort", VOORSTEL, "tijd: 19:30",
         "behandeling[1].tijd", files={"voorstellen/2024-010-speeltuin-drielanden.md": "TIJD"}, hint='"19:30"'),
    Case("datum bestaat niet", "deze datum bestaat niet", VOORSTEL, "datumIngediend:", "datumIngediend",
         voorstel={"datumIngediend": "2026-02-30"}, found="2026-02-30"),
    Case("datum bestaat niet, genest", "deze datum bestaat niet", VOORSTEL, "2024-02-30", "behandeling[2].datum",
         voorstel={"behandeling": [{"gremium": "commissie-samenleving", "datum": "2024-02-08"},
                                   {"gremium": "gemeenteraad", "datum": "2024-02-30"}]}),
    Case("onbekend besluitresultaat", "deze waarde is niet toegestaan", BESLUIT, "besluitresultaat:",
         "besluitresultaat", besluit={"besluitresultaat": "aangenomenn"}, hint="'aangenomen'",
         found="'aangenomenn'"),
    Case("besluit zonder voorstel", "er is geen voorstel met dit id", "content/besluiten/2024-019.md",
         "voorstel:", "voorstel", besluit=False,
         files={"besluiten/2024-019.md": {"voorstel": "2024-019", "vergaderdatum": "2024-02-29",
                                          "besluitresultaat": "aangehouden"}},
         hint="'2024-010'"),
    Case("twee keer hetzelfde id", "dit id wordt al gebruikt", "content/voorstellen/2024-010-zz-kopie.md",
         "id:", "id", files={"voorstellen/2024-010-zz-kopie.md": "VOORSTEL"}, hint=VOORSTEL),
    Case("twee definitieve uitkomsten", "dit voorstel heeft al een definitieve uitkomst",
         "content/besluiten/2024-010-later.md", "besluitresultaat:", "besluitresultaat",
         voorstel={"behandeling": [{"gremium": "gemeenteraad", "datum": "2024-02-29"},
                                   {"gremium": "gemeenteraad", "datum": "2024-03-21"}]},
         files={"besluiten/2024-010-later.md": "LATER"}, hint="content/besluiten/2024-010.md"),
    Case("fractie niet in de raad op die datum", "deze fractie zat niet in de raad van periode 2022-2026", BESLUIT,
         "fractie: Partij voor de Dieren", "stemmingen[10].fractie",
         besluit={"stemmingen": _base_votes() + [{"fractie": "Partij voor de Dieren",
                                                  "fractiestemresultaat": "voor"}]}),
    Case("fractie verkeerd gespeld", "deze fractie zat niet in de raad", BESLUIT, "fractie: Groenlinks",
         "stemmingen[8].fractie", besluit={"stemmingen": _base_votes({"GroenLinks": {"fractie": "Groenlinks"}})},
         hint="'GroenLinks'"),
    Case("meer stemmen dan zetels", "meer stemmen dan zetels voor VVD", BESLUIT, "fractie: VVD", "stemmingen[3]",
         besluit={"stemmingen": _base_votes({"VVD": {"voor": 5}})}, found="samen 5"),
    Case("verdeelde fractie telt meer dan zetels", "meer stemmen dan zetels voor CDA", BESLUIT, "fractie: CDA",
         "stemmingen[4]", besluit={"stemmingen": _base_votes(
             {"CDA": {"fractiestemresultaat": "verdeeld", "voor": 2, "tegen": 2}})}),
    Case("verdeelde fractie telt minder dan zetels", "tellen niet op tot haar zetels", BESLUIT, "fractie: CDA",
         "stemmingen[4]", besluit={"stemmingen": _base_votes(
             {"CDA": {"fractiestemresultaat": "verdeeld", "voor": 1, "tegen": 1}})}, hint="'afwezig'"),
    Case("aangenomen met een meerderheid tegen", "'aangenomen' volgt niet uit de stemmen", BESLUIT,
         "besluitresultaat:", "besluitresultaat", besluit={"stemmingen": _base_votes(ALL_TEGEN)},
         found="0 voor, 29 tegen"),
    Case("unaniem met tegenstemmen", "'unaniem aangenomen' kan niet: er waren tegenstemmen", BESLUIT,
         "besluitresultaat:", "besluitresultaat", besluit={"besluitresultaat": "unaniem aangenomen"},
         found="26 voor, 3 tegen"),
    Case("vergaderdatum voor indiening", "de vergaderdatum is eerder dan de datum waarop het voorstel is ingediend",
         BESLUIT, "vergaderdatum:", "vergaderdatum", besluit={"vergaderdatum": "2024-01-10"},
         found="2024-01-10"),
    Case("behandeling voor indiening", "deze vergadering is eerder dan de datum waarop het voorstel is ingediend",
         VOORSTEL, "2023-12-01", "behandeling[1].datum",
         voorstel={"behandeling": [{"gremium": "commissie-samenleving", "datum": "2023-12-01"},
                                   {"gremium": "gemeenteraad", "datum": "2024-02-29"}]}),
    Case("niet UTF-8", "het bestand is niet opgeslagen als UTF-8", NIEUW, 3, None,
         files={"voorstellen/2024-011-nieuw.md": "---\nid: \"2024-011\"\ntitel: Caf\xe9 aan de haven\n---\n"
                .encode("latin-1")}, hint="UTF-8"),
    Case("leeg bestand", "het bestand is leeg", NIEUW, None, None, files={"voorstellen/2024-011-nieuw.md": ""}),
    Case("bestand met alleen witruimte", "het bestand is leeg", NIEUW, None, None,
         files={"voorstellen/2024-011-nieuw.md": "\n  \n\n"}),
    Case("dubbel veld", "dit veld staat twee keer in hetzelfde blok", VOORSTEL, "titel: Tweede titel", "titel",
         files={"voorstellen/2024-010-speeltuin-drielanden.md": "DUBBEL"}, found="regel 3 en regel"),
    Case("dubbel veld, genest", "dit veld staat twee keer in hetzelfde blok", BESLUIT, "fractiestemresultaat: tegen",
         "stemmingen[1].fractiestemresultaat", files={"besluiten/2024-010.md": "DUBBEL_GENEST"}),
    Case("hamerstuk met stemmingen", "een hamerstuk heeft geen stemming", BESLUIT, "stemmingen:", "stemmingen",
         besluit={"indicatieHamerstuk": True}),
    Case("hamerstuk verworpen", "een hamerstuk is altijd aangenomen", BESLUIT, "besluitresultaat:",
         "besluitresultaat", besluit={"indicatieHamerstuk": True, "stemmingen": None,
                                      "besluitresultaat": "verworpen"}),
    Case("status in het voorstel", "dit veld bestaat niet", VOORSTEL, "status:", "status",
         voorstel={"status": "aangenomen"}, hint="content/besluiten/"),
    Case("besluitresultaat in het voorstel", "dit veld bestaat niet", VOORSTEL, "besluitresultaat:",
         "besluitresultaat", voorstel={"besluitresultaat": "aangenomen"}, hint="content/besluiten/"),
    Case("aangehouden met stemmingen", "bij 'aangehouden' is er niet gestemd", BESLUIT, "stemmingen:",
         "stemmingen", besluit={"besluitresultaat": "aangehouden", "besluittoelichting": None}),
    Case("aangenomen zonder stemmingen", "bij 'aangenomen' horen de stemmingen per fractie", BESLUIT,
         "besluitresultaat:", "besluitresultaat", besluit={"stemmingen": None}),
    Case("id niet tussen aanhalingstekens als getal", "de waarde heeft de verkeerde soort", VOORSTEL, "id:", "id",
         voorstel={"id": 2024010}, hint="aanhalingstekens"),
    Case("ongeldige YAML", "er staat een dubbele punt op een plek waar dat niet mag", VOORSTEL,
         "titel: Speeltuin: nieuw", None, files={"voorstellen/2024-010-speeltuin-drielanden.md": "DUBBELEPUNT"},
         hint="aanhalingstekens"),
]


def _special(tiny, marker: str) -> str:
    """Hand-written variants of the default records that a dict cannot express."""
    voorstel = _text(tiny)
    if marker == "TAB":
        return voorstel.replace("  datum: '2024-02-08'", "\tdatum: '2024-02-08'")
    if marker == "TIJD":
        return voorstel.replace("tijd: '19:30'", "tijd: 19:30", 1)
    if marker == "VOORSTEL":
        return voorstel
    if marker == "DUBBEL":
        return voorstel.replace("datumIngediend:", "titel: Tweede titel\ndatumIngediend:")
    if marker == "DUBBELEPUNT":
        return voorstel.replace("titel: Nieuwe speeltuin in Drielanden", "titel: Speeltuin: nieuw")
    besluit = tiny.record(tiny.besluit(), "Verslag.\n")
    if marker == "DUBBEL_GENEST":
        return besluit.replace("  fractiestemresultaat: voor\n", "  fractiestemresultaat: voor\n"
                               "  fractiestemresultaat: tegen\n", 1)
    if marker == "LATER":
        return tiny.record(tiny.besluit(vergaderdatum="2024-03-21", besluitresultaat="verworpen",
                                        stemmingen=_base_votes(ALL_TEGEN)), "Verslag.\n")
    raise AssertionError(marker)


def make(tiny, case: Case):
    files = {k: (_special(tiny, v) if isinstance(v, str) and v.isupper() and v.isidentifier() else v)
             for k, v in case.files.items()}
    return tiny(voorstel=case.voorstel, besluit=case.besluit, files=files)


def expected_line(content, case: Case) -> int | None:
    if isinstance(case.line, str):
        return _line_of(content.parent / case.file, case.line)
    return case.line


def _line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_bytes().decode("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_dutch_problem_with_file_line_field(tiny_site, case):
    content = make(tiny_site, case)
    errors = tiny_site.errors(content)
    matching = [p for p in errors if case.message in p.message]
    assert matching, f"geen melding '{case.message}' in:\n" + "\n".join(p.format() for p in errors)
    problem = matching[0] if len(matching) == 1 else next(
        (p for p in matching if p.field == case.field), matching[0])
    assert problem.path == case.file
    assert problem.line == expected_line(content, case)
    assert problem.field == case.field
    if case.hint:
        assert case.hint in (problem.hint or ""), problem.format()
    if case.found:
        assert case.found in (problem.found or ""), problem.format()
    # The formatted line a griffie member reads starts with file:line and names the field.
    text = problem.format()
    assert text.startswith(case.file + (f":{problem.line}" if problem.line else "") + ": ")
    if case.field:
        assert f"veld '{case.field}'" in text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invoke_check_exits_non_zero_with_the_message(tiny_site, case, monkeypatch, capsys):
    content = make(tiny_site, case)
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setenv("RAADSINFO_TODAY", "2026-11-27")
    with pytest.raises(Exit) as raised:
        tasks.check(Context())
    assert raised.value.code != 0
    err = capsys.readouterr().err
    assert case.message in err
    assert case.file in err


def test_the_default_tiny_site_is_valid(tiny_site):
    """Every case above breaks a site that is otherwise valid."""
    assert tiny_site.errors(tiny_site()) == []
    assert tiny_site.besluit()["stemmingen"] == _base_votes()


def test_a_single_problem_is_reported_once(tiny_site):
    """One misspelled fractie: one problem, not also 'fractie ontbreekt'."""
    content = tiny_site(besluit={"stemmingen": _base_votes({"GroenLinks": {"fractie": "Groenlinks"}})})
    errors = tiny_site.errors(content)
    assert [p.message for p in errors] == ["deze fractie zat niet in de raad van periode 2022-2026"]


def test_a_broken_voorstel_does_not_make_its_besluit_an_orphan(tiny_site):
    """Only the real problem is reported, not 'er is geen voorstel met dit id' as a follow-on."""
    content = tiny_site(voorstel={"datumIngediend": "2024-13-01"})
    errors = tiny_site.errors(content)
    assert len(errors) == 1, "\n".join(p.format() for p in errors)
    assert errors[0].path == VOORSTEL


def test_all_problems_in_all_files_are_reported_in_one_run(tiny_site):
    content = tiny_site(
        voorstel={"titel": None, "title": "Nieuwe speeltuin in Drielanden"},
        besluit={"besluitresultaat": "unaniem aangenomen"},
        files={
            "voorstellen/2024-011-leeg.md": "",
            "voorstellen/2024-012-kapot.md": b"---\ntitel: Caf\xe9\n---\n",
            "voorstellen/2024-013-datum.md": tiny_site.record(tiny_site.voorstel(
                id="2024-013", datumIngediend="2026-02-30", behandeling=[
                    {"gremium": "gemeenteraad", "datum": "2026-02-31"}])),
        },
    )
    errors = tiny_site.errors(content)
    by_file = {}
    for p in errors:
        by_file.setdefault(p.path, []).append(p.message)
    assert set(by_file) == {
        VOORSTEL, BESLUIT, "content/voorstellen/2024-011-leeg.md", "content/voorstellen/2024-012-kapot.md",
        "content/voorstellen/2024-013-datum.md",
    }
    assert len(by_file["content/voorstellen/2024-013-datum.md"]) == 2  # both impossible dates
    with pytest.raises(Exception) as raised:
        tiny_site.load(content)
    report = raised.value.problems.report()
    assert report.splitlines()[-1] == f"{len(errors)} fouten gevonden. Los ze op en probeer het opnieuw."
    # Sorted by file, then line: a file's problems are read together.
    paths = [line.split(":")[0] for line in report.splitlines()[:-1]]
    assert paths == sorted(paths)


def test_report_is_dutch(tiny_site):
    """No English jsonschema or PyYAML text reaches griffie staff (except a quoted YAML-melding)."""
    english = re.compile(r"\b(is not|required|expected|property|properties|invalid|error|does not|"
                         r"should|must|allowed|found)\b", re.IGNORECASE)
    for case in CASES:
        content = make(tiny_site, case)
        for p in tiny_site.errors(content):
            text = p.format()
            if p.found and p.found.startswith("YAML-melding"):
                text = text.replace(p.found, "")
            assert not english.search(text), text


def test_unknown_field_lists_the_allowed_fields(tiny_site):
    content = tiny_site(voorstel={"titel": None, "title": "Nieuwe speeltuin in Drielanden"})
    problem = next(p for p in tiny_site.errors(content) if p.field == "title")
    assert "titel" in problem.expected and "samenvatting" in problem.expected
    assert problem.hint == "Bedoelt u 'titel'?"


def test_split_fractie_within_seats_is_valid(tiny_site):
    content = tiny_site(besluit={"stemmingen": _base_votes(
        {"VVD": {"fractiestemresultaat": "verdeeld", "voor": 2, "tegen": 1}})})
    assert tiny_site.errors(content) == []


def test_fractie_of_the_new_council_is_valid_after_the_election(tiny_site):
    """'Partij voor de Dieren' is only in the 2026-2030 council: valid for a 2026-06 vote."""
    new_council = FRACTIES_2022 + ["Partij voor de Dieren"]
    votes = [{"fractie": n, "fractiestemresultaat": "voor"} for n in new_council]
    content = tiny_site(
        voorstel={"datumIngediend": "2026-05-01", "behandeling": [{"gremium": "gemeenteraad",
                                                                   "datum": "2026-06-04"}]},
        besluit={"vergaderdatum": "2026-06-04", "besluitresultaat": "unaniem aangenomen", "stemmingen": votes},
    )
    assert tiny_site.errors(content) == []
    errors = tiny_site.errors(tiny_site(besluit={"stemmingen": _base_votes() + votes[-1:]}))
    assert [p.field for p in errors] == ["stemmingen[10].fractie"]


def test_problems_in_council_data_have_lines(tiny_site):
    raad = (
        "gemeente: Harderwijk\n"
        "perioden:\n"
        "  - naam: \"2022-2026\"\n"
        "    van: \"2022-03-30\"\n"
        "    tot: \"2026-04-01\"\n"
        "    zetels: 29\n"
        "    zetels: 30\n"
        "    fracties:\n"
        "      - {naam: Harderwijk Anders, zetels: 10}\n"
    )
    content = tiny_site(files={"raad/raadsperioden.yaml": raad})
    errors = tiny_site.errors(content)
    dup = next(p for p in errors if "twee keer" in p.message)
    assert (dup.path, dup.line, dup.field) == ("content/raad/raadsperioden.yaml", 7, "perioden[1].zetels")
    seats = next(p for p in errors if "tellen niet op" in p.message)
    assert (seats.line, seats.field) == (8, "perioden[1].fracties")


def test_council_data_not_utf8_is_dutch(tiny_site):
    content = tiny_site(files={"raad/onderwerpen.yaml": "onderwerpen:\n  - {slug: cafe, naam: Caf\xe9}\n"
                               .encode("latin-1")})
    errors = tiny_site.errors(content)
    problem = next(p for p in errors if p.path == "content/raad/onderwerpen.yaml")
    assert problem.message == "het bestand is niet opgeslagen als UTF-8"
    assert problem.line == 2


def test_non_markdown_file_in_records_folder_is_a_warning(tiny_site):
    # A file that does not look like a record (an attachment) is a warning; one that does
    # (.MD, .txt, .markdown, ...) is an error: tests/test_bad_input_catalogue.py.
    content = tiny_site(files={"voorstellen/2024-011-bijlage.pdf": b"%PDF-1.7\n"})
    site = tiny_site.load(content)
    [warning] = [w for w in site.warnings.warnings if "niet gelezen" in w.message]
    assert warning.path == "content/voorstellen/2024-011-bijlage.pdf"


# -- the examples in docs/ are valid records and cover the whole schema ----------------------

DOCS = tasks.ROOT / "docs"


def _schema_fields(schema: dict, defs: dict | None = None) -> set[str]:
    """Every property name in a JSON Schema, at any depth."""
    defs = defs if defs is not None else schema.get("$defs", {})
    names: set[str] = set()
    if "$ref" in schema:
        return _schema_fields(defs[schema["$ref"].split("/")[-1]], defs)
    for name, sub in schema.get("properties", {}).items():
        names.add(name)
        names |= _schema_fields(sub, defs)
    if "items" in schema:
        names |= _schema_fields(schema["items"], defs)
    return names


def _keys(data: object) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _keys(v)}
    if isinstance(data, list):
        return {k for v in data for k in _keys(v)}
    return set()


def _example_site(tiny_site):
    return tiny_site(voorstel=False, besluit=False, files={
        "voorstellen/2025-050-bomen-parkweg.md": (DOCS / "voorbeeld-voorstel.md").read_text(encoding="utf-8"),
        "besluiten/2025-050.md": (DOCS / "voorbeeld-besluit.md").read_text(encoding="utf-8"),
    })


def test_the_examples_in_docs_are_valid_records(tiny_site):
    site = tiny_site.load(_example_site(tiny_site))
    [d] = site.dossiers
    assert d.id == "2025-050"
    assert d.status.naam == "geamendeerd aangenomen" and d.is_besluit
    assert d.voorstel.bomen.gekapt == 12 and d.voorstel.kosten.bedrag == 240000
    besluit = d.besluit
    assert (besluit.stemronde.voor, besluit.stemronde.tegen) == (24, 4)
    assert besluit.stemronde.fracties_verdeeld == ["VVD"]
    assert [a.besluitresultaat for a in besluit.amendementen] == ["aangenomen"]
    assert [m.besluitresultaat for m in besluit.moties] == ["verworpen"]
    assert site.warnings.warnings == []


@pytest.mark.parametrize("kind, example", [("voorstel", "voorbeeld-voorstel.md"),
                                           ("besluit", "voorbeeld-besluit.md")])
def test_the_examples_show_every_field_with_a_comment(kind, example):
    import json

    from raadsinfo.frontmatter import read_record
    from raadsinfo.problems import Problems
    from raadsinfo.schema import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    source = read_record(DOCS / example, example, Problems())
    assert _schema_fields(schema) <= _keys(source.data), _schema_fields(schema) - _keys(source.data)
    lines = (DOCS / example).read_text(encoding="utf-8").splitlines()
    for key in source.data:
        line = source.lines[(key,)]
        above = lines[line - 2]
        assert above.startswith("#"), f"{example}: geen uitleg boven '{key}' (regel {line})"


def test_the_guide_names_every_field_and_task():
    import json

    from raadsinfo.schema import SCHEMA_DIR

    guide = (DOCS / "handleiding-griffie.md").read_text(encoding="utf-8")
    for kind in ("voorstel", "besluit"):
        schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for name in _schema_fields(schema):
            assert f"`{name}`" in guide, name
    for taak in ("check", "new", "build", "livereload", "publish", "serve"):
        assert f"invoke {taak}" in guide, taak
    for resultaat in ("unaniem aangenomen", "geamendeerd aangenomen", "onder voorbehoud aangenomen",
                      "verworpen", "aangehouden", "ingetrokken"):
        assert resultaat in guide


def test_broken_council_data_is_reported_once_not_per_vote(tiny_site):
    content = tiny_site(files={"raad/raadsperioden.yaml": "gemeente: Harderwijk\nperioden:\n\t- naam: x\n"})
    errors = tiny_site.errors(content)
    assert [(p.path, p.line, p.message) for p in errors] == [
        ("content/raad/raadsperioden.yaml", 3, "de regel springt in met een tab")]


def test_vote_date_outside_every_council_period(tiny_site):
    content = tiny_site(
        voorstel={"datumIngediend": "2021-01-05", "behandeling": [{"gremium": "gemeenteraad",
                                                                   "datum": "2021-02-04"}]},
        besluit={"vergaderdatum": "2021-02-04"},
    )
    [problem] = tiny_site.errors(content)
    assert problem.message == "voor deze vergaderdatum is geen samenstelling van de raad bekend"
    assert (problem.path, problem.field) == (BESLUIT, "vergaderdatum")
