"""The real deployment: Debian's nginx, as an unprivileged user, serving what `invoke publish` wrote.

A tiny site is published with ``invoke publish`` under umask 077 (the strictest a
clerk's shell may have) into a folder under /tmp, and nginx serves it with the
repository's own configuration (``deploy/nginx/raadsinformatie.conf``, only its lines
marked CHANGE are replaced: port, server name, root). As root, the workers run as
``nobody``; otherwise nginx runs as the current user with every path in a temp folder.
Then pages, a dossier, feeds, calendars, data and the Pagefind index are fetched over
HTTP, with their types, caching headers and the Content-Security-Policy; and a reader
keeps fetching while the site is published again and again and rolled back: not one
request may fail (the switch of ``current`` is atomic).

Without nginx the tests skip with the reason; under CI=true that is a failure, as for
the browser tests (``.ci/run`` installs nginx).
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from conftest import PAGE, TinySite

ROOT = Path(__file__).resolve().parent.parent
INVOKE = Path(sys.executable).parent / "invoke"
CONF = ROOT / "deploy" / "nginx" / "raadsinformatie.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)
MIME_TYPES = Path("/etc/nginx/mime.types")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def missing_tool(reason: str) -> None:
    """Skip locally, fail in CI (as tests/browser/conftest.py does for Chromium)."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: dit mag in CI niet ontbreken)", pytrace=False)
    pytest.skip(reason)


def publish(env: dict, *args: str, task: str = "publish") -> subprocess.CompletedProcess:
    """``invoke publish`` (or another task) as a clerk runs it, with umask 077."""
    return subprocess.run([str(INVOKE), task, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300, preexec_fn=lambda: os.umask(0o077))


def page_text(number: int) -> str:
    return PAGE + f"\nPublicatie nummer {number}.\n"


@pytest.fixture(scope="module")
def world():
    """A folder under /tmp that every user may enter (pytest's own tmp folders are 0700)."""
    base = Path(tempfile.mkdtemp(prefix="raadsinfo-nginx-", dir="/tmp"))
    os.chmod(base, 0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def site(world, tmp_path_factory):
    if NGINX is None:
        missing_tool("nginx is niet geïnstalleerd (Debian: apt-get install nginx)")
    content = TinySite(tmp_path_factory.mktemp("nginx-content"))(files={"pages/over-deze-site.md": page_text(1)})
    target = world / "site"
    env = {**os.environ, "RAADSINFO_CONTENT": str(content), "RAADSINFO_PUBLISH_TARGET": str(target),
           "RAADSINFO_TODAY": "2026-11-27"}
    result = publish(env)
    assert result.returncode == 0, result.stdout + result.stderr
    return SimpleNamespace(content=content, target=target, env=env)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_config(root: Path, port: int) -> str:
    """The repository's configuration with its CHANGE lines filled in for this test."""
    text = CONF.read_text(encoding="utf-8")
    changes = [
        (r"^(\s*)listen 80;.*$", rf"\1listen 127.0.0.1:{port};"),
        (r"^(\s*)listen \[::\]:80;.*$", r"\1# (no IPv6 in the test)"),
        (r"^(\s*)server_name .*# CHANGE$", r"\1server_name localhost;"),
        (r"^(\s*)root /srv/raadsinformatie/current;.*$", rf"\1root {root}/current;"),
    ]
    for pattern, replacement in changes:
        text, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
        assert count == 1, f"{pattern!r} staat niet precies één keer in {CONF.name}"
    return text


def main_config(work: Path, site_conf: Path) -> str:
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    temp = "\n".join(f"    {kind}_temp_path {work / kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {work}/access.log;
{temp}
    include {site_conf};
}}
"""


@pytest.fixture(scope="module")
def nginx(site, world):
    """nginx serving ``site.target/current`` on a free port; yields its base URL."""
    if not MIME_TYPES.is_file():
        missing_tool(f"{MIME_TYPES} ontbreekt (hoort bij Debian's nginx)")
    work = world / "nginx"
    work.mkdir()
    os.chmod(work, 0o755)
    for _attempt in range(3):
        port = _free_port()
        (work / "site.conf").write_text(site_config(site.target, port), encoding="utf-8")
        (work / "nginx.conf").write_text(main_config(work, work / "site.conf"), encoding="utf-8")
        cmd = [NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")]
        check = subprocess.run([*cmd, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        proc = subprocess.Popen([*cmd, "-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        if _wait_for_port(port, proc):
            break
        proc.kill()
        proc.wait()
    else:
        pytest.fail(f"nginx start niet:\n{(work / 'error.log').read_text(errors='replace')}")
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}", proc=proc, work=work)
    proc.send_signal(signal.SIGQUIT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait_for_port(port: int, proc: subprocess.Popen) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def csp(text: str) -> dict[str, str]:
    return {part.split(None, 1)[0]: part.split(None, 1)[1] if " " in part.strip() else ""
            for part in (p.strip() for p in text.split(";")) if part}


def meta_csp(page: bytes) -> dict[str, str]:
    match = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert match, "geen CSP-meta in de pagina"
    return csp(match.group(1).decode().replace("&#39;", "'"))


# -- the tests ---------------------------------------------------------------------------------


def test_the_configuration_repeats_the_csp_of_the_templates():
    """Without nginx too: the header policy (per page) equals the <meta> policy in the templates."""
    base = (ROOT / "theme" / "templates" / "base.html").read_text(encoding="utf-8")
    zoeken = (ROOT / "theme" / "templates" / "zoeken.html").read_text(encoding="utf-8")
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', base).group(1)
    live = re.compile(r"\{% if LIVERELOAD %\}.*?\{% else %\}\{% block csp_script %\}(.*?)\{% endblock %\}\{% endif %\}")
    default_src = live.search(meta).group(1)
    search_src = re.search(r"\{% block csp_script %\}(.*?)\{% endblock %\}", zoeken).group(1)
    conf = CONF.read_text(encoding="utf-8")
    header = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', conf).group(1)
    script_map = re.search(r"map \$uri \$raadsinfo_script_src \{(.*?)\}", conf, re.S).group(1)
    values = dict(re.findall(r'^\s*(\S+)\s+"([^"]+)";', script_map, re.M))
    assert values == {"default": default_src, "/zoeken.html": search_src}
    for src in (default_src, search_src):
        expected = csp(live.sub(src, meta))
        got = csp(header.replace("$raadsinfo_script_src", src))
        assert got.pop("frame-ancestors") == "'none'"
        assert got == expected


def test_workers_run_as_an_unprivileged_user(nginx):
    uids = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(nginx.proc.pid):
            uids.add(int(fields["Uid"].split()[1]))
    assert uids, "geen nginx-werkprocessen gevonden"
    expected = pwd.getpwnam("nobody").pw_uid if os.geteuid() == 0 else os.geteuid()
    assert uids == {expected}
    if os.geteuid() == 0:
        assert grp.getgrnam("nogroup")


@pytest.mark.parametrize("path, content_type, needle", [
    ("/", "text/html; charset=utf-8", b"<html"),
    ("/index.html", "text/html; charset=utf-8", b"<html"),
    ("/dossiers/2024-010.html", "text/html; charset=utf-8", b"Nieuwe speeltuin in Drielanden"),
    ("/feeds/alles.atom.xml", "application/atom+xml; charset=utf-8", b"<feed"),
    ("/feeds/dossier/2024-010.rss.xml", "application/rss+xml; charset=utf-8", b"<rss"),
    ("/agenda/vergaderingen.ics", "text/calendar; charset=utf-8", b"BEGIN:VCALENDAR"),
    ("/agenda/dossier/2024-010.ics", "text/calendar; charset=utf-8", b"BEGIN:VCALENDAR"),
    ("/data/dossiers.csv", "text/csv; charset=utf-8", b"2024-010"),
    ("/data/dossiers.json", "application/json; charset=utf-8", b"2024-010"),
    ("/pagefind/pagefind.js", "application/javascript; charset=utf-8", b""),
    ("/pagefind/pagefind-entry.json", "application/json; charset=utf-8", b'"languages"'),
    ("/theme/css/site.css", "text/css; charset=utf-8", b""),
])
def test_pages_feeds_calendars_and_search_index_over_http(nginx, path, content_type, needle):
    status, headers, body = fetch(nginx.url + path)
    assert status == 200, (path, status)
    assert headers["content-type"] == content_type, path
    assert needle in body, path
    assert headers["x-content-type-options"] == "nosniff"


def test_feeds_and_calendar_parse(nginx):
    for path in ("/feeds/alles.atom.xml", "/feeds/alles.rss.xml"):
        ElementTree.fromstring(fetch(nginx.url + path)[2])
    assert fetch(nginx.url + "/agenda/vergaderingen.ics")[2].rstrip().endswith(b"END:VCALENDAR")


def test_search_index_fragments_are_served_and_cached_long(nginx, site):
    current = site.target / "current"
    fragment = next((current / "pagefind" / "fragment").iterdir()).relative_to(current)
    status, headers, body = fetch(f"{nginx.url}/{fragment}")
    assert status == 200 and body == (current / fragment).read_bytes()
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert fetch(nginx.url + "/pagefind/pagefind-entry.json")[1]["cache-control"] == "no-cache"


@pytest.mark.parametrize("path, cache", [
    ("/index.html", "public, max-age=300"),
    ("/feeds/alles.atom.xml", "public, max-age=300"),
    ("/agenda/vergaderingen.ics", "public, max-age=300"),
    ("/theme/css/site.css", "public, max-age=86400"),
])
def test_caching_headers(nginx, path, cache):
    assert fetch(nginx.url + path)[1]["cache-control"] == cache


@pytest.mark.parametrize("path", ["/index.html", "/dossiers/2024-010.html", "/zoeken.html", "/"])
def test_csp_header_matches_the_meta_policy_of_the_page(nginx, path):
    status, headers, body = fetch(nginx.url + path)
    header = csp(headers["content-security-policy"])
    assert header.pop("frame-ancestors") == "'none'"
    assert header == meta_csp(body)


def test_no_directory_listing_and_nothing_outside_current(nginx):
    assert fetch(nginx.url + "/feeds/")[0] in (403, 404)
    for path in ("/releases/", "/current/index.html", "/.raadsinformatie-publicatie", "/.publiceren.lock",
                 "/bestaat-niet.html"):
        assert fetch(nginx.url + path)[0] == 404, path


def test_no_permission_problem_in_the_error_log(nginx):
    fetch(nginx.url + "/index.html")
    log = (nginx.work / "error.log").read_text(errors="replace")
    assert "Permission denied" not in log, log


def test_a_reader_never_fails_during_publishes_and_a_rollback(nginx, site):
    """Publish three new versions and roll back while a reader fetches without a pause."""
    paths = ["/index.html", "/dossiers/2024-010.html", "/over-deze-site.html", "/feeds/alles.atom.xml"]
    failures, seen, stop = [], [], threading.Event()

    def reader():
        i = 0
        while not stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            try:
                status, _, body = fetch(nginx.url + path)
            except OSError as exc:
                failures.append((path, repr(exc)))
                continue
            if status != 200:
                failures.append((path, status))
            elif path == "/over-deze-site.html":
                seen.append(int(re.search(rb"Publicatie nummer (\d+)", body).group(1)))

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        for number in (2, 3, 4):
            (site.content / "pages" / "over-deze-site.md").write_text(page_text(number), encoding="utf-8")
            result = publish(site.env)
            assert result.returncode == 0, result.stdout + result.stderr
            assert b"Publicatie nummer %d." % number in fetch(nginx.url + "/over-deze-site.html")[2]
        result = publish(site.env, task="rollback")
        assert result.returncode == 0, result.stderr
        assert "Teruggezet" in result.stdout
        assert b"Publicatie nummer 3." in fetch(nginx.url + "/over-deze-site.html")[2]
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not failures, failures[:10]
    assert len(seen) > 20 and {2, 3, 4} <= set(seen)
