"""A brief's own pages: its overview, its annotated text, and the redirect stubs
of the pages it once had."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

import jinja2

from .. import words
from ..analysis.claims import outlet_id
from ..keyed import digest, kept
from ..model import Article
from ..references.citing import DOWNLOADS, BriefCitation
from ..references.collect import reference_keys
from .annotate import annotated, footnote_text, footnotes
from .archive import Trail
from .brief import Brief, outlet_key
from .mix import source_mix
from .names import outlet_kind
from .parts import href
from .structured import structured_data

REDIRECTS = {"people": "people-and-quotes", "timeline": "timeline", "claims": "claims"}
"""Pages a brief once had, now sections of its analysis page: old name → the section's id.

Their old addresses keep working as small redirect pages (``people/index.html``
beside the brief's pages), so links already pasted into memos still land."""


def brief_pages(
    env: jinja2.Environment,
    brief: Brief,
    trail: Trail,
    cite: BriefCitation | None,
    bibliography: Callable[[str], str],
) -> dict[str, str]:
    """A brief's overview, annotated text and redirect stubs, each kept while its inputs are.

    Every input is passed explicitly: the brief and its citations (as one
    digest), its trail, and for the text, where each key it cites sits in
    the bibliography."""
    article = brief.article
    base = f"briefs/{article.slug}"
    own = (digest(brief), digest(cite))
    places = {k: bibliography(k) for c in article.citations for k in reference_keys(c)}
    pages = {
        f"{base}/index.md": kept(
            "overview", (own, trail), lambda: _overview(env, brief, trail, cite)
        ),
        f"{base}/text.md": kept(
            "text", (own, trail, places), lambda: _text_page(env, brief, trail, cite, places)
        ),
    }
    title = f"{article.title} — Analysis"
    for old, section in REDIRECTS.items():
        target = f"../analysis/#{section}"
        pages[f"{base}/{old}/index.html"] = kept(
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
        key = outlet_key(citation)
        outlet = citation.outlet
        name = outlet.name if outlet else citation.outlet_text or citation.url or ""
        kind = outlet_kind(outlet) if outlet else words.NO_DETAILS
        _, _, _, paragraphs, count = rows.get(key, (name, None, kind, [], 0))
        if not paragraphs or paragraphs[-1] != citation.paragraph:  # citations are in order
            paragraphs.append(citation.paragraph)
        rows[key] = (name, outlet_id(citation) if name else None, kind, paragraphs, count + 1)
    return sorted(rows.values(), key=lambda row: (-row[4], row[0].casefold()))
