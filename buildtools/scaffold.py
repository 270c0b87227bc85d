"""Write a new record file for the griffie to fill in (``invoke new``).

Why it is built this way:

* **Nothing is written until every input is checked.** The id must match the
  schema's pattern (so it can never be a path such as ``../../x``), the title must be
  one line of visible text of the schema's length, the topic must exist, and for an
  outcome the meeting must be a council meeting of the voorstel. A refusal is a
  :class:`Refused` with a Dutch reason; ``tasks.py`` shows it without a traceback.
* **Values are written by the YAML library.** A title such as "Speeltuin #2 in
  Drielanden" or "Plan: 't Hoogstraatje" would break or shorten hand-built YAML
  (``#`` starts a comment, ``:`` a key); :func:`_scalar` quotes every value, and the
  text is parsed back before it is written, so a file that would not read back as
  given is never written.
* **Only a new plain file inside ``content/<folder>/``.** The file is created with
  ``O_EXCL`` (an existing file is refused, never overwritten, even by a race) and
  ``O_NOFOLLOW`` (no link is followed), in a folder that is not a link; a write that
  fails halfway leaves nothing behind.
* **Every fill-in text is caught by ``invoke check``** until it is replaced: the
  texts come from :mod:`raadsinfo.placeholders`, and the choices (the outcome, each
  fractie's vote) are written as a question that the schema does not accept.
* **An outcome is named after its meeting.** The loader accepts ``<id>.md`` or
  ``<id>-<datum>.md`` for an outcome; the first outcome of a voorstel is ``<id>.md``,
  a later one ``<id>-<vergaderdatum>.md``.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import yaml

from raadsinfo import characters, placeholders, schema
from raadsinfo.dates import datum as datum_tekst
from raadsinfo.dossier import slugify
from raadsinfo.frontmatter import parse_yaml
from raadsinfo.problems import Problems


class Refused(Exception):
    """No file was written; the message (Dutch) says why and what to do."""


_VOORSTEL_SCHEMA = schema._schema("voorstel")["properties"]
ID_PATTERN = re.compile(_VOORSTEL_SCHEMA["id"]["pattern"])
TITEL_MIN = _VOORSTEL_SCHEMA["titel"]["minLength"]
TITEL_MAX = _VOORSTEL_SCHEMA["titel"]["maxLength"]
ONDERWERP_PATTERN = re.compile(_VOORSTEL_SCHEMA["onderwerpen"]["items"]["pattern"])
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: Longest slug in a file name: the title stays readable, the name stays short.
SLUG_MAX = 60

KIES_RESULTAAT = placeholders.KIES_RESULTAAT
KIES_STEM = placeholders.KIES_STEM

VOORSTEL = """---
# Nieuw raadsvoorstel. Vul alle velden in; zie docs/handleiding-griffie.md.
# 'invoke check' noemt elke tekst die nog moet worden ingevuld.
id: {id}
titel: {titel}
datumIngediend: {vandaag}
portefeuillehouder: {portefeuillehouder}
onderwerpen: [{onderwerp}]
samenvatting: >-
  {samenvatting}
gevraagdBesluit:
  - {gevraagd}
# Het ontwerpbesluit: de officiële tekst uit het raadsvoorstel (mag weg blijven).
# Haal '# ' weg aan het begin van de regels hieronder en vul de tekst in.
# ontwerpbesluit:
#   aanhef: |
#     De raad van de gemeente Harderwijk;
#     gelezen het voorstel van burgemeester en wethouders van {vandaag_tekst};
#     {gelet_op}
#     besluit:
#   punten:
#     - {punt}
behandeling:
  - {{gremium: commissie-ruimte, datum: "JJJJ-MM-DD", tijd: "19:30"}}
  - {{gremium: gemeenteraad, datum: "JJJJ-MM-DD", tijd: "19:30"}}
documenten:
  - titel: Raadsvoorstel
    url: {url}
---
{body}
"""

BESLUIT = """---
# Uitkomst van voorstel {id_tekst} in de raadsvergadering van {datum_tekst}.
# Zie docs/handleiding-griffie.md. 'invoke check' noemt alles wat nog moet worden ingevuld.
voorstel: {id}
vergaderdatum: {datum}
# Kies een van: unaniem aangenomen, aangenomen, geamendeerd aangenomen, verworpen,
# aangehouden of ingetrokken.
besluitresultaat: {resultaat}
indicatieHamerstuk: false
# Hoe stemde elke fractie? Schrijf voor of tegen (verdeeld: zie de handleiding).
# Bij een hamerstuk, aangehouden of ingetrokken: haal 'stemmingen' helemaal weg.
stemmingen:
{stemmingen}besluittoelichting: >-
  {toelichting}
---
"""


def _scalar(value: str) -> str:
    """One value as YAML on one line, quoted by the YAML library: it reads back unchanged."""
    text = yaml.safe_dump(value, allow_unicode=True, default_style='"', width=float("inf")).rstrip("\n")
    if "\n" in text:  # pragma: no cover - single-line values are checked before
        raise Refused("Deze tekst past niet op één regel.")
    return text


def check_id(id: str) -> str:
    """The id as given, or :class:`Refused` when it is not a registration number."""
    id = id or ""
    if not id.strip():
        raise Refused("Geef een id mee, bijvoorbeeld: invoke new --id 2026-050 --titel \"Nieuwe speeltuin\"")
    if not ID_PATTERN.fullmatch(id):  # fullmatch: "$" alone would let a final line break through
        raise Refused(f"Het id {id!r} heeft niet de goede vorm. Een id is het jaar, een streepje en drie "
                      "cijfers, bijvoorbeeld 2026-050. Er is niets geschreven.")
    return id


def check_titel(titel: str) -> str:
    titel = (titel or "").strip()
    if not titel:
        raise Refused("Geef een titel mee, bijvoorbeeld: invoke new --id 2026-050 --titel \"Nieuwe speeltuin\"")
    problem = characters.single_line_problem(titel)
    if problem:
        raise Refused(f"De titel kan zo niet: {problem}. Geef de titel op één regel, zonder onzichtbare tekens. "
                      "Er is niets geschreven.")
    if not TITEL_MIN <= len(titel) <= TITEL_MAX:
        raise Refused(f"De titel is {len(titel)} tekens lang; een titel heeft {TITEL_MIN} tot {TITEL_MAX} tekens. "
                      "Er is niets geschreven.")
    return titel


def check_onderwerp(onderwerp: str, known: list[str] | None) -> str:
    onderwerp = (onderwerp or "").strip()
    if not ONDERWERP_PATTERN.fullmatch(onderwerp):
        raise Refused(f"Het onderwerp {onderwerp!r} heeft niet de goede vorm: gebruik de korte naam uit "
                      "content/raad/onderwerpen.yaml, bijvoorbeeld wonen. Er is niets geschreven.")
    if known and onderwerp not in known:
        raise Refused(f"Het onderwerp {onderwerp!r} bestaat niet. Kies een van: {', '.join(known)}. "
                      "Er is niets geschreven.")
    return onderwerp


def check_datum(text: str) -> date:
    text = (text or "").strip()
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise Refused(f"De datum {text!r} is geen echte datum in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-12-17. "
                      "Er is niets geschreven.") from None


def _folder(content: Path, name: str) -> Path:
    """``content/<name>``, when it is a real folder (not a link); else :class:`Refused`."""
    folder = Path(content) / name
    if folder.is_symlink() or not folder.is_dir():
        raise Refused(f"De map content/{name}/ ontbreekt of is geen gewone map. Er is niets geschreven. "
                      "Staat u in de goede map?")
    return folder


def _same_id(folder: Path, id: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name == f"{id}.md" or p.name.startswith(f"{id}-"))


def _rel(content: Path, path: Path) -> str:
    return f"content/{path.relative_to(content).as_posix()}"


def _write_new(content: Path, folder: Path, name: str, text: str, kind: str, expect: dict) -> Path:
    """Create ``folder/name`` with ``text``; never overwrite, never follow a link, never leave half a file."""
    path = folder / name
    if Path(name).name != name or not name.endswith(".md"):  # pragma: no cover - ids and slugs are checked
        raise Refused("Deze bestandsnaam kan niet. Er is niets geschreven.")
    _read_back(text, kind, expect)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        raise Refused(f"{_rel(content, path)} bestaat al. Er is niets overschreven. Open dat bestand, of kies "
                      "een ander id.") from None
    except OSError as exc:
        raise Refused(f"{_rel(content, path)} kan niet worden gemaakt ({exc.strerror}). Er is niets "
                      "geschreven.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _read_back(text: str, kind: str, expect: dict) -> None:
    """Parse the text as the loader will; refuse when a value would not read back as given."""
    lines = text.splitlines()
    end = lines.index("---", 1)
    parsed = parse_yaml(lines[1:end], 2, "nieuw bestand", Problems())
    data = parsed[0] if parsed else None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in expect.items()):
        raise Refused("Deze tekst kan niet veilig in het bestand worden gezet. Er is niets geschreven. "
                      "Kies een eenvoudiger titel, en meld dit aan de beheerder.")  # pragma: no cover


def new_voorstel(content: Path, id: str, titel: str, onderwerp: str = "bestuur", today: date | None = None,
                 onderwerpen: list[str] | None = None) -> Path:
    """Write ``content/voorstellen/<id>-<slug>.md`` to fill in; :class:`Refused` when it cannot.

    ``onderwerpen``: the topic slugs that exist (when known), to refuse an unknown one.
    """
    content = Path(content)
    today = today or date.today()
    id, titel = check_id(id), check_titel(titel)
    onderwerp = check_onderwerp(onderwerp, onderwerpen)
    folder = _folder(content, "voorstellen")
    existing = _same_id(folder, id)
    if existing:
        raise Refused(f"Er is al een voorstel met id {id}: {_rel(content, existing[0])}. Kies een ander id, of "
                      "open dat bestand. Er is niets geschreven.")
    slug = slugify(titel)[:SLUG_MAX].rstrip("-")
    if len(slugify(titel)) > SLUG_MAX and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    name = f"{id}-{slug}.md" if slug else f"{id}.md"
    text = VOORSTEL.format(
        id=_scalar(id), titel=_scalar(titel), vandaag=_scalar(today.isoformat()), vandaag_tekst=datum_tekst(today),
        onderwerp=_scalar(onderwerp), portefeuillehouder=_scalar(placeholders.PORTEFEUILLEHOUDER),
        samenvatting=placeholders.SAMENVATTING, gevraagd=_scalar(placeholders.GEVRAAGD_BESLUIT),
        gelet_op=placeholders.AANHEF_GELET_OP, punt=placeholders.PUNT, url=_scalar(placeholders.URL),
        body=placeholders.BODY_VOORSTEL,
    )
    return _write_new(content, folder, name, text, "voorstel", {"id": id, "titel": titel, "onderwerpen": [onderwerp]})


def new_besluit(content: Path, id: str, vergaderdatum: date, fracties: list[str], first: bool) -> Path:
    """Write the outcome of voorstel ``id`` at the meeting of ``vergaderdatum`` to fill in.

    ``first``: no outcome of this voorstel exists yet; the file is then ``<id>.md``,
    otherwise ``<id>-<vergaderdatum>.md``. The caller (``tasks.new``) has checked
    the voorstel, the meeting and the council of that date on the loaded site.
    """
    content = Path(content)
    id = check_id(id)
    folder = _folder(content, "besluiten")
    name = f"{id}.md" if first and not (folder / f"{id}.md").exists() else f"{id}-{vergaderdatum.isoformat()}.md"
    stemmingen = "".join(f"  - {{fractie: {_scalar(f)}, fractiestemresultaat: {_scalar(KIES_STEM)}}}\n"
                         for f in fracties) or "  []\n"
    text = BESLUIT.format(id=_scalar(id), id_tekst=id, datum=_scalar(vergaderdatum.isoformat()),
                          datum_tekst=datum_tekst(vergaderdatum), resultaat=_scalar(KIES_RESULTAAT),
                          stemmingen=stemmingen, toelichting=placeholders.BESLUITTOELICHTING)
    expect = {"voorstel": id, "vergaderdatum": vergaderdatum.isoformat(),
              "stemmingen": [{"fractie": f, "fractiestemresultaat": KIES_STEM} for f in fracties]}
    return _write_new(content, folder, name, text, "besluit", expect)
