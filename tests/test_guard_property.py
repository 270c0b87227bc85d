"""Property-based: any decided label next to any undecided title, in any block, on any
page of the built tiny site, fails; the same text where the contract allows it does not;
and the quick look at a page's whole text never hides what the walk would find.
"""

from __future__ import annotations

from guard.domain import DECIDED_WORDS
from guard.html_check import _Page
from guard_helpers import GUARD_SITE, changed, expected, violations
from hypothesis import given, settings
from hypothesis import strategies as st

PAGES = ["dossiers/index.html", "index.html", "dossiers/2026-041.html", "dossiers/2026-045.html",
         "dossiers/2026-046.html", "status/index.html", "bomenbalans.html"]
OPEN = [s for s in GUARD_SITE if not s.decided]
BLOCKS = ["<p>{}</p>", "<ul><li>{}</li></ul>", "<table><tr><td>{}</td></tr></table>", "<div><span>{}</span></div>",
          "<h3>{}</h3>", "<dl><dd>{}</dd></dl>", "<p><small>{}</small></p>"]
GAPS = [" ", ": ", " · ", " (", " – ", "\n"]

mention = st.builds(
    lambda word, spec, gap, before, bold: ((f"<b>{word}</b>" if bold else word) + gap + spec.titel if before
                                            else spec.titel + gap + word, spec.id),
    st.sampled_from(DECIDED_WORDS), st.sampled_from(OPEN), st.sampled_from(GAPS), st.booleans(), st.booleans())


def insert(rel: str, html: str) -> bytes:
    return changed(rel, "</main>", html + "</main>")


@given(st.sampled_from(PAGES), st.sampled_from(BLOCKS), mention)
@settings(max_examples=150, deadline=None)
def test_an_unmarked_decided_label_next_to_an_undecided_title_fails(rel, block, drawn):
    text, dossier = drawn
    found = violations(rel, insert(rel, block.format(text)))
    assert dossier in {v.dossier for v in found}, (rel, text)


@given(st.sampled_from(PAGES), mention)
@settings(max_examples=60, deadline=None)
def test_the_same_text_in_an_undecided_dossiers_checked_clerk_text_passes(rel, drawn):
    """An undecided dossier's text was judged by the wording check."""
    text, _ = drawn
    assert violations(rel, insert(rel, f'<div data-dossier="2026-040" data-role="bron"><p>{text}</p></div>')) == []


@given(st.sampled_from(PAGES), st.sampled_from(["2026-040", "2026-041"]), st.sampled_from(DECIDED_WORDS),
       st.sampled_from(["Motie Meer speelplekken", "Amendement 1"]))
@settings(max_examples=60, deadline=None)
def test_motion_results_may_say_aangenomen_but_not_next_to_an_undecided_title(rel, dossier, word, motie):
    """In ``neven`` (moties and amendementen, adopted or not while the proposal waits) a
    decided word is a motion's own result; next to an undecided proposal's title it reads
    as that proposal decided."""
    assert violations(rel, insert(rel, f'<div data-dossier="{dossier}" data-role="neven"><p>{motie}: {word}</p>'
                                       "</div>")) == []
    spec = OPEN[0]
    found = violations(rel, insert(rel, f'<div data-dossier="{dossier}" data-role="neven"><p>{spec.titel}: {word}'
                                        "</p></div>"))
    assert spec.id in {v.dossier for v in found}


@given(st.sampled_from(PAGES), mention)
@settings(max_examples=60, deadline=None)
def test_the_same_text_in_a_decided_dossiers_clerk_text_fails(rel, drawn):
    """The wording check does not read a decided dossier's text, so the guard does."""
    text, dossier = drawn
    found = violations(rel, insert(rel, f'<div data-dossier="2026-041" data-role="bron"><p>{text}</p></div>'))
    assert dossier in {v.dossier for v in found}, (rel, text)


class _AlwaysWalk(_Page):
    def _needs_walk(self, body, zones) -> bool:
        return True


@given(st.sampled_from(PAGES + ["dossiers/2026-040.html", "dossiers/2026-044.html"]),
       st.sampled_from(BLOCKS), mention, st.sampled_from(["", "2026-040", "2026-042", "2026-043", "2026-047"]),
       st.sampled_from(["entry", "route", "status"]))
@settings(max_examples=150, deadline=None)
def test_the_quick_look_hides_nothing_the_walk_would_find(rel, block, drawn, marked, role):
    text, _ = drawn
    html = block.format(text)
    if marked:
        html = f'<div data-dossier="{marked}" data-role="{role}">{html}</div>'
    raw = insert(rel, html)
    assert _Page(raw, rel, expected()).check() == _AlwaysWalk(raw, rel, expected()).check()
