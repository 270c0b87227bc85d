"""Property-based: sites built from generated dossiers in random states.

For every generated site (hypothesis; each example is a real Pelican build of a
tiny site, so the number of examples is small): the build passes the guard (no
false alarm on correct output), and an independent reading of EVERY output file
(BeautifulSoup for HTML, lxml for feeds, plain text for calendars, json for
exports) finds no undecided dossier labelled or described as decided and every
decided one with its result. Then one label in the output is broken on purpose and
the guard must name that dossier.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from guard import check_output
from guard_helpers import STATES, Spec, build, settings_file, write_site
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree

TITLES = [
    "Nieuwe sporthal aan de Haven",
    "Regels uit het Besluit kwaliteit leefomgeving toepassen",
    "Ontwerpbesluit parkeren in de binnenstad",
    "Zwembad & sporthal De Sypel vernieuwen",
    "Bomen langs de Stationslaan vervangen",
    "Besluitvorming over de haven in Hierden",
    "Gemeentelijke belastingen 2027",
]
SUMMARIES = [
    "Het college wil iets regelen. De raad stemt erover.",
    "Het college heeft besloten de raad voor te stellen het ontwerpbesluit vast te stellen.",
    "Het college stelt de raad voor een krediet beschikbaar te stellen. De raad besluit op 10 december.",
    "Als de raad het voorstel aanneemt, begint de bouw in 2027. Het conceptbesluit staat online.",
]
CLAIM = re.compile(r"\b(besluit\s*:|aangenomen|verworpen|besloot|heeft\s+besloten)", re.IGNORECASE)
# Allowed wording in the generated texts (the oracle is deliberately simpler than the guard).
NEGATED = re.compile(r"nog\s+niet(\s+over)?\s+besloten|niets\s+besloten|"
                     r"college heeft besloten de raad voor te stellen", re.IGNORECASE)

dossier_sets = st.lists(
    st.tuples(st.sampled_from(STATES), st.integers(0, len(TITLES) - 1), st.sampled_from(SUMMARIES)),
    min_size=1, max_size=4, unique_by=lambda t: t[1],
)


def _specs(drawn) -> list[Spec]:
    return [Spec(f"2026-{400 + i:03d}", TITLES[t], state, samenvatting=summary,
                 onderwerpen=(["wonen", "verkeer", "groen"][i % 3],))
            for i, (state, t, summary) in enumerate(drawn)]


def _claims_decided(text: str) -> bool:
    return bool(CLAIM.search(NEGATED.sub(" ", text)))


def _check_html(path: Path, specs: dict[str, Spec]) -> None:
    soup = BeautifulSoup(path.read_bytes(), "html.parser")  # an independent parser
    body = soup.body
    for el in soup.select("[data-dossier]"):
        spec = specs[el["data-dossier"]]
        assert el["data-label"] == ("besluit" if spec.decided else "voorstel"), (path, el)
        role = el.get("data-role")
        text = " ".join(el.get_text(" ").split())
        if role == "badge":
            if spec.decided:
                assert "Besluit" in text and spec.result in text, (path, text)
            else:
                assert text.startswith("Voorstel") and not _claims_decided(text), (path, text)
        if role in ("entry", "breadcrumb") or el.name == "h1":
            if not spec.decided:
                assert "Voorstel aan de raad: " + spec.titel in text, (path, text)
                assert not _claims_decided(text.replace(spec.titel, "")), (path, text)
            else:
                assert "Besluit: " + spec.titel in text, (path, text)
    page = specs.get(body.get("data-dossier")) if body else None
    if page:
        title = soup.title.get_text()
        desc = soup.find("meta", attrs={"name": "description"})["content"]
        og = soup.find("meta", attrs={"property": "og:title"})["content"]
        if page.decided:
            assert title.startswith("Besluit: ") and og.startswith("Besluit: "), path
            assert page.result in desc, path
        else:
            assert title.startswith("Voorstel aan de raad: ") and og.startswith("Voorstel aan de raad: "), path
            assert desc.startswith("Voorstel") and not _claims_decided(desc.replace(page.titel, "")), path


def _check_feed(path: Path, specs: dict[str, Spec]) -> None:
    root = etree.parse(str(path)).getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    for entry in [*root.iter(f"{atom}entry"), *root.iter("item")]:
        links = " ".join([e.get("href", "") for e in entry.iter(f"{atom}link")]
                         + [e.text or "" for e in entry.iter("link")])
        title = (entry.findtext(f"{atom}title") or entry.findtext("title") or "")
        for spec in specs.values():
            if f"dossiers/{spec.id}.html" in links and not spec.decided:
                assert "oorstel" in title and not _claims_decided(title.replace(spec.titel, "")), (path, title)


def _check_ics(path: Path, specs: dict[str, Spec]) -> None:
    text = re.sub(r"\r?\n[ \t]", "", path.read_text(encoding="utf-8"))
    for block in text.split("BEGIN:VEVENT")[1:]:
        summary = next((line[line.index(":") + 1:] for line in block.splitlines() if line.startswith("SUMMARY")), "")
        for spec in specs.values():
            if f"dossiers/{spec.id}.html" in block and not spec.decided:
                assert "oorstel" in summary and not _claims_decided(summary), (path, summary)


def _check_json(path: Path, specs: dict[str, Spec]) -> None:
    def walk(node):
        if isinstance(node, dict):
            if node.get("id") in specs and "label" in node:
                spec = specs[node["id"]]
                assert node["label"] == ("besluit" if spec.decided else "voorstel"), (path, node["id"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(path.read_text(encoding="utf-8")))


# Each example is a real build (~1-2 s): few examples, and no shrinking (a failing
# site is small already; shrinking would rebuild it hundreds of times).
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(drawn=dossier_sets, seed=st.integers(0, 10_000))
def test_every_output_labels_every_dossier_right(drawn, seed):
    specs = {s.id: s for s in _specs(drawn)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = write_site(tmp / "content", list(specs.values()))
        result = build(content, tmp / "out", settings_file(tmp))
        assert result.returncode == 0, result.stderr[-3000:]
        out = tmp / "out"
        checked = 0
        for path in sorted(out.rglob("*")):
            if not path.is_file() or "theme" in path.parts:
                continue
            check = {".html": _check_html, ".xml": _check_feed, ".ics": _check_ics, ".json": _check_json}.get(
                path.suffix)
            if check:
                check(path, specs)
                checked += 1
        assert checked >= 5
        for spec in specs.values():  # every dossier has its page, with its label and result
            html = (out / "dossiers" / f"{spec.id}.html").read_text(encoding="utf-8")
            expected = f"Besluit: {spec.result}" if spec.decided else "Voorstel"
            assert expected in html

        # Break one label on purpose: the guard must catch it and name the dossier.
        rng = random.Random(seed)
        victim = rng.choice(sorted(specs.values(), key=lambda s: s.id))
        page = out / "dossiers" / f"{victim.id}.html"
        text = page.read_text(encoding="utf-8")
        if victim.decided:
            broken = text.replace(f"<h1 data-dossier=\"{victim.id}\" data-label=\"besluit\"",
                                  f"<h1 data-dossier=\"{victim.id}\" data-label=\"voorstel\"")
        else:
            broken = text.replace("Voorstel aan de raad: ", "Besluit: ")
        assert broken != text
        page.write_text(broken, encoding="utf-8")
        report = check_output(out, _dossiers(content))
        assert any(v.dossier == victim.id and v.file == f"dossiers/{victim.id}.html" for v in report.violations), \
            report.text()


def _dossiers(content: Path):
    from datetime import date

    from raadsinfo.loader import load_site

    return load_site(content, today=date(2026, 11, 27)).dossiers
