"""Earlier builds' work, in one place: what a build loads first and saves last.

A build reuses four stores kept on disk under ``.cache/briefing/`` and the
:class:`~.memory.Memory` its process keeps for the next build:

- parsed seeds and their analyses (``seeds.json``, :mod:`.cache`), keyed
  by each seed's bytes;
- formatted citations (``citations.jsonl``, :mod:`.citecache`), so that
  pandoc runs only for new ones;
- memo documents (``memos/``, references/memo.py), converted once;
- in memory, the texts the last build rendered (``TextCache``), the
  citations it made and its references.

The build reads them through one :class:`Reuse`, made by :meth:`Reuse.load`,
makes them the ones its stages reuse for the length of a block
(:meth:`Reuse.active`: no stage takes a cache among its parameters), and
writes them back by one :meth:`Reuse.save` once its outputs are in place.
``Reuse.load`` with ``Memory.none()`` and a fresh project is a build from
nothing; ``briefing build --fresh`` removes the stores first, and its
outputs are byte-identical to a build that reused everything. The record of
the last build's outputs (:mod:`.record`), which lets an unchanged build
stop early, and MkDocs' rendered pages and search indexes (website/) are
kept by their own modules.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import BuildConfig
from ..keyed import TextCache
from ..references.citeproc import FormatCache
from ..references.citing import CitingKept, reusing
from ..references.collect import Reference
from ..references.memo import MemoCache, reusing_memos
from .cache import SeedCache, inputs_digest, load_seed_cache, seed_inputs_digest
from .citecache import Stamp, load_cache, save_cache, stamp
from .memory import Memory
from .staging import replace_files


@dataclass
class Reuse:
    """What a build may reuse of earlier builds' work, and what it adds for the next."""

    config: BuildConfig
    memory: Memory
    seeds: SeedCache
    """Parsed seeds and analyses: what this build reads is put back in it."""
    texts: TextCache
    """Texts rendered by the last build in this process, and this build's."""
    kept: CitingKept | None
    """The citations the last build in this process made (None: nothing kept)."""

    @classmethod
    def load(cls, config: BuildConfig, outlets: str, memory: Memory) -> Reuse:
        """The reusable work for ``config``'s project. ``outlets`` is the
        registry's text (texts are kept only while it is the same)."""
        inputs = seed_inputs_digest()  # the registry is in each entry's questions
        seeds = memory.seed_cache(config.seed_cache, inputs) or load_seed_cache(
            config.seed_cache, inputs
        )
        # Texts are made with the templates and styles too: kept only while none changed.
        texts = memory.texts.next(inputs_digest(outlets))
        kept = memory.citing if memory.texts.keep else None
        return cls(config, memory, seeds, texts, kept)

    @contextlib.contextmanager
    def active(self) -> Iterator[Reuse]:
        """Inside the block, rendering reuses the texts, citations and memo documents
        made before (:func:`~briefing.keyed.kept`, :func:`~briefing.references.citing.reusing`,
        :func:`~briefing.references.memo.reusing_memos`)."""
        with self.texts.active(), reusing(self.formats, self.kept), reusing_memos(self.memos):
            yield self

    def references(self, references: tuple[Reference, ...]) -> tuple[Reference, ...]:
        """``references``, each equal to one the last build made as that object."""
        return self.memory.same_references(references)

    @functools.cached_property
    def formats(self) -> FormatCache:
        """Formatted citations: from memory while the file is the one last saved."""
        return self._formats[0]

    @functools.cached_property
    def _formats(self) -> tuple[FormatCache, Stamp | None]:
        kept = self.memory.formats(self.config.cache)
        if kept is not None:
            return kept
        loaded = stamp(self.config.cache)
        cache = load_cache(self.config.cache)
        # Damaged lines are not copied when it is saved: every line is written anew.
        return cache, loaded if cache.note is None else None

    @functools.cached_property
    def memos(self) -> MemoCache:
        """Memo documents converted by earlier builds."""
        return MemoCache(self.config.memo_cache)

    @property
    def notes(self) -> tuple[str, ...]:
        """Kept work found unsound and made again, one line each."""
        found = [self.seeds.note]
        if "_formats" in self.__dict__:
            found.append(self.formats.note)
        if "memos" in self.__dict__:
            found.append(self.memos.note)
        return tuple(note for note in found if note is not None)

    def save(self) -> None:
        """Keep this build's work for the next: on disk, and in the process's memory."""
        config, memory = self.config, self.memory
        saved = save_cache(self.formats, config.cache, self._formats[1])
        keep_new_memos(self.memos, self.memos.unused())
        self.seeds.save(config.seed_cache)
        memory.keep(self.texts, self.seeds, config.seed_cache)
        memory.keep_formats(self.formats, saved)


def keep_new_memos(cache: MemoCache, unused: list[Path] | None = None) -> None:
    """Write the memo documents converted since the last call into the cache; drop ``unused``."""
    replace_files(cache.files(), unused or [])


def drop_new_memos(cache: MemoCache) -> None:
    """Keep none of the memo documents converted since the last call (nothing is written)."""
    cache.new.clear()
