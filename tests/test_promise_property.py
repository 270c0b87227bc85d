"""The promise as a property: whatever a clerk writes into any field of an undecided
voorstel, either the build refuses it, or no output presents the voorstel as decided.

Hypothesis writes generated claims (synonyms of a decision included), hidden
characters, look-alike letters and markup into every field a reader sees. For each
example the records are loaded as ``invoke check`` and the build load them; only when
they are accepted is the site built, and then every written file of the dossier is
read as a reader reads it (visible text, Unicode folded) by an oracle that is
independent of the project's own wording check: the claim must not be readable
anywhere. Most examples are refused at load time, so few builds are needed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import BESLUIT_PATH, FRACTIES_2022, ONDERWERPEN, TinySite, dump_yaml, run_pelican
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

pytestmark = pytest.mark.slow

#: Sentences a reader takes as "this proposal was decided". Each is written plainly here;
#: the obfuscations below hide it from a naive word list, never from a reader.
CLAIMS = [
    "De raad heeft dit voorstel aangenomen.",
    "De gemeenteraad heeft besloten.",
    "Besluit: de raad stemt in.",
    "De raad is akkoord met dit plan.",
    "De raad heeft ja gezegd.",
    "De raad gaf groen licht.",
    "De raad heeft het plan bekrachtigd.",
    "Decision: adopted.",
    "Het voorstel is unaniem aangenomen.",
    "Het plan is goedgekeurd.",
    "Aangenomen door de raad.",
    # found by the red team
    "Door de raad aangenomen.",
    "De kogel is door de kerk.",
    "Uitslag: 25 voor, 4 tegen.",
    "Het voorstel ging erdoor.",
    "De raad koos voor dit plan.",
    "Nu de raad akkoord is, begint de bouw.",
    "Raad akkoord met sporthal.",
    "Der Rat hat den Vorschlag angenommen.",
]
#: The longest word of each claim is the one that gets obfuscated.
_HIDDEN = {"zwsp": "\u200b", "wj": "\u2060", "shy": "\u00ad", "zwj": "\u200d", "lrm": "\u200e"}
_CYRILLIC_MAP = {"e": "\u0435", "a": "\u0430", "o": "\u043e"}
_CYRILLIC = str.maketrans(_CYRILLIC_MAP)


def obfuscate(claim: str, how: str, markup: bool) -> str:
    word = max(re.findall(r"\w+", claim), key=len)
    half = len(word) // 2
    if how in _HIDDEN:
        hidden = word[:half] + _HIDDEN[how] + word[half:]
    elif how == "cyrillic":
        hidden = word.translate(_CYRILLIC)
    elif how == "spaced":
        hidden = " ".join(word)
    elif how == "hyphen":
        hidden = word[:half] + "-\n" + word[half:] if markup else word[:half] + "-" + word[half:]
    elif how == "digits":
        hidden = word.replace("o", "0").replace("e", "3")
    elif how == "upper":
        hidden = word.upper()
    elif how == "markup" and markup:
        hidden = f"**{word[:half]}**{word[half:]}"
    elif how == "html" and markup:
        hidden = f"<b>{word[:half]}</b>{word[half:]}"
    else:
        hidden = word
    return claim.replace(word, hidden, 1)


def reader_text(text: str) -> str:
    """Text as a reader reads it: NFKC, invisible format characters gone, the
    look-alike letters used above folded, lower case, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = text.translate({ord(v): k for k, v in _CYRILLIC_MAP.items()})
    for claim in CLAIMS:  # written apart, with a line-end hyphen or digits: read whole, as a reader does
        word = max(re.findall(r"\w+", claim), key=len)
        for how in ("spaced", "hyphen", "digits"):
            for markup in (True, False):
                text = text.replace(obfuscate(word, how, markup).lower(), word.lower())
    return " ".join(text.lower().split())



def visible(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        tree = LexborHTMLParser(raw)
        tree.strip_tags(["script", "style", "template", "noscript"])
        parts = [tree.body.text(separator=" ") if tree.body else ""]
        parts += [n.text() for n in tree.css("title")]
        parts += [n.attributes.get(a) or "" for n in tree.css("[content], [alt], [title], [aria-label]")
                  for a in ("content", "alt", "title", "aria-label")]
        return " ".join(parts)
    if path.suffix == ".json":
        return " ".join(_strings(json.loads(raw)))
    if path.suffix in (".xml", ".atom", ".rss"):  # entry content is escaped HTML: read it as text too
        return re.sub(r"<[^>]+>", " ", re.sub(r"&lt;.*?&gt;", " ", raw))
    return raw.replace("\\,", ",").replace("\\;", ";").replace("\r\n ", "")  # ics: unfold, unescape


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _voorstel_fields(text: str, field: str) -> tuple[dict, str]:
    """The voorstel front matter and body with ``text`` put into ``field``."""
    data = TinySite.voorstel(
        documenten=[{"titel": "Raadsvoorstel speeltuin", "url": "https://voorbeeld.harderwijk.example/a.pdf"}],
        kosten={"bedrag": 120000, "toelichting": "Aanleg en onderhoud."},
        bomen={"gekapt": 3, "herplant": 5, "toelichting": "Drie zieke bomen gaan weg."},
    )
    body = "Toelichting in gewone taal.\n"
    if field == "body":
        body = f"Toelichting in gewone taal.\n\n{text}\n"
    elif field == "gevraagdBesluit":
        data["gevraagdBesluit"] = [text]
    elif field in ("titel", "samenvatting", "portefeuillehouder"):
        data[field] = text if field != "samenvatting" else f"Het college wil een speeltuin. {text}"
    elif field == "documenten.titel":
        data["documenten"][0]["titel"] = text
    elif field in ("kosten.toelichting", "bomen.toelichting"):
        data[field.split(".")[0]]["toelichting"] = text
    return data, body


def _aangehouden(text: str, field: str) -> tuple[dict, str]:
    besluit = TinySite.besluit(besluitresultaat="aangehouden", stemmingen=None,
                               besluittoelichting="De raad wil eerst meer weten. De stemming is uitgesteld.")
    body = "Verslag van de vergadering.\n"
    motie = {"titel": "Meer speeltoestellen voor kleine kinderen", "indieners": ["CDA"],
             "besluitresultaat": "aangenomen", "omschrijving": "Het college zoekt uit wat dit kost.",
             "stemmingen": [{"fractie": n, "fractiestemresultaat": "voor"} for n, _ in FRACTIES_2022]}
    if field == "uitkomst.besluittoelichting":
        besluit["besluittoelichting"] = text
    elif field == "uitkomst.body":
        body = f"Verslag van de vergadering.\n\n{text}\n"
    elif field in ("motie.titel", "motie.omschrijving"):
        motie[field.split(".")[1]] = text
        besluit["moties"] = [motie]
    elif field == "motie.indieners":
        motie["indieners"] = ["CDA", text]
        besluit["moties"] = [motie]
    return besluit, body


VOORSTEL_FIELDS = ["titel", "samenvatting", "gevraagdBesluit", "portefeuillehouder", "body", "documenten.titel",
                   "kosten.toelichting", "bomen.toelichting"]
UITKOMST_FIELDS = ["uitkomst.besluittoelichting", "uitkomst.body", "motie.titel", "motie.omschrijving",
                   "motie.indieners"]
FIELDS = VOORSTEL_FIELDS + UITKOMST_FIELDS + ["onderwerp.naam", "onderwerp.omschrijving"]


def write_site(tmp: Path, claim: str, field: str) -> Path:
    site = TinySite(tmp)
    if field in UITKOMST_FIELDS:
        besluit, body = _aangehouden(claim, field)
        data, vbody = _voorstel_fields("", "none")
        content = site(voorstel=data, besluit=False)
        (content / BESLUIT_PATH).write_text(site.record(besluit, body), encoding="utf-8")
    else:
        data, vbody = _voorstel_fields(claim, field)
        content = site(voorstel=data, besluit=False)
        if field in ("onderwerp.naam", "onderwerp.omschrijving"):
            onderwerpen = json.loads(json.dumps(ONDERWERPEN))
            onderwerpen["onderwerpen"][3][field.split(".")[1]] = claim
            (content / "raad" / "onderwerpen.yaml").write_text(dump_yaml(onderwerpen), encoding="utf-8")
    path = next((content / "voorstellen").glob("*.md"))
    path.write_text(site.record(data, vbody), encoding="utf-8")
    return content


def refused(content: Path) -> bool:
    return bool(TinySite.errors(content))


def assert_not_readable(output: Path, claim: str) -> None:
    core = reader_text(claim).rstrip(".")
    for path in sorted(output.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".ics", ".json", ".csv"):
            text = reader_text(visible(path))
            assert core not in text, f"{path.relative_to(output)} toont {claim!r} bij een voorstel dat niet besloten is"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(claim=st.sampled_from(CLAIMS), field=st.sampled_from(FIELDS),
       how=st.sampled_from(["plain", "zwsp", "wj", "shy", "zwj", "lrm", "cyrillic", "upper", "markup", "html",
                            "spaced", "hyphen", "digits"]))
def test_no_field_can_present_an_undecided_voorstel_as_decided(tmp_path_factory, claim, field, how):
    text = obfuscate(claim, how, markup=True)
    content = write_site(tmp_path_factory.mktemp("p"), text, field)
    if refused(content):
        return
    output = content.parent / "output"
    result = run_pelican(content, output)
    if result.returncode != 0:
        return  # refused by the build (the guard): the promise holds
    assert_not_readable(output, claim)


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_refuses_a_plain_claim(tmp_path, field):
    """The plain claim is refused by the check itself, in every field, with the field named."""
    content = write_site(tmp_path, "De raad heeft dit voorstel unaniem aangenomen.", field)
    errors = TinySite.errors(content)
    assert errors, f"{field}: niet geweigerd"
