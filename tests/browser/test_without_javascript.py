"""Everything but search works without JavaScript; the search page says so."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def page_nojs(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_lists_and_dossiers_work_without_javascript(page_nojs, sample):
    target = sample.dossiers[0]
    page = page_nojs
    page.goto("/index.html")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Alle voorstellen en besluiten").click()
    page.wait_for_url("**/dossiers/index.html")
    page.get_by_role("main").get_by_role("link", name=target.label_titel, exact=True).click()
    page.wait_for_url(f"**/{target.url}")
    assert page.get_by_role("heading", level=1).inner_text() == target.label_titel


def test_search_page_explains_it_needs_javascript(page_nojs):
    page = page_nojs
    page.goto("/zoeken.html")
    main = page.get_by_role("main")
    assert "Zoeken werkt alleen met JavaScript" in main.inner_text()
    main.get_by_role("link", name="per onderwerp").click()
    page.wait_for_url("**/onderwerpen/index.html")


def test_search_page_hides_the_notice_when_javascript_is_on(page):
    page.goto("/zoeken.html")
    page.wait_for_selector("input.pagefind-ui__search-input")
    assert "Zoeken werkt alleen met JavaScript" not in page.get_by_role("main").inner_text()
