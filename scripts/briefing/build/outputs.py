"""Everything a build writes, made one output at a time.

:func:`make_outputs` yields each file's path and content as soon as it is made,
so that the build can compare it with disk and stage it before the next is
made (:mod:`briefing.build.staging`); nothing holds the whole site. What
must be held is what the site-wide pages are made from (:class:`Sources`):
the briefs with their analyses, the references and the formatted
citations. Memo documents are made :data:`MEMO_BATCH` briefs at a time, in
a thread, while the site's other outputs are made: pandoc converts them in
processes of its own, so the build renders meanwhile instead of waiting.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..analysis.brief import BriefAnalysis
from ..analysis.gazetteer import Gazetteer
from ..analysis.glossary import ABBREVIATIONS, GlossaryEntry, abbreviations
from ..analysis.othernames import name_words
from ..cite.bibtex import site_bibtex
from ..cite.citing import Citing
from ..cite.csl import Site
from ..cite.memo import MemoCache
from ..cite.references import Reference
from ..cite.titles import ProperNouns
from ..config import BuildConfig
from ..errors import MemoError
from ..keyed import TextCache
from ..model import Article
from ..render import Brief, render_pages
from ..render.analysis import analysis_pages
from ..render.memo import Memos, memo_documents

DOWNLOADED_BIB = "references.bib"
"""The copy of the bibliography under docs/, so the site can offer it."""

NAME_WORDS = "search/names.json"
"""Words of the names the briefs mention, under docs/: the search's suggestions."""

MEMO_BATCH = 100
"""Briefs whose memo documents are made together: bounds what a build holds of them."""


@dataclass(frozen=True)
class Sources:
    """What a build's outputs are made from: the whole site's briefs and citations."""

    briefs: tuple[Brief, ...]
    keyed: tuple[tuple[Article, str, str | None], ...]
    """Each article with its citation key and publisher."""
    analyses: tuple[BriefAnalysis, ...]
    mentioned: tuple[str, ...]
    """Every name the briefs mention, for the search's suggestions."""
    references: tuple[Reference, ...]
    citing: Citing
    failures: tuple[str, ...]
    """Errors of the seeds that failed, for the build report."""
    gazetteer: Gazetteer
    glossary: tuple[GlossaryEntry, ...]
    nouns: ProperNouns
    site: Site
    memos: bool
    """Whether the briefs offer memo documents."""
    memo_cache: MemoCache
    memo_reference: Path | None
    texts: TextCache
    """Texts rendered by an earlier build in this process, reused while their inputs are."""


def make_outputs(
    config: BuildConfig,
    sources: Sources,
    memos_made: Callable[[MemoCache], None],
    memo_failures: list[MemoError],
) -> Iterator[tuple[Path, str | bytes]]:
    """Every output's path and content, one at a time.

    Memo documents are converted while the bibliography, the downloads and
    the analysis pages are made, and come out as each batch is done. One
    that pandoc cannot make fails its seed, and the build report, rendered
    after all of them, lists it. Such failures are appended to
    ``memo_failures``. ``memos_made`` is called with the memo cache after
    each batch, to keep (or drop) the documents it converted.
    """
    docs = config.docs
    memos = _MemoBatches(config, sources, memos_made, memo_failures)
    try:
        yield from memos.between(_before_report(config, sources))
        yield from memos.rest()
    finally:
        memos.close()
    failures = (*sources.failures, *(str(failure) for failure in memo_failures))
    pages = render_pages(
        sources.briefs, sources.references, sources.citing, failures, sources.texts
    )
    for path, text in pages:
        yield docs / path, text


def _before_report(config: BuildConfig, sources: Sources) -> Iterator[tuple[Path, str]]:
    """The outputs that do not depend on which memo documents failed."""
    docs = config.docs
    bibtex = site_bibtex(
        sources.keyed, sources.references, sources.site, sources.nouns, sources.texts
    )
    yield config.bib, bibtex
    yield docs / DOWNLOADED_BIB, bibtex
    del bibtex  # a generator's locals live as long as it does
    for slug, cited in sources.citing.briefs.items():
        for name, text in cited.files.items():
            yield docs / "briefs" / slug / name, text
    analysed = analysis_pages(
        sources.briefs, sources.gazetteer, sources.glossary, sources.analyses, sources.texts
    )
    for path, text in analysed:
        yield docs / path, text
    yield docs / NAME_WORDS, name_words(sources.mentioned)
    yield config.root / ABBREVIATIONS, abbreviations(sources.glossary)


class _MemoBatches:
    """The briefs' memo documents, one batch at a time in a thread of their own.

    One batch is made at a time, and the next is asked for only once the
    last was handed on: the memo cache is then never written by both
    threads, and the build holds at most two batches' documents.
    """

    def __init__(
        self,
        config: BuildConfig,
        sources: Sources,
        memos_made: Callable[[MemoCache], None],
        failures: list[MemoError],
    ) -> None:
        self._config, self._sources = config, sources
        self._made, self._failures = memos_made, failures
        self._briefs = iter(sources.briefs if sources.memos else ())
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-memos")
        self._pending: Future[Memos] | None = None
        self._ask()

    def _ask(self) -> None:
        batch = tuple(itertools.islice(self._briefs, MEMO_BATCH))
        if not batch:
            self._pending = None
            return
        sources = self._sources
        self._pending = self._pool.submit(
            memo_documents,
            batch,
            sources.citing,
            self._config.docs,
            sources.memo_reference,
            sources.memo_cache,
            sources.texts,
        )

    def _taken(self) -> Iterator[tuple[Path, bytes]]:
        """The pending batch's documents (waiting for them); the next batch asked for."""
        assert self._pending is not None
        made = self._pending.result()
        self._made(self._sources.memo_cache)
        self._failures.extend(made.failures)
        self._ask()
        documents = made.documents
        while documents:
            yield documents.popitem()

    def between(self, outputs: Iterable[tuple[Path, str]]) -> Iterator[tuple[Path, str | bytes]]:
        """``outputs``, with each batch's documents as soon as it is done."""
        for output in outputs:
            yield output
            while self._pending is not None and self._pending.done():
                yield from self._taken()

    def rest(self) -> Iterator[tuple[Path, bytes]]:
        """The documents of the batches not yet done, waiting for each."""
        while self._pending is not None:
            yield from self._taken()

    def close(self) -> None:
        """Stop asking for batches; wait for the one being made, if any."""
        self._briefs = iter(())
        self._pool.shutdown(wait=True, cancel_futures=True)
