"""Pelican plugin: read the records, validate them, write the dossier pages.

The records are read by :mod:`raadsinfo.loader` (plain Python), not by Pelican's
article reader: a dossier combines a voorstel file with its outcome files, which is
not one-file-one-article. Any invalid record stops the build in ``generate_context``:
the Dutch report is printed and Pelican exits non-zero (see ``RecordsRejected``).
"""

from pelican import signals

from . import faults
from .generator import DossierGenerator, refuse_odd_files


def get_generators(pelican_object):
    return DossierGenerator


def register():
    faults.install()  # a fault that ends the build: a Dutch message, not a traceback
    # Before Pelican reads any page: a linked page could be any file on the machine.
    signals.initialized.connect(refuse_odd_files)
    signals.get_generators.connect(get_generators)
