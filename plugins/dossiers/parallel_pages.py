"""Write many pages through Pelican's writer, rendering them on every CPU.

Rendering the dossier template is the largest cost of writing a big site, and
Pelican does it in one process. Each page is independent, so :func:`write_pages`
renders them in forked workers
(:func:`raadsinfo.parallel.fork_imap`), and hands every finished page, as it arrives, to
``writer.write_file`` in the main process exactly as a normal write: the same local
context, the same overwrite protection and the same ``content_written`` signal, so
other plugins see nothing different. Only the HTML text travels back.

To get the exact context Pelican renders a page with, a worker calls
``writer.write_file`` itself with a template that records what it is asked to render
and then stops the write (:class:`_Rendered`): no file is written in the worker, and no
copy of Pelican's context logic lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raadsinfo.parallel import fork_imap, shared

#: From this many pages on, pages are rendered in worker processes.
PARALLEL_FROM = 200


@dataclass
class Page:
    """One ``writer.write_file`` call: output name, template and extra context."""

    name: str
    template: object
    kwargs: dict = field(default_factory=dict)


class _Rendered(Exception):
    """Carries the rendered page out of ``writer.write_file`` before it writes."""

    def __init__(self, html: str):
        super().__init__()
        self.html = html


class _Render:
    """A template stand-in for the worker: renders, then stops the write."""

    def __init__(self, template):
        self.template = template

    def render(self, localcontext) -> str:
        raise _Rendered(self.template.render(localcontext))


class _Prerendered:
    """A template stand-in for the main process: the page is already rendered."""

    def __init__(self, html: str):
        self.html = html

    def render(self, localcontext) -> str:
        return self.html


def _render_page(i: int) -> str:
    writer, context, pages = shared()
    page = pages[i]
    try:
        writer.write_file(page.name, _Render(page.template), context, **page.kwargs)
    except _Rendered as done:
        return done.html
    raise RuntimeError(f"{page.name}: Pelican heeft de pagina niet opgebouwd")  # pragma: no cover


def write_pages(writer, context: dict, pages: list[Page], min_items: int = PARALLEL_FROM) -> None:
    """Write ``pages`` as ``writer.write_file(page.name, page.template, context, **page.kwargs)`` would."""
    rendered = fork_imap(_render_page, range(len(pages)), shared=(writer, context, pages), min_items=min_items)
    try:
        for page, html in zip(pages, rendered, strict=True):  # each page is written as it arrives
            writer.write_file(page.name, _Prerendered(html), context, **page.kwargs)
    finally:
        rendered.close()  # on an error: stop the workers now, not when the generator is collected
