"""What a build keeps in memory for the next build in the same process.

Under ``mkdocs serve`` the hook runs :func:`~briefing.build.build` for every
rebuild, in one long-lived process. What should outlive a build is kept
here rather than by the hook, so the hook stays a few lines and every caller
in the process (the hook, a benchmark, a test) gets it: one :class:`Memory`
per project, for as long as the process runs, holding the texts the last
build rendered, the citations it made, and its seed cache and citation
cache, which the next build would otherwise load again from the files it
has just saved.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import BuildConfig
from ..keyed import TextCache
from ..references.citeproc import FormatCache
from ..references.citing import CitingKept
from ..references.collect import Reference
from .cache import SeedCache
from .citecache import Stamp, stamp

PROJECTS_KEPT = 2
"""Projects whose last build a process remembers: a server has one; a test run
building hundreds of throw-away projects keeps only the latest."""


@dataclass
class Memory:
    """What the last build in this process rendered and read.

    Each build replaces what it holds with what it used, so the memory holds
    one build's worth, however many builds run."""

    texts: TextCache = field(default_factory=TextCache)
    seeds: SeedCache | None = None
    seeds_stamp: tuple[int, int] | None = None
    """Size and modification time of the seed cache's file when :attr:`seeds` was saved."""
    citing: CitingKept = field(default_factory=CitingKept)
    """The citations the last build made (see :func:`~briefing.references.citing.cite_all`)."""
    format_entries: dict[str, list[str]] | None = None
    """The citation cache's entries as the last build saved them."""
    format_stamp: Stamp | None = None
    """Size and modification time of the citation cache's file when it was saved."""
    references: dict[str, Reference] = field(default_factory=dict)
    """The last build's references by key: an equal one made again is replaced by
    it, so that what was computed from it (digests, kept texts) is found by identity."""

    @property
    def cold(self) -> bool:
        """Nothing rendered yet by a process that will build again (a server's first build).

        Such a build renders in full even when nothing changed, rather than
        reading its files back: otherwise the first edit would render
        everything, the slowest moment of a session."""
        return self.texts.keep and not self.texts.current and not self.texts.previous

    @classmethod
    def none(cls) -> Memory:
        """No memory: for a build that is the last of its process (``briefing build``)."""
        return cls(TextCache(keep=False))

    def seed_cache(self, path: Path, inputs: str) -> SeedCache | None:
        """The seed cache as last saved at ``path``, if the file is still the one saved.

        None when the file changed since (another process built), or the
        package did (``inputs``): then it is loaded from the file."""
        if self.seeds is None or self.seeds.inputs != inputs or stamp(path) != self.seeds_stamp:
            return None
        return self.seeds.fresh()

    def keep(self, texts: TextCache | None, seeds: SeedCache | None, path: Path) -> None:
        """Hold what a build rendered and the seed cache it saved at ``path``."""
        if not self.texts.keep:
            return
        if texts is not None:
            self.texts = texts
        self.seeds, self.seeds_stamp = seeds, stamp(path) if seeds is not None else None

    def same_references(self, references: tuple[Reference, ...]) -> tuple[Reference, ...]:
        """``references``, each equal to one the last build made as that object (kept
        for the next build)."""
        if not self.texts.keep:
            return references
        last = self.references
        same = tuple(
            kept if (kept := last.get(r.key)) is not None and kept == r else r for r in references
        )
        self.references = {r.key: r for r in same}
        return same

    def formats(self, path: Path) -> tuple[FormatCache, Stamp] | None:
        """The citation cache as last saved at ``path``, if the file is still the one saved."""
        if self.format_entries is None or self.format_stamp is None:
            return None
        if stamp(path) != self.format_stamp:
            return None
        return FormatCache(self.format_entries), self.format_stamp

    def keep_formats(self, cache: FormatCache, saved: Stamp | None) -> None:
        """Hold the entries of ``cache`` that the build saved, in a file now stamped ``saved``."""
        if self.texts.keep:
            self.format_entries, self.format_stamp = cache.kept(), saved


def memory_for(config: BuildConfig) -> Memory:
    """The memory this process keeps for ``config``'s project (the same object each call)."""
    return _memory(config.root.resolve(), config.docs.resolve(), config.bib.resolve())


@functools.lru_cache(maxsize=PROJECTS_KEPT)
def _memory(root: Path, docs: Path, bib: Path) -> Memory:
    return Memory()


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Run the block with what is already on the heap out of the collector's sight.

    In a long-lived process the heap holds the last build's texts and seeds,
    and each full collection during a build walked them all: a third of a
    one-edit build's time at 1,000 briefs. Frozen (:func:`gc.freeze`), they
    are left alone while the build runs; what the build itself makes is
    collected as usual."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def return_freed_memory() -> bool:
    """Hand the heap's free pages back to the system, before a child that needs many.

    A build frees each page's text once it is written, but the C allocator
    keeps what was freed for reuse: the process stays at the size of its
    busiest moment while it waits for Pagefind, and the two add up. glibc's
    ``malloc_trim`` returns the free pages (at 10,000 briefs, 1.27 of the
    build's 1.73 GB were resident as Pagefind started, 1.03 after it).
    Whether it could: not with another C library."""
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return False
    trim(0)
    return True
