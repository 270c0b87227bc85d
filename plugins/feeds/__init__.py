"""Pelican plugin: Atom 1.0 and RSS 2.0 feeds of the news events, written with feedgen.

Pelican's own feeds are switched off in pelicanconf.py. The events come from
:mod:`raadsinfo.nieuws`; the list of feeds from :mod:`feeds.lijsten`; the bytes from
:mod:`feeds.schrijver`. This module and :mod:`feeds.generator` only glue them to
Pelican: settings in, files out, and the "Voor de pers" page.
"""

from pelican import signals

from .generator import FeedsGenerator


def get_generators(pelican_object):
    return FeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
