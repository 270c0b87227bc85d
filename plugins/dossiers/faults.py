"""Pelican's last word on a fault, in Dutch and without a traceback.

Pelican logs any exception that ends a build as CRITICAL with its traceback. Griffie
staff read that as "the program is broken" and cannot act on it; what they need is
whether the site was touched and whom to tell. So this filter on Pelican's logger
replaces that one message (the details stay available with ``RAADSINFO_DEBUG=1``, as
for the tasks, see ``buildtools/failures.py``). A build that stops on an error Pelican
logged before (``--fatal errors``) says so: that error is the one to read.
"""

from __future__ import annotations

import logging

from raadsinfo.problems import debug_enabled

FATAL = "Warning or error encountered"  # what Pelican raises under --fatal after an error it logged


class DutchFault(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.CRITICAL or not record.exc_info or debug_enabled():
            return True
        exc = record.exc_info[1]
        record.exc_info = record.exc_text = None
        if isinstance(exc, RuntimeError) and str(exc) == FATAL:
            record.msg, record.args = "De bouw is gestopt door de fout hierboven. De site is niet bijgewerkt.", ()
        else:
            record.msg = ("De bouw is mislukt door een fout in het programma of de instellingen (%s: %s). De site "
                          "is niet bijgewerkt. Meld dit aan de beheerder van de site; met RAADSINFO_DEBUG=1 ziet die "
                          "wat er misging.")
            record.args = (type(exc).__name__, exc)
        return True


def install() -> None:
    """Once per process: Pelican's ``main`` logs on the logger named ``pelican``."""
    logger = logging.getLogger("pelican")
    if not any(isinstance(f, DutchFault) for f in logger.filters):
        logger.addFilter(DutchFault())
