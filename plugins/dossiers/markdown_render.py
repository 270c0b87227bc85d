"""Render the Markdown bodies of all records, on every CPU for a big site.

Markdown rendering is the largest single cost of a build with thousands of
dossiers, and each body is independent. From :data:`PARALLEL_FROM` bodies on they
are rendered by forked worker processes (:func:`raadsinfo.parallel.fork_map`); only
the texts go out and the HTML comes back. Small sites (and tests) render in-process.

Every body is sanitised right here, in the worker that rendered it
(:func:`raadsinfo.sanitise.sanitise`): the templates print this HTML with ``|safe``,
so nothing may leave this module that a clerk's raw HTML could have put there.
"""

from __future__ import annotations

from markdown import Markdown

from raadsinfo.markdown_config import markdown_from_settings
from raadsinfo.parallel import fork_map
from raadsinfo.sanitise import TOELICHTING, sanitise

#: The highest heading a body may have: dossier.html puts every body under an h2
#: ("Toelichting", "Wat de raad besloot"), so a body's own "#" becomes an h3.
BOVENSTE_KOP = 3

PARALLEL_FROM = 500
_settings: dict = {}  # the MARKDOWN setting, set before forking; inherited by workers
_md: Markdown | None = None


def _render(text: str) -> str:
    global _md
    if not text:
        return ""
    if _md is None:
        _md = markdown_from_settings(_settings)
    _md.reset()
    return sanitise(_md.convert(text), BOVENSTE_KOP, TOELICHTING)


def render_all(texts: list[str], settings: dict, jobs: int | None = None) -> list[str]:
    """Sanitised HTML for every Markdown text, in the same order."""
    global _settings, _md
    _settings, _md = dict(settings), None
    return fork_map(_render, texts, min_items=PARALLEL_FROM, jobs=jobs)
