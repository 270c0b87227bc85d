"""Check one written HTML page against the domain's strings.

The page is parsed once with lexbor (selectolax), the HTML5 parser browsers follow, so
the guard reads the tree a browser builds. Templates mark every element that prints a
dossier's label (``data-dossier``, ``data-role``; the contract is in ``docs/guard.md``).
One query finds the elements the checks need; then, in order: 1. each marked element
shows what its role says; 2. a dossier's own page has its ``<title>``, descriptions and
one ``h1``; 3. Pagefind values are the domain's, and the clerk's text (``bron``) has no
``data-*`` attributes; 4. a link to an undecided dossier's page stands in an element
marked for it (on an explainer page: in a sentence that tells the truth); 5. with the
exactly compared elements and ``bron`` taken out, no decided label string stands in
what shows an undecided dossier (``neven``, its moties' results, excepted), nor next
to an undecided title outside an element marked for a decided dossier of that title. For
step 5 the page's whole text is read first; only if a decided label string stands
where it could matter is the page walked node by node, to find the element and to
tell the dossiers apart by their markers.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser

from raadsinfo import labelling

from .domain import DOSSIER_STEM, Expected, decided_matches, shown
from .report import Violation, quoted

EXACT = {"kop": "kop", "badge": "badge", "kaart": "kaart"}  # role: the string it shows, whole
STARTS = {"status": "zin", "soort": "soort"}  # role: the string it starts with
CONTAINERS = {"entry", "ontwerp", "route", "neven", "bron"}
_OUT_ROLES = {*EXACT, "bron"}
_FIND = ("[data-dossier], [data-pagefind-meta], [data-pagefind-filter], a[href], area[href], h1, title, "
         "meta[content], script, style, template")
_KIND = {"a": "link", "area": "link", "h1": "h1", "title": "head", "meta": "head", "script": "out", "style": "out",
         "template": "out"}
_PAGEFIND_ITEM = re.compile(r",\s*(?=[\w-]+(?:\[[\w-]+\])?\s*(?::|,|\Z))")
#: Elements that end a run of text: what a reader sees as one block.
_BLOCKS = frozenset("address article aside blockquote body button caption dd details dialog div dl dt fieldset "
                    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header label legend li main nav ol option p "
                    "pre section summary table tbody td tfoot th thead title tr ul".split())
_SELECTOR = LexborCSSSelector()


def select(node, query: str) -> list:
    """``node.css(query)`` with one selector engine for all pages: selectolax makes one
    per parsed page, which costs more than most queries."""
    return _SELECTOR.find(query, node)


def text_of(el) -> str:
    """An element's text as read: its text nodes joined as they stand, then :func:`shown`."""
    return shown(el.text(separator=""))


def describe(el) -> str:
    """``<h1 class="x" data-role="kop">``: enough to find the element in the template."""
    attrs = el.attributes
    parts = [el.tag] + [f'{a}="{attrs[a].split()[0]}"' for a in ("class", "id", "data-role") if attrs.get(a)]
    return "<" + " ".join(parts) + ">"


def _up(el):
    """``el`` and its ancestors, up to the document."""
    while el is not None and el.tag != "-document":
        yield el
        el = el.parent


def check_html(raw: bytes, rel: str, expected: Expected) -> list[Violation]:
    return _Page(raw, rel, expected).check()


class _Page:
    def __init__(self, raw: bytes, rel: str, expected: Expected):
        self.tree, self.rel, self.exp = LexborHTMLParser(raw), rel, expected
        self.out: dict[Violation, None] = {}  # in order, each once

    def add(self, el, dossier: str, want: str, found: str, why: str, record: str = "") -> None:
        where = el if isinstance(el, str) else describe(el)
        self.out.setdefault(Violation(self.rel, where, dossier, want, found, why, record))

    def check(self) -> list[Violation]:
        body = self.tree.body
        if body is None:
            return []
        self.page = body.attrs.get("data-dossier")
        self.own = self.exp.by_url.get(self.rel)  # the dossier this page is, by its address
        if self.own and self.page != self.own:
            self.add(body, self.own, f'<body data-dossier="{self.own}">', describe(body), "dit is de pagina van het "
                     "dossier, maar de body noemt het niet, dus kan de controle de pagina niet nakijken")
        clerk = [n for n in select(body, '[data-role="bron"] *') if any(a.startswith("data-") for a in n.attributes)]
        skip = {n.mem_id for n in clerk}  # reported in step 3
        found: dict[str, list] = {"marker": [], "pagefind": [], "link": [], "h1": [], "head": [], "out": []}
        for el in {e.mem_id: e for e in select(self.tree.root, _FIND) if e.mem_id not in skip}.values():
            attrs = el.attributes  # a dict: one call, then plain look-ups
            if "data-dossier" in attrs:
                found["marker"].append((el, attrs))
                # The clerk's text of an undecided dossier was judged by the wording check; that of
                # a decided one was not, so it stays in the text scan (step 5), where a decided
                # string next to an undecided dossier's title is caught.
                if attrs.get("data-role") in _OUT_ROLES and not (
                        attrs.get("data-role") == "bron" and attrs.get("data-dossier") not in self.exp.open):
                    found["out"].append((el, attrs))
            if "data-pagefind-meta" in attrs or "data-pagefind-filter" in attrs:
                found["pagefind"].append((el, attrs))
            if el.tag in _KIND:
                found[_KIND[el.tag]].append((el, attrs))
        kops = set()  # (entry, dossier) of every kop, in the nearest entry around it
        for el, attrs in found["marker"]:
            if attrs.get("data-role") == "kop":
                entry = next((a for a in _up(el) if a.attrs.get("data-role") == "entry"), None)
                kops.add((entry.mem_id if entry else None, attrs["data-dossier"]))
        for el, attrs in found["marker"]:
            self._marker(el, attrs, kops)
        if self.page in self.exp.teksten:
            self._own_page(self.exp.teksten[self.page], found["head"], found["h1"])
        self._search_inputs(clerk, found["pagefind"])
        self._links(found["link"])
        self._text(found["out"], found["head"], [el for el, a in found["marker"] if el.tag not in ("body", "html")
                                                  and a["data-dossier"] in self.exp.open])
        return list(self.out)

    # -- 1. markers -------------------------------------------------------------------------

    def _marker(self, el, attrs: dict, kops: set) -> None:
        i, role, label = attrs.get("data-dossier"), attrs.get("data-role"), attrs.get("data-label")
        t = self.exp.teksten.get(i)
        if t is None:
            return self.add(el, i, "het nummer van een bestaand dossier", f'data-dossier="{i}"',
                            "dit merkteken noemt een dossier dat niet bestaat")
        if label is not None and label != t.label.value:
            self.add(el, i, f'data-label="{t.label.value}"', f'data-label="{label}"',
                     f"het dossier is een {t.label.value} ({t.status.naam})")
        if el.tag in ("body", "html"):
            return
        if role in EXACT or role in STARTS:
            want = shown(getattr(t, EXACT.get(role) or STARTS[role]))  # read as the page is read
            shows = "toont precies" if role in EXACT else "begint met"
            why = (f'een element met data-role="{role}" {shows} de {role} van het dossier (raadsinfo/labels.py)'
                   if want else "dit dossier heeft nog geen uitkomst, dus geen kaartregel")
            for found in filter(None, (text_of(el), attrs.get("aria-label"))):
                if not want or not (found == want if role in EXACT else found.startswith(want)):
                    self.add(el, i, quoted(want) if want else "geen kaartregel", quoted(found), why)
        elif role == "ontwerp":
            heading = next(iter(select(el, "h1, h2, h3, h4, h5, h6")), None)
            found = text_of(heading) if heading is not None else "(geen kop)"
            if found != shown(t.ontwerp_kop):
                self.add(heading or el, i, quoted(t.ontwerp_kop), quoted(found), "de eerste kop van het "
                         "ontwerpbesluit is de ontwerp_kop van het dossier (raadsinfo/labels.py)")
        elif role == "entry" and (el.mem_id, i) not in kops:
            self.add(el, i, f'een element met data-dossier="{i}" data-role="kop"', "geen kop van dit dossier",
                     "een lijstitem van een dossier toont de kop van dat dossier, gemarkeerd als kop")
        elif role not in EXACT.keys() | STARTS.keys() | CONTAINERS:
            roles = ", ".join(sorted(EXACT.keys() | STARTS.keys() | CONTAINERS))
            self.add(el, i, f"data-role met een van: {roles}", f'data-role="{role}"' if role else "geen data-role",
                     "elk gemarkeerd element zegt met data-role wat het toont (docs/guard.md)")

    # -- 2. the dossier's own page ----------------------------------------------------------

    def _own_page(self, t, head: list, h1s: list) -> None:
        title, start = shown(f"{t.kop} | {self.exp.sitename}"), shown(f"{t.rij.meta}:")
        found = next((text_of(el) for el, _ in head if el.tag == "title"), "(geen <title>)")
        if found != title:
            self.add("<title>", t.id, quoted(title), quoted(found), "de titel is de kop van het dossier en de "
                     "naam van de site")
        metas = {(a.get("name") or a.get("property") or ""): a.get("content") or "" for m, a in head if m.tag == "meta"}
        for key, content in {"description": "(geen beschrijving)", **metas}.items():
            content = shown(content)
            if key in ("og:title", "twitter:title") and content != title:
                self.add(f"<meta {key}>", t.id, quoted(title), quoted(content), "de titel voor sociale media is "
                         "de titel van de pagina")
            if key in ("description", "og:description", "twitter:description") and not content.startswith(start):
                self.add(f"<meta {key}>", t.id, quoted(start + " ..."), quoted(content), "de beschrijving "
                         "begint met het label van het dossier (raadsinfo/labels.py, meta)")
        if [(a.get("data-dossier"), a.get("data-role")) for _, a in h1s] != [(t.id, "kop")]:
            self.add(h1s[-1][0] if h1s else "<h1>", t.id, f'precies één <h1 data-dossier="{t.id}" data-role="kop">',
                     f"{len(h1s)} h1-elementen" if len(h1s) != 1 else describe(h1s[0][0]),
                     "de pagina van een dossier heeft één hoofdkop: de kop van het dossier")

    # -- 3. search inputs -------------------------------------------------------------------

    def _search_inputs(self, clerk: list, pagefind: list) -> None:
        for node in clerk:
            i = next(a for a in _up(node.parent) if a.attrs.get("data-role") == "bron").attrs.get("data-dossier")
            text = text_of(node)
            self.add(node, i, "geen data-attributen", " ".join(a for a in node.attributes if a.startswith("data-")),
                     "tekst van de griffie mag de zoekfunctie en de merktekens van de controle niet sturen",
                     self.exp.record_field([i], text, 0, len(text)))
        for el, attrs in pagefind:
            t = self.exp.teksten.get(next((a.attrs["data-dossier"] for a in _up(el) if a.attrs.get("data-dossier")),
                                          None))
            for attr in ("data-pagefind-meta", "data-pagefind-filter"):
                for item in _PAGEFIND_ITEM.split(attrs.get(attr) or ""):
                    key, _, value = item.partition(":")
                    key, source = key.strip().partition("[")[::2]
                    value = attrs.get(source.rstrip("]")) or "" if source else value  # "title[data-x]"
                    if t is None:  # no dossier's: a value written here is judged as text (step 5)
                        self._judge(el, shown(value), ())
                    elif key in ("title", "label", "status"):
                        value = shown(value or el.text(separator=""))
                        want = shown({"title": t.kop, "label": t.label.value, "status": t.badge}[key])
                        if value != want:
                            self.add(el, t.id, quoted(want), quoted(value), f"Pagefind toont {key} in de "
                                     "zoekresultaten: dat is de tekst uit raadsinfo/labels.py")

    # -- 4. links -------------------------------------------------------------------------

    def _links(self, links: list) -> None:
        for a, attrs in links:
            href = attrs.get("href") or ""
            path = href.partition("#")[0].partition("?")[0]
            path = unquote(path) if "%" in path else path
            stem = DOSSIER_STEM.sub("", path.rstrip("/").rpartition("/")[2])
            if stem not in self.exp.open or attrs.get("data-dossier") == stem:
                continue  # no undecided dossier's page, or the link is marked for it itself (a kop)
            i = self.exp.linked(unquote(urljoin(f"/{self.rel}", href)))
            if i not in self.exp.open or i in (self.page, self.own):
                continue
            page_file = _page_source(a)
            if page_file is not None:  # an explainer page may link to a proposal, in a sentence that tells the truth
                self._linked_sentence(a, i, None, page_file)
                continue
            bron = next((e for e in _up(a) if e.attrs.get("data-role") == "bron"), None)
            if bron is not None and bron.attrs.get("data-dossier") != i:
                self._linked_sentence(a, i, bron.attrs.get("data-dossier"))
            if not any(  # marked for it, or the clerk's
                    e.attrs.get("data-dossier") == i or e.attrs.get("data-role") == "bron" for e in _up(a)):
                self.add(a, i, f'de link in een element met data-dossier="{i}" (bijvoorbeeld als kop: '
                         f'"{self.exp.teksten[i].kop}")', quoted(text_of(a)), "een link naar een voorstel dat nog "
                         "niet is besloten, staat in een gemarkeerd element: zo ziet de controle hoe het wordt getoond")

    def _linked_sentence(self, a, i: str, owner: str | None, page: str | None = None) -> None:
        """The clerk's text of one dossier (or an explainer page, ``page``: its file) links
        to another, undecided one: the sentence around the link may not claim that the
        linked proposal was decided ("De raad nam ook [het plan voor de Parkweg](...) aan").
        The wording check judged a dossier's text only as the claims of its own dossier,
        which may be decided."""
        block = next((e for e in _up(a) if e.tag in _BLOCKS), a)
        text, link = shown(block.text(separator="")), text_of(a)
        at = text.find(link) if link else -1
        start = max(text.rfind(". ", 0, at) + 1, 0) if at >= 0 else 0
        end = text.find(". ", at + len(link)) if at >= 0 else -1
        sentence = text[start:end + 1 if end >= 0 else len(text)].strip()
        for claim in labelling.beoordeel(sentence):
            if claim.fout:
                self.add(a, i, f"een zin die het voorstel niet als besluit toont ({quoted(self.exp.teksten[i].badge)})",
                         quoted(sentence), f"deze zin linkt naar een voorstel dat de raad nog niet heeft besloten en "
                         f"zegt: {claim.regel.reden}",
                         page or self.exp.record_field([owner or i], sentence, 0, len(sentence)))
                return

    # -- 5. text ----------------------------------------------------------------------------

    def _text(self, out: list, head: list, zones: list) -> None:
        gone = {el.mem_id for el, _ in out}
        zones = [z for z in zones if gone.isdisjoint(a.mem_id for a in _up(z))]  # shown as an undecided dossier
        for el, _ in reversed(out):  # inner ones first
            el.decompose()
        if self.page not in self.exp.teksten:  # the head of a dossier page was compared exactly in step 2
            for el, attrs in head:
                self._judge(el, shown(attrs.get("content") or el.text(separator=" ")), ())
        if self._needs_walk(self.tree.body, zones):
            self._walk(self.tree.body)

    def _needs_walk(self, body, zones: list) -> bool:
        """Could :meth:`_walk` find anything? Judged on the page's whole text (a run of the
        walk is a piece of it): a decided label string that stands on an undecided
        dossier's page or in its marked element, or next to an undecided title."""
        text = body.text(separator=" ")
        if text.isascii() and not decided_matches(text):
            return False  # the common case: no hidden or look-alike character, so no need to normalise
        text = shown(text)
        words = list(self.exp.decided_words(text))
        if words and (self.page in self.exp.open or any(self.exp.open_titles_next_to(text, w) for w in words)):
            return True
        return bool(words) and any(next(self.exp.decided_words(shown(z.text(separator=" "))), None) for z in zones)

    def _walk(self, top) -> None:
        marks: dict = {}
        for owner, text in _runs(top):
            if owner.mem_id not in marks:
                up = list(_up(owner))
                marks[owner.mem_id] = ([a.attrs["data-dossier"] for a in up if a.attrs.get("data-dossier")],
                                       any(a.attrs.get("data-role") == "neven" for a in up))
            self._judge(owner, text, *marks[owner.mem_id])

    def _judge(self, el, text: str, marks, neven: bool = False) -> None:
        """One run of text, with the dossiers of the marked elements around it, innermost
        first. In ``neven`` (the results of a dossier's moties and amendementen, which may
        be adopted while the proposal is not) only a decided word next to an undecided
        title counts, the dossier's own title included."""
        inner = marks[0] if marks else None
        zone = self.exp.teksten[inner] if inner in self.exp.open and not neven else None
        page = None
        for word in self.exp.decided_words(text):
            page = page or (_page_source(el) if not isinstance(el, str) else None) or ""
            near = quoted(text[max(0, word.start() - 40):word.end() + 40])
            if zone is not None:
                self.add(el, zone.id, f"geen besluitlabel: het dossier is een voorstel ({quoted(zone.badge)})", near,
                         f"'{word.group()}' is een label van een besluit, en dit element toont een voorstel dat de "
                         "raad nog niet heeft besloten", self.exp.record_field([zone.id, *marks], text, *word.span()))
            for title, i in self.exp.open_titles_next_to(text, word):
                if (i == inner and not neven) or any(
                        m not in self.exp.open and shown(self.exp.teksten[m].titel) == title for m in marks):
                    continue  # its own marked element (judged above), or a decided dossier of that title
                self.add(el, i, f'het label van een voorstel, in een element met data-dossier="{i}" '
                         f"({quoted(self.exp.teksten[i].kop)})", near, f"'{word.group()}' staat naast de titel van "
                         "een voorstel dat de raad nog niet heeft besloten, buiten een gemarkeerd element",
                         page or self.exp.record_field([i, self.page, *marks], text, *word.span()))


def _page_source(el) -> str | None:
    """The file of the explainer page whose text holds ``el`` (``page.html`` marks it
    ``data-bron``), or None."""
    return next((e.attrs["data-bron"] for e in _up(el) if "data-bron" in e.attrs), None)


def _runs(top):
    """(element, text) of every run of text under ``top``: text nodes in a row that share
    their nearest block or marked element, joined by a space (as ``top.text(separator="
    ")`` joins them, so a run is a piece of that text)."""
    owners: dict = {}
    current, parts = None, []
    for node in top.traverse(include_text=True):
        if node.tag != "-text":
            continue
        parent = node.parent
        owner = owners.get(parent.mem_id)
        if owner is None:
            owner = owners[parent.mem_id] = next(
                (a for a in _up(parent) if a.tag in _BLOCKS or a.attrs.get("data-dossier")), parent)
        if current is not None and owner.mem_id != current.mem_id:
            yield current, shown(" ".join(parts))
            parts = []
        current = owner
        parts.append(node.text_content)
    if parts:
        yield current, shown(" ".join(parts))
