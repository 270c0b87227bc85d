"""The dossiers as VNG Open Raadsinformatie (ODS 2.0) resources: one list per schema.

``data/dossiers.json`` is one flat object per dossier, easy to read but not what an
ODS client expects. The standard has linked resources instead (a Vergadering has
Agendapunten, a Stemming belongs to an Agendapunt and leads to a Besluit, and so on),
each with a ``url`` and ``id`` and with references ``{"id", "url"}`` to the others.
This module maps the dossiers onto those resources, so that any ODS client can load
the site's data, and so that a data team can join them without knowing our records.

How the domain maps (``/data/ods/<Schema>.json``, schema names as in the
specification's ``components/schemas``):

* **Vergadering**: one per gremium and day on which a dossier is, was or will be on
  the agenda (``behandeling`` steps and outcome meetings).
* **Agendapunt**: one dossier at one meeting. Its ``agendapuntOmschrijving`` is the
  agenda line the calendars print (:attr:`raadsinfo.agenda.Agendapunt.titel`), so it
  starts with the label of that moment ("Voorstel aan de raad: ...", "Voorstel
  uitgesteld: ...", "Verworpen: ..."). A closed dossier (decided or withdrawn) is on
  no agenda after its last outcome.
* **InformatieObject**: the raadsvoorstel (``informatieobjecttype`` ``voorstel``),
  its documents (no type: the standard has none for an attachment), and the
  amendementen and moties (``amendement``, ``motie``) of a decided dossier.
* **Besluit**, **Stemming**, **StemresultaatPerFractie**: only for a *decided*
  dossier (the labelling rule, DESIGN "voorstel, niet besluit"). An undecided one
  (in behandeling, aangehouden, ingetrokken) has no Besluit and no Stemming: what
  happened to it is on its Agendapunt (``indicatorBehandeld: false`` and the line
  "Voorstel uitgesteld: ...") and on its InformatieObject (``label``, ``status``).
  A hamerstuk is a Besluit without a Stemming, with ``indicatieHamerstuk: true`` on
  its Agendapunt.
* **Fractie**: every fractie of every council period; **Indiener**: who filed an
  amendement or motie (a fractie, linked to its Fractie).

Values follow the specification's enumerations: ``fractiestemresultaat`` is
aangenomen/verworpen/verdeeld (a record's voor/tegen/verdeeld; a fractie whose
members were all absent has none), ``resultaatMondelingeStemming`` voor/tegen/gelijk,
``vergaderingstype`` raadsvergadering/commissievergadering, ``status``
gepland/gehouden. The specification allows properties beyond its own; ours are
few and named like those of ``dossiers.json``: ``dossier`` (the dossier id) on every
resource of one dossier, ``label``/``status``/``statusLabel``/``statusUitleg``/
``labelTitel`` where a resource says what the dossier is, ``besluitresultaatCode``,
``indicatieHamerstuk`` and ``vergaderdatum`` on a Besluit, the vote counts
``aantalVoor``/``aantalTegen``/``aantalAfwezig``, ``onderwerpStemming`` and the
result ``besluitresultaat`` of each Stemming, and the seats (``zetels``) of a Fractie.

Ids are stable: made of the dossier id, the gremium, the meeting date and positions
in the record, never of a title; an outcome's Besluit is named after its dossier, so
correcting a meeting date does not make it a new decision. A resource's ``url`` is
the address of its file with its id as fragment (``.../data/ods/Besluit.json#2024-010``):
a static site has no API, and that address finds the object.

Plain Python, no Pelican: ``plugins/exports`` writes the files, the guard
(``plugins/guard/data_check.py``) compares them with the domain, and
``tests/test_ods.py`` validates every object against the specification.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from . import agenda, labels
from .agenda import Agendapunt
from .dates import datum
from .dossier import Dossier, slugify
from .export import ODS_CODES
from .model import GREMIA, Nevenvoorstel, Raadsperiode, Stemming, Stemronde, Uitkomst
from .nieuws import TIMEZONE

#: The version of the specification the export follows (tests/data/ods/openapi.yaml).
SPEC_VERSION = "2.0.0-beta.4"

#: The files, one per resource type, named after their schema in ``components/schemas``.
SCHEMAS = ("Vergadering", "Agendapunt", "InformatieObject", "Besluit", "Stemming", "StemresultaatPerFractie",
           "Fractie", "Indiener")

#: Resources that say the council decided or voted: never about an undecided dossier.
BESLISSEND = ("Besluit", "Stemming", "StemresultaatPerFractie")

#: ``gremiumidentificatie`` (at most 10 characters in ODS) of each gremium.
GREMIUM_CODES = {"gemeenteraad": "raad", "commissie-ruimte": "ruimte", "commissie-samenleving": "samenlev"}

#: A record's fractiestemresultaat in the values of ODS ``FractieStemResultaat``.
FRACTIESTEMRESULTAAT = {"voor": "aangenomen", "tegen": "verworpen", "verdeeld": "verdeeld"}

#: Dutch in ISO 639-2/B, as ODS asks for ``taal``.
TAAL = "dut"

_ID_MAX = 40  # every ODS id is at most 40 characters


def resource_id(*parts: str) -> str:
    """An id of at most 40 characters from ``parts``; a longer one keeps its start and
    ends in a short hash of the whole, so it stays unique and stable."""
    whole = "-".join(parts)
    if len(whole) <= _ID_MAX:
        return whole
    return whole[:_ID_MAX - 9].rstrip("-") + "-" + hashlib.sha1(whole.encode()).hexdigest()[:8]


def fractie_id(naam: str) -> str:
    return resource_id(slugify(naam) or "fractie")


def past(text: str, lengte: int) -> str:
    """``text`` within ``lengte`` characters (an ODS maxLength), cut after a whole word with
    "…"; the whole text stays where the standard has room for it (titel, dossiers.json)."""
    text = " ".join(text.split())
    if len(text) <= lengte:
        return text
    cut = text[:lengte - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def fractiestemresultaat(s: Stemming) -> str | None:
    """The ODS value of one fractie's vote; None when none of its members voted."""
    if s.voor == 0 and s.tegen == 0:
        return None
    return FRACTIESTEMRESULTAAT[s.fractiestemresultaat]


def stemmingsresultaat(ronde: Stemronde) -> str:
    """ODS ``StemmingResultaat`` of a vote: more voor, more tegen, or equal."""
    if ronde.voor > ronde.tegen:
        return "voor"
    return "tegen" if ronde.tegen > ronde.voor else "gelijk"


@dataclass
class _Vergadering:
    gremium: str
    datum: date
    tijden: set = field(default_factory=set)
    uitkomst: bool = False  # an outcome was recorded at this meeting: it was held
    punten: list[str] = field(default_factory=list)


class _Export:
    """Builds the resources of one export: the addresses and the shared parts."""

    def __init__(self, base_url: str, site_url: str, today: date, gemeente: dict | None):
        self.base = base_url.rstrip("/")
        self.site = site_url.rstrip("/")
        self.today = today
        self.gemeente = {"gemeente": gemeente} if gemeente else {}
        self.out: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
        self.vergaderingen: dict[tuple[str, date], _Vergadering] = {}
        self.fracties: dict[str, dict] = {}

    def url(self, schema: str, id_: str) -> str:
        return f"{self.base}/{schema}.json#{id_}"

    def ref(self, schema: str, id_: str) -> dict:
        return {"id": id_, "url": self.url(schema, id_)}

    def add(self, schema: str, id_: str, **fields) -> dict:
        obj = {"url": self.url(schema, id_), "id": id_, **fields}
        self.out[schema].append(obj)
        return obj

    # --- fracties ---------------------------------------------------------------------

    def fractie(self, naam: str, periode: Raadsperiode | None = None, zetels: int | None = None) -> dict:
        """The reference to a fractie, made once per name across council periods."""
        i = fractie_id(naam)
        if i not in self.fracties:
            self.fracties[i] = self.add("Fractie", i, fractienaam=past(naam, 100), **self.gemeente, zetels=[])
        if periode is not None:
            self.fracties[i]["zetels"].append({"raadsperiode": periode.naam, "van": periode.van.isoformat(),
                                               "tot": periode.tot.isoformat(), "zetels": zetels})
        return self.ref("Fractie", i)

    # --- one dossier --------------------------------------------------------------------

    def dossier(self, d: Dossier) -> None:
        t = d.teksten
        besluit = d.besluit if d.is_besluit else None  # the labelling rule: nothing decided otherwise
        voorstel_io = self.ref("InformatieObject", d.id)
        documenten = [resource_id(d.id, "document", str(n)) for n in range(1, len(d.voorstel.documenten) + 1)]
        neven = self._neven(d, besluit) if besluit else []
        regels = agenda.agendapunten(d)
        punt_ids = [resource_id(d.id, GREMIUM_CODES.get(r.stap.gremium, r.stap.gremium[:10]),
                                r.stap.datum.isoformat()) for r in regels]
        besluit_punt = next((pid for pid, r in zip(punt_ids, regels, strict=True)
                             if besluit is not None and r.uitkomst is besluit), None)
        stemmingen = self._stemmingen(d, besluit, besluit_punt, neven) if besluit else []

        for pid, regel in zip(punt_ids, regels, strict=True):
            vergadering = self._vergadering(regel, pid)
            punt = self.add(
                "Agendapunt", pid,
                vergadering=self.ref("Vergadering", vergadering),
                agendapuntTitel=past(d.titel, 100),
                agendapuntOmschrijving=regel.titel,
                informatieobjecten=[voorstel_io["url"], *(self.url("InformatieObject", i) for i in documenten)],
                **self.gemeente,
                dossier=d.id, label=t.label.value, status=t.status.naam,
            )
            if regel.uitkomst is not None and regel.uitkomst is besluit:
                punt["informatieobjecten"] += [self.url("InformatieObject", n["id"]) for n in neven]
                punt.update(indicatieHamerstuk=besluit.hamerstuk, indicatorBehandeld=True)
                if stemmingen:
                    punt["stemmingen"] = [self.url("Stemming", s) for s in stemmingen]
            elif regel.uitkomst is not None:  # aangehouden or ingetrokken: the vote did not take place
                punt["indicatorBehandeld"] = False

        agendapunten = [self.ref("Agendapunt", pid) for pid in punt_ids]
        v = d.voorstel
        self.add(
            "InformatieObject", d.id,
            informatieobjecttype="voorstel",
            titel=past(v.titel, 200),
            omschrijving=v.samenvatting,
            datumIngediend=v.datum_ingediend.isoformat(),
            portefeuillehouder=past(v.portefeuillehouder, 100),
            link=f"{self.site}/{d.url}",
            taal=TAAL,
            agendapunten=agendapunten,
            **self.gemeente,
            dossier=d.id, label=t.label.value, status=t.status.naam, statusLabel=t.badge, statusUitleg=t.zin,
            labelTitel=t.kop,
        )
        for doc, i in zip(v.documenten, documenten, strict=True):
            self.add("InformatieObject", i, titel=past(doc.titel, 200), link=doc.url, taal=TAAL,
                     agendapunten=agendapunten, **self.gemeente, dossier=d.id)
        for n in neven:
            self.out["InformatieObject"].append(n)
        if besluit is not None:
            self._besluit(d, besluit, besluit_punt, stemmingen)

    def _vergadering(self, regel: Agendapunt, punt_id: str) -> str:
        s = regel.stap
        m = self.vergaderingen.setdefault((s.gremium, s.datum), _Vergadering(s.gremium, s.datum))
        if s.tijd is not None:
            m.tijden.add(s.tijd)
        m.uitkomst = m.uitkomst or regel.uitkomst is not None
        m.punten.append(punt_id)
        return vergadering_id(s.gremium, s.datum)

    def _neven(self, d: Dossier, besluit: Uitkomst) -> list[dict]:
        """The InformatieObjecten of the amendementen and moties (added to the list by
        :meth:`dossier`, after the voorstel's own), with their Indieners."""
        objs = []
        for soort, items in (("amendement", besluit.amendementen), ("motie", besluit.moties)):
            for n, item in enumerate(items, start=1):
                i = resource_id(d.id, soort, str(n))
                objs.append({
                    "url": self.url("InformatieObject", i), "id": i,
                    "informatieobjecttype": soort,
                    "titel": past(item.titel, 200),
                    **({"omschrijving": item.omschrijving} if item.omschrijving else {}),
                    "taal": TAAL,
                    "gerelateerdInformatieobject": {"informatieobject": self.ref("InformatieObject", d.id),
                                                    "rol": "voorstel"},
                    **self.gemeente,
                    "dossier": d.id,
                    **_resultaat(item.besluitresultaat),
                })
                for indiener in dict.fromkeys(item.indieners):
                    fractie = fractie_id(indiener)  # a fractie of the council, when the name is one
                    self.add("Indiener", resource_id(i, slugify(indiener) or "indiener"), naam=past(indiener, 200),
                             informatieobject=self.ref("InformatieObject", i), dossier=d.id,
                             **({"fractie": self.ref("Fractie", fractie)} if fractie in self.fracties else {}))
        return objs

    def _stemmingen(self, d: Dossier, besluit: Uitkomst, punt: str, neven: list[dict]) -> list[str]:
        """The Stemmingen of a decided dossier's meeting (the voorstel's, then each
        amendement's and motie's that was voted on) with their StemresultaatPerFractie."""
        rondes: list[tuple[str, str, str, Stemronde, str]] = [
            ("voorstel", resource_id(d.id, "voorstel"), besluit.besluitresultaat, besluit.stemronde, d.id)]
        items: Iterable[tuple[str, Nevenvoorstel]] = [*(("amendement", a) for a in besluit.amendementen),
                                                      *(("motie", m) for m in besluit.moties)]
        for (soort, item), obj in zip(items, neven, strict=True):
            rondes.append((soort, resource_id(obj["id"]), item.besluitresultaat, item.stemronde, obj["id"]))
        ids = []
        for soort, i, resultaat, ronde, io in rondes:
            if not ronde:  # a hamerstuk, or an amendement or motie without a recorded vote
                continue
            ids.append(i)
            self.add(
                "Stemming", i,
                agendapunt=self.ref("Agendapunt", punt),
                **({"besluit": self.ref("Besluit", d.id)} if soort == "voorstel" else {}),
                informatieobject=self.ref("InformatieObject", io),
                resultaatMondelingeStemming=stemmingsresultaat(ronde),
                dossier=d.id, onderwerpStemming=soort, **_resultaat(resultaat),
                aantalVoor=ronde.voor, aantalTegen=ronde.tegen,
                aantalAfwezig=sum(s.afwezig for s in ronde.stemmingen),
            )
            for s in ronde.stemmingen:
                uitslag = fractiestemresultaat(s)
                self.add("StemresultaatPerFractie", resource_id(i, fractie_id(s.fractie)),
                         fractie=self.fractie(s.fractie), stemming=self.ref("Stemming", i),
                         **({"fractiestemresultaat": uitslag} if uitslag else {}),
                         dossier=d.id, aantalVoor=s.voor, aantalTegen=s.tegen, aantalAfwezig=s.afwezig)
        return ids

    def _besluit(self, d: Dossier, besluit: Uitkomst, punt: str, stemmingen: list[str]) -> None:
        toelichting = labels.kort(besluit.besluittoelichting, 200) if besluit.besluittoelichting else ""
        voorstel_stemming = resource_id(d.id, "voorstel")
        self.add(
            "Besluit", d.id,
            **_resultaat(besluit.besluitresultaat),
            **({"besluittoelichting": toelichting} if toelichting and len(toelichting) <= 200 else {}),
            stemmingen=[self.url("Stemming", voorstel_stemming)] if voorstel_stemming in stemmingen else [],
            dossier=d.id,
            indicatieHamerstuk=besluit.hamerstuk,
            vergaderdatum=besluit.vergaderdatum.isoformat(),
            agendapunt=self.ref("Agendapunt", punt),
            informatieobject=self.ref("InformatieObject", d.id),
        )

    # --- the meetings, last: they list the agenda items of every dossier -------------

    def meetings(self) -> None:
        for (gremium, day), m in sorted(self.vergaderingen.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            gehouden = day < self.today or m.uitkomst
            aanvang = ({"geplandeAanvangVergadering": datetime.combine(day, min(m.tijden), TIMEZONE).isoformat()}
                       if m.tijden else {})
            self.add(
                "Vergadering", vergadering_id(gremium, day),
                naam=f"{GREMIA.get(gremium, gremium)} {datum(day)}",
                vergaderingstype="raadsvergadering" if gremium == "gemeenteraad" else "commissievergadering",
                georganiseerdDoorGremium={"gremiumidentificatie": GREMIUM_CODES.get(gremium, gremium[:10]),
                                          "gremiumnaam": GREMIA.get(gremium, gremium)},
                geplandeVergaderdatum=day.isoformat(),
                **({"vergaderdatum": day.isoformat()} if gehouden else {}),
                **aanvang,
                status="gehouden" if gehouden else "gepland",
                agendapunten=[self.url("Agendapunt", p) for p in sorted(m.punten)],
                **self.gemeente,
            )


def vergadering_id(gremium: str, day: date) -> str:
    return resource_id(GREMIUM_CODES.get(gremium, gremium[:10]), day.isoformat())


def _resultaat(besluitresultaat: str) -> dict:
    """The result as recorded, with its ODS code where the standard has one."""
    code = ODS_CODES[besluitresultaat]
    return {"besluitresultaat": besluitresultaat, **({"besluitresultaatCode": code} if code else {})}


def gemeente(naam: str, code: str) -> dict | None:
    """ODS ``Gemeente`` (CBS code and name), or None when either is not configured."""
    return {"gemeentecode": code, "gemeentenaam": naam} if naam and code else None


def resources(dossiers: list[Dossier], perioden: Iterable[Raadsperiode] = (), *, base_url: str, site_url: str = "",
              today: date, gemeente: dict | None = None) -> dict[str, list[dict]]:
    """Every ODS resource of the site, per schema name (:data:`SCHEMAS`).

    ``base_url`` is the absolute address of the folder with the files (``url`` of each
    resource is ``<base_url>/<Schema>.json#<id>``); ``site_url`` the site's, for links
    to the dossier pages (default: two levels above ``base_url``). ``today`` tells a
    held meeting from a planned one.
    """
    export = _Export(base_url, site_url or base_url.rstrip("/").rsplit("/", 2)[0], today, gemeente)
    for periode in perioden:
        for f in periode.fracties:
            export.fractie(f.naam, periode, f.zetels)
    for d in sorted(dossiers, key=lambda d: d.id):
        export.dossier(d)
    export.meetings()
    export.out["Fractie"].sort(key=lambda f: f["id"])
    _LAATSTE.update(sleutel=_sleutel(dossiers, today), resources=export.out)
    return export.out


#: The last resources made, for :func:`gemaakt`: the build makes them for the export,
#: and the guard compares the written files with the same domain mapping.
_LAATSTE: dict = {}


def _sleutel(dossiers, today: date) -> tuple:
    return today, tuple((d.id, id(d)) for d in dossiers)


def gemaakt(dossiers, today: date) -> dict[str, list[dict]] | None:
    """The resources :func:`resources` last made for these very dossier objects and day
    (their addresses are those of that call), or None."""
    return _LAATSTE.get("resources") if _LAATSTE.get("sleutel") == _sleutel(dossiers, today) else None


def to_json(objects: list[dict]) -> str:
    """A JSON array with one object per line: readable and diffable, written by json's
    fast C encoder (as :func:`raadsinfo.export.to_json`)."""
    dump = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    return ("[\n" + ",\n".join(dump(o) for o in objects) + "\n]\n") if objects else "[]\n"
