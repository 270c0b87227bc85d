"""Regression: the guard must not confuse dossiers whose titles overlap.

Found by the benchmark and the sample content: an undecided "X" whose title is part
of a decided "X, tweede versie", and two dossiers with the same title in different
states, once failed the build with false alarms.
"""

from __future__ import annotations

from guard.index import DossierIndex, DossierInfo
from guard_helpers import Spec, build, write_site
from hypothesis import given, settings
from hypothesis import strategies as st


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


# ------------------------------------------------- titles in the lines of a calendar text

_INFOS = [DossierInfo(f"2026-{i:03d}", titel, "voorstel" if i % 2 else "besluit", "in behandeling", "x",
                      f"dossiers/2026-{i:03d}.html")
          for i, titel in enumerate(["Nieuwe regels voor evenementen", "Nieuwe regels voor evenementen, tweede versie",
                                     "Parkeren & laden", "Bomen in de Vijverstraat", "Regels"])]
_INDEX = DossierIndex(_INFOS)
_PIECES = st.sampled_from([*(i.titel for i in _INFOS), "Parkeren &amp; laden", " ", "  ", "\n", "\r\n", "\u2028",
                           "\x1c", "\u00a0", "x", "-", ",", "é", "Voorstel aan de raad: ", "tweede versie", "\t"])


@given(st.lists(_PIECES, max_size=14).map("".join))
@settings(max_examples=500, deadline=None)
def test_titles_in_lines_equals_titles_in_on_each_line(text):
    lines = text.splitlines()
    expected = [(n, info) for n, line in enumerate(lines) for info in _INDEX.titles_in(line)]
    assert _INDEX.titles_in_lines(lines) == expected


def test_text_in_latin_1_is_in_nfc():
    """``index._nfc`` skips the NFC check for Latin-1 text: no pair of Latin-1
    characters changes under NFC (no combining mark is among them)."""
    import unicodedata

    chars = [chr(cp) for cp in range(256)]
    assert all(unicodedata.normalize("NFC", a + b) == a + b for a in chars for b in chars)


# ------------------------------------------------ the title search by marks

_TITLE_WORDS = st.sampled_from(["Nieuwe", "sporthal", "aan", "de", "Haven", "'t", "Gelder", "Plan", "Één", "A&B",
                                "\"Samen\"", "2030", "Øresund", "Łódź", "Oost-West", "A", "N'", "P\""])
_TITLES = st.lists(st.lists(_TITLE_WORDS, min_size=1, max_size=4).map(" ".join).filter(lambda t: len(t) >= 4),
                   min_size=1, max_size=6)
_NOISE = st.sampled_from([" ", "\n", "\u00a0", "’", "‘", "“", "”", "—", "😀", "x", "_", "A", "N", "P", "Ł", "é",
                          "&amp;", ".", ", ", "Nieuwe ", "Plan\n", "A\u2003", "A\t", "N’", "P“", "Pl", "Ni"])


def _scanner(titles):
    from guard.index import TitlePattern, _variants

    variants = set().union(*(_variants(t) for t in titles))
    return TitlePattern(variants) if variants else None


@given(_TITLES, st.lists(st.one_of(_NOISE, _TITLE_WORDS), max_size=60), st.integers(0, 5))
@settings(max_examples=400, deadline=None)
def test_marked_search_finds_what_re_finds(titles, pieces, pos):
    """Trying the pattern where a first character is marked gives re.finditer's
    matches, in Latin-1 text and in text with wider characters, from any start."""
    scan = _scanner(titles)
    if scan is None:
        return
    scan.SCAN_FROM, scan.DENSE = 0, 0  # always by marks, however short or dense the text
    text = "".join(pieces) + " " + " ".join(titles)
    assert [m.span() for m in scan.finditer(text, pos)] == [m.span() for m in scan.regex.finditer(text, pos)]


def test_a_long_page_is_searched_by_marks_and_a_dense_one_by_re():
    from guard.index import TitlePattern

    class Counting:
        def __init__(self, regex):
            self.regex, self.calls = regex, []

        def finditer(self, *args):
            self.calls.append("finditer")
            return self.regex.finditer(*args)

        def match(self, *args):
            self.calls.append("match")
            return self.regex.match(*args)

    scan = TitlePattern({"Nieuwe sporthal aan de Haven", "Plan voor de wijk"})
    scan.regex = counting = Counting(scan.regex)
    page = "de raad praat over het voorstel. " * 40 + "Nieuwe sporthal aan de Haven."
    assert [m.group(0) for m in scan.finditer(page)] == ["Nieuwe sporthal aan de Haven"]
    assert counting.calls == ["match"]  # one place marked, one try; no scan by re
    counting.calls.clear()
    assert [m.group(0) for m in scan.finditer("Nieuw Plan " * 100 + "Plan voor de wijk")] == ["Plan voor de wijk"]
    assert counting.calls == ["finditer"]  # every sixth character a first letter: re searches
    counting.calls.clear()
    sparse_then_dense = "de raad praat over het voorstel. " * 70 + "Nieuw Plan " * 200 + "Plan voor de wijk"
    assert [m.group(0) for m in scan.finditer(sparse_then_dense)] == ["Plan voor de wijk"]
    assert "finditer" not in counting.calls  # judged on its first 2,048 characters: by marks
    assert scan.first == frozenset("NP")
    assert TitlePattern({"'t Harde"}).first == frozenset("'’‘")


def test_a_title_right_after_another_is_found_by_marks():
    """A match may start where the previous one ends (a title that starts with a
    quote): the marked search goes on exactly there, as re.finditer does."""
    from guard.index import TitlePattern

    scan = TitlePattern({"Nieuwe Haven", "'t Gelder"})
    for text in ("x " * 300 + "Nieuwe Haven't Gelder", "x " * 300 + "Nieuwe Haven’t Gelder ✓"):
        expected = [m.span() for m in scan.regex.finditer(text)]
        assert len(expected) == 2
        assert [m.span() for m in scan.finditer(text)] == expected


_LOOSE_SPACE = st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "  "])
_LOOSE_QUOTE = {"'": st.sampled_from(["'", "’", "‘"]), '"': st.sampled_from(['"', "“", "”"])}


@st.composite
def _loosely_written(draw, titles):
    """Each title as a reader may see it: any white space between its words, curly
    quotes for straight ones."""
    out = []
    for title in titles:
        out.append("".join(draw(_LOOSE_SPACE) if c == " " else draw(_LOOSE_QUOTE[c]) if c in _LOOSE_QUOTE else c
                           for c in title))
    return out


@given(st.data(), _TITLES, st.lists(st.one_of(_NOISE, _TITLE_WORDS), max_size=20))
@settings(max_examples=400, deadline=None)
def test_marked_search_finds_loosely_written_titles_as_re_does(data, titles, pieces):
    scan = _scanner(titles)
    if scan is None:
        return
    scan.SCAN_FROM, scan.DENSE = 0, 0
    written = data.draw(_loosely_written(titles))
    text = "".join(pieces) + " " + " x ".join(written) + " ✓" * data.draw(st.integers(0, 1))
    expected = [m.span() for m in scan.regex.finditer(text)]
    assert [m.span() for m in scan.finditer(text)] == expected
