"""Pelican plugin: write the open-data exports (data/dossiers.json, data/*.csv, data/ods/).

The mapping onto the ODS field names is plain Python in :mod:`raadsinfo.export`, the
ODS resources in :mod:`raadsinfo.ods`; this package only decides where the files go.
It reads the validated site that the ``dossiers`` plugin put in the shared context
(``raad``), so it must be listed after ``dossiers`` in ``PLUGINS``.
"""

from pelican import signals

from .generator import ExportGenerator


def get_generators(pelican_object):
    return ExportGenerator


def register():
    signals.get_generators.connect(get_generators)
