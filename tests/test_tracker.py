"""The route tracker and "Wat kunt u nu doen?": states, dates and the registration deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from raadsinfo.dossier import Dossier
from raadsinfo.model import Stap, Uitkomst, Voorstel
from raadsinfo.tracker import (
    AMSTERDAM,
    Staat,
    aanmelden_tot,
    begintijd,
    kan_nog_aanmelden,
    moment,
    route,
    wat_kunt_u_doen,
)

COMMISSIE = Stap("commissie-ruimte", date(2026, 11, 26), time(19, 30))
RAAD = Stap("gemeenteraad", date(2026, 12, 10), time(19, 30))


def dossier(behandeling=(COMMISSIE, RAAD), uitkomsten=(), ingediend=date(2026, 11, 3)) -> Dossier:
    v = Voorstel(id="2026-050", titel="Nieuwe speeltuin", datum_ingediend=ingediend,
                 portefeuillehouder="wethouder A. Jansen", onderwerpen=("groen",),
                 samenvatting="Het college wil een speeltuin maken.", gevraagd_besluit=("Geld geven.",),
                 behandeling=tuple(behandeling), source="content/voorstellen/2026-050-x.md")
    return Dossier(v, list(uitkomsten))


def uitkomst(resultaat: str, dag: date, bekendmaking: date | None = None, hamerstuk=False) -> Uitkomst:
    return Uitkomst("2026-050", dag, resultaat, hamerstuk=hamerstuk, besluittoelichting="Omdat het goed is.",
                    bekendmaking_datum=bekendmaking)


def ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def states(stappen) -> dict[str, Staat]:
    return {s.naam: s.staat for s in stappen}


# --- the registration deadline ---------------------------------------------------


def test_deadline_is_24_hours_before_the_start_on_the_amsterdam_clock():
    assert begintijd(RAAD) == ams(2026, 12, 10, 19, 30)
    assert aanmelden_tot(RAAD) == ams(2026, 12, 9, 19, 30)
    assert moment(aanmelden_tot(RAAD)) == "woensdag 9 december 2026, 19.30 uur"


def test_meeting_without_a_time_starts_at_half_past_seven():
    stap = Stap("gemeenteraad", date(2026, 12, 10))
    assert aanmelden_tot(stap) == ams(2026, 12, 9, 19, 30)


def test_recorded_start_time_moves_the_deadline():
    stap = Stap("commissie-ruimte", date(2026, 12, 3), time(20, 0))
    assert moment(aanmelden_tot(stap)) == "woensdag 2 december 2026, 20.00 uur"


@pytest.mark.parametrize(("nu", "open_"), [
    (ams(2026, 12, 9, 19, 29), True),  # one minute before
    (ams(2026, 12, 9, 19, 30), True),  # the deadline minute itself
    (ams(2026, 12, 9, 19, 31), False),  # one minute after
    (ams(2026, 12, 8, 23, 59), True),  # the day before
    (ams(2026, 12, 10, 0, 0), False),  # the day of the meeting
    (datetime(2026, 12, 9, 18, 30, tzinfo=UTC), True),  # 19.30 in Amsterdam (winter time, UTC+1)
    (datetime(2026, 12, 9, 18, 31, tzinfo=UTC), False),
    (datetime(2026, 12, 9, 19, 30), True),  # a naive time is read as Amsterdam time
])
def test_registration_is_open_up_to_and_including_the_deadline_minute(nu, open_):
    assert kan_nog_aanmelden(RAAD, nu) is open_


def test_deadline_counts_real_hours_across_the_start_of_summer_time():
    # Summer time starts on Sunday 29 March 2026 at 02:00, so that Sunday has 23 hours:
    # 24 real hours before 10.00 on Sunday is 09.00 on Saturday on the wall clock.
    stap = Stap("gemeenteraad", date(2026, 3, 29), time(10, 0))
    deadline = aanmelden_tot(stap)
    assert begintijd(stap).astimezone(UTC) - deadline.astimezone(UTC) == timedelta(hours=24)
    assert deadline == ams(2026, 3, 28, 9, 0)


def test_deadline_counts_real_hours_across_the_end_of_summer_time():
    stap = Stap("gemeenteraad", date(2026, 10, 25), time(10, 0))
    assert aanmelden_tot(stap) == ams(2026, 10, 24, 11, 0)
    assert moment(aanmelden_tot(stap)) == "zaterdag 24 oktober 2026, 11.00 uur"


# --- route states ------------------------------------------------------------------


def test_before_the_commissie_the_commissie_is_current():
    stappen = route(dossier(), date(2026, 11, 20))
    assert [s.naam for s in stappen] == ["Het college stelt voor", "Commissie", "Raadsvergadering", "Besluit",
                                         "Bekendmaking"]
    assert states(stappen) == {"Het college stelt voor": Staat.GEDAAN, "Commissie": Staat.NU,
                               "Raadsvergadering": Staat.NOG_NIET, "Besluit": Staat.NOG_NIET,
                               "Bekendmaking": Staat.NOG_NIET}
    assert stappen[0].datum == date(2026, 11, 3)
    assert stappen[1].datum == COMMISSIE.datum and stappen[1].tijd == time(19, 30)
    assert stappen[2].datum == RAAD.datum
    assert stappen[3].datum == RAAD.datum  # the expected decision day


def test_on_the_day_of_the_commissie_it_is_still_current_and_the_day_after_the_raad_is():
    assert states(route(dossier(), COMMISSIE.datum))["Commissie"] is Staat.NU
    after = route(dossier(), COMMISSIE.datum + timedelta(days=1))
    assert states(after)["Commissie"] is Staat.GEDAAN
    assert states(after)["Raadsvergadering"] is Staat.NU


@pytest.mark.parametrize("today", [date(2026, 11, 1), date(2026, 11, 26), date(2026, 11, 27), date(2026, 12, 10),
                                   date(2026, 12, 11), date(2027, 6, 1)])
def test_an_open_dossier_has_exactly_one_current_step(today):
    assert sum(s.huidig for s in route(dossier(), today)) == 1


def test_dossier_without_commissie_has_four_steps():
    stappen = route(dossier(behandeling=(RAAD,)), date(2026, 11, 27))
    assert [s.naam for s in stappen] == ["Het college stelt voor", "Raadsvergadering", "Besluit", "Bekendmaking"]
    assert states(stappen)["Raadsvergadering"] is Staat.NU


def test_vote_date_passed_without_outcome_says_uitslag_nog_niet_verwerkt_and_guesses_nothing():
    d = dossier()
    today = RAAD.datum + timedelta(days=1)
    stappen = route(d, today)
    raad = next(s for s in stappen if s.naam == "Raadsvergadering")
    assert raad.staat is Staat.NU and "uitslag is nog niet verwerkt" in raad.uitleg.lower()
    assert states(stappen)["Besluit"] is Staat.NOG_NIET
    advies = " ".join(wat_kunt_u_doen(d, ams(2026, 12, 11, 8, 0)).alineas)
    assert "nog niet verwerkt" in advies
    for guess in ("aangenomen", "verworpen", "besloten"):
        assert guess not in advies


def test_adopted_and_published_dossier_is_all_done():
    d = dossier(uitkomsten=[uitkomst("aangenomen", RAAD.datum, bekendmaking=date(2026, 12, 17))])
    stappen = route(d, date(2027, 1, 5))
    assert all(s.staat is Staat.GEDAAN for s in stappen)
    assert stappen[-1].datum == date(2026, 12, 17)
    assert "aangenomen" in stappen[3].uitleg
    advies = wat_kunt_u_doen(d, ams(2027, 1, 5, 6, 0))
    assert "Gemeenteblad" in advies.alineas[0] and "17 december 2026" in advies.alineas[0]
    assert advies.inspreken is None


def test_adopted_but_not_yet_published_makes_bekendmaking_current():
    d = dossier(uitkomsten=[uitkomst("unaniem aangenomen", RAAD.datum)])
    assert states(route(d, date(2026, 12, 11)))["Bekendmaking"] is Staat.NU
    assert "bekend" in wat_kunt_u_doen(d, ams(2026, 12, 11, 6)).alineas[0]


def test_hamerstuk_is_explained():
    d = dossier(uitkomsten=[uitkomst("aangenomen", RAAD.datum, hamerstuk=True)])
    raad = route(d, date(2026, 12, 11))[2]
    assert "hamerstuk" in raad.uitleg


def test_verworpen_needs_no_bekendmaking():
    d = dossier(uitkomsten=[uitkomst("verworpen", RAAD.datum)])
    stappen = route(d, date(2026, 12, 11))
    assert states(stappen)["Besluit"] is Staat.GEDAAN
    assert states(stappen)["Bekendmaking"] is Staat.VERVALT
    assert "gaat niet door" in wat_kunt_u_doen(d, ams(2026, 12, 11, 6)).alineas[0]


def test_ingetrokken_stops_the_route():
    d = dossier(uitkomsten=[uitkomst("ingetrokken", RAAD.datum)])
    stappen = route(d, date(2026, 12, 11))
    assert states(stappen)["Raadsvergadering"] is Staat.VERVALT
    assert states(stappen)["Besluit"] is Staat.VERVALT
    assert states(stappen)["Bekendmaking"] is Staat.VERVALT
    assert not any(s.huidig for s in stappen)
    assert "teruggenomen" in wat_kunt_u_doen(d, ams(2026, 12, 11, 6)).alineas[0]


def test_aangehouden_moves_the_vote_to_the_next_meeting():
    later = Stap("gemeenteraad", date(2027, 1, 28), time(19, 30))
    d = dossier(behandeling=(COMMISSIE, RAAD, later), uitkomsten=[uitkomst("aangehouden", RAAD.datum)])
    stappen = route(d, date(2026, 12, 11))
    raad = stappen[2]
    assert raad.staat is Staat.NU and raad.datum == later.datum
    assert "uitgesteld" in raad.uitleg
    advies = wat_kunt_u_doen(d, ams(2026, 12, 11, 6))
    assert advies.inspreken.vergadering == later
    assert "Aanmelden kan tot woensdag 27 januari 2027, 19.30 uur." in advies.alineas


def test_aangehouden_without_new_date():
    d = dossier(uitkomsten=[uitkomst("aangehouden", RAAD.datum)])
    stappen = route(d, date(2026, 12, 11))
    assert stappen[2].staat is Staat.NU and stappen[2].datum is None
    assert "nog geen nieuwe datum" in " ".join(wat_kunt_u_doen(d, ams(2026, 12, 11, 6)).alineas)


# --- "Wat kunt u nu doen?" around the deadline -------------------------------------------


def test_advice_names_the_meeting_and_the_last_moment_to_register():
    d = dossier(behandeling=(RAAD,))
    advies = wat_kunt_u_doen(d, ams(2026, 11, 27, 6, 0))
    tekst = " ".join(advies.alineas)
    assert "donderdag 10 december 2026" in tekst
    assert "19.30 uur" in tekst
    assert "Aanmelden kan tot woensdag 9 december 2026, 19.30 uur." in advies.alineas
    assert "5 minuten" in tekst
    assert advies.inspreken.kan_nog


def test_advice_at_the_deadline_minute_and_one_minute_later():
    d = dossier(behandeling=(RAAD,))
    at = wat_kunt_u_doen(d, ams(2026, 12, 9, 19, 30))
    assert at.inspreken is not None
    late = wat_kunt_u_doen(d, ams(2026, 12, 9, 19, 31))
    assert late.inspreken is None
    assert ("Aanmelden om in te spreken kan niet meer. Dat kon tot woensdag 9 december 2026, 19.30 uur."
            in late.alineas)
    assert "publieke tribune" in late.alineas[0]


def test_advice_on_the_day_of_the_meeting_says_today():
    d = dossier(behandeling=(RAAD,))
    advies = wat_kunt_u_doen(d, ams(2026, 12, 10, 7, 0))
    assert "vandaag" in advies.alineas[0]
    assert advies.inspreken is None


def test_advice_points_to_the_raad_when_the_commissie_deadline_has_passed():
    d = dossier()
    advies = wat_kunt_u_doen(d, ams(2026, 11, 25, 20, 0))  # commissie deadline was 19.30
    assert advies.vergadering == COMMISSIE
    assert advies.inspreken.vergadering == RAAD
    tekst = " ".join(advies.alineas)
    assert "commissie Ruimte kan niet meer" in tekst
    assert "U kunt wel inspreken in de gemeenteraad van donderdag 10 december 2026" in tekst
    assert "De raad stemt naar verwachting op donderdag 10 december 2026." in tekst


def test_open_dossier_without_any_date():
    d = dossier(behandeling=(COMMISSIE,))
    advies = wat_kunt_u_doen(d, ams(2026, 12, 1, 6))
    assert "nog geen datum" in advies.alineas[0]
    assert states(route(d, date(2026, 12, 1)))["Raadsvergadering"] is Staat.NOG_NIET
