"""The SVG charts carry their text alternatives: role, title, desc with every figure."""

from __future__ import annotations

from lxml import etree

from raadsinfo.bomenbalans import Bomenbalans, Jaarbalans, bomenbalans
from raadsinfo.charts import bomenbalans_svg, stemming_svg
from raadsinfo.model import Stemming, Stemronde

SVG = "{http://www.w3.org/2000/svg}"

RONDE = Stemronde((
    Stemming("Harderwijk Anders", "voor", 10, 0),
    Stemming("VVD", "verdeeld", 2, 1),
    Stemming("Gemeentebelang", "tegen", 0, 3),
    Stemming("SGP", "voor", 0, 0, afwezig=1),
    Stemming("Lijst <Smit> & Co", "voor", 1, 0),
))


def parse(svg: str):
    return etree.fromstring(svg.encode())


def check_labelled(root) -> tuple[str, str]:
    """The chart is an image labelled by its own title and desc; returns their texts."""
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    assert len(ids) == 2
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert [title.get("id"), desc.get("id")] == ids
    return title.text, desc.text


def test_vote_chart_is_labelled_and_its_desc_has_every_figure():
    root = parse(stemming_svg(RONDE, "Stemming per fractie op 6 juni 2024", uid="s1"))
    title, desc = check_labelled(root)
    assert title == "Stemming per fractie op 6 juni 2024"
    assert desc.startswith("13 raadsleden stemden voor, 4 tegen.")
    for part in ("Harderwijk Anders: 10 voor, 0 tegen.", "VVD: 2 voor, 1 tegen.", "Gemeentebelang: 0 voor, 3 tegen.",
                 "SGP: 0 voor, 0 tegen, 1 afwezig.", "Lijst <Smit> & Co: 1 voor, 0 tegen."):
        assert part in desc


def test_vote_chart_shows_numbers_as_text_and_does_not_rely_on_colour():
    svg = stemming_svg(RONDE, "Stemming", uid="s1")
    root = parse(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "VVD" in texts and "2 voor, 1 tegen" in texts
    assert "voor" in texts and "tegen" in texts  # legend in words
    assert root.find(f".//{SVG}pattern[@id='s1-tegen']") is not None  # tegen is hatched
    tegen_bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == "url(#s1-tegen)" and r.get("y") != "8"]
    assert len(tegen_bars) == 2  # VVD and Gemeentebelang
    # bar widths follow the seats: 10 seats voor is 10 times 1 seat voor
    voor = {float(r.get("width")) for r in root.iter(f"{SVG}rect") if r.get("fill") == "#1d6b3e"
            and r.get("y") != "8"}
    assert max(voor) / min(voor) == 10


def test_ids_are_unique_per_chart():
    a, b = stemming_svg(RONDE, "A", uid="a"), stemming_svg(RONDE, "B", uid="b")
    assert parse(a).get("aria-labelledby") != parse(b).get("aria-labelledby")


def test_no_votes_no_chart():
    assert stemming_svg(Stemronde(()), "Leeg") == ""


def test_bomenbalans_chart_is_labelled_and_matches_the_figures():
    balans = Bomenbalans([Jaarbalans(gekapt=14, herplant=20, jaar=2024), Jaarbalans(gekapt=8, herplant=12, jaar=2025)],
                         gepland=bomenbalans([]).gepland)
    root = parse(bomenbalans_svg(balans))
    title, desc = check_labelled(root)
    assert title == "Bomen gekapt en geplant per jaar"
    assert desc == ("2024: 14 bomen gekapt, 20 nieuwe bomen geplant. 2025: 8 bomen gekapt, 12 nieuwe bomen geplant. "
                    "Samen: 22 bomen gekapt, 32 nieuwe bomen geplant.")
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for value in ("2024", "2025", "14", "20", "8", "12", "gekapt", "nieuw geplant"):
        assert value in texts


def test_bomenbalans_without_decisions_has_no_chart():
    assert bomenbalans_svg(bomenbalans([])) == ""
