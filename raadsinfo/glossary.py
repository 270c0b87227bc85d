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
from html import escape
from pathlib import Path

import yaml

from .dossier import slugify
from .problems import Problems, RecordsInvalid

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
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        problems.add(display, f"dit bestand is niet leesbaar ({exc})")
        raise RecordsInvalid(problems) from None
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


class Koppelaar:
    """Links the first use of each glossary word on one page; make one per page.

    Call :meth:`tekst` for plain text and :meth:`html` for an HTML fragment, in the
    order the parts appear on the page.
    """

    NIET_IN = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "svg", "abbr", "dfn"}

    def __init__(self, begrippen: list[Begrip], pagina: str, uitsluiten: set[str] | frozenset = frozenset()):
        self.pagina = pagina  # URL of the glossary page, relative to the current page
        self.gezien: set[str] = set(uitsluiten)
        self.per_vorm = {v.lower(): b for b in begrippen for v in b.alle_vormen}
        vormen = sorted(self.per_vorm, key=len, reverse=True)
        self.patroon = (re.compile(r"(?<!\w)(" + "|".join(re.escape(v) for v in vormen) + r")(?!\w)", re.IGNORECASE)
                        if vormen else None)

    def _link(self, escaped_text: str) -> str:
        if self.patroon is None:
            return escaped_text

        def vervang(m: re.Match) -> str:
            begrip = self.per_vorm[m.group(1).lower()]
            if begrip.slug in self.gezien:
                return m.group(0)
            self.gezien.add(begrip.slug)
            return f'<a href="{self.pagina}#{begrip.slug}" class="term">{m.group(1)}</a>'

        return self.patroon.sub(vervang, escaped_text)

    def tekst(self, text: str | None) -> str:
        """Plain text in, HTML out (escaped), with first uses linked."""
        return self._link(escape(text or "", quote=False))

    def html(self, fragment: str | None) -> str:
        """An HTML fragment (from Markdown) with first uses in its text linked."""
        out, diepte = [], 0
        for deel in re.split(r"(<[^>]+>)", fragment or ""):
            if deel.startswith("<"):
                m = re.match(r"<(/?)([a-zA-Z0-9]+)", deel)
                if m and m.group(2).lower() in self.NIET_IN and not deel.endswith("/>"):
                    diepte += -1 if m.group(1) else 1
                    diepte = max(diepte, 0)
                out.append(deel)
            elif diepte:
                out.append(deel)
            else:
                out.append(self._link(deel))
        return "".join(out)
