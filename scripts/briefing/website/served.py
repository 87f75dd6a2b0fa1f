"""A site served by ``briefing serve``: what an incremental rebuild must keep right.

``mkdocs serve --dirty`` renders only the pages whose Markdown is newer than
their HTML. Seeds change only their own pages and the site-wide ones, which
the conversion rewrites; other inputs change pages whose Markdown stays the
same, and a deleted seed's built pages would stay. The hook asks this module
what reaches every page (:func:`site_wide_digest`), empties the site when
that changed (:func:`empty`) and removes what no source stands for any more
(:func:`remove_gone`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .search import KEPT_OUT

KEPT = frozenset({*KEPT_OUT, "search", "404.html", "sitemap.xml", "sitemap.xml.gz"})
"""Top-level entries of a built site that no source file stands for: never removed
(Pagefind's index and the folders the background indexer works in, Material's
search index, the theme's own pages)."""


def site_wide_digest(sources: Iterable[Path]) -> str:
    """A digest of the files (or folders of files) that every page depends on.

    For a site: mkdocs.yml, the theme overrides, the glossary include (every
    page's abbreviations) and the data files."""
    digest = hashlib.sha256()
    for source in sources:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in (f for f in files if f.is_file()):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def empty(site: Path) -> None:
    """Remove everything in the site folder, so that the next build renders every page."""
    for entry in site.iterdir() if site.is_dir() else ():
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def remove_gone(site: Path, built: set[str]) -> int:
    """Remove built files that no source stands for (``built``: normalised paths); how many."""
    top = os.path.normpath(site)
    gone = []
    for folder, subfolders, names in os.walk(top):
        if folder == top:
            subfolders[:] = [name for name in subfolders if name not in KEPT]
            names = [name for name in names if name not in KEPT]
        gone += [path for name in names if (path := os.path.join(folder, name)) not in built]
    for path in gone:
        # Gone already: the background indexer may remove its own files meanwhile.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    return len(gone)
