"""Stage 5, render: articles, analyses and citations → Markdown pages, through Jinja templates.

:func:`render_pages` yields every generated page as text with its path
under ``docs/``, one at a time, so that the build can write each before the
next is made; writing them is the build's job.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from ..references.citing import BriefCitation, Citing
    from .archive import Trail

from .. import words
from ..analysis.claims import outlet_id, outlet_name
from ..analysis.othernames import outlet_names
from ..analysis.records import Unlinked
from ..escape import attr, fenced, front_matter, md, url_link
from ..keyed import TextCache
from ..model import Article, Citation
from ..references.citing import DOWNLOADS
from ..references.collect import Reference, reference_keys
from .annotate import annotated, footnote_text, footnotes
from .mix import affiliation, affiliations, source_mix
from .names import country_name, full_name, language_name, other_names, outlet_kind
from .parts import href, tag_path

GENERATED = "briefing"
"""Value of the ``generated_by`` front-matter key marking pages we own."""


@dataclass(frozen=True)
class Brief:
    """An article with what its pages need: keys, bottom line, counts."""

    article: Article
    key: str
    bottom_line: str
    bottom_line_automatic: bool
    topics: tuple[str, ...] = ()
    """Material tags of the overview: lexicon topics, then sidecar tags."""
    other_names: tuple[str, ...] = ()
    """Names of what the brief mentions that its text does not use, for search."""

    @property
    def outlet_count(self) -> int:
        return len({_outlet_key(c) for c in self.article.citations})


def _outlet_key(citation: Citation) -> str:
    return citation.outlet.id if citation.outlet else citation.outlet_text.casefold()


@functools.cache
def _environment() -> jinja2.Environment:
    """The one template environment, made once (compiling the templates takes
    longer than rendering them), with every filter any template uses: nothing
    changes it afterwards."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("briefing.render", "templates"),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        md=md,
        urllink=url_link,
        attr=attr,
        meta=front_matter,
        fenced=fenced,
        yaml=lambda value: json.dumps(value, ensure_ascii=True),
        plural=words.plural,
        cited_date=words.cited_date,
        tag_path=tag_path,
        iso_date=words.iso_date,
        country_name=country_name,
        language_name=language_name,
        outlet_kind=outlet_kind,
        full_name=full_name,
        other_names=other_names,
        affiliation=affiliation,
        affiliations=affiliations,
        outlet_id=outlet_id,
        outlet_name=outlet_name,
    )
    env.globals.update(words=words, generated=GENERATED, href=href, outlet_names=outlet_names)
    return env


REDIRECTS = {"people": "people-and-quotes", "timeline": "timeline", "claims": "claims"}
"""Pages a brief once had, now sections of its analysis page: old name → the section's id.

Their old addresses keep working as small redirect pages (``people/index.html``
beside the brief's pages), so links already pasted into memos still land."""


def render_pages(
    briefs: tuple[Brief, ...],
    references: tuple[Reference, ...],
    citing: Citing | None,
    failures: tuple[str, ...] = (),
    texts: TextCache | None = None,
    unlinked: Mapping[str, tuple[Unlinked, ...]] | None = None,
) -> Iterator[tuple[str, str]]:
    """Every generated page, with its path relative to ``docs/``, one after another.

    ``citing`` holds the formatted citations (None renders the pages without
    them); ``failures`` are the errors of seeds that could not be converted,
    which the build report lists, as it lists ``unlinked``, each brief's
    surnames that name no one for sure (by slug). ``texts`` keeps each
    brief's pages from the last build, reused while their inputs are the same.
    """
    # Imported here: these modules build on Brief, defined above.
    from .archive import archive_pages, brief_trails, home_page
    from .lists import bibliography_pages, report_pages

    env, texts = _environment(), texts or TextCache()
    ordered = tuple(sorted(briefs, key=_newest_first))
    trails = brief_trails(ordered)
    yield from archive_pages(env, ordered).items()
    bib_pages, entry_page = bibliography_pages(env, references, citing)
    yield from bib_pages.items()
    del bib_pages  # a generator's locals live as long as it does
    for brief in briefs:
        slug = brief.article.slug
        cite = citing.briefs[slug] if citing else None
        yield from _brief_pages(env, brief, trails[slug], cite, entry_page, texts).items()
    yield "index.md", home_page(env, ordered, len(references))
    yield from report_pages(env, ordered, failures, unlinked or {}).items()


def _brief_pages(
    env: jinja2.Environment,
    brief: Brief,
    trail: Trail,
    cite: BriefCitation | None,
    bibliography: Callable[[str], str],
    texts: TextCache,
) -> dict[str, str]:
    """A brief's overview, annotated text and redirect stubs, each kept while its inputs are.

    Every input is passed explicitly: the brief and its citations (as one
    digest), its trail, and for the text, where each key it cites sits in
    the bibliography."""
    article = brief.article
    base = f"briefs/{article.slug}"
    own = (texts.digest(brief), texts.digest(cite))
    places = {k: bibliography(k) for c in article.citations for k in reference_keys(c)}
    pages = {
        f"{base}/index.md": texts.text(
            "overview", (own, trail), lambda: _overview(env, brief, trail, cite)
        ),
        f"{base}/text.md": texts.text(
            "text", (own, trail, places), lambda: _text_page(env, brief, trail, cite, places)
        ),
    }
    title = f"{article.title} — Analysis"
    for old, section in REDIRECTS.items():
        target = f"../analysis/#{section}"
        pages[f"{base}/{old}/index.html"] = texts.text(
            "redirect",
            (title, target),
            functools.partial(
                env.get_template("redirect.html.j2").render, title=title, target=target
            ),
        )
    return pages


def _overview(
    env: jinja2.Environment, brief: Brief, trail: Trail, cite: BriefCitation | None
) -> str:
    from .structured import structured_data  # built on Brief, defined above

    return env.get_template("overview.md.j2").render(
        brief=brief,
        structured=structured_data(brief),
        article=brief.article,
        sources=_sources(brief.article),
        mix=source_mix(brief.article),
        trail=trail,
        cite=cite,
        downloads=DOWNLOADS,
    )


def _text_page(
    env: jinja2.Environment,
    brief: Brief,
    trail: Trail,
    cite: BriefCitation | None,
    places: Mapping[str, str],
) -> str:
    """The annotated text; ``places`` says where each cited key's bibliography entry is."""
    article = brief.article
    notes = footnotes(article.paragraphs)
    firsts, number = {}, 1
    for paragraph in article.paragraphs:
        firsts[paragraph.number] = number
        number += len(paragraph.citations)
    here = f"briefs/{article.slug}/text.md"
    return env.get_template("text.md.j2").render(
        brief=brief,
        trail=trail,
        article=article,
        cite=cite,
        sections={s.paragraph: s.heading for s in article.sections},
        paragraphs=[(p, annotated(p, firsts[p.number])) for p in article.paragraphs],
        footnotes=[
            (
                n.number,
                footnote_text(
                    n.citation, reference_keys(n.citation), lambda key: href(here, places[key])
                ),
            )
            for n in notes
        ],
    )


def _sources(article: Article) -> list[tuple[str, str | None, str, list[int], int]]:
    """Per outlet: name, registry id, description, paragraphs citing it, citation count."""
    rows: dict[str, tuple[str, str | None, str, list[int], int]] = {}
    for citation in article.citations:
        key = _outlet_key(citation)
        outlet = citation.outlet
        name = outlet.name if outlet else citation.outlet_text or citation.url or ""
        kind = outlet_kind(outlet) if outlet else words.NO_DETAILS
        _, _, _, paragraphs, count = rows.get(key, (name, None, kind, [], 0))
        if not paragraphs or paragraphs[-1] != citation.paragraph:  # citations are in order
            paragraphs.append(citation.paragraph)
        rows[key] = (name, outlet_id(citation) if name else None, kind, paragraphs, count + 1)
    return sorted(rows.values(), key=lambda row: (-row[4], row[0].casefold()))


REPORT_REASONS = {"citation": "it names a source and a date"}
"""How the build report says a reason that would only repeat its kind ("citation")."""


def _reasons(article: Article) -> list[tuple[str, str, int]]:
    """The report's rows: how parentheticals were read, why, and how many were."""
    counts = Counter(
        (p.kind.value, p.reason) for para in article.paragraphs for p in para.parentheticals
    )
    return sorted(
        (kind, REPORT_REASONS.get(reason, reason), n) for (kind, reason), n in counts.items()
    )


SECTIONS = (
    ("Home", "index.md"),
    ("Archive", "archive/index.md"),
    ("People", "people/index.md"),
    ("Outlets", "outlets/index.md"),
    ("Timeline", "timeline.md"),
    ("Tags", "tags.md"),
    ("Glossary", "glossary.md"),
    ("Bibliography", "bibliography.md"),
    ("Build report", "report.md"),
)
"""The site's sections, as its navigation lists them.

Briefs are not in the navigation: every page would carry the list, which
grows with the archive. The archive, tags, people and outlets lead to them."""


def navigation() -> list[dict[str, object]]:
    """The site's navigation in mkdocs.yml form: its sections, the same size at any archive size."""
    return [{title: path} for title, path in SECTIONS]


def _newest_first(brief: Brief) -> tuple[int, int, int, str, str]:
    """Sort key: newest first (by the stated date, else where the issue number places
    it, else the year; then volume and issue), then title."""
    article = brief.article
    when = article.placed_on if article.year is not None or article.date else None
    return (
        -(when.toordinal() if when else 0),
        -(article.volume or 0),
        -(article.issue or 0),
        article.title.casefold(),
        article.slug,
    )
