"""Every feed of the sample site passes the W3C Feed Validator: 0 errors, 0 warnings.

The validator is the library behind validator.w3.org/feed, vendored in
tests/vendor/feedvalidator (licence and source in that folder). The sample is built
with publishconf.py, as it is published, and every feed is validated with its public
address as base, so that the validator's check of rel="self" is real. It also shows
what the site promises subscribers: every move, outcome and publication in the
Gemeenteblad of the sample is an entry, and attachments are enclosures.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, run_pelican
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent / "vendor" / "feedvalidator"))

import feedvalidator  # noqa: E402
from feedvalidator import logging as fv_logging  # noqa: E402
from feedvalidator.formatter.text_plain import Formatter  # noqa: E402

PUBLIC = "https://raadsinformatie.harderwijk.example"
TODAY = date(2026, 11, 27)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("w3c") / "output"
    result = run_pelican(ROOT / "content", out, settings="publishconf.py", today=TODAY,
                         extra_settings={"SITEURL": PUBLIC, "FEED_SITEURL": PUBLIC})
    assert result.returncode == 0, result.output
    return out


def feed_paths(out: Path) -> list[Path]:
    return sorted((out / "feeds").rglob("*.xml"))


def problems(path: Path, base: str) -> list[str]:
    """The validator's errors and warnings for one feed, as its own messages."""
    with path.open("rb") as stream:
        events = feedvalidator.validateStream(stream, firstOccurrenceOnly=0, base=base)["loggedEvents"]
    bad = [e for e in events if isinstance(e, (fv_logging.Error, fv_logging.Warning))]
    return [f"{type(e).__name__}: {Formatter([e])[0]}" for e in bad]


def test_the_vendored_validator_still_finds_problems(tmp_path):
    """A yardstick that never complains proves nothing: a broken feed must fail."""
    broken = tmp_path / "kapot.atom.xml"
    broken.write_text('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                      "<title>x</title><id>tag:example.org,2024:x</id><updated>2026-01-01T00:00:00Z</updated>"
                      "<entry><id>tag:example.org,2024:a</id><title>a</title><updated>2026-01-01T00:00:00Z</updated>"
                      "</entry><entry><id>tag:example.org,2024:b</id><title>b</title>"
                      "<updated>2026-01-01T00:00:00Z</updated></entry></feed>", encoding="utf-8")
    found = problems(broken, "https://example.org/kapot.atom.xml")
    assert any(p.startswith("DuplicateUpdated") for p in found), found
    assert any(p.startswith("MissingElement") or "author" in p.lower() for p in found), found


def test_every_feed_of_the_sample_has_no_errors_and_no_warnings(published):
    paths = feed_paths(published)
    kinds = {p.relative_to(published / "feeds").parts[0] for p in paths}
    assert {"alles.atom.xml", "dossier", "onderwerp", "fractie", "gremium"} <= kinds
    assert len(paths) > 150  # 51 dossiers, 9 fracties, 3 gremia, the topics and the main feeds, twice
    report = {}
    for path in paths:
        rel = path.relative_to(published).as_posix()
        found = problems(path, f"{PUBLIC}/{rel}")
        if found:
            report[rel] = found[:5]
    assert not report, report


def _entries(path: Path) -> dict:
    root = etree.parse(str(path)).getroot()
    return {e.findtext(f"{ATOM}id"): e for e in root.iter(f"{ATOM}entry")}


def test_the_sample_shows_every_kind_of_news(published):
    alles = _entries(published / "feeds" / "dossier" / "2026-044.atom.xml")
    moved = alles["tag:raadsinformatie.harderwijk.example,2024:dossier/2026-044/verplaatst/gemeenteraad/2026-11-26"]
    assert moved.findtext(f"{ATOM}title").startswith("Stemming verplaatst naar 10 december 2026 – Voorstel aan de raad")
    begroting = _entries(published / "feeds" / "dossier" / "2026-037.atom.xml")
    tag = "tag:raadsinformatie.harderwijk.example,2024:dossier/2026-037/"
    assert set(begroting) == {tag + "voorstel", tag + "besluit", tag + "bekendmaking"}
    besluit = begroting[tag + "besluit"]
    assert besluit.findtext(f"{ATOM}updated") > besluit.findtext(f"{ATOM}published")  # corrected
    summary = besluit.findtext(f"{ATOM}summary")
    assert "Motie 'OZB niet meer dan de prijzen' (ingediend door Gemeentebelang, SGP): verworpen" in summary
    assert "Gewijzigd op maandag 16 november 2026: De stemming van het CDA" in summary
    enclosures = [link for link in begroting[tag + "voorstel"].iter(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert [(link.get("type"), link.get("length")) for link in enclosures] == [("application/pdf", None)] * 2
    fractie = _entries(published / "feeds" / "fractie" / "sgp.atom.xml")
    assert tag + "besluit" in fractie


def test_every_document_of_the_sample_is_an_enclosure(published):
    from raadsinfo.loader import load_site

    site = load_site(ROOT / "content", today=TODAY)
    documents = {doc.url for d in site.dossiers for doc in d.voorstel.documenten}
    assert len(documents) >= 100
    found = set()
    for path in (published / "feeds" / "dossier").glob("*.atom.xml"):
        for entry in _entries(path).values():
            found |= {link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("rel") == "enclosure"}
    assert found == documents


def test_publishing_the_sample_twice_gives_the_same_feeds(published, tmp_path):
    again = tmp_path / "output"
    result = run_pelican(ROOT / "content", again, settings="publishconf.py", today=TODAY,
                         extra_settings={"SITEURL": PUBLIC, "FEED_SITEURL": PUBLIC})
    assert result.returncode == 0, result.output
    for path in feed_paths(published):
        assert path.read_bytes() == (again / path.relative_to(published)).read_bytes(), path
