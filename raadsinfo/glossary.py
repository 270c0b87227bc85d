"""The glossary (begrippenlijst) and the links from dossier texts to it.

The words of local politics (amendement, motie, hamerstuk...) are explained once, in
``content/raad/begrippen.yaml``, and shown on the page begrippen.html. On a dossier
page the *first* use of each word links to its explanation; later uses stay plain,
so the text does not fill up with links. Words inside headings, links and code are
never linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from .dossier import slugify
from .frontmatter import decode, parse_yaml, read_file
from .problems import Problems, RecordsInvalid
from .trie import trie_regex

BEGRIPPEN = "raad/begrippen.yaml"


@dataclass(frozen=True)
class Begrip:
    woord: str
    uitleg: str
    vormen: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.woord)

    @property
    def alle_vormen(self) -> tuple[str, ...]:
        return (self.woord, *self.vormen)


def load_begrippen(content: Path) -> list[Begrip]:
    """Read the glossary; raise :class:`RecordsInvalid` with Dutch problems if it is wrong."""
    path = Path(content) / BEGRIPPEN
    display = f"content/{BEGRIPPEN}"
    problems = Problems()
    if not path.exists() and not path.is_symlink():
        return []
    # The records' reader: no link is followed, a size limit, no YAML anchors, Dutch messages.
    raw = read_file(path, display, problems)
    text = decode(raw, display, problems) if raw is not None else None
    parsed = parse_yaml(text.splitlines(), 1, display, problems) if text is not None else None
    if parsed is None:
        raise RecordsInvalid(problems)
    data = parsed[0] or {}
    items = data.get("begrippen") if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.add(display, "de lijst 'begrippen' ontbreekt", expected="begrippen: met een lijst woorden")
        raise RecordsInvalid(problems)
    begrippen, seen = [], {}
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict) or not item.get("woord") or not item.get("uitleg"):
            problems.add(display, "elk begrip heeft een 'woord' en een 'uitleg' nodig", field=f"begrippen[{i}]",
                         found=repr(item)[:60])
            continue
        vormen = item.get("vormen") or []
        begrip = Begrip(str(item["woord"]).strip(), " ".join(str(item["uitleg"]).split()),
                        tuple(str(v).strip() for v in vormen))
        for vorm in begrip.alle_vormen:
            key = vorm.lower()
            if key in seen:
                problems.add(display, f"'{vorm}' staat twee keer in de lijst", field=f"begrippen[{i}]",
                             hint=f"Ook bij '{seen[key]}'.")
            seen[key] = begrip.woord
        begrippen.append(begrip)
    if problems:
        raise RecordsInvalid(problems)
    return sorted(begrippen, key=lambda b: b.woord.lower())


_TAG = re.compile(r"(<[^>]+>)")
_TAGNAAM = re.compile(r"<(/?)([a-zA-Z0-9]+)")
_NIET_IN = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "svg", "abbr", "dfn"})


@lru_cache(maxsize=4096)
def _diepte_stap(tag: str) -> int:
    """+1 for a tag that opens a place where nothing is linked, -1 for its end tag.

    Cached per tag text: a page has a hundred tags but only a few different ones.
    """
    m = _TAGNAAM.match(tag)
    if m and m.group(2).lower() in _NIET_IN and not tag.endswith("/>"):
        return -1 if m.group(1) else 1
    return 0


def _botsen(vormen) -> bool:
    """True if two different letters of the forms match each other without regard to
    case ("s" and "ſ", "i" and "ı"): then a trie could choose another form than the
    plain alternation, so :func:`_woorden` keeps the alternation."""
    tekens = sorted(set("".join(vormen)))
    return any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in tekens for b in tekens if a != b)


@lru_cache(maxsize=8)
def _woorden(begrippen: tuple[Begrip, ...]) -> tuple[dict, dict, re.Pattern | None, bool]:
    """Per glossary (the same for every page): the begrip and slug of every form (lower
    case), one pattern for all forms, and whether every form has a letter or sign that
    is not a space (then a text of only spaces holds no form and need not be searched).

    The pattern is a trie (:mod:`raadsinfo.trie`), which finds the same form as an
    alternation of the forms, longest first, while trying one branch per character.
    """
    per_vorm = {v.lower(): b for b in begrippen for v in b.alle_vormen}
    slugs = {v: b.slug for v, b in per_vorm.items()}
    vormen = sorted(per_vorm, key=len, reverse=True)
    if not vormen:
        return per_vorm, slugs, None, False
    kern = ("|".join(re.escape(v) for v in vormen) if _botsen(vormen) else trie_regex(sorted(vormen)))
    patroon = re.compile(r"(?<!\w)(" + kern + r")(?!\w)", re.IGNORECASE)
    return per_vorm, slugs, patroon, all(v.strip() for v in vormen)


class Koppelaar:
    """Links the first use of each glossary word on one page; make one per page.

    Call :meth:`tekst` for plain text and :meth:`html` for an HTML fragment, in the
    order the parts appear on the page.
    """

    def __init__(self, begrippen: list[Begrip], pagina: str, uitsluiten: set[str] | frozenset = frozenset()):
        self.pagina = pagina  # URL of the glossary page, relative to the current page
        self.gezien: set[str] = set(uitsluiten)
        self.per_vorm, self._slugs, self.patroon, self._spaties_vrij = _woorden(tuple(begrippen))
        # Once every word is linked, the rest of the page stays as it is.
        self._open = set(self._slugs.values()) - self.gezien

    def _vervang(self, m: re.Match) -> str:
        # re.IGNORECASE also matches letters whose lower case is no known form ("İ"
        # lower-cases to "i" plus a combining dot): leave those words unlinked.
        slug = self._slugs.get(m.group(1).lower())
        if slug is None or slug in self.gezien:
            return m.group(0)
        self.gezien.add(slug)
        self._open.discard(slug)
        return f'<a href="{self.pagina}#{slug}" class="term">{m.group(1)}</a>'

    def _link(self, escaped_text: str) -> str:
        if not self._open:  # also when there is no glossary
            return escaped_text
        return self.patroon.sub(self._vervang, escaped_text)

    def tekst(self, text: str | None) -> str:
        """Plain text in, HTML out (escaped), with first uses linked."""
        return self._link(escape(text or "", quote=False))

    def html(self, fragment: str | None) -> str:
        """An HTML fragment (from Markdown) with first uses in its text linked.

        The fragment is split at its tags; only text outside headings, links, code
        and the like (:data:`_NIET_IN`) is searched. Text of only spaces (between
        block tags, over half of the texts) is skipped: no form can match it.
        """
        delen = _TAG.split(fragment or "")
        diepte = 0
        for i, deel in enumerate(delen):
            if not self._open:
                break
            if deel.startswith("<"):  # a tag, or text after a "<" that starts no tag
                stap = _diepte_stap(deel)
                if stap:
                    diepte = max(diepte + stap, 0)
            elif not diepte and (not self._spaties_vrij or (deel and not deel.isspace())):
                delen[i] = self._link(deel)
        return "".join(delen)
