"""Render each dossier card once per build, not once per list it is in.

A dossier's card appears on the home page, the full index and its status, topic
and year lists: thousands of identical renderings of the ``kaart`` macro on a big
site. The card depends only on the dossier, the day, the heading level and
``SITEURL`` (which differs by page depth when URLs are relative), so that is the
key. The cache is a fresh dict in every build's context (``kaartcache``), so a
rebuild (``invoke livereload``) never shows a stale card.
"""

from __future__ import annotations


def kaart_eenmaal(cache, kaart, d, today, niveau, siteurl):
    """``kaart(d, today, niveau)``, rendered at most once per key in this build
    (rendered every time when the context has no cache, e.g. a template outside
    this plugin)."""
    if not isinstance(cache, dict):
        return kaart(d, today, niveau)
    key = (d.id, today, niveau, siteurl)
    html = cache.get(key)
    if html is None:
        html = cache[key] = kaart(d, today, niveau)
    return html
