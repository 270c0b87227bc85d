"""Where a Pelican build spends its time, per generator and per plugin signal.

``python bench/phases.py <pelican arguments>`` runs Pelican in this process with
light instrumentation: every generator's ``generate_context`` and
``generate_output``, and every receiver of the build-level signals
(``all_generators_finalized``, ``finalized``, ``content_written`` summed), are timed
with ``time.perf_counter``. Unlike cProfile this adds next to no overhead, so the
shares are the real ones; use cProfile (``build_bench.py --profile``) to look inside
one phase.

The table goes to stderr; with ``--phases-json FILE`` (first argument) it is also
written as JSON for ``build_bench.py``.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TIMINGS: dict[str, float] = defaultdict(float)
SIGNALS = ("all_generators_finalized", "finalized", "content_written", "get_writer", "initialized")


def _wrap_method(cls, name: str) -> None:
    original = getattr(cls, name, None)
    if original is None or getattr(original, "_bench_timed", False):
        return

    def timed(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            TIMINGS[f"{cls.__module__}.{cls.__name__}.{name}"] += time.perf_counter() - start

    timed._bench_timed = True
    setattr(cls, name, timed)


def _wrap_signal(signal_name: str) -> None:
    from pelican import signals

    sig = getattr(signals, signal_name)

    def send(*sender, **kwargs):
        results = []
        for receiver in sig.receivers_for(sender[0] if sender else None):
            start = time.perf_counter()
            try:
                results.append((receiver, receiver(*sender, **kwargs)))
            finally:
                name = f"{getattr(receiver, '__module__', '?')}.{getattr(receiver, '__qualname__', receiver)}"
                TIMINGS[f"signal {signal_name}: {name}"] += time.perf_counter() - start
        return results

    sig.send = send


def instrument() -> None:
    from pelican import Pelican

    original = Pelican._get_generator_classes

    def classes(self):
        found = original(self)
        for cls in found:
            _wrap_method(cls, "generate_context")
            _wrap_method(cls, "generate_output")
        return found

    Pelican._get_generator_classes = classes
    for name in SIGNALS:
        _wrap_signal(name)


def table(total: float) -> str:
    rows = sorted(TIMINGS.items(), key=lambda kv: kv[1], reverse=True)
    measured = sum(TIMINGS.values())
    lines = [f"{'fase':<90} {'s':>8} {'aandeel':>8}"]
    for name, secs in rows:
        lines.append(f"{name:<90} {secs:8.2f} {100 * secs / total:7.1f}%")
    rest = total - measured
    lines.append(f"{'rest (opstarten, imports, plugins laden, settings)':<90} {rest:8.2f} {100 * rest / total:7.1f}%")
    lines.append(f"{'totaal':<90} {total:8.2f}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    out_json = None
    if argv[:1] == ["--phases-json"]:
        out_json, argv = Path(argv[1]), argv[2:]
    sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]
    instrument()
    from pelican import main as pelican_main

    start = time.perf_counter()
    code = 0
    try:
        pelican_main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    total = time.perf_counter() - start
    print(table(total), file=sys.stderr)
    if out_json:
        out_json.write_text(json.dumps({"total": total, "phases": dict(TIMINGS)}, indent=1), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
