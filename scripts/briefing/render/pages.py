"""Every generated page, one after another: the archive, the bibliography, each
brief's pages, the home page and the build report."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..analysis.records import Unlinked
from ..references.citing import Citing
from ..references.collect import Reference
from .archive import archive_pages, brief_trails, home_page
from .brief import Brief, newest_first
from .brief_pages import brief_pages
from .environment import environment
from .lists import bibliography_pages, report_pages


def render_pages(
    briefs: tuple[Brief, ...],
    references: tuple[Reference, ...],
    citing: Citing | None,
    failures: tuple[str, ...] = (),
    unlinked: Mapping[str, tuple[Unlinked, ...]] | None = None,
) -> Iterator[tuple[str, str]]:
    """Every generated page, with its path relative to ``docs/``, one after another.

    ``citing`` holds the formatted citations (None renders the pages without
    them); ``failures`` are the errors of seeds that could not be converted,
    which the build report lists, as it lists ``unlinked``, each brief's
    surnames that name no one for sure (by slug). Each brief's pages are
    kept while their inputs are the same (:func:`~briefing.keyed.kept`).
    """
    env = environment()
    ordered = tuple(sorted(briefs, key=newest_first))
    trails = brief_trails(ordered)
    yield from archive_pages(env, ordered).items()
    bib_pages, entry_page = bibliography_pages(env, references, citing)
    yield from bib_pages.items()
    del bib_pages  # a generator's locals live as long as it does
    for brief in briefs:
        slug = brief.article.slug
        cite = citing.briefs[slug] if citing else None
        yield from brief_pages(env, brief, trails[slug], cite, entry_page).items()
    yield "index.md", home_page(env, ordered, len(references))
    yield from report_pages(env, ordered, failures, unlinked or {}).items()
