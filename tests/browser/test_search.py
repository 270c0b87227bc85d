"""Search with Pagefind in a real browser: a word plus a filter leads to the right dossier."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Error as PlaywrightError

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: Every headline prefix of raadsinfo/labels.py: a result says what the dossier is.
LABELLED = re.compile(r"^(Voorstel aan de raad|Voorstel uitgesteld|Voorstel ingetrokken|Verworpen|Aangenomen|"
                      r"Aangenomen met wijzigingen|Aangenomen onder voorwaarde|Aangenomen zonder stemming|"
                      r"Unaniem aangenomen): ")


def _search(page, word: str):
    page.goto("/zoeken.html")
    box = page.get_by_role("searchbox").or_(page.locator("input.pagefind-ui__search-input")).first
    box.fill(word)
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for()
    return results


def _apply_filter(page, name: str, value: str):
    """Open the filter group ``name`` and tick ``value`` (label text starts with the value)."""
    block = page.locator(".pagefind-ui__filter-block").filter(
        has=page.locator(".pagefind-ui__filter-name", has_text=re.compile(rf"^{re.escape(name)}$", re.I)))
    summary = block.locator("summary")
    if block.get_attribute("open") is None:
        summary.click()
    block.locator("input[type=checkbox]").and_(page.locator(f'[value="{value}"]')).check()


def _result_link(page, d):
    return page.locator(f'.pagefind-ui__result-link[href$="/{d.id}.html"]')


def _result_titles(page, must_include: str | None = None, timeout: float = 10.0) -> dict[str, str]:
    """The results shown, as {file name: title}.

    Pagefind re-renders the list while it loads fragments after a filter change, so a
    read can catch it empty; read again until ``must_include`` is there (or time is up).
    """
    deadline = time.monotonic() + timeout
    while True:
        page.wait_for_load_state("networkidle")
        links = page.locator(".pagefind-ui__result-link")
        try:
            titles = {links.nth(i).get_attribute("href").split("/")[-1]: links.nth(i).inner_text()
                      for i in range(links.count())}
        except PlaywrightError:  # an element vanished between count() and reading it
            titles = {}
        if must_include is None or must_include in titles or time.monotonic() > deadline:
            return titles
        page.wait_for_timeout(200)


def _word(d) -> str:
    """The longest word from the dossier's title: specific enough to find it."""
    return max(re.findall(r"[A-Za-zÀ-ÿ]{4,}", d.titel), key=len)


@pytest.mark.parametrize("filter_name", ["jaar", "status", "onderwerp"])
def test_word_and_filter_lead_to_the_dossier(page, sample, filter_name):
    target = sample.dossiers[0]
    if filter_name == "status":
        # The status filter's values are the badge texts, so they carry the label too.
        page.goto(f"/{target.url}")
        value = page.locator('.status-box [data-role="badge"]').inner_text().strip()
        assert value.startswith("Besluit: " if target.is_besluit else "Voorstel")
    else:
        value = str(target.jaar) if filter_name == "jaar" else sample.onderwerp(target.voorstel.onderwerpen[0]).naam

    _search(page, _word(target))
    _apply_filter(page, filter_name, value)
    _result_link(page, target).wait_for()
    titles = _result_titles(page, must_include=f"{target.id}.html")

    assert f"{target.id}.html" in titles, titles
    assert all(LABELLED.match(t) for t in titles.values()), titles
    assert titles[f"{target.id}.html"] == target.label_titel

    _result_link(page, target).click()
    page.wait_for_url(f"**/{target.url}")
    assert page.get_by_role("heading", level=1).inner_text() == target.label_titel


def test_filter_excludes_other_years(page, sample):
    """The filter must really narrow the results: another year hides the dossier."""
    target = sample.dossiers[0]
    _search(page, _word(target))
    others = page.locator(".pagefind-ui__filter-block").filter(
        has=page.locator(".pagefind-ui__filter-name", has_text=re.compile("^jaar$", re.I)))
    if others.get_attribute("open") is None:
        others.locator("summary").click()
    labels = [t for t in others.locator("label").all_inner_texts() if not t.startswith(str(target.jaar))]
    assert labels, "de voorbeeldsite moet voorstellen uit meer dan één jaar hebben"
    _result_link(page, target).wait_for()
    other_year = labels[0].split()[0]
    others.locator(f'input[type=checkbox][value="{other_year}"]').check()
    _result_link(page, target).wait_for(state="detached")
