"""Stage 5, render: articles, analyses and citations → Markdown pages, through Jinja templates.

:func:`render_pages` returns every generated page as text keyed by its
path under ``docs/``; writing them is the build's job.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from ..cite.citing import Citing

from .. import words
from ..analysis.claims import outlet_id
from ..analysis.othernames import outlet_names
from ..cite.references import Reference, reference_keys
from ..escape import attr, fenced, front_matter, md, url_link
from ..model import Article, Citation, ParentheticalKind
from .annotate import annotated, footnote_text, footnotes
from .mix import source_mix
from .names import country_name, full_name, language_name, other_names, outlet_kind

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


@functools.cache  # compiling the templates takes longer than rendering them
def _environment() -> jinja2.Environment:
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
        iso_date=words.iso_date,
        country_name=country_name,
        language_name=language_name,
        outlet_kind=outlet_kind,
        full_name=full_name,
        other_names=other_names,
    )
    env.globals.update(words=words, generated=GENERATED, outlet_names=outlet_names)
    return env


def render_pages(
    briefs: tuple[Brief, ...],
    references: tuple[Reference, ...],
    citing: Citing | None,
    failures: tuple[str, ...] = (),
) -> dict[str, str]:
    """Every generated page, keyed by its path relative to ``docs/``.

    ``citing`` holds the formatted citations (None renders the pages without
    them); ``failures`` are the errors of seeds that could not be converted,
    which the build report lists.
    """
    env = _environment()
    env.globals.update(citing=citing)
    pages: dict[str, str] = {}
    for brief in briefs:
        base = f"briefs/{brief.article.slug}"
        pages[f"{base}/index.md"] = env.get_template("overview.md.j2").render(
            brief=brief,
            article=brief.article,
            sources=_sources(brief.article),
            mix=source_mix(brief.article),
        )
        pages[f"{base}/text.md"] = _text_page(env, brief)
    ordered = tuple(sorted(briefs, key=_newest_first))
    pages["index.md"] = env.get_template("home.md.j2").render(briefs=ordered, references=references)
    pages["bibliography.md"] = env.get_template("bibliography.md.j2").render(
        references=references, briefs=briefs
    )
    pages["report.md"] = env.get_template("report.md.j2").render(
        briefs=briefs, kinds=ParentheticalKind, reasons=_reasons, failures=failures
    )
    return pages


def _text_page(env: jinja2.Environment, brief: Brief) -> str:
    article = brief.article
    notes = footnotes(article.paragraphs)
    firsts, number = {}, 1
    for paragraph in article.paragraphs:
        firsts[paragraph.number] = number
        number += len(paragraph.citations)
    return env.get_template("text.md.j2").render(
        brief=brief,
        article=article,
        sections={s.paragraph: s.heading for s in article.sections},
        paragraphs=[(p, annotated(p, firsts[p.number])) for p in article.paragraphs],
        footnotes=[
            (
                n.number,
                footnote_text(n.citation, reference_keys(n.citation), "../../bibliography.md"),
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
        kind = outlet_kind(outlet) if outlet else "not in the registry"
        _, _, _, paragraphs, count = rows.get(key, (name, None, kind, [], 0))
        if not paragraphs or paragraphs[-1] != citation.paragraph:  # citations are in order
            paragraphs.append(citation.paragraph)
        rows[key] = (name, outlet_id(citation) if name else None, kind, paragraphs, count + 1)
    return sorted(rows.values(), key=lambda row: (-row[4], row[0].casefold()))


def _reasons(article: Article) -> list[tuple[str, str, int]]:
    counts = Counter(
        (p.kind.value, p.reason) for para in article.paragraphs for p in para.parentheticals
    )
    return sorted((kind, reason, n) for (kind, reason), n in counts.items())


NAV_BY_YEAR_ABOVE = 20
"""Past this many briefs the navigation groups them by year.

With ``navigation.prune`` each page then carries only its own year's
briefs, not the whole archive: on a 1,000-brief site that is most of a
page's weight."""


def navigation(briefs: tuple[Brief, ...]) -> list[dict[str, object]]:
    """The site's navigation in mkdocs.yml form: home, the briefs, the site-wide pages."""
    ordered = sorted(briefs, key=_newest_first)
    entries: list[object] = [_brief_entry(b) for b in ordered]
    if len(ordered) > NAV_BY_YEAR_ABOVE:
        years: dict[str, list[object]] = {}
        for brief in ordered:
            years.setdefault(_year_label(brief), []).append(_brief_entry(brief))
        entries = [{year: items} for year, items in years.items()]
    return [
        {"Home": "index.md"},
        {"Briefs": entries},
        {"People": "people/index.md"},
        {"Outlets": "outlets/index.md"},
        {"Timeline": "timeline.md"},
        {"Tags": "tags.md"},
        {"Glossary": "glossary.md"},
        {"Bibliography": "bibliography.md"},
        {"Build report": "report.md"},
    ]


def _brief_entry(brief: Brief) -> dict[str, object]:
    slug = brief.article.slug
    return {
        attr(brief.article.title): [
            f"briefs/{slug}/index.md",
            {"Annotated text": f"briefs/{slug}/text.md"},
            {"People and quotes": f"briefs/{slug}/people.md"},
            {"Timeline": f"briefs/{slug}/timeline.md"},
            {"Claims": f"briefs/{slug}/claims.md"},
        ]
    }


def _year_label(brief: Brief) -> str:
    year = brief.article.year
    return str(year) if year is not None else "Undated"


def _newest_first(brief: Brief) -> tuple[int, int, int, str, str]:
    """Sort key: newest first (by date, else year, then volume and issue), then title."""
    article = brief.article
    when = article.date or (dt.date(article.year, 1, 1) if article.year else None)
    return (
        -(when.toordinal() if when else 0),
        -(article.volume or 0),
        -(article.issue or 0),
        article.title.casefold(),
        article.slug,
    )
