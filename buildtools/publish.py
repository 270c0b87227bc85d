"""Publish the built site so that nothing can be destroyed and readers never see a gap.

Layout of a publish target (the web server's document root is ``<target>/current``)::

    <target>/
        .raadsinformatie-publicatie   marker: this folder belongs to `invoke publish`
        .publiceren.lock              flock(2) lock: one publish or rollback at a time
        current -> releases/<time>    symlink, replaced in one atomic rename(2)
        releases/
            20261127T041500Z/         one complete site per publish; the last few are kept
            .bouw-XXXXXXXX/           staging folder while a build runs

Why this shape (each point keeps the public site safe from a way publishing can go wrong):

* **Refusals first.** :func:`resolve_target` refuses an empty value, ``/``, the
  checkout and every folder above it, home folders, the records and ``output/``,
  and any existing non-empty folder without the marker: publishing never takes over a
  folder it did not create.
* **Nothing outside our own names is ever removed.** Only staging folders, the
  temporary link and releases (names that match the time-stamp pattern, real folders
  inside ``releases/``) are deleted. Other files in the target, such as a
  ``.well-known/`` folder, are left alone, and the target folder itself is never
  renamed, so it may be a mount point.
* **No moment without a site.** A release is complete and world-readable before
  anything points at it; then a new symlink is made under a temporary name and
  renamed over ``current``. rename(2) replaces the old link atomically, so every
  reader opens either the old or the new site.
* **A lock.** ``flock`` on ``.publiceren.lock``: a second publish (or a rollback)
  stops at once with a Dutch message instead of racing the first. The lock is
  released by the kernel when the process dies, so it can never be left stuck.
* **Stopping halfway.** :func:`signals_as_interrupts` turns SIGTERM and SIGHUP into
  an exception like Ctrl+C, so the staging folder is removed on the way out; a crash
  (SIGKILL, power cut) leaves leftovers that the next run removes under the lock.

Every message is Dutch, for griffie and IT staff: what went wrong and what to do.
"""

from __future__ import annotations

import errno
import fcntl
import os
import pwd
import re
import shutil
import signal
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from buildtools.atomic import DIR_MODE, FILE_MODE, make_world_readable, signals_blocked

MARKER = ".raadsinformatie-publicatie"
LOCK = ".publiceren.lock"
RELEASES = "releases"
CURRENT = "current"
STAGING_PREFIX = ".bouw-"
LINK_PREFIX = ".current-nieuw-"
GONE_PREFIX = ".weg-"
DEFAULT_KEEP = 5

_STAMP = re.compile(r"^(\d{8}T\d{6}Z)(?:-(\d{1,6}))?$")

MARKER_TEXT = """\
Deze map is gemaakt door 'invoke publish' (Raadsinformatie).

De webserver toont de map 'current'. Die wijst naar de nieuwste versie in 'releases/'.
Wijzig hier niets met de hand. Terug naar de vorige versie: 'invoke rollback'.
Uitleg: docs/publiceren.md in de repository.
"""

EMPTY = ("De publicatieplek is leeg (RAADSINFO_PUBLISH_TARGET=\"\"). Er is niets gepubliceerd.\n"
         "Geef een map op, bijvoorbeeld: RAADSINFO_PUBLISH_TARGET=/srv/raadsinformatie invoke publish\n"
         "Of laat de variabele helemaal weg: dan komt de site in de map public/ in de projectmap.")

_CHOOSE = "Kies een eigen, nieuwe of lege map, bijvoorbeeld /srv/raadsinformatie. Er is niets gepubliceerd."


class PublishError(Exception):
    """A refusal or a failure, with a Dutch message for griffie and IT staff."""


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised like Ctrl+C so that cleanup code runs."""


# -- the target -----------------------------------------------------------------------------


def _homes() -> list[tuple[str, Path]]:
    """Every user's home folder (from the password database) and $HOME."""
    homes = []
    with suppress(KeyError, RuntimeError):
        homes.append(("u", Path.home()))
    for entry in pwd.getpwall():
        if entry.pw_dir and entry.pw_dir != "/":
            homes.append((entry.pw_name, Path(entry.pw_dir)))
    return homes


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise PublishError(f"De publicatieplek {path} kan niet worden gevonden: er zit een "
                           f"kringverwijzing in (een snelkoppeling die naar zichzelf wijst). {_CHOOSE}") from exc


def resolve_target(raw: str | None, *, root: Path, content: Path, output: Path,
                   homes: list[tuple[str, Path]] | None = None) -> Path:
    """The absolute publish target for ``raw``, or :class:`PublishError` (Dutch) if refused.

    ``raw`` is RAADSINFO_PUBLISH_TARGET as given (relative paths are relative to the
    checkout ``root``; ``~`` means the home folder). Symlinks are followed before the
    checks, so a link to ``/`` is refused as ``/``.
    """
    if raw is None or not str(raw).strip():
        raise PublishError(EMPTY)
    raw = str(raw)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in raw):  # also bidi and zero-width
        raise PublishError("De publicatieplek bevat een onzichtbaar teken (zoals een regeleinde). "
                           "Typ de map opnieuw, zonder kopiëren en plakken. Er is niets gepubliceerd.")
    if raw != raw.strip():
        raise PublishError(f"De publicatieplek \"{raw}\" begint of eindigt met een spatie. "
                           "Haal de spatie weg. Er is niets gepubliceerd.")
    root, content, output = (_resolve(Path(p)) for p in (root, content, output))
    path = Path(os.path.expanduser(raw))
    target = _resolve(path if path.is_absolute() else root / path)
    shown = f"{raw} ({target})" if str(target) != raw else raw

    if target == Path(target.anchor):
        raise PublishError(f"De publicatieplek {shown} is de hoofdmap van de computer. "
                           f"Daar mag de site nooit komen. {_CHOOSE}")
    if root.is_relative_to(target):
        raise PublishError(f"De publicatieplek {shown} is de projectmap zelf of een map daarboven. "
                           f"Publiceren zou dan de eigen bestanden van het project raken. {_CHOOSE}")
    for name, home in (homes if homes is not None else _homes()):
        with suppress(OSError, RuntimeError):
            home = home.resolve()
        if home.is_relative_to(target):
            wie = "uw thuismap" if name == "u" else f"de thuismap van gebruiker {name}"
            raise PublishError(f"De publicatieplek {shown} is {wie} of een map daarboven. {_CHOOSE}")
    if content.is_relative_to(target) or target.is_relative_to(content):
        raise PublishError(f"De publicatieplek {shown} ligt in of boven de map met de records "
                           f"({content}). {_CHOOSE}")
    if target.is_relative_to(output):
        raise PublishError(f"De publicatieplek {shown} is de map output/ van 'invoke build' (of ligt "
                           f"daarin). Die map wordt bij elke bouw vervangen. {_CHOOSE}")
    if target.is_relative_to(root) and len(target.relative_to(root).parts) > 1:
        raise PublishError(f"De publicatieplek {shown} ligt diep in de projectmap, tussen de bestanden "
                           "van het project. Kies een map buiten de projectmap, bijvoorbeeld /srv/raadsinformatie, of "
                           "een eigen map direct onder de projectmap (zoals public/). Er is niets gepubliceerd.")
    for above in target.parents:
        if (above / MARKER).exists():
            raise PublishError(f"De publicatieplek {shown} ligt binnen een andere publicatiemap "
                               f"({above}). {_CHOOSE}")
    if target.exists() and not target.is_dir():
        raise PublishError(f"De publicatieplek {shown} is een bestand, geen map. "
                           f"Het bestand is niet aangeraakt. {_CHOOSE}")
    if target.is_dir() and not (target / MARKER).is_file():
        try:
            foreign = next(iter(target.iterdir()), None)
        except OSError as exc:
            raise PublishError(f"De map {shown} kan niet worden gelezen ({describe_os_error(exc)}). "
                               f"{_CHOOSE}") from exc
        if foreign is not None:
            raise PublishError(
                f"De map {shown} bestaat al en bevat bestanden die niet door 'invoke publish' zijn gemaakt "
                f"(bijvoorbeeld {foreign.name}). Publiceren zou die kunnen raken, dus er is niets gedaan.\n"
                "Kies een nieuwe of lege map. Stond hier een site van een oudere versie van dit project? "
                "Verplaats of verwijder die map dan eerst zelf.")
    return target


def keep_count(value: object) -> int:
    """How many releases to keep (``RAADSINFO_PUBLISH_KEEP``): a whole number of at least 2."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if not 2 <= number <= 1000:
        raise PublishError(f"RAADSINFO_PUBLISH_KEEP moet een heel getal van 2 tot 1000 zijn (gevonden: "
                           f"\"{value}\"). Met 2 of meer kan 'invoke rollback' altijd terug. "
                           "Er is niets gepubliceerd.")
    return number


def _mkdir(path: Path) -> None:
    """Create ``path`` and any missing parents, each 0755 whatever the umask."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with suppress(FileExistsError):  # another publish made it a moment ago
            folder.mkdir()
            os.chmod(folder, DIR_MODE)


def claim(target: Path) -> None:
    """Create the target (or take an empty one) and put the marker in it."""
    _mkdir(target)
    marker = target / MARKER
    if not marker.is_file():
        with suppress(FileExistsError):
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(MARKER_TEXT)
            os.chmod(marker, FILE_MODE)


def check_layout(target: Path) -> None:
    """Refuse a target whose ``releases`` or ``current`` is not what publish makes itself."""
    releases, current = target / RELEASES, target / CURRENT
    if releases.is_symlink() or (releases.exists() and not releases.is_dir()):
        raise PublishError(f"In {target} is 'releases' geen gewone map (maar een snelkoppeling of een "
                           "bestand). Dat heeft publish niet gemaakt; er is niets gedaan. Zet 'releases' "
                           "terug als gewone map of kies een nieuwe publicatiemap.")
    if os.path.lexists(current) and not current.is_symlink():
        raise PublishError(f"In {target} is 'current' een gewone map of een bestand, geen snelkoppeling. "
                           "Dat heeft publish niet gemaakt; er is niets gedaan. Verplaats 'current' en "
                           "probeer het opnieuw.")


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """Hold the publish lock of ``target``; :class:`PublishError` at once if someone else has it."""
    path = target / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PublishError(f"{path} is een snelkoppeling. Dat heeft publish niet gemaakt; er is niets "
                               "gedaan. Verwijder die snelkoppeling en probeer het opnieuw.") from exc
        raise
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
            since = f" (proces {holder[0]}, gestart {holder[1].replace('T', ' om ')})" if len(holder) >= 2 else ""
            raise PublishError(f"Er loopt al een publicatie naar {target}{since}. Er kan er maar één "
                               "tegelijk lopen. Wacht tot die klaar is (meestal binnen een paar minuten) en "
                               "probeer het daarna opnieuw. Er is niets veranderd.") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {datetime.now().isoformat(timespec='seconds')}\n".encode(), 0)
        os.fchmod(fd, FILE_MODE)
        yield
    finally:
        os.close(fd)


def clean_leftovers(target: Path) -> list[Path]:
    """Remove what an interrupted publish left behind; only while holding :func:`locked`."""
    found: list[Path] = []
    releases = target / RELEASES
    if releases.is_dir():
        for path in releases.iterdir():
            if path.name.startswith((STAGING_PREFIX, GONE_PREFIX)) and path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                found.append(path)
    for path in target.iterdir():
        if path.name.startswith(LINK_PREFIX) and path.is_symlink():
            path.unlink()
            found.append(path)
    return found


# -- releases ------------------------------------------------------------------------------


def _key(path: Path) -> tuple[str, int]:
    match = _STAMP.match(path.name)
    return match.group(1), int(match.group(2) or 0)


def releases(target: Path) -> list[Path]:
    """The complete releases, oldest first (only real folders with a time-stamp name)."""
    folder = Path(target) / RELEASES
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = [p for p in folder.iterdir() if _STAMP.match(p.name) and p.is_dir() and not p.is_symlink()]
    return sorted(found, key=_key)


def current_release(target: Path) -> Path | None:
    """The release ``current`` points at, or None when it points at nothing of ours."""
    link = Path(target) / CURRENT
    if not link.is_symlink():
        return None
    dest = Path(os.readlink(link))
    if dest.is_absolute() or len(dest.parts) != 2 or dest.parts[0] != RELEASES or not _STAMP.match(dest.name):
        return None
    release = Path(target) / dest
    return release if release.is_dir() and not release.is_symlink() else None


def _new_stamp(target: Path) -> str:
    """A UTC time stamp that sorts after every existing release (even if the clock went back)."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    existing = releases(target)
    if existing:
        last, counter = _key(existing[-1])
        if stamp <= last:
            return f"{last}-{counter + 1}"
    return stamp


def switch(target: Path, release: Path) -> None:
    """Point ``current`` at ``release`` atomically: a new link, renamed over the old one."""
    link = target / f"{LINK_PREFIX}{os.getpid()}"
    with suppress(FileNotFoundError):
        link.unlink()
    os.symlink(f"{RELEASES}/{release.name}", link)
    os.replace(link, target / CURRENT)
    with suppress(OSError):  # the switch survives a power cut (where the file system can say so)
        fd = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def prune(target: Path, keep: int) -> list[Path]:
    """Remove all but the ``keep`` newest releases; the current one always stays.

    A release is first renamed to a ``.weg-`` name, so an interrupted removal never
    leaves a half-deleted folder that looks like a release (and that rollback could pick).
    """
    current = current_release(target)
    existing = releases(target)
    removed = []
    for release in existing[:-keep]:
        if release == current:
            continue
        gone = release.with_name(f"{GONE_PREFIX}{release.name}")
        release.rename(gone)
        shutil.rmtree(gone, ignore_errors=True)
        removed.append(release)
    return removed


class Publication:
    """One publish under the lock: ``with Publication(target, keep) as p: build(p.staging()); p.commit()``.

    Entering claims the target, takes the lock, checks the layout and removes leftovers.
    Leaving removes the staging folder if it was not committed (failure, Ctrl+C, SIGTERM).
    """

    def __init__(self, target: Path, keep: int = DEFAULT_KEEP):
        self.target = Path(target)
        self.keep = keep
        self.staged: Path | None = None
        self.release: Path | None = None
        self.cleaned: list[Path] = []
        self.prune_problem: str | None = None
        self._lock = None

    def __enter__(self) -> Publication:
        claim(self.target)
        self._lock = locked(self.target)
        self._lock.__enter__()
        try:
            check_layout(self.target)
            _mkdir(self.target / RELEASES)
            self.cleaned = clean_leftovers(self.target)
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.staged is not None:
                shutil.rmtree(self.staged, ignore_errors=True)
        finally:
            self._lock.__exit__(*exc)

    def staging(self) -> Path:
        """A new empty folder inside ``releases/`` to build into (same file system: rename works)."""
        self.staged = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.target / RELEASES))
        return self.staged

    def commit(self) -> Path:
        """Make the staged build a release, point ``current`` at it, remove old releases.

        Once ``current`` points at the new release the publish has succeeded: a problem
        while removing old releases is kept in ``prune_problem`` (shown as a warning), not
        raised, so that no message can claim that nothing was published.
        """
        staged = self.staged
        make_world_readable(staged)
        os.sync()  # the files are on disk before anything points at them
        final = self.target / RELEASES / _new_stamp(self.target)
        with signals_blocked():
            os.rename(staged, final)
            self.staged = None
            switch(self.target, final)
            self.release = final
        try:
            prune(self.target, self.keep)
        except OSError as exc:
            self.prune_problem = describe_os_error(exc)
        return final


def rollback(target: Path) -> tuple[Path, Path]:
    """Point ``current`` at the release before the current one; (from, to)."""
    if not (target / MARKER).is_file():
        raise PublishError(f"In {target} is nog nooit gepubliceerd (of de map is niet door 'invoke publish' "
                           "gemaakt). Er is niets om naar terug te gaan.")
    with locked(target):
        check_layout(target)
        current = current_release(target)
        if current is None:
            raise PublishError(f"In {target} wijst 'current' niet naar een gepubliceerde versie. "
                               "Publiceer eerst met 'invoke publish'.")
        older = [r for r in releases(target) if _key(r) < _key(current)]
        if not older:
            raise PublishError(f"Er is geen eerdere versie om naar terug te gaan: {current.name} is de oudste "
                               f"die nog bewaard is. De site is niet veranderd.")
        with signals_blocked():
            switch(target, older[-1])
        return current, older[-1]


def describe(release: Path) -> str:
    """'27-11-2026 05:15:00 (UTC)' for a release name, for messages."""
    base, counter = _key(release)
    when = datetime.strptime(base, "%Y%m%dT%H%M%SZ").strftime("%d-%m-%Y %H:%M:%S")
    return f"{release.name} (gemaakt {when} UTC{f', nr. {counter + 1}' if counter else ''})"


# -- signals and messages ---------------------------------------------------------------------


@contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Interrupted` (like Ctrl+C) so cleanup code runs.

    A second signal while cleaning up is ignored: the first one already stops the
    task, and an exception in the middle of the cleanup would leave more behind.
    Only the main thread can install handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    state = {"stopping": False}

    def handler(signum, frame):
        if state["stopping"]:
            return
        state["stopping"] = True
        raise Interrupted(signum)

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


_OS_ERRORS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.EACCES: "geen toestemming (rechten) voor",
    errno.EPERM: "geen toestemming (rechten) voor",
    errno.EROFS: "alleen-lezen: er kan niet worden geschreven in",
    errno.ENOENT: "niet gevonden:",
    errno.ENOTDIR: "een deel van het pad is geen map:",
    errno.EBUSY: "in gebruik (bezet):",
    errno.EXDEV: "ligt op een andere schijf dan verwacht:",
    errno.ENAMETOOLONG: "de naam is te lang:",
    errno.EISDIR: "dit is een map, geen bestand:",
    errno.ELOOP: "te veel snelkoppelingen achter elkaar (of een kringverwijzing):",
}


def describe_os_error(exc: OSError) -> str:
    """An OSError in Dutch: what happened and to which path."""
    what = _OS_ERRORS.get(exc.errno, f"systeemfout {exc.errno} ({exc.strerror})")
    where = exc.filename if exc.filename is not None else ""
    return f"{what} {where}".strip()


@contextmanager
def as_task(exit_cls: type, interrupted: Callable[[], str],
            unchanged: str = "De site die de webserver toont, is niet veranderd.") -> Iterator[None]:
    """Run a task body: signals become interrupts, errors become a Dutch message and exit code.

    ``exit_cls`` is invoke's Exit (passed in so that this module does not depend on
    invoke); ``interrupted()`` gives the message for Ctrl+C/SIGTERM, which depends on
    how far the task got; ``unchanged`` says what a system error left untouched.
    """
    with signals_as_interrupts():
        try:
            yield
        except PublishError as exc:
            raise exit_cls(str(exc), code=1) from None
        except KeyboardInterrupt:
            raise exit_cls(interrupted(), code=130) from None
        except OSError as exc:
            raise exit_cls(f"Het is mislukt: {describe_os_error(exc)}.\n{unchanged} "
                           "Los dit op en probeer het opnieuw.", code=1) from None


def warn_unreadable(target: Path) -> str | None:
    """A warning when another user (the web server) cannot reach ``target/current``."""
    for folder in (target, *target.parents):
        mode = folder.stat().st_mode
        need = 0o005 if folder == target else 0o001
        if mode & need != need:
            return (f"Let op: de map {folder} is niet toegankelijk voor andere gebruikers. Een webserver die als "
                    "andere gebruiker draait (zoals www-data) kan de site dan niet lezen. "
                    f"Oplossing: chmod o+rx {folder}")
    return None

