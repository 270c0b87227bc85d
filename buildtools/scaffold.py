"""Write a new, valid record file from a template (``invoke new``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from raadsinfo.dates import datum
from raadsinfo.dossier import slugify

VOORSTEL = """---
# Nieuw raadsvoorstel. Vul alle velden in; zie docs/handleiding-griffie.md.
id: "{id}"
titel: {titel}
datumIngediend: "{vandaag}"
portefeuillehouder: wethouder ...
onderwerpen: [{onderwerp}]
samenvatting: >-
  Schrijf hier in korte zinnen wat het college voorstelt en wat het betekent
  voor inwoners.
gevraagdBesluit:
  - Schrijf hier wat het college de raad vraagt te besluiten.
# Het ontwerpbesluit: de officiële tekst uit het raadsvoorstel (mag weg blijven).
# Haal '# ' weg aan het begin van de regels hieronder en vul de tekst in.
# ontwerpbesluit:
#   aanhef: |
#     De raad van de gemeente Harderwijk;
#     gelezen het voorstel van burgemeester en wethouders van {vandaag_tekst};
#     gelet op ...;
#     besluit:
#   punten:
#     - ... vast te stellen;
behandeling:
  - {{gremium: commissie-ruimte, datum: "JJJJ-MM-DD", tijd: "19:30"}}
  - {{gremium: gemeenteraad, datum: "JJJJ-MM-DD", tijd: "19:30"}}
documenten:
  - titel: Raadsvoorstel
    url: https://
---
Toelichting in gewone taal.
"""

BESLUIT = """---
# Uitkomst van voorstel {id}. Zie docs/handleiding-griffie.md.
voorstel: "{id}"
vergaderdatum: "{vandaag}"
besluitresultaat: aangenomen
indicatieHamerstuk: false
stemmingen:
{stemmingen}besluittoelichting: >-
  Waarom heeft de raad dit besloten? Schrijf het in korte zinnen.
---
"""


def new_voorstel(content: Path, id: str, titel: str, onderwerp: str = "bestuur", today: date | None = None) -> Path:
    today = today or date.today()
    path = Path(content) / "voorstellen" / f"{id}-{slugify(titel)}.md"
    if path.exists():
        raise FileExistsError(path)
    text = VOORSTEL.format(id=id, titel=titel, vandaag=today.isoformat(), vandaag_tekst=datum(today),
                           onderwerp=onderwerp)
    path.write_text(text, encoding="utf-8")
    return path


def new_besluit(content: Path, id: str, fracties: list[str], today: date | None = None) -> Path:
    today = today or date.today()
    path = Path(content) / "besluiten" / f"{id}.md"
    if path.exists():
        path = Path(content) / "besluiten" / f"{id}-{today.isoformat()}.md"
    if path.exists():
        raise FileExistsError(path)
    stemmingen = "".join(f"  - {{fractie: {f}, fractiestemresultaat: voor}}\n" for f in fracties)
    path.write_text(BESLUIT.format(id=id, vandaag=today.isoformat(), stemmingen=stemmingen), encoding="utf-8")
    return path
