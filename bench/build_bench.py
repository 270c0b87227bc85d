"""Benchmark: the full site against plain Pelican on equivalent content.

Run with ``invoke bench --n 2000`` (or ``python bench/build_bench.py --n 2000``).

1. Generate N synthetic dossiers in the real record format (:mod:`bench.synth`)
   into a temporary content directory, with ``content/raad`` and ``content/pages``
   copied from the repository.
2. Build the full site the way ``invoke build`` does: ``python -m pelican`` with
   ``pelicanconf.py``, the content path overridden and ``RAADSINFO_TODAY`` fixed.
3. Build plain Pelican on the same bodies: default theme and settings, one article
   per dossier with Pelican's own ``Title:``/``Date:``/``Category:``/``Tags:``.
4. Run the post-build steps of ``tasks.py`` (the Pagefind index) on the full
   site; they are not Pelican, so they are reported separately.

Each build runs in its own subprocess; wall seconds are measured around it and peak
memory is the child's ``ru_maxrss`` from ``os.wait4`` (that child only, including
any processes it waited for). The guard's own share is read from the line it prints
("Labelcontrole: ... in X s", see :func:`guard_seconds`): the time the build waited
for the guard, which checks the written site at the end. With ``--guard-ab`` each round
also builds the full site without the guard (every other round before the build with
it), and the difference is reported: fastest against fastest, median against median,
and per round (the build with the guard minus the one without it in the same round:
the median of those differences with a distribution-free 90 % interval, as a share
of the build without the guard). That counts everything the guard costs the build.

Targets at N = 2,000: full build <= 1.5x plain Pelican, peak memory < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from bench import synth  # noqa: E402

PY = sys.executable
TARGET_RATIO = 1.5
TARGET_MB = 500

PLAIN_CONF = """\
# Plain Pelican: default theme and default settings, only what a site must name.
SITENAME = "Plain Pelican benchmark"
SITEURL = ""
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
PATH = "content"
"""


@dataclass
class Run:
    name: str
    seconds: float
    peak_mb: float
    returncode: int
    output: str = ""
    guard: float | None = None


def measure(name: str, cmd: list[str], cwd: Path, env: dict | None = None, log: Path | None = None) -> Run:
    """Run ``cmd`` in a subprocess; wall time and that child's peak RSS.

    The disk is synced first, outside the time: a build writes some 100 MB, which the
    kernel would otherwise write out during whatever build runs next."""
    if hasattr(os, "sync"):
        os.sync()
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if log:
        out.close()
    text = log.read_text(encoding="utf-8", errors="replace") if log else ""
    return Run(name, seconds, usage.ru_maxrss / 1024, proc.returncode, text)


def succeeded(run: Run, failure: str) -> Run:
    """``run``, or stop the benchmark with the end of its output and ``failure``."""
    if run.returncode:
        print(run.output[-4000:], file=sys.stderr)
        raise SystemExit(f"{failure} (exit {run.returncode}).")
    return run


def full_build_cmd(content: Path, output: Path, today: str, extra: list[str] | None = None) -> list[str]:
    """Exactly what ``invoke build`` runs, with the content path and today fixed."""
    return [PY, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output),
            "--fatal", "errors", "-e", f"RAADSINFO_TODAY={json.dumps(today)}", *(extra or [])]


def plain_build_cmd(workdir: Path, output: Path) -> list[str]:
    return [PY, "-m", "pelican", str(workdir / "content"), "-s", str(workdir / "plainconf.py"),
            "-o", str(output), "--fatal", "errors"]


def active_plugins() -> list[str]:
    """PLUGINS as registered in pelicanconf.py right now."""
    code = "import pelicanconf, json; print(json.dumps(pelicanconf.PLUGINS))"
    res = subprocess.run([PY, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def post_build_steps() -> list[str]:
    code = "import tasks, json; print(json.dumps([getattr(s, '__module__', '') + '.' + s.__name__ " \
           "for s in tasks.POST_BUILD_STEPS]))"
    res = subprocess.run([PY, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if res.returncode:
        return []
    return json.loads(res.stdout.strip().splitlines()[-1])


def post_build_cmd(output: Path) -> list[str]:
    code = ("import sys; from pathlib import Path; import tasks\n"
            "for step in tasks.POST_BUILD_STEPS: step(Path(sys.argv[1]))")
    return [PY, "-c", code, str(output)]


#: The guard prints "Labelcontrole: 8071 bestanden gecontroleerd in 0.82 s, 0 fouten"
#: (plugins/guard/report.py, Report.summary).
GUARD_TIME = re.compile(r"Labelcontrole:.*? in (\d+(?:[.,]\d+)?) s")


def guard_seconds(log: str) -> float | None:
    """The guard's own time for checking the written site, from its line in the log."""
    hits = GUARD_TIME.findall(log)
    return float(hits[-1].replace(",", ".")) if hits else None


def guard_shares(runs: list[Run]) -> list[float]:
    """The guard's share of each build it reported a time for, in run order."""
    return [round(r.guard / r.seconds, 3) for r in runs if r.guard is not None and r.seconds > 0]


def median_interval(values: list[float], confidence: float = 0.9) -> tuple[float, float, float]:
    """(low, high, coverage): the narrowest interval of order statistics that holds the
    median of the distribution ``values`` come from with at least ``confidence``.

    Distribution-free (the sign test): the median lies below the k-th smallest of n
    values with probability P(Binomial(n, 1/2) < k). With fewer than 5 values no
    such interval reaches 90 %; the whole range is returned with its coverage."""
    xs = sorted(values)
    n = len(xs)
    below = [math.comb(n, j) / 2 ** n for j in range(n + 1)]
    k = 1
    while k < n - k and 1 - 2 * sum(below[:k + 1]) >= confidence:
        k += 1
    return xs[k - 1], xs[n - k], 1 - 2 * sum(below[:k])


def paired(with_guard: list[Run], without: list[Run]) -> dict | None:
    """What the guard adds to a build, per round: the build with the guard minus the
    build without it in the same round. Median and its 90 % interval, in seconds and
    as a share of the median build without the guard."""
    diffs = [a.seconds - b.seconds for a, b in zip(with_guard, without, strict=False)]
    if not diffs:
        return None
    base = statistics.median(r.seconds for r in without)
    low, high, coverage = median_interval(diffs)
    middle = statistics.median(diffs)
    return {"rounds": len(diffs), "median_seconds": round(middle, 2), "low_seconds": round(low, 2),
            "high_seconds": round(high, 2), "coverage": round(coverage, 3), "share": round(middle / base, 3),
            "share_low": round(low / base, 3), "share_high": round(high / base, 3),
            "differences": [round(d, 2) for d in diffs]}


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def bench(n: int, seed: int, today: str, repeat: int, workdir: Path, guard_ab: bool, profile: bool,
          phases: bool = False, plain_rounds: int | None = None) -> dict:
    content = workdir / "full" / "content"
    t0 = time.perf_counter()
    plans = synth.generate(n, seed, content, today=date.fromisoformat(today))
    plain = workdir / "plain"
    synth.write_plain(plans, plain / "content")
    (plain / "plainconf.py").write_text(PLAIN_CONF)
    gen_seconds = time.perf_counter() - t0
    decided = sum(any(u["besluitresultaat"] not in ("aangehouden", "ingetrokken") for u in p.uitkomsten)
                  for p in plans)
    env = {**os.environ, "RAADSINFO_TODAY": today, "PYTHONHASHSEED": "0"}
    print(f"{n} dossiers gemaakt ({decided} besluiten) in {gen_seconds:.1f} s, in {workdir}")

    plugins = active_plugins()
    results: dict = {"n": n, "seed": seed, "today": today, "decided": decided, "plugins": plugins,
                     "python": sys.version.split()[0], "cpus": os.cpu_count()}
    full_runs, plain_runs, noguard_runs = [], [], []
    without = [p for p in plugins if p != "guard"]

    def run_full(i: int) -> None:
        out = workdir / f"out-full-{i}"
        r = succeeded(measure("full", full_build_cmd(content, out, today), ROOT, env, workdir / f"full-{i}.log"),
                      "De volledige bouw is mislukt")
        r.guard = guard_seconds(r.output)
        full_runs.append(r)
        share = f"  guard {r.guard:.2f} s = {100 * r.guard / r.seconds:.1f}%" if r.guard is not None else ""
        print(f"  volledige site   run {i + 1}: {r.seconds:7.2f} s  {r.peak_mb:6.0f} MB{share}")

    def run_plain(i: int) -> None:
        p = succeeded(measure("plain", plain_build_cmd(plain, workdir / f"out-plain-{i}"), plain, env,
                              workdir / f"plain-{i}.log"), "De gewone Pelican-bouw is mislukt")
        plain_runs.append(p)
        print(f"  gewone Pelican   run {i + 1}: {p.seconds:7.2f} s  {p.peak_mb:6.0f} MB")

    def run_noguard(i: int) -> None:
        out_ng = workdir / f"out-noguard-{i}"
        cmd = full_build_cmd(content, out_ng, today, ["-e", f"PLUGINS={json.dumps(without)}"])
        g = succeeded(measure("noguard", cmd, ROOT, env, workdir / f"noguard-{i}.log"),
                      "De bouw zonder guard is mislukt")
        noguard_runs.append(g)
        shutil.rmtree(out_ng, ignore_errors=True)
        print(f"  zonder guard     run {i + 1}: {g.seconds:7.2f} s")

    ab = guard_ab and "guard" in plugins
    plain_rounds = repeat if plain_rounds is None else max(1, min(repeat, plain_rounds))
    last_plain = plain_rounds - 1
    for i in range(repeat):
        # With the A/B, the builds with and without the guard run in the same round (the
        # machine drifts between rounds), and every other round the other way round, so
        # that neither always runs first after the plain build (or the one before it).
        # Plain Pelican only in the first ``plain_rounds`` rounds (it serves the ratio,
        # not the guard's A/B): more rounds of the A/B in the same time.
        with_plain = i < plain_rounds
        order = [run_full] + ([run_plain] if with_plain else []) + ([run_noguard] if ab else [])
        for step in (order if i % 2 == 0 else order[::-1]):
            step(i)
        if i < repeat - 1:
            shutil.rmtree(workdir / f"out-full-{i}", ignore_errors=True)
            if with_plain and i != last_plain:  # the last plain output is counted below
                shutil.rmtree(workdir / f"out-plain-{i}", ignore_errors=True)
    full, base = best(full_runs), best(plain_runs)
    last_out = workdir / f"out-full-{repeat - 1}"
    results.update(
        full_seconds=round(full.seconds, 2), full_peak_mb=round(max(r.peak_mb for r in full_runs), 1),
        plain_seconds=round(base.seconds, 2), plain_peak_mb=round(max(r.peak_mb for r in plain_runs), 1),
        ratio=round(full.seconds / base.seconds, 2),
        pages=sum(1 for _ in last_out.rglob("*.html")),
        plain_pages=sum(1 for _ in (workdir / f"out-plain-{last_plain}").rglob("*.html")),
    )
    guard = [r.guard for r in full_runs if r.guard is not None]
    results["guard_seconds"] = round(min(guard), 2) if guard else None
    results["guard_share"] = round(min(guard) / full.seconds, 3) if guard else None
    # Within one build the guard and the rest see the same machine; the fastest guard
    # and the fastest build above may come from different runs on a noisy machine.
    results["guard_shares"] = guard_shares(full_runs)
    results["guard_plugin"] = "guard" in plugins
    if noguard_runs:
        results["noguard_seconds"] = round(best(noguard_runs).seconds, 2)
        results["guard_share_ab"] = round((full.seconds - best(noguard_runs).seconds) / full.seconds, 3)
        with_guard = statistics.median(r.seconds for r in full_runs)
        results["guard_share_ab_median"] = round(
            (with_guard - statistics.median(r.seconds for r in noguard_runs)) / with_guard, 3)
        results["guard_ab_paired"] = paired(full_runs, noguard_runs)

    steps = post_build_steps()
    results["post_build_steps"] = steps
    if steps:
        r = measure("post", post_build_cmd(last_out), ROOT, env, workdir / "post.log")
        results["post_build_seconds"] = round(r.seconds, 2) if r.returncode == 0 else None
        results["post_build_peak_mb"] = round(r.peak_mb, 1)
        if r.returncode:
            results["post_build_error"] = r.output[-500:]
    if phases:
        pj = workdir / "phases.json"
        cmd = full_build_cmd(content, workdir / "out-phases", today)
        cmd = [PY, str(ROOT / "bench" / "phases.py"), "--phases-json", str(pj), *cmd[3:]]
        r = measure("phases", cmd, ROOT, env, workdir / "phases.log")
        if pj.exists():
            data = json.loads(pj.read_text(encoding="utf-8"))
            results["phases"] = {k: round(v, 2) for k, v in sorted(data["phases"].items(), key=lambda kv: -kv[1])}
            results["phases_total"] = round(data["total"], 2)
            print(r.output[r.output.find("fase "):])
    if profile:
        prof = workdir / "full.prof"
        out = workdir / "out-profile"
        cmd = full_build_cmd(content, out, today)
        cmd = [PY, "-m", "cProfile", "-o", str(prof), *cmd[1:]]
        measure("profile", cmd, ROOT, env, workdir / "profile.log")
        results["profile"] = str(prof)
        print_profile(prof)
    return results


def print_profile(prof: Path, limit: int = 30) -> None:
    import pstats

    stats = pstats.Stats(str(prof))
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)


def report(r: dict) -> str:
    ok_ratio = r["ratio"] <= TARGET_RATIO
    ok_mem = r["full_peak_mb"] < TARGET_MB
    lines = [
        f"N = {r['n']} dossiers ({r['decided']} besluiten), seed {r['seed']}, vandaag {r['today']}",
        f"plugins actief: {', '.join(r['plugins'])}",
        f"volledige site : {r['full_seconds']:.2f} s, piekgeheugen {r['full_peak_mb']:.0f} MB, "
        f"{r['pages']} HTML-pagina's",
        f"gewone Pelican : {r['plain_seconds']:.2f} s, piekgeheugen {r['plain_peak_mb']:.0f} MB, "
        f"{r['plain_pages']} HTML-pagina's",
        f"verhouding     : {r['ratio']:.2f}x (doel <= {TARGET_RATIO}x: {'gehaald' if ok_ratio else 'NIET gehaald'})",
        f"geheugen       : doel < {TARGET_MB} MB: {'gehaald' if ok_mem else 'NIET gehaald'}",
    ]
    if r.get("guard_seconds") is not None:
        lines.append(f"guard          : {r['guard_seconds']:.2f} s = {100 * r['guard_share']:.1f}% van de bouw "
                     "(eigen meting van de guard; snelste guard / snelste bouw)")
        shares = r.get("guard_shares") or []
        if shares:
            lines.append("guard per bouw : " + ", ".join(f"{100 * x:.1f}%" for x in shares)
                         + f" (mediaan {100 * statistics.median(shares):.1f}%)")
    elif r["guard_plugin"]:
        lines.append("guard          : actief, maar meldt geen eigen tijd (gebruik --guard-ab)")
    else:
        lines.append("guard          : niet actief in pelicanconf.PLUGINS")
    if r.get("guard_share_ab") is not None:
        median = r.get("guard_share_ab_median")
        lines.append(f"guard (A/B)    : zonder guard {r['noguard_seconds']:.2f} s, "
                     f"aandeel {100 * r['guard_share_ab']:.1f}% (snelste met / snelste zonder)"
                     + (f", {100 * median:.1f}% (mediaan met / mediaan zonder)" if median is not None else ""))
    pair = r.get("guard_ab_paired")
    if pair:
        lines.append(f"guard (gepaard): voegt {pair['median_seconds']:.2f} s = {100 * pair['share']:.1f}% toe aan de "
                     f"bouw zonder guard (mediaan van {pair['rounds']} rondes; {100 * pair['coverage']:.0f}%-interval "
                     f"{100 * pair['share_low']:.1f}% tot {100 * pair['share_high']:.1f}%)")
    if r.get("post_build_steps"):
        secs = r.get("post_build_seconds")
        lines.append(f"na de bouw     : {', '.join(r['post_build_steps'])}: "
                     + (f"{secs:.2f} s, piek {r['post_build_peak_mb']:.0f} MB (geen Pelican; apart)" if secs is not None
                        else "mislukt: " + r.get("post_build_error", "")))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="aantal dossiers")
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--today", default=synth.TODAY.isoformat(), help="vaste datum voor RAADSINFO_TODAY")
    ap.add_argument("--repeat", type=int, default=1, help="aantal rondes; de snelste telt")
    ap.add_argument("--guard-ab", action="store_true", help="meet ook de bouw zonder guard-plugin")
    ap.add_argument("--plain-rounds", type=int, help="gewone Pelican alleen in de eerste zoveel rondes (minstens 1)")
    ap.add_argument("--phases", action="store_true", help="meet ook de tijd per generator en plugin (bench/phases.py)")
    ap.add_argument("--profile", action="store_true", help="profileer de volledige bouw met cProfile")
    ap.add_argument("--keep", action="store_true", help="laat de tijdelijke map staan")
    ap.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON naar dit bestand")
    args = ap.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix=f"raadsinfo-bench-{args.n}-"))
    try:
        results = bench(args.n, args.seed, args.today, args.repeat, workdir, args.guard_ab, args.profile,
                        args.phases, args.plain_rounds)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
