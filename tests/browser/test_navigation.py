"""A resident finds a dossier by clicking, and by keyboard only, on the built sample site."""

from __future__ import annotations

import re

import pytest

from raadsinfo import listings

from .conftest import pick

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_home_to_dossier_through_topic_list(page, sample):
    target = sample.dossiers[0]
    lijst = next(lijst for lijst in listings.by_onderwerp(sample.dossiers, sample.onderwerpen)
                 if target in lijst.dossiers)

    page.goto("/index.html")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Onderwerpen").click()
    page.wait_for_url("**/onderwerpen/index.html")
    page.get_by_role("main").get_by_role("link", name=lijst.titel, exact=True).click()
    page.wait_for_url(f"**/{lijst.url}")
    page.get_by_role("main").get_by_role("link", name=target.label_titel, exact=True).click()

    page.wait_for_url(f"**/{target.url}")
    assert page.get_by_role("heading", level=1).inner_text() == target.label_titel


@pytest.mark.parametrize("soort", ["voorstel", "besluit"])
def test_dossier_page_shows_its_status_label(page, sample, soort):
    d = pick(sample.dossiers, lambda d: d.label.value == soort, f"dossier dat een {soort} is")
    page.goto(f"/{d.url}")

    kop = d.teksten.kop
    assert kop.startswith("Voorstel") == (soort == "voorstel")
    assert page.title() == f"{kop} | Raadsinformatie Harderwijk"
    assert page.get_by_role("heading", level=1).inner_text() == kop
    badge = page.locator('.status-box [data-role="badge"]').inner_text()
    if soort == "besluit":
        assert badge.startswith("Besluit: ") and d.status.naam.split()[-1] in badge
    else:
        assert badge.startswith("Voorstel") and "Besluit" not in badge
    assert page.locator('[data-role="status"]').inner_text().startswith(d.teksten.zin)


LABELLED = re.compile(r"^(Voorstel aan de raad|Voorstel uitgesteld|Voorstel ingetrokken|Verworpen|"
                      r"Aangenomen|Aangenomen met wijzigingen|Aangenomen onder voorwaarde|Aangenomen zonder stemming|"
                      r"Unaniem aangenomen): ")


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute('href'),
                    cls: el.className, inMain: !!el.closest('main'), text: (el.innerText || '').trim()};
        }"""
    )


def test_first_tab_reaches_skip_link_that_moves_focus_to_main(page):
    page.goto("/index.html")
    page.keyboard.press("Tab")
    focused = _focused(page)
    assert focused["href"] == "#inhoud", focused
    assert page.locator(".skip-link").is_visible(), "de skiplink moet zichtbaar zijn als hij focus heeft"

    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "inhoud"
    page.keyboard.press("Tab")
    assert _focused(page)["inMain"], "na de skiplink moet Tab binnen de hoofdinhoud verder gaan"


def _tab_until(page, predicate, limit: int = 60) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if predicate(focused):
            return focused
    raise AssertionError(f"niet bereikt met {limit} keer Tab")


def test_search_is_reachable_by_keyboard_only(page, sample):
    page.goto("/index.html")
    _tab_until(page, lambda f: f["tag"] == "a" and f["text"] == "Zoeken")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken.html")
    page.wait_for_selector("input.pagefind-ui__search-input")

    focused = _tab_until(page, lambda f: f["tag"] == "input" and "pagefind-ui__search-input" in f["cls"])
    assert focused["inMain"]
    word = sample.dossiers[0].titel.split()[-1]
    page.keyboard.type(word)
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    assert re.match(LABELLED, results.first.inner_text())
