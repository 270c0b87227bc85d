"""Author markup never reaches a reader unchecked: the allowlist for Markdown bodies.

A record body (the toelichting of a voorstel or an outcome) and an explainer page are
Markdown, and Markdown lets raw HTML through. The templates print that HTML as it is,
so without this module a clerk's file could run a script that rewrites the heading
and the ``<title>``, hide the status box with a ``<style>`` and draw "Besluit: ..."
in its place, set the search-result title with a ``data-pagefind-meta`` attribute,
or hide a proposal's status with ``javascript:`` links and ``onerror`` handlers. The
labelling rule (DESIGN.md, "How the rule is kept", point 2) depends on none of that
being possible, whatever the wording check later finds.

Why an allowlist (nh3, the Python binding of the Rust sanitiser ammonia) and not a
blocklist: HTML has too many ways to run code or to restyle a page to enumerate; a
short list of what a council text needs is easy to read and to review. nh3 parses
with html5ever, the HTML5 algorithm browsers use, so what it keeps is what a browser
will see, and it writes the result out in one canonical form.

Two profiles:

* :data:`TOELICHTING` (record bodies): paragraphs, headings, lists (also definition
  lists, which Markdown "extra" writes), emphasis, blockquote, code, tables (``scope``,
  ``colspan``, ``rowspan`` only), ``br``, ``hr``, ``abbr`` with its ``title``, ``sup``
  and ``sub``, and links to ``http``, ``https`` and ``mailto`` (or a relative address)
  that get ``rel="noopener noreferrer"``. No ``id``, ``class``, ``style`` or ``data-*``
  attribute, no event handler: a body cannot reuse the site's own classes (a fake
  status box), anchors or search metadata. No images: a record links to its documents
  instead, an image from elsewhere would tell another server who reads the page, and
  nothing in the build checks alt texts of images.
* :data:`PAGINA` (explainer pages in ``content/pages``): the same, plus a few classes
  of the site's CSS (:data:`_PAGINA_KLASSEN`), ``figure`` and ``figcaption`` and a
  static subset of SVG for a diagram such as the five steps on
  "Hoe werkt de raad?": shapes, text, ``title``/``desc`` and markers, with geometry
  and colour attributes only. No ``use``, ``image``, ``foreignObject``, ``style`` or
  animation, and a link in SVG follows the rule for any link, so a diagram cannot
  load or run anything. The ids SVG needs (for ``aria-labelledby`` and ``marker-end``) get the prefix
  :data:`ID_PREFIX`, so they can never take over an anchor of the page itself.

What is removed with its content (not just its tags): script, style and the other
elements whose text a browser never shows as text (:data:`_ZONDER_INHOUD`); a clerk
who pastes a script must not see its source appear on the page either.

Headings. A body sits under a heading of the page (the ``h2`` "Toelichting" on a
dossier page, the page's ``h1`` on an explainer page), so its own headings are moved
down: the highest heading in the body becomes ``bovenste_kop`` and the others keep
their distance to it, clamped at ``h6``. A record body's ``# Besluit van de
gemeenteraad`` therefore becomes an ``h3``, never a page title. This is done on the
sanitised HTML (see :func:`_verschuif_koppen`), so it also covers raw ``<h1>`` tags
and headings inside raw HTML blocks.

Plain Python, no Pelican: the record renderer (plugin ``dossiers``) and the page hook
(plugin ``sanitise``) both call :func:`sanitise`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3

#: Prefix of every id an explainer page keeps (only SVG internals have one).
ID_PREFIX = "tekst-"

_KOPPEN = {f"h{n}" for n in range(1, 7)}

_TEKST_TAGS = frozenset({
    "p", "br", "hr", *_KOPPEN,
    "ul", "ol", "li", "dl", "dt", "dd",
    "em", "strong", "sup", "sub", "abbr",
    "blockquote", "code", "pre",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a",
})
_TEKST_ATTRIBUTEN = {
    "a": {"href"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

#: Elements removed together with everything inside them. Their content is code,
#: styling or a nested document, never text meant for a reader.
_ZONDER_INHOUD = frozenset({
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "noembed", "noframes", "xmp", "plaintext", "textarea", "select", "option",
    "title", "head", "math", "svg",
})

#: The static SVG an explainer page may draw: shapes and text, no links, no loading.
_SVG_TAGS = frozenset({
    "svg", "g", "defs", "title", "desc", "marker", "pattern",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
})
_SVG_PRESENTATIE = {
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap",
    "stroke-linejoin", "stroke-opacity", "opacity", "font-family", "font-size", "font-weight",
    "text-anchor", "dominant-baseline", "transform", "marker-start", "marker-mid", "marker-end",
}
_SVG_ATTRIBUTEN = {
    "svg": {"xmlns", "viewBox", "width", "height", "preserveAspectRatio", "role", "aria-labelledby",
            "aria-label", "focusable"},
    "title": {"id"}, "desc": {"id"},
    "marker": {"id", "viewBox", "refX", "refY", "markerWidth", "markerHeight", "markerUnits", "orient"},
    "pattern": {"id", "width", "height", "patternUnits", "patternTransform"},
    "path": {"d"},
    "rect": {"x", "y", "width", "height", "rx", "ry"},
    "circle": {"cx", "cy", "r"},
    "ellipse": {"cx", "cy", "rx", "ry"},
    "line": {"x1", "y1", "x2", "y2"},
    "polyline": {"points"}, "polygon": {"points"},
    "text": {"x", "y", "dx", "dy"}, "tspan": {"x", "y", "dx", "dy"},
    "g": set(),
}

#: Classes a page may use: the figure frame, the chart sizing and a notice paragraph
#: of the site's CSS. None of them looks like a status box or a badge.
_PAGINA_KLASSEN = {"figure": {"schema"}, "svg": {"grafiek"}, "p": {"alert", "alert--warning", "note"}}

_URL_SCHEMES = {"http", "https", "mailto"}
_VERWIJZING = re.compile(r"^url\(#([A-Za-z][\w.:-]*)\)$")


def _relatief(url: str) -> str | None:
    """Keep a relative address (``vragen.html``, ``#kop``) unless a browser would read
    it as one on another host (``//host``, ``\\\\host``) or it hides control characters."""
    if url.startswith(("//", "\\")) or "\\" in url or any(ord(c) < 0x20 for c in url):
        return None
    return url


def _prefix(value: str) -> str:
    return value if value.startswith(ID_PREFIX) else ID_PREFIX + value


def _pagina_attribuut(tag: str, attr: str, value: str) -> str | None:
    """Keep only the allowed classes (and no empty ``class``); prefix the ids of SVG
    internals and every reference to them; drop any other ``url(...)`` in a
    presentation attribute (it could load from elsewhere)."""
    if attr == "class":
        klassen = [k for k in value.split() if k in _PAGINA_KLASSEN.get(tag, ())]
        return " ".join(dict.fromkeys(klassen)) or None
    if attr == "id":
        return _prefix(value)
    if attr in ("aria-labelledby",):
        return " ".join(_prefix(token) for token in value.split())
    if "url(" in value:
        m = _VERWIJZING.match(value.strip())
        return f"url(#{_prefix(m.group(1))})" if m else None
    return value


@dataclass(frozen=True)
class Profiel:
    """One allowlist; :data:`TOELICHTING` and :data:`PAGINA` are the two in use."""

    naam: str
    cleaner: nh3.Cleaner


def _cleaner(tags: set[str], attributes: dict[str, set[str]], attribute_filter=None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(_ZONDER_INHOUD - tags),
        # "*": no attribute on every tag; without it ammonia allows "title" and "lang"
        # everywhere, and a title is a tooltip a reader sees.
        attributes={"*": set(), **{tag: set(names) for tag, names in attributes.items()}},
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
        generic_attribute_prefixes=set(),
        url_schemes=set(_URL_SCHEMES),
        url_relative=_relatief,
    )


def _pagina_attributen() -> dict[str, set[str]]:
    """The record attributes, the SVG ones, and ``class`` on the tags of
    :data:`_PAGINA_KLASSEN` (whose names :func:`_pagina_attribuut` filters)."""
    attributen = {tag: set(names) for tag, names in _TEKST_ATTRIBUTEN.items()}
    for tag, names in _SVG_ATTRIBUTEN.items():
        attributen[tag] = attributen.get(tag, set()) | names | _SVG_PRESENTATIE
    for tag in _PAGINA_KLASSEN:
        attributen.setdefault(tag, set()).add("class")
    return attributen


#: Record bodies: the toelichting of a voorstel and of an outcome.
TOELICHTING = Profiel("toelichting", _cleaner(set(_TEKST_TAGS), _TEKST_ATTRIBUTEN))
#: Explainer pages: the record allowlist plus figures and static SVG diagrams.
PAGINA = Profiel("pagina", _cleaner(
    set(_TEKST_TAGS | _SVG_TAGS | {"figure", "figcaption"}),
    _pagina_attributen(),
    attribute_filter=_pagina_attribuut,
))

# A heading tag, or any other tag as a whole, in the sanitiser's output. nh3 (html5ever)
# writes every tag as '<name attr="value">', escapes "<" in text and '"' (and "<") in
# attribute values, and keeps no comments, so this finds exactly the tags a parser
# finds: a "<h1>" inside an attribute value belongs to the enclosing tag. A property
# test in tests/test_sanitise.py compares the result with an HTML5 parser's reading.
_TOKEN = re.compile(r'<(/?)h([1-6])>|<(?:[^>"]|"[^"]*")*>')


def _verschuif_koppen(html: str, bovenste_kop: int) -> str:
    """Move the headings of sanitised HTML so that the highest one is ``h{bovenste_kop}``.

    Works on nh3's canonical output only (see ``_TOKEN``); headings carry no
    attributes there, because the allowlists give them none.
    """
    if "<h" not in html:
        return html
    niveaus = [int(m.group(2)) for m in _TOKEN.finditer(html) if m.group(2) and not m.group(1)]
    if not niveaus:
        return html
    stap = bovenste_kop - min(niveaus)
    if stap == 0:
        return html

    def vervang(m: re.Match) -> str:
        if not m.group(2):
            return m.group(0)
        return f"<{m.group(1)}h{min(int(m.group(2)) + stap, 6)}>"

    return _TOKEN.sub(vervang, html)


#: A link whose address the allowlist removed (``javascript:``, ``data:``, ...): all
#: that is left of it, since ``a`` keeps no other attribute than ``href`` and ``rel``.
_DODE_LINK = '<a rel="noopener noreferrer">'
_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')


def _zonder_dode_links(html: str) -> str:
    """Unwrap links that lost their address: their text stays, as plain text.

    An ``<a>`` without ``href`` still looks like a link in the site's CSS but goes
    nowhere and cannot be focused; a reader would click it in vain. Tracks every open
    ``<a>`` (SVG may nest them), so only the end tag of a dead link is dropped.
    """
    if _DODE_LINK not in html:
        return html
    delen, vorige, open_links = [], 0, []
    for m in _TAG.finditer(html):
        tag = m.group(0)
        if tag.startswith(("<a ", "<a>")):
            dood = tag == _DODE_LINK
            open_links.append(dood)
        elif tag == "</a>":
            dood = open_links.pop() if open_links else False
        else:
            continue
        if dood:
            delen.append(html[vorige:m.start()])
            vorige = m.end()
    delen.append(html[vorige:])
    return "".join(delen)


def sanitise(html: str | None, bovenste_kop: int = 3, profiel: Profiel = TOELICHTING) -> str:
    """The part of ``html`` a reader may get, with headings from ``h{bovenste_kop}`` down.

    ``html`` is rendered Markdown of one body; ``bovenste_kop`` is one below the
    heading the page puts above the body (3 on a dossier page, 2 on an explainer page).
    """
    if not html:
        return ""
    if not 2 <= bovenste_kop <= 6:
        raise ValueError(f"bovenste_kop must be 2..6, not {bovenste_kop}: a body never gets an h1")
    return _verschuif_koppen(_zonder_dode_links(profiel.cleaner.clean(html)), bovenste_kop)
