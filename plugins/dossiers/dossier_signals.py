"""Signals of the dossiers plugin, for plugins that build on its records (not named
``signals``: that would hide Pelican's ``signals`` in the package)."""

from blinker import signal

#: Sent by the dossiers generator as soon as the records are loaded and valid, before
#: anything is rendered: ``sender`` is the generator, ``site`` the loaded
#: :class:`raadsinfo.model.Site`. The labelling guard starts its process beside the
#: build here, so that it can build its index while the build renders.
dossiers_loaded = signal("raadsinfo.dossiers_loaded")
