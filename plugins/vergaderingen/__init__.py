"""Pelican plugin: a page per meeting (vergaderingen/) and the index of meetings.

Needs the 'dossiers' plugin (the records) and the 'agenda' plugin (the calendar links).
The domain work is in :mod:`raadsinfo.agenda` and :mod:`raadsinfo.vergaderingen`.
"""

from pelican import signals

from .generator import VergaderingenGenerator


def get_generators(pelican_object):
    return VergaderingenGenerator


def register():
    signals.get_generators.connect(get_generators)
