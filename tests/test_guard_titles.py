"""Regression: the guard must not confuse dossiers whose titles overlap.

Found by the benchmark and the sample content: an undecided "X" whose title is part
of a decided "X, tweede versie", and two dossiers with the same title in different
states, once failed the build with false alarms.
"""

from __future__ import annotations

from guard_helpers import Spec, build, write_site


def test_overlapping_and_equal_titles_in_different_states_pass(tmp_path):
    specs = [
        Spec("2026-001", "Nieuwe regels voor evenementen", "in behandeling"),
        Spec("2026-002", "Nieuwe regels voor evenementen, tweede versie", "aangenomen"),
        Spec("2026-003", "Parkeren in de binnenstad", "in behandeling"),
        Spec("2026-004", "Parkeren in de binnenstad", "verworpen"),
    ]
    result = build(write_site(tmp_path / "content", specs), tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fouten" in result.stdout + result.stderr
