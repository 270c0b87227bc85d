"""The language of the labelling rule: which words present a dossier as decided.

The rule ("voorstel, niet besluit") is about *presenting* something as decided, not
about the letters b-e-s-l-u-i-t. An undecided proposal may say "ontwerpbesluit",
"conceptbesluit", "voorgesteld besluit", "besluitvorming", "besluitenlijst", name an
existing regulation ("het Besluit kwaliteit leefomgeving"), or say "het college stelt
de raad voor" and "de raad besluit op 10 december". It may never carry a decision
label or claim that the council or college has decided it.

This module is the one place where that language is written down, as data:

* :data:`TOEGESTAAN` (allowed): phrases that look like a claim but are not. They
  are *masked* (blanked out) before any rule is applied, so "het college heeft
  besloten de raad voor te stellen" never reaches the rule for "heeft besloten".
* :data:`REGELS` (rules): rejected claims, each with a Dutch reason (``reden``) and
  a suggested replacement (``schrijf``), and the places (:class:`Plek`) where it
  applies. Some rules are *ambiguous* on purpose ("de raad heeft in 2019
  besloten ...": an earlier decision, or this one?); they fail too, with a message
  that explains both readings and how to write the sentence so that it is clear.

Matching is case-insensitive (``Besloten:``, ``BESLOTEN``), respects word
boundaries (``besluitvorming`` is not ``besluit``), normalises white space and
typographic quotes, and covers the inflected forms (heeft/hebben/is/zijn/werd/werden
+ besloten/beslist/aangenomen/verworpen/vastgesteld/goedgekeurd/afgewezen,
besloot/besloten/besliste, stemde(n)). Negation ("nog niet besloten", "er is niets
besloten"), the future ("de raad besluit op ...", "de raad neemt een besluit",
"gaat besluiten") and conditions ("als de raad het voorstel heeft aangenomen") are
masked as allowed. Writers who refer to an *earlier* decision say so with "eerder"
("het eerder vastgestelde beleid", "het eerdere besluit van de raad").

Places (:class:`Plek`) differ in strictness: a label (page title, heading, feed
entry title, calendar summary) and a status badge are short, so a bare status word
("aangenomen", "besloten", "definitief") is already a claim there; in running text
(descriptions, card entries, summaries) only claims and label forms count.

Use :func:`claims` to find violations in a text, :func:`has_voorstel_label` and
:func:`has_besluit_label` for the positive side of the rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Plek(StrEnum):
    """Where a text is shown; decides which rules apply."""

    LABEL = "label"  # <title>, h1, og:title, breadcrumb, feed entry title, calendar SUMMARY
    STATUS = "status"  # a status badge, a status value in an export or a search filter
    TEKST = "tekst"  # running text: descriptions, card entries, summaries


ALLE = frozenset(Plek)
KORT = frozenset({Plek.LABEL, Plek.STATUS})

# Building blocks (used inside the patterns below).
_W = r"[\w'’-]+"  # one word
_NEG = r"(?:niet|niets|nooit|geen)"  # a negation word
_DEELWOORD = r"(?:besloten|beslist|aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen|ingestemd|definitief)"
_HULP = r"(?:heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden)"
_RAAD = (r"(?:de\s+(?:gemeente)?raad|het\s+college(?:\s+van\s+b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?)?"
         r"|de\s+gemeente)")

#: Names of existing regulations that start with "Besluit" (matched case-insensitively).
#: A capitalised "Besluit" followed by a lower-case word is also read as such a name.
REGELINGEN = (
    "Besluit ruimtelijke ordening",
    "Besluit bouwwerken leefomgeving",
    "Besluit kwaliteit leefomgeving",
    "Besluit activiteiten leefomgeving",
    "Besluit omgevingsrecht",
    "Besluit bodemkwaliteit",
    "Besluit digitale toegankelijkheid overheid",
    "Besluit begroting en verantwoording provincies en gemeenten",
    "Besluit externe veiligheid inrichtingen",
    "Besluit geluidhinder",
    "Besluit milieueffectrapportage",
    "Besluit burgerlijke stand",
)

#: Words after a capitalised "Besluit" that make it a decision, not a regulation name.
_GEEN_REGELING = r"(?:van|over|tot|om|op|is|was|werd|inzake|dat|de|het|een|genomen|nemen|aangenomen|en|of|voor|in|met)"


@dataclass(frozen=True)
class Toegestaan:
    """A phrase that looks like a decision claim but is allowed; masked before matching."""

    naam: str
    patroon: str
    uitleg: str


@dataclass(frozen=True)
class Regel:
    """A rejected way of presenting a dossier as decided."""

    code: str
    patroon: str
    reden: str  # Dutch: why this presents the dossier as decided
    schrijf: str  # Dutch: what to write instead
    plekken: frozenset = ALLE
    twijfel: bool = False  # ambiguous: the message explains both readings


TOEGESTAAN: tuple[Toegestaan, ...] = (
    Toegestaan("regeling-bekend", "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in REGELINGEN),
               "de naam van een bestaande regeling"),
    Toegestaan("regeling-vorm",
               rf"(?-i:\bBesluit)\s+(?!{_GEEN_REGELING}\b)(?-i:[a-zà-ÿ]{{3,}})(?:\s+(?-i:[a-zà-ÿ]+)){{0,5}}",
               "een hoofdletter-B 'Besluit' gevolgd door kleine letters is de naam van een regeling"),
    Toegestaan("college-stelt-voor",
               r"\bhet\s+college\s+(?:van\s+b\s*(?:en|&)\s*w\s+)?heeft\s+(?:" + _W + r"\s+){0,4}?besloten"
               r"(?:\s+om)?\s+(?:aan\s+)?de\s+(?:gemeente)?raad\s+(?:" + _W + r"\s+){0,6}?"
               r"(?:voor\s+te\s+stellen|te\s+vragen|voor\s+te\s+leggen)",
               "het college besluit de raad iets voor te stellen: dat is juist een voorstel"),
    Toegestaan("voorgesteld", r"\b(?:voorgesteld|gevraagd|beoogd|concept|ontwerp)e?\s+(?:raads)?besluit(?:en)?\b",
               "een voorgesteld of gevraagd besluit is nog geen besluit"),
    Toegestaan("nog-niet",
               r"\bnog\s+" + _NEG + r"\b(?:\s+" + _W + r"){0,5}?\s+(?:" + _DEELWOORD + r"|besluit|beslissing)\b"
               r"(?:\s+genomen)?",
               "ontkenning: 'nog niet besloten'"),
    Toegestaan("niet-besloten", r"\b(?:niet|niets|geen)\s+(?:over\s+)?(?:besloten|beslist)\b",
               "ontkenning: 'er is niets besloten'"),
    Toegestaan("geen-besluit", r"\bgeen\s+(?:" + _W + r"\s+)?(?:besluit|beslissing)\b(?:\s+genomen)?",
               "ontkenning: 'geen besluit'"),
    Toegestaan("toekomst-neemt",
               r"\b(?:neemt|nemen|zal|zullen|gaat|gaan|moet|moeten|kan|kunnen|wil|willen|mag)\s+"
               r"(?:" + _W + r"\s+){0,6}?(?:besluit|beslissing|besluiten|beslissen)\b(?:\s+nemen)?",
               "toekomst: 'de raad neemt een besluit op ...', 'de raad gaat besluiten'"),
    Toegestaan("toekomst-besluit-op",
               r"\b(?:raad|college)\s+besluit\s+(?=(?:op|in|naar|over|later|binnenkort|na|volgende|waarschijnlijk|"
               r"daarna|dan|uiterlijk|voor|rond|hierover|erover|of)\b)",
               "toekomst: 'de raad besluit op 10 december'"),
    Toegestaan("voorwaarde",
               r"\b(?:als|wanneer|zodra|indien|nadat|voordat|pas\s+als|totdat)\b[^.;:!?]{0,80}?\b" + _DEELWOORD + r"\b"
               r"(?:\s+(?:is|zijn|heeft|hebben|wordt|worden))?",
               "voorwaarde: 'als de raad het voorstel heeft aangenomen'"),
    Toegestaan("eerder",
               r"\beerder(?:e)?\b(?:\s+" + _W + r"){0,4}?\s+(?:" + _DEELWOORD + r"e?|(?:raads)?besluit(?:en)?"
               r"(?:\s+van\s+" + _RAAD + r")?|(?:heeft|hebben|is|zijn)\s+(?:" + _W + r"\s+){0,3}?" + _DEELWOORD
               + r")\b",
               "verwijzing naar een eerder besluit, met 'eerder' erbij"),
    Toegestaan("besloten-vergadering",
               r"\bbesloten\s+(?:vergadering|bijeenkomst|zitting|deel|overleg|sessie|gedeelte)\b",
               "'besloten' als 'niet openbaar'"),
)

REGELS: tuple[Regel, ...] = (
    Regel(
        "label-besluit",
        r"\b(?:raads|college)?(?:besluit|besluiten|besloten|beslist)\s*(?::|\||–|—|\s-\s)",
        "'Besluit:' (of 'Besloten:') als label zegt dat er al besloten is",
        "Voorstel aan de raad: ...",
    ),
    Regel(
        "label-uitslag",
        r"\b(?:unaniem\s+|geamendeerd\s+)?(?:aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen|definitief)"
        r"\s*(?::|\||–|—|\s-\s)",
        "een uitslag als label ('Aangenomen:') zegt dat de raad al gestemd heeft",
        "Voorstel aan de raad: ...",
    ),
    Regel(
        "label-begin",
        r"^\W*(?:raads|college)?besluit\b",
        "een label dat met 'Besluit' begint, zegt dat er al besloten is",
        "Voorstel aan de raad: ...",
        plekken=KORT,
    ),
    Regel(
        "besluit-van",
        r"\b(?:raads)?(?:besluit|besluiten|beslissing)\s+van\s+(?:" + _RAAD + r"|burgemeester)",
        "'besluit van de raad' zegt dat de raad al besloten heeft",
        "voorstel aan de raad (of: 'het voorgestelde besluit')",
    ),
    Regel(
        "besluit-genomen",
        r"\b(?:besluit|beslissing)\s+(?:is\s+|werd\s+)?genomen\b",
        "'een besluit genomen' zegt dat er al besloten is",
        "de raad neemt een besluit op <datum>",
    ),
    Regel(
        "niet-aangenomen",
        r"\b(?:is|werd|zijn|werden)\s+niet\s+aangenomen\b",
        "'niet aangenomen' betekent 'verworpen': een uitslag die nog niet bestaat",
        "de raad stemt op <datum> over het voorstel",
    ),
    Regel(
        "jaartal",
        r"\b" + _HULP + r"\b(?:\s+(?!" + _NEG + r"\b)" + _W + r"){0,8}?\s+(?:in\s+)?(?:19|20)\d\d\b"
        r"(?:\s+(?!" + _NEG + r"\b)" + _W + r"){0,4}?\s+" + _DEELWOORD + r"\b",
        "dit kan over een eerder besluit gaan, maar leest ook als 'dit voorstel is al besloten'",
        "gaat het over een eerder besluit, zeg dat dan met 'eerder': 'de raad heeft eerder (in 2019) besloten "
        "dat ...'; gaat het over dit voorstel: 'de raad besluit op <datum>'",
        twijfel=True,
    ),
    Regel(
        "voltooid",
        r"\b" + _HULP + r"\b(?:\s+(?!" + _NEG + r"\b)" + _W + r"){0,8}?\s+" + _DEELWOORD + r"\b",
        "een voltooide vorm ('heeft besloten', 'is aangenomen', 'is vastgesteld') zegt dat er al besloten is",
        "het college stelt de raad voor ...; de raad besluit op <datum>",
    ),
    Regel(
        "omgekeerd",
        r"\b(?:besloten|beslist|aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen)\s+(?:is|werd|zijn|werden)\b",
        "'besloten is' / 'aangenomen werd' zegt dat er al besloten is",
        "de raad besluit op <datum>",
    ),
    Regel(
        "verleden-tijd",
        r"\b(?:besloot|besloten(?=\s+(?:om|dat|tot|de|het)\b)|besliste|beslisten|stemde|stemden|verwierp|"
        r"verwierpen|keurde(?:n)?\s+(?:" + _W + r"\s+){0,5}?goed)\b",
        "een werkwoord in de verleden tijd ('besloot', 'stemde') zegt dat de raad al besloten heeft",
        "de raad stemt op <datum> over het voorstel",
    ),
    Regel(
        "statuswoord",
        r"\b(?:besloten|beslist|aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen|definitief|unaniem|"
        r"geamendeerd)\b",
        "dit woord is een uitslag; in een label of status van een voorstel zegt het dat er al besloten is",
        "Voorstel, nog niet besloten",
        plekken=KORT,
    ),
    Regel(
        "statuslabel-besluit",
        r"\b(?:raads|college)?besluit(?:en)?\b",
        "'besluit' in een status zegt dat de raad al besloten heeft",
        "Voorstel, nog niet besloten",
        plekken=frozenset({Plek.STATUS}),
    ),
    Regel(
        "regeling-onbekend",
        r"(?-i:\bBesluit)\s+(?-i:[A-Z][\w-]+)",
        "'Besluit' met een hoofdletter gevolgd door een naam: is dit een bestaande regeling of een besluit-label?",
        "de naam van de regeling met kleine letters erna ('het Besluit kwaliteit leefomgeving'), of voeg de "
        "regeling toe aan REGELINGEN in raadsinfo/labelling.py; is het een label, schrijf dan "
        "'Voorstel aan de raad: ...'",
        twijfel=True,
    ),
)

_FLAGS = re.IGNORECASE | re.UNICODE
#: All allowed phrases as one alternation: one pass over the text instead of one per phrase.
_ALLOWED = re.compile("|".join(f"(?:{t.patroon})" for t in TOEGESTAAN), _FLAGS)
_RULES = [(r, re.compile(r.patroon, _FLAGS)) for r in REGELS]
#: Every rule needs one of these stems; a text without them is skipped quickly.
_TRIGGER_STEMS = (r"besl|besluit|aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen|definitief|unaniem|"
                  r"geamendeerd|stemde|verwierp|keurde|ingestemd")
_TRIGGER = re.compile(_TRIGGER_STEMS, _FLAGS)
#: The same stems, searched case-sensitively in lower-cased text: ``re`` tries a
#: case-insensitive alternation the slow way at every position (65 µs against 3 µs
#: on a 300-character card text), and most texts the guard reads hold no trigger.
_TRIGGER_LOWER = re.compile(_TRIGGER_STEMS)
#: The only non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter
#: (İ ı ſ and the Kelvin sign); a text without them may be lower-cased instead.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_VOORSTEL = re.compile(r"\b(?:raads)?voorstel\b", _FLAGS)
_BESLUIT = re.compile(r"\b(?:raads)?besluit\b", _FLAGS)
_BESLUIT_LABEL = re.compile(r"\s*(?:raads)?besluit\s*:", _FLAGS)
#: A sentence: up to and including a full stop (or the end of the text).
_SENTENCE = re.compile(r"[^.]*\.|[^.]+")
_MASK = "#"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u00ad": ""})
#: The same, as pairs; no replacement holds a character that is replaced.
_QUOTE_PAIRS = tuple((chr(code), value) for code, value in _QUOTES.items())


@dataclass(frozen=True)
class Claim:
    """One place in a text that presents the dossier as decided."""

    regel: Regel
    gevonden: str  # the offending words, as written
    tekst: str  # the whole (normalised) text

    def melding(self) -> str:
        """Dutch: why, and what to write instead."""
        soort = "Twijfelgeval: " if self.regel.twijfel else ""
        return f"{soort}{self.regel.reden}. Schrijf in plaats daarvan: {self.regel.schrijf}"


def normalise(text: str) -> str:
    """NFC, plain quotes and spaces, no soft hyphens, single spaces, stripped."""
    if not text:
        return ""
    if text.isascii():
        if "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text:
            return text.strip()
    else:
        text = unicodedata.normalize("NFC", text)
        # ``text.translate(_QUOTES)``, but str.translate with a dict goes character by
        # character in Python's slow path: a whole page took a millisecond.
        for char, replacement in _QUOTE_PAIRS:
            if char in text:
                text = text.replace(char, replacement)
    # ``re.sub(r"\s+", " ", text).strip()``, in C: ``str.split`` splits on exactly the
    # characters ``\s`` matches (both ask ``Py_UNICODE_ISSPACE``; a test checks).
    return " ".join(text.split())


def mask(text: str) -> str:
    """Blank out every allowed phrase (same length, so positions stay valid).

    The mask character is not a word character, so a rule can neither match inside
    an allowed phrase nor bridge over it.

    This is ``_ALLOWED.sub(...)`` (:func:`_mask_whole`; tests compare both), but
    the alternation is tried only where an allowed phrase can start: ``re`` tries a
    case-insensitive alternation at every character of the text, the slow way (70 µs
    for a sentence of a hundred characters, most of the guard's time on a new
    sentence). Every phrase starts with ``\b`` and a letter, so at the start of a
    word, except the names of regulations, which start with a "B" anywhere (a test
    keeps the patterns so). Tried at those places from left to right, going on after
    each phrase found, it finds the same phrases as ``sub``: no phrase can be empty.
    """
    starts = [m.start() for m in _WORD_START.finditer(text)]
    if "b" in text or "B" in text:  # where a regulation's name can start, inside a word too
        starts = sorted({*starts, *(m.start() for m in _B.finditer(text))})
    match, pieces, done = _ALLOWED.match, [], 0
    for start in starts:
        if start < done:
            continue
        m = match(text, start)
        if m is not None:
            pieces += (text[done:start], _MASK * (m.end() - start))
            done = m.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_whole(text: str) -> str:
    """:func:`mask` as one ``sub`` over the whole text: the reference."""
    return _ALLOWED.sub(lambda m: _MASK * len(m.group(0)), text)


#: Where a word starts: every allowed phrase but a regulation's name starts there.
_WORD_START = re.compile(r"\b\w")
#: Where a regulation's name can start (they all start with "Besluit"; no other
#: character matches "b" or "B" case-insensitively).
_B = re.compile("[bB]")


def _starts_allowed(sentence: str) -> bool:
    """Would :func:`mask` blank the first character? An allowed phrase that starts
    right there: one anchored attempt instead of masking the whole sentence."""
    m = _ALLOWED.match(sentence)
    return m is not None and m.end() > 0


@lru_cache(maxsize=1 << 16)
def has_trigger(text: str) -> bool:
    """Does ``text`` hold a stem every rule needs? ``_TRIGGER.search(text)``, but fast
    (and cached: the same sentences and badges come back on page after page)."""
    if text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII):
        return _TRIGGER_LOWER.search(text.lower()) is not None
    return _TRIGGER.search(text) is not None


def claims(text: str, plek: Plek = Plek.TEKST) -> list[Claim]:
    """Every decision claim or decision label in ``text`` shown at ``plek``.

    One claim per rejected span; overlapping rules report the first (most specific)
    one only, so a text gets one clear message per problem. Results are cached: a
    site repeats the same badge and card texts on many pages.
    """
    if not text or not has_trigger(text.replace("\u00ad", "")):
        return []
    return list(_claims(text, plek))


@lru_cache(maxsize=1 << 16)
def _claims(text: str, plek: Plek) -> tuple[Claim, ...]:
    """Every claim in ``text``, found sentence by sentence.

    No allowed phrase and no rule can match across a full stop (their patterns
    hold no ``.``, ``\\W``, ``\\S`` or negated class that admits one; a test keeps
    it so), except ``label-begin``, which is anchored at the start of the text. So
    the text is cut after every full stop, and only sentences with a trigger word
    are masked and searched: a page, feed or calendar repeats the same sentences
    ("Dit is een voorstel.") and most sentences hold no trigger at all. The result
    equals :func:`_claims_whole` (also tested), in the same order.
    """
    text = normalise(text)
    sentences = _SENTENCE.findall(text)
    # label-begin's ^\W* could reach past a full stop when the text starts with a
    # sign, or with an allowed phrase (masked with signs): then search it whole.
    if not sentences or not sentences[0][:1].isalnum() or _starts_allowed(sentences[0]):
        return _claims_whole(text, plek)
    found: list[tuple[int, int, int]] = []  # (rule, start, end) in the whole text
    offset = 0
    for sentence in sentences:
        if has_trigger(sentence):
            found += [(i, offset + start, offset + end) for i, start, end in _spans(sentence, plek, offset == 0)]
        offset += len(sentence)
    found.sort()
    return _as_claims(text, found)


@lru_cache(maxsize=1 << 16)
def _spans(text: str, plek: Plek, first: bool) -> tuple[tuple[int, int, int], ...]:
    """(rule, start, end) of every claim in ``text``, in rule order; a span that
    overlaps one found before is left out (the first, most specific rule wins).

    ``first``: the text is where the whole text starts, so ``label-begin`` (anchored
    there) applies. Cached, since sentences repeat across outputs.
    """
    masked = mask(text)
    if not has_trigger(masked):
        # Every rule needs a trigger stem, and masking took them all away: "nog niet
        # besloten" and the like, the sentence of nearly every voorstel. Searching it
        # with each rule found nothing, at 40 µs a sentence.
        return ()
    return _rule_spans(masked, plek, first)


def _rule_spans(masked: str, plek: Plek, first: bool) -> tuple[tuple[int, int, int], ...]:
    """Every rule that applies at ``plek``, searched in the masked text."""
    taken: list[tuple[int, int, int]] = []
    for i, (regel, pattern) in enumerate(_RULES):
        if plek not in regel.plekken or (regel.code == "label-begin" and not first):
            continue
        for m in pattern.finditer(masked):
            start, end = m.span()
            if not any(start < e and s < end for _, s, e in taken):
                taken.append((i, start, end))
    return tuple(taken)


def _claims_whole(text: str, plek: Plek) -> tuple[Claim, ...]:
    """The same search over the whole (normalised) text at once: the reference."""
    return _as_claims(text, _spans(text, plek, True))


def _as_claims(text: str, spans) -> tuple[Claim, ...]:
    return tuple(Claim(_RULES[i][0], text[start:end], text) for i, start, end in spans)


def has_voorstel_label(text: str) -> bool:
    """The text says it is a proposal: 'Voorstel aan de raad: ...', 'Voorstel', 'raadsvoorstel'."""
    return bool(_VOORSTEL.search(normalise(text)))


def has_besluit_label(text: str) -> bool:
    """The text says it is a decision ('Besluit: ...'), not merely mentions a regulation."""
    if _BESLUIT_LABEL.match(text):  # the usual form, decided without masking
        return True
    return bool(_BESLUIT.search(text)) and _has_besluit_label(text)


@lru_cache(maxsize=1 << 14)
def _has_besluit_label(text: str) -> bool:
    return bool(_BESLUIT.search(mask(normalise(text))))


def voorstel_titel(titel: str) -> str:
    """The label as it should be written for an undecided dossier."""
    return f"Voorstel aan de raad: {titel}"
