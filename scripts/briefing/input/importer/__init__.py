"""Saved article pages and feeds → the seeds and sidecars they make.

``sources`` finds and decodes the files (folders, ``-`` for standard input)
and tells pages from feeds; ``page`` extracts an article page with
trafilatura; ``feed`` reads RSS and Atom with feedparser; ``body`` turns an
extracted body into paragraphs, keeping the addresses of linked sources;
``seed`` writes the seed text and sidecar values. Nothing here writes
files: :mod:`briefing.build.importing` does.
"""

from .article import Imported, Seen, Skipped
from .seed import seed_name, seed_text, sidecar_values
from .sources import read_sources

__all__ = [
    "Imported",
    "Seen",
    "Skipped",
    "read_sources",
    "seed_name",
    "seed_text",
    "sidecar_values",
]
