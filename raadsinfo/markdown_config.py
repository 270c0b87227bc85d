"""A Markdown converter made from the site's ``MARKDOWN`` setting, in one place.

The build renders the record bodies with it (plugin ``dossiers``) and the B1 check
reads the explainer pages with it (:mod:`raadsinfo.b1_teksten`), so both see the same
HTML whatever extensions ``pelicanconf.MARKDOWN`` switches on. Plain Python-Markdown,
no Pelican.
"""

from __future__ import annotations

from markdown import Markdown


def markdown_from_settings(settings: dict) -> Markdown:
    """A Markdown instance as Pelican's own reader makes it from the MARKDOWN setting:
    every extension named in ``extension_configs`` is switched on."""
    options = dict(settings)
    configs = options.get("extension_configs", {})
    options["extensions"] = list(dict.fromkeys([*options.get("extensions", []), *configs]))
    return Markdown(**options)
