"""Production settings: absolute URLs for feeds, calendar and social meta; where to publish."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F403

# The public address of the site. Set RAADSINFO_SITEURL to publish elsewhere.
SITEURL = os.environ.get("RAADSINFO_SITEURL", "https://raadsinformatie.harderwijk.example")
RELATIVE_URLS = False
FEED_SITEURL = SITEURL  # feeds and calendars use the public address
# `invoke publish` always builds into a fresh, empty staging folder, so Pelican never needs to
# empty its output folder; off, so that running Pelican by hand with these settings and a wrong
# `-o` cannot wipe a folder either.
DELETE_OUTPUT_DIRECTORY = False

# Where `invoke publish` puts the site (docs/publiceren.md). Not set: `public/` in the checkout.
# Set but empty, `/`, the checkout, a home folder or a folder with other files: refused.
# The web server's root is `<target>/current`, a symlink to the newest of `<target>/releases/`.
PUBLISH_TARGET = os.environ.get("RAADSINFO_PUBLISH_TARGET", "public")
# How many published versions stay in `<target>/releases/` (at least 2, so that
# `invoke rollback` can always go back one).
PUBLISH_RELEASES_KEPT = os.environ.get("RAADSINFO_PUBLISH_KEEP", "5")
