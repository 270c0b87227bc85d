"""The language of the labelling rule (raadsinfo.labelling): claims, legitimate Dutch, doubts.

Every attack the testers found is an error, read as a reader reads it (hidden
characters, look-alike letters, markup); every kind of legitimate text a real griffie
writes has no finding at all; a sentence that can be read both ways is a warning in
running text and an error in a title, heading or label. The record-depth checks
(file, line, field, confirmations) are in test_wording_check.py.
"""

from __future__ import annotations

import pytest

from raadsinfo import labelling
from raadsinfo.labelling import Ernst, Plek, beoordeel, claims
from raadsinfo.labels import TABEL

L, S, T = Plek.LABEL, Plek.STATUS, Plek.TEKST
JAAR = 2026  # the year of the proposal in these cases

#: (text, place, heading or title?, the rule that must reject it)
ATTACKS = [
    # in a Markdown body: a heading and a sentence
    ("Besluit van de gemeenteraad", T, True, "label-begin"),
    ("De gemeenteraad heeft dit voorstel unaniem aangenomen.", T, False, "voltooid"),
    # synonyms of a decision
    ("De raad is akkoord.", T, False, "voltooid"),
    ("De raad is akkoord gegaan met het plan.", T, False, "voltooid"),
    ("De raad heeft ja gezegd.", T, False, "voltooid"),
    ("De raad heeft ja gezegd tegen het plan.", T, False, "voltooid"),
    ("De raad gaf groen licht voor de sporthal.", T, False, "verleden-tijd"),
    ("De raad heeft het plan bekrachtigd.", T, False, "voltooid"),
    ("Decision: adopted", T, False, "label-engels"),
    ("The council has adopted the proposal.", T, False, "label-engels"),
    ("De gemeenteraad heeft ingestemd met het plan.", T, False, "voltooid"),
    ("Het plan is goedgekeurd.", T, False, "voltooid"),
    ("Het plan is rond.", T, False, "voltooid"),
    ("Het plan gaat door.", T, False, "tegenwoordige-tijd"),
    ("De sporthal gaat definitief door!", T, False, "tegenwoordige-tijd"),
    ("De raad gaat akkoord met het plan.", T, False, "tegenwoordige-tijd"),
    ("De raad stemt in met het plan.", T, False, "tegenwoordige-tijd"),
    ("Het plan heeft groen licht gekregen van de raad.", T, False, "voltooid"),
    ("Het plan kreeg groen licht van de gemeenteraad.", T, False, "verleden-tijd"),
    ("De raad nam het voorstel aan.", T, False, "verleden-tijd"),
    ("De raad zei ja tegen de sporthal.", T, False, "verleden-tijd"),
    ("Aangenomen door de raad.", T, False, "zinsbegin-uitslag"),
    ("Uitslag: aangenomen.", T, False, "label-uitslag"),
    ("Besluit: de raad stemt in.", T, False, "label-besluit"),
    ("De raad besluit: de sporthal komt er.", T, False, "besluit-dubbelepunt"),
    ("Het voorstel is als hamerstuk afgedaan.", T, False, "voltooid"),
    ("De raad heeft het plan als hamerstuk aangenomen.", T, False, "voltooid"),
    ("Als hamerstuk is het voorstel aangenomen.", T, False, "voltooid"),
    ("Aldus besloten in de openbare vergadering van 10 december 2026.", T, False, "aldus-besloten"),
    ("Alle fracties waren het eens met het plan.", T, False, "voltooid"),
    ("Het voorstel haalde een ruime meerderheid.", T, False, "verleden-tijd"),
    ("De raad omarmde het plan.", T, False, "verleden-tijd"),
    ("De sporthal komt er: de raad is unaniem voor.", T, False, "voltooid"),
    ("Het plan is erdoor.", T, False, "voltooid"),
    ("De gemeenteraad stemde het voorstel weg.", T, False, "verleden-tijd"),
    ("De knoop is doorgehakt.", T, False, "voltooid"),
    ("Het besluit ligt er.", T, False, "tegenwoordige-tijd"),
    ("Hamerstuk.", T, False, "zinsbegin-uitslag"),
    ("Goedkeuring door de raad verkregen.", T, False, "zinsbegin-uitslag"),
    ("De raad: akkoord.", T, False, "label-uitslag"),
    ("De raad heeft zich achter het plan geschaard.", T, False, "voltooid"),
    ("De raad heeft zich uitgesproken voor het plan.", T, False, "voltooid"),
    ("De raad heeft het groene licht gegeven.", T, False, "voltooid"),
    ("Raad zegt ja tegen sporthal", T, False, "tegenwoordige-tijd"),
    ("Approved by the council.", T, False, "label-engels"),
    # the council, the college, de gemeente, fracties, "wij", "het plan", or no subject at all
    ("De raad heeft besloten de sporthal te bouwen.", T, False, "voltooid"),
    ("De raad HEEFT BESLOTEN", T, False, "voltooid"),
    ("De gemeenteraad heeft op 10 december besloten dat de sporthal er komt.", T, False, "voltooid"),
    ("Het is besloten om de weg af te sluiten.", T, False, "voltooid"),
    ("Wat besloten is, gaat door.", T, False, "tegenwoordige-tijd"),
    ("De gemeente heeft besloten.", T, False, "voltooid"),
    ("Het college heeft besloten.", T, False, "voltooid"),
    ("Het college heeft dit plan vastgesteld.", T, False, "voltooid"),
    ("Wij hebben dit plan goedgekeurd.", T, False, "voltooid"),
    ("Het plan is definitief.", T, False, "voltooid"),
    ("De raad besloot de sporthal te bouwen.", T, False, "verleden-tijd"),
    ("De fracties stemden in met het plan.", T, False, "verleden-tijd"),
    ("De VVD stemde voor het plan.", T, False, "verleden-tijd"),
    ("De raad keurde het plan goed.", T, False, "verleden-tijd"),
    ("Het voorstel is niet aangenomen.", T, False, "niet-aangenomen"),
    ("De raad heeft een besluit genomen over de sporthal.", T, False, "voltooid"),
    ("Het besluit is genomen.", T, False, "besluit-genomen"),
    ("Het voorstel werd unaniem aangenomen.", T, False, "voltooid"),
    ("De raad heeft het voorstel goedgekeurd.", T, False, "voltooid"),
    ("De begroting is vastgesteld.", T, False, "voltooid"),
    ("Besluit van de raad over de sporthal", T, False, "besluit-van"),
    ("Dit is een besluit van de gemeenteraad.", T, False, "besluit-van"),
    ("De provincie heeft de weg gepland en de raad is akkoord.", T, False, "voltooid"),
    ("Omdat het moet, heeft de raad besloten de weg af te sluiten.", T, False, "voltooid"),
    ("Volgens de provincie heeft de raad besloten de weg af te sluiten.", T, False, "voltooid"),
    ("Dankzij de motie heeft de raad het voorstel aangenomen.", T, False, "voltooid"),
    ("Daarna heeft de raad besloten de sporthal te bouwen.", T, False, "voltooid"),
    ("Het besluit is definitief.", T, False, "voltooid"),
    ("Het voorstel is definitief.", T, False, "voltooid"),
    # labels, badges and headings
    ("Raadsbesluit: nieuwe sporthal", L, False, "label-besluit"),
    ("Besluit: Bomen langs de Stationslaan vervangen", L, False, "label-besluit"),
    ("BESLOTEN: Bomen langs de Stationslaan", L, False, "label-besluit"),
    ("Besloten - Bomen langs de Stationslaan", L, False, "label-besluit"),
    ("besluit | Raadsinformatie Harderwijk", L, False, "label-besluit"),
    ("Definitief: nieuwe sporthal", L, False, "label-uitslag"),
    ("Aangenomen: nieuwe sporthal", L, False, "label-uitslag"),
    ("Voorstel aan de raad: Sporthal (aangenomen)", L, False, "statuswoord"),
    ("Voorstel aan de raad: Sporthal definitief", L, False, "statuswoord"),
    ("Hamerstuk: nieuwe sporthal", L, False, "statuswoord"),
    ("Voorstel, aangenomen", S, False, "statuswoord"),
    ("Voorstel, VERWORPEN", S, False, "statuswoord"),
    ("Vastgesteld", S, False, "label-uitslag"),
    ("Voorstel (raadsbesluit)", S, False, "statuslabel-besluit"),
    ("Besluit", S, False, "label-alleen"),
    ("Besluit tot aankoop van grond aan de Haven", L, False, "label-begin"),
    ("Aangenomen met grote meerderheid", T, True, "kop-uitslag"),
    ("Besluit", T, True, "label-alleen"),
    ("Besluit over de sporthal", T, True, "label-begin"),
    # found by the red team (more in tests/data/labelling/aanvallen.txt)
    ("Raadsbesluit.", T, False, "label-alleen"),
    ("Der Rat hat den Vorschlag angenommen.", T, False, "vreemde-taal"),
    ("✅ Nieuwe sporthal", L, False, "teken-uitslag"),
    ("Raadsbesluit van 10 december 2026", T, False, "besluit-datum"),
    ("Het aangenomen voorstel staat hieronder.", T, False, "besluit-bijvoeglijk"),
    ("Uitslag: 25 voor, 4 tegen.", T, False, "stemuitslag"),
    ("Nu de raad akkoord is, begint de bouw.", T, False, "bijzin-volgorde"),
    ("De raad koos voor dit plan.", T, False, "raad-kiest"),
    ("De kogel is door de kerk.", T, False, "uitdrukking"),
    ("De gemeenteraad heeft het licht op groen gezet.", T, False, "uitdrukking"),
    ("Dit voorstel is nu beleid.", T, False, "voorstel-geldt"),
    ("Sinds 28 januari is dit plan van kracht.", T, False, "voorstel-geldt"),
    ("Het plan ging als hamerstuk door.", T, False, "voorstel-geldt"),
    ("Er was een ruime meerderheid voor het plan.", T, False, "voorstel-geldt"),
    ("De raad gaat mee met het plan.", T, False, "raad-gaat-mee"),
    ("Het voorstel haalde het niet.", T, False, "voorstel-lot"),
    ("Sporthal goedgekeurd", T, False, "kopregel"),
    ("Het voorstel is een besluit geworden.", T, False, "is-besluit"),
    ("De motie is aangenomen, en het voorstel ook.", T, False, "ook-voorstel"),
]

#: (text, place, heading or title?): legitimate Dutch, never refused, never a warning.
LEGIT = [
    # other bodies
    ("De provincie heeft besloten de weg te verbreden.", T, False),
    ("De rechter heeft het bezwaar afgewezen.", T, False),
    ("Gedeputeerde Staten hebben ingestemd met het plan.", T, False),
    ("Het college van Gedeputeerde Staten heeft besloten subsidie te geven.", T, False),
    ("De gemeente Ermelo heeft besloten mee te doen.", T, False),
    ("De gemeenteraad van Nunspeet heeft het plan in september aangenomen.", T, False),
    ("De Raad van State heeft het bestemmingsplan goedgekeurd.", T, False),
    ("Het waterschap heeft de dijk goedgekeurd.", T, False),
    ("De minister van Binnenlandse Zaken heeft besloten dat gemeenten meer geld krijgen.", T, False),
    ("Het kabinet besloot de regels te veranderen.", T, False),
    ("Het Rijk heeft de subsidie toegekend en de provincie is akkoord.", T, False),
    ("De regio heeft ingestemd met de woondeal.", T, False),
    ("De accountant heeft de jaarrekening goedgekeurd.", T, False),
    ("Bewoners hebben ingestemd met de nieuwe indeling.", T, False),
    ("Samen met de gemeente heeft de provincie besloten de weg te verbreden.", T, False),
    ("Het plan is door de provincie goedgekeurd.", T, False),
    ("De uitspraak van de rechter is definitief.", T, False),
    ("Het bestemmingsplan van de provincie werd aangepast en is goedgekeurd.", T, False),
    ("Goedgekeurd door de provincie: de nieuwe weg komt er.", T, False),
    ("Goedkeuring van de provincie is nodig voor de nieuwe weg.", T, False),
    ("De provincie is het eens met de nieuwe route.", T, False),
    ("De buren zijn unaniem voor.", T, False),
    # earlier decisions
    ("Eerder besloot de raad in 2019 om een sporthal te bouwen.", T, False),
    ("De raad heeft eerder besloten dat er een sporthal komt.", T, False),
    ("Vorig jaar heeft de raad besloten het zwembad te sluiten.", T, False),
    ("In het verleden heeft de raad dit plan afgewezen.", T, False),
    ("Destijds stemde de raad in met het bomenplan.", T, False),
    ("In 2019 heeft de raad besloten dat er een sporthal komt.", T, False),
    ("Het eerder vastgestelde beleid wordt aangepast.", T, False),
    ("Het eerdere besluit van de raad uit 2019 wordt aangepast.", T, False),
    ("Het inpassingsplan van de provincie is in 2021 vastgesteld.", T, False),
    ("Op 12 maart 2024 heeft de raad de Omgevingsvisie vastgesteld.", T, False),
    ("De begroting 2025 is door de raad vastgesteld.", T, False),
    ("Met dit voorstel geeft de raad invulling aan de motie die op 10 maart 2025 is aangenomen.", T, False),
    # a motie is a decision of its own, also while the voorstel is postponed
    ("De motie 'Meer bomen' is aangenomen.", T, False),
    ("De raad heeft de stemming uitgesteld. De motie over meer bomen is wel aangenomen.", T, False),
    ("Het besluit van de provincie is definitief.", T, False),
    ("Rijkswaterstaat is akkoord.", T, False),
    # regulations and plan stages
    ("Het Besluit Jeugdwet schrijft dit voor.", T, False),
    ("Het Besluit ruimtelijke ordening schrijft dit voor.", T, False),
    ("het besluit activiteiten leefomgeving", T, False),
    ("Voorstel aan de raad: Aanpassing aan het Besluit bouwwerken leefomgeving", L, False),
    ("Voorstel aan de raad: Besluit digitale toegankelijkheid overheid toepassen", L, False),
    ("Besluit Gedeputeerde Staten over de N302", T, True),
    ("Het definitief ontwerp ligt ter inzage.", T, False),
    ("Het definitieve ontwerp is klaar.", T, False),
    # conditions and the future
    ("Het plan is pas definitief als de raad ja zegt.", T, False),
    ("Pas als de raad ja zegt, is het plan definitief.", T, False),
    ("Het plan wordt definitief als de raad ja zegt.", T, False),
    ("Als de raad het voorstel heeft aangenomen, begint de bouw.", T, False),
    ("Als de raad het voorstel aanneemt, is het plan definitief.", T, False),
    ("Zodra de raad heeft besloten, hoort u het van ons.", T, False),
    ("Wordt het voorstel aangenomen, dan begint de bouw in 2027.", T, False),
    ("De raad moet vóór 1 januari hebben besloten.", T, False),
    ("De raad besluit op 10 december.", T, False),
    ("De raad besluit naar verwachting in december.", T, False),
    ("De raad neemt een besluit op 10 december.", T, False),
    ("De raad neemt naar verwachting op 10 december een definitief besluit.", T, False),
    ("De raad gaat besluiten over de sporthal.", T, False),
    ("De raad moet nog besluiten.", T, False),
    ("Na het besluit van de raad begint de bouw.", T, False),
    ("De raad stemt op 10 december. Daarna is het bestemmingsplan definitief.", T, False),
    ("U leest hier wat de raad heeft besloten zodra de raad heeft gestemd.", T, False),
    ("De raad stemt naar verwachting op donderdag 10 december 2026.", T, False),
    # negation
    ("De gemeenteraad heeft nog niet besloten.", T, False),
    ("Dit is een voorstel. De gemeenteraad heeft er nog niet over besloten.", T, False),
    ("De raad heeft nog geen besluit genomen.", T, False),
    ("De raad heeft de stemming uitgesteld. Het voorstel komt later terug; er is nog niets besloten.", T, False),
    ("Het college heeft dit voorstel teruggenomen. De raad stemt er niet over; er is niets besloten.", T, False),
    # the words of a proposal
    ("Het ontwerpbesluit ligt ter inzage.", T, False),
    ("Het conceptbesluit staat hieronder.", T, False),
    ("De besluitvorming is op 10 december.", T, False),
    ("Voorgesteld besluit: een krediet van 1 miljoen euro.", T, False),
    ("Gevraagd besluit: de raad stelt het plan vast.", T, False),
    ("Zie de besluitenlijst van de commissie.", T, False),
    ("In een besloten vergadering sprak de commissie erover.", T, False),
    ("Het college stelt de raad voor een krediet beschikbaar te stellen.", T, False),
    ("Het college stelt de raad voor om hiermee in te stemmen.", T, False),
    ("Het college heeft besloten de raad voor te stellen een krediet beschikbaar te stellen.", T, False),
    ("Daarom heeft het college besloten de raad voor te stellen een krediet te geven.", T, False),
    ("Het college heeft op 16 april besloten om de gemeenteraad voor te stellen de sporthal te bouwen.", T, False),
    ("Het college heeft op 16 april 2026 ingestemd met dit raadsvoorstel.", T, False),
    ("Het college heeft ingestemd met de inhoud van dit raadsvoorstel.", T, False),
    ("Het college heeft het voorstel op 1 september vastgesteld en aan de raad aangeboden.", T, False),
    ("Burgemeester en wethouders hebben besloten de raad voor te stellen een krediet te geven.", T, False),
    ("Een boomdeskundige heeft vastgesteld dat de bomen ziek zijn.", T, False),
    ("In de begroting is aangenomen dat de rente 2 procent blijft.", T, False),
    ("Het is beslist nodig om de bomen te kappen.", T, False),
    ("De bouw gaat door tot 2027.", T, False),
    ("Het voorstel staat als hamerstuk op de agenda.", T, False),
    ("Wethouder A. Jansen heeft het voorstel op 16 april toegelicht.", T, False),
    # the standard draft decision, in gevraagdBesluit, ontwerpbesluit and body
    ("De raad van de gemeente Harderwijk; gelezen het voorstel van burgemeester en wethouders van 16 april "
     "2024, nr. 2024-031; gelet op artikel 108 van de Gemeentewet; besluit: 1. het bestemmingsplan "
     "Stationslaan vast te stellen; 2. de kosten te dekken uit de algemene reserve.", T, False),
    ("De raad van de gemeente Harderwijk besluit:", T, False),
    ("De raad van Harderwijk besluit: vast te stellen het bestemmingsplan.", T, False),
    ("besluit: de Verordening sportsubsidie Harderwijk 2027 vast te stellen;", T, False),
    ("de Subsidieregeling sport Harderwijk 2019 in te trekken met ingang van 1 januari 2027.", T, False),
    ("Aldus besloten in de openbare vergadering van ... (datum)", T, False),
    # labels and badges of an undecided dossier
    ("Voorstel aan de raad: Bomen langs de Stationslaan vervangen | Raadsinformatie Harderwijk", L, False),
    ("Voorstel aan de raad: Wijziging van het vastgestelde bestemmingsplan", L, False),
    ("Voorstel, nog niet besloten", S, False),
    ("Voorstel, aangehouden", S, False),
    ("Voorstel, ingetrokken", S, False),
    ("Stemming gepland op 10 december 2026", S, False),
    ("Besluitvorming", S, False),
    # headings and titles
    ("Ontwerpbesluit", T, True),
    ("Het ontwerpbesluit", T, True),
    ("Waarom nu?", T, True),
    ("Wat heeft de provincie besloten?", T, True),
    ("Raadsvoorstel Bomen Stationslaan (voorbeeld)", T, True),
]

#: (text, the rule): a sentence that can be read both ways (proposal of 2026).
DOUBTFUL = [
    ("De raad heeft in 2026 besloten dat er een sporthal komt.", "voltooid"),
    ("Op 12 maart 2026 besloot de raad de begroting aan te passen.", "verleden-tijd"),
    ("De commissie heeft ingestemd met het voorstel.", "voltooid"),
    ("De burgemeester heeft besloten het evenement te verbieden.", "voltooid"),
    ("Zij hebben het plan goedgekeurd.", "voltooid"),
    ("Ermelo heeft besloten mee te doen.", "voltooid"),
    ("De verkoop gaat door.", "tegenwoordige-tijd"),
    ("Heeft de raad het plan al aangenomen?", "voltooid"),
    ("Het inpassingsplan werd door de provincie gemaakt en is goedgekeurd.", "voltooid"),
    ("Besluit Stationslaan", "regeling-onbekend"),
    ("Het amendement van het CDA is aangenomen.", "voltooid"),
    ("De planning is definitief.", "voltooid"),
    ("De financiering is rond.", "voltooid"),
    ("De begroting 2026 is door de raad vastgesteld.", "voltooid"),
    ("Iedereen is akkoord.", "voltooid"),
    ("Het plan werd adopted in de regio.", "engels-woord"),
    # the college takes decisions of its own: about what, the words cannot tell
    ("Het college heeft besloten de sporthal te bouwen.", "voltooid"),
    ("De gemeente heeft besloten de sporthal te bouwen.", "voltooid"),
    ("Wij hebben besloten de sporthal te bouwen.", "voltooid"),
]


def _kort(findings) -> list:
    return [(c.regel.code, c.gevonden, c.ernst.value, c.waarom) for c in findings]


@pytest.mark.parametrize(("text", "plek", "kop", "code"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_claim_is_an_error(text, plek, kop, code):
    found = claims(text, plek, JAAR, kop)
    assert found, f"niet geweigerd: {text!r}"
    assert found[0].regel.code == code, _kort(found)


@pytest.mark.parametrize(("text", "plek", "kop"), LEGIT, ids=[x[0] for x in LEGIT])
def test_legitimate_dutch_has_no_finding(text, plek, kop):
    assert beoordeel(text, plek, JAAR, kop) == (), _kort(beoordeel(text, plek, JAAR, kop))


@pytest.mark.parametrize(("text", "code"), DOUBTFUL, ids=[x[0] for x in DOUBTFUL])
def test_a_doubtful_sentence_is_a_warning_in_text_and_an_error_in_a_title(text, code):
    found = beoordeel(text, T, JAAR)
    assert [c.ernst for c in found] == [Ernst.TWIJFEL], _kort(found)
    assert found[0].regel.code == code
    assert claims(text, T, JAAR) == []  # no error: the build goes on
    for strict in (beoordeel(text, T, JAAR, kop=True), beoordeel(text, L, JAAR)):
        assert strict and all(c.fout for c in strict), _kort(strict)


@pytest.mark.parametrize(("jaar", "ernst"), [(2024, None), (2019, Ernst.TWIJFEL), (2018, Ernst.TWIJFEL),
                                             (None, Ernst.TWIJFEL)])
def test_a_year_before_the_proposal_makes_a_decision_an_earlier_one(jaar, ernst):
    found = beoordeel("De raad heeft in 2019 besloten dat er een sporthal komt.", T, jaar)
    assert [c.ernst for c in found] == ([ernst] if ernst else [])


def test_a_doubt_says_why_and_what_to_write():
    [claim] = beoordeel("De raad heeft in 2026 besloten dat er een sporthal komt.", T, JAAR)
    assert "2026" in claim.waarom and "eerder besluit" in claim.waarom
    assert "<datum>" in claim.regel.schrijf


def test_an_error_names_its_subject():
    [claim] = claims("De provincie is akkoord, maar de gemeenteraad heeft het plan ook goedgekeurd.", T, JAAR)
    assert claim.gevonden == "heeft het plan ook goedgekeurd" and "gemeenteraad" in claim.waarom


# --- read as a reader reads it ---------------------------------------------------------------

ZIN = "De raad heeft besloten de sporthal te bouwen."
HIDDEN = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202a",
          "\u2066", "\u2069", "\u180e", "\u034f", "\ufe0f", "\U000e0041"]


@pytest.mark.parametrize("teken", HIDDEN, ids=[f"U+{ord(t):04X}" for t in HIDDEN])
def test_a_hidden_character_does_not_hide_a_claim(teken):
    for i in (2, 4, 6):  # inside "besloten"
        text = ZIN.replace("besloten", "besloten"[:i] + teken + "besloten"[i:])
        assert claims(text), repr(text)
    assert claims("Het voorstel is aan" + teken + "genomen.")


def test_a_right_to_left_override_is_read_in_the_order_a_reader_sees():
    """U+202E shows what follows in reverse, up to its pop (U+202C) or the end of the
    paragraph: "\u202enetolseb" shows "besloten", and "be\u202esloten de ..." shows
    "be.newuob et ... netols", no claim."""
    assert claims("De raad heeft \u202enetolseb\u202c de sporthal te bouwen.")
    assert claims("Het voorstel is \u202enemonegnaa.")
    assert not claims("De raad heeft be\u202esloten de sporthal te bouwen.")


LOOK_ALIKES = {
    "Cyrillic е": "b\u0435sloten", "Cyrillic о": "besl\u043eten", "Greek ο": "besl\u03bften",
    "Cyrillic ѕ": "be\u0455loten", "Cherokee Ꭼ and Cyrillic О": "B\u13acSL\u041eTEN",
    "full width": "\uff42\uff45\uff53\uff4c\uff4f\uff54\uff45\uff4e", "mathematical bold": "\U0001d41b\U0001d41esloten",
    "dot below": "\u1e05esloten", "combining stroke": "besl\u0336oten",
}


@pytest.mark.parametrize("woord", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_look_alike_letters_do_not_hide_a_claim(woord):
    assert claims(ZIN.replace("besloten", woord)), woord
    assert claims("Het voorstel is \u0430angenomen.")  # Cyrillic а


MARKUP = ["**aan**genomen", "<b>aan</b>genomen", "aan<!-- x -->genomen", "a&#97;ngenomen", "aan&shy;genomen",
          "`aan`genomen", "[aan](https://x.example)genomen", "_aan_genomen", "aan<span>genomen</span>"]


@pytest.mark.parametrize("woord", MARKUP)
def test_markup_inside_a_word_does_not_hide_a_claim(woord):
    found = claims(f"Het voorstel is {woord}.")
    assert found and found[0].gevonden == "is aangenomen"


def test_dutch_letters_with_accents_stay_themselves():
    assert beoordeel("Het café en de ideeën van één inwoner: naïef of geëvalueerd?", T) == ()
    assert claims("Het plan is geëvalueerd en goedgekeurd.")


# --- the site's own strings for an undecided dossier ------------------------------------------


def test_the_site_s_own_label_strings_for_an_undecided_dossier_pass():
    for (status, _), rij in TABEL.items():
        if status.final:
            continue
        for veld, plek in (("kop", L), ("badge", S), ("zin", T), ("soort", L), ("meta", T), ("kaart", S),
                           ("ontwerp_kop", L), ("ontwerp_uitleg", T)):
            tekst = getattr(rij, veld)
            assert beoordeel(tekst, plek) == (), (status, veld, _kort(beoordeel(tekst, plek)))


def test_status_word_is_allowed_in_running_text_but_not_in_a_label():
    assert claims("Voorstel, aangenomen", S)
    assert claims("Sporthal aangenomen", L)
    assert not claims("Wordt het voorstel aangenomen, dan begint de bouw in 2027.", T)


def test_word_boundaries_besluitvorming_is_not_besluit():
    assert not claims("Besluitvorming", S)
    assert claims("Besluit", S)


def test_claims_returns_the_errors_and_beoordeel_the_warnings_too():
    text = "De raad heeft in 2026 besloten dat er een sporthal komt. De raad is akkoord."
    assert [c.ernst for c in beoordeel(text, T, JAAR)] == [Ernst.TWIJFEL, Ernst.FOUT]
    assert [c.gevonden for c in claims(text, T, JAAR)] == ["is akkoord"]
    second = beoordeel(text, T, JAAR)[1]
    assert text[second.begin:].startswith("is akkoord") and second.zin == "De raad is akkoord."


def test_every_rule_and_allowance_is_documented_and_tried():
    for regel in labelling.REGELS:
        assert regel.reden and regel.schrijf and regel.code
        assert regel.soort in ("label", "bewering", "naamwoord")
    for toegestaan in labelling.TOEGESTAAN:
        assert toegestaan.uitleg
    tried = {code for *_, code in ATTACKS} | {code for _, code in DOUBTFUL}
    assert tried == {r.code for r in labelling.REGELS}
