"""Domain model of the raadsinformatie site, in plain Python.

Nothing in this package imports Pelican: records, dossiers, status, vote checks and
the labelling rule can be tested in milliseconds and reused by every output (pages,
feeds, calendar, exports, the guard). The Pelican glue lives in ``plugins/``.
"""
