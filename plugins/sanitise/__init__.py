"""Pelican plugin: sanitise every page Pelican reads itself (``content/pages``).

Record bodies are sanitised where the dossiers plugin renders them; explainer pages
are read by Pelican's own readers and printed by ``page.html`` with ``|safe``, so
they pass the same allowlist here (profile :data:`~raadsinfo.sanitise.PAGINA`).

Why the ``content_object_init`` signal and not a Markdown extension: the signal
fires for every content object whatever reader made it, so an ``.html`` or ``.rst``
page dropped into ``content/pages`` is cleaned just like a Markdown one, and the
formatted metadata (``Summary:``, rendered to HTML by the reader) with it. It fires
before Pelican replaces ``{filename}`` links, which the allowlist keeps as relative
addresses.
"""

from __future__ import annotations

from pelican import signals
from pelican.contents import Static

from raadsinfo.sanitise import PAGINA, sanitise

#: page.html prints the page's title as its h1, so the body's headings start at h2.
BOVENSTE_KOP = 2


def sanitise_content(instance) -> None:
    """content_object_init: replace the HTML of a page (and its formatted metadata)."""
    if isinstance(instance, Static):
        return
    if getattr(instance, "_content", None):
        instance._content = sanitise(instance._content, BOVENSTE_KOP, PAGINA)
    for key in instance.settings.get("FORMATTED_FIELDS", ()):
        value = instance.metadata.get(key)
        if isinstance(value, str):
            clean = sanitise(value, BOVENSTE_KOP, PAGINA)
            instance.metadata[key] = clean
            if key == "summary":  # a read-only property of Content; it reads _summary
                instance._summary = clean
            else:
                setattr(instance, key.lower(), clean)


def register():
    signals.content_object_init.connect(sanitise_content)
