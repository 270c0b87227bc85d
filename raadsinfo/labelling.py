"""The language of the labelling rule: which sentences present a dossier as decided.

The rule ("voorstel, niet besluit") is about *presenting* something as decided, not
about the letters b-e-s-l-u-i-t. An undecided proposal may say "ontwerpbesluit",
"conceptbesluit", "voorgesteld besluit", "besluitvorming", name a regulation ("het
Besluit Jeugdwet"), quote the standard draft decision ("De raad van de gemeente ...;
gelezen ...; besluit: 1. ... vast te stellen"), say "de raad besluit op 10 december",
or tell what *others* decided: "De provincie heeft besloten de weg te verbreden", "De
rechter heeft het bezwaar afgewezen", "Eerder besloot de raad in 2019 ...", "Het plan
is pas definitief als de raad ja zegt". It may never carry a decision label, or claim
that the council has decided it, or that the college or "het plan" has been decided.

This module is the one place where that language is written down, as data:

* :data:`TOEGESTAAN` (allowed): phrases that look like a claim but never are. They
  are *masked* (blanked out) before any rule is applied.
* :data:`REGELS` (rules): each with a Dutch reason (``reden``) and what to write
  instead (``schrijf``), the places (:class:`Plek`) where it applies, and its kind:

  - a *label* ("Besluit: ...", "Aangenomen: ...", "Fase: besloten", a bare
    "Raadsbesluit", a bare "aangenomen" in a title or badge, a foreign word for a
    decision) is judged without context: a label cannot be about someone else;
  - a *claim* (a decision verb: "heeft besloten", "is aangenomen", "besloot",
    "stemde in", and the synonyms: akkoord, ja gezegd, groen licht, bekrachtigd,
    goedgekeurd, "is rond", "gaat door", "ging erdoor", "de kogel is door de kerk",
    English adopted/approved/decided) is judged in its sentence (:func:`_oordeel`):
    whose decision is it, and when?
  - a *noun* ("besluit van de raad", "het aangenomen voorstel", "25 voor, 4 tegen",
    "het raadsbesluit van 10 december 2026") is judged on condition, need and time.

How a claim is judged, in this order:

1. a *condition* ("als", "wanneer", "zodra", "pas als", "indien", a modal verb such
   as "moet ... hebben besloten") makes it no claim; a *question* makes it doubtful
   (an error when the next sentence answers "Ja"); in what the council is asked
   (:attr:`Plek.VRAAG`) the present tense is the question: "De raad stelt het plan vast.";
2. a sign that it is *earlier* ("eerder", "destijds", "toen", "vorig jaar", "in het
   verleden", a year before the proposal's year, a date before the day the proposal
   was submitted) makes it no claim; a year that is the proposal's year or later
   (without a day) makes it doubtful, a date on or after that day cannot be earlier.
   Earlier does not help a claim that names *this* proposal ("dit voorstel": never
   decided earlier) and makes one about "het voorstel" doubtful (an earlier one?);
3. its *subject* (:data:`ORGANEN`): another body (provincie, Rijk, rechter,
   waterschap, another gemeente, inwoners, ...) makes it no claim. The council (the
   raad, its fracties, raadsleden, a majority) and this proposal ("het plan", "dit
   voorstel") make it an error, and so does a passive without "door ..." (no subject
   at all). The *college* side (het college, B en W, wij, de gemeente, a wethouder)
   makes it an error about this proposal or without an object ("Het college heeft
   besloten."), but only doubtful about anything else: the college takes decisions
   of its own (an onderzoek, the inspraak, sending this proposal), which never make
   a proposal a decision, and the words cannot tell whether "de sporthal" is this
   proposal. A subject that can be either (de commissie, de burgemeester, "zij", an
   unknown name) makes it doubtful.

Some verbs are a decision only when the council is their subject (``wie="raad"``:
"kiest voor", "steunt", "is voor", "nam over"): the college choosing a variant or
residents supporting a plan is ordinary Dutch. Some describe only the fate of a
proposal (``wie="dit"``: "sneuvelde", "haalde het", "is van tafel"): they count only
with this proposal or "het plan" as subject.

A doubtful claim (:attr:`Ernst.TWIJFEL`) is a warning in running text, which a
record can confirm with a reason; in a label, badge, title or heading it is an error,
since those cannot be confirmed. Texts are read as a reader sees them first
(:func:`raadsinfo.reading.lees_veld`: Unicode normalised, hidden characters out,
look-alike letters folded, markup out; words written apart or with digits read whole,
:data:`VERHULD`); accents are ignored when matching ("áángenomen").

The names of this municipality, its villages and its fracties are data
(:class:`Namen`, from ``content/raad/raadsperioden.yaml``): "de raad van <gemeente>"
is this council, "de raad van Ermelo" another one. The names of the national parties
(:data:`LANDELIJKE_PARTIJEN`) are the same everywhere, so they are written here.

Use :func:`beoordeel` for every finding (errors and doubts), :func:`claims` for the
errors only (what must stop a build).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from .dates import datum
from .reading import VerhuldeWoorden, lees_veld


class Plek(StrEnum):
    """Where a text is shown; decides which rules apply."""

    LABEL = "label"  # <title>, h1, og:title, breadcrumb, feed entry title, calendar SUMMARY
    STATUS = "status"  # a status badge, a status value in an export or a search filter
    TEKST = "tekst"  # running text: descriptions, card entries, summaries
    #: What the council is asked to decide (gevraagdBesluit, the ontwerpbesluit): running
    #: text in which the present tense is the question itself ("De raad stelt het plan
    #: vast.", "De raad kiest voor variant B.").
    VRAAG = "vraag"


class Ernst(StrEnum):
    """How bad a finding is."""

    FOUT = "fout"  # presents the dossier as decided: stops the build
    TWIJFEL = "twijfel"  # can be read either way: a warning, which a record may confirm


ALLE = frozenset(Plek)
KORT = frozenset({Plek.LABEL, Plek.STATUS})
TEKST = frozenset({Plek.TEKST, Plek.VRAAG})


@dataclass(frozen=True)
class Namen:
    """The names that make "de raad van X" this council or another one: the
    municipality (``gemeente`` in ``content/raad/raadsperioden.yaml``), its villages
    (``kernen``: "de raad van Hierden" is no other council) and its fracties (from
    every council period: "Partij voor de Dieren stemde voor" is a vote of this
    council). Without names (the default) every "de raad van X" is another council:
    callers that judge a site's records pass its names (:mod:`raadsinfo.guard_records`)."""

    gemeente: str = ""
    kernen: tuple[str, ...] = ()
    fracties: tuple[str, ...] = ()

    @classmethod
    def uit_raad(cls, data: dict | None) -> Namen:
        """From the data of ``content/raad/raadsperioden.yaml`` (already schema-checked)."""
        if not isinstance(data, dict):
            return cls()
        fracties = {f["naam"] for p in data.get("perioden", []) for f in p.get("fracties", [])}
        return cls(str(data.get("gemeente", "")), tuple(data.get("kernen", ())), tuple(sorted(fracties)))

    @property
    def eigen(self) -> tuple[str, ...]:
        return tuple(n for n in (self.gemeente, *self.kernen) if n)


GEEN_NAMEN = Namen()

#: National parties: the same in every municipality (local fracties come from the data).
LANDELIJKE_PARTIJEN = ("VVD", "CDA", "D66", "PvdA", "GroenLinks", "GL", "GroenLinks-PvdA", "SGP", "ChristenUnie", "CU",
                       "SP", "PVV", "JA21", "BBB", "Volt", "FvD", "PvdD", "Partij voor de Dieren", "DENK", "50PLUS",
                       "NSC")

# Building blocks (used inside the patterns below).
_W = r"[\w'’-]+"  # one word
#: The end of a clause right after a word: "... stelde de begroting vast." (not "vast te stellen").
_EINDE = r"(?=\s*(?:[.,;:!?]|$))"
_DIT_PLAN = r"(?:het|dit)\s+(?:raads)?(?:voorstel|plan)\b"  # this proposal as an object
_NEG = r"(?:niet|niets|nooit|geen|nog)"  # negation (and "nog", as in "nog te besluiten")
_HEBBEN = ("heeft", "hebben", "had", "hadden")
_ZIJN = ("is", "zijn", "was", "waren", "werd", "werden")
_HULP = "(?:" + "|".join(_HEBBEN + _ZIJN) + ")"
#: Placeholders in the patterns, filled in from :class:`Namen` (see :func:`_taal`).
EIGEN = "<EIGEN>"  # the municipality and its villages
FRACTIES = "<FRACTIES>"  # national parties and this council's fracties
_RAAD = (r"(?:de\s+(?:gemeente)?raad|het\s+college(?:\s+van\s+b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?)?"
         r"|de\s+gemeente|burgemeester\s+en\s+wethouders|b\s*(?:en|&)\s*w)")
#: A participle or state that says a decision has been taken.
_UITSLAG = (r"akkoord\s+bevonden|goed\s+bevonden|besloten|beslist(?=\s*(?:[.,;:!?]|$)|\s+(?:dat|om|over|door|in|"
            r"op|tot|en)\b)|aangenomen(?!\s+dat\b)|verworpen|vastgesteld(?!\s+dat\b)|goedgekeurd|vrijgegeven|afgewezen|ingestemd|bekrachtigd|aanvaard|geaccordeerd|"
            r"afgehamerd|beklonken|omarmd|weggestemd|doorgehakt|geschaard|uitgesproken(?=\s+(?:voor|tegen)\b)")
_STAAT = (r"definitief|(?<!\been\s)(?<!\bhet\s)akkoord(?:\s+gegaan)?|rond" + _EINDE + r"|"
          r"een\s+feit" + _EINDE + r"|"
          r"het\s+(?:(?:unaniem|helemaal|roerend|volledig)\s+)?eens(?=\s+(?:met|over)\b|\s*(?:[.,;:!?]|$))|"
          r"(?:unaniem|massaal)\s+(?:voor|tegen)" + _EINDE + r"|"
          r"erdoor(?:\s+gekomen)?" + _EINDE)
_UITDRUKKING = (r"ja\s+gezegd|nee\s+gezegd|(?:het\s+)?groene?\s+licht\s+(?:gegeven|gekregen)|"
                r"(?:een\s+)?(?:" + _W + r"\s+)?meerderheid\s+(?:gehaald|gekregen)|"
                r"(?:toestemming|goedkeuring|akkoord|(?:het|zijn|haar|hun)\s+(?:fiat|zegen|akkoord|goedkeuring|"
                r"toestemming))\s+(?:gegeven|gekregen|verleend)|(?:voor|tegen)\s+gestemd|"
                r"(?:een|het|dit|dat|haar|zijn|hun)\s+(?:" + _W + r"\s+)?(?:besluit|beslissing)\s+genomen|"
                r"(?:als\s+)?hamerstuk\s+(?:afgedaan|afgehandeld)")
#: Decision participles that a subordinate clause puts before its finite verb
#: ("omdat de raad het voorstel aangenomen heeft", "nu de raad akkoord is").
_UITSLAG_ACHTER = (r"aangenomen|besloten|goedgekeurd|verworpen|afgewezen|ingestemd|bekrachtigd|afgehamerd|"
                   r"weggestemd|akkoord")
#: Separable decision verbs in the past tense, written as one word at the end of a
#: subordinate clause: "doordat de raad het voorstel aannam".
_SCHEIDBAAR_VERLEDEN = (r"aannam|aannamen|goedkeurde|goedkeurden|vaststelde|vaststelden|instemde|instemden|afwees|"
                        r"afwezen")
#: Words that end a clause or start a new one, for finding a claim's subject.
_VOORZETSELS = frozenset("""van aan met voor bij over naar tegen uit tot op in om onder zonder namens volgens dan
    als binnen buiten tussen via per na sinds tijdens vanuit richting jegens ten ter door dankzij wegens
    vanwege ondanks behalve""".split())
_VOEGWOORDEN = frozenset("""dat omdat doordat nadat zodat terwijl toen waarna waardoor waarmee waarin waarop
    hoewel want maar dus die wat wie welke""".split())
_VOORWAARDE = re.compile(r"\b(?:(?<!net\s)(?<!zowel\s)als(?!\s+(?:gemeente)?raad\b|\s+college\b|\s+gemeente\b|"
                         r"\s+fracties?\b|\s+raadsleden\b|\s+wethouders?\b)|wanneer|zodra|indien|mits|tenzij|nadat|voordat|totdat|zolang|"
                         r"op\s+voorwaarde\s+dat|in\s+het\s+geval\s+dat|stel\s+dat)\b(?!\s+(?:hamerstuk|eerste|"
                         r"laatste|voorstel|ontwerp|onderdeel|volgt|gevolg|bijlage|basis)\b)", re.IGNORECASE)
#: After "nadat ...", a main clause in the past tense tells a fact, not a condition:
#: "Nadat de raad het voorstel had aangenomen, begon de bouw."
_VERLEDEN_HOOFDZIN = re.compile(r"\b(?:begon|begonnen|startte|startten|gestart|werd|werden|was|waren|kwam|kwamen|"
                                r"ging|gingen|kreeg|kregen|nam|namen|trok|trokken|bleek|bleken|had|hadden|stopte|"
                                r"stopten|besloot|besloten)\b", re.IGNORECASE)
_PAS = re.compile(r"\bpas\b", re.IGNORECASE)
_MODAAL = re.compile(r"\b(?:zal|zullen|zou|zouden|moet|moeten|kan|kunnen|mag|mogen|wil|willen|hoeft|hoeven|"
                     r"gaat|gaan|dient|dienen|lijkt|lijken|blijkt)\b", re.IGNORECASE)
_EERDER = re.compile(r"\b(?:eerder|eerdere|destijds|toen|vroeger|toentertijd|toenmalige?|in\s+het\s+verleden|"
                     r"vorig\s+jaar|vorige\s+(?:raadsperiode|periode|raad|gemeenteraad|college|eeuw)|"
                     r"(?:\w+\s+)?jaar\s+geleden|jaren\s+geleden|al\s+in\s+(?:19|20)\d\d|"
                     r"sinds\s+(?:(?:19|20)\d\d|jaren|lang|vorig\s+jaar|de\s+vorige|het\s+vorige))\b", re.IGNORECASE)
#: Later: a sentence that tells where to read the outcome once it is there ("Hier
#: leest u straks wat de raad besloot"), or predicts it ("de raad stemt naar
#: verwachting op 10 december in").
_MAAND = (r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
          r"jan|feb|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)")
_LATER = re.compile(r"\b(?:straks|later|binnenkort|zodra|na\s+(?:de\s+)?(?:stemming|afloop|vergadering|"
                    r"raadsvergadering|besluitvorming)|na\s+het\s+besluit|na\s+\d{1,2}\s+" + _MAAND + r")\b",
                    re.IGNORECASE)
_TOEKOMST = re.compile(r"\b(?:op\s+\d{1,2}\s+" + _MAAND + r"|in\s+" + _MAAND + r"|naar\s+verwachting|"
                       r"waarschijnlijk|volgende\s+\w+|binnenkort|straks|later|vermoedelijk|verwacht)\b", re.IGNORECASE)
#: The start of an indirect question: "U leest hier [wat de raad besloot]".
_INDIRECTE_VRAAG = re.compile(r"\b(?:wat|of|hoe|waarom|wanneer|welke?)\s*$", re.IGNORECASE)
_JAARTAL = re.compile(r"\b(?:19|20)\d\d\b")
_MAANDEN = {m: i for i, namen in enumerate(
    (("januari", "jan"), ("februari", "feb"), ("maart", "mrt"), ("april", "apr"), ("mei",), ("juni", "jun"),
     ("juli", "jul"), ("augustus", "aug"), ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
     ("december", "dec")), start=1) for m in namen}
#: A date: "10 december 2026", "10 dec. 2026", "10 december", "10-12-2026", "2026-12-10".
_DATUM = re.compile(r"\b(\d{1,2})\s+(" + _MAAND + r")\b\.?(?:\s+((?:19|20)\d\d)\b)?"
                    r"|\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b"
                    r"|\b(" + _MAAND + r")\b\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_GRENS = re.compile(r"[;:()\[\]]|\s[–—-]\s")
#: What needs a decision is not one yet: "Voor de subsidie is een besluit van de raad nodig."
_NODIG = re.compile(r"\b(?:nodig|vereist|noodzakelijk|wacht|wachten|afwachten|vraagt|vragen|vroeg)\b", re.IGNORECASE)
#: This proposal, named: "dit voorstel" (never decided earlier), "het voorstel".
_DIT_VOORSTEL = re.compile(r"\b(?:(?P<sterk>dit|deze)\s+(?:raads)?voorstel|het\s+(?:raads)?voorstel)\b",
                           re.IGNORECASE)
#: The present tense of the rules that read it as an outcome; in what the council is
#: asked (:attr:`Plek.VRAAG`, or after "Gevraagd besluit:") it is the question.
_TEGENWOORDIG = frozenset("""kiest kiezen steunt steunen is zijn krijgt krijgen kan neemt nemen stelt stellen gaat gaan
    stemt stemmen keurt keuren zegt zeggen geeft geven ligt""".split())
_GEVRAAGD_LABEL = re.compile(r"(?:\b(?:gevraagd|voorgesteld|ontwerp)e?\s*(?:raads)?besluit\w*|\b(?:gevraagd|"
                             r"voorgesteld)(?:\s+wordt)?|"
                             r"\bde\s+raad\s+wordt\s+gevraagd|^\W*(?:het\s+)?(?:raads)?voorstel)\W*$", re.IGNORECASE)
#: Something a decision verb can have as object or complement: "besloten [een onderzoek te laten doen]".
_AANVULLING = re.compile(r"\b(?:te\s+\w+|om|dat|tot|over|met|de|het|een|deze|die|twee|drie|\d+|alle|haar|zijn|"
                         r"hun|geen)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Toegestaan:
    """A phrase that looks like a decision claim but is allowed; masked before matching."""

    naam: str
    patroon: str
    uitleg: str
    plekken: frozenset = ALLE


@dataclass(frozen=True)
class Regel:
    """A rejected way of presenting a dossier as decided.

    ``soort``: ``"label"`` is judged without context; ``"bewering"`` (a claim with a
    finite verb in group ``fin``) is judged in its sentence: condition, time, subject;
    ``"naamwoord"`` ("besluit van de raad", "25 voor, 4 tegen") on condition, need,
    time and the bodies in the sentence. ``wie``: ``"raad"`` for a verb that is a
    decision only with the council as subject; ``"dit"`` for one that tells only the
    fate of this proposal.
    """

    code: str
    patroon: str
    reden: str  # Dutch: why this presents the dossier as decided
    schrijf: str  # Dutch: what to write instead
    plekken: frozenset = ALLE
    twijfel: bool = False  # always doubtful: the message explains both readings
    soort: str = "label"
    kop: bool = False  # only in a heading or title written by a clerk (and in labels)
    begin: bool = False  # only at the start of the text
    wie: str = ""


#: Names of existing regulations that start with "Besluit" (matched case-insensitively).
#: A capitalised "Besluit" followed by a lower-case word, or by a law's name ("...wet"),
#: is also read as such a name.
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
    "Besluit Jeugdwet",
    "Besluit maatschappelijke ondersteuning",
    "Besluit Wmo",
)

#: Words after a capitalised "Besluit" that make it a decision, not a regulation name.
_GEEN_REGELING = (r"(?:van|over|tot|om|op|is|was|werd|inzake|dat|de|het|een|genomen|nemen|aangenomen|en|of|voor|in|"
                  r"met|gevallen|gepubliceerd|bekendgemaakt|getekend|ondertekend|staat|stond|ligt|lag|nummer|nr|datum|"
                  r"definitief|unaniem|door|genomen)")

# --- who decided: bodies other than this council, this council, and either ------------------

#: Other bodies and actors: a decision of theirs is no claim about this proposal.
ANDERE_ORGANEN = (
    r"(?:het\s+college\s+van\s+)?gedeputeerde\s+staten", r"provinciale\s+staten", r"(?-i:GS|PS)",
    r"(?:de\s+)?provincies?(?:\s+(?-i:[A-Z]\w+))?", r"(?:het\s+)?(?-i:Rijk)", r"(?:de\s+)?rijksoverheid",
    r"(?:het\s+)?kabinet", r"(?:de\s+)?regering", r"(?:de\s+)?staatssecretaris(?:sen)?",
    r"(?:de\s+|het\s+)?minist(?:er|ers|erie)(?:\s+van\s+(?-i:[A-Z][\w-]*)(?:\s+(?:en\s+)?(?-i:[A-Z][\w-]*)){0,4})?",
    r"(?:de\s+)?(?:tweede|eerste)\s+kamer", r"(?:het\s+)?parlement", r"(?:de\s+)?staten-generaal",
    r"(?:de\s+)?(?:kanton|bestuurs|voorzieningen)?rechters?", r"(?:de\s+)?rechtbank", r"(?:het\s+)?(?:gerechts)?hof",
    r"(?:de\s+)?(?:afdeling\s+bestuursrechtspraak\s+van\s+de\s+)?raad\s+van\s+state",
    r"(?:de\s+)?afdeling\s+bestuursrechtspraak", r"(?:de\s+)?hoge\s+raad", r"(?:de\s+)?centrale\s+raad\s+van\s+beroep",
    r"(?:het\s+)?college\s+van\s+beroep(?:\s+voor\s+het\s+bedrijfsleven)?",
    r"(?:de\s+)?raad\s+van\s+(?:toezicht|commissarissen|bestuur|advies)",
    r"(?:de\s+)?raad\s+voor\s+(?:de\s+|het\s+)?(?-i:[A-Z])\w+", r"(?:de\s+)?(?:kies|onderwijs|gezondheids)raad",
    r"(?:het\s+)?(?:waterschap|hoogheemraadschap)(?:\s+(?-i:[A-Z]\w+)(?:\s+(?:en\s+)?(?-i:[A-Z]\w+)){0,3})?",
    r"(?:de\s+)?(?:veiligheidsregio|omgevingsdienst|ggd|regio|regiogemeenten|buurgemeenten?)",
    r"(?:de\s+|twee\s+|drie\s+|alle\s+)?andere\s+gemeenten?",
    r"(?:de\s+)?(?:gemeente(?:raden|raad|n)?|colleges?|raden)\s+(?:van\s+)?(?:de\s+gemeenten?\s+)?(?!" + EIGEN + r"\b)"
    r"(?!(?-i:B)\b|(?-i:Burgemeester)\b)(?-i:[A-Z][\w-]+)",
    r"(?:de\s+)?(?:gemeente)?raad\s+van\s+(?:de\s+gemeente\s+)?(?!" + EIGEN + r"\b)(?-i:[A-Z][\w-]+)",
    r"(?:een\s+|de\s+|het\s+)?(?:eerdere|vorige|toenmalige|oude)\s+(?:gemeente)?(?:raad|college|kabinet)",
    r"(?-i:Rijkswaterstaat|ProRail|NS|EU|ACM|OM|IPO|VNG)", r"(?:de\s+)?europese\s+(?:unie|commissie|raad)",
    r"(?:het\s+)?europees\s+parlement", r"(?:de\s+)?autoriteit\s+(?-i:[A-Z]?)\w+",
    r"(?:de\s+)?(?:nationale\s+)?ombudsman", r"(?:de\s+)?(?:algemene\s+)?rekenkamer(?:commissie)?",
    r"(?:de\s+)?accountant", r"(?:het\s+)?openbaar\s+ministerie", r"(?:de\s+)?(?:politie|brandweer)",
    r"(?:de\s+)?(?:woning)?corporaties?", r"(?:de\s+|het\s+)?(?:school(?:bestuur|besturen)?|scholen)",
    r"(?:de\s+)?(?:eigenaars?|eigenaren|(?:project)?ontwikkelaars?|aannemers?|bedrijf|bedrijven|ondernemers?|bond|"
    r"\w*(?:vereniging|verenigingen|stichting|stichtingen|club|clubs|organisatie|organisaties|bond))",
    r"(?:de\s+|veel\s+|alle\s+)?(?:inwoners|bewoners|omwonenden|buren|winkeliers|ouders|leerlingen|jongeren|ouderen|"
    r"deelnemers|kiezers|huurders|jury|deskundigen|experts)",
    r"(?:de\s+)?(?:adviesraad|wijkraad|dorpsraad|ondernemingsraad|jongerenraad|cliëntenraad|clientenraad|seniorenraad|"
    r"participatieraad|bezwaarschriftencommissie|welstandscommissie|monumentencommissie|"
    r"commissie\s+(?:bezwaarschriften|m\.e\.r\.|voor\s+de\s+\w+))(?:\s+(?-i:[A-Z]\w+))?",
)

#: This council and its members: a decision of theirs is the claim the rule forbids.
RAAD_ORGAAN = (
    r"(?:de\s+)?(?:(?:hele|voltallige|nieuwe|huidige)\s+)?(?:gemeente)?raad(?:\s+van\s+(?:de\s+gemeente\s+)?"
    + EIGEN + r")?",
    r"(?:de\s+|alle\s+|een\s+|twee\s+|drie\s+|vier\s+|vijf\s+|zes\s+|\d+\s+)?(?:ruime\s+|grote\s+|krappe\s+)?"
    r"(?:fracties?|partijen|coalitie(?:partijen)?|oppositie(?:partijen)?|meerderheid|minderheid|raadsleden|raadslid|"
    r"raadsmeerderheid)",
    r"(?:de\s+|het\s+)?(?:fractie\s+van\s+(?:de\s+|het\s+)?)?" + FRACTIES,
    r"(?:de\s+)?(?:raads)?voorzitter", r"(?:wij|we)\s+(?:als|van\s+de)\s+(?:gemeente)?raad",
    # The municipality's bare name as actor ("Harderwijk zegt ja tegen ...") speaks for
    # the whole municipality, as a headline does: only the council can say that.
    EIGEN,
)
#: The college and the municipality as an organisation: it proposes, and it takes
#: decisions of its own (see the module docstring).
COLLEGE_ORGAAN = (
    r"(?:het\s+)?college(?:\s+van\s+(?:b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?))?",
    r"burgemeester\s+en\s+wethouders", r"(?-i:B)\s*(?:en|&)\s*(?-i:W)",
    r"(?:de\s+)?gemeente(?:\s+" + EIGEN + r")?", r"(?:het\s+)?gemeentebestuur",
    r"wij|we", r"(?:de\s+)?(?:wethouders?|portefeuillehouders?)",
)
#: This proposal itself, or "het plan".
DIT_ORGAAN = (r"(?:het|dit|dat|deze|ons)\s+(?:raads)?(?:voorstel|plan|besluit|ontwerpbesluit)",)

#: Could be this council or not: a decision of theirs is doubtful.
TWIJFEL_ORGAAN = (
    r"(?:de\s+)?commissie(?:\s+(?:ruimte|samenleving))?", r"(?:de\s+)?burgemeester", r"zij|ze|hij|men",
)

#: Every body, by class, in the order they are tried.
ORGANEN = (("ander", ANDERE_ORGANEN), ("raad", RAAD_ORGAAN), ("college", COLLEGE_ORGAAN), ("dit", DIT_ORGAAN),
           ("twijfel", TWIJFEL_ORGAAN))
#: The classes that are this council, its college or this proposal.
_EIGEN_KLASSEN = frozenset({"raad", "college", "dit"})
_ORGAAN_KERN = ("(?:" + "|".join(f"(?P<{klasse}>" + "|".join(patronen) + ")" for klasse, patronen in ORGANEN)
                + r")(?![\w-])")
_ANDER_KERN = "(?:" + "|".join(ANDERE_ORGANEN) + ")"

TOEGESTAAN: tuple[Toegestaan, ...] = (
    Toegestaan("regeling-bekend", "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in REGELINGEN),
               "de naam van een bestaande regeling"),
    Toegestaan("regeling-vorm",
               rf"(?-i:\bBesluit)\s+(?!{_GEEN_REGELING}\b)(?:(?-i:[a-zà-ÿ]{{3,}})(?:\s+(?-i:[a-zà-ÿ]+)){{0,5}}|"
               r"(?-i:[A-Z][a-z]*wet)\b(?:\s+(?-i:[a-zà-ÿ]+)){0,3})",
               "een hoofdletter-B 'Besluit' gevolgd door kleine letters of de naam van een wet is een regeling"),
    Toegestaan("regeling-amvb",
               r"(?-i:\bBesluit)\s+van\s+\d{1,2}\s+" + _MAAND + r"\s+(?:19|20)\d\d\s*,?\s*(?:houdende|tot|inzake|ter|"
               r"met|betreffende)\b",
               "een landelijke regeling heet naar haar datum: 'Besluit van 3 juli 2018, houdende regels ...'"),
    Toegestaan("besluit-ander",
               r"\b(?:raads|college)?(?:besluit|besluiten|beslissing|uitspraak)\s+(?:van\s+|door\s+)?" + _ANDER_KERN,
               "een besluit van een andere overheid of instantie"),
    Toegestaan("uitstel",
               r"\b(?:(?:heeft|hebben|had|hadden)\s+)?(?:besloten|besloot|besliste|beslist)(?:\s+om)?"
               r"(?:\s+(?:de\s+)?(?:stemming|behandeling|besluitvorming)|\s+(?:het|dit)\s+(?:voorstel|plan))?"
               r"(?:\s+(?:over|van)\s+(?:het|dit)\s+(?:voorstel|plan))?\s+(?:uit\s+te\s+stellen|aan\s+te\s+houden)\b"
               r"|\bstemden?\s+voor\s+(?:het\s+)?(?:uitstel|aanhouden)\b",
               "de raad besloot de stemming uit te stellen: dat is geen besluit over het voorstel zelf"),
    Toegestaan("college-stelt-voor",
               r"\bbesloten(?:\s+om)?\s+(?:aan\s+)?de\s+(?:gemeente)?raad\s+(?:" + _W + r"\s+){0,6}?"
               r"(?:voor\s+te\s+stellen|te\s+vragen|voor\s+te\s+leggen|aan\s+te\s+bieden)",
               "het college besluit de raad iets voor te stellen: dat is juist een voorstel"),
    Toegestaan("voorgesteld",
               r"\b(?:voorgesteld|gevraagd|beoogd|voorgenomen|concept|ontwerp)e?\s+(?:raads)?(?:besluit|beslissing)"
               r"(?:en)?\b(?!\s+(?:(?:is|werd|zijn|werden)\s+(?:" + _W + r"\s+){0,2}?)?(?:genomen|gevallen|aangenomen|"
               r"vastgesteld)\b)",
               "een voorgesteld of gevraagd besluit is nog geen besluit (maar niet: 'het gevraagde besluit is "
               "genomen')"),
    Toegestaan("nog-niet",
               r"\bnog\s+" + r"(?:niet|niets|nooit|geen)" + r"\b(?:\s+(?!(?:want|maar|omdat|en|dus|of|dat|die|toch|"
               r"wel|nu)\b)" + _W + r"){0,5}?\s+(?:" + _UITSLAG + "|"
               + _STAAT + r"|besluit|beslissing|ja\s+gezegd|groen\s+licht)\b(?:\s+genomen|\s+gegeven)?",
               "ontkenning: 'nog niet besloten'"),
    Toegestaan("niet-besloten", r"\b(?:niet|niets|geen)\s+(?:over\s+)?(?:besloten|beslist)\b",
               "ontkenning: 'er is niets besloten'"),
    Toegestaan("geen-besluit", r"\bgeen\s+(?:" + _W + r"\s+)?(?:besluit|beslissing)\b(?:\s+genomen)?",
               "ontkenning: 'geen besluit'"),
    Toegestaan("toekomst-neemt",
               r"\b(?:neemt|nemen|zal|zullen|gaat|gaan|moet|moeten|kan|kunnen|wil|willen|mag)\s+"
               r"(?:" + _W + r"\s+){0,6}?(?:een\s+(?:" + _W + r"\s+)?(?:besluit|beslissing)\b(?:\s+nemen)?|"
               r"besluiten\b|beslissen\b|(?:het|dit|dat|dat)\s+(?:" + _W + r"\s+)?(?:besluit|beslissing)\s+(?:"
               + _W + r"\s+){0,2}?nemen\b)",
               "toekomst: 'de raad neemt een besluit op ...', 'de raad gaat besluiten'"),
    Toegestaan("toekomst-besluit-op",
               r"\b(?:raad|college)\s+besluit\s+(?=(?:op|in|naar|over|later|binnenkort|na|volgende|waarschijnlijk|"
               r"daarna|dan|uiterlijk|voor|rond|hierover|erover|of)\b)",
               "toekomst: 'de raad besluit op 10 december'"),
    Toegestaan("besloten-vergadering",
               r"\bbesloten\s+(?:vergadering|bijeenkomst|zitting|deel(?!\s+te\b)|overleg|sessie|gedeelte|"
               r"raadsvergadering|commissievergadering|karakter)\b|\bin\s+beslotenheid\b",
               "'besloten' als 'niet openbaar'"),
    Toegestaan("definitief-ontwerp", r"\bdefinitie(?:f|ve)\s+(?:ontwerp|schetsontwerp|versie|tekst)\w*",
               "'definitief ontwerp' is een fase van het ontwerp, geen besluit; 'de definitieve versie volgt'"),
    Toegestaan("besluit-wacht",
               r"\b(?:na|voor|vóór|tot|zonder|afhankelijk\s+van|in\s+afwachting\s+van|wacht(?:en|t)?\s+op|"
               r"voorafgaand\s+aan|onder\s+voorbehoud\s+van|vooruitlopend\s+op|met\s+het\s+oog\s+op)\s+(?:(?:het|een|dit|dat)\s+)?(?:(?:positie(?:f|ve)|negatie(?:f|ve)|definitie(?:f|ve)|"
               r"nieuwe?|formele?)\s+)?(?:raads)?(?:besluit|beslissing)\b(?:\s+van\s+" + _RAAD + r")?"
               r"(?![^.!?]*\b(?:begon|begonnen|startte|gestart|werd|was|waren|kwam|ging|gingen)\b)",
               "een besluit dat nog komt: 'na het besluit van de raad', 'zonder besluit van de raad' (niet: 'na het "
               "besluit van de raad begon de bouw')"),
    # The standard draft decision ("ontwerpbesluit"), in running text only: a title is a label.
    Toegestaan("formule-aanhef",
               r"\b(?:gelezen|gelet\s+op|overwegende|gehoord|gezien)\b[^.!?]*?\bbesluit\s*:",
               "de vaste aanhef van een ontwerpbesluit ('gelezen ...; gelet op ...; besluit:')", TEKST),
    Toegestaan("formule-te",
               r"\bbesluit\s*:\s*(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s*)?(?:" + _W + r"\s+){0,25}?"
               r"(?:vast\s+te\s+stellen|in\s+te\s+trekken|te\s+" + _W + r")",
               "de vaste formule van een ontwerpbesluit: 'besluit: ... vast te stellen'", TEKST),
    Toegestaan("formule-raad",
               r"\b(?:de\s+)?(?:gemeente)?raad(?:\s+van\s+(?:de\s+gemeente\s+)?" + _W + r")?[,;]?\s+besluit\s*:"
               r"(?=\s*$|\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?:\s|$))",
               "de vaste opening van een ontwerpbesluit: 'De raad van de gemeente ... besluit:'", TEKST),
    Toegestaan("formule-slot",
               r"\baldus\s+(?:besloten|vastgesteld)\b[^.!?]*?(?:…|\.\.\.|\[|<|\bxx|_{2,}|\(datum\)|\bdatum\b)",
               "het slot van een ontwerpbesluit met de datum nog open", TEKST),
)

#: How a decision word can be written at the start of a sentence without a finite
#: verb before it: "Door de raad aangenomen.", "Met 20 stemmen voor aangenomen",
#: "Zonder stemming aangenomen op 10 december".
_BIJWOORDELIJK = (r"(?:door\s+(?:de\s+|het\s+)?(?:" + _W + r"\s+){0,2}?" + _W + r"|met\s+(?:" + _W + r"\s+){0,5}?"
                  r"(?:stemmen|meerderheid|steun|handen)(?:\s+(?:voor|tegen))?(?:\s+en\s+\d{1,2}\s+(?:stemmen\s+)?"
                  r"tegen)?|zonder\s+(?:" + _W + r"\s+){0,2}?(?:stemming|discussie|debat|stemmen|bespreking|"
                  r"hoofdelijke\s+stemming)|unaniem|definitief|alsnog|(?:als\s+)?hamerstuk|vandaag|gisteren|"
                  r"gisteravond|vanavond|ongewijzigd|geamendeerd|ruim|nipt|met\s+algemene\s+stemmen|zonder\s+wijzigingen|"
                  r"op\s+\d{1,2}\s+" + _MAAND + r"(?:\s+\d{4})?|in\s+(?:de\s+)?(?:"
                  + _W + r"\s+){0,2}?(?:raad|raadsvergadering|vergadering)(?:\s+van\s+\d{1,2}\s+" + _MAAND
                  + r"(?:\s+\d{4})?)?|ook|toch|nu|inmiddels)")
#: A vote count: "25 voor, 4 tegen", "met 20 tegen 9 stemmen", "25 stemmen voor".
_TELLING = (r"\b\d{1,2}\s+(?:stemmen\s+)?(?:voor|tegen)\s*(?:,|en|/|–|-|:|tegen)\s*\d{1,2}\b(?:\s+(?:stemmen\s+)?"
            r"(?:tegen|voor)\b)?|\b\d{1,2}\s+tegen\s+\d{1,2}(?:\s+stemmen)?\b|\b\d{1,2}\s+stemmen\s+(?:voor|tegen)\b|"
            r"^\W*(?:stemmen\s+)?(?:voor|tegen)\s*:\s*\d{1,2}\b|\bstemmen\s+(?:voor|tegen)\s*:\s*\d{1,2}\b|"
            r"\b(?:voor|tegen)\s*:?\s*\d{1,2}\s*[,;/]\s*(?:tegen|voor)\s*:?\s*\d{1,2}\b|"
            r"\b\d{1,2}\s+van\s+de\s+\d{1,2}\s+stemmen\b")
#: Signs that are badges of an outcome: a check mark, thumbs up or down, a gavel.
_TEKENS = "\u2705\u2714\u2611\u2713\U0001f44d\u274c\u2717\u2718\U0001f44e\U0001f528\u2696"
_DATUMPATROON = (r"(?:\d{1,2}\s+" + _MAAND + r"\.?(?:\s+(?:19|20)\d\d)?|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d|"
                 r"(?:19|20)\d\d-\d{2}-\d{2})")

_LABELSCHEIDING = r"(?::|\||–|—|\s-\s|>|→|»|=|/)"

REGELS: tuple[Regel, ...] = (
    # --- labels: judged without context ---
    Regel(
        "aldus-besloten",
        r"\baldus\s+(?:besloten|vastgesteld)\b",
        "'aldus besloten' is het slot van een genomen besluit",
        "laat het slot weg tot de raad heeft gestemd; in een ontwerp: 'Aldus besloten in de openbare vergadering "
        "van ... (datum)'",
    ),
    Regel(
        "label-besluit",
        r"^\W*(?:raads|college)?(?:besluit|besluiten|besloten|beslist)\s*" + _LABELSCHEIDING,
        "'Besluit:' (of 'Besloten:') als label zegt dat er al besloten is",
        "Voorstel aan de raad: ...",
    ),
    Regel(
        "label-uitslag",
        r"(?:^|[|:–—>→»=]\s*)\W*(?:unaniem\s+|geamendeerd\s+)?(?:aangenomen|verworpen|vastgesteld|goedgekeurd|"
        r"afgewezen|definitief|besloten|bekrachtigd|afgehamerd|akkoord|unaniem)\s*(?:" + _LABELSCHEIDING
        + r"|[.!]?\s*$)"
        r"|\b(?:status|uitslag|uitkomst|resultaat|besluitresultaat|fase|stadium|stand(?:\s+van\s+zaken)?|stemuitslag|"
        r"stemming)(?:\s+van\s+(?:het|de|dit)\s+\w+)?\s*" + _LABELSCHEIDING + r"\s*(?:unaniem\s+|geamendeerd\s+)?"
        r"(?:aangenomen|verworpen|besloten|vastgesteld|goedgekeurd|afgewezen|definitief|akkoord|hamerstuk|afgehamerd|"
        r"bekrachtigd|unaniem|(?:raads)?besluit(?![\w-])|genomen)\b",
        "een uitslag als label ('Aangenomen:', 'Status: besloten') zegt dat de raad al gestemd heeft",
        "Voorstel aan de raad: ...",
    ),
    Regel(
        "label-alleen",
        r"^\W*(?:raads|college)?(?:besluit|besloten|beslist)\W*$|^\W*ondertekend\s+door\s+de\s+(?:voorzitter|griffier)",
        "alleen 'Besluit' of 'Raadsbesluit' (als kopje of regel) is een label: het zegt dat er al besloten is",
        "Ontwerpbesluit (of: Voorstel aan de raad)",
    ),
    Regel(
        "label-engels",
        r"(?:^\W*(?:decision|decided|adopted|approved|rejected|passed|enacted|resolution|carried)\b\s*(?:[:|–—]|\s-\s)?|"
        r"\b(?:motion|proposal|plan|resolution|bill)\s+(?:was\s+)?(?:carried|passed|adopted|approved|rejected)\b|"
        r"\b(?:decision|status|result|outcome|resolution)\s*:\s*(?:adopted|approved|decided|passed|rejected|accepted|"
        r"enacted|carried)\b|\b(?:has|have|had|is|was|were)\s+(?:been\s+)?(?:" + _W + r"\s+){0,3}?(?:decided|adopted|"
        r"approved|rejected|passed|enacted|carried|accepted|endorsed|agreed)\b|"
        r"\b(?:council|board|municipality|city|committee|mayor|aldermen|executive|we|they|it)\b(?:\s+" + _W
        + r"){0,3}?\s+(?:adopted|approved|decided|passed|rejected|accepted|endorsed|agreed|voted)\b)",
        "Engelse woorden voor een besluit ('Decision: adopted', 'The council approved it') zeggen dat er al "
        "besloten is",
        "Voorstel aan de raad: ... (in het Nederlands)",
    ),
    Regel(
        "vreemde-taal",
        r"\b(?:angenommen|beschlossen|beschluss|genehmigt|verabschiedet|abgelehnt|zugestimmt|adoptee?s?|"
        r"approuvee?s?|rejetee?s?)\b",
        "een Duits of Frans woord voor een besluit ('angenommen', 'adopté') zegt dat er al besloten is",
        "Nederlandse woorden: 'voorstel', 'de raad besluit op <datum>'",
    ),
    Regel(
        "label-begin",
        r"^\W*(?:raads|college)?besluit\b",
        "een label of kop die met 'Besluit' begint, zegt dat er al besloten is",
        "Voorstel aan de raad: ...",
        plekken=KORT, kop=True, begin=True,
    ),
    Regel(
        "kop-uitslag",
        r"^\W*(?:unaniem\s+|geamendeerd\s+)?(?:aangenomen|verworpen|besloten|vastgesteld|goedgekeurd|afgewezen|"
        r"afgehamerd|hamerstuk|bekrachtigd)\b",
        "een kop die met een uitslag begint, zegt dat de raad al gestemd heeft",
        "een kop zonder uitslag, bijvoorbeeld 'Wat stelt het college voor?'",
        plekken=frozenset(), kop=True, begin=True,
    ),
    Regel(
        "teken-uitslag",
        "[" + _TEKENS + "]",
        "een vinkje, duim of hamer in een titel, kop of label leest als een uitslag",
        "een titel zonder teken; de site zet de status er zelf bij",
        plekken=KORT, kop=True,
    ),
    Regel(
        "statuswoord",
        r"\b(?:besloten|aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen|definitief|unaniem|"
        r"geamendeerd|hamerstuk|afgehamerd|bekrachtigd|akkoord)\b",
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
    # --- a decision as a noun: judged on condition, need and time ---
    Regel(
        "besluit-van",
        r"\b(?:raads)?(?:besluit|besluiten|beslissing)\s+van\s+(?:" + _RAAD + r"|burgemeester)"
        r"|\b(?:het|de|dit|dat|zijn|haar)\s+(?:akkoord|instemming|goedkeuring|toestemming|fiat|zegen)\s+van\s+(?:"
        + _RAAD + r")",
        "'besluit van de raad' of 'het akkoord van de raad' zegt dat de raad al besloten heeft",
        "voorstel aan de raad (of: 'het voorgestelde besluit'); gaat het over een eerder besluit, zeg dan "
        "'het eerdere besluit van de raad (2019)'",
        soort="naamwoord",
    ),
    Regel(
        "besluit-datum",
        r"\b(?:raads)?besluit\s+(?:van|d\.d\.)\s+" + _DATUMPATROON
        + r"|\b(?:besluitdatum|datum\s+(?:van\s+(?:het\s+)?)?(?:raads)?besluit|datum\s+(?:van\s+)?vaststelling|"
        r"vastgesteld\s+op|besloten\s+op)\s*:?\s*" + _DATUMPATROON
        + r"|\b(?:raads)?besluit(?:nummer|\s+(?:nr\.?|nummer))\s*:?\s*[\d-]{4,}|^\W*raadsbesluit\s+[\d-]{4,}",
        "een besluit met een datum of nummer ('Raadsbesluit van 10 december 2026') zegt dat het besluit er al is",
        "de raad besluit op <datum>; gaat het over een eerder besluit, noem dan ook het jaar",
        soort="naamwoord",
    ),
    Regel(
        "besluit-bijvoeglijk",
        r"\b(?:het|dit|dat|deze|de)\s+(?:(?:door\s+de\s+(?:gemeente)?raad|unaniem|al|reeds|nu|zojuist)\s+){0,2}"
        r"(?:aangenomen|vastgestelde|goedgekeurde|verworpen|afgewezen|bekrachtigde|genomen)\s+(?:raads)?"
        r"(?:voorstel|besluit)\b"
        r"|\bdoor\s+de\s+(?:gemeente)?raad\s+(?:(?:unaniem|al|reeds)\s+)?(?:aangenomen|vastgestelde|goedgekeurde|"
        r"verworpen|afgewezen|bekrachtigde)\s+(?!(?:op|in|met|door|zonder|bij|na|tijdens|en|of)\b)" + _W,
        "'het aangenomen voorstel' of 'het door de raad vastgestelde plan' zegt dat de raad al besloten heeft",
        "het voorstel; de raad besluit op <datum>",
        soort="naamwoord",
    ),
    Regel(
        "stemuitslag",
        _TELLING,
        "een stemuitslag ('25 voor, 4 tegen') zegt dat de raad al gestemd heeft",
        "de raad stemt op <datum> over het voorstel",
        soort="naamwoord",
    ),
    # --- claims: judged on condition, time and subject ---
    Regel(
        "niet-aangenomen",
        r"\b(?P<fin>" + _HULP + r")\b(?:[\s,]+(?!" + _NEG + r"\b|" + _HULP + r"\b)" + _W + r"){0,8}?\s+niet\s+"
        r"(?:" + _W + r"\s+){0,2}?(?:aangenomen|goedgekeurd|vastgesteld|ingestemd|akkoord|bekrachtigd)\b",
        "'niet aangenomen' betekent 'verworpen': een uitslag die nog niet bestaat",
        "de raad stemt op <datum> over het voorstel",
        soort="bewering",
    ),
    Regel(
        "voltooid",
        r"\b(?P<fin>" + _HULP + r")\b(?:[\s,]+(?!" + _NEG + r"\b|" + _HULP + r"\b)" + _W + r"){0,12}?[\s,]+(?P<pred>"
        + _UITSLAG + "|" + _STAAT + "|" + _UITDRUKKING + r")\b",
        "een voltooide vorm ('heeft besloten', 'is aangenomen', 'is akkoord', 'heeft ja gezegd') zegt dat er al "
        "besloten is",
        "het college stelt de raad voor ...; de raad besluit op <datum>",
        soort="bewering",
    ),
    Regel(
        "bijzin-volgorde",
        r"\b(?P<pred>" + _UITSLAG_ACHTER + r")\s+(?P<fin>" + _HULP + r")\b|\b(?P<fin2>" + _SCHEIDBAAR_VERLEDEN
        + r")\b",
        "een voltooide vorm in een bijzin ('omdat de raad het aangenomen heeft', 'nu de raad akkoord is') zegt dat "
        "er al besloten is",
        "de raad besluit op <datum>",
        soort="bewering",
    ),
    Regel(
        "verleden-tijd",
        r"\b(?P<fin>besloot|besloten(?=\s+(?:om|dat|tot|de|het|een|in|op|met|over|unaniem|eerder|destijds|toen)\b)|"
        r"besliste|beslisten|verwierp|verwierpen|bekrachtigde|bekrachtigden|aanvaardde|aanvaardden)\b"
        r"|\b(?P<fin2>stemde|stemden)\b(?:\s+" + _W + r"){0,6}?\s+(?:in|voor|tegen)\b(?!\s+(?:een|de|het)\s+"
        r"(?:enquête|enquete|peiling|vergadering|bijeenkomst)\b)"
        r"|\b(?P<fin3>keurde|keurden)\b(?:\s+" + _W + r"){0,6}?\s+goed\b"
        r"|\b(?P<fin4>nam|namen)\b(?:\s+" + _W + r"){0,6}?\s+aan" + _EINDE
        + r"|\b(?P<fin5>stelde|stelden)\b(?:\s+" + _W + r"){0,6}?\s+vast" + _EINDE
        + r"|\b(?P<fin6>wees|wezen)\b(?:\s+" + _W + r"){0,6}?\s+af" + _EINDE
        + r"|\b(?P<fin7>gaf|gaven|verleende|verleenden)\b(?:\s+" + _W + r"){0,6}?\s+(?:(?:het\s+)?groene?\s+licht|"
        r"toestemming|goedkeuring|akkoord|(?:het|zijn|haar|hun)\s+(?:fiat|zegen))\b"
        r"|\b(?P<fin8>zei|zeiden)\s+(?:" + _W + r"\s+){0,3}?(?:ja|nee)\b"
        r"|\b(?P<fin9>ging|gingen)\s+(?:" + _W + r"\s+){0,3}?(?:akkoord|erdoor)\b"
        r"|\b(?P<fin10>kreeg|kregen|haalde|haalden)\b(?:\s+" + _W + r"){0,4}?\s+(?:(?:het\s+)?groene?\s+licht|"
        r"toestemming|goedkeuring|meerderheid)\b"
        r"|\b(?P<fin11>omarmde|omarmden)\b"
        r"|\b(?P<fin12>stemde|stemden)\b(?:\s+" + _W + r"){1,6}?\s+weg" + _EINDE
        + r"|\b(?P<fin13>hakte|hakten)\b(?:\s+" + _W + r"){0,4}?\s+knoop\s+door\b"
        r"|\b(?P<fin14>hamerde|hamerden)\b(?:\s+" + _W + r"){0,6}?\s+af" + _EINDE,
        "een werkwoord in de verleden tijd ('besloot', 'stemde in', 'gaf groen licht') zegt dat er al besloten is",
        "de raad stemt op <datum> over het voorstel",
        soort="bewering",
    ),
    Regel(
        "tegenwoordige-tijd",
        r"\b(?P<fin>gaat|gaan)\s+(?:" + _W + r"\s+){0,4}?akkoord\b"
        r"|\b(?P<fin2>stemt|stemmen)\s+(?:" + _W + r"\s+){0,6}?in\s+met\b"
        r"|\b(?P<fin3>keurt|keuren)\b(?:\s+" + _W + r"){0,6}?\s+goed" + _EINDE
        + r"|\b(?P<fin4>zegt|zeggen)\s+(?:ja|nee)\b|\b(?:ja|nee)\s+(?P<fin5>zegt|zeggen)\b"
        r"|\b(?P<fin6>geeft|geven|krijgt|krijgen)\b(?:\s+" + _W + r"){0,4}?\s+(?:het\s+)?groene?\s+licht\b"
        r"|\b(?:raads)?besluit\s+(?P<fin8>ligt|lag)\s+er" + _EINDE
        + r"|\b(?P<fin9>neemt|nemen)\b(?:\s+" + _W + r"){1,6}?\s+aan" + _EINDE
        + r"|\b(?P<fin10>stelt|stellen)\b(?:\s+" + _W + r"){1,6}?\s+vast" + _EINDE
        + r"|\b(?P<fin11>gaat|gaan)\s+erdoor\b"
        r"|\b(?P<fin12>stemt|stemmen)\s+(?:" + _W + r"\s+){0,2}?in" + _EINDE
        + r"|\b(?P<fin7>gaat|gaan|ging|gingen)\s+(?:(?:dus|toch|nu|zeker|definitief|gewoon|echt|wel|niet)\s+){0,2}"
        r"door" + _EINDE,
        "de tegenwoordige tijd als uitslag ('de raad gaat akkoord', 'het plan gaat door') zegt dat er al besloten "
        "is",
        "het college stelt de raad voor ...; de raad besluit op <datum>",
        soort="bewering",
    ),
    Regel(
        "raad-kiest",
        r"\b(?P<fin>kiest|kiezen|koos|kozen)\b(?:\s+" + _W + r"){0,4}?\s+voor\b"
        r"|\b(?P<fin2>" + _HULP + r")\b(?:\s+" + _W + r"){0,8}?\s+(?:gekozen\s+voor|gesteund|overgenomen)\b"
        r"|\b(?P<fin3>steunt|steunen|steunde|steunden)\b(?!\s+op\b)"
        r"|\b(?P<fin4>is|was|zijn|waren)\s+(?:(?:unaniem|massaal|dus|ook|wel|nu|duidelijk)\s+)?(?:voor|tegen)"
        r"(?=\s*(?:[.,;:!?]|$)|\s+(?:het|dit)\s+(?:raads)?(?:voorstel|plan)\b)"
        r"|\b(?P<fin5>kreeg|kregen|krijgt|krijgen|heeft|had)\b(?:\s+" + _W + r"){0,4}?\s+steun\b"
        r"|\b(?P<fin6>kon|konden|kan)\s+rekenen\s+op\s+(?:" + _W + r"\s+){0,3}?(?:meerderheid|steun)\b"
        r"|\b(?P<fin8>kon|konden|kan)\s+op\s+(?:" + _W + r"\s+){0,3}?(?:meerderheid|steun)\s+rekenen\b"
        r"|\b(?P<fin7>nam|namen|neemt|nemen)\b(?:\s+" + _W + r"){1,6}?\s+over" + _EINDE,
        "de raad kiest, steunt of is voor: dat zegt dat de raad al besloten heeft",
        "de raad besluit op <datum>",
        soort="bewering", wie="raad",
    ),
    Regel(
        "uitdrukking",
        r"\bde\s+kogel\s+(?P<fin>is|was)\s+door\s+de\s+kerk\b"
        r"|\bde\s+teerling\s+(?P<fin2>is|was)\s+geworpen\b"
        r"|\bhet\s+pleit\s+(?P<fin3>is|was)\s+beslecht\b"
        r"|\bde\s+kous\s+(?P<fin4>is|was)\s+af\b"
        r"|\b(?P<fin9>is|was)\s+de\s+(?:kous\s+af|kogel\s+door\s+de\s+kerk|teerling\s+geworpen)\b"
        r"|\b(?P<fin5>won|wonnen)\s+(?:" + _W + r"\s+){0,3}?(?:de\s+)?stemming\b"
        r"|\bstemming\s+(?P<fin6>is|was|werd)\s+(?:" + _W + r"\s+){0,2}?(?:gewonnen|verloren)\b"
        r"|\b(?P<fin7>is|zijn|was|waren)\s+(?:" + _W + r"\s+){0,3}?door\s+de\s+(?:gemeente)?raad\s+(?:gekomen|heen)\b"
        r"|\b(?P<fin8>kwam|kwamen|ging|gingen)\s+(?:" + _W + r"\s+){0,2}?door\s+de\s+(?:gemeente)?raad\s+heen\b"
        r"|\b(?P<fin10>heeft|hebben|had|hadden)\s+(?:" + _W + r"\s+){0,3}?(?:het\s+)?licht\s+op\s+groen\s+gezet\b"
        r"|\b(?P<fin11>zette|zetten)\s+(?:" + _W + r"\s+){0,3}?(?:het\s+)?licht\s+op\s+groen\b"
        r"|\bhet\s+licht\s+(?P<fin12>staat|stond|is|werd)\s+(?:nu\s+)?op\s+groen\b",
        "een uitdrukking als 'de kogel is door de kerk' of 'het licht op groen gezet' zegt dat er al besloten is",
        "de raad besluit op <datum>",
        soort="bewering",
    ),
    Regel(
        "voorstel-lot",
        r"\b(?P<fin>sneuvelde|sneuvelden|strandde|strandden|viel)\b(?=\s*(?:[.,;:!?]|$)|\s+(?:in|bij|door)\s+de\s+"
        r"(?:gemeente)?raad\b)"
        r"|\b(?P<fin2>is|zijn|was|waren)\s+(?:" + _W + r"\s+){0,3}?(?:gesneuveld|gestrand|afgeketst|van\s+tafel|"
        r"van\s+de\s+baan|(?:niet\s+)?doorgegaan)\b"
        r"|\b(?P<fin3>heeft|had|hebben)\s+het\s+(?:" + _W + r"\s+){0,2}?gehaald\b"
        r"|\b(?P<fin4>haalde|haalden)\s+het\b(?:\s+(?:niet|ruim|nipt|makkelijk|gemakkelijk|glansrijk|net|wel))?"
        + _EINDE
        + r"|\b(?P<fin6>gaat|gaan|ging|gingen|kwam|kwamen|komt|is|zijn|was|waren)\s+er\s+(?:" + _W + r"\s+){0,3}?"
        r"door(?:heen)?(?:\s+(?:gekomen|gegaan))?" + _EINDE
        + r"|\b(?P<fin5>haalde|haalden|heeft|had)\s+(?:" + _W + r"\s+){0,2}?eindstreep\b"
        r"|\b(?P<fin7>haalde|haalden)\s+het\s+(?:" + _W + r"\s+){0,2}?(?:in|bij)\s+de\s+(?:gemeente)?raad\b",
        "'het voorstel haalde het' of 'het plan is van tafel' zegt dat de raad al gestemd heeft",
        "de raad stemt op <datum> over het voorstel",
        soort="bewering", wie="dit",
    ),
    Regel(
        "voorstel-geldt",
        r"\b(?P<fin>is|zijn|was|waren|werd|werden|wordt|worden)\s+(?:" + _W + r"\s+){0,4}?(?:van\s+kracht|"
        r"(?:het\s+)?(?:nieuwe\s+)?beleid|in\s+werking\s+getreden)" + _EINDE
        + r"|\b(?P<fin2>ging|gingen)\s+(?:" + _W + r"\s+){0,3}?als\s+hamerstuk\s+(?:er)?door\b"
        r"|\ber\s+(?P<fin3>was|waren|bleek)\s+(?:een\s+)?(?:" + _W + r"\s+)?meerderheid\s+voor\s+" + _DIT_PLAN
        + r"|\b(?P<fin4>was|bleek)\s+er\s+(?:een\s+)?(?:" + _W + r"\s+)?meerderheid\s+voor\s+" + _DIT_PLAN,
        "'het plan is nu beleid', 'is van kracht', 'ging als hamerstuk door' of 'er was een meerderheid voor' zegt "
        "dat de raad al besloten heeft",
        "de raad stemt op <datum> over het voorstel",
        soort="bewering", wie="dit",
    ),
    Regel(
        "raad-gaat-mee",
        r"\b(?P<fin>gaat|gaan|ging|gingen)\s+(?:" + _W + r"\s+){0,3}?mee\s+met\b",
        "'de raad gaat mee met het plan' zegt dat de raad al besloten heeft",
        "de raad beslist op <datum> of hij meegaat met het voorstel",
        plekken=ALLE - {Plek.VRAAG}, soort="bewering", wie="raad",
    ),
    Regel(
        "zinsbegin-uitslag",
        r"^\W*(?:" + _BIJWOORDELIJK + r"[\s,]+){0,4}?(?P<fin>aangenomen|verworpen|goedgekeurd|vastgesteld|"
        r"besloten|afgewezen|bekrachtigd|afgehamerd|weggestemd|ondertekend|aanvaard)\b(?!\s*(?::|\||–|—|\s-\s))"
        r"|^\W*(?P<fin2>hamerstuk)\W*$"
        r"|^\W*(?P<fin3>goedkeuring|toestemming|(?:het\s+)?groene?\s+licht)\s+(?=(?:van|door)\s)",
        "een zin die met een uitslag begint ('Aangenomen door de raad.', 'Door de raad aangenomen.') zegt dat er al "
        "besloten is",
        "de raad stemt op <datum> over het voorstel",
        plekken=TEKST, soort="bewering",
    ),
    Regel(
        "kopregel",
        r"^\W*(?:" + _W + r"\s+){0,5}?(?P<fin>aangenomen|goedgekeurd|verworpen|afgewezen|vastgesteld|definitief|"
        r"besloten|bekrachtigd|afgehamerd|weggestemd|erdoor)\W*$"
        r"|(?:^|[:|–—]\s*)\W*(?:de\s+)?(?:gemeente)?raad\s*[:,]?\s*(?:unaniem\s+|zegt\s+)?(?P<fin2>akkoord|ja|stemt\s+in|"
        r"(?:voor|eens)(?=\s*(?:[.,;!?]|$)|\s+met\b))\b"
        r"|^\W*(?P<fin3>(?:het\s+)?groene?\s+licht|akkoord|instemming|goedkeuring|steun|ja|fiat|zegen)\s+"
        r"(?:van\s+(?:de\s+)?(?:gemeente)?raad|voor)\b",
        "een kopregel als 'Sporthal goedgekeurd' of 'Raad akkoord met sporthal' zegt dat er al besloten is",
        "de raad stemt op <datum> over het voorstel",
        plekken=TEKST, soort="bewering",
    ),
    Regel(
        "is-besluit",
        r"(?<!\bwat\s)(?<!\bwanneer\s)\b(?P<fin>is|was|werd)\s+(?:(?:nu|inmiddels|daarmee|hiermee|dus|al|nu\s+al)\s+)?(?P<pred>(?:een\s+)?"
        r"(?:raads)?besluit(?:\s+geworden)?)" + _EINDE,
        "'het voorstel is een besluit (geworden)' zegt dat de raad al besloten heeft",
        "het voorstel wordt een besluit als de raad het aanneemt",
        soort="bewering",
    ),
    Regel(
        "ook-voorstel",
        r"\b(?:aangenomen|verworpen|goedgekeurd|vastgesteld|akkoord|ingestemd)\b[^.!?]*?\b(?:en|maar)\s+(?:ook\s+)?"
        r"(?:het|dit)\s+(?:raads)?(?:voorstel|plan)(?:\s+zelf)?(?:\s+ook)?" + _EINDE,
        "'... aangenomen, en het voorstel ook' zegt dat de raad het voorstel al heeft aangenomen",
        "de raad stemt op <datum> over het voorstel",
    ),
    Regel(
        "besluit-dubbelepunt",
        r"\b(?P<fin>besluit|besluiten|besloot)\s*:",
        "'... besluit:' met een uitkomst erachter zegt dat er besloten is",
        "het college stelt de raad voor ...; in een ontwerpbesluit de vaste formule: 'besluit: ... vast te stellen'",
        plekken=TEKST, soort="bewering",
    ),
    Regel(
        "besluit-genomen",
        r"\b(?:raads|ontwerp|concept)?(?:besluit|beslissing)\s+(?:" + _W + r"\s+){0,2}?(?P<fin>is|werd|zijn|werden|"
        r"was)\s+(?:"
        + _W + r"\s+){0,3}?(?:genomen|gevallen|gepubliceerd|bekendgemaakt|getekend|ondertekend|een\s+feit)\b"
        r"|\b(?:raads)?besluit\s+(?P<fin2>staat|stond)\s+(?:al\s+|nu\s+)?in\s+het\s+gemeenteblad\b"
        r"|\ber\s+(?P<fin3>is|ligt|was|lag)\s+(?:nu\s+|inmiddels\s+|al\s+|dus\s+)?een\s+(?:" + _W + r"\s+)?"
        r"(?:raads)?(?:besluit|beslissing)" + _EINDE
        + r"|\b(?P<fin4>heeft|hebben|had)\s+(?:het|dit|dat)\s+(?:raads)?besluit\s+(?:onder)?getekend\b"
        r"|^\W*(?:het\s+)?(?:raads)?(?:besluit|beslissing)\s+(?P<fin5>genomen|gevallen)\b",
        "'het besluit is genomen' of 'het besluit staat in het Gemeenteblad' zegt dat er al besloten is",
        "de raad neemt een besluit op <datum>",
        soort="bewering",
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
    Regel(
        "engels-woord",
        r"\b(?:decision|decided|adopted|approved|rejected|enacted)\b",
        "een Engels woord voor een besluit kan lezen alsof dit voorstel al besloten is",
        "Nederlandse woorden: 'voorstel', 'de raad besluit op <datum>'",
        twijfel=True,
    ),
)

#: Words a reader reads whole however they are written apart ("a a n g e n o m e n",
#: "aan-genomen", "aange-" and "nomen" on the next line) or with digits ("aangen0men");
#: and the parts a writer may leave a space between ("aan genomen").
VERHULD = VerhuldeWoorden(
    ("aangenomen", "besloten", "besluit", "raadsbesluit", "beslist", "vastgesteld", "goedgekeurd", "verworpen",
     "afgewezen", "ingestemd", "akkoord", "bekrachtigd", "definitief", "unaniem", "hamerstuk", "afgehamerd",
     "aanvaard", "weggestemd", "adopted", "approved", "decided", "decision", "gezegd", "gegeven", "gekregen",
     "gestemd", "stemde", "stemden", "besloot", "goedkeuring", "toestemming", "meerderheid", "erdoor", "licht",
     "angenommen", "beschlossen", "groen", "kogel", "kerk", "teerling", "pleit", "beslecht", "kous", "raad",
     "gemeenteraad", "voorstel", "raadsvoorstel", "plan", "koos", "kozen", "kiest", "gekozen", "steunt", "steunde",
     "gesteund", "stemt", "keurde", "keurt"),
    (("aan", "genomen"), ("vast", "gesteld"), ("goed", "gekeurd"), ("af", "gewezen"), ("in", "gestemd"),
     ("af", "gehamerd"), ("weg", "gestemd"), ("raads", "besluit")),
)

_FLAGS = re.IGNORECASE | re.UNICODE


def _vul(patroon: str, namen: Namen) -> str:
    """``patroon`` with the placeholders for names filled in from ``namen``."""
    if EIGEN in patroon:
        eigen = sorted(namen.eigen, key=len, reverse=True)
        patroon = patroon.replace(EIGEN, "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in eigen) + ")"
                                  if eigen else r"(?!x)x")
    if FRACTIES in patroon:
        partijen = sorted({*LANDELIJKE_PARTIJEN, *namen.fracties}, key=len, reverse=True)
        patroon = patroon.replace(FRACTIES, "(?-i:" + "|".join(re.escape(n).replace(r"\ ", r"\s+")
                                                                for n in partijen) + ")")
    return patroon


class _Taal:
    """The patterns that depend on the names of a municipality (:class:`Namen`),
    compiled once per set of names (:func:`_taal`)."""

    def __init__(self, namen: Namen):
        self.namen = namen
        kern = _vul(_ORGAAN_KERN, namen)
        self.orgaan = re.compile(r"\b" + kern, _FLAGS)
        self.van_orgaan = re.compile(r"\W*(?:de|het|een|dit|dat|deze|die)\s+(?:" + _W + r"\s+){1,2}?van\s+" + kern,
                                     _FLAGS)
        self.allowed = {plek: re.compile("|".join(f"(?:{_vul(t.patroon, namen)})" for t in TOEGESTAAN
                                                  if plek in t.plekken), _FLAGS) for plek in Plek}


@lru_cache(maxsize=8)
def _taal(namen: Namen) -> _Taal:
    return _Taal(namen)


_RULES = [(r, re.compile(r.patroon, _FLAGS)) for r in REGELS]
#: Every rule needs one of these (searched in lower-cased text); a sentence without
#: them is skipped at once. A test checks every rule's matches hold one. Each counts
#: at the start of a word (no letter before it): the rules match whole words, and a
#: compound they match ("raadsbesluit", "ingestemd") has a stem of its own. A plain
#: stem ("besl") is enough; the others are a word with what must follow or precede it
#: ("voor" after a number: "25 voor"). All of them are searched as one trie
#: (:func:`_trie_met_staarten`) behind the lookbehind, so ``re`` tries them only where a
#: word starts, one branch per character, instead of every branch of an alternation at
#: every position of a long body.
TRIGGERS = (
    "besl", "raadsbesl", "collegebesl", "ontwerpbesl", "conceptbesl", "aangenom", "verworp", "verwierp", "vastgest",
    "vaststelling", "stelde",
    "goedgek", "goedkeur", "keur", "afgewez", "definitie", "unaniem", "geamend", "stemd", "gestemd", "ingestemd",
    "weggestemd", "akkoord", "bekrachtig", "aanvaard", "accordeer", "geaccord", "hamer", "afgeham", "gesteund",
    "gesneuv",
    "beklonken", "toestemming", "goedkeuring", "aldus", "adopt", "approv", "decid", "decision", "reject", "passed",
    "enact", "resolution", "carried", "accepted", "endorsed", "agreed", "voted", "omarm", "meerderheid", "erdoor",
    "doorgehakt", "knoop", "geschaard", "uitgesproken", "angenomm", "beschl", "genehmig", "verabschied",
    "abgelehnt", "zugestimmt", "rejete", "approuv", "kerk", "teerling", "beslecht", "gewonnen", "verloren", "tafel",
    "sneuvel", "afgeketst", "baan", "doorgegaan", "doorheen", "strandde", "gestrand", "gehaald", "haalde",
    "eindstreep", "steun", "kiest", "kiezen", "koos", "kozen", "gekozen", "overgenomen", "getekend", "ondertekend",
    "gepubliceerd", "bekendgemaakt", "gemeenteblad", "gevallen", "fiat", "zegen", "aannam", "instemde", "vaststelde",
    "afwees", "afwezen", "instemming", "vrijgeg",
    # A word (the part before the first sign) and what must follow it.
    r"wees(?<!\wwees)\b", r"wezen(?<!\wwezen)\b", r"stem(?:t|men)\s(?:\S+\s){0,6}?in\s+met", r"ja(?<!\wja)\b",
    r"nee(?<!\wnee)\b", r"stem(?:t|men)\s(?:\S+\s){0,2}?in\s*(?:[.,;:!?]|$)", r"eens(?<!\weens)\b",
    r"groen(?:e)?\s+licht", r"licht\s+(?:\S+\s+){0,2}?op\s+groen", r"mee\s+met", r"kracht\s*(?:[.,;:!?]|$)",
    r"beleid\s*(?:[.,;:!?]|$)", r"werking\s+getreden", r"het\s+eens", r"rond(?<!\wrond)\s*(?:[.,;:!?]|$)",
    r"feit\b", r"door\s*(?:[.,;:!?]|$)", r"nam(?<!\wnam)(?:en)?\b", r"kous(?<!\wkous)\b", r"won(?<!\wwon)(?:nen)?\s",
    r"viel(?<!\wviel)\b", r"aan(?<!\waan)\s*(?:[.,;:!?]|$)", r"vast(?<!\wvast)\s*(?:[.,;:!?]|$)",
    r"over(?<!\wover)\s*(?:[.,;:!?]|$)", r"voor(?<=\d voor)\b", r"tegen(?<=\d tegen)\b",
    r"stemmen\s+(?:voor|tegen)", r"stemmen(?<=\d stemmen)", r"voor\s*:\s*\d", r"tegen\s*:\s*\d",
    r"voor(?<!\wvoor)\s*(?:[.,;:!?]|$)",
    r"tegen(?<!\wtegen)\s*(?:[.,;:!?]|$)", r"voor\s+(?:het|dit)\s+(?:raads)?(?:voorstel|plan)\b",
    r"raad\s+(?:gekomen|heen)\b", r"voor\s*:?\s*\d{1,2}\s*[,;/]",
)
#: Where a plain stem counts: at the start of a word.
_WOORDBEGIN = r"(?<![a-z])"
#: The signs of :data:`_TEKENS`, searched apart: they have no letters to start with.
_TEKEN_TRIGGER = re.compile("[" + _TEKENS + "]")


def _trie_met_staarten(triggers: tuple[str, ...]) -> str:
    """One regex for all ``triggers``: a trie of their words (the letters before the
    first sign), each followed by what must follow it; a plain stem ends the match."""
    trie: dict = {}
    for t in triggers:
        woord = re.match(r"[a-z]+", t).group(0)
        node = trie
        for ch in woord:
            node = node.setdefault(ch, {})
        node.setdefault("", []).append(t[len(woord):])

    def bouw(node: dict) -> str:
        staarten = node.get("")
        if staarten is not None and "" in staarten:
            return ""  # a plain stem ends here: found
        takken = []
        for ch, sub in sorted((k, v) for k, v in node.items() if k):
            reeks = [ch]
            while len(sub) == 1 and "" not in sub:  # one way on: no group per character
                ((ch, sub),) = sub.items()
                reeks.append(ch)
            takken.append("".join(reeks) + bouw(sub))
        takken += [f"(?:{s})" for s in staarten or ()]
        return takken[0] if len(takken) == 1 else "(?:" + "|".join(takken) + ")"

    return bouw(trie)


_TRIGGER_STEMS = _WOORDBEGIN + _trie_met_staarten(TRIGGERS)
_TRIGGER = re.compile(f"(?:{_TRIGGER_STEMS})|{_TEKEN_TRIGGER.pattern}", _FLAGS)
#: The same, for lower-cased text: without ``re.IGNORECASE``, which is slower.
_TRIGGER_LAAG = re.compile(_TRIGGER_STEMS)
#: The only non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter
#: (İ ı ſ and the Kelvin sign); a text without them may be lower-cased instead.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_MASK = "#"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u00ad": ""})
#: The same, as pairs; no replacement holds a character that is replaced.
_QUOTE_PAIRS = tuple((chr(code), value) for code, value in _QUOTES.items())
#: Abbreviations whose dot does not end a sentence (those of :mod:`raadsinfo.b1` and a
#: few of laws and titles), lower case, without the final dot.
_AFKORTINGEN = frozenset("""bijv bv o.a d.w.z enz etc ca nr mr dhr mevr e.d i.p.v m.b.t t.a.v z.s.m incl excl max
    min o.b.v e.a vs jl a.s m.i.v evt art blz jo lid ir ing drs dr prof st t.b.v o.g.v m.u.v resp i.o.m n.a.v
    i.v.m a.u.b z.o.z v.w.b p pag wt no dec jan feb mrt apr jun jul aug sep sept okt nov""".split())
#: The same written without their dots, as :data:`VERHULD` reads letters standing apart ("d.w.z." as "dwz").
_AFKORTINGEN = _AFKORTINGEN | {a.replace(".", "") for a in _AFKORTINGEN if "." in a}
_ZINSEINDE = re.compile(r"[.!?]+(?=\s|$)")
_LAATSTE_WOORD = re.compile(r"(\S+)\s*$")


@dataclass(frozen=True)
class Claim:
    """One place in a text that presents (or may present) the dossier as decided."""

    regel: Regel
    gevonden: str  # the offending words, as read
    tekst: str  # the whole text, as read
    ernst: Ernst = Ernst.FOUT
    zin: str = ""  # the sentence it is in
    waarom: str = ""  # Dutch: why it was read so (its subject, its year, ...)
    begin: int = 0  # offset of ``gevonden`` in ``tekst``

    @property
    def fout(self) -> bool:
        return self.ernst is Ernst.FOUT


def normalise(text: str) -> str:
    """NFC, plain quotes and spaces, no soft hyphens, single spaces, stripped.

    The guard's form of a written text, for finding titles in it; the wording check
    reads texts with :func:`raadsinfo.reading.lees`, which does more.
    """
    if not text:
        return ""
    if text.isascii():
        if "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text:
            return text.strip()
    else:
        text = unicodedata.normalize("NFC", text)
        # ``text.translate(_QUOTES)``, but str.translate with a dict goes character by
        # character in Python's slow path, and whole pages pass through here.
        for char, replacement in _QUOTE_PAIRS:
            if char in text:
                text = text.replace(char, replacement)
    # ``re.sub(r"\s+", " ", text).strip()``, in C: ``str.split`` splits on exactly the
    # characters ``\s`` matches (both ask ``Py_UNICODE_ISSPACE``; a test checks).
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _accenttabel() -> dict[str, str]:
    """Latin letters with marks (é, ë, á, ...) and their plain letter: one for one."""
    out = {}
    for cp in range(0xC0, 0x250):
        ontleed = unicodedata.normalize("NFD", chr(cp))
        if len(ontleed) > 1 and ontleed[0].isascii() and ontleed[0].isalpha():
            out[chr(cp)] = ontleed[0]
    return out


def zonder_accenten(text: str) -> str:
    """``text`` with every accented Latin letter as its plain letter, same length: the
    rules match "áángenomen" and "vóór" as "aangenomen" and "voor"."""
    if text.isascii():
        return text
    tabel = _accenttabel()
    for teken in {c for c in text if not c.isascii()}:
        if teken in tabel:
            text = text.replace(teken, tabel[teken])
    return text


def mask(text: str, plek: Plek = Plek.TEKST, namen: Namen = GEEN_NAMEN) -> str:
    """Blank out every allowed phrase for ``plek`` (same length, so positions stay valid).

    The mask character is not a word character, so a rule can neither match inside
    an allowed phrase nor bridge over it. The alternation is tried only where a
    phrase can start (at the start of a word, and at each "b" for the names of
    regulations): ``re`` tries a case-insensitive alternation at every character,
    the slow way. Tried at those places from left to right, going on after each
    phrase found, it finds the same phrases as one ``sub`` (:func:`_mask_whole`;
    tests compare both): no phrase can be empty.
    """
    return _mask(text, plek, _taal(namen))


def _mask(text: str, plek: Plek, taal: _Taal) -> str:
    allowed = taal.allowed[plek]
    starts = [m.start() for m in _WORD_START.finditer(text)]
    if "b" in text or "B" in text:  # where a regulation's name can start, inside a word too
        starts = sorted({*starts, *(m.start() for m in _B.finditer(text))})
    match, pieces, done = allowed.match, [], 0
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


def _mask_whole(text: str, plek: Plek = Plek.TEKST, namen: Namen = GEEN_NAMEN) -> str:
    """:func:`mask` as one ``sub`` over the whole text: the reference."""
    return _taal(namen).allowed[plek].sub(lambda m: _MASK * len(m.group(0)), text)


#: Where a word starts: every allowed phrase but a regulation's name starts there.
_WORD_START = re.compile(r"\b\w")
#: Where a regulation's name can start (they all start with "Besluit").
_B = re.compile("[bB]")


def has_trigger(text: str) -> bool:
    """Does ``text`` hold a stem every rule needs? ``_TRIGGER.search(text)``, but fast.

    Not cached: it is asked about whole Markdown bodies, and the judgement of each
    sentence after it is cached already."""
    if not text.isascii():
        if any(c in text for c in _FOLDS_TO_ASCII):
            return _TRIGGER.search(text) is not None
        if _TEKEN_TRIGGER.search(text):
            return True
    return _TRIGGER_LAAG.search(text.lower()) is not None


# --- sentences ---------------------------------------------------------------------------


def zinnen(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a read text: cut after . ! ? and a space.

    Not after an abbreviation ("bijv.", "o.a.", "art.", "dec."), an initial ("A.
    Jansen") or the number of a list item ("besluit: 1. ..."), so that "wethouder A.
    Jansen heeft besloten" stays one sentence with its subject.
    """
    out, start = [], 0
    for m in _ZINSEINDE.finditer(text):
        if m.group(0) == "." or m.group(0).endswith("."):
            woord = _LAATSTE_WOORD.search(text, start, m.start())
            vorig = woord.group(1).lower().lstrip("([\"'") if woord else ""
            if (vorig in _AFKORTINGEN or (len(vorig) <= 2 and vorig.isdigit())
                    or (len(vorig) == 1 and vorig.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", vorig)):
                continue
        out.append((start, m.end()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        out.append((start, len(text)))
    return out


# --- judging one claim in its sentence ------------------------------------------------------


@dataclass(frozen=True)
class _Orgaan:
    start: int
    end: int
    klasse: str  # "ander", "raad", "college", "dit", "twijfel"
    tekst: str
    voor: str  # the word before it, lower case


def _organen(segment: str, offset: int, taal: _Taal) -> list[_Orgaan]:
    out = []
    for m in taal.orgaan.finditer(segment):
        klasse = m.lastgroup
        voor = _LAATSTE_WOORD.search(segment, 0, m.start())
        out.append(_Orgaan(offset + m.start(), offset + m.end(), klasse, m.group(0),
                           voor.group(1).lower().strip(",") if voor else ""))
    return out


def _segment(zin: str, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence between ; : ( ) and dashes that holds [start, end)."""
    links = 0
    for m in _GRENS.finditer(zin, 0, start):
        links = m.end()
    m = _GRENS.search(zin, end)
    return links, (m.start() if m else len(zin))


def _fin(m: re.Match) -> tuple[int, int, str]:
    """Span and text of the finite verb of a claim (the group ``fin`` or ``finN``)."""
    for name, value in m.groupdict().items():
        if name.startswith("fin") and value is not None:
            return m.start(name), m.end(name), value.lower()
    return m.start(), m.end(), m.group(0).lower()


def _jaar_bij(zin: str, seg: tuple[int, int], start: int, end: int) -> int | None:
    """The year nearest to the claim in its segment: before it first, else after."""
    jaren = [(m.start(), int(m.group(0))) for m in _JAARTAL.finditer(zin, seg[0], seg[1])]
    voor = [(end - p, j) for p, j in jaren if p < end]
    if voor:
        return min(voor)[1]
    na = [(p - end, j) for p, j in jaren if p >= end and p - end < 40]
    return min(na)[1] if na else None


def _datum_bij(zin: str, seg: tuple[int, int], end: int) -> tuple[int | None, int, int | None, str] | None:
    """The date nearest to the claim in its segment (day or None, month, year or None,
    as written): before it first, else just after it."""
    datums = []
    for m in _DATUM.finditer(zin, seg[0], seg[1]):
        if m.group(1):
            dag, maand, jaar = int(m.group(1)), _MAANDEN[m.group(2).lower()], m.group(3)
        elif m.group(4):
            dag, maand, jaar = int(m.group(4)), int(m.group(5)), m.group(6)
        elif m.group(7):
            dag, maand, jaar = int(m.group(9)), int(m.group(8)), m.group(7)
        else:  # a month without a day ("maart 2026")
            dag, maand, jaar = None, _MAANDEN[m.group(10).lower()], m.group(11)
        datums.append((m.start(), (dag, maand, int(jaar) if jaar else None, m.group(0))))
    voor = [(end - p, d) for p, d in datums if p < end]
    if voor:
        return min(voor, key=lambda x: x[0])[1]
    na = [(p - end, d) for p, d in datums if p >= end and p - end < 40]
    return min(na, key=lambda x: x[0])[1] if na else None


def _tijd(zin: str, seg: tuple[int, int], start: int, end: int, jaar: int | None,
          ingediend: date | None) -> tuple[str | None, str]:
    """When the claim is: ("eerder", why) before the proposal, ("twijfel", why) in its
    year or later without a day, ("na", why) on or after the day it was submitted,
    or (None, "") when the sentence does not say."""
    gevonden = _datum_bij(zin, seg, end)
    if gevonden is not None:
        dag, maand, jr, tekst = gevonden
        try:
            if dag is None and jr is not None and ingediend is not None:  # a month: all of it before, or after?
                if date(jr, maand, calendar.monthrange(jr, maand)[1]) < ingediend:
                    return "eerder", f"eerder: {tekst}"
                if date(jr, maand, 1) > ingediend:
                    return "na", (f"{tekst} is na de dag waarop dit voorstel is ingediend ({datum(ingediend)}): "
                                  "het kan geen eerder besluit zijn")
            elif jr is not None and ingediend is not None:
                if date(jr, maand, dag) < ingediend:
                    return "eerder", f"eerder: {tekst}"
                return "na", (f"de datum {tekst} is op of na de dag waarop dit voorstel is ingediend "
                              f"({datum(ingediend)}): het kan geen eerder besluit zijn")
            if jr is None and ingediend is not None and (maand, dag) >= (ingediend.month, ingediend.day):
                return "na", (f"{tekst} is na de dag waarop dit voorstel is ingediend ({datum(ingediend)}): het kan "
                              "geen eerder besluit zijn")
            if jr is None and ingediend is not None:
                # A day without a year before the day of submission may be next year's: "op 28
                # januari" in a proposal of October can be the vote itself.
                return "twijfel", (f"'{tekst}' zonder jaartal: gaat het over een eerder besluit, of over de "
                                   "stemming over dit voorstel? Zet het jaartal erbij")
        except ValueError:  # no such day: read only its year below
            pass
    jaartal = _jaar_bij(zin, seg, start, end)
    if jaartal is None:
        return None, ""
    jaar = jaar if jaar is not None else (ingediend.year if ingediend else None)
    if jaar is not None and jaartal < jaar:
        return "eerder", f"eerder: {jaartal}"
    return "twijfel", (f"het jaartal {jaartal} is het jaar van dit voorstel of later: gaat het over een eerder "
                       "besluit, of over dit voorstel?" if jaar is not None else
                       f"er staat een jaartal bij ({jaartal}): gaat het over een eerder besluit, of over dit voorstel?")


def _voorwaarde(zin: str, seg: tuple[int, int], fin_start: int, m_end: int, gat: str) -> bool:
    """Is the claim conditional: "als de raad het heeft aangenomen", "is pas definitief
    als ...", "Als X, dan is het plan definitief"? Not after "nadat" with a main clause
    in the past tense: "Nadat de raad het had aangenomen, begon de bouw" is a fact."""
    if _PAS.search(gat):
        return True
    voor = zin[seg[0]:fin_start]
    laatste = None
    for c in _VOORWAARDE.finditer(voor):
        laatste = c
    # "Neemt de raad het voorstel aan, dan ...": a finite verb first, then ", dan".
    if not voor.strip(" \"'(") and re.search(r",\s*(?:dan|pas\s+dan)\b", zin[m_end:seg[1]], re.IGNORECASE):
        return True
    if laatste is not None and laatste.group(0).lower() == "nadat" and (
            _VERLEDEN_HOOFDZIN.search(zin, m_end, seg[1])
            or _VERLEDEN_HOOFDZIN.search(zin, seg[0], seg[0] + laatste.start())):
        laatste = None
    if laatste is not None:
        tussen = voor[laatste.end():]
        if "," not in tussen:
            return True
        if re.fullmatch(r"\W*(?:dan|pas\s+dan)?\W*", tussen[tussen.rfind(",") + 1:], re.IGNORECASE):
            return True
    na = zin[m_end:seg[1]]
    return bool(re.match(r"\s*,?\s*(?:pas\s+)?(?:als|wanneer|zodra|indien|mits|op\s+voorwaarde\s+dat|nadat)\b", na,
                         re.IGNORECASE))


def _zinsdeel_begin(zin: str, seg: tuple[int, int], fin_start: int, organen: list[_Orgaan]) -> int:
    """Where the clause of the finite verb starts: after the last comma or subordinator
    before it, or after an "en"/"maar"/"of" that starts a clause with a body of its own."""
    begin = seg[0]
    for m in _BIJZIN.finditer(zin, seg[0], fin_start):
        begin = m.end()
    for m in _NEVENSCHIKKING.finditer(zin, begin, fin_start):
        # A new clause with a body of its own: not "De raad en wij hebben ...", where the
        # bodies before and after "en" are one subject.
        if any(o.start == m.end() for o in organen) and not any(
                o.end <= m.start() and not zin[o.end:m.start()].strip() for o in organen):
            begin = m.end()
    return begin


def _zinsdeel_einde(zin: str, seg: tuple[int, int], na: int) -> int:
    """Where the clause that holds position ``na`` ends: the next comma or subordinator."""
    stop = _BIJZIN.search(zin, na, seg[1])
    return stop.start() if stop else seg[1]


def _onderwerp(zin: str, seg: tuple[int, int], fin_start: int, fin_end: int, lijdend: bool,
               agent_na: tuple[str, ...], organen: list[_Orgaan], begin: int,
               agent_ervoor: bool = False) -> _Orgaan | None:
    """The subject (or, for a passive, the agent) of a claim, if it is a known body.

    ``agent_ervoor``: the agent may stand before the verb ("Door de raad aangenomen")."""
    agent = next((o for o in organen if o.voor in agent_na and (o.start >= fin_start or agent_ervoor)
                  and o.start >= begin), None)
    if agent is not None and (lijdend or agent_na != ("door",)):
        return agent
    voor = [o for o in organen if begin <= o.start and o.end <= fin_start and o.voor not in _VOORZETSELS]
    if voor:
        # "De provincie en de raad hebben ingestemd": of bodies together as one subject,
        # the council's own counts.
        samen = [voor[0]]
        for o in voor[1:]:
            if not re.fullmatch(r"\s*(?:,|en|,\s*en|en\s+ook|of)\s*", zin[samen[-1].end:o.start], re.IGNORECASE):
                break
            samen.append(o)
        return min(samen, key=lambda o: _VOORRANG.index(o.klasse))
    einde = _zinsdeel_einde(zin, seg, fin_end)
    na = [o for o in organen if fin_end <= o.start < einde and o.voor not in _VOORZETSELS and o.start - fin_end < 40]
    return na[0] if na else None


#: Of several bodies as one subject, the one that decides how a claim is judged.
_VOORRANG = ("raad", "dit", "college", "twijfel", "ander")
#: Where a clause starts: a comma or a subordinator; "en"/"maar"/"of" before a body.
_BIJZIN = re.compile(r",|\b(?:" + "|".join(sorted(_VOEGWOORDEN)) + r")\b", re.IGNORECASE)
_NEVENSCHIKKING = re.compile(r"\b(?:en|maar|of)\s+", re.IGNORECASE)
#: A relative clause: its antecedent ("de motie [die in juni werd aangenomen]") says what it is about.
_BETREKKELIJK = re.compile(r"\b(?:die|dat|welke|waar\w+)\s*$", re.IGNORECASE)
_ONBEKEND_ONDERWERP = re.compile(r"(?:^|\s)(?:(?:de|het|een|alle|veel|sommige|enkele|die|deze)\s+" + _W
                                 + r"|(?-i:[A-Z][\w-]+))\s*$", re.IGNORECASE)
#: A motie or amendement as the subject of a passive, or the object of an active claim.
_ZAAK = re.compile(r"\b(?:de|het|een|die|deze|dat|twee|drie|alle)?\s*(motie|moties|amendement|amendementen)\b",
                   re.IGNORECASE)
#: The agent of a passive that is no known body: "De bomen zijn goedgekeurd door een
#: boomdeskundige." With "een" it is someone else; with "de" it may be the council by
#: another name, so doubtful. Words for the council or its vote are never someone else.
_VREEMDE_AGENT = re.compile(r"\bdoor\s+(?P<lidwoord>een|de|het)\s+(?P<wie>(?:" + _W + r"\s+){0,3}?" + _W + r")"
                            r"(?=\s*(?:[.,;:!?]|$)|\s+(?:" + "|".join(sorted(_VOORZETSELS)) + r"|en|of|maar|" + _W
                            + r"(?:d|t|en)\s*[.,;:!?]?\s*$)\b)", re.IGNORECASE)
#: Words that make an agent the council or its vote (or a part of it): "door een ruime
#: meerderheid", "door een groep raadsleden". Such an agent is never someone else.
_RAADSWOORD = re.compile(r"\b(?:meerderheid|minderheid|groep|aantal|deel|helft|raad|gemeenteraad|raads\w*|"
                         r"fractie\w*|partij\w*|coalitie|oppositie|stem\w*|hamer\w*|handopsteken|leden|"
                         r"volksvertegenwoordig\w*|college|wethouder\w*|burgemeester|voorzitter|griffie\w*|gemeente|"
                         r"vergadering|amendement\w*|motie\w*)\b", re.IGNORECASE)
#: After the vote: "Daarna is het plan definitief."
_DAARNA = re.compile(r"\b(?:daarna|dan|vervolgens|straks|later|na\s+de\s+stemming|na\s+afloop|"
                     r"na\s+het\s+besluit)\b", re.IGNORECASE)
#: Rules whose match is itself a label ("Raadsbesluit 2026-046", "Aangenomen in 2026."):
#: a year alone does not make them doubtful; a date before the proposal does make
#: them an earlier decision.
_JAAR_GEEN_TWIJFEL = frozenset({"besluit-datum", "zinsbegin-uitslag"})
#: Voting by others: "Bij de peiling stemden 300 inwoners voor de nieuwe naam."
_STEMMEN = re.compile(r"\b(?:stemde|stemden|gestemd|stemt|stemmen)\b", re.IGNORECASE)
_PEILING_STEM = re.compile(r"\b(?:peiling|enquête|enquete|publieksprijs|prijsvraag|stemwijzer|referendum|poll|"
                           r"verkiezing|verkiezingen)\b", re.IGNORECASE)
#: An answer that confirms the question before it.
_JA = re.compile(r"\W*(?:ja|jazeker|jawel|zeker|inderdaad|klopt|yes)\b", re.IGNORECASE)
#: The college side in "het besluit van het college".
_COLLEGE_KANT = re.compile(r"\b(?:college|burgemeester|b\s*(?:en|&)\s*w|gemeente)\b", re.IGNORECASE)
#: A meeting of a committee: what fracties said there is an opinion, not a decision.
_IN_COMMISSIE = re.compile(r"\b(?:in|tijdens|bij)\s+de\s+commissie(?:vergadering)?\b", re.IGNORECASE)
_COLLEGE_VOORSTEL = re.compile(r"\b(?:raads)?voorstel\b", re.IGNORECASE)
#: Other things people vote on or count: a tally about them is no vote of the council.
_PEILING = re.compile(r"\b(?:peiling|enquête|enquete|onderzoek|inwoners|bewoners|jury|publieksprijs|"
                      r"stemwijzer|referendum|poll)\b", re.IGNORECASE)


def _oordeel(regel: Regel, m: re.Match, masked: str, zin: str, jaar: int | None, ingediend: date | None,
             vraag: bool, taal: _Taal, plek: Plek = Plek.TEKST) -> tuple[Ernst | None, str]:
    """Judge one match of a claim or noun rule in its sentence: (ernst or None, why).

    ``masked`` is the sentence with the allowed phrases blanked out, ``zin`` the
    sentence itself (same length): bodies are looked for in ``zin``, so that "het
    besluit van de provincie" still names the provincie.
    """
    start, end = m.span()
    fin_start, fin_end, fin = _fin(m)
    seg = _segment(masked, start, end)
    gat = masked[fin_end:end]
    organen = _organen(zin[seg[0]:seg[1]], seg[0], taal)
    begin = _zinsdeel_begin(zin, seg, fin_start if regel.soort == "bewering" else start, organen)
    # "dit voorstel" as subject or object of a claim (a noun rule names its own noun).
    over = _DIT_VOORSTEL.search(masked, begin, _zinsdeel_einde(masked, seg, end)) if regel.soort == "bewering" else None
    dit = None if over is None else ("sterk" if over.group("sterk") else "het")
    indirect = False
    if regel.soort == "bewering":
        if fin in _TEGENWOORDIG and regel.code in ("tegenwoordige-tijd", "raad-kiest") and (
                plek is Plek.VRAAG or _GEVRAAGD_LABEL.search(zin, 0, seg[0])):
            return None, "het gevraagde besluit: de vraag aan de raad"
        if _voorwaarde(masked, seg, fin_start, end, gat):
            return None, "voorwaarde"
        if (fin in ("hebben", "zijn") or (fin in _TEGENWOORDIG and fin.endswith("en"))) and _MODAAL.search(
                masked, seg[0], fin_start):
            return None, "toekomst of mogelijkheid"
        if begin > seg[0] and _INDIRECTE_VRAAG.search(masked, seg[0], begin):
            if _LATER.search(masked, seg[0], seg[1]):
                return None, "later: 'hier leest u straks wat de raad besloot'"
            indirect = True
    else:
        if _voorwaarde(masked, seg, start, end, ""):
            return None, "voorwaarde"
        if _NODIG.search(masked, seg[0], seg[1]):
            return None, "een besluit dat nog nodig is"
        zaak = _ZAAK.search(zin, seg[0], seg[1])
        if zaak is not None and zaak.group(1).lower().startswith("motie"):
            return None, "een motie is een eigen besluit"
        if regel.code == "stemuitslag" and _PEILING.search(masked, seg[0], seg[1]):
            return None, "een peiling of onderzoek, geen stemming van de raad"
        ander = [o for o in organen if o.klasse == "ander"]
        if ander and not any(o.klasse in _EIGEN_KLASSEN for o in organen):
            return None, f"andere instantie: {ander[0].tekst}"
        if regel.code == "besluit-van":
            # "Een besluit van de raad geldt pas na bekendmaking": any decision, not this one
            # (but "Dit is een besluit van de raad" says what this is).
            if re.search(r"\been\s+$", masked[max(seg[0], start - 4):start], re.IGNORECASE) and not re.search(
                    r"\b(?:is|was|wordt|werd|zijn)\s+een\s+$", masked[seg[0]:start], re.IGNORECASE) \
                    and end < len(masked) and not re.match(r"\s*[:|–—]", masked[end:]):
                return None, "een besluit in het algemeen"
            # The college decides things of its own (see _college_oordeel); as a label
            # ("Het besluit van de gemeente: ...") it says what this is.
            if _COLLEGE_KANT.search(m.group(0)) and not re.match(r"\s*[:|–—]", masked[end:]):
                if ander:
                    return None, f"andere instantie: {ander[0].tekst}"
                return Ernst.TWIJFEL, ("het college neemt ook zelf besluiten: gaat dit over iets anders dan dit "
                                       "voorstel? Over het voorstel zelf besluit alleen de raad")
    ernst: Ernst | None = Ernst.FOUT
    waarom = ""
    wanneer, hoe = _tijd(masked, seg, start, end, jaar, ingediend)
    if _EERDER.search(masked, seg[0], end) and wanneer != "na":
        wanneer, hoe = "eerder", "eerder"
    if wanneer == "eerder":
        if dit == "het":
            ernst, waarom = Ernst.TWIJFEL, ("'het voorstel' met een eerder moment: gaat het over een eerder voorstel, "
                                            "of over dit voorstel?")
        elif dit is None:
            return None, hoe
    elif wanneer == "twijfel" and dit is None:
        if regel.code in _JAAR_GEEN_TWIJFEL:
            waarom = ("alleen een jaartal of nummer zegt niet dat het een eerder besluit is; noem de datum van dat "
                      "besluit")
        else:
            ernst, waarom = Ernst.TWIJFEL, hoe
    elif wanneer == "na":
        waarom = hoe
    if regel.soort == "bewering" and _STEMMEN.search(m.group(0)) and _PEILING_STEM.search(masked):
        return None, "een peiling of prijsvraag, geen stemming van de raad"
    if regel.soort == "bewering":
        oordeel = _subject_oordeel(regel, m, masked, zin, seg, fin_start, fin_end, fin, organen, begin, dit, taal)
        if oordeel[0] is None:
            return oordeel
        if oordeel[0] is Ernst.TWIJFEL and ernst is Ernst.FOUT:
            ernst, waarom = oordeel
        elif not waarom:
            waarom = oordeel[1]
    if (regel.code in ("tegenwoordige-tijd", "raad-kiest") and fin in _TEGENWOORDIG and ernst is Ernst.FOUT
            and _TOEKOMST.search(masked, seg[0], seg[1])):
        ernst, waarom = Ernst.TWIJFEL, "een voorspelling van de uitslag: de raad moet nog stemmen"
    if (vraag or indirect) and ernst is Ernst.FOUT:
        ernst = Ernst.TWIJFEL
        waarom = "een vraag, maar hij kan lezen alsof er al besloten is"
    return ernst, waarom


def _subject_oordeel(regel: Regel, m: re.Match, masked: str, zin: str, seg: tuple[int, int], fin_start: int,
                     fin_end: int, fin: str, organen: list[_Orgaan], begin: int, dit: str | None,
                     taal: _Taal) -> tuple[Ernst | None, str]:
    pred = (m.groupdict().get("pred") or "").lower()
    tekst = m.group(0).lower()
    lijdend = ((fin in _ZIJN and (not pred.startswith(("akkoord", "ja ", "nee ")) or "bevonden" in pred))
               or fin in ("krijgt", "krijgen", "kreeg", "kregen")
               or regel.code in ("besluit-genomen", "zinsbegin-uitslag")
               or (regel.code == "tegenwoordige-tijd" and m.group("fin7") is not None)
               or (regel.code == "kopregel" and m.group("fin") is not None)
               # an idiom holds its own subject ("de kogel"); support is given *to* a plan
               or regel.code == "uitdrukking" or (regel.code == "raad-kiest" and ("steun " in tekst + " "
                                                                                   or "rekenen" in tekst)))
    agent_na = (("door", "van") if (fin in ("krijgt", "krijgen", "kreeg", "kregen") or "gekregen" in pred
                                    or regel.code in ("zinsbegin-uitslag", "kopregel")
                                    or (regel.code == "raad-kiest" and "steun" in tekst)) else ("door",))
    if regel.code == "raad-kiest" and "rekenen" in tekst:
        agent_na = ("door", "van", "op", "in")
    # "De uitspraak van de rechter is definitief": the subject is a decision or plan
    # *of* another body.
    bezit = taal.van_orgaan.match(zin, begin, fin_start)
    if bezit and bezit.group("ander"):
        return None, f"andere instantie: {bezit.group('ander')}"
    # "De motie [die in juni werd aangenomen]", "De raad, [die akkoord is]": a relative
    # clause is about its antecedent; it is the subject when the clause has none.
    antecedent = None
    if begin > seg[0] and _BETREKKELIJK.search(masked, seg[0], begin):
        ervoor = zin[max(seg[0], begin - 80):begin]
        zaak = _ZAAK.search(ervoor)
        if zaak is not None and zaak.group(1).lower().startswith("motie"):
            return None, "een motie is een eigen besluit"
        if not any(begin <= o.start < fin_start for o in organen):
            laatste = ([None, *taal.orgaan.finditer(ervoor)])[-1]
            if laatste is not None and laatste.lastgroup == "ander":
                return None, f"andere instantie: {laatste.group(0)}"
            if laatste is not None:
                antecedent = _Orgaan(0, 0, laatste.lastgroup, laatste.group(0), "")
    # A motie is a decision of its own (it may be adopted while the voorstel is
    # postponed); an adopted amendement means the voorstel itself was voted on.
    object_einde = m.start("pred") if m.groupdict().get("pred") else m.end()
    zaak = _ZAAK.search(zin, begin, fin_start) if lijdend else _ZAAK.search(zin, fin_end, object_einde)
    if zaak is not None and lijdend:
        # "Met deze motie is ook het voorstel aangenomen": the motie is no subject there.
        ervoor = _LAATSTE_WOORD.search(zin, begin, zaak.start(1))
        woord = ervoor.group(1).lower() if ervoor else ""
        if woord in _VOORZETSELS or (woord in ("deze", "die", "de", "het", "een", "dat") and re.search(
                r"\b(?:" + "|".join(_VOORZETSELS) + r")\s+\w+\s*$", zin[begin:zaak.start(1)], re.IGNORECASE)) \
                or any(o.klasse == "dit" and begin <= o.start < m.end() for o in organen):
            zaak = None
    if zaak is not None and zaak.group(1).lower().startswith("motie"):
        return None, "een motie is een eigen besluit"
    staat = pred.startswith(("definitief", "rond", "een", "akkoord")) and fin in ("is", "zijn")
    if staat and _DAARNA.search(zin, begin, fin_start):
        return None, "toekomst: 'daarna is het plan definitief'"
    orgaan = _onderwerp(zin, seg, fin_start, fin_end, lijdend, agent_na, organen, begin,
                        agent_ervoor=regel.code in ("zinsbegin-uitslag", "kopregel")) or antecedent
    if (lijdend and regel.code != "uitdrukking" and (orgaan is None or orgaan.klasse == "dit")
            and not any(o.voor == "door" for o in organen)):
        vreemd = _VREEMDE_AGENT.search(zin, fin_start, _zinsdeel_einde(zin, seg, fin_end))
        if vreemd is not None and not _RAADSWOORD.search(vreemd.group("wie")):
            if vreemd.group("lidwoord").lower() == "een":
                return None, f"iemand anders keurt goed: '{vreemd.group(0)}'"
            return Ernst.TWIJFEL, (f"wie is '{vreemd.group(0)}'? Gaat het over de raad en dit voorstel, of over iets "
                                   "anders?")
    if zaak is not None and (orgaan is None or orgaan.klasse != "ander"):
        return Ernst.TWIJFEL, (f"gaat '{zaak.group(0)}' over een amendement bij dit voorstel? Dan heeft de raad er "
                               "al over gestemd")
    if regel.code == "voorstel-geldt" and (m.groupdict().get("fin3") or m.groupdict().get("fin4")):
        # "Er was een meerderheid voor het plan": this plan, and no vote but the council's
        if _IN_COMMISSIE.search(zin, seg[0], seg[1]) or _PEILING.search(zin, seg[0], seg[1]):
            return None, "een meerderheid in de commissie of bij een peiling: een mening, geen besluit"
        return Ernst.FOUT, "een meerderheid voor dit plan"
    if regel.wie == "dit":
        if (orgaan is not None and orgaan.klasse == "dit") or dit is not None:
            return Ernst.FOUT, "het gaat over dit voorstel"
        return None, "gaat niet over dit voorstel"
    if regel.wie == "raad":
        if orgaan is None:
            return None, "geen raad als onderwerp"
        if orgaan.klasse == "raad":
            if _IN_COMMISSIE.search(zin, seg[0], seg[1]) and "raad" not in orgaan.tekst.lower():
                return None, "fracties in de commissie: een mening, geen besluit"
            return Ernst.FOUT, f"het gaat over '{orgaan.tekst}'"
        if orgaan.klasse == "twijfel" or (orgaan.klasse == "dit" and lijdend):
            return Ernst.TWIJFEL, (f"wie is '{orgaan.tekst}'? Gaat het over de raad en dit voorstel, of over iets "
                                   "anders?")
        return None, f"'{orgaan.tekst}' kiest of steunt zelf: dat is geen besluit van de raad"
    if orgaan is not None:
        if orgaan.klasse == "ander" and any(o.klasse == "dit" and o.start >= begin and o.tekst.lower().startswith(
                ("dit ", "deze ")) for o in organen):
            # "De raad van Ermelo heeft dit voorstel aangenomen": no other body decides on this proposal.
            return Ernst.TWIJFEL, (f"'{orgaan.tekst}' en dit voorstel in één zin: besliste '{orgaan.tekst}' over "
                                   "iets anders, of staat hier dat dit voorstel al besloten is?")
        if orgaan.klasse == "ander":
            return None, f"andere instantie: {orgaan.tekst}"
        if orgaan.klasse == "twijfel":
            if m.groupdict().get("fin14") and "burgemeester" in orgaan.tekst.lower():
                return Ernst.FOUT, "de burgemeester hamert af als voorzitter van de raad"
            return Ernst.TWIJFEL, (f"wie is '{orgaan.tekst}'? Gaat het over de raad of het college en dit voorstel, "
                                   "of over iets anders?")
        if orgaan.klasse == "college":
            return _college_oordeel(orgaan, masked, seg, fin_start, fin_end, organen, lijdend)
        return Ernst.FOUT, f"het gaat over '{orgaan.tekst}'"
    # No known body as subject: another body in the sentence makes it doubtful.
    alle = organen if any(o.klasse == "ander" for o in organen) else _organen(zin, 0, taal)
    if any(o.klasse == "ander" for o in alle) and not any(o.klasse in _EIGEN_KLASSEN for o in alle):
        namen = ", ".join(sorted({o.tekst for o in alle if o.klasse == "ander"}))
        return Ernst.TWIJFEL, f"gaat dit over {namen}, of over dit voorstel?"
    voor = masked[seg[0]:fin_start]
    voor = voor[voor.rfind(",") + 1:]
    # "... gaat door": an unknown subject is doubtful, unless it goes ahead "definitief".
    zwak = (regel.code == "tegenwoordige-tijd" and m.group("fin7") is not None
            and "definitief" not in m.group(0).lower())
    if (not lijdend or zwak or staat) and _ONBEKEND_ONDERWERP.search(voor) and not re.search(
            r"(?:^|\s)(?:het|er|dat|dit)\s*$", voor, re.IGNORECASE):
        onderwerp = _ONBEKEND_ONDERWERP.search(voor).group(0).strip()
        return Ernst.TWIJFEL, f"wie of wat is '{onderwerp}'? Gaat het over dit voorstel, of over iets anders?"
    return Ernst.FOUT, "er staat geen andere instantie bij, dus het leest als een uitspraak over dit voorstel"


def _college_oordeel(orgaan: _Orgaan, masked: str, seg: tuple[int, int], fin_start: int, fin_end: int,
                     organen: list[_Orgaan], lijdend: bool = False) -> tuple[Ernst | None, str]:
    """A decision of the college side (het college, B en W, wij, de gemeente, a wethouder).

    The college sends this proposal ("Het college heeft dit raadsvoorstel vastgesteld":
    no claim) and takes decisions of its own ("Het college heeft besloten een onderzoek
    te laten doen"): those never make a proposal a decision, but the words cannot tell
    whether the thing decided is the subject of this proposal, so they are doubtful.
    About this proposal or "het plan", or with nothing decided named ("Het college
    heeft besloten."), it reads as this proposal decided: an error.
    """
    if _COLLEGE_VOORSTEL.search(masked, seg[0], seg[1]) and not re.search(r"\bbesluit\b", masked[seg[0]:seg[1]],
                                                                           re.IGNORECASE):
        return None, "het college stelde het voorstel vast: dat maakt het juist een voorstel"
    einde = _zinsdeel_einde(masked, seg, fin_end)
    if any(o.klasse == "dit" and fin_end <= o.start < einde for o in organen):
        return Ernst.FOUT, f"het gaat over '{orgaan.tekst}' en dit plan"
    rest = masked[fin_end:einde]
    if lijdend and orgaan.start >= fin_end:  # a passive: what was decided is its subject, before the verb
        if any(o.klasse == "dit" and o.end <= fin_start for o in organen):
            return Ernst.FOUT, f"het gaat over '{orgaan.tekst}' en dit plan"
        rest = masked[seg[0]:fin_start]
    elif orgaan.start >= fin_end:  # "Daarom heeft het college besloten": the subject is not the object
        rest = masked[fin_end:orgaan.start] + " " * len(orgaan.tekst) + masked[orgaan.end:einde]
    if _AANVULLING.search(rest):
        return Ernst.TWIJFEL, (f"'{orgaan.tekst}' neemt ook zelf besluiten (een onderzoek, de inspraak): gaat dit "
                               "over iets anders dan dit voorstel? Over het voorstel zelf besluit alleen de raad")
    return Ernst.FOUT, f"het gaat over '{orgaan.tekst}', en er staat niet bij over wat"


def _overlapt(a: int, b: int, spans) -> bool:
    return any(a < e and s < b for s, e in spans)


@lru_cache(maxsize=1 << 16)
def _zin_vondsten(zin: str, plek: Plek, jaar: int | None, ingediend: date | None, eerste: bool,
                  kop: bool, taal: _Taal) -> tuple[tuple[int, int, int, Ernst, str], ...]:
    """(rule, start, end, ernst, why) of every finding in one sentence, in rule order.

    A match that overlaps an earlier finding is left out (the first, most specific
    rule wins). A claim judged allowed frees its words for no other rule, and the
    same rule is tried again just after its start, for a second claim inside it.
    """
    masked = _mask(zin, Plek.LABEL if kop else plek, taal)
    if not has_trigger(masked):
        return ()
    vraag = zin.rstrip().endswith("?")
    streng = plek in KORT or kop
    gevonden: list[tuple[int, int, int, Ernst, str]] = []
    bezet: list[tuple[int, int]] = []
    vrij: list[tuple[int, int]] = []
    for i, (regel, pattern) in enumerate(_RULES):
        geldt = plek in regel.plekken or (kop and regel.kop)
        if not geldt or (regel.begin and not eerste):
            continue
        pos = 0
        while pos <= len(masked):
            m = pattern.search(masked, pos)
            if m is None:
                break
            s, e = m.span()
            kern = (m.start("pred"), m.end("pred")) if m.groupdict().get("pred") else (s, e)
            if _overlapt(s, e, bezet) or (regel.soort != "label" and _overlapt(*kern, vrij)):
                pos = s + 1
                continue
            if regel.soort == "label":
                ernst, waarom = (Ernst.TWIJFEL if regel.twijfel else Ernst.FOUT), ""
            else:
                ernst, waarom = _oordeel(regel, m, masked, zin, jaar, ingediend, vraag, taal, plek)
            if ernst is None:
                vrij.append(kern)
                pos = s + 1
                continue
            if ernst is Ernst.TWIJFEL and streng:
                ernst = Ernst.FOUT
                waarom = (waarom + "; " if waarom else "") + "in een titel, kop of label moet het duidelijk zijn"
            gevonden.append((i, s, e, ernst, waarom))
            bezet.append((s, e))
            pos = e if e > s else s + 1
    return tuple(gevonden)


#: A word that alone tells an outcome or a decision ("aangenomen", "besluit", "goedgekeurde"),
#: in lower case. Never in a topic name, nor right next to an undecided proposal's title
#: or in a heading above it on a page: there no sentence around it can say it is about
#: something else (:mod:`raadsinfo.guard_pages`).
UITSLAGWOORD = re.compile(
    r"(?<!\w)(?:aangenomen|verworpen|afgewezen|goedgekeurde?|vastgestelde?|besloten|beslist|bekrachtigde?|"
    r"afgehamerde?|geaccordeerde?|ingestemd|akkoord|unaniem|besluit|besluiten|raadsbesluit(?:en)?|genomen|"
    r"weggestemd|aanvaarde?|uitslag(?:en)?|gestemd|adopted|approved|rejected|decided|decision|passed)(?!\w)")


def beoordeel(text: str, plek: Plek = Plek.TEKST, jaar: int | None = None, kop: bool = False,
              gelezen: bool = False, ingediend: date | None = None, namen: Namen = GEEN_NAMEN) -> tuple[Claim, ...]:
    """Every finding in ``text`` shown at ``plek``: errors and doubts, in text order.

    ``jaar``: the year the proposal was submitted; ``ingediend``: the day
    (``datumIngediend``): a decision dated before it is an earlier decision, one dated
    on or after it cannot be. ``kop``: a heading or title a clerk wrote (strict, like
    a label). ``gelezen``: ``text`` is already read as a reader sees it
    (:func:`raadsinfo.reading.lees`), so that offsets stay valid. ``namen``: the names
    of this municipality (:class:`Namen`).

    A word written apart or with digits (:data:`VERHULD`) is judged as the reader
    reads it; a finding's ``begin`` is still an offset in ``text`` as read.
    """
    if not text:
        return ()
    text = text if gelezen else lees_veld(text)
    if not text:
        return ()
    herstel = VERHULD.herstel(text)
    heel = herstel.tekst if herstel else text
    vorm = zonder_accenten(heel)
    if not has_trigger(vorm):
        return ()
    if jaar is None and ingediend is not None:
        jaar = ingediend.year
    found = _beoordeel(heel, vorm, plek, jaar, kop, ingediend, _taal(namen))
    if herstel is None:
        return found
    out = []
    for c in found:
        verhuld = [w for s, e, w in herstel.woorden if s < c.begin + len(c.gevonden) and c.begin < e]
        waarom = c.waarom
        if verhuld:
            waarom = (f"{waarom}; " if waarom else "") + "een lezer leest " + ", ".join(
                f"'{w}' als '{heel[s:e]}'" for s, e, w in herstel.woorden if w in verhuld)
        out.append(Claim(c.regel, c.gevonden, text, c.ernst, c.zin, waarom, herstel.bron(c.begin)))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def _beoordeel(text: str, vorm: str, plek: Plek, jaar: int | None, kop: bool, ingediend: date | None,
               taal: _Taal) -> tuple[Claim, ...]:
    out: list[Claim] = []
    vraag: list[Claim] = []  # the doubts of a question just before: "Is het aangenomen? Ja."
    for k, (s, e) in enumerate(zinnen(vorm)):
        zin = vorm[s:e]
        if vraag and _JA.match(zin):
            for c in vraag:
                out[out.index(c)] = Claim(c.regel, c.gevonden, c.tekst, Ernst.FOUT, c.zin,
                                          "een vraag met 'ja' als antwoord zegt dat er al besloten is", c.begin)
        vraag = []
        if not has_trigger(zin):
            continue
        # The year and day only matter to a sentence that names a time: leave them out
        # of the cache key of the others, so that a sentence is judged once for all
        # dossiers.
        tijd = bool(_JAARTAL.search(zin) or _DATUM.search(zin))
        for i, a, b, ernst, waarom in _zin_vondsten(zin, plek, jaar if tijd else None,
                                                    ingediend if tijd else None, k == 0, kop, taal):
            stuk = text[s + a:s + b]
            gevonden = stuk.lstrip(" |:–—").rstrip()
            begin = s + a + (len(stuk) - len(stuk.lstrip(" |:–—")))
            out.append(Claim(_RULES[i][0], gevonden, text, ernst, text[s:e].strip(), waarom, begin))
            if ernst is Ernst.TWIJFEL and zin.rstrip().endswith("?"):
                vraag.append(out[-1])
    out.sort(key=lambda c: c.begin)
    return tuple(out)


def claims(text: str, plek: Plek = Plek.TEKST, jaar: int | None = None, kop: bool = False,
           ingediend: date | None = None, namen: Namen = GEEN_NAMEN) -> list[Claim]:
    """The errors in ``text`` shown at ``plek``: what must stop a build.

    A doubtful sentence in running text is not in here (it is a warning, see
    :func:`beoordeel`); in a label or status it is. Results are cached: a site
    repeats the same badge and card texts on many pages.
    """
    return [c for c in beoordeel(text, plek, jaar, kop, ingediend=ingediend, namen=namen) if c.fout]
