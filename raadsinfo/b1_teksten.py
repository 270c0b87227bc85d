"""Which texts a resident reads, so that the B1 check measures all of them.

Checked: per voorstel the samenvatting, the toelichting (Markdown body), the
explanation of the trees and of the cost; per outcome the besluittoelichting ("Waarom
dit besluit?"), its Markdown body and the descriptions of amendementen and moties;
every page in ``content/pages/`` (the explainers); and the glossary. Not checked:
titles and the gevraagd besluit (the formal text of the ontwerpbesluit), and names.

Used by ``invoke check`` and by the build (plugin ``explain``), so both judge the same
texts in the same way. Markdown is read with the site's own ``MARKDOWN`` setting
(``markdown``, see :mod:`raadsinfo.markdown_config`), the same as the build renders it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .b1 import DREMPELS, Drempels, Meting, meet, tekst_uit_html
from .glossary import BEGRIPPEN, Begrip
from .markdown_config import markdown_from_settings


@dataclass(frozen=True)
class Tekst:
    naam: str  # "content/voorstellen/x.md: samenvatting"
    tekst: str  # plain text


def _md_to_text(md, markdown_text: str) -> str:
    # One Markdown instance, reset per text: building one costs more than converting.
    md.reset()
    return tekst_uit_html(md.convert(markdown_text))


def dossier_teksten(dossiers, markdown: dict, html: dict | None = None) -> list[Tekst]:
    """``markdown``: the MARKDOWN setting. ``html``: the Markdown bodies already
    rendered by the build, per dossier id and then per record ("toelichting" for the
    voorstel, the source path for an outcome); without it the bodies are rendered here."""
    out: list[Tekst] = []
    md = None

    def body(d, key, markdown_text):
        nonlocal md
        if html is not None and key in html.get(d.id, {}):
            return tekst_uit_html(html[d.id][key])
        md = md or markdown_from_settings(markdown)
        return _md_to_text(md, markdown_text)

    for d in dossiers:
        v = d.voorstel
        out.append(Tekst(f"{v.source}: samenvatting", v.samenvatting))
        if v.toelichting.strip():
            tekst = body(d, "toelichting", v.toelichting)
            out.append(Tekst(f"{v.source}: toelichting (tekst onder de voorkant)", tekst))
        if v.bomen and v.bomen.toelichting:
            out.append(Tekst(f"{v.source}: bomen.toelichting", v.bomen.toelichting))
        if v.kosten and v.kosten.toelichting:
            out.append(Tekst(f"{v.source}: kosten.toelichting", v.kosten.toelichting))
        for u in d.uitkomsten:
            if u.besluittoelichting:
                out.append(Tekst(f"{u.source}: besluittoelichting", u.besluittoelichting))
            if u.toelichting.strip():
                tekst = body(d, u.source, u.toelichting)
                out.append(Tekst(f"{u.source}: toelichting (tekst onder de voorkant)", tekst))
            for n in u.amendementen + u.moties:
                if n.omschrijving:
                    out.append(Tekst(f"{u.source}: {n.soort} '{n.titel}', omschrijving", n.omschrijving))
    return out


def _split_pelican_page(source: str) -> str:
    """Drop Pelican's 'Key: value' header lines; return the Markdown body."""
    lines = source.splitlines()
    i = 0
    while i < len(lines) and lines[i].strip() and ":" in lines[i] and not lines[i].startswith((" ", "#", "<")):
        i += 1
    return "\n".join(lines[i:])


def pagina_teksten(content: Path, markdown: dict) -> list[Tekst]:
    """The explainer pages in ``content/pages``, read with the MARKDOWN setting."""
    folder = Path(content) / "pages"
    md = markdown_from_settings(markdown)
    out = []
    for path in sorted(folder.glob("*.md")):
        body = _split_pelican_page(path.read_text(encoding="utf-8"))
        out.append(Tekst(f"content/pages/{path.name}", _md_to_text(md, body)))
    return out


def begrippen_tekst(begrippen: list[Begrip]) -> list[Tekst]:
    if not begrippen:
        return []
    return [Tekst(f"content/{BEGRIPPEN}", " ".join(b.uitleg for b in begrippen))]


def alle_teksten(dossiers, content: Path, begrippen: list[Begrip], markdown: dict,
                 html: dict | None = None) -> list[Tekst]:
    """Every text to check; ``markdown`` is the site's MARKDOWN setting."""
    return dossier_teksten(dossiers, markdown, html) + pagina_teksten(content, markdown) + begrippen_tekst(begrippen)


def meet_alles(teksten: list[Tekst], drempels: Drempels = DREMPELS) -> list[Meting]:
    return [meet(t.tekst, t.naam, drempels) for t in teksten]


def rapport(metingen: list[Meting], alles: bool = False) -> str:
    """The report for ``invoke check``: every failing text (or, with ``alles``, every text)."""
    te_moeilijk = [m for m in metingen if not m.voldoet]
    lines = []
    if alles:
        lines += [m.samenvatting_regel() if m.voldoet else m.rapport() for m in metingen]
    else:
        lines += [m.rapport() for m in te_moeilijk]
    d = DREMPELS
    lines.append(f"Taalniveau B1: {len(metingen) - len(te_moeilijk)} van {len(metingen)} teksten voldoen "
                 f"(leesgemak minstens {d.min_leesgemak:.0f}, hooguit {d.max_woorden_per_zin:.0f} woorden per zin, "
                 f"hooguit {d.max_aandeel_lange_woorden:.0%} lange woorden).")
    return "\n".join(lines)
