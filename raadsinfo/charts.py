"""Accessible inline SVG charts: the votes per fractie and the bomenbalans.

Why inline SVG and not a chart library: no JavaScript, no CDN, it prints, and it scales
on a phone. Each chart:

* has ``role="img"`` and ``aria-labelledby`` pointing to its own ``<title>`` and
  ``<desc>``; the desc says every figure in words, so a screen reader user gets the
  whole chart;
* never relies on colour alone: "tegen" and "gekapt" bars are hatched, and every bar
  carries its number as text;
* is meant to stand next to a table with the same figures (the templates put it
  there), which is the main text alternative.

The functions return SVG markup as a string; ``uid`` keeps ids unique on a page.
"""

from __future__ import annotations

from html import escape

from .bomenbalans import Bomenbalans, bomen_zin
from .model import Stemronde

KLEUR_VOOR = "#1d6b3e"
KLEUR_TEGEN = "#9b1c24"
KLEUR_GEKAPT = "#7a4a12"
KLEUR_HERPLANT = "#1d6b3e"
KLEUR_TEKST = "#1a1a1a"
FONT = 'font-family="inherit" font-size="14"'


def _hatch(uid: str, naam: str, kleur: str) -> str:
    return (f'<pattern id="{uid}-{naam}" width="8" height="8" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{kleur}"/>'
            f'<line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3"/></pattern>')


def _open_svg(uid: str, width: int, height: int, titel: str, desc: str, klasse: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek {klasse}" role="img" '
            f'aria-labelledby="{uid}-titel {uid}-desc" viewBox="0 0 {width} {height}" '
            f'width="100%" preserveAspectRatio="xMinYMin meet">'
            f'<title id="{uid}-titel">{escape(titel)}</title><desc id="{uid}-desc">{escape(desc)}</desc>')


def _legenda(x: int, y: int, items: list[tuple[str, str]]) -> str:
    out = []
    for label, fill in items:
        out.append(f'<rect x="{x}" y="{y}" width="16" height="16" fill="{fill}" stroke="{KLEUR_TEKST}" '
                   f'stroke-width="0.5"/><text x="{x + 22}" y="{y + 13}" {FONT} fill="{KLEUR_TEKST}">'
                   f'{escape(label)}</text>')
        x += 22 + 9 * len(label) + 24
    return "".join(out)


def stemming_beschrijving(stemronde: Stemronde) -> str:
    """All figures of a vote in words: the desc of the chart."""
    delen = [f"{stemronde.voor} raadsleden stemden voor, {stemronde.tegen} tegen."]
    for s in stemronde.stemmingen:
        afwezig = f", {s.afwezig} afwezig" if s.afwezig else ""
        delen.append(f"{s.fractie}: {s.voor} voor, {s.tegen} tegen{afwezig}.")
    return " ".join(delen)


def stemming_svg(stemronde: Stemronde, titel: str, uid: str = "stemming") -> str:
    """Horizontal bars per fractie: seats voor (solid) and tegen (hatched), with numbers."""
    rijen = stemronde.stemmingen
    if not rijen:
        return ""
    label_w, bar_w, rij_h, top = 170, 330, 30, 40
    width = label_w + bar_w + 130
    height = top + rij_h * len(rijen) + 10
    max_zetels = max(max(s.voor + s.tegen + s.afwezig for s in rijen), 1)
    unit = bar_w / max_zetels
    parts = [_open_svg(uid, width, height, titel, stemming_beschrijving(stemronde), "grafiek--stemming"),
             f'<defs>{_hatch(uid, "tegen", KLEUR_TEGEN)}</defs>',
             _legenda(label_w, 8, [("voor", KLEUR_VOOR), ("tegen", f"url(#{uid}-tegen)")])]
    for i, s in enumerate(rijen):
        y = top + i * rij_h
        parts.append(f'<text x="{label_w - 10}" y="{y + 19}" text-anchor="end" {FONT} '
                     f'fill="{KLEUR_TEKST}">{escape(s.fractie)}</text>')
        x = label_w
        if s.voor:
            w = s.voor * unit
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{rij_h - 10}" fill="{KLEUR_VOOR}"/>')
            x += w
        if s.tegen:
            w = s.tegen * unit
            parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{rij_h - 10}" '
                         f'fill="url(#{uid}-tegen)" stroke="{KLEUR_TEGEN}"/>')
            x += w
        parts.append(f'<text x="{x + 8:.1f}" y="{y + 19}" {FONT} fill="{KLEUR_TEKST}">'
                     f'{s.voor} voor, {s.tegen} tegen{f", {s.afwezig} afwezig" if s.afwezig else ""}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bomenbalans_beschrijving(balans: Bomenbalans) -> str:
    if not balans.jaren:
        return "Er zijn nog geen besluiten over bomen."
    delen = [f"{j.jaar}: {bomen_zin(j.gekapt, j.herplant)}." for j in balans.jaren]
    t = balans.totaal
    delen.append(f"Samen: {bomen_zin(t.gekapt, t.herplant)}.")
    return " ".join(delen)


def bomenbalans_svg(balans: Bomenbalans, titel: str = "Bomen gekapt en geplant per jaar",
                    uid: str = "bomenbalans") -> str:
    """Grouped vertical bars per year: felled (hatched) next to replanted (solid)."""
    if not balans.jaren:
        return ""
    groep_w, bar_w, plot_h, top, links = 120, 40, 220, 50, 20
    width = max(links + groep_w * len(balans.jaren) + 20, 320)
    height = top + plot_h + 40
    grootste = max(max(j.gekapt, j.herplant) for j in balans.jaren) or 1
    schaal = plot_h / grootste
    basis = top + plot_h
    parts = [_open_svg(uid, width, height, titel, bomenbalans_beschrijving(balans), "grafiek--bomen"),
             f'<defs>{_hatch(uid, "gekapt", KLEUR_GEKAPT)}</defs>',
             _legenda(links, 8, [("gekapt", f"url(#{uid}-gekapt)"), ("nieuw geplant", KLEUR_HERPLANT)]),
             f'<line x1="{links}" y1="{basis}" x2="{width - 10}" y2="{basis}" stroke="{KLEUR_TEKST}"/>']
    for i, j in enumerate(balans.jaren):
        x = links + i * groep_w + 10
        for k, (aantal, fill, stroke) in enumerate(((j.gekapt, f"url(#{uid}-gekapt)", KLEUR_GEKAPT),
                                                    (j.herplant, KLEUR_HERPLANT, KLEUR_HERPLANT))):
            h = aantal * schaal
            bx = x + k * (bar_w + 6)
            parts.append(f'<rect x="{bx}" y="{basis - h:.1f}" width="{bar_w}" height="{h:.1f}" fill="{fill}" '
                         f'stroke="{stroke}"/>')
            parts.append(f'<text x="{bx + bar_w / 2:.0f}" y="{basis - h - 6:.1f}" text-anchor="middle" {FONT} '
                         f'fill="{KLEUR_TEKST}">{aantal}</text>')
        parts.append(f'<text x="{x + bar_w + 3}" y="{basis + 22}" text-anchor="middle" {FONT} '
                     f'fill="{KLEUR_TEKST}">{j.jaar}</text>')
    parts.append("</svg>")
    return "".join(parts)
