"""The served site's search index: Pagefind, run over the built HTML.

Material's own search loads one index of the whole site before the first
result (14.7 MB at 1,000 briefs). Pagefind splits its index into chunks and
a query loads only those it needs. It runs after MkDocs has written the
site, from the binary that the ``pagefind-bin`` wheel ships; it indexes only
what the theme marks ``data-pagefind-body`` (overrides/main.html), and
leaves out the page furniture listed in :data:`EXCLUDED`. The pages are
indexed in parts that the browser merges, so that no run of Pagefind holds
the whole site (build/index_parts.py); each part is indexed from links to
its pages, laid out as in the site.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..build.memory import return_freed_memory
from ..build.staging import link_or_copy
from ..children import ending_with_this_process
from ..errors import BriefingError
from .index_parts import PART_PAGES, plan
from .kept_index import keep, remove_older, restore

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
    """What indexing a site produced: where, how long it took, from how many parts."""

    bundle: Path
    seconds: float
    parts: int = 1
    reused: int = 0
    """Parts whose pages were those of a kept index, which was copied in."""
    note: str | None = None
    """Why a kept index that was there could not be used."""


def index_site(
    site: Path,
    kept: Path | None = None,
    running: Callable[[subprocess.Popen[str]], None] | None = None,
    part_pages: int = PART_PAGES,
) -> SearchIndex:
    """Index the built site at ``site`` into ``site/pagefind/``; errors name the site.

    With ``kept`` (a folder for this site's last index, build/kept_index.py)
    each part whose pages are those a kept part was made from is copied in,
    and each new part is kept there. The new index is written beside the
    old one and then swapped in whole. ``running`` gets each Pagefind
    process as it starts."""
    started = time.monotonic()
    _remove(site / NEXT)
    try:
        parts, reused, note = write_index(site, site / NEXT, kept, running, part_pages)
        _swap(site / NEXT, site / BUNDLE)
    except OSError as exc:
        raise BriefingError(str(site), f"the search index could not be written: {exc}") from exc
    finally:
        _remove(site / NEXT)
    return SearchIndex(site / BUNDLE, time.monotonic() - started, parts, reused, note)


def write_index(
    site: Path,
    bundle: Path,
    kept: Path | None = None,
    running: Callable[[subprocess.Popen[str]], None] | None = None,
    part_pages: int = PART_PAGES,
) -> tuple[int, int, str | None]:
    """Index the pages of ``site`` into the new folder ``bundle``, part by part.

    The first part goes to ``bundle`` itself with Pagefind's engine; the
    others to ``bundle/parts/NAME/``, index only, listed in
    ``bundle/parts.json`` for the browser to merge. Returns the number of
    parts, how many came from ``kept``, and why a kept part could not be
    used (or None). ``running`` gets each Pagefind process as it starts."""
    parts = plan(site, set(KEPT_OUT), [*_options(), _version()], part_pages)
    staged, reused, notes, merged = site / STAGED, 0, [], []
    if kept is not None:
        remove_older(kept)
    try:
        for number, part in enumerate(parts):
            output = bundle / PARTS / part.name if number else bundle
            if kept is not None:
                why = restore(kept / part.name, part.digest, output)
                if why is None:
                    reused += 1
                    merged += [part.name] if number else []
                    continue
                if why:
                    notes.append(why)
            _remove(staged)
            linked = _link_pages(site, part.pages, staged)
            if number and not linked:
                continue  # every page of this part was removed meanwhile (see _link_pages)
            _check(site, _run(_command(staged, output), running))
            if number:
                _leave_index_only(output)
                merged.append(part.name)
            if kept is not None and linked == len(part.pages):
                keep(output, part.digest, kept / part.name)
    finally:
        _remove(staged)
    (bundle / MERGED).write_text(
        json.dumps([f"{PARTS}/{name}/" for name in merged]) + "\n", "utf-8"
    )
    if kept is not None:
        for folder in kept.iterdir():
            if folder.name not in {part.name for part in parts}:
                _remove(folder)
    return len(parts), reused, "; ".join(notes) or None


def _link_pages(site: Path, pages: tuple[str, ...], staged: Path) -> int:
    """Link the part's pages into ``staged`` as they are laid out in the site; how many were.

    Under ``briefing serve`` the next build may remove a page meanwhile: it is
    left out (and the part not kept), and that build asks for an index of its own."""
    linked = 0
    staged.mkdir(parents=True, exist_ok=True)
    for page in pages:
        try:
            link_or_copy(site / page, staged / page)
        except FileNotFoundError:
            continue
        linked += 1
    return linked


def _leave_index_only(part: Path) -> None:
    """Remove from a merged part what only the first part's engine needs."""
    for path in part.iterdir():
        if path.name not in INDEX_ONLY and not path.name.endswith(".pf_meta"):
            _remove(path)


def kept_folder(cache: Path, site: Path) -> Path:
    """Where the last index of the site folder ``site`` is kept, under ``cache``."""
    name = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]
    return cache / name


def _version() -> str:
    try:
        return metadata.version("pagefind-bin")
    except metadata.PackageNotFoundError:
        return "unknown"


def _options() -> list[str]:
    """How Pagefind runs, whatever the pages and the output."""
    return ["--exclude-selectors", ", ".join(EXCLUDED), "--force-language", LANGUAGE, "--silent"]


def _command(pages: Path, output: Path) -> list[str]:
    """Pagefind, indexing the pages under ``pages`` into the folder ``output``."""
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(pages),
        "--output-path",
        str(output),
        *_options(),
    ]


def _run(
    command: list[str], running: Callable[[subprocess.Popen[str]], None] | None = None
) -> tuple[int, str]:
    """Run Pagefind; its exit code and what it printed. ``running`` gets the process.

    What this process has freed goes back to the system first: Pagefind's
    memory and the build's, waiting, are counted together."""
    return_freed_memory()
    try:
        with subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=ending_with_this_process(),
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
"""Where a new index is written, before it replaces the old."""

STAGED = BUNDLE + ".pages"
"""Where the pages of the part being indexed are linked, as they are in the site."""

KEPT_OUT = (BUNDLE, NEXT, BUNDLE + ".old", STAGED)
"""Top-level folders of a site that are search indexes, not pages."""

PARTS = "parts"
"""The folder of ``pagefind/`` that holds the merged parts."""

MERGED = "parts.json"
"""In ``pagefind/``: the merged parts' folders, relative to it, for the browser."""

INDEX_ONLY = ("pagefind-entry.json", "index", "fragment", "filter")
"""What a merged part needs of its Pagefind output, with its metadata (``*.pf_meta``)."""


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
        try:
            return index_site(site, running=self._running)
        except BriefingError as exc:
            return exc
        finally:
            with self._lock:
                self._process = None

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
