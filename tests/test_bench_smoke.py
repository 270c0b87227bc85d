"""The benchmark's synthetic content is valid, realistic and deterministic.

No timing here: the benchmark itself (``invoke bench``) measures; this only checks
that what it builds is the real record format the loader accepts.
"""

from __future__ import annotations

from pathlib import Path

from bench import synth
from raadsinfo.loader import load_site


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


def test_generated_dossiers_load_without_problems(tmp_path):
    content = tmp_path / "content"
    plans = synth.generate(5, 3, content)
    site = load_site(content, today=synth.TODAY)
    assert [d.id for d in site.dossiers] == [p.id for p in plans]
    assert not site.warnings.warnings, site.warnings.report()
    for d in site.dossiers:
        assert 250 <= len(d.voorstel.toelichting.split()) <= 700


def test_about_half_decided_and_every_state_over_a_larger_sample(tmp_path):
    content = tmp_path / "content"
    synth.generate(120, 1, content)
    site = load_site(content, today=synth.TODAY)
    besluiten = sum(d.is_besluit for d in site.dossiers)
    assert 0.35 <= besluiten / len(site.dossiers) <= 0.65
    statussen = {d.status.naam for d in site.dossiers}
    assert {"in behandeling", "aangehouden", "ingetrokken", "aangenomen", "unaniem aangenomen",
            "geamendeerd aangenomen", "verworpen"} <= statussen
    assert any(u.hamerstuk for d in site.dossiers for u in d.uitkomsten)


def test_same_seed_same_files_and_plain_articles(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    plans = synth.generate(5, 42, a)
    synth.generate(5, 42, b)
    assert _files(a) == _files(b)
    synth.write_plain(plans, tmp_path / "plain")
    article = (tmp_path / "plain" / "articles" / f"{plans[0].id}.md").read_text(encoding="utf-8")
    assert article.startswith(f"Title: {plans[0].titel}\nDate: ")
    assert article.endswith(plans[0].body)


def test_guard_time_is_read_from_its_log_line():
    from bench.build_bench import guard_seconds

    log = "Labelcontrole: 12 bestanden gecontroleerd in 0.42 s, 0 fouten\n"
    assert guard_seconds(log) == 0.42
    assert guard_seconds(log + "Labelcontrole: 12 bestanden gecontroleerd in 1,5 s, 0 fouten\n") == 1.5
    assert guard_seconds("no guard here") is None
    from guard.report import Report

    assert guard_seconds(Report([], 3, 0.5).summary()) == 0.5  # the line the guard prints


def test_guard_share_per_build_uses_the_same_run():
    from bench.build_bench import Run, guard_shares, report

    runs = [Run("full", 10.0, 100, 0, guard=1.0), Run("full", 12.0, 100, 0, guard=1.8), Run("full", 11.0, 100, 0)]
    assert guard_shares(runs) == [0.1, 0.15]
    text = report({"n": 2, "decided": 1, "seed": 1, "today": "2026-11-27", "plugins": ["guard"], "full_seconds": 10.0,
                   "full_peak_mb": 100, "pages": 3, "plain_seconds": 8.0, "plain_peak_mb": 50, "plain_pages": 3,
                   "ratio": 1.25, "guard_seconds": 1.0, "guard_share": 0.1, "guard_plugin": True,
                   "guard_shares": [0.1, 0.15]})
    assert "guard per bouw : 10.0%, 15.0% (mediaan 12.5%)" in text


def test_paired_share_is_the_median_difference_per_round_with_its_interval():
    from bench.build_bench import Run, median_interval, paired

    # Coverage of [x(k), x(n-k+1)] is 1 - 2 P(Binomial(n, 1/2) <= k - 1); the narrowest with >= 90 %.
    assert median_interval(list(range(1, 11))) == (2, 9, 1 - 2 * 11 / 1024)
    assert median_interval([5.0, 1.0, 3.0]) == (1.0, 5.0, 0.75)  # too few rounds for 90 %: the whole range
    with_guard = [Run("full", s, 100, 0) for s in (11.0, 12.5, 10.0, 11.2, 13.0)]
    without = [Run("noguard", s, 100, 0) for s in (10.0, 11.0, 10.5, 10.2, 12.0)]
    pair = paired(with_guard, without)
    assert pair["differences"] == [1.0, 1.5, -0.5, 1.0, 1.0]
    assert pair["median_seconds"] == 1.0 and pair["share"] == round(1.0 / 10.5, 3)
    assert (pair["low_seconds"], pair["high_seconds"], pair["coverage"]) == (-0.5, 1.5, 0.938)
    assert paired([], []) is None
