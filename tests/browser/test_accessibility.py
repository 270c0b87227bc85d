"""axe-core finds no WCAG 2.1 AA violations on any page type of the sample site.

axe-core is vendored and pinned in ``vendor/axe-core/`` (see VERSION there).
"""

from __future__ import annotations

from datetime import date

import pytest

from raadsinfo import agenda, listings, vergaderingen

from .conftest import SAMPLE_TODAY, pick

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_TYPES = ["home", "dossier-voorstel", "dossier-besluit", "lijst", "lijsten", "alle-dossiers",
              "inhoudspagina", "zoeken", "zoeken-met-resultaten", "vergaderingen", "vergadering-komend",
              "vergadering-geweest"]
#: Checked again on a phone-sized screen, where the layout (and so contrast and overlap) differs.
PHONE = ["home", "dossier-besluit", "zoeken-met-resultaten", "vergadering-komend", "vergadering-geweest"]


def _vergadering(sample, komend: bool) -> str:
    today = date.fromisoformat(SAMPLE_TODAY)
    alle = agenda.vergaderingen(sample.dossiers)
    v = (vergaderingen.volgende_raad(alle, today) if komend
         else next(v for v in reversed(alle) if v.punten and vergaderingen.is_voorbij(v, today)))
    return "/" + vergaderingen.pad(v.gremium, v.datum)


def _path(kind: str, sample) -> str:
    if kind == "home":
        return "/index.html"
    if kind == "dossier-voorstel":
        return "/" + pick(sample.dossiers, lambda d: not d.is_besluit, "voorstel").url
    if kind == "dossier-besluit":
        return "/" + pick(sample.dossiers, lambda d: d.is_besluit, "besluit").url
    if kind == "lijst":
        return "/" + next(lijst for lijst in listings.by_onderwerp(sample.dossiers, sample.onderwerpen)
                          if lijst.dossiers).url
    if kind == "lijsten":
        return "/onderwerpen/index.html"
    if kind == "alle-dossiers":
        return "/dossiers/index.html"
    if kind == "inhoudspagina":
        return "/over-deze-site.html"
    if kind == "vergaderingen":
        return "/vergaderingen/index.html"
    if kind.startswith("vergadering-"):
        return _vergadering(sample, kind == "vergadering-komend")
    return "/zoeken.html"


def _report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {n['target']}: {n['summary']}" for n in v["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.parametrize(("kind", "width"), [(k, 1280) for k in PAGE_TYPES] + [(k, 375) for k in PHONE])
def test_no_axe_violations(page, sample, axe, kind, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(_path(kind, sample))
    if kind.startswith("zoeken"):
        page.wait_for_selector("input.pagefind-ui__search-input")
    if kind == "zoeken-met-resultaten":
        page.locator("input.pagefind-ui__search-input").fill(sample.dossiers[0].titel.split()[-1])
        page.locator(".pagefind-ui__result-link").first.wait_for()
        page.locator(".pagefind-ui__filter-block summary").first.click()
        page.wait_for_load_state("networkidle")
    violations = axe(page)
    assert violations == [], f"axe-core vond problemen op {page.url}:\n{_report(violations)}"


def test_axe_reports_a_known_violation(page, axe):
    """Guard against a silent checker: a page with an unlabelled image must fail."""
    page.set_content('<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
                     '<body><main><img src="x.png"></main></body></html>')
    assert "image-alt" in {v["id"] for v in axe(page)}
