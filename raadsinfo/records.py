"""Turn schema-valid front matter into typed records.

Called only after :func:`raadsinfo.schema.check` passed for the data, so the shape
is known to be right; the only conversion left is text to dates and times.
"""

from __future__ import annotations

import re
from datetime import date, time

from .model import (
    Bevestiging,
    Bomen,
    Document,
    Fractie,
    Kosten,
    Nevenvoorstel,
    Onderwerp,
    Ontwerpbesluit,
    Raadsperiode,
    Stap,
    Stemming,
    Stemronde,
    Uitkomst,
    Voorstel,
    Wijziging,
)


def _date(text: str) -> date:
    return date.fromisoformat(text)


#: A break after a semicolon and white space: where one part of the aanhef ends.
_NA_PUNTKOMMA = re.compile(r"(?<=;)\s+")


def aanhef_regels(aanhef: str | list[str] | None) -> tuple[str, ...]:
    """The opening formula as lines, one per part, as the formal text prints it.

    A clerk may type it as a list, or as a text block. Everywhere else in a record a
    long text is written after ``>-``, which folds its lines into one; the parts of
    the formula end in ";" by convention ("gelezen het voorstel ...;", "gelet op
    ...;"), so a text is also broken after every semicolon, and a folded aanhef
    comes out the same as one written after ``|``.
    """
    if not aanhef:
        return ()
    regels = aanhef if isinstance(aanhef, list) else aanhef.splitlines()
    return tuple(deel.strip() for regel in regels for deel in _NA_PUNTKOMMA.split(regel.strip()) if deel.strip())


def ontwerpbesluit_from(data: dict | None) -> Ontwerpbesluit | None:
    """An ``ontwerpbesluit`` (voorstel) or ``besluittekst`` (outcome), or None when absent."""
    if not data:
        return None
    return Ontwerpbesluit(aanhef=aanhef_regels(data.get("aanhef")), punten=tuple(p.strip() for p in data["punten"]))


def labelcontrole_from(data: dict) -> tuple[Bevestiging, ...]:
    """The confirmed sentences of a record (``labelcontrole``), for the wording check."""
    return tuple(Bevestiging(b["zin"].strip(), b["reden"].strip()) for b in data.get("labelcontrole", []))


def wijzigingen_from(data: dict) -> tuple[Wijziging, ...]:
    """The corrections of a record (``wijzigingen``), in file order so that messages can name each one."""
    return tuple(Wijziging(_date(w["datum"]), w["omschrijving"].strip()) for w in data.get("wijzigingen", []))


def stap_from(item: dict) -> Stap:
    """One step of the behandeling, with the dates it was planned on before (``eerder``)."""
    return Stap(
        item["gremium"],
        _date(item["datum"]),
        time.fromisoformat(item["tijd"]) if "tijd" in item else None,
        tuple(_date(d) for d in item.get("eerder", [])),
        _date(item["verplaatstOp"]) if "verplaatstOp" in item else None,
    )


def voorstel_from(data: dict, body: str, source: str) -> Voorstel:
    kosten = data.get("kosten")
    bomen = data.get("bomen")
    return Voorstel(
        id=data["id"],
        titel=data["titel"].strip(),
        datum_ingediend=_date(data["datumIngediend"]),
        portefeuillehouder=data["portefeuillehouder"],
        onderwerpen=tuple(data["onderwerpen"]),
        samenvatting=data["samenvatting"].strip(),
        gevraagd_besluit=tuple(p.strip() for p in data["gevraagdBesluit"]),
        behandeling=tuple(stap_from(s) for s in data["behandeling"]),
        documenten=tuple(Document(d["titel"], d["url"]) for d in data.get("documenten", [])),
        kosten=Kosten(kosten["bedrag"], kosten.get("toelichting", "")) if kosten else None,
        bomen=Bomen(bomen["gekapt"], bomen["herplant"], bomen["toelichting"].strip()) if bomen else None,
        ontwerpbesluit=ontwerpbesluit_from(data.get("ontwerpbesluit")),
        labelcontrole=labelcontrole_from(data),
        wijzigingen=wijzigingen_from(data),
        toelichting=body.strip(),
        source=source,
    )


def stemming_from(item: dict, zetels: int | None) -> Stemming:
    """One fractie's vote; an unsplit fractie votes with all seats present."""
    afwezig = item.get("afwezig", 0)
    uitslag = item["fractiestemresultaat"]
    if uitslag == "verdeeld":
        voor, tegen = item.get("voor", 0), item.get("tegen", 0)
    else:
        present = max((zetels or 0) - afwezig, 0)
        voor = item.get("voor", present if uitslag == "voor" else 0)
        tegen = item.get("tegen", present if uitslag == "tegen" else 0)
    return Stemming(item["fractie"], uitslag, voor, tegen, afwezig)


def stemronde_from(items: list[dict], seats_of) -> Stemronde:
    return Stemronde(tuple(stemming_from(i, seats_of(i["fractie"])) for i in items))


def uitkomst_from(data: dict, body: str, source: str, seats_of) -> Uitkomst:
    """``seats_of(fractie)`` gives the fractie's seats at the meeting date, or None."""

    def neven(soort: str, items: list[dict]) -> tuple[Nevenvoorstel, ...]:
        return tuple(
            Nevenvoorstel(
                soort=soort,
                titel=i["titel"].strip(),
                besluitresultaat=i["besluitresultaat"],
                indieners=tuple(i.get("indieners", [])),
                omschrijving=i.get("omschrijving", "").strip(),
                stemronde=stemronde_from(i.get("stemmingen", []), seats_of),
            )
            for i in items
        )

    bekendmaking = data.get("bekendmaking") or {}
    return Uitkomst(
        voorstel_id=data["voorstel"],
        vergaderdatum=_date(data["vergaderdatum"]),
        besluitresultaat=data["besluitresultaat"],
        hamerstuk=bool(data.get("indicatieHamerstuk", False)),
        stemronde=stemronde_from(data.get("stemmingen", []), seats_of),
        amendementen=neven("amendement", data.get("amendementen", [])),
        moties=neven("motie", data.get("moties", [])),
        besluittoelichting=data.get("besluittoelichting", "").strip(),
        bekendmaking_datum=_date(bekendmaking["datum"]) if "datum" in bekendmaking else None,
        bekendmaking_url=bekendmaking.get("url", ""),
        besluittekst=ontwerpbesluit_from(data.get("besluittekst")),
        labelcontrole=labelcontrole_from(data),
        wijzigingen=wijzigingen_from(data),
        toelichting=body.strip(),
        source=source,
    )


def perioden_from(data: dict) -> list[Raadsperiode]:
    return [
        Raadsperiode(
            naam=p["naam"],
            van=_date(p["van"]),
            tot=_date(p["tot"]),
            zetels=p["zetels"],
            fracties=tuple(Fractie(f["naam"], f["zetels"]) for f in p["fracties"]),
            voorbeelddata=p.get("voorbeelddata", False),
            bron=p.get("bron", ""),
            opmerking=p.get("opmerking", ""),
        )
        for p in data["perioden"]
    ]


def onderwerpen_from(data: dict) -> list[Onderwerp]:
    return [Onderwerp(o["slug"], o["naam"], o.get("omschrijving", "")) for o in data["onderwerpen"]]
