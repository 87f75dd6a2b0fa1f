"""The served site's search index: Pagefind, run over the built HTML.

Material's own search loads one index of the whole site before the first
result (14.7 MB at 1,000 briefs). Pagefind splits its index into chunks and
a query loads only those it needs. It runs after MkDocs has written the
site, from the binary that the ``pagefind-bin`` wheel ships; it indexes only
what the theme marks ``data-pagefind-body`` (overrides/main.html), and
leaves out the page furniture listed in :data:`EXCLUDED`.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError

BUNDLE = "pagefind"
"""Folder of the site that holds the index and Pagefind's script."""

EXCLUDED = (
    "[data-search-exclude]",  # what Material's search leaves out, Pagefind too
    ".footnote",  # the notes repeat each source; a snippet of them reads as a list
    ".footnote-ref",  # the note numbers would read as part of the sentence
    "thead",  # table headers ("Brief ¶ Date Claim") are furniture, not content
    ".md-clipboard",
    ".headerlink",
    ".brief-pilcrow",  # "¶ 3" before every paragraph
    ".md-source-file",
    ".md-tags",
    ".tabbed-set",  # the overview's citation styles: the title six times over
    ".brief-mix",  # source-mix bars: labels and percentages
    ".md-button",  # links to the brief's other pages, on every overview
)
"""CSS selectors of elements inside the indexed content that Pagefind skips."""

DISK_SEARCH_BRIEFS = 150
"""Above this many briefs, the file:// bundle says how to search it fast.

Material's search builds its whole index in the browser before the first
result. Measured in Chromium on this shared 2-core machine (synthetic
corpora, first result after typing): 0.67 s at 100 briefs, 1.03 s at 200,
1.62 s at 300: about one second at 190, so a margin below that. Served over
http, the same bundle searches with Pagefind (0.36 s at 200).
"""

LANGUAGE = "en"
"""The site's one language: the Cyrillic of a native name must not make a second index."""


@dataclass(frozen=True)
class SearchIndex:
    """What indexing a site produced: where, and how long it took."""

    bundle: Path
    seconds: float


def index_site(site: Path) -> SearchIndex:
    """Index the built site at ``site`` into ``site/pagefind/``; errors name the site."""
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--exclude-selectors",
        ", ".join(EXCLUDED),
        "--force-language",
        LANGUAGE,
        "--silent",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BriefingError(str(site), f"Pagefind could not index the site: {exc}") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BriefingError(str(site), f"Pagefind could not index the site: {detail[-1:]}")
    return SearchIndex(site / BUNDLE, time.monotonic() - started)
