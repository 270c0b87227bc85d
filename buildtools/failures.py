"""Every failure of a task is a Dutch message and a non-zero exit, never a traceback.

Griffie staff read a traceback as "the program is broken" and cannot act on it.
So a task runs inside :func:`dutch_failures`:

* problems in the records (:class:`~raadsinfo.problems.RecordsInvalid`) are printed
  as the usual report, exit 1;
* a refusal with a Dutch reason (``buildtools.scaffold.Refused``) is printed as it is,
  exit 1;
* Ctrl+C says the task was stopped, exit 130;
* anything else is a fault of the program, not of the records: a short Dutch message
  that says so and how to get the details, exit 1.

The details (the traceback) are shown only when asked for, with the task's
``--debug`` flag or ``RAADSINFO_DEBUG=1``; the flag sets the variable, so that a
Pelican subprocess and the loader's per-file guard see it too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from invoke import Exit

from raadsinfo.problems import RecordsInvalid, debug_enabled


def enable_debug(debug: bool) -> None:
    """``--debug`` on a task: show the details of a failure, here and in subprocesses."""
    if debug:
        os.environ["RAADSINFO_DEBUG"] = "1"


@contextmanager
def dutch_failures(taak: str, nothing_changed: str = "Er is niets veranderd.") -> Iterator[None]:
    """Turn every failure inside the block into a Dutch :class:`invoke.Exit`."""
    from buildtools.scaffold import Refused

    try:
        yield
    except (Exit, SystemExit):
        raise
    except RecordsInvalid as exc:
        print(exc.problems.report(), file=sys.stderr)
        raise Exit(code=1) from None
    except Refused as exc:
        raise Exit(str(exc), code=1) from None
    except KeyboardInterrupt:
        if debug_enabled():
            raise
        raise Exit(f"'invoke {taak}' is gestopt. {nothing_changed}", code=130) from None
    except Exception as exc:
        if debug_enabled():
            raise
        raise Exit(f"'invoke {taak}' is mislukt door een onverwachte fout in het programma "
                   f"({type(exc).__name__}). {nothing_changed} Meld dit aan de beheerder van de site; met "
                   f"'invoke {taak} --debug' ziet die wat er misging.", code=1) from None
