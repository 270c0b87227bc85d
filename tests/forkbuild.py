"""Run many real Pelican builds quickly: one interpreter, imported once, forked per build.

The bad-input catalogue runs ``tasks._build_into`` (the build of ``invoke build``: a
staging folder, Pelican, the swap) for every kind of bad input, to prove that the last
good site stays untouched. Starting Python and importing Pelican, Markdown, Jinja and
the plugins is most of a second per build; a failing build itself takes a fraction
of that. So :class:`ForkBuilder` starts one server process that imports all of it and
then runs each Pelican command in a forked child, exactly as ``python -m pelican``
would run it (``pelican.main`` with the same arguments, in the same working folder,
with the same environment), and :meth:`ForkBuilder.patch` puts it in the place of
``buildtools.atomic.run`` for Pelican commands only.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SERVER = r"""
import json, os, sys, traceback
root = sys.argv[1]
sys.path[:0] = [root, os.path.join(root, "plugins")]
import pelican, pelican.generators, pelican.readers, markdown, jinja2  # noqa: the point is the import
import raadsinfo.loader
for name in ("sanitise", "dossiers", "exports", "feeds", "agenda", "explain", "guard"):
    __import__(name)
for line in sys.stdin:
    req = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            fd = os.open(req["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.chdir(req["cwd"])
            os.environ.clear()
            os.environ.update(req["env"])
            sys.argv = ["pelican", *req["args"]]
            pelican.main(req["args"])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"code": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class ForkBuilder:
    """A server that runs ``python -m pelican ...`` commands in forked children."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-c", _SERVER, str(ROOT)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, cwd=ROOT)

    def run(self, args: list[str], cwd: Path, timeout: float = 120) -> tuple[int, str]:
        """Exit code and output (stdout and stderr together) of one Pelican run."""
        with tempfile.NamedTemporaryFile("r", suffix=".log", encoding="utf-8", errors="replace") as log:
            request = {"args": args, "cwd": str(cwd), "env": dict(os.environ), "log": log.name}
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                self.close()
                raise TimeoutError(f"Pelican liep langer dan {timeout} seconden: {args}")
            reply = json.loads(self.proc.stdout.readline())
            return reply["code"], log.read()

    def patch(self, monkeypatch) -> None:
        """Let ``buildtools.atomic.run`` run Pelican commands here (others as before)."""
        from buildtools import atomic

        real_run = atomic.run

        def run(cmd, cwd, log=None, **kwargs):
            cmd = [str(c) for c in cmd]
            if cmd[1:3] != ["-m", "pelican"] or kwargs:
                return real_run(cmd, cwd=cwd, log=log, **kwargs)
            code, output = self.run(cmd[3:], Path(cwd))
            sys.stderr.write(output)
            if log is not None:
                log.append(output)
            return code

        monkeypatch.setattr(atomic, "run", run)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
