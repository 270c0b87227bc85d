"""``trie_regex`` builds the same pattern text from the trie as the plain recursive
builder it replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from raadsinfo.trie import build_trie, trie_regex


def _reference(words: list[str]) -> str:
    """The plain recursive pattern builder, a call per character."""

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(build_trie(words))


@given(st.lists(st.text(alphabet="abc. (é", min_size=1, max_size=8), max_size=12))
@settings(max_examples=500, deadline=None)
def test_same_pattern_as_the_plain_trie(words):
    assert trie_regex(sorted(words)) == _reference(sorted(words))


def test_same_pattern_for_titles():
    words = ["Nieuwe regels voor evenementen", "Nieuwe regels voor evenementen, tweede versie",
             "Nieuwe sporthal aan de Haven", "Parkeren in de binnenstad", "Parkeren in Hierden", "b.v.", "bijv."]
    assert trie_regex(sorted(words)) == _reference(sorted(words))
    assert re.fullmatch(trie_regex(sorted(words)), "Nieuwe regels voor evenementen, tweede versie")


def test_special_characters_stand_for_their_own_regex():
    pattern = re.compile(trie_regex(["Nieuwe sporthal", "Nieuwe weg"], {" ": r"\s+"}))
    assert pattern.fullmatch("Nieuwe\n  sporthal") and pattern.fullmatch("Nieuwe\u00a0weg")
    assert not pattern.fullmatch("Nieuwesporthal")
