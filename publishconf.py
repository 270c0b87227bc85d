"""Production settings: absolute URLs for feeds, calendar and social meta."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# The public address of the site. Set RAADSINFO_SITEURL to publish elsewhere.
SITEURL = os.environ.get("RAADSINFO_SITEURL", "https://raadsinformatie.harderwijk.example")
RELATIVE_URLS = False
FEED_SITEURL = SITEURL  # feeds and calendars use the public address
DELETE_OUTPUT_DIRECTORY = True

# Where `invoke publish` copies the built site (a folder, e.g. a web server's root).
PUBLISH_TARGET = os.environ.get("RAADSINFO_PUBLISH_TARGET", "public")
