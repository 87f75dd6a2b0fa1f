"""Everything a build writes, made one output at a time.

:func:`make_outputs` yields each file's path and content as soon as it is made,
so that the build can compare it with disk and stage it before the next is
made (:mod:`briefing.build.staging`); nothing holds the whole site. What
must be held is what the site-wide pages are made from (:class:`Sources`):
the briefs with their analyses, the references and the formatted
citations. Memo documents are made :data:`MEMO_BATCH` briefs at a time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..analysis.brief import BriefAnalysis
from ..analysis.gazetteer import Gazetteer
from ..analysis.glossary import ABBREVIATIONS, GlossaryEntry, abbreviations
from ..analysis.othernames import name_words
from ..config import BuildConfig
from ..errors import MemoError
from ..model import Article
from ..references.bibtex import site_bibtex
from ..references.citing import Citing
from ..references.collect import Reference
from ..references.csl import Site
from ..references.titles import ProperNouns
from ..render import Brief, render_pages
from ..render.analysis import analysis_pages
from ..render.feeds import feed_files
from ..render.memo import memo_documents

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
    memos: tuple[str, ...]
    """The formats the briefs offer memo documents in (none: no memo documents)."""
    memo_reference: Path | None


def make_outputs(
    config: BuildConfig,
    sources: Sources,
    memos_made: Callable[[], None],
    memo_failures: list[MemoError],
    notes: list[str] | None = None,
) -> Iterator[tuple[Path, str | bytes]]:
    """Every output's path and content, one at a time.

    Memo documents come first: one that pandoc cannot make fails its seed,
    and the build report, rendered after them, lists it. Such failures are
    appended to ``memo_failures``. ``memos_made`` is called after each batch,
    to keep (or drop) the documents it converted.
    A brief whose memo is too long to make offers none on its pages, and
    ``notes`` gets a line saying so.
    """
    docs = config.docs
    left_out: dict[str, str] = {}
    if sources.memos:
        yield from _memo_documents(config, sources, memos_made, memo_failures, left_out)
    if notes is not None:
        notes.extend(left_out.values())
    citing = _without_memos(sources.citing, left_out)
    failures = (*sources.failures, *(str(failure) for failure in memo_failures))
    bibtex = site_bibtex(sources.keyed, sources.references, sources.site, sources.nouns)
    yield config.bib, bibtex
    yield docs / DOWNLOADED_BIB, bibtex
    del bibtex  # a generator's locals live as long as it does
    for slug, cited in citing.briefs.items():
        for name, text in cited.files.items():
            yield docs / "briefs" / slug / name, text
    pages = render_pages(
        sources.briefs,
        sources.references,
        citing,
        failures,
        {a.slug: a.named.unlinked for a in sources.analyses if a.named.unlinked},
    )
    for path, text in pages:
        yield docs / path, text
    analysed = analysis_pages(sources.briefs, sources.gazetteer, sources.glossary, sources.analyses)
    for path, text in analysed:
        yield docs / path, text
    for path, text in feed_files(sources.briefs, sources.site):
        yield docs / path, text
    yield docs / NAME_WORDS, name_words(sources.mentioned)
    yield config.root / ABBREVIATIONS, abbreviations(sources.glossary)


def _memo_documents(
    config: BuildConfig,
    sources: Sources,
    memos_made: Callable[[], None],
    failures: list[MemoError],
    left_out: dict[str, str],
) -> Iterator[tuple[Path, bytes]]:
    briefs = iter(sources.briefs)
    while batch := tuple(itertools.islice(briefs, MEMO_BATCH)):
        made = memo_documents(
            batch,
            sources.citing,
            config.docs,
            sources.memo_reference,
            sources.memos,
        )
        memos_made()
        failures.extend(made.failures)
        left_out.update(made.left_out)
        documents = made.documents
        while documents:
            yield documents.popitem()


def _without_memos(citing: Citing, slugs: Collection[str]) -> Citing:
    """``citing`` with no memo document offered for the briefs ``slugs``."""
    if not slugs:
        return citing
    briefs = {
        slug: replace(cited, memos=()) if slug in slugs else cited
        for slug, cited in citing.briefs.items()
    }
    return replace(citing, briefs=briefs)
