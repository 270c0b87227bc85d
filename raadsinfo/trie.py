"""A regex that matches any word of a list, with the words' shared prefixes merged.

An alternation of many words (``bijv\\.|bv\\.|...``) makes ``re`` try every word at
every position it tests; a trie (``b(?:ijv\\.|v\\.)|...``) tries one branch per
character. It matches the same text as the alternation with the longest words first:
the optional tails are greedy, so the longest word that fits wins, and a shorter one
is tried only if what follows the pattern does not match. Used for the dossier titles
of the guard, the abbreviations of the B1 check and the glossary words.
"""

from __future__ import annotations

import re


def build_trie(words: list[str]) -> dict:
    """The words as nested {character: subtree} dicts; ``""`` marks where a word ends."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def trie_regex(words: list[str], special: dict[str, str] | None = None) -> str:
    """One regex (without a group) that matches any of ``words``; a character in
    ``special`` stands for its regex there instead (a space for ``\\s+``, say)."""
    escaped: dict[str, str] = dict(special or {})

    def esc(ch: str) -> str:
        if ch not in escaped:
            escaped[ch] = re.escape(ch)
        return escaped[ch]

    def build(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch, sub in sorted(node.items()):
            if not ch:
                continue
            run = [esc(ch)]
            # One way on and no word ending here: the same text build() would give,
            # without a call per character (titles share a prefix, then run on alone).
            while len(sub) == 1 and "" not in sub:
                ((ch, sub),) = sub.items()
                run.append(esc(ch))
            branches.append("".join(run) + build(sub))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body  # greedy: the longest word wins

    return build(build_trie(words))
