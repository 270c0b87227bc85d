"""Pelican plugin: explain the process and the decisions.

Thin glue around :mod:`raadsinfo.tracker`, :mod:`raadsinfo.glossary`,
:mod:`raadsinfo.bomenbalans`, :mod:`raadsinfo.charts` and :mod:`raadsinfo.b1`:

* Jinja globals and filters for the dossier template: the route tracker, "Wat kunt u
  nu doen?", the vote chart, the glossary linker;
* the pages bomenbalans.html and begrippen.html;
* the B1 language check of every resident text: a warning per text that is too
  hard, or a failed build when ``B1_STRICT = True``.

Load it after ``dossiers`` in ``PLUGINS``: it reuses the dossiers that plugin loaded.
"""

from pelican import signals

from .generator import ExplainGenerator, add_template_helpers


def get_generators(pelican_object):
    return ExplainGenerator


def register():
    signals.generator_init.connect(add_template_helpers)
    signals.get_generators.connect(get_generators)
