"""Feeds (plugins/feeds): valid Atom and RSS, stable ids and dates, labels, discovery.

Most tests read the output of real Pelican builds of one tiny site (built once per
module): A, A again (a plain rebuild), B (an unrelated record changed), C (an outcome
recorded) and P (built with publishconf.py). Atom is checked against the RELAX NG
schema of RFC 4287 (tests/data/atom.rng), every feed with feedparser.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ONDERWERPEN, TinySite, dump_yaml, run_pelican
from feedgen.feed import FeedGenerator
from feeds.lijsten import alle_feeds
from feeds.schrijver import Entries, Feed, Uitgever, atom, atom_en_rss, rss, xml_tekst
from lxml import etree
from test_nieuws import AANGEHOUDEN, INGETROKKEN, UNDECIDED, files_for

from raadsinfo import nieuws

DATA = Path(__file__).parent / "data"
DEV = "http://localhost:8000"
PUBLIC = "https://raadsinformatie.harderwijk.example"
ATOM_NS = "{http://www.w3.org/2005/Atom}"

PAST_VOTE = {  # the council met, the outcome is not recorded yet (build C records it)
    "id": "2026-043",
    "titel": "Nieuwe regels voor terrassen",
    "datumIngediend": "2026-09-01",
    "onderwerpen": ["verkeer"],
    "behandeling": [{"gremium": "gemeenteraad", "datum": "2026-10-29", "tijd": "19:30"}],
}
OUTCOME_PAST_VOTE = {"voorstel": "2026-043", "vergaderdatum": "2026-10-29", "besluitresultaat": "aangenomen",
                     "indicatieHamerstuk": True}
OUTCOMES = [
    {"voorstel": "2026-041", "vergaderdatum": "2026-06-25", "besluitresultaat": "aangehouden"},
    {"voorstel": "2026-042", "vergaderdatum": "2026-09-24", "besluitresultaat": "ingetrokken"},
]
EMPTY_TOPIC = {"slug": "sport", "naam": "Sport & spel"}


def _files(tiny: TinySite, voorstellen=(UNDECIDED, AANGEHOUDEN, INGETROKKEN, PAST_VOTE), besluiten=OUTCOMES):
    files = files_for(tiny, *voorstellen, besluiten=besluiten)
    onderwerpen = copy.deepcopy(ONDERWERPEN)
    onderwerpen["onderwerpen"].append(EMPTY_TOPIC)
    files["raad/onderwerpen.yaml"] = dump_yaml(onderwerpen)
    return files


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tiny = TinySite(tmp_path_factory.mktemp("feeds"))
    base = _files(tiny)
    changed = _files(tiny, voorstellen=(dict(UNDECIDED, titel="Een andere titel", datumIngediend="2026-10-21"),
                                        AANGEHOUDEN, INGETROKKEN, PAST_VOTE))
    decided = _files(tiny, besluiten=OUTCOMES + [OUTCOME_PAST_VOTE])
    plans = {"A": (base, "pelicanconf.py"), "A2": (base, "pelicanconf.py"), "B": (changed, "pelicanconf.py"),
             "C": (decided, "pelicanconf.py"), "P": (base, "publishconf.py")}
    out = {}
    for name, (files, settings) in plans.items():
        content = tiny(files=files, name=name)
        target = content.parent / "output"
        result = run_pelican(content, target, settings=settings)
        assert result.returncode == 0, result.output
        out[name] = target
    return out


@pytest.fixture(scope="module")
def rng():
    return etree.RelaxNG(etree.parse(str(DATA / "atom.rng")))


def feed_files(out: Path) -> list[Path]:
    return sorted((out / "feeds").rglob("*.xml"))


def parse(path: Path):
    return feedparser.parse(path.read_bytes())


def entries(path: Path) -> dict:
    """id -> (published, updated, title) of every entry of a feed."""
    return {e.id: (e.get("published"), _updated(e), e.title) for e in parse(path).entries}


def _updated(entry):
    # dict.get: feedparser's own get() maps a missing 'updated' to 'published', with a warning
    return dict.get(entry, "updated")


def terms(entry, scheme_end: str) -> list[str]:
    return [t.term for t in entry.get("tags", []) if (t.scheme or "").endswith(scheme_end)]


# --- validity ----------------------------------------------------------------------


def test_every_feed_exists_and_parses_without_warnings(builds):
    files = feed_files(builds["A"])
    names = {str(p.relative_to(builds["A"])) for p in files}
    expected = {f"feeds/{n}.{f}.xml" for n in ("alles", "voorstellen", "besluiten") for f in ("atom", "rss")}
    expected |= {f"feeds/onderwerp/{o}.{f}.xml" for o in ("wonen", "verkeer", "groen", "onderwijs", "bestuur", "sport")
                 for f in ("atom", "rss")}
    expected |= {f"feeds/dossier/{d}.{f}.xml" for d in ("2024-010", "2026-040", "2026-041", "2026-042", "2026-043")
                 for f in ("atom", "rss")}
    fracties = ("harderwijk-anders", "christenunie", "vvd", "cda", "gemeentebelang", "d66", "pvda", "groenlinks",
                "sgp", "partij-voor-de-dieren")  # of both council periods of the tiny site
    expected |= {f"feeds/fractie/{n}.{f}.xml" for n in fracties for f in ("atom", "rss")}
    expected |= {f"feeds/gremium/{g}.{f}.xml" for g in ("commissie-ruimte", "commissie-samenleving", "gemeenteraad")
                 for f in ("atom", "rss")}
    assert names == expected
    for path in files:
        parsed = parse(path)
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert parsed.version == ("atom10" if path.name.endswith(".atom.xml") else "rss20"), path


def test_every_atom_feed_validates_against_the_rfc4287_schema(builds, rng):
    for out in builds.values():
        for path in feed_files(out):
            if path.name.endswith(".atom.xml"):
                doc = etree.parse(str(path))
                assert rng.validate(doc), f"{path}: {rng.error_log}"


def test_the_schema_rejects_broken_atom(builds, rng):
    doc = etree.parse(str(builds["A"] / "feeds" / "alles.atom.xml"))
    entry = doc.getroot().find(f"{ATOM_NS}entry")
    entry.remove(entry.find(f"{ATOM_NS}updated"))
    assert not rng.validate(doc)
    doc = etree.parse(str(builds["A"] / "feeds" / "alles.atom.xml"))
    doc.getroot().remove(doc.getroot().find(f"{ATOM_NS}id"))
    assert not rng.validate(doc)


def test_atom_rng_is_the_conversion_of_the_rfc_rnc():
    rnc2rng = pytest.importorskip("rnc2rng")
    converted = rnc2rng.dumps(rnc2rng.load(str(DATA / "atom.rnc")))
    # XML 1.0 cannot declare an empty prefix (xmlns:local=""); the converted file drops it.
    converted = re.sub(r'\s*xmlns:local=""', "", converted)
    assert etree.tostring(etree.fromstring(converted.encode())) == etree.tostring(etree.parse(str(DATA / "atom.rng")))


def test_special_characters_survive_in_atom_and_rss(builds):
    title = "Voorstel aan de raad: " + UNDECIDED["titel"]
    for fmt in ("atom", "rss"):
        parsed = parse(builds["A"] / "feeds" / "dossier" / f"2026-040.{fmt}.xml")
        [entry] = parsed.entries
        assert entry.title == title
        assert "&" in entry.title and "<Vischmarkt>" in entry.title and "🎉" in entry.title and "’t" in entry.title
        assert parsed.feed.title.startswith(title)
    topic = parse(builds["A"] / "feeds" / "onderwerp" / "sport.atom.xml")
    assert topic.feed.title == "Raadsinformatie Harderwijk: Sport & spel"


def test_an_empty_topic_still_yields_a_valid_feed(builds, rng):
    for fmt in ("atom", "rss"):
        path = builds["A"] / "feeds" / "onderwerp" / f"sport.{fmt}.xml"
        parsed = parse(path)
        assert not parsed.bozo and parsed.entries == []
    doc = etree.parse(str(builds["A"] / "feeds" / "onderwerp" / "sport.atom.xml"))
    assert rng.validate(doc)
    # its 'updated' is the newest record date of the site, not the build time
    assert parse(builds["A"] / "feeds" / "onderwerp" / "sport.atom.xml").feed.updated == \
        parse(builds["A"] / "feeds" / "alles.atom.xml").feed.updated


# --- feed metadata -------------------------------------------------------------------


def test_feeds_have_absolute_self_and_alternate_links_and_dutch_words(builds):
    out = builds["A"]
    for path in feed_files(out):
        parsed = parse(path)
        url = f"{DEV}/{path.relative_to(out)}"
        links = {link.rel: link.href for link in parsed.feed.links}
        assert links["self"] == url, path
        assert links["alternate"].startswith(DEV + "/") and links["alternate"].endswith(".html")
        assert (out / links["alternate"][len(DEV) + 1:]).exists(), links["alternate"]
        assert parsed.feed.language == "nl"
        assert parsed.feed.title and (parsed.feed.get("subtitle") or parsed.feed.get("description"))
    alles = parse(out / "feeds" / "alles.atom.xml").feed
    assert alles.title == "Raadsinformatie Harderwijk: voorstellen en besluiten"
    assert alles.id == "tag:raadsinformatie.harderwijk.example,2024:feed/alles"
    # the newest record, not the clock: 09:00 and 2 * (1 * 1000 + 40) seconds for dossier 2026-040
    assert alles.updated == "2026-10-20T09:34:40+02:00"
    rss = parse(out / "feeds" / "alles.rss.xml").feed
    assert rss.link == f"{DEV}/dossiers/index.html"


def test_publishconf_uses_the_public_address_with_the_same_ids(builds):
    dev, public = builds["A"], builds["P"]
    for path in feed_files(dev):
        rel = path.relative_to(dev)
        assert entries(path) == entries(public / rel)
        parsed = parse(public / rel)
        assert {link.rel: link.href for link in parsed.feed.links}["self"] == f"{PUBLIC}/{rel}"
        assert all(e.link.startswith(PUBLIC + "/dossiers/") for e in parsed.entries)
    assert "localhost" not in (public / "feeds" / "alles.atom.xml").read_text(encoding="utf-8")


# --- entries -----------------------------------------------------------------------


def test_entries_link_to_the_dossier_and_carry_label_and_dossier(builds):
    for fmt in ("atom", "rss"):
        for e in parse(builds["A"] / "feeds" / f"alles.{fmt}.xml").entries:
            [dossier_id] = terms(e, "/feeds/dossier")
            assert e.link == f"{DEV}/dossiers/{dossier_id}.html"
            [label] = terms(e, "/feeds/label")
            assert label == ("voorstel" if e.title.startswith("Voorstel") else "besluit")
            assert e.id.startswith(f"tag:raadsinformatie.harderwijk.example,2024:dossier/{dossier_id}/")


def test_every_entry_of_an_undecided_dossier_is_labelled_voorstel(builds):
    undecided = {"2026-040", "2026-041", "2026-042", "2026-043"}
    seen = set()
    for path in feed_files(builds["A"]):
        for e in parse(path).entries:
            [dossier_id] = terms(e, "/feeds/dossier")
            if dossier_id in undecided:
                seen.add(dossier_id)
                assert terms(e, "/feeds/label") == ["voorstel"], (path, e.title)
                assert e.title.startswith(("Voorstel aan de raad: ", "Voorstel uitgesteld: ",
                                           "Voorstel ingetrokken: ")), e.title
                assert "Besluit" not in e.title
    assert seen == undecided


def test_voorstellen_and_besluiten_feeds_split_by_label(builds):
    out = builds["A"]
    alles = entries(out / "feeds" / "alles.atom.xml")
    voorstellen = parse(out / "feeds" / "voorstellen.atom.xml").entries
    besluiten = parse(out / "feeds" / "besluiten.atom.xml").entries
    assert all(terms(e, "/feeds/label") == ["voorstel"] for e in voorstellen)
    assert [e.title for e in besluiten] == ["Aangenomen: Nieuwe speeltuin in Drielanden"]
    assert {e.id for e in voorstellen} | {e.id for e in besluiten} == set(alles)
    titles = {e.title for e in voorstellen}
    assert "Voorstel uitgesteld: Parkeren in de binnenstad" in titles
    assert "Voorstel ingetrokken: Verkoop van het oude gemeentehuis" in titles


def test_entries_are_newest_first_and_a_dossier_feed_has_all_its_own(builds):
    parsed = parse(builds["A"] / "feeds" / "alles.atom.xml")
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    dossier = parse(builds["A"] / "feeds" / "dossier" / "2026-041.atom.xml").entries
    assert [e.title for e in dossier] == ["Voorstel uitgesteld: Parkeren in de binnenstad",
                                          "Voorstel aan de raad: Parkeren in de binnenstad"]
    topic = parse(builds["A"] / "feeds" / "onderwerp" / "verkeer.atom.xml").entries
    assert {terms(e, "/feeds/dossier")[0] for e in topic} == {"2026-041", "2026-043"}


def test_main_feeds_keep_the_most_recent_entries_and_dossier_feeds_all(tiny_site):
    site = tiny_site.load(tiny_site(files=_files(tiny_site)))
    feeds = {f.pad_atom: f for f in alle_feeds(site, "Test", "example.org,2024", max_items=2)}
    alles = feeds["feeds/alles.atom.xml"].berichten
    assert [b.titel for b in alles] == ["Voorstel aan de raad: " + UNDECIDED["titel"],
                                       "Voorstel ingetrokken: Verkoop van het oude gemeentehuis"]
    assert len(feeds["feeds/dossier/2026-041.atom.xml"].berichten) == 2
    assert len(alle_feeds(site, "Test", "example.org,2024")[0].berichten) == 8  # default 50: all of them


def test_writer_never_uses_the_build_time(tiny_site):
    site = tiny_site.load(tiny_site())
    [feed] = [f for f in alle_feeds(site, "Test", "example.org,2024") if f.pad_atom.endswith("/alles.atom.xml")]
    uitgever = Uitgever("https://x.example", "Griffie")
    empty = Feed("a.xml", "r.xml", "tag:example.org,2024:leeg", "Leeg", "Niets", "index.html", ())
    for data in (atom(feed, uitgever), rss(feed, uitgever), atom(empty, uitgever), rss(empty, uitgever)):
        text = data.decode()
        assert "2026" not in text and "2025" not in text, text  # only record dates (2024) appear


def _reference_bytes(feed: Feed, uitgever: Uitgever, fmt: str) -> bytes:
    """The writer as it was before entries were shared: one generator per feed and format.

    Kept here on purpose as the yardstick for the fast path (shared entries, one
    generator for both formats, dossier feeds cut from the site-wide list).
    """
    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(xml_tekst(feed.titel))
    fg.subtitle(xml_tekst(feed.beschrijving))
    fg.author({"name": uitgever.naam, "email": uitgever.email} if uitgever.email else {"name": uitgever.naam})
    pad = feed.pad_atom if fmt == "atom" else feed.pad_rss
    fg.link(href=f"{uitgever.base}/{pad}", rel="self", type=f"application/{fmt}+xml")
    fg.link(href=f"{uitgever.base}/{feed.html_pad}", rel="alternate", type="text/html")
    fg.language("nl")
    fg.updated(feed.updated)
    fg.pubDate(feed.updated)
    fg.generator("python-feedgen (Raadsinformatie)")
    for b in feed.berichten:
        fe = fg.add_entry(order="append")
        fe.id(b.id)
        fe.title(xml_tekst(b.titel))
        fe.link(href=f"{uitgever.base}/{b.url}", rel="alternate", type="text/html")
        fe.summary(xml_tekst(b.samenvatting))
        fe.content(xml_tekst(b.inhoud), type="html")
        fe.published(b.published)
        fe.updated(b.updated)
        fe.category([{"term": b.label.value, "scheme": f"{uitgever.base}/feeds/label"},
                     {"term": b.dossier_id, "scheme": f"{uitgever.base}/feeds/dossier"}]
                    + [{"term": s, "scheme": f"{uitgever.base}/feeds/onderwerp",
                        "label": xml_tekst((uitgever.onderwerp_namen or {}).get(s, s))} for s in b.onderwerpen])
    return fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)


@pytest.mark.parametrize("max_items", [2, 50])
def test_shared_entries_give_the_bytes_of_one_generator_per_feed(tiny_site, max_items):
    """The build shares one feedgen entry per event over all feeds and both formats."""
    site = tiny_site.load(tiny_site(files=_files(tiny_site)))
    feeds = alle_feeds(site, "Test & co", "example.org,2024", max_items=max_items)
    uitgever = Uitgever("https://x.example", "Griffie", "griffie@x.example",
                        {o.slug: o.naam for o in site.onderwerpen})
    shared = Entries(uitgever)
    for feed in feeds:  # in build order: the main feeds fill the cache the others reuse
        data_atom, data_rss = atom_en_rss(feed, uitgever, shared)
        assert data_atom == _reference_bytes(feed, uitgever, "atom") == atom(feed, uitgever), feed.pad_atom
        assert data_rss == _reference_bytes(feed, uitgever, "rss") == rss(feed, uitgever), feed.pad_rss
    assert sum(len(f.berichten) for f in feeds) > len(shared._made)  # entries were shared
    dossier_feeds = {f.pad_atom: f for f in feeds if "/dossier/" in f.pad_atom}
    for d in site.dossiers:  # cut from the site-wide list, as if built per dossier
        expected = nieuws.newest_first(nieuws.berichten_van(d, "example.org,2024"))
        assert list(dossier_feeds[f"feeds/dossier/{d.id}.atom.xml"].berichten) == expected
    with pytest.raises(ValueError):
        atom_en_rss(feeds[0], Uitgever("https://y.example", "Griffie"), shared)


# --- stability -----------------------------------------------------------------------


def test_a_rebuild_gives_identical_feeds(builds):
    for path in feed_files(builds["A"]):
        assert path.read_bytes() == (builds["A2"] / path.relative_to(builds["A"])).read_bytes(), path


def test_changing_an_unrelated_record_keeps_every_other_id_and_date(builds):
    a, b = builds["A"], builds["B"]
    compared = 0
    for path in feed_files(a):
        rel = path.relative_to(a)
        before = parse(path).entries
        after = {e.id: e for e in parse(b / rel).entries}
        for e in before:
            if terms(e, "/feeds/dossier") == ["2026-040"]:
                continue
            assert e.id in after, (rel, e.id)
            assert (after[e.id].get("published"), _updated(after[e.id])) == \
                (e.get("published"), _updated(e)), (rel, e.id)
            compared += 1
    assert compared > 20
    # the changed record's own entry keeps its id too; its date follows its record
    [changed] = parse(b / "feeds" / "dossier" / "2026-040.atom.xml").entries
    assert changed.id.endswith(":dossier/2026-040/voorstel") and changed.published.startswith("2026-10-21")


def test_recording_an_outcome_adds_exactly_one_entry_and_removes_none(builds):
    a, c = builds["A"], builds["C"]
    for name in ("alles", "besluiten"):
        for fmt in ("atom", "rss"):
            before = entries(a / "feeds" / f"{name}.{fmt}.xml")
            after = entries(c / "feeds" / f"{name}.{fmt}.xml")
            added = set(after) - set(before)
            assert len(after) == len(before) + 1 and len(added) == 1 and set(before) <= set(after)
            assert all(after[k] == v for k, v in before.items())
            [new] = added
            assert new.endswith(":dossier/2026-043/besluit")  # no date in it: a date may be corrected
            assert after[new][2] == "Aangenomen zonder stemming: Nieuwe regels voor terrassen"
    # the voorstellen feed neither gains nor loses: the voorstel's own entry stays
    assert entries(a / "feeds" / "voorstellen.atom.xml") == entries(c / "feeds" / "voorstellen.atom.xml")


# --- discovery -----------------------------------------------------------------------


def alternates(page: Path) -> dict:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = {}
    for link in soup.select('head link[rel~="alternate"]'):
        found[link["href"]] = link["type"]
    return found


def resolve(page: Path, href: str) -> Path:
    return (page.parent / href).resolve()


def test_every_page_links_the_main_feeds(builds):
    out = builds["A"]
    pages = list(out.glob("*.html")) + list((out / "dossiers").glob("*.html")) + \
        list((out / "onderwerpen").glob("*.html")) + list((out / "status").glob("*.html"))
    assert len(pages) > 10
    for page in pages:
        links = alternates(page)
        targets = {resolve(page, href).relative_to(out.resolve()).as_posix(): t for href, t in links.items()}
        for name in ("alles", "voorstellen", "besluiten"):
            assert targets.get(f"feeds/{name}.atom.xml") == "application/atom+xml", page
            assert targets.get(f"feeds/{name}.rss.xml") == "application/rss+xml", page
        for href in links:
            assert resolve(page, href).exists(), (page, href)


def test_dossier_and_topic_pages_link_their_own_feeds(builds):
    out = builds["A"]
    page = out / "dossiers" / "2026-040.html"
    links = {resolve(page, h).relative_to(out.resolve()).as_posix() for h in alternates(page)}
    assert {"feeds/dossier/2026-040.atom.xml", "feeds/dossier/2026-040.rss.xml"} <= links
    page = out / "onderwerpen" / "verkeer.html"
    links = {resolve(page, h).relative_to(out.resolve()).as_posix() for h in alternates(page)}
    assert {"feeds/onderwerp/verkeer.atom.xml", "feeds/onderwerp/verkeer.rss.xml"} <= links
    assert not any("/dossier/" in link for link in links)
    home = {resolve(out / "index.html", h).relative_to(out.resolve()).as_posix()
            for h in alternates(out / "index.html")}
    assert not any("/dossier/" in link or "/onderwerp/" in link for link in home)


def test_dossier_page_has_a_visible_follow_link(builds):
    out = builds["A"]
    page = out / "dossiers" / "2026-040.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    volg = soup.select_one(".dossier__volg")
    assert volg is not None and "Volg dit dossier" in volg.get_text()
    hrefs = [resolve(page, a["href"].split("#")[0]).relative_to(out.resolve()).as_posix() for a in volg.select("a")]
    assert {"feeds/dossier/2026-040.rss.xml", "feeds/dossier/2026-040.atom.xml",
            "agenda/dossier/2026-040.ics", "pers.html"} <= set(hrefs)


def test_pers_page_lists_every_feed_and_the_calendar(builds):
    out = builds["A"]
    page = out / "pers.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == "Voor de pers"
    addresses = {i["value"] for i in soup.select("input.pers__adres")}
    for path in ["feeds/alles.atom.xml", "feeds/alles.rss.xml", "feeds/voorstellen.rss.xml",
                 "feeds/besluiten.atom.xml", "feeds/onderwerp/sport.rss.xml", "agenda/vergaderingen.ics"]:
        assert f"{DEV}/{path}" in addresses
        assert (out / path).exists()
    text = " ".join(soup.get_text(" ").split())
    assert "Voorstel aan de raad" in text and "nog geen besluit" in text
    # reachable: the footer of every page links it
    footer = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser").footer
    assert any(a["href"].endswith("pers.html") for a in footer.select("a"))
    public = BeautifulSoup((builds["P"] / "pers.html").read_text(encoding="utf-8"), "html.parser")
    assert f"{PUBLIC}/feeds/alles.atom.xml" in {i["value"] for i in public.select("input.pers__adres")}


def test_pers_page_has_party_and_committee_feeds_contact_schedule_open_data_and_an_example(builds):
    out = builds["A"]
    soup = BeautifulSoup((out / "pers.html").read_text(encoding="utf-8"), "html.parser")
    addresses = {i["value"] for i in soup.select("input.pers__adres")}
    for path in ["feeds/fractie/sgp.atom.xml", "feeds/fractie/partij-voor-de-dieren.rss.xml",
                 "feeds/gremium/commissie-ruimte.atom.xml", "feeds/gremium/gemeenteraad.rss.xml",
                 "data/dossiers.json", "data/dossiers.csv", "data/stemmingen.csv"]:
        assert f"{DEV}/{path}" in addresses, path
        assert (out / path).exists(), path
    contact = soup.find(id="perscontact").find_next("p")
    assert "pers.griffie@voorbeeld.harderwijk.example" in contact.get_text()
    assert contact.select_one('a[href^="tel:"]')["href"] == "tel:0341411911"
    assert "05.15 uur" in soup.find(id="bijwerken").find_next("p").get_text()
    hrefs = {a["href"] for a in soup.select("a[href]")}
    assert any(h.endswith("open-data.html") for h in hrefs)
    # a current example: the dossier with the latest news, shown with its label
    example = soup.select_one('[data-role="entry"] a[data-role="kop"]')
    assert example["data-dossier"] == "2026-040"
    assert example.get_text() == "Voorstel aan de raad: " + UNDECIDED["titel"]
