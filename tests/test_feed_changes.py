"""Each change a subscriber should know of reaches the feeds exactly once, and nothing else moves.

A tiny site is built with Pelican before and after one change (tests/conftest.py,
``tiny_site`` and ``run_pelican``); every feed of both builds is compared entry by
entry. A change adds exactly the expected new entries, or moves ``updated`` of exactly
the expected entries, in the feeds that should carry them, and leaves every other entry
byte for byte as it was (id, dates, title, summary, text, links).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import FRACTIES_2026, TinySite, run_pelican
from lxml import etree
from test_nieuws import UNDECIDED, files_for

AUTH = "tag:raadsinformatie.harderwijk.example,2024:"
ATOM = "{http://www.w3.org/2005/Atom}"

PAST_VOTE = {  # the council met on 2026-10-29; the outcome is recorded in build "uitkomst"
    "id": "2026-043",
    "titel": "Nieuwe regels voor terrassen",
    "datumIngediend": "2026-09-01",
    "onderwerpen": ["verkeer"],
    "behandeling": [{"gremium": "gemeenteraad", "datum": "2026-10-29", "tijd": "19:30"}],
}
OUTCOME_PAST_VOTE = {
    "voorstel": "2026-043", "vergaderdatum": "2026-10-29", "besluitresultaat": "aangenomen",
    "stemmingen": [{"fractie": n, "fractiestemresultaat": "tegen" if n == "SGP" else "voor"}
                   for n, _ in FRACTIES_2026],
    "besluittoelichting": "De raad wil dat terrassen in de binnenstad ruimte laten voor voetgangers.",
}
WIJZIGING = {"datum": "2026-11-25", "omschrijving": "Het bedrag in de samenvatting was fout; het is 50.000 euro."}


def _moved(voorstel: dict) -> dict:
    changed = copy.deepcopy(voorstel)
    changed["behandeling"][1] = {"gremium": "gemeenteraad", "datum": "2027-01-14", "tijd": "19:30",
                                 "eerder": ["2026-12-17"]}
    return changed


def _scenarios(tiny: TinySite) -> dict[str, dict]:
    """name -> the content: ``files``, and changes to the default voorstel and besluit (2024-010)."""
    def files(*voorstellen, besluiten=()):
        """The base voorstellen, with any of them replaced or added by ``voorstellen``."""
        ids = {v["id"] for v in voorstellen}
        base = [v for v in (UNDECIDED, PAST_VOTE) if v["id"] not in ids]
        return files_for(tiny, *base, *voorstellen, besluiten=besluiten)

    corrected = dict(UNDECIDED, samenvatting="Het college wil 50.000 euro uitgeven aan kunst en cultuur op het "
                                             "plein. Bewoners mochten meedenken.", wijzigingen=[WIJZIGING])
    wijziging_2024 = [{"datum": "2024-03-08", "omschrijving": "De datum van de raadsvergadering was fout."}]
    return {
        "basis": {"files": files()},
        "opnieuw": {"files": files()},
        "verplaatst": {"files": files(_moved(UNDECIDED))},
        "verbeterd": {"files": files(corrected)},
        "uitkomst": {"files": files(besluiten=[OUTCOME_PAST_VOTE])},
        "gemeenteblad": {"files": files(), "besluit": {
            "bekendmaking": {"datum": "2024-03-07", "url": "https://voorbeeld.harderwijk.example/gemeenteblad/1"}}},
        "nieuw": {"files": files(dict(UNDECIDED, id="2026-045", titel="Een bankje bij de haven",
                                      datumIngediend="2026-11-02"))},
        "vergaderdatum": {
            "files": files(),
            "voorstel": {"behandeling": [
                {"gremium": "commissie-samenleving", "datum": "2024-02-08", "tijd": "19:30"},
                {"gremium": "gemeenteraad", "datum": "2024-03-07", "tijd": "19:30"}],
                "wijzigingen": wijziging_2024},
            "besluit": {"vergaderdatum": "2024-03-07", "wijzigingen": wijziging_2024},
        },
    }


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tiny = TinySite(tmp_path_factory.mktemp("wijzigingen"))
    out = {}
    for name, plan in _scenarios(tiny).items():
        content = tiny(voorstel=plan.get("voorstel"), besluit=plan.get("besluit"), files=plan["files"], name=name)
        result = run_pelican(content, content.parent / "output")
        assert result.returncode == 0, result.output
        out[name] = content.parent / "output"
    return out


def feeds(out: Path) -> dict[str, dict[str, bytes]]:
    """feed path -> {entry id: the entry's bytes} of every Atom feed."""
    found = {}
    for path in sorted((out / "feeds").rglob("*.atom.xml")):
        root = etree.fromstring(path.read_bytes())
        found[path.relative_to(out).as_posix()] = {
            e.findtext(f"{ATOM}id"): etree.tostring(e) for e in root.iter(f"{ATOM}entry")}
    return found


def updated(entry: bytes) -> str:
    return etree.fromstring(entry).findtext(f"{ATOM}updated")


def diff(builds, before: str, after: str):
    """(added ids per feed, changed ids per feed), and a check that no entry disappeared."""
    a, b = feeds(builds[before]), feeds(builds[after])
    assert set(a) <= set(b), set(a) - set(b)  # no feed disappears; a new dossier brings its own
    added, changed = {}, {}
    for path in b:
        old = a.get(path, {})
        assert set(old) <= set(b[path]), (path, set(old) - set(b[path]))
        added[path] = set(b[path]) - set(old)
        changed[path] = {i for i in old if old[i] != b[path][i]}
    return added, changed


def carriers(per_feed: dict[str, set[str]], entry_id: str) -> set[str]:
    return {path for path, ids in per_feed.items() if entry_id in ids}


def test_a_rebuild_is_byte_identical(builds):
    for path in sorted(builds["basis"].rglob("*")):
        if path.is_file() and path.suffix in {".xml", ".ics", ".json", ".csv"}:
            twin = builds["opnieuw"] / path.relative_to(builds["basis"])
            assert path.read_bytes() == twin.read_bytes(), path


def test_a_moved_vote_is_one_new_entry_in_the_dossier_and_main_feeds(builds):
    added, changed = diff(builds, "basis", "verplaatst")
    new = AUTH + "dossier/2026-040/verplaatst/gemeenteraad/2026-12-17"
    assert {i for ids in added.values() for i in ids} == {new}
    assert not any(changed.values()), {p: c for p, c in changed.items() if c}
    assert carriers(added, new) == {
        "feeds/alles.atom.xml", "feeds/voorstellen.atom.xml", "feeds/dossier/2026-040.atom.xml",
        "feeds/gremium/gemeenteraad.atom.xml", "feeds/onderwerp/groen.atom.xml", "feeds/onderwerp/wonen.atom.xml"}
    entry = etree.fromstring(feeds(builds["verplaatst"])["feeds/alles.atom.xml"][new])
    assert entry.findtext(f"{ATOM}title").startswith(
        "Stemming verplaatst naar 14 januari 2027 – Voorstel aan de raad: ")
    assert "verplaatst naar donderdag 14 januari 2027" in entry.findtext(f"{ATOM}summary")
    assert [c.get("term") for c in entry.iter(f"{ATOM}category") if c.get("scheme").endswith("/label")] == \
        ["voorstel"]


def test_a_correction_moves_updated_of_its_entry_only(builds):
    added, changed = diff(builds, "basis", "verbeterd")
    voorstel = AUTH + "dossier/2026-040/voorstel"
    assert not any(added.values())
    assert {i for ids in changed.values() for i in ids} == {voorstel}
    before, after = feeds(builds["basis"]), feeds(builds["verbeterd"])
    path = "feeds/dossier/2026-040.atom.xml"
    assert updated(after[path][voorstel]) > updated(before[path][voorstel])
    assert updated(after[path][voorstel]).startswith("2026-11-25T")
    entry = etree.fromstring(after[path][voorstel])
    assert entry.findtext(f"{ATOM}published") == etree.fromstring(before[path][voorstel]).findtext(f"{ATOM}published")
    assert "Gewijzigd op woensdag 25 november 2026: Het bedrag in de samenvatting was fout" in \
        entry.findtext(f"{ATOM}summary")
    # the dossier page says what changed and when
    page = (builds["verbeterd"] / "dossiers" / "2026-040.html").read_text(encoding="utf-8")
    assert 'id="wijzigingen"' in page and "Het bedrag in de samenvatting was fout" in page
    assert 'id="wijzigingen"' not in (builds["basis"] / "dossiers" / "2026-040.html").read_text(encoding="utf-8")


def test_an_outcome_is_one_new_entry_also_for_every_fractie_that_voted(builds):
    added, changed = diff(builds, "basis", "uitkomst")
    new = AUTH + "dossier/2026-043/besluit"
    assert {i for ids in added.values() for i in ids} == {new}
    assert not any(changed.values())
    fracties = {f"feeds/fractie/{n.lower().replace(' ', '-')}.atom.xml" for n, _ in FRACTIES_2026}
    assert carriers(added, new) == {
        "feeds/alles.atom.xml", "feeds/besluiten.atom.xml", "feeds/dossier/2026-043.atom.xml",
        "feeds/gremium/gemeenteraad.atom.xml", "feeds/onderwerp/verkeer.atom.xml", *fracties}


def test_the_gemeenteblad_is_one_new_entry(builds):
    added, changed = diff(builds, "basis", "gemeenteblad")
    new = AUTH + "dossier/2024-010/bekendmaking"
    assert {i for ids in added.values() for i in ids} == {new}
    assert not any(changed.values())
    assert {"feeds/besluiten.atom.xml", "feeds/dossier/2024-010.atom.xml"} <= carriers(added, new)
    assert "feeds/voorstellen.atom.xml" not in carriers(added, new)


def test_a_new_voorstel_is_one_new_entry(builds):
    added, changed = diff(builds, "basis", "nieuw")
    new = AUTH + "dossier/2026-045/voorstel"
    assert {i for ids in added.values() for i in ids} == {new}
    assert not any(changed.values())
    assert {"feeds/alles.atom.xml", "feeds/voorstellen.atom.xml", "feeds/dossier/2026-045.atom.xml",
            "feeds/gremium/commissie-ruimte.atom.xml", "feeds/gremium/gemeenteraad.atom.xml"} <= carriers(added, new)


def test_a_corrected_vergaderdatum_keeps_the_id_and_moves_updated(builds):
    added, changed = diff(builds, "basis", "vergaderdatum")
    assert not any(added.values())  # the decision does not appear twice
    besluit, voorstel = AUTH + "dossier/2024-010/besluit", AUTH + "dossier/2024-010/voorstel"
    assert {i for ids in changed.values() for i in ids} == {besluit, voorstel}
    before, after = feeds(builds["basis"]), feeds(builds["vergaderdatum"])
    for entry_id in (besluit, voorstel):
        assert updated(after["feeds/alles.atom.xml"][entry_id]) > updated(before["feeds/alles.atom.xml"][entry_id])


def test_no_two_entries_of_a_feed_share_updated(builds):
    for name in ("basis", "verplaatst", "uitkomst", "gemeenteblad", "vergaderdatum"):
        for path, entries in feeds(builds[name]).items():
            moments = [updated(e) for e in entries.values()]
            assert len(moments) == len(set(moments)), (name, path)
