"""Check one written HTML page: every place a reader sees a dossier's label.

Parsed with lxml's HTML parser from bytes. BeautifulSoup (even with the lxml
builder and a SoupStrainer) was measured 35-50x slower on the same pages (3.1 s
against 0.08 s for 326 pages), which alone would break the guard's budget of 10% of
a build; lxml gives the same tree for these well-formed pages.

What is checked, for the dossier the element names:

* markers (``data-dossier``): ``data-label`` must match the dossier; by ``data-role``:
  ``badge`` (status label), ``status`` (status box), ``entry`` (list/card entry),
  ``breadcrumb``; a marked heading is a label;
* on a dossier's own page (``<body data-dossier>``): ``<title>``, the first ``h1``,
  ``meta description``, ``og:``/``twitter:`` title and description;
* Pagefind inputs: ``data-pagefind-meta`` (title, description) and
  ``data-pagefind-filter`` (status, label) values;
* mentions of an undecided dossier without a marker: a link to ``dossiers/<id>.html``
  or its exact title in any other text, checked in its block (list item,
  paragraph, cell, heading); so a page added later is covered without changing the
  guard. (Unmarked mentions of decided dossiers are not checked: they cannot
  present a proposal as a decision, and skipping them keeps the guard cheap.)
"""

from __future__ import annotations

from functools import partial

from lxml import etree

from raadsinfo.labelling import Plek

from .index import DossierIndex, DossierInfo, Violation, check_text

_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, collect_ids=False)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {"li", "p", "td", "th", "dd", "dt", "caption", "figcaption", "title", "summary",
                       "button", "label", "option", "legend"}
#: Roles whose element is checked as a whole, so mentions inside it are covered.
_ROLES = {"badge": Plek.STATUS, "status": Plek.TEKST, "entry": Plek.TEKST, "breadcrumb": Plek.LABEL}
_SKIP = {"script", "style", "template", "noscript"}
#: One pass over the tree for everything with a marker or a Pagefind attribute.
_FIND = etree.XPath("//*[@data-dossier or @data-pagefind-meta or @data-pagefind-filter]")
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
    return " ".join(el.itertext()).strip()


def _describe(el) -> str:
    role = el.get("data-role")
    desc = f"<{el.tag}>"
    if role:
        desc += f" ({role})"
    cls = (el.get("class") or "").split()
    if cls:
        desc = f"<{el.tag} class=\"{cls[0]}\">" + (f" ({role})" if role else "")
    return desc


def _marked_for(el, dossier_id: str) -> bool:
    """Is ``el`` inside an element that is checked as a whole for this dossier?"""
    for anc in el.iterancestors():
        if anc.get("data-dossier") == dossier_id and (anc.get("data-role") in _ROLES or anc.tag in _HEADINGS):
            return True
    return False


def _in_entry(el) -> bool:
    """Inside a role-marked element (checked as a whole for its own dossier)?"""
    return any(a.get("data-role") in _ROLES and a.get("data-dossier") for a in (el, *el.iterancestors()))


def _block(el):
    node = el
    while node is not None:
        if node.tag in _BLOCKS:
            return node
        node = node.getparent()
    return el


def check_html(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    root = etree.fromstring(raw, _PARSER)
    if root is None:
        return []
    out: list[Violation] = []
    body = root.find("body")
    page = index.by_id.get(body.get("data-dossier")) if body is not None else None
    if body is not None and body.get("data-dossier") and page is None:
        out.append(_unknown(rel, "<body>", body.get("data-dossier")))

    marked, pagefind = [], []
    for el in _FIND(root):
        (marked if el.get("data-dossier") else pagefind).append(el)
        if el.get("data-dossier") and (el.get("data-pagefind-meta") or el.get("data-pagefind-filter")):
            pagefind.append(el)

    # 1. Markers.
    for el in marked:
        if el.tag in ("body", "html"):
            continue
        info = index.by_id.get(el.get("data-dossier"))
        where = partial(_describe, el)
        if info is None:
            out.append(_unknown(rel, where(), el.get("data-dossier")))
            continue
        label = el.get("data-label")
        if label != info.label:
            out.append(Violation(rel, where() + " data-label", info.id, f'data-label="{label}"',
                                 f"het dossier is een {info.label} ({info.status}), maar het merkteken zegt "
                                 f"'{label}'", f'data-label="{info.label}"'))
        role = el.get("data-role")
        if role in _ROLES:
            out += check_text(info, text_of(el), _ROLES[role], rel, where)
            if role == "entry":
                out += _entry_titles(el, info, rel)
        elif el.tag in _HEADINGS:
            out += check_text(info, text_of(el), Plek.LABEL, rel, where)

    # 2. The dossier's own page: head and main heading.
    head = root.find("head")
    if page is not None:
        title = root.find(".//title")
        out += check_text(page, text_of(title) if title is not None else "", Plek.LABEL, rel, "<title>")
        h1 = root.find(".//body//h1")
        if h1 is None or h1.get("data-dossier") != page.id:  # a marked h1 was checked above
            out += check_text(page, text_of(h1) if h1 is not None else "", Plek.LABEL, rel, "<h1>")
    if head is not None:
        out += _check_head(head, page, rel, index)

    # 3. Pagefind inputs.
    for el in pagefind:
        if el.get("data-pagefind-meta") is not None:
            out += _pagefind(el, "data-pagefind-meta", _PAGEFIND_META, page, rel, index)
        if el.get("data-pagefind-filter") is not None:
            out += _pagefind(el, "data-pagefind-filter", _PAGEFIND_FILTER, page, rel, index)

    # 4. Mentions of an undecided dossier without a marker: links to its page, its title.
    source = raw.decode("utf-8", "replace")
    open_ids = index.open_ids_in_urls(source)
    if page is not None:
        open_ids.discard(page.id)  # its own page: checked by the page-level checks above
    seen: set = set()
    if open_ids:
        for a in root.iterfind(".//a[@href]"):
            for dossier_id in index.ids_in_urls(a.get("href")) & open_ids:
                if not _marked_for(a, dossier_id):
                    _mention(index.by_id[dossier_id], a, rel, seen, out)
    named = index.open_titles_in_source(source)
    if named:
        for info, owner in _title_nodes(body if body is not None else root, named, index):
            if not _marked_for(owner, info.id) and owner.get("data-dossier") != info.id:
                _mention(info, owner, rel, seen, out)
    return out


def _title_nodes(top, named: list[DossierInfo], index: DossierIndex):
    """(dossier, element) for every text node that holds a dossier title.

    Few titles in the page (a dossier page): one XPath ``contains`` per title. Many (a
    list page): one walk over the tree. Both skip role-marked subtrees (list entries,
    badges, breadcrumbs), which are checked as a whole for their own dossier; a
    title inside another dossier's entry comes from that dossier's own record
    texts, which the record-depth check covers.
    """
    if len(named) <= 8:
        for info in named:
            for node in top.xpath(".//text()[contains(., $t)]", t=info.titel):
                owner = node.getparent()
                if node.is_tail:
                    owner = owner.getparent()
                if (owner is None or owner.tag in _SKIP or _in_entry(owner)
                        or info not in index.titles_in(str(node))):  # the longest title wins
                    continue
                yield info, owner
        return
    stack = [top]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        if el.get("data-role") in _ROLES and el.get("data-dossier"):
            continue
        for part, owner in ((el.text, el), (el.tail, el.getparent())):
            if part and owner is not None and index.title_hint(part):
                for info in index.titles_in(part):
                    yield info, owner
        stack.extend(el)


def _unknown(rel: str, where: str, dossier_id: str) -> Violation:
    return Violation(rel, where, dossier_id, f'data-dossier="{dossier_id}"',
                     "dit merkteken noemt een dossier dat niet bestaat", "het id van een bestaand dossier")


def _entry_titles(entry, info: DossierInfo, rel: str) -> list[Violation]:
    """Inside a list entry, the heading or link that shows the title is a label."""
    out = []
    for el in entry.iter(*_HEADINGS, "a"):
        text = text_of(el)
        if info.titel in text and el.get("data-dossier") is None:
            out += check_text(info, text, Plek.LABEL, rel, lambda el=el: f"{_describe(entry)} {_describe(el)}")
    return out


def _check_head(head, page: DossierInfo | None, rel: str, index: DossierIndex) -> list[Violation]:
    out = []
    title = head.find("title")
    if page is None and title is not None:  # another page naming an undecided dossier in its title
        for info in index.titles_in(text_of(title)):
            if not info.besluit:
                out += check_text(info, text_of(title), Plek.LABEL, rel, "<title>")
    for meta in head.iterfind("meta"):
        for attr, places in _META_BY_ATTR.items():
            value = meta.get(attr)
            if value not in places:
                continue
            where, plek = places[value]
            content = meta.get("content") or ""
            targets = [page] if page is not None else [i for i in index.titles_in(content) if not i.besluit]
            for info in targets:
                out += check_text(info, content, plek, rel, where)
    return out


def _pagefind(el, attr: str, keys: dict, page, rel: str, index: DossierIndex) -> list[Violation]:
    owner = next((a for a in [el, *el.iterancestors()] if a.get("data-dossier") and a.tag != "body"), None)
    info = index.by_id.get(owner.get("data-dossier")) if owner is not None else page
    if info is None:
        return []
    out = []
    for item in (el.get(attr) or "").split(","):
        key, _, value = item.strip().partition(":")
        key = key.strip().lower()
        if key not in keys:
            continue
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
    key = (info.id, block.getroottree().getpath(block))
    if key in seen:
        return
    seen.add(key)
    plek = Plek.LABEL if block.tag in _HEADINGS or block.tag == "title" else Plek.TEKST
    out.extend(check_text(info, text, plek, rel, f"{_describe(block)} zonder merkteken"))
