"""Show a failed rebuild in the browser during ``invoke livereload``.

Before, a rebuild that failed printed its error in the terminal only, and the browser
kept showing the old page as if the change had worked. Now:

* :func:`rebuild` runs the build, keeps its output, and records success or failure
  in a :class:`BuildStatus` (in memory: nothing is written into ``output/``, which
  keeps the last good site, and nothing can reach a published site);
* :func:`handler_for` gives livereload a static-file handler that, while the last
  rebuild failed, answers every page request with :func:`error_page` (status 500):
  what went wrong, in Dutch, with the build's own report (file, line, field).
  Other files (CSS, images) are served as usual.

livereload injects its reload script into every HTML response, the error page too, so
the browser reloads after the next rebuild by itself and shows the real page again as
soon as the error is fixed.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

#: At most this many lines of the build's output appear on the error page (the end of it).
MAX_LINES = 200

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


@dataclass
class Failure:
    message: str
    details: str
    when: datetime


class BuildStatus:
    """Whether the last rebuild of the preview worked; shared by the rebuild and the handler."""

    def __init__(self) -> None:
        self.failure: Failure | None = None

    def failed(self, message: str, details: str = "") -> None:
        self.failure = Failure(message, details, datetime.now())

    def succeeded(self) -> None:
        self.failure = None


def rebuild(build: Callable[[list[str]], None], status: BuildStatus) -> bool:
    """Run ``build(log)`` and record the outcome; True when it worked.

    A failure is reported, never raised: livereload must keep running so that the next
    save can fix it. Ctrl+C and SIGTERM (KeyboardInterrupt) still stop the preview.
    """
    from invoke import Exit

    log: list[str] = []
    try:
        build(log)
    except Exit as exc:
        message = exc.message or "De bouw is mislukt."
    except OSError as exc:
        from buildtools.publish import describe_os_error

        message = f"De bouw is mislukt: {describe_os_error(exc)}."
    else:
        status.succeeded()
        return True
    print(message, file=sys.stderr, flush=True)
    status.failed(message, "".join(log))
    return False


def error_page(failure: Failure) -> str:
    """The page the browser shows while the last rebuild failed (all text escaped)."""
    lines = _ANSI.sub("", failure.details).rstrip().splitlines()
    if len(lines) > MAX_LINES:
        lines = ["...", *lines[-MAX_LINES:]]
    details = html.escape("\n".join(lines)) or "(geen verdere uitleg)"
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Bouwfout: het voorbeeld is niet bijgewerkt</title>
<style>
body {{ font: 1.05rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; }}
h1 {{ color: #a30000; }}
.melding {{ border-left: .4rem solid #a30000; background: #fdecec; padding: .75rem 1rem; }}
pre {{ background: #f4f4f4; padding: 1rem; overflow-x: auto; white-space: pre-wrap; }}
</style>
</head>
<body>
<main>
<h1>De site kon niet opnieuw worden gebouwd</h1>
<p class="melding" role="alert">{html.escape(failure.message)}</p>
<p>Los de fout hieronder op en sla het bestand op. Deze pagina ververst dan vanzelf.
Zodra de bouw lukt, ziet u hier weer de gewone pagina.</p>
<h2>Wat er misging (bouw van {failure.when:%H:%M:%S})</h2>
<pre>{details}</pre>
<p>De vorige, goede versie staat nog in <code>output/</code>. De gepubliceerde site is niet aangeraakt.</p>
</main>
</body>
</html>
"""


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith((".html", ".htm")) or "." not in last


def handler_for(status: BuildStatus) -> type:
    """livereload's static-file handler, answering page requests with the error page while needed."""
    from livereload.handlers import StaticFileHandler

    class PreviewHandler(StaticFileHandler):
        async def get(self, path: str, include_body: bool = True) -> None:
            failure = status.failure
            if failure is not None and _is_page(path):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(error_page(failure))
                return
            await super().get(path, include_body)

    return PreviewHandler
