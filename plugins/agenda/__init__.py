"""Pelican plugin: iCalendar files of upcoming meetings and of each dossier's planned vote.

Needs the 'dossiers' plugin (the records) and the 'feeds' plugin (the addresses).
"""

from pelican import signals

from .generator import AgendaGenerator


def get_generators(pelican_object):
    return AgendaGenerator


def register():
    signals.get_generators.connect(get_generators)
