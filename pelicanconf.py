"""Site settings for local builds (``invoke build``, ``make site``).

Production settings (absolute SITEURL, feed URLs) are in ``publishconf.py``.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The domain package (raadsinfo/) and the plugins must be importable by Pelican.
for extra in (ROOT, ROOT / "plugins"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from raadsinfo import labels  # noqa: E402
from raadsinfo.dates import bedrag, datum, datum_lang, tijd  # noqa: E402

SITENAME = "Raadsinformatie Harderwijk"
SITESUBTITLE = "Voorstellen en besluiten van de gemeenteraad, in gewone taal"
GEMEENTE = "Harderwijk"
ODS_GEMEENTECODE = "0243"  # CBS code of the municipality, for the ODS export (data/ods/)
GRIFFIE = {
    "naam": "Griffie van de gemeenteraad van Harderwijk",
    "email": "griffie@voorbeeld.harderwijk.example",
    "telefoon": "14 0341",
    "adres": "Stadhuis, Havendam 58, 3841 AA Harderwijk",
}
# The press contact on "Voor de pers" (pers.html): who journalists call or mail. Sample values.
PERSCONTACT = {
    "naam": "J. de Vries",
    "functie": "woordvoerder van de griffie",
    "email": "pers.griffie@voorbeeld.harderwijk.example",
    "telefoon": "0341 41 19 11",
    "bereikbaar": "op werkdagen van 8.30 tot 17.00 uur, en op de avond van een raadsvergadering tot het einde",
}
# When the site is rebuilt, as "Voor de pers" says it: keep it in line with the schedule of
# `invoke publish` (docs/publiceren.md, deploy/).
BOUWSCHEMA = ("elke ochtend om 05.15 uur, en meteen nadat de griffie iets nieuws of een verbetering heeft "
              "vastgelegd (meestal binnen een werkdag na een vergadering)")
SAMPLE_DATA = True  # shows the "voorbeelddata" banner on every page
AUTHOR = "Griffie Harderwijk"
SITEURL = ""
RELATIVE_URLS = True
DEFAULT_LANG = "nl"
TIMEZONE = "Europe/Amsterdam"
LOCALE = ("nl_NL.UTF-8", "C.UTF-8", "C")

PATH = "content"
THEME = "theme"
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True

# Records are read by the dossiers plugin, not as Pelican articles.
ARTICLE_PATHS = ["__geen_artikelen__"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
DIRECT_TEMPLATES = ["zoeken"]  # the search page (theme/templates/zoeken.html)
TAGS_SAVE_AS = TAG_SAVE_AS = ""
CATEGORIES_SAVE_AS = CATEGORY_SAVE_AS = ""
AUTHORS_SAVE_AS = AUTHOR_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
ARTICLE_SAVE_AS = ""
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# Pelican's own feeds are off: the feeds plugin writes them with feedgen.
FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
# Feeds and calendars need absolute addresses. Local builds point to `invoke serve`
# (http://localhost:8000); publishconf.py sets FEED_SITEURL to the public SITEURL.
FEED_SITEURL = "http://localhost:8000"
# The tagging entity of every feed entry id (tag URI, RFC 4151) and calendar UID. Never
# change it: subscribers' readers know the entries by these ids. Not tied to SITEURL on
# purpose, so local and published builds give the same ids.
FEED_TAG_AUTHORITY = "raadsinformatie.harderwijk.example,2024"
FEED_MAX_ITEMS = 50  # main and topic feeds; a dossier feed carries all its entries
# How long a meeting lasts, in minutes, per gremium ("standaard" for any other): the end
# of every event in the calendars (agenda/*.ics). A meeting without a known start time
# is an all-day event. Checked at build time (raadsinfo/agenda.py).
VERGADERDUUR = {"gemeenteraad": 180, "commissie-ruimte": 150, "commissie-samenleving": 150, "standaard": 150}

PLUGIN_PATHS = [str(ROOT / "plugins")]
# sanitise first: it cleans every page Pelican reads (content_object_init) before other plugins see it.
# explain after dossiers: it reuses the dossiers. vergaderingen (the meeting pages) after
# dossiers and agenda: it reuses the dossiers and the calendar links.
PLUGINS = ["sanitise", "dossiers", "exports", "feeds", "agenda", "explain", "vergaderingen"]
# The labelling guard checks everything the plugins above wrote: keep it LAST.
PLUGINS.append("guard")

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# Autoescaping on: titles and texts from records are text, never markup. HTML that
# the build makes itself (rendered Markdown, charts) is passed as Markup or |safe.
# No auto_reload: Jinja would otherwise stat every template file on every include
# and import, thousands of times per build; Pelican makes a new environment for
# every (re)build, so `invoke livereload` still picks up template changes.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True,
                     "auto_reload": False}

# Label strings come from raadsinfo/labels.py only (the labelling rule, by construction).
JINJA_FILTERS = {"datum": datum, "datum_lang": datum_lang, "tijd": tijd, "bedrag": bedrag,
                 "uitkomst_regel": labels.uitkomst_regel, "uitkomst_kort": labels.uitkomst_kort,
                 "kort": labels.kort}
JINJA_GLOBALS = {"labeloverzicht": labels.overzicht()}

# None: the build describes today. Tests set a fixed day ("2026-11-27"), also through the
# RAADSINFO_TODAY environment variable (which `invoke check` reads too).
RAADSINFO_TODAY = os.environ.get("RAADSINFO_TODAY") or None

# `invoke livereload` sets RAADSINFO_LIVERELOAD: its local preview injects an inline script that
# reloads the page, which the Content-Security-Policy (base.html) lets run only in that preview.
LIVERELOAD = bool(os.environ.get("RAADSINFO_LIVERELOAD"))

# B1 language check of every text a resident reads (thresholds: raadsinfo/b1.py).
# False: a text that is too hard gives a warning. True: the build fails.
B1_STRICT = False

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
