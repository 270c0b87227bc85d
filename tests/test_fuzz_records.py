"""Random records: ``invoke check`` and the build never hang, never crash, never touch the site.

Hypothesis writes random front matter (mutated valid records, YAML made of its own
special characters, raw bytes) and random Markdown into a tiny site, then runs what a
griffie member runs. Whatever the input, within a time bound:

* ``invoke check`` ends with "Alles in orde" or with a Dutch report and a non-zero
  exit, never with a traceback or another exception;
* the build (``tasks._build_into``, as ``invoke build``) either succeeds or exits
  non-zero with the last good site exactly as it was and no staging folder left.

Few examples, so that the file runs in well under a minute; the build part fewest.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from conftest import BESLUIT_PATH, VOORSTEL_PATH, TinySite
from forkbuild import ForkBuilder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invoke import Context, Exit
from test_bad_input_catalogue import snapshot

import tasks

ROOT = Path(__file__).resolve().parent.parent
#: Seconds one check or one build may take before it counts as a hang.
BOUND = 20


class Hung(Exception):
    pass


@contextmanager
def bounded(seconds: int = BOUND):
    def alarm(signum, frame):
        raise Hung(f"langer dan {seconds} seconden bezig")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- random records ----------------------------------------------------------------------------

_SPECIAL = list("&*[]{}:-#!|>'\"\n\t ,?%@`\\~") + ["\u202e", "\x00", "\u2028", "\u200b", "\x1b", "\r", "é", "---",
                                                    "\n  ", "\n- ", ": ", "!!", "<<: ", "&a ", "*a", "!!int ",
                                                    "!!float ", "!!bool ", "!!timestamp ", "!!binary ", "!!set ",
                                                    "!!python/name:os.system ", "9" * 50, "0x", "1_0"]


def _tokens(extra: str, max_size: int):
    """Text made of YAML's (and Markdown's) special signs, some words and line breaks."""
    return st.lists(st.sampled_from(_SPECIAL + list(extra)), max_size=max_size).map("".join)


_TEXT = _tokens("abcxyz019 ", 40) | st.text(max_size=40)
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**40, max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def mutated(draw, base: dict) -> str:
    """A valid record with some fields replaced by random values or left out, as YAML."""
    data = dict(base)
    for key in draw(st.lists(st.sampled_from(sorted(base) + ["extra", "titel"]), max_size=4)):
        if draw(st.booleans()):
            data[key] = draw(_VALUES)
        else:
            data.pop(key, None)
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False)


_FRONT = st.one_of(
    mutated(TinySite.voorstel()),
    mutated(TinySite.besluit()),
    _tokens("abcdefgh0123456789 ", 200),
)
_BODY = st.text(max_size=200) | _tokens("*_#>[]()<>abc ", 200)
_FILE = st.one_of(
    st.tuples(_FRONT, _BODY).map(lambda fb: "---\n" + fb[0] + "\n---\n" + fb[1]),
    _FRONT,
    st.binary(max_size=300),
)
_WHERE = st.sampled_from([VOORSTEL_PATH, BESLUIT_PATH, "voorstellen/2024-011-nieuw.md", "besluiten/2024-011.md",
                          "raad/onderwerpen.yaml"])


def _site(where: str, text: str | bytes) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="fuzz-"))
    return TinySite(tmp)(files={where: text})


# -- invoke check -----------------------------------------------------------------------------

@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=_WHERE, text=_FILE)
def test_check_never_hangs_and_never_crashes(where, text, monkeypatch, capsys):
    content = _site(where, text)
    try:
        monkeypatch.setattr(tasks, "CONTENT", content)
        monkeypatch.setenv("RAADSINFO_TODAY", "2026-11-27")
        monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
        with bounded():
            try:
                tasks.check(Context())
                ended = "ok"
            except Exit as exc:
                ended = exc.code
        out = capsys.readouterr()
        shown = out.out + out.err
        assert "Traceback" not in shown
        assert "fout in het programma" not in shown, shown
        if ended == "ok":
            assert "Alles in orde" in out.out
        else:
            assert ended != 0 and "fout" in shown
    finally:
        shutil.rmtree(content.parent.parent, ignore_errors=True)


# -- the build ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def forkbuilder():
    builder = ForkBuilder()
    yield builder
    builder.close()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory, forkbuilder):
    tmp = tmp_path_factory.mktemp("goed")
    content = TinySite(tmp)()
    out = tmp / "output"
    code, output = forkbuilder.run([str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
                                    "--fatal", "errors"], ROOT)
    assert code == 0, output
    return out


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=_WHERE, text=_FILE)
def test_build_never_hangs_never_crashes_never_touches_the_last_good_site(where, text, good_site, forkbuilder,
                                                                           monkeypatch, capfd):
    content = _site(where, text)
    target = content.parent / "publiek" / "output"
    try:
        shutil.copytree(good_site, target)
        before = snapshot(target)
        monkeypatch.setattr(tasks, "CONTENT", content)
        monkeypatch.setattr(tasks, "POST_BUILD_STEPS", [])
        monkeypatch.setenv("RAADSINFO_TODAY", "2026-11-27")
        monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
        forkbuilder.patch(monkeypatch)
        with bounded(60):
            try:
                tasks._build_into(target, "pelicanconf.py")
                failed = False
            except Exit as exc:
                failed = True
                assert exc.code != 0
        out = capfd.readouterr()
        assert "Traceback" not in out.out + out.err
        if failed:
            assert snapshot(target) == before
        assert sorted(p.name for p in target.parent.iterdir()) == ["output"]
    finally:
        shutil.rmtree(content.parent.parent, ignore_errors=True)
