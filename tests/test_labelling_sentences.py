"""Reading a text as a reader does (raadsinfo.reading), and the shortcuts of the rule engine.

The wording check judges what a reader sees, so the reading must see through hidden
characters, look-alike letters and markup, keep Dutch letters as they are, and map a
sentence of a Markdown body back to its line in the file. The rule engine cuts a text
into sentences and skips those without a trigger stem, and masks allowed phrases only
where one can start; these tests hold each shortcut equal to the plain way.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_labelling import ATTACKS, DOUBTFUL, LEGIT

from raadsinfo import labelling, reading
from raadsinfo.labelling import Plek

# ---------------------------------------------------------------- reading: characters


def test_every_format_character_is_not_read():
    """Every Unicode format character (Cf) is invisible, or nearly so: none is read."""
    tabel = reading.vouwtabel()
    for cp in range(0x110000):
        if unicodedata.category(chr(cp)) == "Cf":
            assert tabel.get(cp) == "", f"U+{cp:04X}"


def test_dutch_letters_with_their_accents_stay_themselves():
    text = "Café, één, ideeën, geëvalueerd, naïef, coördinatie, crème, à la carte, Curaçao, señor, ĳs"
    assert reading.lees(text) == text.replace("ĳ", "ij")
    for letter in "éëïöüèàêâîôûçñÉËÏÖÜ":
        assert ord(letter) not in reading.vouwtabel(), letter


def test_no_ascii_character_is_changed():
    tabel = reading.vouwtabel()
    assert not any(32 <= cp < 127 for cp in tabel)  # only the control characters go


@pytest.mark.parametrize(("teken", "letter"), [("\u0435", "e"), ("\u0430", "a"), ("\u043e", "o"), ("\u0440", "p"),
                                               ("\u0441", "c"), ("\u0455", "s"), ("\u0456", "i"), ("\u0406", "I"),
                                               ("\u03bf", "o"), ("\u0391", "A"), ("\u0131", "i"), ("\u0261", "g"),
                                               ("\u1e05", "b"), ("\u0101", "a")])
def test_look_alike_letters_fold_to_the_latin_letter(teken, letter):
    assert reading.lees(f"x{teken}x") == f"x{letter}x"


@given(st.lists(st.sampled_from(["a", "B", " ", "\n", "é", "ë", "\u0435", "\u200b", "\u00ad", "ｂ", "’",
                                 "\u0336", "e\u0301", "\u2060", "ﬁ", "."]), max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_reading_twice_is_reading_once(text):
    once = reading.lees(text)
    assert reading.lees(once) == once
    assert not any(unicodedata.category(c) == "Cf" for c in once)


# ---------------------------------------------------------------- reading: markup


@pytest.mark.parametrize(("markup", "gelezen"), [
    ("**aan**genomen", "aangenomen"), ("__aan__genomen", "aangenomen"), ("<b>aan</b>genomen", "aangenomen"),
    ("aan<!-- een opmerking -->genomen", "aangenomen"), ("a&#97;ngenomen", "aangenomen"),
    ("aan&shy;genomen", "aangenomen"), ("[aan](https://x.example)genomen", "aangenomen"),
    ("![aan](beeld.png)genomen", "aangenomen"), ("`aan`genomen", "aangenomen"), ("~~aan~~genomen", "aangenomen"),
    ("aan<span class='x'>genomen</span>", "aangenomen"), ("Eerste<br>tweede", "Eerste. tweede"),
    ("aan<script>alert(1)</script>genomen", "aangenomen"),
])
def test_inline_markup_is_read_as_the_reader_sees_it(markup, gelezen):
    assert reading.lees_veld(markup) == gelezen


@pytest.mark.parametrize(("markup", "gelezen"), [
    ('De <abbr title="Aangenomen door de raad">BW</abbr> doet mee.', "De BW doet mee. Aangenomen door de raad"),
    ("<p title='Besluit: ja'>Tekst</p>", "Tekst. Besluit: ja"),
    ('Zie [dit](https://x.example "Raad akkoord").', "Zie dit. Raad akkoord"),
    ("Zie [dit](https://x.example 'Raad akkoord').", "Zie dit. Raad akkoord"),
    ('aan<abbr title="x">genomen</abbr>', "aangenomen. x"),
])
def test_a_tooltip_is_read_after_its_line(markup, gelezen):
    """The sanitiser keeps ``title`` (a tooltip a reader sees); it is read as a text of
    its own after the line, so that it cannot split a word either."""
    assert reading.lees_veld(markup) == gelezen


def test_a_reference_definition_with_a_title_is_read():
    body = 'Zie [het voorstel][v].\n\n[v]: https://x.example "Aangenomen door de raad"\n'
    assert [(b.tekst, b.regel(0)) for b in reading.blokken(body)] == [("Zie het voorstel.", 0),
                                                                      ("Aangenomen door de raad", 2)]


@pytest.mark.parametrize(("tekst", "gelezen"), [
    ("is \u202enemonegnaa\u202c.", "is aangenomen."),
    ("is \u202enemonegnaa.", "is aangenomen."),
    ("be\u202esloten de sporthal", "belahtrops ed netols"),
])
def test_a_right_to_left_override_is_read_reversed(tekst, gelezen):
    assert reading.lees(tekst) == gelezen


def test_a_right_to_left_override_runs_on_over_a_line_end_in_its_paragraph():
    [blok] = reading.blokken("Het voorstel is \u202e\nnemonegnaa\n")
    assert blok.tekst == "Het voorstel is aangenomen"


BODY = """De Stationslaan is een route.

# Besluit van de gemeenteraad

De gemeenteraad heeft dit voorstel
unaniem **aan**genomen.

- punt een
- punt <b>twee</b>
  vervolg

| Kop | Uitslag |
|-----|---------|
| a   | aan<!-- x -->genomen |

aan<!--
-->genomen op regel 16

Een kop
=======

```
code **regel**
```
[ref]: https://example.org
Tekst met <div>blok</div>na
"""


def test_a_body_is_read_block_by_block_with_its_lines():
    blokken = reading.blokken(BODY)
    gelezen = [(b.tekst, b.kop, b.regel(0)) for b in blokken]
    assert gelezen == [
        ("De Stationslaan is een route.", False, 0),
        ("Besluit van de gemeenteraad", True, 2),
        ("De gemeenteraad heeft dit voorstel unaniem aangenomen.", False, 4),
        ("punt een", False, 7),
        ("punt twee vervolg", False, 8),
        ("Kop", False, 11), ("Uitslag", False, 11), ("a", False, 13), ("aangenomen", False, 13),
        ("aangenomen op regel 16", False, 15),
        ("Een kop", True, 18),
        ("code **regel**", False, 22),
        ("Tekst met", False, 25), ("blok", False, 25), ("na", False, 25),
    ]
    derde = blokken[2]
    assert derde.regel(derde.tekst.index("unaniem")) == 5  # the second line of the paragraph


_MD_PIECES = ["De raad heeft besloten.", "aan**ge**nomen", "# Kop", "- punt", "| a | b |", "|---|---|", "```",
              "<!--", "-->", "<b>", "</b>", "&amp;", "&#97;", "be\u200bsloten", "[x](y)", "> citaat", "", "===",
              "\u0430angenomen", "akkoord", "Besluit:", "1. een", "    code", "<p>", "`x`"]


@given(st.lists(st.sampled_from(_MD_PIECES), max_size=20), st.sampled_from(["\n", " ", "\n\n", ""]))
@settings(max_examples=500, deadline=None)
def test_the_cheap_look_at_a_body_sees_every_trigger_a_block_holds(pieces, joiner):
    """guard_records skips a body whose :func:`reading.ruw` holds no trigger stem: that
    is only safe if no block of it holds one either."""
    body = joiner.join(pieces)
    if any(labelling.has_trigger(b.tekst) for b in reading.blokken(body)):
        assert labelling.has_trigger(reading.ruw(body)), body


# ---------------------------------------------------------------- sentences


@pytest.mark.parametrize(("text", "aantal"), [
    ("Eén zin. Twee zinnen.", 2),
    ("Wethouder A. Jansen heeft het voorstel toegelicht.", 1),
    ("De raad besluit: 1. het plan vast te stellen; 2. de kosten te dekken.", 1),
    ("Bijv. een speeltuin, o.a. voor kinderen, zie art. 3 en blz. 4.", 1),
    ("Het kost 385.000 euro. Dat is veel.", 2),
    ("In 2019. Daarna niet meer.", 2),
    ("Waarom nu? Omdat het moet!", 2),
])
def test_sentences_are_cut_where_a_reader_stops(text, aantal):
    assert len(labelling.zinnen(text)) == aantal


# ---------------------------------------------------------------- the shortcuts of the engine


_MASK_WORDS = ["de", "raad", "heeft", "is", "in", "2019", "besloten", "nog", "niet", "Besluit", "besluit", "van",
               "aangenomen", "Voorstel", "aan", "het", "college", "stelt", "voor", "om", "kwaliteit", "leefomgeving",
               "als", "ontwerpbesluit", "geen", "genomen", "eerder", "vergadering", "op", ":", ".", "Jeugdwet",
               "Besluit ruimtelijke ordening", "BESLUIT KWALITEIT leefomgeving", "xBesluit omgevingsrecht",
               "het college heeft besloten", "de raad voor te stellen", "gelezen", "gelet op", "vast te stellen",
               "provincie", "definitief", "ontwerp", "\u017f", "\u0130", "\u212a", "_", "é", "’", "b", "B", "#", "1"]


@given(st.lists(st.sampled_from(_MASK_WORDS), max_size=30), st.sampled_from(["", " ", "-", "b"]),
       st.sampled_from(list(Plek)))
@settings(max_examples=1000, deadline=None)
def test_mask_tried_where_phrases_start_equals_one_sub(words, joiner, plek):
    text = joiner.join(words)
    assert labelling.mask(text, plek) == labelling._mask_whole(text, plek), text


def test_every_allowed_phrase_starts_at_a_word_or_a_b():
    """``mask`` tries the phrases only at the start of a word and at each "b"."""
    for item in labelling.TOEGESTAAN:
        if item.naam == "regeling-bekend":
            assert all(name.startswith("Besluit") for name in labelling.REGELINGEN)
        else:
            assert item.patroon.startswith((r"\b", r"(?-i:\b")), item.naam
            compiled = re.compile(item.patroon, labelling._FLAGS)
            for sign in (" ", "#", ".", "-", "'"):
                assert not any(compiled.match(sign + case[0]) for case in (*ATTACKS, *LEGIT)), item.naam


_TRIGGER_ALPHABET = st.sampled_from(["besl", "BESLUIT", "Aangenomen", "definitief", "stemde", "keurde", " ", ".",
                                     "é", "\u0130", "\u0131", "\u017f", "\u212a", "ja", "jaar", "rond", "grond",
                                     "door", "door.", "nam", "name", "stemt", "in met", "wees", "groen", "licht",
                                     "feit", "adopted", "\n"])


@given(st.lists(st.one_of(_TRIGGER_ALPHABET, st.characters()), max_size=30).map("".join))
@settings(max_examples=800, deadline=None)
def test_fast_trigger_equals_the_case_insensitive_search(text):
    assert labelling.has_trigger(text) == bool(labelling._TRIGGER.search(text))


def test_every_rule_needs_a_trigger_stem():
    """The engine skips a sentence without a trigger stem: every match of every rule
    on the attacks and doubts holds one."""
    for case in (*ATTACKS, *DOUBTFUL):
        text = reading.lees_veld(case[0])
        for plek in Plek:
            masked = labelling.mask(text, plek)
            for regel, pattern in labelling._RULES:
                for m in pattern.finditer(masked):
                    assert labelling._TRIGGER.search(m.group(0)), (regel.code, m.group(0))


def test_only_the_known_characters_fold_to_ascii_letters():
    """``has_trigger`` may lower-case a text unless it holds a character that
    ``re.IGNORECASE`` matches to an ASCII letter; this keeps that list complete."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    folds = {chr(cp) for cp in range(0x80, 0x110000) if letter.fullmatch(chr(cp))}
    assert folds <= set(labelling._FOLDS_TO_ASCII)


# ---------------------------------------------------------------- normalise (the guard's form)

_SPACE = re.compile(r"\s+")


@given(st.text(alphabet=st.sampled_from(["a", "B", " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\u00a0",
                                         "\u2003", "\u2028", "\u3000", "\u00ad", "é", "’", "."]), max_size=40))
@settings(max_examples=300, deadline=None)
def test_normalise_collapses_white_space_and_quotes(text):
    before = unicodedata.normalize("NFC", text).translate(labelling._QUOTES) if not text.isascii() else text
    if text.isascii() and not any(s in text for s in ("  ", "\n", "\t", "\r")):
        assert labelling.normalise(text) == text.strip()  # the fast path for a plain ASCII text
    else:
        assert labelling.normalise(text) == _SPACE.sub(" ", before).strip()
