"""What an explainer page (``content/pages``) may say about itself: where it is written.

Pelican lets a page choose its own address (``Save_as:``, ``URL:``, a ``Slug:`` with a
``/``) and its own template. A page written over ``index.html`` or a dossier's page
replaces what the site generates there, the labels included, and Pelican does not
always notice. So a page is a Markdown file whose address is its slug, a plain name
that no generated page or folder uses; anything else is refused with a Dutch message
naming the file, the line and the field. Plain Python, no Pelican.
"""

from __future__ import annotations

import re
from pathlib import Path

from .dossier import slugify  # the slug Pelican makes of a title: the same rule
from .problems import Problems

PAGINAMAP = "pages"
#: Page files Pelican would read with a reader of its own (reStructuredText, HTML):
#: the wording check reads Markdown, so these are refused rather than left unchecked.
ANDERE_SOORTEN = (".rst", ".html", ".htm", ".txt", ".markdown", ".mkd", ".mdown")
#: Metadata with which a page chooses its own address or template.
VERBODEN = {"save_as": "waar de pagina wordt opgeslagen", "url": "het adres van de pagina",
            "template": "het sjabloon van de pagina", "page_save_as": "waar de pagina wordt opgeslagen",
            "page_url": "het adres van de pagina"}
#: Names the site itself writes at its top level (pages and folders).
GERESERVEERD = frozenset("""index 404 begrippen bomenbalans pers zoeken feeds agenda data dossiers jaar onderwerpen
status theme pagefind vergaderingen fracties releases current""".split())
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_META = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")


def check_page_files(content: Path, problems: Problems) -> None:
    folder = Path(content) / PAGINAMAP
    if not folder.is_dir():
        return
    slugs: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue  # a link is refused by the loader's file check, quoting nothing of its target
        display = f"content/{path.relative_to(content).as_posix()}"
        if path.suffix.lower() in ANDERE_SOORTEN:
            problems.add(display, "een pagina is een Markdown-bestand (.md); dit soort bestand leest de controle niet",
                         found=path.suffix, expected=".md", hint=f"Sla de pagina op als {path.stem}.md.")
            continue
        if path.suffix != ".md":
            continue
        meta: dict[str, tuple[int, str]] = {}
        for n, regel in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
            m = _META.match(regel)
            if not regel.strip() or m is None:
                break
            meta.setdefault(m.group(1).lower(), (n, m.group(2).strip()))
        for veld, (n, waarde) in meta.items():
            if veld in VERBODEN:
                problems.add(display, f"een pagina kiest niet zelf {VERBODEN[veld]}: de site bepaalt dat uit de "
                             "'Slug'", line=n, field=veld, found=waarde, expected=f"geen '{veld}'",
                             hint="Haal deze regel weg. Een pagina over een andere pagina heen zetten kan een "
                                  "voorstel laten verdwijnen of anders laten lijken.")
        if not meta.get("title", (0, ""))[1]:
            problems.add(display, "een pagina heeft een titel nodig: die staat bovenaan als kop", line=1,
                         field="title", found="geen 'Title:'", expected="bovenaan 'Title: <titel van de pagina>'",
                         hint="De eerste regels zijn de gegevens van de pagina (Title:, Slug:, Summary:), dan een "
                              "lege regel, dan de tekst.")
        regel, slug = meta.get("slug") or (meta.get("title", (None, ""))[0], slugify(meta.get("title", (0, ""))[1]))
        if not slug:
            slug, regel = slugify(path.stem), None
        veld = "slug" if "slug" in meta else "title"
        if not _SLUG.fullmatch(slug):
            problems.add(display, "de slug van een pagina is een korte naam van kleine letters, cijfers en "
                         "streepjes", line=regel, field=veld, found=slug, expected="bijvoorbeeld 'inspreken'")
        elif slug in GERESERVEERD:
            problems.add(display, f"de site maakt zelf al '{slug}'; deze pagina zou die vervangen", line=regel,
                         field=veld, found=slug, expected="een andere slug",
                         hint=f"Gebruik bijvoorbeeld 'Slug: over-{slug}'.")
        elif slug in slugs:
            problems.add(display, f"twee pagina's hebben de slug '{slug}'", line=regel, field=veld, found=slug,
                         expected="een eigen slug per pagina", hint=f"Ook: {slugs[slug]}.")
        else:
            slugs[slug] = display
