"""The language of the labelling rule: which sentences present a dossier as decided.

The rule ("voorstel, niet besluit") is about *presenting* something as decided, not
about the letters b-e-s-l-u-i-t. An undecided proposal may say "ontwerpbesluit",
"conceptbesluit", "voorgesteld besluit", "besluitvorming", name a regulation ("het
Besluit Jeugdwet"), quote the standard draft decision ("De raad van de gemeente
Harderwijk; gelezen ...; besluit: 1. ... vast te stellen"), say "de raad besluit op
10 december", or tell what *others* decided: "De provincie heeft besloten de weg te
verbreden", "De rechter heeft het bezwaar afgewezen", "Eerder besloot de raad in 2019
...", "Het plan is pas definitief als de raad ja zegt". It may never carry a decision
label, or claim that the council, the college or "het plan" has been decided.

This module is the one place where that language is written down, as data:

* :data:`TOEGESTAAN` (allowed): phrases that look like a claim but never are. They
  are *masked* (blanked out) before any rule is applied.
* :data:`REGELS` (rules): each with a Dutch reason (``reden``) and what to write
  instead (``schrijf``), the places (:class:`Plek`) where it applies, and its kind:

  - a *label* ("Besluit: ...", "Aangenomen: ...", a bare "aangenomen" in a title or
    badge) is judged without context: a label cannot be about someone else;
  - a *claim* (a decision verb: "heeft besloten", "is aangenomen", "besloot",
    "stemde in", and the synonyms: akkoord, ja gezegd, groen licht, bekrachtigd,
    goedgekeurd, "is rond", "gaat door", English adopted/approved/decided) is judged
    in its sentence (:func:`_oordeel`): whose decision is it, and when?

How a claim is judged, in this order:

1. a *condition* ("als", "wanneer", "zodra", "pas als", "indien", a modal verb such
   as "moet ... hebben besloten") or a *question* makes it no claim, resp. doubtful;
2. a sign that it is *earlier* ("eerder", "destijds", "vorig jaar", "in het
   verleden", a year before the proposal's year) makes it no claim; a year that is
   the proposal's year or later (or unknown) makes it doubtful;
3. its *subject*: another body (provincie, Rijk, kabinet, minister, rechter, Raad van
   State, waterschap, Gedeputeerde Staten, another gemeente, de regio, an earlier
   raad, inwoners, ...) makes it no claim; this proposal, the council, the college,
   de gemeente, a fractie, "het plan", "dit voorstel", "wij", or no subject at all (a
   passive without "door ...") make it an error; a subject that can be either (de
   commissie, de burgemeester, "zij", an unknown name) makes it doubtful.

A doubtful claim (:attr:`Ernst.TWIJFEL`) is a warning in running text, which a
record can confirm with a reason; in a label, badge, title or heading it is an error,
since those cannot be confirmed. Texts are read as a reader sees them first
(:func:`raadsinfo.reading.lees_veld`: Unicode normalised, hidden characters out,
look-alike letters folded, markup out).

Use :func:`beoordeel` for every finding (errors and doubts), :func:`claims` for the
errors only (what must stop a build), :func:`has_voorstel_label` and
:func:`has_besluit_label` for the positive side of the rule.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .reading import lees_veld


class Plek(StrEnum):
    """Where a text is shown; decides which rules apply."""

    LABEL = "label"  # <title>, h1, og:title, breadcrumb, feed entry title, calendar SUMMARY
    STATUS = "status"  # a status badge, a status value in an export or a search filter
    TEKST = "tekst"  # running text: descriptions, card entries, summaries


class Ernst(StrEnum):
    """How bad a finding is."""

    FOUT = "fout"  # presents the dossier as decided: stops the build
    TWIJFEL = "twijfel"  # can be read either way: a warning, which a record may confirm


ALLE = frozenset(Plek)
KORT = frozenset({Plek.LABEL, Plek.STATUS})
TEKST = frozenset({Plek.TEKST})

#: The municipality of this site (``pelicanconf.GEMEENTE``) and its villages: "de raad
#: van de gemeente Harderwijk" is this council, "de raad van Ermelo" another one.
EIGEN_NAMEN = ("Harderwijk", "Hierden")

# Building blocks (used inside the patterns below).
_W = r"[\w'’-]+"  # one word
_NEG = r"(?:niet|niets|nooit|geen|nog)"  # negation (and "nog", as in "nog te besluiten")
_HEBBEN = ("heeft", "hebben", "had", "hadden")
_ZIJN = ("is", "zijn", "was", "waren", "werd", "werden")
_HULP = "(?:" + "|".join(_HEBBEN + _ZIJN) + ")"
_EIGEN = "(?:" + "|".join(EIGEN_NAMEN) + ")"
_RAAD = (r"(?:de\s+(?:gemeente)?raad|het\s+college(?:\s+van\s+b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?)?"
         r"|de\s+gemeente|burgemeester\s+en\s+wethouders|b\s*(?:en|&)\s*w)")
#: A participle or state that says a decision has been taken.
_UITSLAG = (r"besloten|beslist(?=\s*(?:[.,;:!?]|$)|\s+(?:dat|om|over|door|in|op|tot|en)\b)|aangenomen(?!\s+dat\b)|"
            r"verworpen|vastgesteld(?!\s+dat\b)|goedgekeurd|afgewezen|ingestemd|bekrachtigd|aanvaard|geaccordeerd|"
            r"afgehamerd|beklonken|omarmd|weggestemd|doorgehakt|geschaard|uitgesproken(?=\s+(?:voor|tegen)\b)")
_STAAT = (r"definitief|akkoord(?:\s+gegaan)?|rond(?=\s*(?:[.,;:!?]|$))|een\s+feit(?=\s*(?:[.,;:!?]|$))|"
          r"het\s+eens(?=\s+(?:met|over)\b)|(?:unaniem|massaal)\s+(?:voor|tegen)(?=\s*(?:[.,;:!?]|$))|"
          r"erdoor(?:\s+gekomen)?(?=\s*(?:[.,;:!?]|$))")
_UITDRUKKING = (r"ja\s+gezegd|nee\s+gezegd|(?:het\s+)?groene?\s+licht\s+(?:gegeven|gekregen)|"
                r"(?:een\s+)?(?:" + _W + r"\s+)?meerderheid\s+(?:gehaald|gekregen)|"
                r"(?:toestemming|goedkeuring|akkoord|het\s+fiat)\s+(?:gegeven|gekregen)|(?:voor|tegen)\s+gestemd|"
                r"(?:een|het|dit|dat|haar|zijn|hun)\s+(?:" + _W + r"\s+)?(?:besluit|beslissing)\s+genomen|"
                r"(?:als\s+)?hamerstuk\s+(?:afgedaan|afgehandeld)")
#: Words that end a clause or start a new one, for finding a claim's subject.
_VOORZETSELS = frozenset("""van aan met voor bij over naar tegen uit tot op in om onder zonder namens volgens dan
    als binnen buiten tussen via per na sinds tijdens vanuit richting jegens ten ter door dankzij wegens
    vanwege ondanks behalve""".split())
_VOEGWOORDEN = frozenset("""dat omdat doordat nadat zodat terwijl toen waarna waardoor waarmee waarin waarop
    hoewel want maar dus die wat wie welke""".split())
_VOORWAARDE = re.compile(r"\b(?:als|wanneer|zodra|indien|mits|tenzij|nadat|voordat|totdat|zolang|"
                         r"op\s+voorwaarde\s+dat|in\s+het\s+geval\s+dat|stel\s+dat)\b(?!\s+(?:hamerstuk|eerste|"
                         r"laatste|voorstel|ontwerp|onderdeel|volgt|gevolg|bijlage|basis)\b)", re.IGNORECASE)
_PAS = re.compile(r"\bpas\b", re.IGNORECASE)
_MODAAL = re.compile(r"\b(?:zal|zullen|zou|zouden|moet|moeten|kan|kunnen|mag|mogen|wil|willen|hoeft|hoeven|"
                     r"gaat|gaan|dient|dienen|lijkt|lijken|blijkt)\b", re.IGNORECASE)
_EERDER = re.compile(r"\b(?:eerder|eerdere|destijds|vroeger|toentertijd|toenmalige?|in\s+het\s+verleden|"
                     r"vorig\s+jaar|vorige\s+(?:raadsperiode|periode|raad|gemeenteraad|college|eeuw)|"
                     r"(?:\w+\s+)?jaar\s+geleden|jaren\s+geleden|al\s+in\s+(?:19|20)\d\d|sinds)\b", re.IGNORECASE)
_JAARTAL = re.compile(r"\b(?:19|20)\d\d\b")
_GRENS = re.compile(r"[;:()\[\]]|\s[–—-]\s")


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
    ``"naamwoord"`` ("besluit van de raad") only on condition and time.
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
_GEEN_REGELING = r"(?:van|over|tot|om|op|is|was|werd|inzake|dat|de|het|een|genomen|nemen|aangenomen|en|of|voor|in|met)"

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
    r"(?:het\s+)?(?:waterschap|hoogheemraadschap)(?:\s+(?-i:[A-Z]\w+)(?:\s+(?:en\s+)?(?-i:[A-Z]\w+)){0,3})?",
    r"(?:de\s+)?(?:veiligheidsregio|omgevingsdienst|ggd|regio|regiogemeenten|buurgemeenten?)",
    r"(?:de\s+|twee\s+|drie\s+|alle\s+)?andere\s+gemeenten?",
    r"(?:de\s+)?(?:gemeente(?:raad|n)?|college)\s+(?:van\s+)?(?:de\s+gemeente\s+)?(?!" + _EIGEN + r"\b)"
    r"(?!(?-i:B)\b|(?-i:Burgemeester)\b)(?-i:[A-Z][\w-]+)",
    r"(?:de\s+)?(?:gemeente)?raad\s+van\s+(?:de\s+gemeente\s+)?(?!" + _EIGEN + r"\b)(?-i:[A-Z][\w-]+)",
    r"(?:een\s+|de\s+|het\s+)?(?:eerdere|vorige|toenmalige|oude)\s+(?:gemeente)?(?:raad|college|kabinet)",
    r"(?-i:Rijkswaterstaat|ProRail|NS|EU|ACM|OM|IPO|VNG)", r"(?:de\s+)?europese\s+(?:unie|commissie|raad)",
    r"(?:het\s+)?europees\s+parlement", r"(?:de\s+)?autoriteit\s+(?-i:[A-Z]?)\w+",
    r"(?:de\s+)?(?:nationale\s+)?ombudsman", r"(?:de\s+)?(?:algemene\s+)?rekenkamer(?:commissie)?",
    r"(?:de\s+)?accountant", r"(?:het\s+)?openbaar\s+ministerie", r"(?:de\s+)?(?:politie|brandweer)",
    r"(?:de\s+)?(?:woning)?corporaties?", r"(?:de\s+|het\s+)?school(?:bestuur|besturen)?",
    r"(?:de\s+)?(?:eigenaars?|eigenaren|(?:project)?ontwikkelaars?|aannemers?|bedrijf|bedrijven|ondernemers?|"
    r"verenigingen?|stichtingen?|club|clubs|bond)",
    r"(?:de\s+|veel\s+|alle\s+)?(?:inwoners|bewoners|omwonenden|buren|winkeliers|ouders|leerlingen|jongeren|ouderen|"
    r"deelnemers|kiezers|huurders)",
    r"(?:de\s+)?(?:adviesraad|wijkraad|dorpsraad|ondernemingsraad|jongerenraad|cliëntenraad|seniorenraad|"
    r"participatieraad|bezwaarschriftencommissie|welstandscommissie|monumentencommissie|"
    r"commissie\s+(?:bezwaarschriften|m\.e\.r\.|voor\s+de\s+\w+))",
)

#: This council and this proposal: a decision of theirs is the claim the rule forbids.
DIT_ORGAAN = (
    r"(?:de\s+)?(?:gemeente)?raad(?:\s+van\s+(?:de\s+gemeente\s+)?" + _EIGEN + r")?",
    r"(?:het\s+)?college(?:\s+van\s+(?:b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?))?",
    r"burgemeester\s+en\s+wethouders", r"(?-i:B)\s*(?:en|&)\s*(?-i:W)",
    r"(?:de\s+)?gemeente(?:\s+" + _EIGEN + r")?", r"(?:het\s+)?gemeentebestuur", _EIGEN,
    r"wij|we", r"(?:de\s+)?(?:wethouders?|portefeuillehouders?)",
    r"(?:de\s+|alle\s+|een\s+|twee\s+|drie\s+|vier\s+|vijf\s+|zes\s+|\d+\s+)?(?:fracties?|partijen|"
    r"coalitie(?:partijen)?|oppositie(?:partijen)?|meerderheid|minderheid|raadsleden|raadslid)",
    r"(?:de\s+|het\s+)?(?-i:VVD|CDA|D66|PvdA|GroenLinks|GL|SGP|ChristenUnie|CU|SP|PVV|JA21|BBB|Volt|FvD|PvdD|DENK|"
    r"50PLUS|Gemeentebelang|Harderwijk\s+Anders)",
    r"(?:het|dit|dat|deze|ons)\s+(?:raads)?(?:voorstel|plan|besluit)",
)

#: Could be this council or not: a decision of theirs is doubtful.
TWIJFEL_ORGAAN = (
    r"(?:de\s+)?commissie(?:\s+(?:ruimte|samenleving))?", r"(?:de\s+)?burgemeester", r"zij|ze|hij|men",
)

_ORGAAN_KERN = (r"(?:(?P<ander>" + "|".join(ANDERE_ORGANEN) + r")|(?P<dit>" + "|".join(DIT_ORGAAN) + r")|(?P<twijfel>"
                + "|".join(TWIJFEL_ORGAAN) + r"))(?![\w-])")
_ORGAAN = re.compile(r"\b" + _ORGAAN_KERN, re.IGNORECASE)

TOEGESTAAN: tuple[Toegestaan, ...] = (
    Toegestaan("regeling-bekend", "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in REGELINGEN),
               "de naam van een bestaande regeling"),
    Toegestaan("regeling-vorm",
               rf"(?-i:\bBesluit)\s+(?!{_GEEN_REGELING}\b)(?:(?-i:[a-zà-ÿ]{{3,}})(?:\s+(?-i:[a-zà-ÿ]+)){{0,5}}|"
               r"(?-i:[A-Z][a-z]*wet)\b(?:\s+(?-i:[a-zà-ÿ]+)){0,3})",
               "een hoofdletter-B 'Besluit' gevolgd door kleine letters of de naam van een wet is een regeling"),
    Toegestaan("besluit-ander",
               r"\b(?:raads|college)?(?:besluit|besluiten|beslissing|uitspraak)\s+(?:van\s+|door\s+)?(?:"
               + "|".join(ANDERE_ORGANEN) + r")",
               "een besluit van een andere overheid of instantie"),
    Toegestaan("college-stelt-voor",
               r"\bbesloten(?:\s+om)?\s+(?:aan\s+)?de\s+(?:gemeente)?raad\s+(?:" + _W + r"\s+){0,6}?"
               r"(?:voor\s+te\s+stellen|te\s+vragen|voor\s+te\s+leggen|aan\s+te\s+bieden)",
               "het college besluit de raad iets voor te stellen: dat is juist een voorstel"),
    Toegestaan("voorgesteld",
               r"\b(?:voorgesteld|gevraagd|beoogd|voorgenomen|concept|ontwerp)e?\s+(?:raads)?(?:besluit|beslissing)"
               r"(?:en)?\b",
               "een voorgesteld of gevraagd besluit is nog geen besluit"),
    Toegestaan("nog-niet",
               r"\bnog\s+" + r"(?:niet|niets|nooit|geen)" + r"\b(?:\s+" + _W + r"){0,5}?\s+(?:" + _UITSLAG + "|"
               + _STAAT + r"|besluit|beslissing|ja\s+gezegd|groen\s+licht)\b(?:\s+genomen|\s+gegeven)?",
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
    Toegestaan("besloten-vergadering",
               r"\bbesloten\s+(?:vergadering|bijeenkomst|zitting|deel|overleg|sessie|gedeelte|raadsvergadering|"
               r"commissievergadering|karakter)\b|\bin\s+beslotenheid\b",
               "'besloten' als 'niet openbaar'"),
    Toegestaan("definitief-ontwerp", r"\bdefinitie(?:f|ve)\s+(?:ontwerp|schetsontwerp)\w*",
               "'definitief ontwerp' is een fase van het ontwerp, geen besluit"),
    Toegestaan("besluit-wacht",
               r"\b(?:na|voor|vóór|tot|zonder|afhankelijk\s+van|in\s+afwachting\s+van|wacht(?:en|t)?\s+op|"
               r"voorafgaand\s+aan)\s+(?:het|een|dit|dat)\s+(?:raads)?(?:besluit|beslissing)\b"
               r"(?:\s+van\s+" + _RAAD + r")?",
               "een besluit dat nog komt: 'na het besluit van de raad'"),
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
               "de vaste opening van een ontwerpbesluit: 'De raad van de gemeente Harderwijk besluit:'", TEKST),
    Toegestaan("formule-slot",
               r"\baldus\s+(?:besloten|vastgesteld)\b[^.!?]*?(?:…|\.\.\.|\[|<|\bxx|_{2,}|\(datum\)|\bdatum\b)",
               "het slot van een ontwerpbesluit met de datum nog open", TEKST),
)

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
        r"^\W*(?:raads|college)?(?:besluit|besluiten|besloten|beslist)\s*(?::|\||–|—|\s-\s)",
        "'Besluit:' (of 'Besloten:') als label zegt dat er al besloten is",
        "Voorstel aan de raad: ...",
    ),
    Regel(
        "label-uitslag",
        r"(?:^|[|:–—]\s*)\W*(?:unaniem\s+|geamendeerd\s+)?(?:aangenomen|verworpen|vastgesteld|goedgekeurd|afgewezen|"
        r"definitief|besloten|bekrachtigd|afgehamerd|akkoord)\s*(?::|\||–|—|\s-\s|[.!]?\s*$)"
        r"|\b(?:status|uitslag|uitkomst|resultaat|besluitresultaat)\s*:\s*(?:unaniem\s+|geamendeerd\s+)?(?:aangenomen|"
        r"verworpen|besloten|vastgesteld|goedgekeurd|afgewezen|definitief|akkoord|hamerstuk|afgehamerd)\b",
        "een uitslag als label ('Aangenomen:') zegt dat de raad al gestemd heeft",
        "Voorstel aan de raad: ...",
    ),
    Regel(
        "label-engels",
        r"(?:^\W*(?:decision|decided|adopted|approved|rejected|passed|enacted|resolution)\b\s*(?:[:|–—]|\s-\s)?|"
        r"\b(?:decision|status|result|outcome|resolution)\s*:\s*(?:adopted|approved|decided|passed|rejected|accepted|"
        r"enacted|carried)\b|\b(?:has|have|had|is|was|were)\s+(?:been\s+)?(?:" + _W + r"\s+){0,3}?(?:decided|adopted|"
        r"approved|rejected|passed|enacted|carried)\b)",
        "Engelse woorden voor een besluit ('Decision: adopted') zeggen dat er al besloten is",
        "Voorstel aan de raad: ... (in het Nederlands)",
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
    # --- a decision as a noun: judged on condition and time ---
    Regel(
        "besluit-van",
        r"\b(?:raads)?(?:besluit|besluiten|beslissing)\s+van\s+(?:" + _RAAD + r"|burgemeester)",
        "'besluit van de raad' zegt dat de raad al besloten heeft",
        "voorstel aan de raad (of: 'het voorgestelde besluit'); gaat het over een eerder besluit, zeg dan "
        "'het eerdere besluit van de raad (2019)'",
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
        "verleden-tijd",
        r"\b(?P<fin>besloot|besloten(?=\s+(?:om|dat|tot|de|het|een|in|op|met|over|unaniem|eerder|destijds|toen)\b)|"
        r"besliste|beslisten|verwierp|verwierpen|bekrachtigde|bekrachtigden|aanvaardde|aanvaardden)\b"
        r"|\b(?P<fin2>stemde|stemden)\b(?:\s+" + _W + r"){0,6}?\s+(?:in|voor|tegen)\b(?!\s+(?:een|de|het)\s+"
        r"(?:enquête|peiling|vergadering|bijeenkomst)\b)"
        r"|\b(?P<fin3>keurde|keurden)\b(?:\s+" + _W + r"){0,6}?\s+goed\b"
        r"|\b(?P<fin4>nam|namen)\b(?:\s+" + _W + r"){0,6}?\s+aan(?=\s*(?:[.,;:!?]|$))"
        r"|\b(?P<fin5>stelde|stelden)\b(?:\s+" + _W + r"){0,6}?\s+vast(?=\s*(?:[.,;:!?]|$))"
        r"|\b(?P<fin6>wees|wezen)\b(?:\s+" + _W + r"){0,6}?\s+af(?=\s*(?:[.,;:!?]|$))"
        r"|\b(?P<fin7>gaf|gaven)\b(?:\s+" + _W + r"){0,6}?\s+(?:(?:het\s+)?groene?\s+licht|toestemming|goedkeuring|"
        r"akkoord|het\s+fiat)\b"
        r"|\b(?P<fin8>zei|zeiden)\s+(?:" + _W + r"\s+){0,3}?ja\b"
        r"|\b(?P<fin9>ging|gingen)\s+(?:" + _W + r"\s+){0,3}?akkoord\b"
        r"|\b(?P<fin10>kreeg|kregen|haalde|haalden)\b(?:\s+" + _W + r"){0,4}?\s+(?:(?:het\s+)?groene?\s+licht|"
        r"toestemming|goedkeuring|meerderheid)\b"
        r"|\b(?P<fin11>omarmde|omarmden)\b"
        r"|\b(?P<fin12>stemde|stemden)\b(?:\s+" + _W + r"){1,6}?\s+weg(?=\s*(?:[.,;:!?]|$))"
        r"|\b(?P<fin13>hakte|hakten)\b(?:\s+" + _W + r"){0,4}?\s+knoop\s+door\b",
        "een werkwoord in de verleden tijd ('besloot', 'stemde in', 'gaf groen licht') zegt dat er al besloten is",
        "de raad stemt op <datum> over het voorstel",
        soort="bewering",
    ),
    Regel(
        "tegenwoordige-tijd",
        r"\b(?P<fin>gaat|gaan)\s+(?:" + _W + r"\s+){0,4}?akkoord\b"
        r"|\b(?P<fin2>stemt|stemmen)\s+(?:" + _W + r"\s+){0,6}?in\s+met\b"
        r"|\b(?P<fin3>keurt|keuren)\b(?:\s+" + _W + r"){0,6}?\s+goed(?=\s*(?:[.,;:!?]|$))"
        r"|\b(?P<fin4>zegt|zeggen)\s+ja\b|\bja\s+(?P<fin5>zegt|zeggen)\b"
        r"|\b(?P<fin6>geeft|geven|krijgt|krijgen)\b(?:\s+" + _W + r"){0,4}?\s+(?:het\s+)?groene?\s+licht\b"
        r"|\b(?:raads)?besluit\s+(?P<fin8>ligt|lag)\s+er(?=\s*(?:[.,;:!?]|$))"
        r"|\b(?P<fin7>gaat|gaan|ging|gingen)\s+(?:(?:dus|toch|nu|zeker|definitief|gewoon|echt|wel)\s+)?"
        r"door(?=\s*(?:[.,;:!?]|$))",
        "de tegenwoordige tijd als uitslag ('de raad gaat akkoord', 'het plan gaat door') zegt dat er al besloten "
        "is",
        "het college stelt de raad voor ...; de raad besluit op <datum>",
        soort="bewering",
    ),
    Regel(
        "zinsbegin-uitslag",
        r"^\W*(?:unaniem\s+|geamendeerd\s+|definitief\s+)?(?P<fin>aangenomen|verworpen|goedgekeurd|vastgesteld|"
        r"besloten|afgewezen|bekrachtigd|afgehamerd|weggestemd)\b(?!\s*(?::|\||–|—|\s-\s))"
        r"|^\W*(?P<fin2>hamerstuk)\W*$"
        r"|^\W*(?P<fin3>goedkeuring|toestemming|(?:het\s+)?groene?\s+licht)\s+(?=(?:van|door)\s)",
        "een zin die met een uitslag begint ('Aangenomen door de raad.') zegt dat er al besloten is",
        "de raad stemt op <datum> over het voorstel",
        plekken=TEKST, soort="bewering",
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
        r"\b(?:besluit|beslissing)\s+(?P<fin>is|werd|zijn|werden)\s+genomen\b",
        "'het besluit is genomen' zegt dat er al besloten is",
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

_FLAGS = re.IGNORECASE | re.UNICODE


def _allowed(plek_of_kop) -> re.Pattern:
    return re.compile("|".join(f"(?:{t.patroon})" for t in TOEGESTAAN if plek_of_kop in t.plekken), _FLAGS)


#: The allowed phrases as one alternation per place: one pass over a sentence.
_ALLOWED = {Plek.TEKST: _allowed(Plek.TEKST), Plek.LABEL: _allowed(Plek.LABEL), Plek.STATUS: _allowed(Plek.STATUS)}
_RULES = [(r, re.compile(r.patroon, _FLAGS)) for r in REGELS]
#: Every rule needs one of these stems (searched in lower-cased text); a sentence
#: without them is skipped at once. A test checks every rule's matches hold one.
#: Plain words are looked for with ``in``, at C speed; the others with their own small
#: pattern, after a plain part of it was found with ``in``: one alternation of them
#: all made ``re`` try every branch at every position (half a millisecond for a body
#: of 2,500 characters, most of the check's time).
TRIGGERS = (
    "besl", "aangenom", "verworp", "verwierp", "vastgest", "stelde", "goedgek", "keur", "afgewez", "definitie",
    "unaniem", "geamend", "stemd", "gestemd", "akkoord", "bekrachtig", "aanvaard", "accordeer", "hamer",
    "beklonken", "toestemming", "goedkeuring", "aldus", "adopt", "approv", "decid", "decision", "reject", "passed",
    "enact", "resolution", "carried", "omarm", "meerderheid", "erdoor", "doorgehakt", "knoop", "geschaard",
    "uitgesproken",
    # Each starts with its literal (the part before the first sign), so that ``re`` can
    # jump to it; a word boundary before it is checked after it, by a lookbehind.
    r"wees(?<!\wwees)\b", r"wezen(?<!\wwezen)\b", r"stem(?:t|men)\s(?:\S+\s){0,6}?in\s+met", r"ja(?<!\wja)\b",
    r"nee\s+gezegd", r"groen(?:e)?\s+licht", r"het\s+eens", r"rond(?<!\wrond)\s*(?:[.,;:!?]|$)",
    r"feit\b", r"fiat\b", r"door\s*(?:[.,;:!?]|$)", r"nam(?<!\wnam)(?:en)?\b",
)
_TRIGGER_STEMS = "|".join(f"(?:{t})" for t in TRIGGERS)
_TRIGGER = re.compile(_TRIGGER_STEMS, _FLAGS)
_STAMMEN = tuple(t for t in TRIGGERS if t.isalpha())
_KANDIDATEN = tuple((re.match(r"[a-z]+", t).group(0), re.compile(t)) for t in TRIGGERS if not t.isalpha())
#: The only non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter
#: (İ ı ſ and the Kelvin sign); a text without them may be lower-cased instead.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_VOORSTEL = re.compile(r"\b(?:raads)?voorstel\b", _FLAGS)
_BESLUIT = re.compile(r"\b(?:raads)?besluit\b", _FLAGS)
_BESLUIT_LABEL = re.compile(r"\s*(?:raads)?besluit\s*:", _FLAGS)
_MASK = "#"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u00ad": ""})
#: The same, as pairs; no replacement holds a character that is replaced.
_QUOTE_PAIRS = tuple((chr(code), value) for code, value in _QUOTES.items())
#: Abbreviations whose dot does not end a sentence (those of :mod:`raadsinfo.b1` and a
#: few of laws and titles), lower case, without the final dot.
_AFKORTINGEN = frozenset("""bijv bv o.a d.w.z enz etc ca nr mr dhr mevr e.d i.p.v m.b.t t.a.v z.s.m incl excl max
    min o.b.v e.a vs jl a.s m.i.v evt art blz jo lid ir ing drs dr prof st t.b.v o.g.v m.u.v resp i.o.m n.a.v
    i.v.m a.u.b z.o.z v.w.b p pag wt no""".split())
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

    @property
    def twijfel(self) -> bool:
        return self.ernst is Ernst.TWIJFEL

    def melding(self) -> str:
        """Dutch: why, and what to write instead."""
        soort = "Twijfelgeval: " if self.twijfel or self.regel.twijfel else ""
        waarom = f" ({self.waarom})" if self.waarom else ""
        return f"{soort}{self.regel.reden}{waarom}. Schrijf in plaats daarvan: {self.regel.schrijf}"


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
        # character in Python's slow path: a whole page took a millisecond.
        for char, replacement in _QUOTE_PAIRS:
            if char in text:
                text = text.replace(char, replacement)
    # ``re.sub(r"\s+", " ", text).strip()``, in C: ``str.split`` splits on exactly the
    # characters ``\s`` matches (both ask ``Py_UNICODE_ISSPACE``; a test checks).
    return " ".join(text.split())


def mask(text: str, plek: Plek = Plek.TEKST) -> str:
    """Blank out every allowed phrase for ``plek`` (same length, so positions stay valid).

    The mask character is not a word character, so a rule can neither match inside
    an allowed phrase nor bridge over it. The alternation is tried only where a
    phrase can start (at the start of a word, and at each "b" for the names of
    regulations): ``re`` tries a case-insensitive alternation at every character,
    the slow way. Tried at those places from left to right, going on after each
    phrase found, it finds the same phrases as one ``sub`` (:func:`_mask_whole`;
    tests compare both): no phrase can be empty.
    """
    allowed = _ALLOWED[plek]
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


def _mask_whole(text: str, plek: Plek = Plek.TEKST) -> str:
    """:func:`mask` as one ``sub`` over the whole text: the reference."""
    return _ALLOWED[plek].sub(lambda m: _MASK * len(m.group(0)), text)


#: Where a word starts: every allowed phrase but a regulation's name starts there.
_WORD_START = re.compile(r"\b\w")
#: Where a regulation's name can start (they all start with "Besluit").
_B = re.compile("[bB]")


def has_trigger(text: str) -> bool:
    """Does ``text`` hold a stem every rule needs? ``_TRIGGER.search(text)``, but fast.

    Not cached: it is asked about whole Markdown bodies, and the judgement of each
    sentence after it is cached already."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return _TRIGGER.search(text) is not None
    low = text.lower()
    return any(s in low for s in _STAMMEN) or any(k in low and p.search(low) for k, p in _KANDIDATEN)


# --- sentences ---------------------------------------------------------------------------


def zinnen(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a read text: cut after . ! ? and a space.

    Not after an abbreviation ("bijv.", "o.a.", "art."), an initial ("A. Jansen") or
    the number of a list item ("besluit: 1. ..."), so that "wethouder A. Jansen heeft
    besloten" stays one sentence with its subject.
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
    klasse: str  # "ander", "dit", "twijfel"
    tekst: str
    voor: str  # the word before it, lower case


def _organen(segment: str, offset: int) -> list[_Orgaan]:
    out = []
    for m in _ORGAAN.finditer(segment):
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


def _voorwaarde(zin: str, seg: tuple[int, int], fin_start: int, m_end: int, gat: str) -> bool:
    """Is the claim conditional: "als de raad het heeft aangenomen", "is pas definitief
    als ...", "Als X, dan is het plan definitief"?"""
    if _PAS.search(gat):
        return True
    voor = zin[seg[0]:fin_start]
    laatste = None
    for c in _VOORWAARDE.finditer(voor):
        laatste = c
    if laatste is not None:
        tussen = voor[laatste.end():]
        if "," not in tussen:
            return True
        if re.fullmatch(r"\W*(?:dan|pas\s+dan)?\W*", tussen[tussen.rfind(",") + 1:], re.IGNORECASE):
            return True
    na = zin[m_end:seg[1]]
    return bool(re.match(r"\s*,?\s*(?:pas\s+)?(?:als|wanneer|zodra|indien|mits|op\s+voorwaarde\s+dat|nadat)\b", na,
                         re.IGNORECASE))


def _zinsdeel_begin(zin: str, seg: tuple[int, int], fin_start: int, organen: list[_Orgaan] | None = None) -> int:
    """Where the clause of the finite verb starts: after the last comma or subordinator
    before it, or after an "en"/"maar"/"of" that starts a clause with a body of its own."""
    organen = _organen(zin[seg[0]:seg[1]], seg[0]) if organen is None else organen
    begin = seg[0]
    for m in _BIJZIN.finditer(zin, seg[0], fin_start):
        begin = m.end()
    for m in _NEVENSCHIKKING.finditer(zin, begin, fin_start):
        if any(o.start == m.end() for o in organen):
            begin = m.end()
    return begin


def _onderwerp(zin: str, seg: tuple[int, int], fin_start: int, fin_end: int, lijdend: bool,
               agent_na: tuple[str, ...]) -> _Orgaan | None:
    """The subject (or, for a passive, the agent) of a claim, if it is a known body."""
    organen = _organen(zin[seg[0]:seg[1]], seg[0])
    agent = next((o for o in organen if o.start >= fin_start and o.voor in agent_na), None)
    if agent is not None and (lijdend or agent_na != ("door",)):
        return agent
    begin = _zinsdeel_begin(zin, seg, fin_start, organen)
    voor = [o for o in organen if begin <= o.start and o.end <= fin_start and o.voor not in _VOORZETSELS]
    if voor:
        return voor[0]
    stop = _BIJZIN.search(zin, fin_end, seg[1])
    einde = stop.start() if stop else seg[1]
    na = [o for o in organen if fin_end <= o.start < einde and o.voor not in _VOORZETSELS and o.start - fin_end < 40]
    return na[0] if na else None


#: Where a clause starts: a comma or a subordinator; "en"/"maar"/"of" before a body.
_BIJZIN = re.compile(r",|\b(?:" + "|".join(sorted(_VOEGWOORDEN)) + r")\b", re.IGNORECASE)
_NEVENSCHIKKING = re.compile(r"\b(?:en|maar|of)\s+", re.IGNORECASE)
_ONBEKEND_ONDERWERP = re.compile(r"(?:^|\s)(?:(?:de|het|een|alle|veel|sommige|enkele|die|deze)\s+" + _W
                                 + r"|(?-i:[A-Z][\w-]+))\s*$", re.IGNORECASE)
_VAN_ORGAAN = re.compile(r"\W*(?:de|het|een|dit|dat|deze|die)\s+(?:" + _W + r"\s+){1,2}?van\s+" + _ORGAAN_KERN,
                         re.IGNORECASE)
#: A motie or amendement as the subject of a passive, or the object of an active claim.
_ZAAK = re.compile(r"\b(?:de|het|een|die|deze|dat|twee|drie|alle)?\s*(motie|moties|amendement|amendementen)\b",
                   re.IGNORECASE)
#: After the vote: "Daarna is het plan definitief."
_DAARNA = re.compile(r"\b(?:daarna|dan|vervolgens|straks|later|na\s+de\s+stemming|na\s+afloop|"
                     r"na\s+het\s+besluit)\b", re.IGNORECASE)
_COLLEGE_VOORSTEL = re.compile(r"\b(?:raads)?voorstel\b", re.IGNORECASE)


def _oordeel(regel: Regel, m: re.Match, masked: str, zin: str, jaar: int | None,
             vraag: bool) -> tuple[Ernst | None, str]:
    """Judge one match of a claim or noun rule in its sentence: (ernst or None, why).

    ``masked`` is the sentence with the allowed phrases blanked out, ``zin`` the
    sentence itself (same length): bodies are looked for in ``zin``, so that "het
    besluit van de provincie" still names the provincie.
    """
    start, end = m.span()
    fin_start, fin_end, fin = _fin(m)
    seg = _segment(masked, start, end)
    gat = masked[fin_end:end]
    if regel.soort == "bewering":
        if _voorwaarde(masked, seg, fin_start, end, gat):
            return None, "voorwaarde"
        if fin in ("hebben", "zijn") and _MODAAL.search(masked, seg[0], fin_start):
            return None, "toekomst of mogelijkheid"
    elif _voorwaarde(masked, seg, start, end, ""):
        return None, "voorwaarde"
    if _EERDER.search(masked, seg[0], end):
        return None, "eerder"
    ernst: Ernst | None = Ernst.FOUT
    waarom = ""
    jaartal = _jaar_bij(masked, seg, start, end)
    if jaartal is not None:
        if jaar is not None and jaartal < jaar:
            return None, f"eerder: {jaartal}"
        ernst = Ernst.TWIJFEL
        waarom = (f"het jaartal {jaartal} is het jaar van dit voorstel of later: gaat het over een eerder besluit, "
                  "of over dit voorstel?" if jaar is not None else
                  f"er staat een jaartal bij ({jaartal}): gaat het over een eerder besluit, of over dit voorstel?")
    if regel.soort == "bewering":
        oordeel = _subject_oordeel(regel, m, masked, zin, seg, fin_start, fin_end, fin)
        if oordeel[0] is None:
            return oordeel
        if oordeel[0] is Ernst.TWIJFEL and ernst is Ernst.FOUT:
            ernst, waarom = oordeel
        elif not waarom:
            waarom = oordeel[1]
    if vraag and ernst is Ernst.FOUT:
        ernst = Ernst.TWIJFEL
        waarom = "een vraag, maar hij kan lezen alsof er al besloten is"
    return ernst, waarom


def _subject_oordeel(regel: Regel, m: re.Match, masked: str, zin: str, seg: tuple[int, int], fin_start: int,
                     fin_end: int, fin: str) -> tuple[Ernst | None, str]:
    pred = (m.groupdict().get("pred") or "").lower()
    lijdend = ((fin in _ZIJN and not pred.startswith(("akkoord", "ja ", "nee "))) or fin in ("krijgt", "krijgen",
               "kreeg", "kregen") or regel.code == "besluit-genomen"
               or regel.code == "zinsbegin-uitslag"
               or (regel.code == "tegenwoordige-tijd" and m.group("fin7") is not None))
    agent_na = (("door", "van") if (fin in ("krijgt", "krijgen", "kreeg", "kregen") or "gekregen" in pred
                                    or regel.code == "zinsbegin-uitslag") else ("door",))
    begin = _zinsdeel_begin(zin, seg, fin_start)
    # "De uitspraak van de rechter is definitief": the subject is a decision or plan
    # *of* another body.
    bezit = _VAN_ORGAAN.match(zin, begin, fin_start)
    if bezit and bezit.group("ander"):
        return None, f"andere instantie: {bezit.group('ander')}"
    # A motie is a decision of its own (it may be adopted while the voorstel is
    # postponed); an adopted amendement means the voorstel itself was voted on.
    object_einde = m.start("pred") if m.groupdict().get("pred") else m.end()
    zaak = _ZAAK.search(zin, begin, fin_start) if lijdend else _ZAAK.search(zin, fin_end, object_einde)
    if zaak is not None and zaak.group(1).lower().startswith("motie"):
        return None, "een motie is een eigen besluit"
    staat = pred.startswith(("definitief", "rond", "een", "akkoord")) and fin in ("is", "zijn")
    if staat and _DAARNA.search(zin, begin, fin_start):
        return None, "toekomst: 'daarna is het plan definitief'"
    orgaan = _onderwerp(zin, seg, fin_start, fin_end, lijdend, agent_na)
    if zaak is not None and (orgaan is None or orgaan.klasse != "ander"):
        return Ernst.TWIJFEL, (f"gaat '{zaak.group(0)}' over een amendement bij dit voorstel? Dan heeft de raad er "
                               "al over gestemd")
    if orgaan is not None:
        if orgaan.klasse == "ander":
            return None, f"andere instantie: {orgaan.tekst}"
        if orgaan.klasse == "twijfel":
            return Ernst.TWIJFEL, (f"wie is '{orgaan.tekst}'? Gaat het over de raad of het college en dit voorstel, "
                                   "of over iets anders?")
        if re.match(r"(?:het\s+)?college|burgemeester\s+en|b\s*(?:en|&)", orgaan.tekst, re.IGNORECASE) \
                and _COLLEGE_VOORSTEL.search(masked, seg[0], seg[1]) and not re.search(
                    r"\bbesluit\b", masked[seg[0]:seg[1]], re.IGNORECASE):
            return None, "het college stelde het voorstel vast: dat maakt het juist een voorstel"
        return Ernst.FOUT, f"het gaat over '{orgaan.tekst}'"
    # No known body as subject.
    alle = _organen(zin[seg[0]:seg[1]], seg[0])
    if any(o.klasse == "ander" for o in alle) and not any(o.klasse == "dit" for o in alle):
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


def _overlapt(a: int, b: int, spans) -> bool:
    return any(a < e and s < b for s, e in spans)


@lru_cache(maxsize=1 << 16)
def _zin_vondsten(zin: str, plek: Plek, jaar: int | None, eerste: bool,
                  kop: bool) -> tuple[tuple[int, int, int, Ernst, str], ...]:
    """(rule, start, end, ernst, why) of every finding in one sentence, in rule order.

    A match that overlaps an earlier finding is left out (the first, most specific
    rule wins). A claim judged allowed frees its words for no other rule, and the
    same rule is tried again just after its start, for a second claim inside it.
    """
    masked = mask(zin, Plek.LABEL if kop else plek)
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
                ernst, waarom = _oordeel(regel, m, masked, zin, jaar, vraag)
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


def beoordeel(text: str, plek: Plek = Plek.TEKST, jaar: int | None = None, kop: bool = False,
              gelezen: bool = False) -> tuple[Claim, ...]:
    """Every finding in ``text`` shown at ``plek``: errors and doubts, in text order.

    ``jaar``: the year the proposal was submitted (``datumIngediend``); a decision
    in an earlier year is an earlier decision. ``kop``: a heading or title a clerk
    wrote (strict, like a label). ``gelezen``: ``text`` is already read as a reader
    sees it (:func:`raadsinfo.reading.lees`), so that offsets stay valid.
    """
    if not text:
        return ()
    text = text if gelezen else lees_veld(text)
    if not text or not has_trigger(text):
        return ()
    return _beoordeel(text, plek, jaar, kop)


@lru_cache(maxsize=1 << 15)
def _beoordeel(text: str, plek: Plek, jaar: int | None, kop: bool) -> tuple[Claim, ...]:
    out: list[Claim] = []
    for k, (s, e) in enumerate(zinnen(text)):
        zin = text[s:e]
        if not has_trigger(zin):
            continue
        for i, a, b, ernst, waarom in _zin_vondsten(zin, plek, jaar, k == 0, kop):
            stuk = zin[a:b]
            gevonden = stuk.lstrip(" |:–—").rstrip()
            begin = s + a + (len(stuk) - len(stuk.lstrip(" |:–—")))
            out.append(Claim(_RULES[i][0], gevonden, text, ernst, zin.strip(), waarom, begin))
    out.sort(key=lambda c: c.begin)
    return tuple(out)


def claims(text: str, plek: Plek = Plek.TEKST, jaar: int | None = None, kop: bool = False) -> list[Claim]:
    """The errors in ``text`` shown at ``plek``: what must stop a build.

    A doubtful sentence in running text is not in here (it is a warning, see
    :func:`beoordeel`); in a label or status it is. Results are cached: a site
    repeats the same badge and card texts on many pages.
    """
    return [c for c in beoordeel(text, plek, jaar, kop) if c.fout]


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
    return bool(_BESLUIT.search(mask(normalise(text), Plek.LABEL)))


def voorstel_titel(titel: str) -> str:
    """The label as it should be written for an undecided dossier."""
    return f"Voorstel aan de raad: {titel}"
