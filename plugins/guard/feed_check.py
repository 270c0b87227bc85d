"""Check Atom and RSS feeds (parsed with lxml's XML parser).

An entry (Atom ``entry``, RSS ``item``) names a dossier when one of its links or its
id points to ``dossiers/<id>.html``, or its title or summary holds the dossier's
exact title. For an undecided dossier the entry title must carry the voorstel label
("Voorstel aan de raad: ..." or "Voorstel") and neither title nor summary may carry
a decision claim. A feed whose own title names an undecided dossier (a per-dossier
feed) is checked the same way.

Entries of a decided dossier are not required to say "besluit": a feed keeps the
entry from when the proposal was published, which truthfully said "voorstel" then.
The full ``content`` is not checked for claims: it holds the toelichting, which may
legitimately describe earlier decisions.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from raadsinfo.labelling import Plek

from .index import DossierIndex, Violation, check_text

ATOM = "{http://www.w3.org/2005/Atom}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _text(el) -> str:
    if el is None:
        return ""
    if el.get("type") == "xhtml":
        return " ".join(el.itertext()).strip()
    # An element without children (every title and summary the feeds write) holds
    # only its own text: reading it directly spares the text iterator.
    value = (el.text or "").strip() if len(el) == 0 else "".join(el.itertext()).strip()
    if "<" in value and el.get("type", "html") != "text":
        try:
            value = lxml_html.fromstring(value).text_content()
        except (etree.ParserError, ValueError):
            pass
    return value.strip()


def check_feed(raw: bytes, rel: str, index: DossierIndex) -> list[Violation]:
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError:
        return []  # not well-formed: not a feed the guard can read; feed tests catch that
    out: list[Violation] = []
    if root.tag == f"{ATOM}feed":
        feed_title = _text(root.find(f"{ATOM}title"))
        entries = root.iter(f"{ATOM}entry")
        parts = (f"{ATOM}title", (f"{ATOM}summary",))
        kind = "Atom-feed"
    elif root.tag == "rss" or root.find("channel") is not None:
        feed_title = _text(root.find("channel/title"))
        entries = root.iter("item")
        parts = ("title", ("description",))
        kind = "RSS-feed"
    else:
        return []
    for info in index.titles_in(feed_title):
        if not info.besluit:
            out += check_text(info, feed_title, Plek.LABEL, rel, f"{kind}: titel van de feed")
    for n, entry in enumerate(entries, start=1):
        title = _text(entry.find(parts[0]))
        summaries = [_text(entry.find(tag)) for tag in parts[1]]
        refs = " ".join(
            [e.get("href", "") for e in entry.iter(f"{ATOM}link")]
            + [_text(entry.find(t)) for t in (f"{ATOM}id", "link", "guid")]
        )
        named = index.ids_in_urls(refs) or {i.id for i in index.titles_in(title + " \n " + " ".join(summaries))}
        for dossier_id in sorted(named):
            info = index.by_id[dossier_id]
            if info.besluit:
                continue
            out += check_text(info, title, Plek.LABEL, rel, f"{kind}: titel van item {n}")
            for summary in summaries:
                if summary:
                    out += check_text(info, summary, Plek.TEKST, rel, f"{kind}: samenvatting van item {n}",
                                      require_label=False)
    return out
