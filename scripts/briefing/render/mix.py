"""The source mix of a brief: its citations by affiliation, outlet type and country."""

from __future__ import annotations

from collections import Counter

from .. import words
from ..model import AFFILIATION_LABELS, NOT_CLASSIFIED, Article, Citation, Outlet
from .names import country_name


def affiliation(outlet: Outlet | None, year: int | None = None) -> str:
    """The sourced label in force in ``year`` (:class:`Affiliation`), else ``not classified``."""
    return outlet.affiliation(year) if outlet else NOT_CLASSIFIED


def affiliations(outlet: Outlet | None) -> list[tuple[str, str, str, str]]:
    """Each sourced label of ``outlet``: (label, its years, what it means, its source)."""
    if outlet is None:
        return []
    return [(a.label, a.years, AFFILIATION_LABELS[a.label], a.source) for a in outlet.affiliations]


def _cited_year(citation: Citation, article: Article) -> int | None:
    """The year a citation's source was published: its first date's, else the article's."""
    dated = next((d.year for d in citation.dates if d.year is not None), None)
    return dated if dated is not None else article.year


def source_mix(article: Article) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Citations grouped by affiliation, outlet type and country: (label, count, percent)."""
    citations = article.citations
    groups = {
        "Affiliation": Counter(affiliation(c.outlet, _cited_year(c, article)) for c in citations),
        "Outlet type": Counter(
            c.outlet.type.value if c.outlet else words.NO_DETAILS for c in citations
        ),
        "Country": Counter(
            country_name(c.outlet.country if c.outlet else None) or "unknown" for c in citations
        ),
    }
    total = len(citations) or 1
    return [
        (
            title,
            [
                (label, n, round(100 * n / total))
                for label, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            ],
        )
        for title, counts in groups.items()
    ]
