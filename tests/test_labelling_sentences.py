"""The claim search works sentence by sentence; it must find exactly what a search
over the whole text finds (``labelling._claims_whole``), in the same order.

That holds because no allowed phrase and no rule can match across a full stop,
except ``label-begin``, which is anchored at the start of the text. The first test
keeps the patterns that way; the others compare both searches on the sample site's
texts, on every must-fail and must-pass case, and on generated Dutch-like texts full
of trigger words, allowed phrases and full stops.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_labelling import MUST_FAIL, MUST_PASS

from pelicanconf import MARKDOWN
from raadsinfo import labelling
from raadsinfo.labelling import Plek

ROOT = Path(__file__).resolve().parents[1]
_CLASS = re.compile(r"\[(\^?)((?:\\.|[^\]\\])*)\]")


def _can_match_a_full_stop(pattern: str) -> bool:
    """Could a piece of this pattern match ".": an unescaped dot, \\W, \\S, \\D, a
    class with a dot in it, or a negated class that does not exclude the dot?"""
    for negated, body in _CLASS.findall(pattern):
        has_dot = "." in body.replace("\\.", ".")
        if has_dot != bool(negated) or re.search(r"\\[WSD]", body):
            return True
    rest = _CLASS.sub("", pattern)
    return bool(re.search(r"(?<!\\)\.|\\[WSD]", rest))


def _new(text: str, plek: Plek):
    labelling._claims.cache_clear()
    labelling._spans.cache_clear()
    return [(c.regel.code, c.gevonden) for c in labelling._claims(text, plek)]


def _old(text: str, plek: Plek):
    return [(c.regel.code, c.gevonden) for c in labelling._claims_whole(labelling.normalise(text), plek)]


def test_no_pattern_but_label_begin_can_cross_a_full_stop():
    for item in (*labelling.TOEGESTAAN, *labelling.REGELS):
        if getattr(item, "code", None) == "label-begin":
            assert item.patroon.startswith("^"), "label-begin must stay anchored at the start"
            continue
        assert not _can_match_a_full_stop(item.patroon), item.patroon


def test_the_check_of_dot_capable_pieces_can_fail():
    for pattern in (r"a.b", r"\W+", r"\S", r"[^;:]", r"\D", r"[.!]", r"[\.x]"):
        assert _can_match_a_full_stop(pattern), pattern
    for pattern in (r"a\.b", r"[^.;:!?]", r"[\w'’-]+", r"\s+", r"[a-zà-ÿ]{3,}", r"[^\.,]"):
        assert not _can_match_a_full_stop(pattern), pattern


@pytest.mark.parametrize("plek", list(Plek))
def test_same_claims_on_every_case_of_the_language_tests(plek):
    for case in (*MUST_FAIL, *MUST_PASS):
        text = case[0]
        assert _new(text, plek) == _old(text, plek), text


def test_same_claims_on_every_text_of_the_sample_site():
    from raadsinfo.b1_teksten import alle_teksten
    from raadsinfo.glossary import load_begrippen
    from raadsinfo.loader import load_site

    site = load_site(ROOT / "content", today=date(2026, 11, 27))
    begrippen = load_begrippen(ROOT / "content")
    assert begrippen
    texts = [t.tekst for t in alle_teksten(site.dossiers, ROOT / "content", begrippen, MARKDOWN)]
    texts += [d.label_titel for d in site.dossiers] + [d.status.uitleg for d in site.dossiers]
    assert len(texts) > 100
    for text in texts:
        for plek in Plek:
            assert _new(text, plek) == _old(text, plek), text


WORDS = ["de", "raad", "heeft", "is", "in", "2019", "besloten", "nog", "niet", "Besluit", "besluit", "van",
         "aangenomen", "verworpen", "Voorstel", "aan", "het", "college", "stelt", "voor", "om", "kwaliteit",
         "leefomgeving", "als", "ontwerpbesluit", "geen", "genomen", "werd", "stemde", "keurde", "goed", "eerder",
         "vergadering", "op", "unaniem", ":", "-", "|", ".", ".", "...", ",", "Raadsbesluit", "definitief"]


@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(list(Plek)),
       st.sampled_from(["", " ", ". ", "...", "Besluit "]))
@settings(max_examples=1500, deadline=None)
def test_same_claims_on_generated_texts(words, plek, start):
    text = start + " ".join(words).replace(" .", ".")
    assert _new(text, plek) == _old(text, plek), text


@pytest.mark.parametrize("text", ["Besluit raad. Besluit", "- Besluit: x. y", "Het Besluit kwaliteit. Besluit: z",
                                  "nog niet besloten. Besluit: ja", ". Besluit", "Raadsbesluit. besloten."])
def test_same_claims_when_the_text_starts_with_a_sign_or_an_allowed_phrase(text):
    for plek in Plek:
        assert _new(text, plek) == _old(text, plek), text


# ---------------------------------------------------------------- the fast trigger test


def test_only_the_known_characters_fold_to_ascii_letters():
    """``has_trigger`` may lower-case a text unless it holds a character that
    ``re.IGNORECASE`` matches to an ASCII letter; this keeps that list complete."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    folds = {chr(cp) for cp in range(0x80, 0x110000) if letter.fullmatch(chr(cp))}
    assert folds <= set(labelling._FOLDS_TO_ASCII)
    # ... and no other character turns into an ASCII letter when lower-cased.
    lowers_to_ascii = {chr(cp) for cp in range(0x80, 0x110000) if letter.search(chr(cp).lower())}
    assert lowers_to_ascii <= set(labelling._FOLDS_TO_ASCII)


_TRIGGER_ALPHABET = st.sampled_from(["besl", "BESLUIT", "Aangenomen", "verWORPEN", "definitief", "unaniem",
                                     "stemde", "keurde", "ingestemd", " ", ".", "é", "·", "\u00a0", "\u00ad",
                                     "\u0130", "\u0131", "\u017f", "\u212a", "K", "ß", "İ", "DEF", "N", "TİEF"])


@given(st.lists(st.one_of(_TRIGGER_ALPHABET, st.characters()), max_size=30).map("".join))
@settings(max_examples=600, deadline=None)
def test_fast_trigger_equals_the_case_insensitive_search(text):
    assert labelling.has_trigger(text) == bool(labelling._TRIGGER.search(text))


def test_fast_trigger_on_the_folding_characters():
    for text in ("DEF\u0130N\u0130T\u0130EF", "be\u017fl", "\u212aeurde", "BE\u017fLUIT", "gewoon een tekst",
                 "Voorstel, nog niet besloten · 10 december"):
        assert labelling.has_trigger(text) == bool(labelling._TRIGGER.search(text)), text


@given(st.lists(st.one_of(_TRIGGER_ALPHABET, st.sampled_from(
    ["Besluit kwaliteit leefomgeving", "het college heeft besloten de raad voor te stellen", "nog niet besloten",
     "Besluit ", "geen besluit", "ontwerpbesluit", "Voorstel", "#", "1", "De raad"])), max_size=12).map("".join))
@settings(max_examples=400, deadline=None)
def test_starts_allowed_equals_masking_the_first_character(sentence):
    masked_first = labelling.mask(sentence)[:1] != sentence[:1]
    assert labelling._starts_allowed(sentence) == masked_first


# ---------------------------------------------------------------- the mask and the rules, tried where they can match


def test_every_allowed_phrase_starts_at_a_word_or_a_b():
    """``mask`` tries the phrases only at the start of a word and at each "b": every
    phrase but the regulations' names starts with ``\b`` (then a letter), and every
    regulation's name with "Besluit"."""
    for item in labelling.TOEGESTAAN:
        if item.naam == "regeling-bekend":
            assert all(name.startswith("Besluit") for name in labelling.REGELINGEN)
            assert item.patroon.startswith("Besluit") and "|Besluit" in item.patroon
            assert item.patroon.count("|") == item.patroon.count("|Besluit")
        else:
            assert item.patroon.startswith((r"\b", r"(?-i:\b")), item.naam
            # ... and after the \b a letter, never a sign or white space: tried after a sign, it fails.
            compiled = re.compile(item.patroon, labelling._FLAGS)
            for sign in (" ", "#", ".", "-", "'"):
                assert not any(compiled.match(sign + case[0]) for case in (*MUST_FAIL, *MUST_PASS)), item.naam


_MASK_WORDS = WORDS + ["Besluit ruimtelijke ordening", "ontwerpbesluit", "BESLUIT KWALITEIT leefomgeving",
                       "xBesluit omgevingsrecht", "Besluit burgerlijke", "stand", "het college heeft besloten",
                       "de raad voor te stellen", "voorgestelde", "gaat", "nemen", "zal", "besluiten", "wanneer",
                       "\u017f", "be\u017fluit", "\u0130", "\u212a", "_", "é", "’", "b", "B", "#", "1"]


@given(st.lists(st.sampled_from(_MASK_WORDS), max_size=30), st.sampled_from(["", " ", "-", "b"]))
@settings(max_examples=1500, deadline=None)
def test_mask_tried_where_phrases_start_equals_one_sub(words, joiner):
    text = joiner.join(words)
    assert labelling.mask(text) == labelling._mask_whole(text), text


def test_mask_on_every_case_of_the_language_tests():
    for case in (*MUST_FAIL, *MUST_PASS):
        for text in (case[0], labelling.normalise(case[0])):
            assert labelling.mask(text) == labelling._mask_whole(text), text


def _spans_reference(text: str, plek: Plek, first: bool):
    """``labelling._spans`` without its shortcut: the whole-text mask, then every rule."""
    return labelling._rule_spans(labelling._mask_whole(text), plek, first)


@given(st.lists(st.sampled_from(_MASK_WORDS), max_size=30), st.sampled_from(list(Plek)), st.booleans())
@settings(max_examples=1500, deadline=None)
def test_spans_with_the_masked_trigger_shortcut_equal_every_rule(words, plek, first):
    text = " ".join(words)
    labelling._spans.cache_clear()
    assert labelling._spans(text, plek, first) == _spans_reference(text, plek, first), text


def test_spans_shortcut_on_every_case_of_the_language_tests():
    labelling._spans.cache_clear()
    for case in (*MUST_FAIL, *MUST_PASS):
        text = labelling.normalise(case[0])
        for plek in Plek:
            assert labelling._spans(text, plek, True) == _spans_reference(text, plek, True), text


def test_every_rule_needs_a_trigger_stem():
    """The shortcut in ``_spans`` rests on this: a text without a trigger stem gives
    no rule a match. Each rule's matches on the must-fail cases hold a stem."""
    found = set()
    for case in MUST_FAIL:
        masked = labelling._mask_whole(labelling.normalise(case[0]))
        for regel, pattern in labelling._RULES:
            for m in pattern.finditer(masked):
                assert labelling._TRIGGER.search(m.group(0)), (regel.code, m.group(0))
                found.add(regel.code)
    assert found == {r.code for r in labelling.REGELS}  # every rule is tried here


# ---------------------------------------------------------------- white space

#: How ``normalise`` collapsed white space before it used ``str.split``: the reference.
_SPACE = re.compile(r"\s+")


def test_split_and_join_equals_collapsing_white_space_with_re():
    """``normalise`` collapses white space with ``" ".join(text.split())`` instead
    of ``_SPACE.sub(" ", text).strip()``: the same wherever ``str.split`` and
    ``\\s`` agree on what white space is, which this checks for every code point."""
    space = re.compile(r"\s")
    for cp in range(0x110000):
        ch = chr(cp)
        assert ch.isspace() == bool(space.fullmatch(ch)), hex(cp)
    for text in (" a  b\n\tc ", "\u2003x\u2028y\u3000", "\x1c\x1fz", "", "   ", "a\u00a0b"):
        assert " ".join(text.split()) == _SPACE.sub(" ", text).strip()


@given(st.text(alphabet=st.sampled_from(["a", "B", " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\u00a0",
                                         "\u2003", "\u2028", "\u3000", "\u00ad", "é", "’", "."]), max_size=40))
@settings(max_examples=400, deadline=None)
def test_normalise_collapses_white_space_as_before(text):
    before = unicodedata.normalize("NFC", text).translate(labelling._QUOTES) if not text.isascii() else text
    if text.isascii() and not any(s in text for s in ("  ", "\n", "\t", "\r")):
        assert labelling.normalise(text) == text.strip()
    else:
        assert labelling.normalise(text) == _SPACE.sub(" ", before).strip()


@given(st.lists(st.sampled_from(["a", " ", "’", "‘", "“", "”", "\u00a0", "\u00ad", "é", "e\u0301", "'", '"']),
                max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_quotes_and_spaces_replaced_as_by_translate(text):
    expected = unicodedata.normalize("NFC", text).translate(labelling._QUOTES)
    if not text.isascii():
        assert labelling.normalise(text) == " ".join(expected.split())
