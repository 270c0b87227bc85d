"""Synthetic dossiers for the benchmark, in the real record format.

:func:`generate` writes N voorstellen (and their outcomes) into a content directory
that also holds a copy of ``content/raad`` and ``content/pages``, so that the full
site builds exactly as ``invoke build`` would. :func:`write_plain` writes the same
bodies as plain Pelican articles (Pelican's own ``Title:``/``Date:`` metadata), the
baseline the benchmark compares against.

Everything is drawn from one ``random.Random(seed)``: the same seed gives the same
files, byte for byte. About half of the dossiers are decided (aangenomen in every
form, hamerstuk, verworpen), the rest are in behandeling, aangehouden or
ingetrokken. Votes follow the council of the meeting date in
``content/raad/raadsperioden.yaml`` and the recorded result follows from them, so
the loader accepts every file.

Registration numbers: the schema allows three digits after the year (999 per
year). Ten thousand dossiers do not fit in the real years, so ids are numbered
``2101-001``, ``2101-002`` ... independently of the submission date; they are
synthetic and only need to be unique.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 27)
ID_BASE_YEAR = 2101

ONDERWERPEN = ["wonen", "verkeer", "groen", "duurzaamheid", "zorg", "onderwijs", "financien", "economie",
               "veiligheid", "cultuur", "bestuur"]

WETHOUDERS = ["wethouder M. Bakker", "wethouder J. de Vries", "wethouder S. Jansen", "wethouder A. Visser",
              "burgemeester H. Mulder"]

ONDERWERP_ZINNEN = {
    "wonen": ["woningen aan de {plek}", "een woonwijk bij {plek}", "starterswoningen in {plek}"],
    "verkeer": ["de kruising bij {plek}", "een fietspad langs {plek}", "parkeren rond {plek}"],
    "groen": ["bomen aan de {plek}", "het park bij {plek}", "meer groen in {plek}"],
    "duurzaamheid": ["zonnepanelen op {plek}", "een warmtenet in {plek}", "energie besparen in {plek}"],
    "zorg": ["hulp bij het huishouden in {plek}", "een buurthuis in {plek}", "zorg voor ouderen in {plek}"],
    "onderwijs": ["een nieuwe school in {plek}", "kinderopvang bij {plek}", "een jongerencentrum in {plek}"],
    "financien": ["de begroting voor {plek}", "de afvalstoffenheffing", "een krediet voor {plek}"],
    "economie": ["de markt in {plek}", "de haven bij {plek}", "toerisme rond {plek}"],
    "veiligheid": ["cameratoezicht bij {plek}", "verlichting in {plek}", "handhaving in {plek}"],
    "cultuur": ["de bibliotheek in {plek}", "een sporthal in {plek}", "evenementen op {plek}"],
    "bestuur": ["samenwerking met {plek}", "een nieuwe regeling voor {plek}", "de dienstverlening in {plek}"],
}
WERKWOORDEN = ["Plan voor", "Geld voor", "Nieuwe regels voor", "Aanpak van", "Verbeteren van", "Onderzoek naar"]
PLEKKEN = ["Stationslaan", "Hierden", "Drielanden", "Stadsdennen", "Boulevard", "Tweelingstad", "Frankrijk",
           "Zeebuurt", "Havendam", "Oostergras", "Binnenstad", "Wittenhagen", "Lorentz", "Friesegracht",
           "Waterfront", "Parkweg", "Stadsweiden", "Smeepoortstraat"]

ZINNEN = [
    "Het college wil dat inwoners hier goed over mee kunnen denken.",
    "De gemeente heeft de afgelopen jaren veel vragen gekregen van inwoners.",
    "Een onderzoek laat zien dat de situatie beter kan.",
    "Bewoners hebben in twee avonden hun ideeën gegeven.",
    "De kosten passen binnen de begroting van dit jaar.",
    "Het plan sluit aan bij de toekomstvisie van de gemeente.",
    "We werken samen met de buurgemeenten en de provincie.",
    "Ondernemers in de buurt zijn tevreden over de aanpak.",
    "Het werk begint na de zomer en duurt ongeveer een jaar.",
    "Tijdens het werk blijft de straat bereikbaar voor fietsers.",
    "De gemeente houdt bewoners op de hoogte met een nieuwsbrief.",
    "Er is rekening gehouden met de natuur en met dieren in het gebied.",
    "Het plan maakt de buurt veiliger voor kinderen.",
    "De raad heeft eerder gevraagd om dit te onderzoeken.",
    "De gemeente kijkt na een jaar of het plan werkt.",
    "Als het plan niet doorgaat, blijven de problemen bestaan.",
    "Voor een deel van de kosten krijgt de gemeente subsidie.",
    "De adviesraad sociaal domein heeft positief geadviseerd.",
    "Omwonenden krijgen een brief voordat het werk begint.",
    "Het college stelt de raad voor om hiermee in te stemmen.",
]
KOPPEN = ["Waarom dit voorstel?", "Wat gaat er gebeuren?", "Wat kost het?", "Wie merkt er iets van?",
          "Hoe gaat het verder?", "Wat vonden inwoners?"]
LIJSTPUNTEN = ["een informatieavond voor bewoners", "een nieuwsbrief per kwartaal", "een proef van zes maanden",
               "een evaluatie na een jaar", "overleg met de wijkraad", "een enquête onder inwoners",
               "extra controle door handhavers", "nieuwe borden en verlichting"]
TOELICHTING_BESLUIT = [
    "De meeste fracties vinden dit plan goed voor de stad.",
    "De raad vindt het belangrijk dat inwoners mee kunnen praten.",
    "Een meerderheid vond de kosten te hoog voor wat het oplevert.",
    "De raad wil dat het college na een jaar laat zien wat het plan heeft opgeleverd.",
    "Fracties die tegen stemden, wilden eerst meer onderzoek.",
]


@dataclass
class Plan:
    """What one synthetic dossier will look like, before it is written."""

    id: str
    titel: str
    onderwerpen: list[str]
    ingediend: date
    stappen: list[tuple[str, date]]
    uitkomsten: list[dict] = field(default_factory=list)
    body: str = ""
    samenvatting: str = ""


def load_perioden(content: Path) -> list[dict]:
    data = yaml.safe_load((content / "raad" / "raadsperioden.yaml").read_text(encoding="utf-8"))
    return [{**p, "van": date.fromisoformat(p["van"]), "tot": date.fromisoformat(p["tot"])} for p in data["perioden"]]


def _thursday_between(rng: random.Random, start: date, end: date) -> date:
    day = start + timedelta(days=rng.randrange(max((end - start).days, 1)))
    day += timedelta(days=(3 - day.weekday()) % 7)  # council meets on Thursdays
    return day if day <= end else day - timedelta(days=7)


def _body(rng: random.Random, words_target: int) -> str:
    """Markdown with headings, paragraphs and a list: about ``words_target`` words."""
    parts: list[str] = []
    words = 0
    koppen = rng.sample(KOPPEN, len(KOPPEN))
    while words < words_target:
        if koppen and parts:
            parts.append(f"## {koppen.pop()}")
        para = " ".join(rng.choice(ZINNEN) for _ in range(rng.randint(3, 6)))
        parts.append(para)
        words += len(para.split())
        if rng.random() < 0.3:
            items = rng.sample(LIJSTPUNTEN, 3)
            parts.append("\n".join(f"- {i}" for i in items))
            words += sum(len(i.split()) + 1 for i in items)
    return "\n\n".join(parts) + "\n"


def _votes(rng: random.Random, periode: dict, want: str) -> list[dict]:
    """Votes per fractie whose totals give ``want`` (unaniem / voor / tegen)."""
    fracties = periode["fracties"]
    while True:
        items, voor, tegen = [], 0, 0
        split_done = False
        for f in fracties:
            seats = f["zetels"]
            afwezig = 1 if seats > 1 and rng.random() < 0.05 else 0
            present = seats - afwezig
            item = {"fractie": f["naam"]}
            if want == "unaniem":
                item["fractiestemresultaat"] = "voor"
                voor += present
            elif not split_done and present >= 2 and rng.random() < 0.08:
                split_done = True
                v = rng.randint(1, present - 1)
                item.update(fractiestemresultaat="verdeeld", voor=v, tegen=present - v)
                voor += v
                tegen += present - v
            else:
                bias = 0.7 if want == "voor" else 0.3
                if rng.random() < bias:
                    item["fractiestemresultaat"] = "voor"
                    voor += present
                else:
                    item["fractiestemresultaat"] = "tegen"
                    tegen += present
            if afwezig:
                item["afwezig"] = afwezig
            items.append(item)
        if want == "unaniem":
            return items
        if want == "voor" and voor > tegen and tegen > 0:
            return items
        if want == "tegen" and tegen >= voor and voor > 0:
            return items


def _periode(perioden: list[dict], day: date) -> dict:
    return next(p for p in perioden if p["van"] <= day <= p["tot"])


def _final_outcome(rng: random.Random, perioden: list[dict], day: date) -> dict:
    periode = _periode(perioden, day)
    kind = rng.choices(["aangenomen", "unaniem", "hamerstuk", "geamendeerd", "verworpen"], [40, 20, 15, 12, 13])[0]
    out: dict = {"vergaderdatum": day.isoformat()}
    if kind == "hamerstuk":
        out.update(besluitresultaat="aangenomen", indicatieHamerstuk=True)
        return out
    if kind == "unaniem":
        out.update(besluitresultaat="unaniem aangenomen", stemmingen=_votes(rng, periode, "unaniem"))
    elif kind == "verworpen":
        out.update(besluitresultaat="verworpen", stemmingen=_votes(rng, periode, "tegen"))
    else:
        out.update(besluitresultaat="geamendeerd aangenomen" if kind == "geamendeerd" else "aangenomen",
                   stemmingen=_votes(rng, periode, "voor"))
    if kind == "geamendeerd":
        out["amendementen"] = [{
            "titel": "Inwoners praten mee over de uitvoering",
            "indieners": [periode["fracties"][rng.randrange(len(periode["fracties"]))]["naam"]],
            "besluitresultaat": "aangenomen",
            "omschrijving": "Het college vraagt inwoners om mee te denken voordat het werk begint.",
            "stemmingen": _votes(rng, periode, "voor"),
        }]
    if rng.random() < 0.25:
        aangenomen = rng.random() < 0.5
        out["moties"] = [{
            "titel": "Elk jaar een verslag aan de raad",
            "indieners": [periode["fracties"][rng.randrange(len(periode["fracties"]))]["naam"]],
            "besluitresultaat": "aangenomen" if aangenomen else "verworpen",
            "stemmingen": _votes(rng, periode, "voor" if aangenomen else "tegen"),
        }]
    out["besluittoelichting"] = " ".join(rng.sample(TOELICHTING_BESLUIT, 2))
    return out


def plan(n: int, seed: int, perioden: list[dict], today: date = TODAY) -> list[Plan]:
    """Decide every dossier's dates and outcomes (deterministic for a seed)."""
    rng = random.Random(seed)
    first_meeting = max(min(p["van"] for p in perioden), date(2022, 4, 1))
    plans = []
    used: dict[str, int] = {}
    for i in range(n):
        ident = f"{ID_BASE_YEAR + i // 999}-{i % 999 + 1:03d}"
        onderwerpen = rng.sample(ONDERWERPEN, rng.choice([1, 1, 2, 2, 3]))
        thema = rng.choice(ONDERWERP_ZINNEN[onderwerpen[0]]).format(plek=rng.choice(PLEKKEN))
        titel = f"{rng.choice(WERKWOORDEN)} {thema}"
        used[titel] = used.get(titel, 0) + 1
        # Every title ends in its own part ("..., fase 3"), so no title is contained in
        # another one: real titles are distinct, and the guard recognises titles in text.
        titel = f"{titel}, fase {used[titel]}"
        decided = rng.random() < 0.5
        uitkomsten: list[dict] = []
        if decided:
            raad = _thursday_between(rng, first_meeting + timedelta(days=60), today - timedelta(days=1))
            raad_dates = [raad]
            if rng.random() < 0.1:  # aangehouden first, decided at a later meeting
                earlier = raad - timedelta(days=7 * rng.randint(4, 8))
                if earlier >= first_meeting:
                    raad_dates.insert(0, earlier)
                    uitkomsten.append({"vergaderdatum": earlier.isoformat(), "besluitresultaat": "aangehouden"})
            uitkomsten.append(_final_outcome(rng, perioden, raad))
        else:
            kind = rng.choices(["open", "aangehouden", "ingetrokken"], [60, 25, 15])[0]
            if kind == "open":
                raad_dates = [_thursday_between(rng, today + timedelta(days=1), today + timedelta(days=120))]
            elif kind == "aangehouden":
                earlier = _thursday_between(rng, today - timedelta(days=200), today - timedelta(days=1))
                later = _thursday_between(rng, today + timedelta(days=1), today + timedelta(days=120))
                raad_dates = [earlier, later]
                uitkomsten.append({"vergaderdatum": earlier.isoformat(), "besluitresultaat": "aangehouden"})
            else:
                raad = _thursday_between(rng, today - timedelta(days=400), today - timedelta(days=1))
                raad_dates = [raad]
                uitkomsten.append({"vergaderdatum": raad.isoformat(), "besluitresultaat": "ingetrokken"})
        commissie = raad_dates[0] - timedelta(days=21)
        ingediend = min(commissie - timedelta(days=rng.randint(10, 40)), today)
        gremium = "commissie-ruimte" if onderwerpen[0] in {"wonen", "verkeer", "groen", "duurzaamheid",
                                                           "economie"} else "commissie-samenleving"
        stappen = [(gremium, commissie)] + [("gemeenteraad", d) for d in raad_dates]
        p = Plan(ident, titel, onderwerpen, ingediend, stappen, uitkomsten)
        p.samenvatting = (f"Het college stelt de raad voor om te werken aan {thema}. "
                          + " ".join(rng.sample(ZINNEN, 3)))
        p.body = _body(rng, rng.randint(300, 600))
        plans.append(p)
    return plans


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _slug(text: str) -> str:
    from raadsinfo.dossier import slugify

    return slugify(text)[:50].strip("-")


def write_records(plans: list[Plan], content: Path) -> None:
    """Write ``voorstellen/`` and ``besluiten/`` files in the real record format."""
    (content / "voorstellen").mkdir(parents=True, exist_ok=True)
    (content / "besluiten").mkdir(parents=True, exist_ok=True)
    for p in plans:
        front = {
            "id": p.id,
            "titel": p.titel,
            "informatieobjecttype": "raadsvoorstel",
            "datumIngediend": p.ingediend.isoformat(),
            "portefeuillehouder": WETHOUDERS[int(p.id[-3:]) % len(WETHOUDERS)],
            "onderwerpen": p.onderwerpen,
            "samenvatting": p.samenvatting,
            "gevraagdBesluit": [f"Instemmen met het plan: {p.titel.lower()}.",
                                "De kosten verwerken in de begroting."],
            "behandeling": [{"gremium": g, "datum": d.isoformat(), "tijd": "19:30"} for g, d in p.stappen],
            "documenten": [{"titel": f"Raadsvoorstel {p.id} (voorbeeld)",
                            "url": f"https://voorbeeld.harderwijk.example/stukken/{p.id}.pdf"}],
        }
        text = f"---\n# BENCHMARK: verzonnen record.\n{_dump(front)}---\n{p.body}"
        (content / "voorstellen" / f"{p.id}-{_slug(p.titel)}.md").write_text(text, encoding="utf-8")
        for i, u in enumerate(p.uitkomsten):
            name = f"{p.id}.md" if i == len(p.uitkomsten) - 1 else f"{p.id}-{i + 1}.md"
            body = {"voorstel": p.id, **u}
            (content / "besluiten" / name).write_text(f"---\n{_dump(body)}---\n", encoding="utf-8")


def write_plain(plans: list[Plan], content: Path) -> None:
    """The same bodies as plain Pelican articles, with Pelican's own metadata."""
    folder = content / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for p in plans:
        head = [f"Title: {p.titel}", f"Date: {p.ingediend.isoformat()}", f"Category: {p.onderwerpen[0]}",
                f"Tags: {', '.join(p.onderwerpen)}", f"Slug: {p.id}", f"Summary: {p.samenvatting}"]
        (folder / f"{p.id}.md").write_text("\n".join(head) + "\n\n" + p.body, encoding="utf-8")


def generate(n: int, seed: int, content: Path, source: Path = ROOT / "content", today: date = TODAY) -> list[Plan]:
    """A full content directory: council data and pages copied, N synthetic dossiers."""
    content = Path(content)
    content.mkdir(parents=True, exist_ok=True)
    # Not the meeting details (raad/vergaderingen.yaml): they name the sample's meetings,
    # which the synthetic dossiers do not have (a warning for each).
    for folder in ("raad", "pages"):
        if (source / folder).exists():
            shutil.copytree(source / folder, content / folder, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("vergaderingen.yaml"))
    plans = plan(n, seed, load_perioden(content), today)
    write_records(plans, content)
    return plans
