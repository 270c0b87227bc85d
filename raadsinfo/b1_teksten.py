"""Which texts a resident reads, so that the B1 check measures all of them.

Checked: per voorstel the samenvatting, the toelichting (Markdown body), the
explanation of the trees and of the cost; per outcome the besluittoelichting ("Waarom
dit besluit?"), its Markdown body and the descriptions of amendementen and moties;
every page in ``content/pages/`` (the explainers); and the glossary. Not checked:
titles and the gevraagd besluit (the formal text of the ontwerpbesluit), and names.

Used by ``invoke check`` and by the build (plugin ``explain``), so both judge the same
texts in the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown import Markdown

from .b1 import DREMPELS, Drempels, Meting, meet, tekst_uit_html
from .glossary import BEGRIPPEN, Begrip


@dataclass(frozen=True)
class Tekst:
    naam: str  # "content/voorstellen/x.md: samenvatting"
    tekst: str  # plain text


_MARKDOWN = Markdown(extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"])


def _md_to_text(markdown_text: str) -> str:
    # One Markdown instance, reset per text: building one costs more than converting.
    _MARKDOWN.reset()
    return tekst_uit_html(_MARKDOWN.convert(markdown_text))


def dossier_teksten(dossiers, html: dict | None = None) -> list[Tekst]:
    """``html``: the Markdown bodies already rendered by the build, per dossier id and
    then per record ("toelichting" for the voorstel, the source path for an outcome);
    without it the bodies are rendered here."""
    out: list[Tekst] = []

    def body(d, key, markdown_text):
        if html is not None and key in html.get(d.id, {}):
            return tekst_uit_html(html[d.id][key])
        return _md_to_text(markdown_text)

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


def pagina_teksten(content: Path) -> list[Tekst]:
    folder = Path(content) / "pages"
    out = []
    for path in sorted(folder.glob("*.md")):
        body = _split_pelican_page(path.read_text(encoding="utf-8"))
        out.append(Tekst(f"content/pages/{path.name}", _md_to_text(body)))
    return out


def begrippen_tekst(begrippen: list[Begrip]) -> list[Tekst]:
    if not begrippen:
        return []
    return [Tekst(f"content/{BEGRIPPEN}", " ".join(b.uitleg for b in begrippen))]


def alle_teksten(dossiers, content: Path, begrippen: list[Begrip], html: dict | None = None) -> list[Tekst]:
    return dossier_teksten(dossiers, html) + pagina_teksten(content) + begrippen_tekst(begrippen)


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
