"""Check one written HTML page: every place a reader sees a dossier's label.

Parsed with lexbor (selectolax), a C implementation of the HTML5 parsing algorithm
that browsers follow, so the guard reads the tree a browser builds. Speed decides
the parser: the guard parses every page of the site on every build, within 10% of
the build's time. BeautifulSoup (even with the lxml builder and a SoupStrainer) was
35-50x slower than lxml (3.1 s against 0.08 s for 326 pages), and lexbor with its CSS
selectors and text extraction in C is another 3.5x faster than lxml with XPath
(0.20 s against 0.71 s for 1,000 dossier pages).

What is checked, for the dossier the element names:

* markers (``data-dossier``): ``data-label`` must match the dossier; by ``data-role``:
  ``badge`` (status label), ``status`` (status box), ``entry`` (list/card entry),
  ``breadcrumb``; a marked heading is a label;
* on a dossier's own page (``<body data-dossier>``): ``<title>``, the first ``h1``,
  ``meta description``, ``og:``/``twitter:`` title and description;
* Pagefind inputs: ``data-pagefind-meta`` (title, description) and
  ``data-pagefind-filter`` (status, label) values;
* mentions of an undecided dossier without a marker: a link to ``dossiers/<id>.html``
  or its title in any other text (as a reader reads it: decoded, white space and
  quotes normalised, so also wrapped over two lines), checked in its block (list item,
  paragraph, cell, heading); so a page added later is covered without changing the
  guard. (Unmarked mentions of decided dossiers are not checked: they cannot
  present a proposal as a decision, and skipping them keeps the guard cheap.)
"""

from __future__ import annotations

import html
from functools import partial

from selectolax.lexbor import LexborHTMLParser

from raadsinfo import labelling
from raadsinfo.labelling import Plek

from .index import DossierIndex, DossierInfo, Violation, check_text

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"li", "p", "td", "th", "dd", "dt", "caption", "figcaption", "title", "summary",
                       "button", "label", "option", "legend"}
#: Roles whose element is checked as a whole, so mentions inside it are covered.
_ROLES = {"badge": Plek.STATUS, "status": Plek.TEKST, "entry": Plek.TEKST, "breadcrumb": Plek.LABEL}
_SKIP = {"script", "style", "template", "noscript"}
#: Everything with a marker or a Pagefind attribute, in one walk of the tree: lexbor
#: tests every selector of a group at each element, so the group costs what one
#: selector costs (27 against 78 µs for three queries on a dossier page). It returns
#: an element once per selector it matches, in document order, so the caller drops
#: the repeats.
_FIND = "[data-dossier], [data-pagefind-meta], [data-pagefind-filter]"
_META = {
    ("name", "description"): ("meta description", Plek.TEKST),
    ("property", "og:title"): ("meta og:title", Plek.LABEL),
    ("property", "og:description"): ("meta og:description", Plek.TEKST),
    ("name", "twitter:title"): ("meta twitter:title", Plek.LABEL),
    ("name", "twitter:description"): ("meta twitter:description", Plek.TEKST),
    ("property", "twitter:title"): ("meta twitter:title", Plek.LABEL),
    ("property", "twitter:description"): ("meta twitter:description", Plek.TEKST),
}
#: The same, by attribute value, for one dictionary lookup per attribute of a ``<meta>``.
_META_BY_ATTR = {attr: {v: place for (a, v), place in _META.items() if a == attr} for attr in ("name", "property")}
_PAGEFIND_META = {"title": Plek.LABEL, "description": Plek.TEKST, "summary": Plek.TEKST, "status": Plek.STATUS,
                  "label": Plek.STATUS}
_PAGEFIND_FILTER = {"status": Plek.STATUS, "label": Plek.STATUS, "soort": Plek.STATUS}


def text_of(el) -> str:
    """The element's text, its pieces joined by a space, so that words in adjacent
    elements never run together (``<b>Aangenomen</b><i>...`` stays two words)."""
    return el.text(separator=" ").strip()


def _self_and_ancestors(el):
    """``el``, then its ancestors, lazily: most searches stop at the first one or two."""
    yield el
    yield from _ancestors(el)


def _ancestors(el):
    node = el.parent
    while node is not None and node.tag != "-document":
        yield node
        node = node.parent


def _describe(el) -> str:
    role = el.attrs.get("data-role")
    desc = f"<{el.tag}>"
    if role:
        desc += f" ({role})"
    cls = (el.attrs.get("class") or "").split()
    if cls:
        desc = f"<{el.tag} class=\"{cls[0]}\">" + (f" ({role})" if role else "")
    return desc


def _marked_for(el, dossier_id: str) -> bool:
    """Is ``el`` inside an element that is checked as a whole for this dossier?"""
    for anc in _ancestors(el):
        attrs = anc.attrs
        if attrs.get("data-dossier") == dossier_id and (attrs.get("data-role") in _ROLES or anc.tag in _HEADINGS):
            return True
    return False


def _role_marked(el) -> bool:
    """A list entry, badge, status box or breadcrumb of a dossier: checked as a whole."""
    return _role_in(el.attrs)


def _role_in(attrs) -> bool:
    """:func:`_role_marked` on the element's attributes."""
    return attrs.get("data-role") in _ROLES and bool(attrs.get("data-dossier"))


def _excluded(el) -> bool:
    """Is ``el`` (a text's parent) inside script, style, template or noscript (no text
    a reader sees), or inside a role-marked element (checked as a whole for its own
    dossier)? One walk up the tree for both."""
    for a in _self_and_ancestors(el):
        if a.tag in _SKIP or _role_marked(a):
            return True
    return False


def _block(el):
    for node in _self_and_ancestors(el):
        if node.tag in _BLOCKS:
            return node
    return el


def _decoded(raw: bytes) -> tuple[str, bytes | str]:
    """(the page as text, what to give the parser). lexbor reads bytes as UTF-8, so a
    page in valid UTF-8 (every page the build writes) goes in as it is, which spares
    encoding the text again (4 % of a dossier page's check); anything else goes in as
    the text decoded with replacement characters, as before."""
    try:
        return raw.decode("utf-8"), raw
    except UnicodeDecodeError:
        source = raw.decode("utf-8", "replace")
        return source, source


def check_html(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    _clean_for(index)
    source, parser_input = _decoded(raw)
    tree = LexborHTMLParser(parser_input)
    out: list[Violation] = []
    body, head = tree.body, tree.head
    body_id = body.attrs.get("data-dossier") if body is not None else None
    page = index.by_id.get(body_id) if body_id else None
    if body_id and page is None:
        out.append(_unknown(rel, "<body>", body_id))

    # (element, its attributes as a dict): one call per element, then plain look-ups;
    # asking lexbor for each attribute cost more (a list page has 20,000 such elements).
    marked, pagefind, seen_ids = [], [], set()
    for el in tree.css(_FIND):
        if el.mem_id in seen_ids:
            continue
        seen_ids.add(el.mem_id)
        attrs = el.attributes
        if attrs.get("data-dossier"):
            marked.append((el, attrs))
            if "data-pagefind-meta" in attrs or "data-pagefind-filter" in attrs:
                pagefind.append((el, attrs))
        else:
            pagefind.append((el, attrs))

    # 1. Markers.
    for el, attrs in marked:
        if el.tag in ("body", "html"):
            continue
        info = index.by_id.get(attrs.get("data-dossier"))
        where = partial(_describe, el)
        if info is None:
            out.append(_unknown(rel, where(), attrs.get("data-dossier")))
            continue
        role = attrs.get("data-role")
        if role in _ROLES:
            key = (info, el.html)  # its markup decides the verdict, wherever it appears
            if key in _CLEAN:
                continue
            found = _label(el, attrs, info, rel, where)
            found += check_text(info, text_of(el), _ROLES[role], rel, where)
            if role == "entry":
                found += _entry_titles(el, info, rel)
            if not found:
                if len(_CLEAN) >= _CLEAN_MAX:
                    _CLEAN.clear()
                _CLEAN.add(key)
            out += found
            continue
        out += _label(el, attrs, info, rel, where)
        if el.tag in _HEADINGS:
            out += check_text(info, text_of(el), Plek.LABEL, rel, where)

    # 2. The dossier's own page: head and main heading.
    if page is not None:
        title = tree.css_first("title")
        out += check_text(page, text_of(title) if title is not None else "", Plek.LABEL, rel, "<title>")
        h1 = body.css_first("h1")
        if h1 is None or h1.attrs.get("data-dossier") != page.id:  # a marked h1 was checked above
            out += check_text(page, text_of(h1) if h1 is not None else "", Plek.LABEL, rel, "<h1>")
    if head is not None:
        out += _check_head(head, page, rel, index)

    # 3. Pagefind inputs.
    for el, attrs in pagefind:
        if "data-pagefind-meta" in attrs:
            out += _pagefind(el, attrs, "data-pagefind-meta", _PAGEFIND_META, page, rel, index)
        if "data-pagefind-filter" in attrs:
            out += _pagefind(el, attrs, "data-pagefind-filter", _PAGEFIND_FILTER, page, rel, index)

    # 4. Mentions of an undecided dossier without a marker: links to its page, its title.
    # In the source as the parser decodes attribute values: a link written with a
    # character reference (dossiers&#47;<id>.html) is a link all the same.
    open_ids = index.open_ids_in_urls(html.unescape(source) if "&" in source else source)
    if page is not None:
        open_ids.discard(page.id)  # its own page: checked by the page-level checks above
    seen: set = set()
    top = body if body is not None else tree.root
    if open_ids:
        for a in top.css("a[href]"):
            for dossier_id in index.ids_in_urls(a.attrs.get("href") or "") & open_ids:
                if not _marked_for(a, dossier_id):
                    _mention(index.by_id[dossier_id], a, rel, seen, out)
    # Titles as a reader sees them: in the decoded text of the page (one piece per
    # text node), by a title pattern that allows any white space between the words,
    # so a title wrapped over two lines or written with &nbsp; counts too. (A scan
    # of the raw source missed those.)
    text = top.text(separator="\0") if top is not None else ""
    counts = index.open_title_counts(text, most=_FEW_TITLES)
    if counts and len(counts) <= _FEW_TITLES:
        counts = _unaccounted(counts, marked, top, index)
    if counts:
        for info, owner in _title_nodes(top, counts, index, parser_input, text):
            if not _marked_for(owner, info.id) and owner.attrs.get("data-dossier") != info.id:
                _mention(info, owner, rel, seen, out)
    return out


#: Up to this many undecided titles on a page, each is located on its own; more (a
#: list page), and the page is searched for all titles at once.
_FEW_TITLES = 8


def _unaccounted(counts: dict[DossierInfo, int], marked: list, top, index: DossierIndex) -> dict[DossierInfo, int]:
    """``counts`` (every undecided title in the text under ``top``, counted) without
    the titles whose every occurrence is in an element that :func:`_title_nodes`
    would leave out anyway: a role-marked element (checked as a whole), or a heading
    marked for that title's dossier (checked as its label). On a dossier's own page
    that is where its title stands (breadcrumb, ``h1``), and locating it there with
    ``:lexbor-contains`` cost a tenth of checking the page.

    The occurrences are counted as in ``counts``: in the element's text nodes joined
    by NUL, which the page's text holds as one stretch between NULs, so the counts
    add up. Only elements that hold a title count, and only when none of them lies
    inside another (nested ones would count an occurrence twice) and all lie under
    ``top``; otherwise nothing is left out.
    """
    holders = []  # (element, its attributes, its counts)
    for el, attrs in marked:
        if el.tag in ("body", "html") or not (_role_in(attrs) or el.tag in _HEADINGS):
            continue
        found = index.open_title_counts(el.text(separator="\0"))
        if found:
            holders.append((el, attrs, found))
    if not holders:
        return counts
    ids = {el.mem_id for el, _, _ in holders}
    for el, _, _ in holders:
        above = {node.mem_id for node in _ancestors(el)}
        if not ids.isdisjoint(above) or top.mem_id not in above:
            return counts
    left = {}
    for info, n in counts.items():
        covered = sum(found.get(info, 0) for _, attrs, found in holders
                      if _role_in(attrs) or attrs.get("data-dossier") == info.id)
        if covered != n:
            left[info] = n
    return left


def _label(el, attrs: dict, info: DossierInfo, rel: str, where) -> list[Violation]:
    label = attrs.get("data-label")
    if label == info.label:
        return []
    return [Violation(rel, where() + " data-label", info.id, f'data-label="{label}"',
                      f"het dossier is een {info.label} ({info.status}), maar het merkteken zegt '{label}'",
                      f'data-label="{info.label}"')]


#: Role-marked elements (list entries, badges, ...) found right, by (dossier, outer
#: HTML). Every list page repeats the cards of its dossiers (at N = 2,000 a card
#: appears on four or five pages): the same markup gets the same verdict, since
#: what is checked in such an element (its marker, its text, the title in its heading
#: or link) is all in its markup; only the file named in a violation differs, and a
#: card with a violation is not remembered. Serialising a card costs a third of
#: checking it. Cleared when full, and when a page is checked against another index
#: (another build): the keys hold one index's :class:`DossierInfo`, which no other
#: index's checks can match, so they would only keep that build in memory.
_CLEAN: set[tuple[DossierInfo, str]] = set()
_CLEAN_MAX = 1 << 15
_clean_index: list = [None]  # the index whose verdicts _CLEAN holds


def _clean_for(index: DossierIndex) -> None:
    if _clean_index[0] is not index:
        _CLEAN.clear()
        _clean_index[0] = index


def _title_nodes(top, counts: dict[DossierInfo, int], index: DossierIndex, source: bytes | str, text: str):
    """(dossier, element) for every text node that holds an undecided dossier's title.

    ``counts`` are complete for up to :data:`_FEW_TITLES` titles; beyond that, they
    only show that there are more. Few such titles in the page (a dossier page):
    each is located with lexbor. Many
    (a list page): every text node is searched for titles at once, and the decided
    ones are left out, as on any other page (an unmarked mention of a besluit cannot
    present a proposal as decided). Text in script, style and
    the like is skipped, and so is text in role-marked elements (list entries,
    badges, breadcrumbs), which are checked as a whole for their own dossier; a
    title inside another dossier's entry comes from that dossier's own record
    texts, which the record-depth check covers.
    """
    named = list(counts)
    if len(named) <= _FEW_TITLES:
        # lexbor finds a title written exactly; one that occurs more often as a reader
        # reads it than as written (wrapped, &nbsp;, a double space) is looked for in
        # every text node instead.
        loose = [info for info in named if counts[info] > text.count(info.titel)]
        for info in named:
            if info in loose:
                continue
            for owner, piece in _text_nodes_with(top, info.titel):
                if info not in index.titles_in(piece):  # the longest title wins
                    continue
                if not _excluded(owner):
                    yield info, owner
        if loose:
            yield from _walk_for_titles(top, index, set(loose))
        return
    if all(info.besluit for info in index.titles_in(_text_outside_entries(top))):
        return  # every undecided title on this list page is inside an entry: nothing to walk for
    fresh = LexborHTMLParser(source)  # the look above removed the entries from ``top``'s tree
    yield from _walk_for_titles(fresh.body if fresh.body is not None else fresh.root, index, None)


def _walk_for_titles(top, index: DossierIndex, wanted: set | None):
    """(dossier, element) for every text node under ``top`` that holds the title of
    an undecided dossier (of ``wanted`` only, if given), judged on normalised text."""
    for node in top.traverse(include_text=True):
        if node.tag != "-text":
            continue
        piece = labelling.normalise(node.text_content)
        if not index.title_hint(piece):
            continue
        owner = node.parent
        if owner is None or _excluded(owner):
            continue
        for info in index.titles_in(piece):
            if not info.besluit and (wanted is None or info in wanted):
                yield info, owner


def _text_outside_entries(top) -> str:
    """The text under ``top`` without its role-marked elements, one text node per piece.

    A quick look before walking every text node of a list page in Python: the
    entries, badges and breadcrumbs are removed from the tree (in C), and the text
    left is searched for titles at once. This changes the tree: it is the page's
    last use, and a walk, if one is needed, reads a fresh parse (a copy made up front
    cost a second parse of every list page). The pieces are joined by NUL, which no
    title holds, so a title is only found where a text node holds it; the text may
    still hold script and the like, which only costs a walk that finds nothing. No
    title here means the walk would yield nothing.
    """
    if top is None:
        return ""
    # Document order reversed: an entry inside another is removed before its parent.
    for el in reversed(top.css("[data-role]")):
        if _role_marked(el):
            el.decompose()
    return top.text(separator="\0")


def _text_nodes_with(top, needle: str):
    """(parent element, text) of every text node under ``top`` that contains ``needle``.

    lexbor's ``:lexbor-contains`` selects the candidate elements in C; only their
    own text nodes are then looked at, instead of every node of the page in Python.
    """
    quoted = needle.replace("\\", "\\\\").replace('"', '\\"')
    for el in top.css(f':lexbor-contains("{quoted}")'):
        # Most of these are ancestors of the one that holds the title (body, main,
        # ...): if none of the element's own text nodes holds it, skip its children
        # without a walk in Python. NUL between the pieces: no title holds one.
        if needle not in el.text(deep=False, separator="\0"):
            continue
        for child in el.iter(include_text=True):
            if child.tag == "-text" and needle in child.text_content:
                yield el, child.text_content


def _unknown(rel: str, where: str, dossier_id: str) -> Violation:
    return Violation(rel, where, dossier_id, f'data-dossier="{dossier_id}"',
                     "dit merkteken noemt een dossier dat niet bestaat", "het id van een bestaand dossier")


_TITLE_TAGS = _HEADINGS | {"a"}


def _headings_and_links(el):
    """``el.css("h1, h2, h3, h4, h5, h6, a")`` (the element itself included, in
    document order; a test compares them), by a walk: a card holds a dozen
    elements, and a CSS query per card cost three times as much (6 µs against 2)."""
    return [node for node in el.traverse() if node.tag in _TITLE_TAGS]


def _entry_titles(entry, info: DossierInfo, rel: str) -> list[Violation]:
    """Inside a list entry, the heading or link that shows the title is a label."""
    out = []
    for el in _headings_and_links(entry):
        text = text_of(el)
        if info.titel in text and el.attrs.get("data-dossier") is None:
            out += check_text(info, text, Plek.LABEL, rel, lambda el=el: f"{_describe(entry)} {_describe(el)}")
    return out


def _check_head(head, page: DossierInfo | None, rel: str, index: DossierIndex) -> list[Violation]:
    out = []
    title = head.css_first("title") if page is None else None  # a dossier's own title: checked by the caller
    if title is not None:  # another page naming an undecided dossier in its title
        for info in index.titles_in(text_of(title)):
            if not info.besluit:
                out += check_text(info, text_of(title), Plek.LABEL, rel, "<title>")
    for meta in head.css("meta"):
        attrs = meta.attrs
        for attr, places in _META_BY_ATTR.items():
            value = attrs.get(attr)
            if value not in places:
                continue
            where, plek = places[value]
            content = attrs.get("content") or ""
            targets = [page] if page is not None else [i for i in index.titles_in(content) if not i.besluit]
            for info in targets:
                out += check_text(info, content, plek, rel, where)
    return out


def _pagefind(el, attrs: dict, attr: str, keys: dict, page, rel: str, index: DossierIndex) -> list[Violation]:
    items = []
    for item in (attrs.get(attr) or "").split(","):
        key, _, value = item.strip().partition(":")
        key = key.strip().lower()
        if key in keys:
            items.append((key, value))
    if not items:  # only keys that hold no label (year, topic): no need to find the dossier
        return []
    owner = next((a for a in _self_and_ancestors(el) if a.attrs.get("data-dossier") and a.tag != "body"), None)
    info = index.by_id.get(owner.attrs.get("data-dossier")) if owner is not None else page
    if info is None:
        return []
    out = []
    for key, value in items:
        value = value.strip() or text_of(el)
        plek = keys[key]
        where = f'<{el.tag} {attr}="{key}">'
        if key in ("label", "soort"):
            if value.strip().lower() not in (info.label, "raadsvoorstel" if not info.besluit else "raadsbesluit"):
                out.append(Violation(rel, where, info.id, value, f"het dossier is een {info.label}",
                                     f"{key}:{info.label}"))
            continue
        out += check_text(info, value, plek, rel, where, require_label=(key == "title"))
    return out


def _mention(info: DossierInfo, el, rel: str, seen: set, out: list) -> None:
    block = _block(el)
    text = text_of(block)
    if len(text) > 400:  # a long paragraph: judge the sentence-sized link text itself
        block, text = el, text_of(el) or text
    key = (info.id, block.mem_id)
    if key in seen:
        return
    seen.add(key)
    plek = Plek.LABEL if block.tag in _HEADINGS or block.tag == "title" else Plek.TEKST
    out.extend(check_text(info, text, plek, rel, f"{_describe(block)} zonder merkteken"))
