"""The served site's search index: Pagefind, run over the built HTML.

Material's own search loads one index of the whole site before the first
result (14.7 MB at 1,000 briefs). Pagefind splits its index into chunks and
a query loads only those it needs. It runs after MkDocs has written the
site, from the binary that the ``pagefind-bin`` wheel ships; it indexes only
what the theme marks ``data-pagefind-body`` (overrides/main.html), and
leaves out the page furniture listed in :data:`EXCLUDED`.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import BriefingError
from .kept_index import keep, pages_digest, restore

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
    reused: bool = False
    """Whether the pages were those of the kept index, which was copied in."""
    note: str | None = None
    """Why a kept index that was there could not be used."""


def index_site(site: Path, kept: Path | None = None) -> SearchIndex:
    """Index the built site at ``site`` into ``site/pagefind/``; errors name the site.

    With ``kept`` (a folder for this site's last index, build/kept_index.py)
    the kept index is copied in if the pages are those it was made from, and
    a new index is kept there."""
    started = time.monotonic()
    command = _command(site, BUNDLE)
    if kept is None:
        _check(site, _run(command))
        return SearchIndex(site / BUNDLE, time.monotonic() - started)
    pages = pages_digest(site, set(KEPT_OUT), [*command[3:], _version()])
    if (why := restore(kept, pages, site / BUNDLE)) is None:
        return SearchIndex(site / BUNDLE, time.monotonic() - started, reused=True)
    # An index left by a build into the same folder (--dirty) may be the kept
    # one's files, linked: Pagefind must write new files, not into those.
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    _check(site, _run(command))
    keep(site / BUNDLE, pages, kept)
    return SearchIndex(site / BUNDLE, time.monotonic() - started, note=why or None)


def kept_folder(cache: Path, site: Path) -> Path:
    """Where the last index of the site folder ``site`` is kept, under ``cache``."""
    name = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]
    return cache / name


def _version() -> str:
    try:
        return metadata.version("pagefind-bin")
    except metadata.PackageNotFoundError:
        return "unknown"


def _command(site: Path, output: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-subdir",
        output,
        "--exclude-selectors",
        ", ".join(EXCLUDED),
        "--force-language",
        LANGUAGE,
        "--silent",
    ]


def _run(
    command: list[str], running: Callable[[subprocess.Popen[str]], None] | None = None
) -> tuple[int, str]:
    """Run Pagefind; its exit code and what it printed. ``running`` gets the process."""
    try:
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        ) as process:
            if running is not None:
                running(process)
            output, _ = process.communicate(timeout=3600)
            return process.returncode, output
    except (OSError, subprocess.TimeoutExpired) as exc:
        return -1, str(exc)


def _check(site: Path, done: tuple[int, str]) -> None:
    code, output = done
    if code != 0:
        detail = output.strip().splitlines()
        raise BriefingError(str(site), f"Pagefind could not index the site: {detail[-1:]}")


NEXT = BUNDLE + ".next"
"""Where the background indexer writes, before the new index replaces the old."""

KEPT_OUT = (BUNDLE, NEXT, BUNDLE + ".old")
"""Top-level folders of a site that are search indexes, not pages."""


class BackgroundIndexer:
    """Index a served site after each build without holding the build up.

    Under ``mkdocs serve`` the reader waits for the edited page, not for the
    search index: a build hands its site over and returns. The index is
    written into a folder of its own and then swapped in whole, so a search
    never reads half of one. Indexing runs one at a time; sites handed over
    while it runs are indexed once more afterwards, as they are then.
    ``report`` gets each outcome: the index, or the error.
    """

    def __init__(self, report: Callable[[SearchIndex | BriefingError], None]) -> None:
        self._report = report
        self._lock = threading.Condition()
        self._pending: Path | None = None
        self._busy = False
        self._closed = False
        self._process: subprocess.Popen[str] | None = None

    def request(self, site: Path) -> None:
        """Index ``site`` as soon as the indexer is free."""
        with self._lock:
            if self._closed:
                return
            self._pending = site
            if not self._busy:
                self._busy = True
                threading.Thread(target=self._work, name="search-index", daemon=True).start()

    def wait(self) -> None:
        """Block until nothing is being indexed or waiting to be."""
        with self._lock:
            self._lock.wait_for(lambda: not self._busy)

    def close(self) -> None:
        """Stop: drop what waits, end a running indexer, return when it has ended."""
        with self._lock:
            self._closed, self._pending = True, None
            if self._process is not None:
                self._process.terminate()
        self.wait()

    def _work(self) -> None:
        while True:
            with self._lock:
                site, self._pending = self._pending, None
                if site is None or self._closed:
                    self._busy = False
                    self._lock.notify_all()
                    return
            outcome = self._index(site)
            if not self._closed:
                self._report(outcome)

    def _index(self, site: Path) -> SearchIndex | BriefingError:
        started = time.monotonic()
        _remove(site / NEXT)
        done = _run(_command(site, NEXT), self._running)
        with self._lock:
            self._process = None
        try:
            _check(site, done)
            _swap(site / NEXT, site / BUNDLE)
        except (BriefingError, OSError) as exc:
            _remove(site / NEXT)
            return exc if isinstance(exc, BriefingError) else BriefingError(str(site), str(exc))
        return SearchIndex(site / BUNDLE, time.monotonic() - started)

    def _running(self, process: subprocess.Popen[str]) -> None:
        with self._lock:
            self._process = process
            if self._closed:
                process.terminate()


def _swap(new: Path, current: Path) -> None:
    """Put the folder ``new`` in the place of ``current``: two renames, then clean up."""
    old = current.with_name(current.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
