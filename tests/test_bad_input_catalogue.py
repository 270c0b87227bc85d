"""The bad-input catalogue (issue 17): every kind of hostile or broken input, one row each.

Each row writes a tiny site (tests/conftest.py) with one thing wrong and proves what a
griffie member sees:

* the loader reports it as a Dutch problem that names the file and, where there is
  one, the field (``test_the_problem_names_file_and_field``);
* ``invoke check`` exits non-zero and prints that message, never a traceback
  (``test_invoke_check_refuses_it``);
* the build of ``invoke build`` (``tasks._build_into``) exits non-zero, prints the
  message, no traceback, and leaves the last good site exactly as it was, with no
  staging folder behind (``test_the_build_refuses_it_and_keeps_the_last_good_site``);
  the kinds of tests/test_validation.py get the same build test here.

The builds run through :class:`forkbuild.ForkBuilder` (real ``pelican.main``, forked
from one warm interpreter), so that a hundred builds take seconds; a few kinds also
run as real processes (``invoke check``, ``python -m pelican``) at the end of this file.
The griffie guide (docs/handleiding-griffie.md, "Wat u ziet bij een fout in een
bestand") lists every message of this catalogue: ``test_the_guide_lists_every_message``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BESLUIT_PATH, VOORSTEL_PATH, TinySite, dump_yaml, run_pelican
from forkbuild import ForkBuilder
from invoke import Context, Exit
from test_validation import CASES as VALIDATION_CASES
from test_validation import make as make_validation_case

import tasks
from raadsinfo import characters, export

ROOT = Path(__file__).resolve().parent.parent
V = "content/" + VOORSTEL_PATH
B = "content/" + BESLUIT_PATH
GUIDE = ROOT / "docs" / "handleiding-griffie.md"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Kind:
    """One kind of bad input and what the griffie must see."""

    name: str
    make: Callable[[TinySite], Path]  # writes the tiny site, returns its content folder
    message: str  # a part of the Dutch message
    file: str  # the file as the report names it
    field: str | None = None  # the field, where the problem is in one
    secret: str | None = None  # a text that must appear nowhere in what is shown

    def __str__(self) -> str:
        return self.name


# -- making the sites --------------------------------------------------------------------------

def _voorstel_text(tiny: TinySite, **changes) -> str:
    return tiny.record(tiny.voorstel(**changes))


def _besluit_text(tiny: TinySite, **changes) -> str:
    return tiny.record(tiny.besluit(**changes), "Verslag van de vergadering.\n")


def voorstel(**changes):
    return lambda tiny: tiny(voorstel=changes)


def besluit(**changes):
    return lambda tiny: tiny(besluit=changes)


def voorstel_text(edit: Callable[[str], str]):
    """The default voorstel, its text changed by ``edit`` (for what a dict cannot express)."""
    return lambda tiny: tiny(files={VOORSTEL_PATH: edit(_voorstel_text(tiny))})


def besluit_text(edit: Callable[[str], str]):
    return lambda tiny: tiny(files={BESLUIT_PATH: edit(_besluit_text(tiny))})


def files(named: dict):
    """Extra or replaced files: path inside content/ -> text."""
    return lambda tiny: tiny(files=named)


def _swap(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return edit


def _outside(tiny: TinySite, name: str) -> Path:
    """A folder beside the site, outside content/."""
    folder = tiny.tmp_path / "buiten" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _link(rel: str, target: Callable[[TinySite, Path], Path]):
    """Replace ``content/<rel>`` by a symbolic link to ``target(tiny, content)``."""
    def make(tiny: TinySite) -> Path:
        content = tiny()
        path = content / rel
        goal = target(tiny, content)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        path.symlink_to(goal, target_is_directory=goal.is_dir())
        return content
    return make


def _passwd(tiny, content) -> Path:
    return Path("/etc/passwd")


def _valid_voorstel_outside(tiny, content) -> Path:
    path = _outside(tiny, "record") / "2024-011-extra.md"
    path.write_text(_voorstel_text(tiny, id="2024-011", titel="Een voorstel van buiten"), encoding="utf-8")
    return path


def _secret_page(tiny, content) -> Path:
    """A file outside content/ whose lines a page check would quote if it read it."""
    path = _outside(tiny, "geheim") / "config.md"
    path.write_text("Title: geheime-waarde\nURL: geheime-waarde\nSave_as: geheime-waarde\n\ngeheime-waarde\n",
                    encoding="utf-8")
    return path


def _folder_outside(sub: str):
    def target(tiny, content) -> Path:
        copy = _outside(tiny, f"map-{sub}") / sub
        if not copy.exists():
            shutil.copytree(content / sub, copy)
        return copy
    return target


def _file_outside(sub: str):
    def target(tiny, content) -> Path:
        copy = _outside(tiny, "bestand") / Path(sub).name
        shutil.copy(content / sub, copy)
        return copy
    return target


def _hard_link(rel: str, target: str):
    """``content/<rel>`` as a second name of ``target`` (or of a copy, where linking is not allowed)."""
    def make(tiny: TinySite) -> Path:
        content = tiny()
        try:
            os.link(target, content / rel)
        except OSError:  # another file system, or not allowed: a file of ours with the same first line
            other = _outside(tiny, "hard") / "passwd"
            other.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
            os.link(other, content / rel)
        return content
    return make


def _directory(rel: str):
    def make(tiny: TinySite) -> Path:
        content = tiny()
        (content / rel).mkdir(parents=True)
        (content / rel / "2024-010.md").write_text(_besluit_text(tiny), encoding="utf-8")
        return content
    return make


def _fifo(rel: str):
    def make(tiny: TinySite) -> Path:
        content = tiny()
        os.mkfifo(content / rel)
        return content
    return make


def _unreadable(tiny: TinySite) -> Path:
    content = tiny(files={"voorstellen/2024-011-geheim.md": _voorstel_text(tiny, id="2024-011")})
    (content / "voorstellen" / "2024-011-geheim.md").chmod(0)
    return content


def _bytes_name(tiny: TinySite, name: bytes) -> Path:
    """A file whose name is not UTF-8 (saved by an old Windows tool)."""
    content = tiny()
    with open(os.path.join(os.fsencode(content / "voorstellen"), name), "w", encoding="utf-8") as handle:
        handle.write("---\nid: x\n---\n")
    return content


def _renamed(new_name: str):
    """The default voorstel saved under another name (another extension)."""
    def make(tiny: TinySite) -> Path:
        content = tiny()
        (content / VOORSTEL_PATH).rename(content / "voorstellen" / new_name)
        return content
    return make


BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True))

_DEEP_BLOCK = "x:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(30)) + "  " * 31 + "b\n"
_AMENDEMENT = {"titel": "Amendement speelplek", "besluitresultaat": "verworpen"}
_ONTWERP = {"aanhef": "De raad van de gemeente Harderwijk; besluit:", "punten": ["... vast te stellen;"]}


def _onderwerpen(naam: str) -> str:
    data = {"onderwerpen": [{"slug": "wonen", "naam": naam}, {"slug": "verkeer", "naam": "Verkeer"},
                            {"slug": "groen", "naam": "Groen"}, {"slug": "onderwijs", "naam": "Onderwijs"},
                            {"slug": "bestuur", "naam": "Bestuur"}]}
    return dump_yaml(data)


def _raad_zetels(zetels: int) -> str:
    from conftest import RAADSPERIODEN

    data = {**RAADSPERIODEN, "perioden": [{**RAADSPERIODEN["perioden"][0], "zetels": zetels},
                                          RAADSPERIODEN["perioden"][1]]}
    return dump_yaml(data)


def _votes(**changes) -> list[dict]:
    votes = [dict(v) for v in TinySite.besluit()["stemmingen"]]
    for v in votes:
        v.update(changes.get(v["fractie"], {}))
    return votes


_NIEUW = "voorstellen/2024-011-nieuw"


KINDS = [
    # -- YAML that would hang or crash the tools -------------------------------------------------
    Kind("anker (&) en verwijzing (*)", voorstel_text(_swap("titel: Nieuwe", "titel: &t Nieuwe")),
         "een anker (&) of verwijzing (*) is hier niet toegestaan", V, "titel"),
    Kind("alias-bom: tien regels &a/*a", voorstel_text(_swap("titel:", BOMB + "titel:")),
         "een anker (&) of verwijzing (*) is hier niet toegestaan", V, "a"),
    Kind("verwijzing naar een onbekend anker", voorstel_text(_swap("samenvatting: Het", "samenvatting: *x Het")),
         "een anker (&) of verwijzing (*) is hier niet toegestaan", V, "samenvatting"),
    Kind("samenvoegen met <<: *anker", besluit_text(_swap("- fractie: ChristenUnie", "- <<: *hwa\n  fractie: x")),
         "een anker (&) of verwijzing (*) is hier niet toegestaan", B, "stemmingen[2].<<"),
    Kind("1.500 haakjes [ in de titel", voorstel_text(_swap("titel: Nieuwe", "titel: " + "[" * 1500 + "]" * 1500)),
         "de velden zijn te diep in elkaar genest", V, "titel"),
    Kind("100.000 haakjes { zonder sluiten", voorstel_text(_swap("titel: Nieuwe", "titel: " + "{" * 100000)),
         "de velden zijn te diep in elkaar genest", V, "titel"),
    Kind("dertig ingesprongen niveaus", voorstel_text(_swap("titel:", _DEEP_BLOCK + "titel:")),
         "de velden zijn te diep in elkaar genest", V, "x"),
    Kind("bestand groter dan 256 kB", voorstel_text(lambda t: t + "Lange tekst. " * 25000),
         "het bestand is te groot", V),
    Kind("YAML-label !!python/object", voorstel_text(_swap("titel: Nieuwe", "titel: !!python/object:os.system x")),
         "er staat een YAML-label", V),
    Kind("YAML-label !!binary", voorstel_text(_swap("titel: Nieuwe speeltuin in Drielanden",
                                                    "titel: !!binary aGVsbG8gd29ybGQ=")),
         "de waarde heeft de verkeerde soort", V, "titel"),
    Kind("anker in de begrippenlijst",
         files({"raad/begrippen.yaml": "begrippen:\n  - &b {woord: Raad, uitleg: x}\n  - *b\n"}),
         "een anker (&) of verwijzing (*) is hier niet toegestaan", "content/raad/begrippen.yaml", "begrippen[1]"),
    # -- files that are not plain files inside content/ ------------------------------------------
    Kind("snelkoppeling naar /etc/passwd", _link("voorstellen/2024-011-x.md", _passwd),
         "is een snelkoppeling (symbolische link)", "content/voorstellen/2024-011-x.md", secret="root:"),
    Kind("snelkoppeling naar een geldig voorstel buiten content/",
         _link("voorstellen/2024-011-extra.md", _valid_voorstel_outside),
         "is een snelkoppeling (symbolische link)", "content/voorstellen/2024-011-extra.md",
         secret="Een voorstel van buiten"),
    Kind("map voorstellen/ is een snelkoppeling", _link("voorstellen", _folder_outside("voorstellen")),
         "deze map is een snelkoppeling", "content/voorstellen"),
    Kind("map raad/ is een snelkoppeling", _link("raad", _folder_outside("raad")),
         "deze map is een snelkoppeling", "content/raad"),
    Kind("raadsbestand is een snelkoppeling", _link("raad/onderwerpen.yaml", _file_outside("raad/onderwerpen.yaml")),
         "is een snelkoppeling (symbolische link)", "content/raad/onderwerpen.yaml"),
    Kind("pagina is een snelkoppeling naar /etc/passwd", _link("pages/geheim.md", _passwd),
         "is een snelkoppeling (symbolische link)", "content/pages/geheim.md", secret="root:"),
    Kind("harde koppeling naar /etc/passwd", _hard_link("voorstellen/2024-011-x.md", "/etc/passwd"),
         "dit bestand is ook elders opgeslagen (een harde koppeling)", "content/voorstellen/2024-011-x.md",
         secret="root:"),
    Kind("pagina is een snelkoppeling naar een bestand met 'URL:'", _link("pages/geheim.md", _secret_page),
         "is een snelkoppeling (symbolische link)", "content/pages/geheim.md", secret="geheime-waarde"),
    Kind("map met de naam x.md", _directory("voorstellen/2024-011-x.md"), "dit is een map",
         "content/voorstellen/2024-011-x.md"),
    Kind("map in besluiten/", _directory("besluiten/archief"), "dit is een map", "content/besluiten/archief"),
    Kind("pijp (FIFO) met de naam x.md", _fifo("voorstellen/2024-011-x.md"), "dit is geen gewoon bestand",
         "content/voorstellen/2024-011-x.md"),
    Kind("pijp (FIFO) in pages/, waar Pelican op zou wachten", _fifo("pages/wachten.md"),
         "dit is geen gewoon bestand", "content/pages/wachten.md"),
    Kind("opgeslagen als .MD", _renamed("2024-010-speeltuin-drielanden.MD"),
         "dit bestand wordt niet gelezen: de naam eindigt niet op .md",
         "content/voorstellen/2024-010-speeltuin-drielanden.MD"),
    Kind("opgeslagen als .markdown", _renamed("2024-010-speeltuin-drielanden.markdown"),
         "dit bestand wordt niet gelezen: de naam eindigt niet op .md",
         "content/voorstellen/2024-010-speeltuin-drielanden.markdown"),
    Kind("opgeslagen als .md.txt (Kladblok)", _renamed("2024-010-speeltuin-drielanden.md.txt"),
         "dit bestand wordt niet gelezen: de naam eindigt niet op .md",
         "content/voorstellen/2024-010-speeltuin-drielanden.md.txt"),
    Kind("veel te lang getal (5000 cijfers)",
         voorstel_text(_swap("titel:", "kosten: {bedrag: 1" + "0" * 5000 + "}\ntitel:")),
         "dit getal heeft veel te veel cijfers", V),
    Kind("YAML-label dat niet bij de waarde past (!!int abc)",
         voorstel_text(_swap("titel:", "kosten: {bedrag: !!int abc}\ntitel:")),
         "deze waarde past niet bij het YAML-label ervoor", V),
    Kind("opgeslagen zonder extensie", _renamed("2024-010-speeltuin-drielanden"),
         "dit bestand wordt niet gelezen: de naam eindigt niet op .md",
         "content/voorstellen/2024-010-speeltuin-drielanden"),
    Kind("opgeslagen als .md met een spatie erachter", _renamed("2024-010-speeltuin-drielanden.md "),
         "dit bestand wordt niet gelezen: de naam eindigt niet op .md",
         "content/voorstellen/2024-010-speeltuin-drielanden.md "),
    # -- characters a reader cannot see, line breaks in one-line fields --------------------------
    Kind("regeleinde in de titel", voorstel(titel="Nieuwe speeltuin\nin Drielanden"),
         "deze tekst moet op één regel staan", V, "titel"),
    Kind("titel als blok met |", voorstel_text(_swap("titel: Nieuwe speeltuin in Drielanden",
                                                     "titel: |\n  Nieuwe speeltuin\n  in Drielanden")),
         "deze tekst moet op één regel staan", V, "titel"),
    Kind("regeleinde in de naam van een document",
         voorstel(documenten=[{"titel": "Raads\nvoorstel", "url": "https://example.org/rv.pdf"}]),
         "deze tekst moet op één regel staan", V, "documenten[1].titel"),
    Kind("regeleinde in een fractienaam", besluit(stemmingen=_votes(VVD={"fractie": "V\nVD"})),
         "deze tekst moet op één regel staan", B, "stemmingen[3].fractie"),
    Kind("regeleinde in de naam van een onderwerp", files({"raad/onderwerpen.yaml": _onderwerpen("Wo\nnen")}),
         "deze tekst moet op één regel staan", "content/raad/onderwerpen.yaml", "onderwerpen[1].naam"),
    Kind("tab in de titel", voorstel(titel="Nieuwe\tspeeltuin in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("leesrichting omgedraaid (U+202E) in de titel", voorstel(titel="Nieuwe \u202eniuteeps in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("leesrichting-isolaat (U+2066) in de portefeuillehouder",
         voorstel(portefeuillehouder="wethouder \u2066A. Jansen\u2069"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "portefeuillehouder"),
    Kind("NUL-teken in de titel", voorstel(titel="Nieuwe\0speeltuin in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("spatie zonder breedte (U+200B) in de samenvatting",
         voorstel(samenvatting=TinySite.voorstel()["samenvatting"].replace("speeltuin", "speel\u200btuin")),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "samenvatting"),
    Kind("onzichtbaar teken in de besluittoelichting",
         besluit(besluittoelichting=TinySite.besluit()["besluittoelichting"].replace("veilige", "veil\u200dige")),
         "er staat een onzichtbaar teken of stuurteken in de tekst", B, "besluittoelichting"),
    Kind("stuurteken ESC in een amendement", besluit(amendementen=[{**_AMENDEMENT, "titel": "\x1b[31mRood"}]),
         "er staat een onzichtbaar teken of stuurteken in de tekst", B, "amendementen[1].titel"),
    Kind("C1-stuurteken (U+009B) in de samenvatting",
         voorstel(samenvatting=TinySite.voorstel()["samenvatting"] + "\x9b"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "samenvatting"),
    Kind("BOM (U+FEFF) midden in de titel", voorstel(titel="Nieuwe speeltuin\ufeff in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("zacht afbreekstreepje (U+00AD) in de titel", voorstel(titel="Nieuwe speel\u00adtuin in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("leeg Hangul-teken (U+3164) in de titel", voorstel(titel="Nieuwe speeltuin \u3164in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("leesrichting omgedraaid in de tekst onder de voorkant",
         voorstel_text(lambda t: t + "Het plan \u202eis besloten.\n"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, characters.BODY_FIELD),
    Kind("NUL-teken in de tekst onder de voorkant", voorstel_text(lambda t: t + "Zomaar\0 een teken.\n"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, characters.BODY_FIELD),
    Kind("regelscheiding (U+2028) in het bestand", voorstel_text(lambda t: t + "Een\u2028regel.\n"),
         "er staat een onzichtbaar teken of stuurteken in het bestand", V),
    Kind("los CR-teken (oude Mac) in het bestand", voorstel_text(lambda t: t + "Een\rregel.\n"),
         "er staat een onzichtbaar teken of stuurteken in het bestand", V),
    Kind("los surrogaat (\\ud800) in de titel", voorstel(titel="Nieuwe speeltuin \ud800 in Drielanden"),
         "er staat een onzichtbaar teken of stuurteken in de tekst", V, "titel"),
    Kind("regeleinde achter het id", voorstel(id="2024-010\n"), "deze tekst moet op één regel staan", V, "id"),
    Kind("leesrichting omgedraaid in de bestandsnaam", files({"voorstellen/2024-011-\u202edm.exe.md": "x"}),
         "de bestandsnaam bevat een onzichtbaar teken", "content/voorstellen/2024-011-\\u202edm.exe.md"),
    Kind("bestandsnaam die geen UTF-8 is", lambda tiny: _bytes_name(tiny, b"2024-011-caf\xe9.md"),
         "de bestandsnaam bevat een onzichtbaar teken", "content/voorstellen/2024-011-caf\\udce9.md"),
    # -- Markdown that the renderer is slow on --------------------------------------------------
    Kind("50.000 haakjes [ onder de voorkant", voorstel_text(lambda t: t + "[" * 50000 + "\n"),
         "de tekst heeft te veel haken [ of <", V, characters.BODY_FIELD),
    Kind("20.000 open HTML-codes <a onder de voorkant", voorstel_text(lambda t: t + "<a " * 20000 + "\n"),
         "de tekst heeft te veel haken [ of <", V, characters.BODY_FIELD),
    Kind("50.000 haakjes [ in een pagina", files({"pages/links.md": "Title: Links\n\n" + "[" * 50000}),
         "de tekst heeft te veel haken [ of <", "content/pages/links.md"),
    Kind("pagina groter dan 256 kB", files({"pages/groot.md": "Title: Groot\n\n" + "Tekst. " * 40000}),
         "het bestand is te groot", "content/pages/groot.md"),
    # -- numbers beyond reason ---------------------------------------------------------------------
    Kind("10^29 gekapte bomen", voorstel(bomen={"gekapt": 10**29, "herplant": 5,
                                                "toelichting": "De bomen zijn ziek en worden vervangen."}),
         "het getal is te groot", V, "bomen.gekapt"),
    Kind("10^36 euro", voorstel(kosten={"bedrag": 10**36}), "het getal is te groot", V, "kosten.bedrag"),
    Kind("1,0e36 euro als kommagetal", voorstel(kosten={"bedrag": 1e36}), "het getal is te groot", V,
         "kosten.bedrag"),
    Kind("1000 stemmen voor in één fractie",
         besluit(stemmingen=_votes(CDA={"fractiestemresultaat": "verdeeld", "voor": 1000, "tegen": 0})),
         "het getal is te groot", B, "stemmingen[4].voor"),
    Kind("een raad van een miljoen zetels", files({"raad/raadsperioden.yaml": _raad_zetels(10**6)}),
         "het getal is te groot", "content/raad/raadsperioden.yaml", "perioden[1].zetels"),
    # -- fill-in texts of 'invoke new' left in place -----------------------------------------------
    Kind("'Schrijf hier' in de samenvatting",
         voorstel(samenvatting="Schrijf hier in korte zinnen wat het college voorstelt en wat het betekent."),
         "hier staat nog een tekst om in te vullen", V, "samenvatting"),
    Kind("'wethouder ...' als portefeuillehouder", voorstel(portefeuillehouder="wethouder ..."),
         "hier staat nog een tekst om in te vullen", V, "portefeuillehouder"),
    Kind("adres alleen 'https://'", voorstel(documenten=[{"titel": "Raadsvoorstel", "url": "https://"}]),
         "hier staat nog een tekst om in te vullen", V, "documenten[1].url"),
    Kind("'... vast te stellen;' in het ontwerpbesluit", voorstel(ontwerpbesluit=_ONTWERP),
         "hier staat nog een tekst om in te vullen", V, "ontwerpbesluit.punten[1]"),
    Kind("'Schrijf hier' onder de voorkant", voorstel_text(lambda t: t + "Schrijf hier de toelichting.\n"),
         "hier staat nog een tekst om in te vullen", V, characters.BODY_FIELD),
    Kind("datum 'JJJJ-MM-DD' niet ingevuld",
         voorstel(behandeling=[{"gremium": "commissie-samenleving", "datum": "JJJJ-MM-DD"},
                               {"gremium": "gemeenteraad", "datum": "2024-02-29"}]),
         "de waarde heeft niet de goede vorm", V, "behandeling[1].datum"),
    Kind("uitkomst 'kies de uitkomst' niet gekozen", besluit(besluitresultaat="kies de uitkomst"),
         "hier moet u nog kiezen", B, "besluitresultaat"),
    Kind("stem 'voor of tegen' niet gekozen", besluit(stemmingen=_votes(VVD={"fractiestemresultaat": "voor of tegen"})),
         "hier moet u nog kiezen", B, "stemmingen[3].fractiestemresultaat"),
    Kind("'Schrijf hier' in de besluittoelichting",
         besluit(besluittoelichting="Schrijf hier in korte zinnen waarom de raad zo besloot."),
         "hier staat nog een tekst om in te vullen", B, "besluittoelichting"),
]
if not IS_ROOT:  # root reads every file, whatever its mode
    KINDS.append(Kind("bestand zonder leesrecht", _unreadable, "het bestand kan niet worden gelezen: geen toegang",
                      "content/voorstellen/2024-011-geheim.md"))


def _matching(problems, kind: Kind):
    return [p for p in problems if kind.message in p.message and p.path == kind.file
            and (kind.field is None or p.field == kind.field)]


# -- the loader: a Dutch problem naming file and field -----------------------------------------

@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_the_problem_names_file_and_field(tiny_site, kind):
    content = kind.make(tiny_site)
    errors = tiny_site.errors(content)
    assert _matching(errors, kind), f"{kind.name}: geen '{kind.message}' in {kind.file} " \
                                    f"(veld {kind.field}):\n" + "\n".join(p.format() for p in errors)
    text = "\n".join(p.format() for p in errors)
    if kind.field:
        assert f"veld '{kind.field}'" in text
    if kind.secret:
        assert kind.secret not in text


# -- invoke check: exit status and message, no traceback ---------------------------------------

@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_invoke_check_refuses_it(tiny_site, kind, monkeypatch, capsys):
    content = kind.make(tiny_site)
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setenv("RAADSINFO_TODAY", "2026-11-27")
    monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
    with pytest.raises(Exit) as raised:
        tasks.check(Context())
    assert raised.value.code != 0
    out = capsys.readouterr()
    shown = out.out + out.err + (raised.value.message or "")
    assert kind.message in shown and kind.file in shown, shown
    assert "Traceback" not in shown
    assert "Alles in orde" not in shown
    if kind.secret:
        assert kind.secret not in shown


# -- the build: non-zero, no traceback, the last good site untouched ---------------------------

def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def forkbuilder():
    builder = ForkBuilder()
    yield builder
    builder.close()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory, forkbuilder):
    """A last good site, built once from the default tiny site; each test gets a copy."""
    tmp = tmp_path_factory.mktemp("goed")
    content = TinySite(tmp)()
    out = tmp / "output"
    code, output = forkbuilder.run([str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(out),
                                    "--fatal", "errors"], ROOT)
    assert code == 0, output
    assert (out / "dossiers" / "2024-010.html").is_file()
    return out


def assert_build_refused(content: Path, tmp_path: Path, good_site: Path, forkbuilder, monkeypatch, capfd,
                         messages: list[str], secret: str | None = None) -> None:
    target = tmp_path / "publiek" / "output"
    shutil.copytree(good_site, target)
    before = snapshot(target)
    monkeypatch.setattr(tasks, "CONTENT", content)
    monkeypatch.setattr(tasks, "POST_BUILD_STEPS", [])
    monkeypatch.setenv("RAADSINFO_TODAY", "2026-11-27")
    monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
    forkbuilder.patch(monkeypatch)
    with pytest.raises(Exit) as raised:
        tasks._build_into(target, "pelicanconf.py")
    assert raised.value.code != 0
    out = capfd.readouterr()
    shown = " ".join((out.out + out.err + (raised.value.message or "")).split())
    for message in messages:
        assert " ".join(message.split()) in shown, f"{message!r} niet in:\n{shown}"
    assert "Traceback" not in shown
    if secret:
        assert secret not in shown
    assert snapshot(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["output"]  # no staging folder left


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_the_build_refuses_it_and_keeps_the_last_good_site(tiny_site, kind, tmp_path, good_site, forkbuilder,
                                                           monkeypatch, capfd):
    content = kind.make(tiny_site)
    assert_build_refused(content, tmp_path, good_site, forkbuilder, monkeypatch, capfd,
                         ["De site is niet gebouwd", kind.message, kind.file], kind.secret)


@pytest.mark.parametrize("case", VALIDATION_CASES, ids=[c.name for c in VALIDATION_CASES])
def test_the_build_refuses_every_kind_of_the_validation_tests(tiny_site, case, tmp_path, good_site, forkbuilder,
                                                               monkeypatch, capfd):
    content = make_validation_case(tiny_site, case)
    assert_build_refused(content, tmp_path, good_site, forkbuilder, monkeypatch, capfd,
                         ["De site is niet gebouwd", case.message, case.file])


def test_the_catalogue_has_at_least_45_kinds():
    assert len({k.name for k in KINDS}) + len({c.name for c in VALIDATION_CASES}) >= 45
    assert len({k.name for k in KINDS}) == len(KINDS)


# -- one odd file does not hide the problems of the others --------------------------------------

def test_a_deep_file_does_not_hide_the_other_files_problems(tiny_site):
    content = tiny_site(voorstel={"onderwerpen": ["speeltuinen"]},
                        files={"voorstellen/2024-011-diep.md": "---\ntitel: " + "[" * 1500 + "\n---\n",
                               "besluiten/2024-010.md": _besluit_text(tiny_site, besluitresultaat="goedgekeurd")})
    messages = {p.message for p in tiny_site.errors(content)}
    assert "de velden zijn te diep in elkaar genest" in messages
    assert "dit onderwerp bestaat niet" in messages
    assert "deze waarde is niet toegestaan" in messages


def test_a_crash_in_one_file_is_reported_for_that_file_and_the_rest_still_checked(tiny_site, monkeypatch):
    from raadsinfo import loader, schema

    real = schema.check

    def failing(kind, data, *args):
        if kind == "besluit":
            raise RuntimeError("kapot")
        return real(kind, data, *args)

    monkeypatch.setattr(schema, "check", failing)
    monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
    content = tiny_site(voorstel={"onderwerpen": ["speeltuinen"]})
    errors = tiny_site.errors(content)
    crash = [p for p in errors if p.path == B]
    assert crash and "fout in het programma" in crash[0].message and crash[0].found == "RuntimeError"
    assert any(p.message == "dit onderwerp bestaat niet" for p in errors)
    monkeypatch.setenv("RAADSINFO_DEBUG", "1")  # a developer sees where it failed
    with pytest.raises(RuntimeError):
        loader.load_site(content)


def test_an_attachment_in_a_records_folder_is_only_a_warning(tiny_site):
    content = tiny_site(files={"besluiten/notulen.pdf": b"%PDF-1.7\n", "voorstellen/.verborgen.md": "x",
                               "voorstellen/2024-010-speeltuin-drielanden.md~": "backup"})
    site = tiny_site.load(content)
    assert [w.path for w in site.warnings.warnings if "niet gelezen" in w.message] == ["content/besluiten/notulen.pdf"]


# -- the list of refused characters is the Unicode database's --------------------------------

def test_every_control_and_format_character_is_refused():
    for code in range(0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        invisible = category in ("Cc", "Cf", "Zl", "Zp", "Cs")
        if invisible and char not in "\t\n":
            assert characters.first_bad(f"a{char}b", single_line=False), f"U+{code:04X} ({category})"
        if char in "\t\n":
            assert characters.first_bad(f"a{char}b", single_line=True)
            assert not characters.first_bad(f"a{char}b", single_line=False)


@pytest.mark.parametrize("text", ["Nieuwe speeltuin in Drielanden", "Café ‘De Kroon’ – 2e fase", "Zo’n 50 m²",
                                  "Ærø Çà ŷ €5 ½", "ĳsbaan", "日本語", "🌳 bomen"])
def test_ordinary_text_is_never_refused(text):
    assert characters.first_bad(text, single_line=True) is None


# -- made harmless rather than refused: formulas in the CSV export -----------------------------

@pytest.mark.parametrize("text, cell", [
    ("=HYPERLINK(\"http://x\";\"klik\")", "'=HYPERLINK(\"http://x\";\"klik\")"),
    ("+31 341 123", "'+31 341 123"), ("-5 graden", "'-5 graden"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tverborgen", "'\tverborgen"), ("\rterug", "'\rterug"),
    ("-12", "-12"), ("+3,5", "+3,5"), ("2024-010", "2024-010"), ("Gewone titel", "Gewone titel"),
    ("'al citaat", "'al citaat"), ("", ""),
])
def test_csv_cells_cannot_be_formulas_but_numbers_stay_numbers(text, cell):
    assert export.neutralise(text) == cell


def test_a_formula_title_is_neutralised_in_the_built_csv(tiny_site, tmp_path):
    import csv
    import io

    titel = "=HYPERLINK(\"http://example.org\";\"Klik hier\")"
    content = tiny_site(voorstel={"titel": titel})
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 0, result.output
    dialect = getattr(export, "CSV_DIALECT", "excel")

    def read(name: str) -> list[dict]:
        text = (tmp_path / "out" / "data" / name).read_text("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text), dialect=dialect))

    rows = read("dossiers.csv")
    assert rows[0]["titel"] == "'" + titel
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values()
                   if value and not value.lstrip("+-").replace(",", "").isdigit())
    assert all(not row["titelStemming"].startswith("=") for row in read("stemmingen.csv"))


# -- the real programs, for the worst kinds --------------------------------------------------

INVOKE = Path(sys.executable).parent / "invoke"
REAL = ["alias-bom: tien regels &a/*a", "1.500 haakjes [ in de titel", "snelkoppeling naar /etc/passwd",
        "map met de naam x.md", "regeleinde in de titel", "opgeslagen als .MD",
        "pijp (FIFO) in pages/, waar Pelican op zou wachten", "50.000 haakjes [ onder de voorkant"]


@pytest.mark.parametrize("name", REAL)
def test_the_real_commands_refuse_it_within_seconds(tiny_site, tmp_path, name):
    kind = next(k for k in KINDS if k.name == name)
    content = kind.make(tiny_site)
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_TODAY": "2026-11-27"}
    env.pop("RAADSINFO_DEBUG", None)
    check = subprocess.run([str(INVOKE), "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert check.returncode == 1, check.stdout + check.stderr
    assert kind.message in check.stderr and "Traceback" not in check.stderr + check.stdout
    build = run_pelican(content, tmp_path / "out", timeout=60)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert not (tmp_path / "out" / "index.html").exists()
    if kind.secret:
        assert kind.secret not in check.stdout + check.stderr + build.output


def test_debug_shows_the_traceback_of_a_program_fault(tiny_site, monkeypatch, capsys):
    """A fault of the program is a Dutch message; with --debug the traceback is shown."""
    from raadsinfo import loader

    def broken(*args, **kwargs):
        raise ZeroDivisionError("stuk")

    monkeypatch.setattr(loader, "load_site", broken)
    monkeypatch.setattr(tasks, "CONTENT", tiny_site())
    monkeypatch.delenv("RAADSINFO_DEBUG", raising=False)
    with pytest.raises(Exit) as raised:
        tasks.check(Context())
    assert raised.value.code == 1
    assert "fout in het programma" in raised.value.message and "--debug" in raised.value.message
    with pytest.raises(ZeroDivisionError):
        tasks.check(Context(), debug=True)


# -- the griffie guide lists what the griffie sees for each kind -----------------------------

def _guide_catalogue() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("## Wat u ziet bij een fout in een bestand")
    end = text.find("\n## ", start + 3)
    return text[start:end if end != -1 else None]


def test_the_guide_lists_every_message():
    section = _guide_catalogue()
    for message in sorted({k.message for k in KINDS}):
        assert message in section, message
